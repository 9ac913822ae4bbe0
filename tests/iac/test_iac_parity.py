"""Parity: the failed checks govgate's analyzer reports equal those of checkov's own CLI."""

from __future__ import annotations

from pathlib import Path

import pytest

from scanner.analyzers.iac.frameworks import detect
from scanner.discover import discover

from .checkov_cli import checkov_failed
from .conftest import EXAMPLE, FIXTURES, analyze, failed_set


@pytest.mark.parametrize("root", [EXAMPLE, FIXTURES / "module_vars"], ids=["demo", "module_vars"])
def test_failed_set_equals_checkov_cli(root: Path) -> None:
    frameworks = detect(discover([root], root).by_domain()["iac"])

    ours = failed_set(analyze(root))

    assert ours == checkov_failed(root, frameworks)
    assert ours


def test_demo_exact_rules_of_interest() -> None:
    ours = failed_set(analyze(EXAMPLE))

    expected = {
        ("CKV_AWS_24", "aws_security_group.bastion", "infra/aws/network.tf"),
        ("CKV_AWS_25", "aws_security_group.bastion", "infra/aws/network.tf"),
        ("CKV_AWS_16", "aws_db_instance.orders", "infra/aws/database.tf"),
        ("CKV_AWS_20", "aws_s3_bucket.product_images", "infra/aws/storage.tf"),
        ("CKV_AWS_36", "aws_cloudtrail.main", "infra/aws/audit.tf"),
        ("CKV_ALI_1", "alicloud_oss_bucket.banners", "infra/alicloud/main.tf"),
        ("CKV_ALI_2", "alicloud_security_group_rule.ssh_anywhere", "infra/alicloud/main.tf"),
        ("CKV_ALI_9", "alicloud_db_instance.orders", "infra/alicloud/main.tf"),
        ("CKV_ALI_20", "alicloud_db_instance.orders", "infra/alicloud/main.tf"),
        ("CKV_K8S_16", "Deployment.shop.orders-api", "deploy/k8s/orders.yaml"),
        ("CKV_DOCKER_3", "/app/Dockerfile.", "app/Dockerfile"),
    }
    assert expected <= ours
    passing = {
        ("CKV_AWS_24", "aws_security_group.database", "infra/aws/network.tf"),
        ("CKV_AWS_19", "aws_s3_bucket.invoices", "infra/aws/storage.tf"),
        ("CKV_ALI_1", "alicloud_oss_bucket.order_exports", "infra/alicloud/main.tf"),
        ("CKV_ALI_6", "alicloud_oss_bucket.order_exports", "infra/alicloud/main.tf"),
        ("CKV_ALI_2", "alicloud_security_group_rule.https_anywhere", "infra/alicloud/main.tf"),
    }
    assert not passing & ours
    secrets = {c for c, _, f in ours if f == "app/config/export-job.yaml"}
    assert secrets == {"CKV_SECRET_2"}


def test_cli_findings_equal_checkov_cli(monkeypatch: pytest.MonkeyPatch) -> None:
    """End to end: `govgate scan .` in a directory reports every check `checkov -d .` fails."""
    import json

    from click.testing import CliRunner

    from scanner.cli.main import cli

    frameworks = detect(discover([EXAMPLE], EXAMPLE).by_domain()["iac"])
    monkeypatch.chdir(EXAMPLE)
    result = CliRunner().invoke(cli, ["scan", ".", "-q", "-f", "json"])
    findings = json.loads(result.stdout)["findings"]
    ours = {(f["properties"]["checkov_check_id"], f["properties"]["resource"],
             f["location"]["path"]) for f in findings}

    assert ours == checkov_failed(EXAMPLE, frameworks)
