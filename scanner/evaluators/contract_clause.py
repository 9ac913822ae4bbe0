"""``contract_clause``: a required clause must be present in contracts of the listed types.

``params``: ``clause`` (a clause key) or ``any_of`` (several keys, one suffices), and
``types`` (contract types the rule applies to; all when absent); optionally ``value`` and
``equals`` (e.g. ``governing_law`` must be ``CN``). A present clause yields evidence at its
line; a missing one (or one whose value differs) a finding whose identity is the clause key.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from scanner.catalog.model import Rule
from scanner.evaluators.base import EvalContext, FactBase, RuleResult
from scanner.evaluators.contract_common import check, contracts, evidence, finding

logger = logging.getLogger(__name__)


class ContractClauseEvaluator:
    """Required clauses: present → evidence, missing → finding."""

    def evaluate(self, rule: Rule, facts: FactBase, context: EvalContext) -> RuleResult:
        keys = list(rule.params.get("any_of") or [rule.params["clause"]])
        result = RuleResult()
        for contract in contracts(facts, rule):
            check(result, rule, contract)
            present = [contract.clauses[k] for k in keys if k in contract.clauses]
            if present and _value_ok(rule, contract.values):
                evidence(result, rule, contract, present[0])
                continue
            if present:
                value = contract.values.get(str(rule.params["value"]))
                result.findings.append(finding(
                    rule, contract, present[0].key, present[0].text, present[0],
                    {"value": value, "expected": rule.params["equals"]}))
                continue
            identity = "|".join(keys)
            result.findings.append(finding(
                rule, contract, identity, f"no {' or '.join(keys)} clause in a "
                f"{contract.type} contract"))
        return result


def _value_ok(rule: Rule, values: Mapping[str, Any]) -> bool:
    """True unless the rule names a value that the contract states differently."""
    key = rule.params.get("value")
    if not key:
        return True
    value = values.get(str(key))
    return value is None or value == rule.params.get("equals")
