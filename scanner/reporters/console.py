"""The console report: findings in a table per severity, then a summary line and the verdict."""

from __future__ import annotations

import io
from itertools import groupby

from rich.console import Console
from rich.table import Table
from rich.text import Text

from scanner.gate.decision import EXIT_ANALYSIS_ERROR
from scanner.models import Finding, Severity
from scanner.reporters.base import TOOL_NAME, TOOL_VERSION, Report

STYLES = {
    Severity.CRITICAL: "bold white on red",
    Severity.HIGH: "bold red",
    Severity.MEDIUM: "yellow",
    Severity.LOW: "cyan",
    Severity.INFO: "dim",
}
HEADINGS = {
    "en": ("Rule", "Location", "Finding", "Provisions"),
    "zh": ("规则", "位置", "问题", "对应条款"),
}


SEVERITY_NAMES = {"en": {s: s.label.upper() for s in Severity},
                  "zh": {Severity.CRITICAL: "严重", Severity.HIGH: "高危", Severity.MEDIUM: "中危",
                         Severity.LOW: "低危", Severity.INFO: "提示"}}


class ConsoleReporter:
    """Tables per severity and the verdict; ``summary_only`` keeps just the verdict lines (what
    goes to stderr when the main report is another format)."""

    def __init__(self, color: bool = False, width: int = 120, summary_only: bool = False) -> None:
        self.color = color
        self.width = width
        self.summary_only = summary_only

    def render(self, report: Report) -> str:
        buffer = io.StringIO()
        console = Console(file=buffer, force_terminal=self.color, no_color=not self.color,
                          color_system="standard" if self.color else None,
                          width=self.width, highlight=False, soft_wrap=False)
        counted = [] if self.summary_only else [f for f in report.sorted_findings() if f.counts]
        for severity, group in groupby(counted, key=lambda f: f.severity):
            console.print(_table(report, severity, list(group)))
        console.print(_summary(report))
        return buffer.getvalue()


def _table(report: Report, severity: Severity, findings: list[Finding]) -> Table:
    name = SEVERITY_NAMES[report.lang][severity]
    title = Text(f"{name} ({len(findings)})", style=STYLES[severity])
    table = Table(title=title, title_justify="left", show_lines=False, expand=True)
    for heading, ratio in zip(HEADINGS[report.lang], (2, 3, 5, 3), strict=True):
        table.add_column(heading, ratio=ratio, overflow="fold")
    for finding in findings:
        rule = report.rule(finding.rule_id)
        title_text = rule.title.get(report.lang) if rule else ""
        table.add_row(
            Text(finding.rule_id, style=STYLES[severity]),
            finding.location.describe(),
            f"{finding.message.get(report.lang)}" + (f"\n[{title_text}]" if title_text else ""),
            "\n".join(report.cite(finding.provisions)) or "-",
        )
    return table


SUMMARY = {
    "en": {"scope": "{inputs} input(s), {rules} rule(s), {seconds:.1f} s — ",
           "none": "no findings", "hidden": " ({suppressed} suppressed, {baselined} in baseline)",
           "errors": "; {errors} input(s) could not be analyzed",
           "never": "gate: not enforced (--fail-on never)",
           "failed": "gate: FAILED ({failing} finding(s) at or above {threshold})",
           "unanalyzed": "gate: FAILED ({errors} input(s) could not be analyzed, "
                         "--fail-on-error)",
           "passed": "gate: passed (fail-on {threshold})"},
    "zh": {"scope": "输入 {inputs} 个，规则 {rules} 条，用时 {seconds:.1f} 秒 — ",
           "none": "未发现问题", "hidden": "（已抑制 {suppressed} 项，基线内 {baselined} 项）",
           "errors": "；{errors} 个输入无法分析",
           "never": "门禁：未启用（--fail-on never）",
           "failed": "门禁：未通过（{failing} 项问题达到或超过 {threshold}）",
           "unanalyzed": "门禁：未通过（{errors} 个输入无法分析，--fail-on-error）",
           "passed": "门禁：通过（阈值 {threshold}）"},
}


def _summary(report: Report) -> Text:
    words = SUMMARY[report.lang]
    counts = report.counts_by_severity()
    names = SEVERITY_NAMES[report.lang]
    parts = [f"{counts[s]} {s.label if report.lang == 'en' else names[s]}"
             for s in sorted(counts, reverse=True)] or [words["none"]]
    suppressed = sum(1 for f in report.findings if f.suppression)
    baselined = sum(1 for f in report.findings if f.in_baseline and not f.suppression)
    outcome = report.outcome
    decision = report.decision

    text = Text(f"{TOOL_NAME} {TOOL_VERSION}: " + words["scope"].format(
        inputs=len(outcome.artifacts), rules=len(outcome.rules), seconds=outcome.seconds))
    text.append(", ".join(parts))
    if suppressed or baselined:
        text.append(words["hidden"].format(suppressed=suppressed, baselined=baselined))
    if decision.analysis_errors:
        text.append(words["errors"].format(errors=decision.analysis_errors))

    if decision.exit_code == EXIT_ANALYSIS_ERROR:
        verdict, style = words["unanalyzed"].format(errors=decision.analysis_errors), "bold red"
    elif decision.threshold == "never":
        verdict, style = words["never"], "bold"
    elif decision.failing:
        verdict = words["failed"].format(failing=len(decision.failing),
                                         threshold=decision.threshold)
        style = "bold red"
    else:
        verdict, style = words["passed"].format(threshold=decision.threshold), "bold green"
    text.append("\n")
    text.append(verdict, style=style)
    return text
