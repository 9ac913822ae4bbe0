"""JUnit XML for CI dashboards: one testsuite per rule pack, one testcase per rule × input.

A testcase fails when the rule has counted findings on that input, is skipped when every finding
there is suppressed or baselined, and passes otherwise (including rules that found evidence).
"""

from __future__ import annotations

from collections import defaultdict

from junit_xml import TestCase, TestSuite, to_xml_report_string

from scanner.models import Finding
from scanner.reporters.base import Report


class JunitReporter:
    def render(self, report: Report) -> str:
        return to_xml_report_string(build_suites(report), encoding="utf-8")


def build_suites(report: Report) -> list[TestSuite]:
    findings: dict[tuple[str, str], list[Finding]] = defaultdict(list)
    for finding in report.sorted_findings():
        findings[(finding.rule_id, finding.location.path)].append(finding)

    pairs = {(c.rule_id, c.artifact) for c in report.outcome.checks} | set(findings)
    by_pack: dict[str, list[TestCase]] = defaultdict(list)
    for rule_id, artifact in sorted(pairs):
        rule = report.rule(rule_id)
        pack = rule.pack if rule else "govgate-core"
        found = findings.get((rule_id, artifact), [])
        by_pack[pack].append(_case(report, rule_id, artifact, found))

    return [TestSuite(name=pack, test_cases=cases) for pack, cases in sorted(by_pack.items())]


def _case(report: Report, rule_id: str, artifact: str, findings: list[Finding]) -> TestCase:
    rule = report.rule(rule_id)
    title = rule.title.get(report.lang) if rule else rule_id
    case = TestCase(name=f"{rule_id}: {title}", classname=artifact, file=artifact)

    counted = [f for f in findings if f.counts]
    if counted:
        case.add_failure_info(
            message=f"{len(counted)} finding(s): {counted[0].message.get(report.lang)}",
            output="\n".join(_line(report, f) for f in counted),
            failure_type=counted[0].severity.label,
        )
    elif findings:
        reasons = sorted({f.suppression.reason if f.suppression else "in baseline"
                          for f in findings})
        case.add_skipped_info(message="; ".join(reasons))
    return case


def _line(report: Report, finding: Finding) -> str:
    citations = ", ".join(report.cite(finding.provisions))
    text = f"[{finding.severity.label}] {finding.location.describe()}: "
    text += finding.message.get(report.lang)
    return text + (f" ({citations})" if citations else "")
