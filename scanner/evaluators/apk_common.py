"""Shared plumbing of the APK evaluators: iterating APK facts, building locations and findings,
and reading the ``apk:`` section of ``govgate.yaml``."""

from __future__ import annotations

import logging
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from scanner.analyzers.apk.facts import ApkFacts, PiAccess
from scanner.analyzers.base import AnalysisResult
from scanner.evaluators.base import EvalContext, FactBase, RuleResult
from scanner.models import Check, Evidence, Finding, LocalText, Location

if TYPE_CHECKING:
    from scanner.catalog.model import Rule

logger = logging.getLogger(__name__)

MANIFEST = "AndroidManifest.xml"


def apk_results(
    rule: Rule, facts: FactBase, result: RuleResult
) -> Iterator[tuple[AnalysisResult, ApkFacts]]:
    """Each analyzed APK, recording the (rule, artifact) check as it goes."""
    for analysis in facts.of("apk"):
        if isinstance(analysis.facts, ApkFacts):
            result.checks.append(Check(rule.id, analysis.artifact.rel))
            yield analysis, analysis.facts


def apk_config(context: EvalContext) -> Mapping[str, Any]:
    section = context.config.get("apk", {})
    return section if isinstance(section, Mapping) else {}


def declared_purpose(context: EvalContext, permission: str) -> str | None:
    """The rationale declared for a permission in ``apk.permissions.<NAME>.purpose``."""
    declared = apk_config(context).get("permissions", {}) or {}
    entry = declared.get(permission)
    if isinstance(entry, Mapping):
        purpose = entry.get("purpose") or entry.get("justification")
        return str(purpose) if purpose else None
    return str(entry) if isinstance(entry, str) and entry else None


def manifest_location(rel: str, logical: str) -> Location:
    return Location(path=rel, entry=MANIFEST, logical=logical)


def code_location(rel: str, access: PiAccess) -> Location:
    return Location(path=rel, entry=access.dex, logical=access.logical)


def finding(
    rule: Rule, location: Location, identity: str, evidence: str, message: LocalText,
    **properties: Any,
) -> Finding:
    """A finding for ``rule``; the rule's own message template wins when it has one."""
    text = message
    if rule.message is not None:
        try:
            text = rule.message.format(identity=identity, evidence=evidence, **properties)
        except (KeyError, IndexError, ValueError):
            text = message
    return Finding(
        rule_id=rule.id,
        severity=rule.severity,
        domain="apk",
        message=text,
        location=location,
        provisions=rule.maps_to,
        identity=identity,
        evidence=evidence,
        source=rule.pack,
        properties=properties,
    )


def evidence(rule: Rule, rel: str, location: Location, message: LocalText) -> Evidence:
    return Evidence(rule_id=rule.id, artifact=rel, message=message, location=location)


def site(access: PiAccess) -> str:
    """A short, stable description of a call site for evidence text."""
    return f"{access.api} <- {access.caller_class}.{access.caller_method}"
