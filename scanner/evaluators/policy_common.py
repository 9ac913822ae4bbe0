"""What the policy evaluators share: finding policy facts and building findings, evidence and
checks that point at the sentence concerned (or at the top of the policy for an absence)."""

from __future__ import annotations

import logging
from collections.abc import Iterator, Mapping
from typing import Any

from scanner.analyzers.policy.facts import Mention, PolicyFacts
from scanner.catalog.model import Rule
from scanner.evaluators.base import FactBase, RuleResult
from scanner.models import Check, Evidence, Finding, LocalText, Location
from scanner.vocabulary import category_names

logger = logging.getLogger(__name__)

MAX_SNIPPET = 300


def policies(facts: FactBase) -> Iterator[tuple[str, PolicyFacts]]:
    """(artifact rel path, facts) of every analyzed policy."""
    for result in facts.of("policy"):
        if isinstance(result.facts, PolicyFacts):
            yield result.artifact.rel, result.facts


def check(result: RuleResult, rule: Rule, path: str) -> None:
    result.checks.append(Check(rule.id, path))


def location(path: str, mention: Mention | None, logical: str) -> Location:
    if mention is None:
        return Location(path=path, start_line=1, logical=logical)
    return Location(path=path, start_line=mention.line, end_line=mention.end_line,
                    logical=logical, snippet=mention.text[:MAX_SNIPPET])


def evidence(result: RuleResult, rule: Rule, path: str, mention: Mention | None,
             logical: str, properties: Mapping[str, Any] | None = None) -> None:
    result.evidence.append(Evidence(
        rule_id=rule.id, artifact=path, message=rule.title,
        location=location(path, mention, logical), properties=dict(properties or {}),
    ))


def finding(rule: Rule, path: str, identity: str, evidence_text: str, mention: Mention | None,
            domain: str = "policy", details: Mapping[str, Any] | None = None,
            at: Location | None = None) -> Finding:
    """A finding; ``rule.message`` is formatted with ``details`` (missing names stay as is)."""
    values: dict[str, Any] = {"key": identity, **(details or {})}
    if isinstance(values.get("category"), str):
        names = category_names(values["category"])
        values.update(category_en=names.en, category_zh=names.zh)
    message = _message(rule, values)
    return Finding(
        rule_id=rule.id, severity=rule.severity, domain=domain, message=message,
        location=at or location(path, mention, identity), provisions=rule.maps_to,
        identity=identity, evidence=evidence_text, source=domain,
        properties={k: v for k, v in values.items() if isinstance(v, str | int | float | bool)},
    )


def _message(rule: Rule, values: Mapping[str, Any]) -> LocalText:
    if rule.message is None:
        return rule.title
    safe = _Defaulting(values)
    return LocalText(en=rule.message.en.format_map(safe), zh=rule.message.zh.format_map(safe))


class _Defaulting(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"
