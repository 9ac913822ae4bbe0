"""Permission rules: requested but never used, used without a declared purpose, and high-risk or
store-restricted permissions without a justification."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from scanner.analyzers.apk.facts import ApkFacts
from scanner.analyzers.apk.tables import load_tables
from scanner.evaluators.apk_common import (
    apk_results,
    declared_purpose,
    evidence,
    finding,
    manifest_location,
)
from scanner.evaluators.base import EvalContext, FactBase, RuleResult
from scanner.models import LocalText

if TYPE_CHECKING:
    from scanner.catalog.model import Rule

logger = logging.getLogger(__name__)


def _element(name: str) -> str:
    return f"uses-permission[{name}]"


def _used(facts: ApkFacts) -> dict[str, int]:
    """Permission name → number of PI call sites whose API it guards."""
    counts: dict[str, int] = {}
    for access in facts.pi_accesses:
        for permission in access.permissions:
            counts[permission] = counts.get(permission, 0) + 1
    return counts


class UnusedPermissionEvaluator:
    """A sensitive permission is requested but no tracked API guarded by it is ever called.

    Only permissions that guard at least one API in our table are judged (otherwise absence
    of a call proves nothing), and only when the code tier completed.
    """

    def evaluate(self, rule: Rule, facts: FactBase, context: EvalContext) -> RuleResult:
        result = RuleResult()
        protections = set(rule.params.get("protections", ["dangerous"]))
        tables = load_tables()
        judged = {p for m in (*tables.methods, *tables.fields) for p in m.permissions}
        judged |= {p for u in tables.uris for p in u.permissions}

        for analysis, apk in apk_results(rule, facts, result):
            if not apk.code_scanned:
                continue
            used = _used(apk)
            for permission in apk.permissions:
                if permission.protection not in protections or permission.name not in judged:
                    continue
                if permission.name in used:
                    continue
                result.findings.append(finding(
                    rule, manifest_location(analysis.artifact.rel, _element(permission.name)),
                    identity=permission.name,
                    evidence=f"uses-permission {permission.name}; no call to an API it guards",
                    message=LocalText(
                        en=f"{permission.name} is requested but the code never calls an API "
                           "that needs it",
                        zh=f"申请了 {permission.name} 权限，但代码中未调用需要该权限的接口",
                    ),
                    permission=permission.name,
                ))
        return result


class UndeclaredPurposeEvaluator:
    """Code reads PI under a requested permission for which no purpose is declared in config."""

    def evaluate(self, rule: Rule, facts: FactBase, context: EvalContext) -> RuleResult:
        result = RuleResult()
        protections = set(rule.params.get("protections", ["dangerous"]))
        for analysis, apk in apk_results(rule, facts, result):
            rel = analysis.artifact.rel
            used = _used(apk)
            for permission in apk.permissions:
                if permission.protection not in protections or permission.name not in used:
                    continue
                location = manifest_location(rel, _element(permission.name))
                purpose = declared_purpose(context, permission.name)
                if purpose:
                    result.evidence.append(evidence(rule, rel, location, LocalText(
                        en=f"{permission.name}: purpose declared ({purpose})",
                        zh=f"{permission.name}：已声明用途（{purpose}）",
                    )))
                    continue
                calls = used[permission.name]
                result.findings.append(finding(
                    rule, location, identity=permission.name,
                    evidence=f"{permission.name} used by code; no apk.permissions purpose",
                    message=LocalText(
                        en=f"{permission.name} is used by {calls} call site(s) but no purpose "
                           "is declared for it",
                        zh=f"{permission.name} 被 {calls} 处代码使用，但未声明其使用目的",
                    ),
                    permission=permission.name, call_sites=calls,
                ))
        return result


class RestrictedPermissionEvaluator:
    """A high-risk (``flag: high_risk``) or Play-restricted (``flag: play_restricted``, optionally
    one ``play_policy``) permission is requested without a justification in ``apk.permissions``.
    """

    def evaluate(self, rule: Rule, facts: FactBase, context: EvalContext) -> RuleResult:
        result = RuleResult()
        flag = rule.params.get("flag", "high_risk")
        only = set(rule.params.get("permissions", []))
        policy = rule.params.get("play_policy")
        tables = load_tables()
        for analysis, apk in apk_results(rule, facts, result):
            rel = analysis.artifact.rel
            for permission in apk.permissions:
                if only and permission.name not in only:
                    continue
                info = tables.permissions.get(permission.name)
                if not getattr(permission, flag, False):
                    continue
                if policy and (info is None or info.play_policy != policy):
                    continue
                location = manifest_location(rel, _element(permission.name))
                if declared_purpose(context, permission.name):
                    result.evidence.append(evidence(rule, rel, location, LocalText(
                        en=f"{permission.name}: justification declared",
                        zh=f"{permission.name}：已声明理由",
                    )))
                    continue
                result.findings.append(finding(
                    rule, location, identity=permission.name,
                    evidence=f"uses-permission {permission.name} ({flag})",
                    message=LocalText(
                        en=f"{permission.name} is a restricted permission and no justification "
                           "is declared for it",
                        zh=f"{permission.name} 属于高风险/受限权限，但未声明申请理由",
                    ),
                    permission=permission.name,
                    play_policy=info.play_policy if info else None,
                ))
        return result
