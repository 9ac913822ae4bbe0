"""The JSON report: every finding, evidence item and the facts of each input.

Its shape is versioned (``schema_version``) and described by ``scanner/schemas/report.schema.json``;
fields are only ever added within a major version.
"""

from __future__ import annotations

import json
from typing import Any

from scanner.models import Evidence, Finding, Location
from scanner.reporters.base import TOOL_NAME, TOOL_VERSION, Report

SCHEMA_VERSION = "1.0"


class JsonReporter:
    def render(self, report: Report) -> str:
        return json.dumps(build(report), indent=2, ensure_ascii=False, sort_keys=False) + "\n"


def build(report: Report) -> dict[str, Any]:
    outcome, decision = report.outcome, report.decision
    findings = report.sorted_findings()
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": TOOL_NAME, "version": TOOL_VERSION},
        "scan": {
            "root": outcome.root.as_posix(),
            "lang": report.lang,
            "rules": len(outcome.rules),
            "inputs": len(outcome.artifacts),
            "duration_seconds": round(outcome.seconds, 3),
        },
        "gate": {
            "fail_on": decision.threshold,
            "passed": decision.passed,
            "exit_code": decision.exit_code,
            "failing_findings": len(decision.failing),
            "analysis_errors": decision.analysis_errors,
        },
        "summary": _summary(report, findings),
        "findings": [_finding(report, f) for f in findings],
        "evidence": [_evidence(report, e) for e in outcome.evidence],
        "artifacts": _artifacts(report),
    }


def _summary(report: Report, findings: list[Finding]) -> dict[str, Any]:
    counts = report.counts_by_severity()
    return {
        "findings": len(findings),
        "counted": sum(1 for f in findings if f.counts),
        "suppressed": sum(1 for f in findings if f.suppression),
        "baselined": sum(1 for f in findings if f.in_baseline),
        "by_severity": {s.label: counts.get(s, 0) for s in sorted(counts, reverse=True)},
        "checks": len(report.outcome.checks),
        "evidence": len(report.outcome.evidence),
    }


def _finding(report: Report, finding: Finding) -> dict[str, Any]:
    rule = report.rule(finding.rule_id)
    data: dict[str, Any] = {
        "rule_id": finding.rule_id,
        "title": rule.title.get(report.lang) if rule else finding.rule_id,
        "severity": finding.severity.label,
        "domain": finding.domain,
        "message": finding.message.get(report.lang),
        "location": location(finding.location),
        "provisions": _provisions(report, finding.provisions),
        "fingerprint": finding.fingerprint,
        "identity": finding.identity,
        "source": finding.source,
        "properties": dict(finding.properties),
        "suppression": None,
        "baseline": finding.in_baseline,
    }
    if finding.suppression:
        s = finding.suppression
        data["suppression"] = {"reason": s.reason, "origin": s.origin, "expires": s.expires}
    if rule:
        data["remediation"] = rule.remediation.get(report.lang)
    return data


def _evidence(report: Report, evidence: Evidence) -> dict[str, Any]:
    rule = report.rule(evidence.rule_id)
    return {
        "rule_id": evidence.rule_id,
        "artifact": evidence.artifact,
        "message": evidence.message.get(report.lang),
        "location": location(evidence.location),
        "provisions": _provisions(report, rule.maps_to if rule else ()),
        "properties": dict(evidence.properties),
    }


def _provisions(report: Report, refs: tuple[str, ...] | list[str]) -> list[dict[str, str]]:
    catalog = report.outcome.catalog
    items = []
    for provision in report.provisions(list(refs)):
        regulation = catalog.regulations[provision.regulation]
        items.append({
            "ref": provision.ref,
            "regulation": regulation.short,
            "label": provision.cite_label(report.lang),
            "title": provision.title.get(report.lang),
        })
    return items


def location(loc: Location) -> dict[str, Any]:
    fields = ("path", "start_line", "end_line", "start_column", "end_column", "entry", "logical")
    return {name: getattr(loc, name) for name in fields if getattr(loc, name) is not None}


def _artifacts(report: Report) -> list[dict[str, Any]]:
    by_path: dict[str, dict[str, Any]] = {}
    for artifact in report.outcome.artifacts:
        by_path[artifact.rel] = {"path": artifact.rel, "domain": artifact.domain, "facts": None,
                                 "problems": []}
    for domain, results in report.outcome.results.items():
        for result in results:
            entry = by_path.setdefault(result.artifact.rel, {
                "path": result.artifact.rel, "domain": domain, "facts": None, "problems": []})
            entry["facts"] = result.facts.to_dict() if result.facts is not None else None
            entry["problems"] = [p.message for p in result.problems]
    return [by_path[k] for k in sorted(by_path)]
