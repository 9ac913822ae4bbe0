"""The console report: findings in a table per severity, then a summary line and the verdict."""

from __future__ import annotations

import io
from itertools import groupby

from rich.console import Console
from rich.table import Table
from rich.text import Text

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


class ConsoleReporter:
    def __init__(self, color: bool = False, width: int = 120) -> None:
        self.color = color
        self.width = width

    def render(self, report: Report) -> str:
        buffer = io.StringIO()
        console = Console(file=buffer, force_terminal=self.color, no_color=not self.color,
                          color_system="standard" if self.color else None,
                          width=self.width, highlight=False, soft_wrap=False)
        counted = [f for f in report.sorted_findings() if f.counts]
        for severity, group in groupby(counted, key=lambda f: f.severity):
            console.print(_table(report, severity, list(group)))
        console.print(_summary(report))
        return buffer.getvalue()


def _table(report: Report, severity: Severity, findings: list[Finding]) -> Table:
    title = Text(f"{severity.label.upper()} ({len(findings)})", style=STYLES[severity])
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


def _summary(report: Report) -> Text:
    counts = report.counts_by_severity()
    parts = [f"{counts[s]} {s.label}" for s in sorted(counts, reverse=True)] or ["no findings"]
    suppressed = sum(1 for f in report.findings if f.suppression)
    baselined = sum(1 for f in report.findings if f.in_baseline and not f.suppression)
    outcome = report.outcome
    decision = report.decision

    text = Text(f"{TOOL_NAME} {TOOL_VERSION}: {len(outcome.artifacts)} input(s), "
                f"{len(outcome.rules)} rule(s), {outcome.seconds:.1f} s — ")
    text.append(", ".join(parts))
    if suppressed or baselined:
        text.append(f" ({suppressed} suppressed, {baselined} in baseline)")
    if decision.analysis_errors:
        text.append(f"; {decision.analysis_errors} input(s) could not be analyzed")

    if decision.threshold == "never":
        verdict, style = "gate: not enforced (--fail-on never)", "bold"
    elif decision.failing:
        failing = len(decision.failing)
        verdict = f"gate: FAILED ({failing} finding(s) at or above {decision.threshold})"
        style = "bold red"
    else:
        verdict, style = f"gate: passed (fail-on {decision.threshold})", "bold green"
    text.append("\n")
    text.append(verdict, style=style)
    return text
