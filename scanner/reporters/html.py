"""A self-contained HTML report (no scripts, no external assets) for sharing with reviewers."""

from __future__ import annotations

from html import escape

from scanner.models import Finding
from scanner.reporters.base import TOOL_NAME, TOOL_VERSION, Report
from scanner.reporters.markdown import LABELS

STYLE = """
body{font-family:system-ui,sans-serif;margin:2rem;color:#222}
table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:.3rem;
vertical-align:top;text-align:left}th{background:#f3f3f3}.critical{background:#fdd}
.high{background:#fee}.medium{background:#ffd}.low,.info{background:#eef}code{font-size:.9em}
"""


class HtmlReporter:
    def render(self, report: Report) -> str:
        words = LABELS[report.lang]
        decision = report.decision
        verdict = words["passed"] if decision.passed else words["failed"]
        counted = [f for f in report.sorted_findings() if f.counts]
        rows = "\n".join(_row(report, f) for f in counted)
        head = "".join(f"<th>{escape(words[k])}</th>"
                       for k in ("severity", "rule", "location", "finding", "provisions"))
        body = (f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"
                if counted else f"<p>{escape(words['none'])}</p>")
        gate = words["gate_line"].replace("`", "").format(threshold=decision.threshold,
                                                          code=decision.exit_code)
        return (
            f'<!DOCTYPE html>\n<html lang="{report.lang}"><head><meta charset="utf-8">'
            f"<title>{escape(words['title'])}</title><style>{STYLE}</style></head><body>"
            f"<h1>{escape(words['title'])}</h1>"
            f"<p><strong>{escape(words['verdict'])}: {escape(verdict)}</strong> "
            f"({escape(gate)})</p>{body}"
            f"<p><small>{TOOL_NAME} {TOOL_VERSION}</small></p></body></html>\n"
        )


def _row(report: Report, finding: Finding) -> str:
    rule = report.rule(finding.rule_id)
    fix = rule.remediation.get(report.lang) if rule else ""
    cells = [
        escape(finding.severity.label),
        f"<code>{escape(finding.rule_id)}</code>",
        f"<code>{escape(finding.location.describe())}</code>",
        f"{escape(finding.message.get(report.lang))}<br><small>{escape(fix)}</small>",
        "<br>".join(escape(c) for c in report.cite(finding.provisions)),
    ]
    tds = "".join(f"<td>{cell}</td>" for cell in cells)
    return f'<tr class="{finding.severity.label}">{tds}</tr>'
