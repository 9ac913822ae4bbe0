"""What the contract evaluators share: finding contract facts, deciding whether a rule applies
to a contract's type, reading thresholds, and building findings, evidence and checks."""

from __future__ import annotations

import logging
from collections.abc import Iterator, Mapping
from typing import Any

from scanner.analyzers.contract.facts import Clause, ContractFacts
from scanner.catalog.model import Rule
from scanner.evaluators.base import EvalContext, FactBase, RuleResult
from scanner.models import Check, Evidence, Finding, LocalText, Location

logger = logging.getLogger(__name__)

DEFAULT_OUR_ROLES = ("customer", "controller", "party_a")
MAX_SNIPPET = 400


def contracts(facts: FactBase, rule: Rule) -> Iterator[ContractFacts]:
    """Facts of every analyzed contract whose type the rule applies to (``params.types``)."""
    types = set(rule.params.get("types") or ())
    for result in facts.of("contract"):
        if isinstance(result.facts, ContractFacts) and (not types or result.facts.type in types):
            yield result.facts


def section(context: EvalContext) -> Mapping[str, Any]:
    config = context.config.get("contract") or {}
    return config if isinstance(config, Mapping) else {}


def threshold(rule: Rule, context: EvalContext, default: float) -> float:
    """``contract.<params.setting>`` from govgate.yaml, else ``params.default``, else
    ``default``."""
    name = rule.params.get("setting")
    configured = section(context).get(name) if name else None
    value = configured if configured is not None else rule.params.get("default", default)
    return float(value)


def our_roles(context: EvalContext) -> frozenset[str]:
    return frozenset(section(context).get("our_roles") or DEFAULT_OUR_ROLES)


def check(result: RuleResult, rule: Rule, contract: ContractFacts) -> None:
    result.checks.append(Check(rule.id, contract.path))


def evidence(result: RuleResult, rule: Rule, contract: ContractFacts, clause: Clause) -> None:
    result.evidence.append(Evidence(
        rule_id=rule.id, artifact=contract.path, message=rule.title,
        location=_location(contract, clause.line, clause.end_line, clause.text),
        properties={"clause": clause.key},
    ))


def finding(rule: Rule, contract: ContractFacts, identity: str, evidence_text: str,
            clause: Clause | None = None, values: Mapping[str, Any] | None = None) -> Finding:
    """A finding at the clause that shows the problem, or at the top of the contract when the
    problem is an absence."""
    details = {"type": contract.type, "clause": identity, **(values or {})}
    message = rule.message.format(**details) if rule.message else _default_message(rule, details)
    location = (_location(contract, clause.line, clause.end_line, clause.text) if clause
                else Location(path=contract.path, start_line=1, logical=f"clause:{identity}"))
    return Finding(
        rule_id=rule.id, severity=rule.severity, domain="contract", message=message,
        location=location, provisions=rule.maps_to, identity=identity,
        evidence=evidence_text, source="contract", properties=details,
    )


def _default_message(rule: Rule, details: Mapping[str, Any]) -> LocalText:
    extra = ", ".join(f"{k}={v}" for k, v in details.items() if k not in ("type", "clause"))
    suffix = f" ({extra})" if extra else ""
    return LocalText(en=f"{rule.title.en}{suffix}", zh=f"{rule.title.zh}{suffix}")


def _location(contract: ContractFacts, line: int, end_line: int, text: str) -> Location:
    return Location(path=contract.path, start_line=line, end_line=end_line,
                    logical=None, snippet=text[:MAX_SNIPPET])
