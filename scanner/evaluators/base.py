"""The contract every rule evaluator implements.

A rule's ``check.evaluator`` names an evaluator in ``scanner.evaluators.registry``; the
evaluator reads facts (never files) and returns what it found: failures as findings, satisfied
requirements as evidence, and the (rule, artifact) pairs it actually checked.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from scanner.analyzers.base import AnalysisResult
from scanner.models import Check, Evidence, Finding

if TYPE_CHECKING:
    from scanner.catalog.model import Catalog, Rule


@dataclass(frozen=True)
class FactBase:
    """All analysis results of a scan, grouped by domain; cross-domain rules read several."""

    results: Mapping[str, tuple[AnalysisResult, ...]]
    links: tuple[Mapping[str, Any], ...] = ()

    def of(self, domain: str) -> tuple[AnalysisResult, ...]:
        return tuple(r for r in self.results.get(domain, ()) if r.facts is not None)


@dataclass(frozen=True)
class EvalContext:
    """Settings an evaluator may consult: the catalog, the config sections, the language."""

    catalog: Catalog
    config: Mapping[str, Any] = field(default_factory=dict)
    lang: str = "en"


@dataclass
class RuleResult:
    """What one rule produced over the fact base."""

    findings: list[Finding] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    checks: list[Check] = field(default_factory=list)


class Evaluator(Protocol):
    """Applies rules whose ``check.evaluator`` is this evaluator's name."""

    def evaluate(self, rule: Rule, facts: FactBase, context: EvalContext) -> RuleResult:
        ...
