"""Helpers for policy tests (imported as ``policy_helpers``): analyse real files with the
analyzer, run a pack's rules on them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from scanner.analyzers.base import AnalysisContext, AnalysisResult
from scanner.analyzers.policy import PolicyAnalyzer
from scanner.catalog.model import Catalog
from scanner.evaluators.base import EvalContext, FactBase, RuleResult
from scanner.evaluators.registry import evaluator
from scanner.models import Artifact

HERE = Path(__file__).parent
LABELLED = HERE / "labelled"
FIXTURES = HERE / "fixtures"


def analyze_policies(paths: Sequence[Path], root: Path) -> list[AnalysisResult]:
    artifacts = [Artifact(p, p.relative_to(root).as_posix(), "policy") for p in paths]
    return PolicyAnalyzer().analyze(artifacts, AnalysisContext(root=root))


def run_pack(catalog: Catalog, pack: str, results: Mapping[str, Sequence[AnalysisResult]],
             links: Sequence[Mapping[str, Any]] = ()) -> dict[str, RuleResult]:
    facts = FactBase(results={k: tuple(v) for k, v in results.items()}, links=tuple(links))
    context = EvalContext(catalog=catalog)
    return {rule.id: evaluator(rule.evaluator).evaluate(rule, facts, context)
            for rule in catalog.packs[pack].rules}


def finding_rows(outcome: Mapping[str, RuleResult]) -> list[tuple[str, str, int | None]]:
    return [(f.rule_id, f.identity, f.location.start_line)
            for result in outcome.values() for f in result.findings]
