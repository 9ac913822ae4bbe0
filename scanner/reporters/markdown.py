"""A Markdown report a reviewer can paste into a merge request or an audit file.

It opens with the verdict and counts, lists the findings that count, then groups findings and
evidence by provision so a privacy officer can read it article by article.
"""

from __future__ import annotations

from collections import defaultdict

from scanner.models import Finding
from scanner.reporters.base import TOOL_NAME, TOOL_VERSION, Report

LABELS = {
    "en": {"title": "govgate compliance report", "verdict": "Gate", "passed": "passed",
           "failed": "failed", "severity": "Severity", "rule": "Rule", "location": "Location",
           "finding": "Finding", "provisions": "Provisions", "by_provision": "By provision",
           "tally": "{findings} finding(s), {evidence} evidence item(s)",
           "gate_line": "fail-on `{threshold}`, exit code {code}",
           "scope": "{inputs} input(s), {rules} rule(s).",
           "none": "No findings.", "suppressed": "Suppressed or baselined",
           "reason": "Reason", "fix": "How to fix"},
    "zh": {"title": "govgate 合规报告", "verdict": "门禁", "passed": "通过", "failed": "未通过",
           "severity": "严重程度", "rule": "规则", "location": "位置", "finding": "问题",
           "provisions": "对应条款", "by_provision": "按条款汇总",
           "tally": "问题 {findings} 项，合规证据 {evidence} 项",
           "gate_line": "阈值 `{threshold}`，退出码 {code}",
           "scope": "输入 {inputs} 个，规则 {rules} 条。",
           "none": "未发现问题。", "suppressed": "已抑制或已纳入基线", "reason": "理由",
           "fix": "整改建议"},
}


class MarkdownReporter:
    def render(self, report: Report) -> str:
        words = LABELS[report.lang]
        lines = [f"# {words['title']}", ""]
        lines += _verdict(report, words)
        lines += _findings_table(report, words)
        lines += _suppressed(report, words)
        lines += _by_provision(report, words)
        lines.append(f"_{TOOL_NAME} {TOOL_VERSION}_")
        return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _verdict(report: Report, words: dict[str, str]) -> list[str]:
    decision = report.decision
    verdict = words["passed"] if decision.passed else words["failed"]
    counts = report.counts_by_severity()
    summary = ", ".join(f"{counts[s]} {s.label}" for s in sorted(counts, reverse=True))
    gate = words["gate_line"].format(threshold=decision.threshold, code=decision.exit_code)
    scope = words["scope"].format(inputs=len(report.outcome.artifacts),
                                  rules=len(report.outcome.rules))
    return [f"**{words['verdict']}: {verdict}** ({gate}) — {summary or words['none']}", "",
            scope, ""]


def _findings_table(report: Report, words: dict[str, str]) -> list[str]:
    counted = [f for f in report.sorted_findings() if f.counts]
    if not counted:
        return [words["none"], ""]
    lines = [
        f"| {words['severity']} | {words['rule']} | {words['location']} | {words['finding']} "
        f"| {words['provisions']} |",
        "|---|---|---|---|---|",
    ]
    for finding in counted:
        lines.append(
            f"| {finding.severity.label} | `{finding.rule_id}` "
            f"| `{_cell(finding.location.describe())}` "
            f"| {_cell(finding.message.get(report.lang))} "
            f"| {_cell('; '.join(report.cite(finding.provisions)))} |"
        )
    lines += ["", *_fixes(report, counted, words), ""]
    return lines


def _fixes(report: Report, findings: list[Finding], words: dict[str, str]) -> list[str]:
    lines = [f"<details><summary>{words['fix']}</summary>", ""]
    for rule_id in sorted({f.rule_id for f in findings}):
        rule = report.rule(rule_id)
        if rule:
            lines.append(f"- **{rule_id}** {rule.title.get(report.lang)}: "
                         f"{rule.remediation.get(report.lang)}")
    return lines + ["", "</details>"]


def _suppressed(report: Report, words: dict[str, str]) -> list[str]:
    hidden = [f for f in report.sorted_findings() if not f.counts]
    if not hidden:
        return []
    lines = [f"## {words['suppressed']}", "",
             f"| {words['rule']} | {words['location']} | {words['reason']} |", "|---|---|---|"]
    for finding in hidden:
        reason = finding.suppression.reason if finding.suppression else "baseline"
        where = _cell(finding.location.describe())
        lines.append(f"| `{finding.rule_id}` | `{where}` | {_cell(reason)} |")
    return lines + [""]


def _catalog_order(report: Report, ref: str) -> tuple[str, int]:
    """Provisions in the order their regulation lists them (Art. 7 before Art. 13)."""
    regulation_id, _, provision_id = ref.partition(":")
    regulation = report.outcome.catalog.regulations.get(regulation_id)
    ids = [p.id for p in regulation.provisions] if regulation else []
    return regulation_id, ids.index(provision_id) if provision_id in ids else len(ids)


def _by_provision(report: Report, words: dict[str, str]) -> list[str]:
    findings: dict[str, list[Finding]] = defaultdict(list)
    for finding in report.sorted_findings():
        if finding.counts:
            for ref in finding.provisions:
                findings[ref].append(finding)
    evidence: dict[str, int] = defaultdict(int)
    for item in report.outcome.evidence:
        rule = report.rule(item.rule_id)
        for ref in rule.maps_to if rule else ():
            evidence[ref] += 1
    refs = sorted(set(findings) | set(evidence), key=lambda ref: _catalog_order(report, ref))
    if not refs:
        return []

    lines = [f"## {words['by_provision']}", ""]
    for provision in report.provisions(refs):
        short = report.outcome.catalog.regulations[provision.regulation].short
        issues = findings.get(provision.ref, [])
        label = provision.cite_label(report.lang)
        tally = words["tally"].format(findings=len(issues), evidence=evidence.get(provision.ref, 0))
        lines.append(f"- **{short} {label}** {provision.title.get(report.lang)}: {tally}")
    return lines + [""]
