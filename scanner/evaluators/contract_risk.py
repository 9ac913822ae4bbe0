"""``contract_risk``: review points for commercial contracts, one per ``params.check``.

Each check reads clause facts, the party each clause sentence is about (its ``subjects``)
and the roles the user names as their own side (``contract.our_roles`` in govgate.yaml,
default customer / controller / 甲方):

- ``liability_cap_missing``: no limitation-of-liability clause at all;
- ``unlimited_liability_ours``: an unlimited-liability statement that binds our side, both
  sides, or an unnamed party;
- ``one_sided_penalty``: liquidated damages stated only against our side;
- ``auto_renewal_no_notice``: automatic renewal without a notice period to stop it;
- ``unilateral_termination_counterparty``: termination for convenience that only the other
  side (or an unnamed party) may use;
- ``missing_governing_law`` / ``missing_dispute_venue``: no such clause;
- ``ip_preexisting``: pre-existing IP of our side (or of an unnamed party) assigned away;
- ``injury_exemption``: an exemption for personal injury or gross negligence, whoever gains.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from scanner.analyzers.contract.facts import Clause, ContractFacts
from scanner.catalog.model import Rule
from scanner.evaluators.base import EvalContext, FactBase, RuleResult
from scanner.evaluators.contract_common import check, contracts, evidence, finding, our_roles
from scanner.models import Finding

logger = logging.getLogger(__name__)

Outcome = Finding | Clause | None
CheckFunction = Callable[[Rule, ContractFacts, frozenset[str]], Outcome]


class ContractRiskEvaluator:
    """Runs the named risk check on every applicable contract."""

    def evaluate(self, rule: Rule, facts: FactBase, context: EvalContext) -> RuleResult:
        function = CHECKS[str(rule.params["check"])]
        ours = our_roles(context)
        result = RuleResult()
        for contract in contracts(facts, rule):
            check(result, rule, contract)
            outcome = function(rule, contract, ours)
            if isinstance(outcome, Finding):
                result.findings.append(outcome)
            elif isinstance(outcome, Clause):
                evidence(result, rule, contract, outcome)
        return result


def _missing(key: str) -> CheckFunction:
    def run(rule: Rule, contract: ContractFacts, ours: frozenset[str]) -> Outcome:
        clause = contract.clauses.get(key)
        if clause is not None:
            return clause
        return finding(rule, contract, key, f"no {key} clause in a {contract.type} contract")
    return run


# Limitation: carve-outs the law requires anyway (death, personal injury, fraud) count as
# unlimited liability like any other; suppress the finding with a reason when that is all the
# contract leaves uncapped.
def _unlimited_ours(rule: Rule, contract: ContractFacts, ours: frozenset[str]) -> Outcome:
    clause = contract.clauses.get("unlimited_liability")
    if clause is None:
        return contract.clauses.get("liability_cap")
    subjects = set(clause.subjects)
    if subjects and not subjects & (ours | {"both"}):
        return clause
    return finding(rule, contract, "unlimited_liability", clause.text, clause,
                   {"subjects": ", ".join(sorted(subjects)) or "a party the clause does not name"})


def _one_sided_penalty(rule: Rule, contract: ContractFacts, ours: frozenset[str]) -> Outcome:
    clause = contract.clauses.get("liquidated_damages")
    if clause is None:
        return None
    subjects = set(clause.subjects)
    others = subjects - ours - {"both"}
    if subjects & ours and not others and "both" not in subjects:
        return finding(rule, contract, "liquidated_damages", clause.text, clause,
                       {"subjects": ", ".join(sorted(subjects))})
    return clause


def _auto_renewal_no_notice(rule: Rule, contract: ContractFacts,
                            ours: frozenset[str]) -> Outcome:
    clause = contract.clauses.get("auto_renewal")
    if clause is None:
        return None
    if contract.values.get("renewal_notice_days") is not None:
        return clause
    return finding(rule, contract, "auto_renewal", clause.text, clause)


def _unilateral_counterparty(rule: Rule, contract: ContractFacts,
                             ours: frozenset[str]) -> Outcome:
    clause = contract.clauses.get("unilateral_termination")
    if clause is None:
        return None
    if set(clause.subjects) & (ours | {"both"}):
        return clause
    return finding(rule, contract, "unilateral_termination", clause.text, clause,
                   {"subjects": ", ".join(clause.subjects) or "a party the clause does not name"})


def _flag(key: str, own_side_only: bool = False) -> CheckFunction:
    """A finding for an analyzer flag; with ``own_side_only`` only when the sentence is about
    our side, both sides or an unnamed party (assigning the other side's IP is no risk to us)."""
    def run(rule: Rule, contract: ContractFacts, ours: frozenset[str]) -> Outcome:
        flag = contract.flags.get(key)
        if flag is None:
            return None
        if own_side_only and flag.subject and flag.subject not in ours | {"both"}:
            return None
        clause = Clause(key=key, line=flag.line, end_line=flag.line, text=flag.text, section="")
        return finding(rule, contract, key, flag.text, clause)
    return run


CHECKS: dict[str, CheckFunction] = {
    "liability_cap_missing": _missing("liability_cap"),
    "unlimited_liability_ours": _unlimited_ours,
    "one_sided_penalty": _one_sided_penalty,
    "auto_renewal_no_notice": _auto_renewal_no_notice,
    "unilateral_termination_counterparty": _unilateral_counterparty,
    "missing_governing_law": _missing("governing_law"),
    "missing_dispute_venue": _missing("dispute_resolution"),
    "ip_preexisting": _flag("ip_preexisting_assignment", own_side_only=True),
    "injury_exemption": _flag("injury_exemption"),
}
