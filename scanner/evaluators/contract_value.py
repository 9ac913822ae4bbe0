"""``contract_value``: a normalized clause value must not exceed a configurable maximum.

``params``: ``value`` (a key of ``ContractFacts.values``, e.g. ``breach_notification_hours``,
``liquidated_damages_rate``), ``clause`` (the clause the value comes from, for the location),
``setting`` (the ``contract:`` key in govgate.yaml holding the maximum) and ``default``.
Rates that accrue per day are not compared with a maximum meant for a one-off sum.
"""

from __future__ import annotations

import logging

from scanner.catalog.model import Rule
from scanner.evaluators.base import EvalContext, FactBase, RuleResult
from scanner.evaluators.contract_common import check, contracts, evidence, finding, threshold

logger = logging.getLogger(__name__)


class ContractValueEvaluator:
    """Values above the configured maximum become findings at their clause."""

    def evaluate(self, rule: Rule, facts: FactBase, context: EvalContext) -> RuleResult:
        key = str(rule.params["value"])
        clause_key = str(rule.params["clause"])
        maximum = threshold(rule, context, default=0.0)
        result = RuleResult()
        for contract in contracts(facts, rule):
            value = contract.values.get(key)
            clause = contract.value_sources.get(key) or contract.clauses.get(clause_key)
            if value is None or clause is None or _per_day(key, contract.values):
                continue
            check(result, rule, contract)
            if float(value) <= maximum:
                evidence(result, rule, contract, clause)
                continue
            result.findings.append(finding(
                rule, contract, clause_key, clause.text, clause,
                {"value": _plain(float(value)), "maximum": _plain(maximum)}))
        return result


def _per_day(key: str, values: dict[str, object] | object) -> bool:
    if key != "liquidated_damages_rate" or not isinstance(values, dict):
        return False
    return bool(values.get("liquidated_damages_per_day"))


def _plain(number: float) -> float | int:
    """72.0 → 72 so messages read "72 hours", not "72.0 hours"."""
    return int(number) if number == int(number) else number
