"""Framework detection: names and first bytes decide which checkov runners are needed."""

from __future__ import annotations

from pathlib import Path

import pytest

from scanner.analyzers.iac.frameworks import detect, frameworks_of
from scanner.models import Artifact

CASES = [
    ("main.tf", "", {"terraform"}),
    ("prod.tfvars", "", {"terraform"}),
    ("stack.tf.json", "{}", {"terraform_json"}),
    ("Dockerfile", "FROM alpine", {"dockerfile"}),
    ("api.Dockerfile", "FROM alpine", {"dockerfile"}),
    ("Dockerfile.prod", "FROM alpine", {"dockerfile"}),
    ("Chart.yaml", "apiVersion: v2\nname: web\n", {"helm"}),
    ("main.bicep", "", {"bicep"}),
    ("pod.yaml", "apiVersion: v1\nkind: Pod\n", {"kubernetes"}),
    ("pod.json", '{"apiVersion": "v1", "kind": "Pod"}', {"kubernetes"}),
    ("stack.yaml", 'AWSTemplateFormatVersion: "2010-09-09"\n', {"cloudformation"}),
    ("stack.json", '{"Resources": {"B": {"Type": "AWS::S3::Bucket"}}}', {"cloudformation"}),
    ("azuredeploy.json",
     '{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/'
     'deploymentTemplate.json#"}', {"arm"}),
    ("config.yaml", "retries: 3\n", set()),
    ("settings.py", "KEY = 1\n", set()),
]


@pytest.mark.parametrize(("name", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_frameworks_of(tmp_path: Path, name: str, text: str, expected: set[str]) -> None:
    path = tmp_path / name
    path.write_text(text)

    assert frameworks_of(path) == expected


def test_detect_always_adds_secrets(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text("")
    (tmp_path / "missing.yaml").touch()
    artifacts = [Artifact(tmp_path / n, n, "iac") for n in ("main.tf", "missing.yaml", "gone.yml")]

    assert detect(artifacts) == ("secrets", "terraform")
