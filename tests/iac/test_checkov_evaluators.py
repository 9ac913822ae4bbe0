"""The checkov and checkov_unmapped evaluators over hand-made facts: positive and negative cases."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from scanner.analyzers.base import AnalysisResult
from scanner.analyzers.iac.facts import CheckRecord, IacFileFacts
from scanner.catalog.model import Catalog, Rule
from scanner.evaluators.base import EvalContext, FactBase
from scanner.evaluators.checkov import CheckovEvaluator
from scanner.evaluators.checkov_unmapped import UnmappedCheckovEvaluator
from scanner.models import Artifact, Check, LocalText, Location, Severity

CODE = 'resource "aws_s3_bucket" "logs" {\n  acl = "public-read"\n}\n'


def record(check_id: str, result: str = "failed", resource: str = "aws_s3_bucket.logs",
           file: str = "s3.tf") -> CheckRecord:
    return CheckRecord(check_id, f"name of {check_id}", result, resource, file, 3, 5, CODE,
                       "terraform")


def rule(rule_id: str, evaluator: str = "checkov", **params: Any) -> Rule:
    text = LocalText(en="t", zh="t")
    return Rule(rule_id, "iac-test", text, text, text, Severity.HIGH, "iac", evaluator,
                params=params, maps_to=("cn-mlps2:8.1.4.8(b)", "eu-gdpr:32(1)(a)"))


def facts(*records: CheckRecord) -> FactBase:
    by_file: dict[str, list[CheckRecord]] = {}
    for item in records:
        by_file.setdefault(item.file, []).append(item)
    results = tuple(
        AnalysisResult(Artifact(Path(rel), rel, "iac"), IacFileFacts(rel, tuple(items)))
        for rel, items in by_file.items()
    )
    return FactBase({"iac": results})


def context(*rules: Rule, config: dict[str, Any] | None = None) -> EvalContext:
    return EvalContext(Catalog(rules={r.id: r for r in rules}), config or {})


CASES = [
    pytest.param([record("CKV_AWS_20")], ["CKV_AWS_20"], {"s3.tf"}, id="listed check failed"),
    pytest.param([record("CKV_AWS_20", "passed")], [], {"s3.tf"}, id="listed check passed"),
    pytest.param([record("CKV_AWS_20", "skipped")], [], {"s3.tf"}, id="listed check skipped"),
    pytest.param([record("CKV_AWS_99")], [], set(), id="other check failed"),
    pytest.param([record("CKV_AWS_20"), record("CKV_AWS_20")], ["CKV_AWS_20"], {"s3.tf"},
                 id="duplicate record once"),
    pytest.param([record("CKV_AWS_19"), record("CKV_AWS_20", file="b.tf")],
                 ["CKV_AWS_19", "CKV_AWS_20"], {"s3.tf", "b.tf"}, id="two files"),
]


@pytest.mark.parametrize(("records", "expected", "checked_files"), CASES)
def test_checkov_rule_cases(records: list[CheckRecord], expected: list[str],
                            checked_files: set[str]) -> None:
    the_rule = rule("GG-IAC-901", checks=["CKV_AWS_19", "CKV_AWS_20"])

    result = CheckovEvaluator().evaluate(the_rule, facts(*records), context(the_rule))

    assert sorted(f.properties["checkov_check_id"] for f in result.findings) == expected
    assert {c.artifact for c in result.checks} == checked_files


def test_checkov_finding_fields() -> None:
    the_rule = rule("GG-IAC-901", checks=["CKV_AWS_20"])

    result = CheckovEvaluator().evaluate(the_rule, facts(record("CKV_AWS_20")), context(the_rule))

    (finding,) = result.findings
    assert finding.rule_id == "GG-IAC-901"
    assert finding.severity is Severity.HIGH
    assert finding.identity == "aws_s3_bucket.logs:CKV_AWS_20"
    assert finding.evidence == "CKV_AWS_20 failed on aws_s3_bucket.logs"
    assert finding.source == "checkov:CKV_AWS_20"
    assert finding.provisions == ("cn-mlps2:8.1.4.8(b)", "eu-gdpr:32(1)(a)")
    assert finding.location == Location("s3.tf", 3, 5, logical="aws_s3_bucket.logs", snippet=CODE)
    assert finding.message.en == "aws_s3_bucket.logs fails checkov CKV_AWS_20: name of CKV_AWS_20"
    assert "CKV_AWS_20" in finding.message.zh
    assert finding.properties["checkov_check_name"] == "name of CKV_AWS_20"
    assert result.checks == [Check("GG-IAC-901", "s3.tf")]


def test_fingerprint_ignores_lines_and_edits_but_not_file() -> None:
    the_rule = rule("GG-IAC-901", checks=["CKV_AWS_20"])
    moved = CheckRecord("CKV_AWS_20", "n", "failed", "aws_s3_bucket.logs", "s3.tf", 30, 32,
                        CODE + "\n  tags = {}", "terraform")
    evaluate = CheckovEvaluator().evaluate

    first = evaluate(the_rule, facts(record("CKV_AWS_20")), context(the_rule)).findings[0]
    second = evaluate(the_rule, facts(moved), context(the_rule)).findings[0]
    other = evaluate(the_rule, facts(record("CKV_AWS_20", file="x.tf")), context(the_rule))

    assert first.fingerprint == second.fingerprint
    assert first.fingerprint != other.findings[0].fingerprint


UNMAPPED_CASES = [
    pytest.param([record("CKV_AWS_144")], {}, ["CKV_AWS_144"], Severity.LOW, id="unmapped low"),
    pytest.param([record("CKV_AWS_20")], {}, [], Severity.LOW, id="mapped check not repeated"),
    pytest.param([record("CKV_AWS_144", "passed")], {}, [], Severity.LOW, id="passed"),
    pytest.param([record("CKV_AWS_144")], {"iac": {"default_severity": "medium"}},
                 ["CKV_AWS_144"], Severity.MEDIUM, id="config severity"),
]


@pytest.mark.parametrize(("records", "config", "expected", "severity"), UNMAPPED_CASES)
def test_unmapped_cases(records: list[CheckRecord], config: dict[str, Any], expected: list[str],
                        severity: Severity) -> None:
    catch_all = rule("GG-IAC-900", "checkov_unmapped", default_severity="low")
    mapped = rule("GG-IAC-901", checks=["CKV_AWS_20"])

    result = UnmappedCheckovEvaluator().evaluate(
        catch_all, facts(*records), context(catch_all, mapped, config=config))

    assert [f.properties["checkov_check_id"] for f in result.findings] == expected
    assert all(f.severity is severity and f.properties["unmapped"] for f in result.findings)
