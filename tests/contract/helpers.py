"""Small helpers shared by the contract tests."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

from scanner.analyzers.base import AnalysisContext, AnalysisResult
from scanner.analyzers.contract import ContractAnalyzer, analyze_text
from scanner.analyzers.contract.facts import ContractFacts
from scanner.catalog.loader import load_catalog
from scanner.catalog.model import Catalog
from scanner.evaluators.base import EvalContext, FactBase, RuleResult
from scanner.evaluators.registry import evaluator
from scanner.models import Artifact


def facts_of(text: str, name: str = "agreement.md",
             config: Mapping[str, Any] | None = None) -> ContractFacts:
    result = analyze_text(text, name, config)
    assert isinstance(result.facts, ContractFacts), result.problems
    return result.facts


def clause_keys(text: str, name: str = "agreement.md") -> set[str]:
    return set(facts_of(text, name).clauses)


def run_contract_rules(
    paths: list[Path], config: Mapping[str, Any] | None = None
) -> tuple[list[AnalysisResult], list[tuple[str, str, int | None, str]], RuleResult]:
    """Analyze ``paths`` and run every contract rule: results, sorted findings as
    (rule, file, line, identity), and all rule results merged."""
    config = dict(config or {})
    artifacts = [Artifact(p, p.name, "contract") for p in paths]
    results = ContractAnalyzer().analyze(
        artifacts, AnalysisContext(root=paths[0].parent, config=config.get("contract", {})))
    facts = FactBase({"contract": tuple(results)})
    catalog = _catalog()
    context = EvalContext(catalog=catalog, config=config)
    merged = RuleResult()
    for rule in sorted(catalog.rules.values(), key=lambda r: r.id):
        if rule.domain != "contract":
            continue
        outcome = evaluator(rule.evaluator).evaluate(rule, facts, context)
        merged.findings.extend(outcome.findings)
        merged.evidence.extend(outcome.evidence)
        merged.checks.extend(outcome.checks)
    findings = sorted((f.rule_id, f.location.path, f.location.start_line, f.identity)
                      for f in merged.findings)
    return results, findings, merged


@cache
def _catalog() -> Catalog:
    return load_catalog()
