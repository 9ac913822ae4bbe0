"""The gate: inline and config suppressions, expiry, baseline, thresholds and exit codes."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from scanner.config import ConfigSuppression
from scanner.errors import ConfigError
from scanner.gate.apply import GateInput, apply_gate
from scanner.gate.baseline import read_baseline, write_baseline
from scanner.gate.decision import decide
from scanner.models import Finding, Location, Severity
from tests.core.sample import finding

TF = """\
resource "aws_s3_bucket" "a" {          # line 1
  bucket = "a"
}
# govgate:ignore GG-TEST-001 holds public website assets only
resource "aws_s3_bucket" "b" {          # line 5
  bucket = "b"
}
resource "aws_s3_bucket" "c" {          # line 8
  # govgate:ignore GG-TEST-001
  bucket = "c"
}
"""


@pytest.fixture()
def root(tmp_path: Path) -> Path:
    (tmp_path / "infra").mkdir()
    (tmp_path / "infra" / "s3.tf").write_text(TF)
    return tmp_path


def _bucket(name: str, line: int, rule_id: str = "GG-TEST-001") -> Finding:
    location = Location(path="infra/s3.tf", start_line=line, end_line=line + 2)
    return finding(rule_id=rule_id, identity=f"aws_s3_bucket.{name}", location=location)


def test_inline_mark_with_reason_suppresses_only_its_resource_and_rule(root: Path) -> None:
    findings = [_bucket("a", 1), _bucket("b", 5), _bucket("b", 5, "GG-TEST-002")]
    a, b, other_rule = apply_gate(findings, GateInput(root=root))
    assert a.suppression is None
    assert b.suppression is not None and b.suppression.reason == "holds public website assets only"
    assert b.suppression.origin == "infra/s3.tf:4" and b.suppression.in_source
    assert other_rule.suppression is None


def test_inline_mark_without_reason_does_not_suppress_and_is_a_finding(root: Path) -> None:
    result = apply_gate([_bucket("c", 8)], GateInput(root=root))
    assert [f.rule_id for f in result] == ["GG-TEST-001", "GG-META-002"]
    assert result[0].suppression is None
    assert result[1].location.path == "infra/s3.tf" and result[1].location.start_line == 9
    assert result[1].severity == Severity.MEDIUM


def test_no_inline_suppressions_ignores_marks(root: Path) -> None:
    (b,) = apply_gate([_bucket("b", 5)], GateInput(root=root, inline=False))
    assert b.suppression is None


def test_config_suppression_by_rule_and_path_and_its_expiry(root: Path) -> None:
    live = ConfigSuppression(rule="GG-TEST-001", path="infra/*", reason="accepted risk",
                             expires="2030-01-01")
    gate = GateInput(root=root, suppressions=(live,), today=date(2026, 12, 3), inline=False)
    (a,) = apply_gate([_bucket("a", 1)], gate)
    assert a.suppression is not None and a.suppression.reason == "accepted risk"
    assert not a.suppression.in_source

    gate.today = date(2030, 1, 2)
    a, note = apply_gate([_bucket("a", 1)], gate)
    assert a.suppression is None
    assert note.rule_id == "GG-META-003"
    assert note.message.en == ("Suppression of GG-TEST-001 for infra/* expired on 2030-01-01; "
                               "its findings count again")


def test_config_suppression_for_other_path_does_not_apply(root: Path) -> None:
    entry = ConfigSuppression(rule="GG-TEST-001", path="legacy/**", reason="old")
    (a,) = apply_gate([_bucket("a", 1)], GateInput(root=root, suppressions=(entry,)))
    assert a.suppression is None


def test_baseline_round_trip_hides_known_findings_only(tmp_path: Path) -> None:
    known = finding()
    path = tmp_path / "baseline.json"
    assert write_baseline([known], path, tmp_path) == 1
    fingerprints = read_baseline(path)

    moved = finding(line=30)  # same resource, same evidence, another line
    other_file = finding(path="other/s3.tf")  # same resource name in another file
    gate = GateInput(root=tmp_path, baseline=fingerprints, baseline_path=path)
    result = apply_gate([moved, other_file], gate)
    assert [f.in_baseline for f in result] == [True, False]


def test_fingerprint_changes_with_evidence_not_with_line() -> None:
    assert finding(line=3).fingerprint == finding(line=90).fingerprint
    assert finding().fingerprint != finding(evidence="other code").fingerprint
    assert finding().fingerprint != finding(identity="aws_s3_bucket.x").fingerprint


def test_bad_baseline_file_is_a_config_error(tmp_path: Path) -> None:
    path = tmp_path / "b.json"
    path.write_text("{not json")
    with pytest.raises(ConfigError, match=r"b.json:1: baseline is not valid JSON"):
        read_baseline(path)
    path.write_text('{"findings": []}')
    with pytest.raises(ConfigError, match="not a govgate baseline"):
        read_baseline(path)


@pytest.mark.parametrize(("fail_on", "code", "failing"), [
    ("critical", 0, 0), ("high", 1, 1), ("medium", 1, 1), ("low", 1, 2), ("never", 0, 0),
])
def test_threshold(fail_on: str, code: int, failing: int) -> None:
    findings = [finding(), finding(rule_id="GG-TEST-002", severity=Severity.LOW),
                finding(severity=Severity.CRITICAL, in_baseline=True)]
    decision = decide(findings, fail_on, fail_on_error=False)
    assert (decision.exit_code, len(decision.failing)) == (code, failing)


def test_analysis_errors_exit_3_only_when_asked() -> None:
    error = finding(rule_id="GG-META-001", severity=Severity.LOW)
    assert decide([error], "info", fail_on_error=False).exit_code == 0
    assert decide([error], "info", fail_on_error=True).exit_code == 3
    assert decide([error, finding()], "high", fail_on_error=True).exit_code == 3
