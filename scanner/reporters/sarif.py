"""SARIF 2.1.0 for GitHub code scanning and other SARIF consumers.

One run per file. Rules carry help, ``security-severity`` and tags; results carry locations
relative to ``%SRCROOT%``, a stable partial fingerprint, the provisions they evidence, and a
``suppressions`` entry when the gate suppressed them.
"""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import quote

from scanner.catalog.model import Rule
from scanner.models import Finding, Location
from scanner.reporters.base import TOOL_NAME, TOOL_URI, TOOL_VERSION, Report

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "govgate/v1"
CHECKOV_INDEX = "https://www.checkov.io/5.Policy%20Index/all.html"


class SarifReporter:
    def render(self, report: Report) -> str:
        return json.dumps(build(report), indent=2, ensure_ascii=False) + "\n"


def build(report: Report) -> dict[str, Any]:
    rules = report.used_rules()
    index = {rule.id: position for position, rule in enumerate(rules)}
    root_uri = report.outcome.root.absolute().as_uri().rstrip("/") + "/"
    run = {
        "tool": {"driver": {
            "name": TOOL_NAME,
            "version": TOOL_VERSION,
            "semanticVersion": TOOL_VERSION,
            "informationUri": TOOL_URI,
            "rules": [_rule(report, rule) for rule in rules],
        }},
        "originalUriBaseIds": {"%SRCROOT%": {"uri": root_uri}},
        "invocations": [{
            "executionSuccessful": report.decision.analysis_errors == 0,
            "exitCode": report.decision.exit_code,
        }],
        "results": [_result(report, f, index) for f in report.sorted_findings()],
        "properties": {"gate": {"failOn": report.decision.threshold,
                                "passed": report.decision.passed}},
    }
    return {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}


def _rule(report: Report, rule: Rule) -> dict[str, Any]:
    lang = report.lang
    citations = report.cite(rule.maps_to)
    help_text = rule.remediation.get(lang)
    if citations:
        help_text += "\n\nProvisions: " + "; ".join(citations)
    data: dict[str, Any] = {
        "id": rule.id,
        "name": _pascal(rule.title.en or rule.id),
        "shortDescription": {"text": rule.title.get(lang)},
        "fullDescription": {"text": rule.rationale.get(lang)},
        "help": {"text": help_text, "markdown": _help_markdown(report, rule)},
        "defaultConfiguration": {"level": rule.severity.sarif_level},
        "properties": {
            "security-severity": rule.severity.security_severity,
            "tags": sorted({"compliance", rule.domain, rule.pack, *rule.tags,
                            *(ref.partition(":")[0] for ref in rule.maps_to)}),
            "provisions": list(rule.maps_to),
            "precision": "high",
        },
    }
    uri = _help_uri(report, rule)
    if uri:
        data["helpUri"] = uri
    return data


def _help_markdown(report: Report, rule: Rule) -> str:
    lines = [f"**{rule.title.get(report.lang)}**", "", rule.rationale.get(report.lang), "",
             "**Remediation:** " + rule.remediation.get(report.lang)]
    provisions = report.provisions(rule.maps_to)
    if provisions:
        lines += ["", "**Provisions:**"]
        for provision in provisions:
            short = report.outcome.catalog.regulations[provision.regulation].short
            label = provision.cite_label(report.lang)
            lines.append(f"- {short} {label}: {provision.title.get(report.lang)}")
    return "\n".join(lines)


def _help_uri(report: Report, rule: Rule) -> str | None:
    if rule.help_uri:
        return rule.help_uri
    for provision in report.provisions(rule.maps_to):
        source = report.outcome.catalog.regulations[provision.regulation].source
        if source:
            return source
    return CHECKOV_INDEX if rule.evaluator.startswith("checkov") else None


def _result(report: Report, finding: Finding, index: dict[str, int]) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": finding.rule_id,
        "level": finding.severity.sarif_level,
        "message": {"text": finding.message.get(report.lang)},
        "locations": [_location(finding.location)],
        "partialFingerprints": {FINGERPRINT_KEY: finding.fingerprint},
        "properties": {
            "severity": finding.severity.label,
            "provisions": list(finding.provisions),
            "citations": report.cite(finding.provisions),
            "identity": finding.identity,
        },
    }
    if finding.rule_id in index:
        result["ruleIndex"] = index[finding.rule_id]
    if finding.source:
        result["properties"]["source"] = finding.source
    if finding.in_baseline:
        result["baselineState"] = "unchanged"
    if finding.suppression:
        result["suppressions"] = [{
            "kind": "inSource" if finding.suppression.in_source else "external",
            "justification": finding.suppression.reason,
        }]
    return result


def _location(location: Location) -> dict[str, Any]:
    region: dict[str, Any] = {"startLine": max(location.start_line or 1, 1)}
    if location.end_line and location.end_line >= region["startLine"]:
        region["endLine"] = location.end_line
    if location.start_column:
        region["startColumn"] = location.start_column
    if location.end_column:
        region["endColumn"] = location.end_column

    artifact: dict[str, Any] = {"uri": location.path}
    if not location.path.startswith(("http://", "https://")):
        artifact = {"uri": quote(location.path, safe="/"), "uriBaseId": "%SRCROOT%"}
    data: dict[str, Any] = {"physicalLocation": {"artifactLocation": artifact, "region": region}}
    logical = _logical_name(location)
    if logical:
        kind = "function" if "->" in logical else "member" if location.entry else "resource"
        data["logicalLocations"] = [{"fullyQualifiedName": logical, "kind": kind}]
    return data


def _logical_name(location: Location) -> str | None:
    if location.entry and location.logical:
        return f"{location.entry}/{location.logical}"
    return location.logical or location.entry


def _pascal(text: str) -> str:
    return "".join(word.capitalize() for word in re.findall(r"[A-Za-z0-9]+", text)) or "Rule"
