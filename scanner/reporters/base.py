"""What every reporter receives (``Report``) and the one method it implements."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from scanner import __version__
from scanner.catalog.model import Provision, Rule
from scanner.gate.decision import Decision
from scanner.models import Finding, Severity
from scanner.pipeline import ScanOutcome

TOOL_NAME = "govgate"
TOOL_VERSION = __version__
TOOL_URI = "https://pypi.org/project/govgate/"


@dataclass(frozen=True)
class Report:
    """A finished scan: its outcome, the findings after the gate, and the verdict."""

    outcome: ScanOutcome
    findings: tuple[Finding, ...]
    decision: Decision
    lang: str = "en"

    def rule(self, rule_id: str) -> Rule | None:
        return self.outcome.catalog.rules.get(rule_id)

    def provisions(self, refs: Sequence[str]) -> list[Provision]:
        found = (self.outcome.catalog.provision(ref) for ref in refs)
        return [p for p in found if p is not None]

    def cite(self, refs: Sequence[str]) -> list[str]:
        """Human citations, e.g. ``PIPL Art. 51(3)``, in the report's language."""
        catalog = self.outcome.catalog
        citations = []
        for provision in self.provisions(refs):
            regulation = catalog.regulations[provision.regulation]
            citations.append(f"{regulation.short} {provision.cite_label(self.lang)}")
        return citations

    def sorted_findings(self) -> list[Finding]:
        return sorted(self.findings, key=_finding_order)

    def counts_by_severity(self) -> Counter[Severity]:
        return Counter(f.severity for f in self.findings if f.counts)

    def used_rules(self) -> list[Rule]:
        ids = sorted({f.rule_id for f in self.findings} | {c.rule_id for c in self.outcome.checks})
        return [rule for rule in (self.rule(i) for i in ids) if rule is not None]


def _finding_order(finding: Finding) -> tuple[object, ...]:
    location = finding.location
    return (-finding.severity, location.path, location.start_line or 0, finding.rule_id,
            finding.identity)


class Reporter(Protocol):
    def render(self, report: Report) -> str:
        ...
