"""The IaC analyzer on small fixture directories: exact failed (check, resource, file) sets."""

from __future__ import annotations

import logging
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from scanner.analyzers.base import AnalysisContext
from scanner.analyzers.iac import IacAnalyzer
from scanner.analyzers.iac.facts import IacFileFacts
from scanner.discover import discover

from .conftest import EXAMPLE, FIXTURES, analyze, failed_set, problems

POD = "Pod.tools.debug"


def test_security_groups_open_and_restricted() -> None:
    results = analyze(FIXTURES / "network")

    assert failed_set(results) == {
        ("CKV2_AWS_5", "aws_security_group.ssh_office", "main.tf"),
        ("CKV2_AWS_5", "aws_security_group.ssh_open", "main.tf"),
        ("CKV_AWS_24", "aws_security_group.ssh_open", "main.tf"),
    }
    assert problems(results) == {}


def test_kubernetes_dockerfile_and_secret() -> None:
    results = analyze(FIXTURES / "containers")

    k8s = {"CKV2_K8S_6"} | {f"CKV_K8S_{n}" for n in (
        8, 9, 10, 11, 12, 13, 15, 16, 20, 22, 23, 28, 29, 31, 37, 38, 40, 43)}
    assert failed_set(results) == {(c, POD, "pod.yaml") for c in k8s} | {
        ("CKV_SECRET_2", "25910f981e85ca04baf359199dd0bd4a3ae738b6", "keys.yaml"),
    }


def test_hardened_dockerfile_has_only_passed_records() -> None:
    results = {r.artifact.rel: r for r in analyze(FIXTURES / "containers")}

    facts = results["Dockerfile"].facts
    assert isinstance(facts, IacFileFacts)
    assert facts.failed == ()
    assert {r.check_id for r in facts.records} >= {"CKV_DOCKER_2", "CKV_DOCKER_3"}
    assert facts.frameworks == ("dockerfile",)


def test_module_on_disk_with_tfvars() -> None:
    results = analyze(FIXTURES / "module_vars")

    resource = "module.assets.alicloud_oss_bucket.this"
    checks = ("CKV_ALI_1", "CKV_ALI_10", "CKV_ALI_11", "CKV_ALI_12", "CKV_ALI_6")
    assert failed_set(results) == {(c, resource, "modules/bucket/main.tf") for c in checks}


def test_record_fields_and_to_dict() -> None:
    results = {r.artifact.rel: r for r in analyze(FIXTURES / "network")}

    facts = results["main.tf"].facts
    assert isinstance(facts, IacFileFacts)
    record = next(r for r in facts.failed if r.check_id == "CKV_AWS_24")
    assert (record.start_line, record.end_line, record.framework) == (1, 12, "terraform")
    assert record.check_name == "Ensure no security groups allow ingress from 0.0.0.0:0 to port 22"
    assert record.code.startswith('resource "aws_security_group" "ssh_open" {')
    assert record.to_dict()["result"] == "failed"
    assert facts.to_dict()["path"] == "main.tf"


def test_no_network_and_quiet_root_logger(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the IaC analyzer tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    handlers = list(logging.getLogger().handlers)

    results = analyze(FIXTURES / "module_vars")

    assert len(failed_set(results)) == 5
    assert logging.getLogger().handlers == handlers
    assert logging.getLogger("checkov").propagate is True


def test_config_frameworks_override() -> None:
    results = analyze(FIXTURES / "containers", frameworks=["dockerfile"])

    assert failed_set(results) == set()


def test_dockerfile_resource_names_are_root_relative(tmp_path: Path) -> None:
    (tmp_path / "svc").mkdir()
    (tmp_path / "svc" / "Dockerfile").write_text("FROM alpine:3.20\nCMD [\"true\"]\n")

    results = analyze(tmp_path)

    assert failed_set(results) == {
        ("CKV_DOCKER_2", "/svc/Dockerfile.", "svc/Dockerfile"),
        ("CKV_DOCKER_3", "/svc/Dockerfile.", "svc/Dockerfile"),
    }


def test_cloudformation_template() -> None:
    results = analyze(FIXTURES / "cloudformation")

    checks = ("CKV_AWS_18", "CKV_AWS_21", "CKV_AWS_53", "CKV_AWS_54", "CKV_AWS_55", "CKV_AWS_56")
    assert failed_set(results) == {(c, "AWS::S3::Bucket.Uploads", "template.yaml") for c in checks}


def test_helm_chart_without_helm_binary(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("scanner.analyzers.iac.analyzer.shutil.which", lambda name: None)

    results = analyze(FIXTURES / "helm")

    assert problems(results) == {
        "chart/Chart.yaml": ["Helm chart not scanned: the helm binary is not installed"],
    }
    assert failed_set(results) == set()


def test_module_outside_the_scanned_directory_still_gets_results() -> None:
    artifacts = discover([EXAMPLE / "infra" / "aws"], EXAMPLE).by_domain()["iac"]

    results = IacAnalyzer().analyze(artifacts, AnalysisContext(root=EXAMPLE))

    module_file = "infra/modules/log_bucket/main.tf"
    assert module_file not in {a.rel for a in artifacts}
    by_rel = {r.artifact.rel: r for r in results}
    assert by_rel[module_file].artifact.path == EXAMPLE / module_file
    assert ("CKV_AWS_145", "module.access_logs.aws_s3_bucket.this", module_file) in failed_set(
        results)


def test_importing_the_iac_domain_does_not_import_checkov() -> None:
    code = ("import sys, scanner.analyzers.iac, scanner.evaluators.checkov, "
            "scanner.evaluators.checkov_unmapped\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] == 'checkov'))")

    completed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                               check=True, cwd=EXAMPLE.parents[1])

    assert completed.stdout.strip() == "[]"
