"""A small, fixed scan result used to test the gate and every reporter."""

from __future__ import annotations

from pathlib import Path

from scanner.catalog.loader import load_catalog
from scanner.gate.decision import decide
from scanner.models import Check, Evidence, Finding, LocalText, Location, Severity, Suppression
from scanner.pipeline import ScanOutcome
from scanner.reporters.base import Report

FIXTURES = Path(__file__).parent / "fixtures"


def finding(rule_id: str = "GG-TEST-001", path: str = "infra/s3.tf", line: int = 3,
            identity: str = "aws_s3_bucket.data", severity: Severity = Severity.HIGH,
            **extra: object) -> Finding:
    values: dict[str, object] = {
        "rule_id": rule_id, "severity": severity, "domain": "iac",
        "message": LocalText(en=f"{identity} is not encrypted", zh=f"{identity} 未加密"),
        "location": Location(path=path, start_line=line, end_line=line + 4, logical=identity),
        "provisions": ("test-reg:1(2)",), "identity": identity,
        "evidence": f'resource "aws_s3_bucket" "{identity}" {{}}', "source": "checkov:CKV_AWS_19",
    }
    values.update(extra)
    return Finding(**values)  # type: ignore[arg-type]


def sample_findings() -> list[Finding]:
    apk_location = Location(path="app/app.apk", entry="classes2.dex",
                            logical="Lcom/example/Main;->onCreate(Landroid/os/Bundle;)V")
    return [
        finding(),
        finding(rule_id="GG-TEST-002", severity=Severity.LOW, provisions=("test-reg:1",),
                message=LocalText(en="logs | off", zh="日志未开启")),
        finding(identity="aws_s3_bucket.legacy", line=20,
                suppression=Suppression(reason="public assets", origin="infra/s3.tf:19",
                                        in_source=True)),
        finding(identity="aws_s3_bucket.old", line=40, in_baseline=True),
        finding(rule_id="GG-TEST-001", path="app/app.apk", line=0, identity="device-id",
                location=apk_location, severity=Severity.CRITICAL),
    ]


def sample_report(fail_on: str = "high", lang: str = "en") -> Report:
    catalog = load_catalog([FIXTURES / "rules"], use_cache=False)
    findings = sample_findings()
    outcome = ScanOutcome(
        root=Path("/project"), catalog=catalog,
        rules=[catalog.rules["GG-TEST-001"], catalog.rules["GG-TEST-002"]],
        artifacts=[], results={},
        evidence=[Evidence(rule_id="GG-TEST-002", artifact="infra/logs.tf",
                           message=LocalText(en="logging enabled", zh="已开启日志"),
                           location=Location(path="infra/logs.tf", start_line=1))],
        checks=[Check("GG-TEST-001", "infra/s3.tf"), Check("GG-TEST-002", "infra/s3.tf"),
                Check("GG-TEST-002", "infra/logs.tf"), Check("GG-TEST-001", "app/app.apk")],
        findings=findings,
    )
    decision = decide(findings, fail_on, fail_on_error=False)
    return Report(outcome=outcome, findings=tuple(findings), decision=decision, lang=lang)
