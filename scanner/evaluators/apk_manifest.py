"""Manifest rules: debuggable and backup flags, cleartext traffic, exported components without
a permission, services bound by powerful system permissions, and a target SDK below the store's
minimum."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from scanner.analyzers.apk.facts import ApkFacts, Component
from scanner.evaluators.apk_common import (
    apk_config,
    apk_results,
    declared_purpose,
    finding,
    manifest_location,
)
from scanner.evaluators.base import EvalContext, FactBase, RuleResult
from scanner.models import Finding, LocalText, Location

if TYPE_CHECKING:
    from scanner.catalog.model import Rule

logger = logging.getLogger(__name__)

# Minimum targetSdkVersion per store profile (overridable per rule or in apk.min_target_sdk).
# google-play: API 35, what new apps and updates must target since 2025-08-31;
# "google-play-existing": API 34, the floor for an existing app to stay available to new users.
# Limitation: Google raises both every August; the figures are those published for 2025 and must
# be updated (or overridden with apk.min_target_sdk) when a newer requirement takes effect.
# cn-default: the 2019 joint requirement of the major Chinese Android stores (API 26).
STORE_MINIMUMS = {"google-play": 35, "google-play-existing": 34, "cn-default": 26}


class ManifestFlagEvaluator:
    """``params.flag``: ``debuggable``, ``allow_backup`` or ``cleartext``."""

    def evaluate(self, rule: Rule, facts: FactBase, context: EvalContext) -> RuleResult:
        result = RuleResult()
        flag = rule.params.get("flag", "debuggable")
        check = {"debuggable": _debuggable, "allow_backup": _backup, "cleartext": _cleartext}[flag]
        for analysis, apk in apk_results(rule, facts, result):
            result.findings.extend(check(rule, analysis.artifact.rel, apk))
        return result


def _debuggable(rule: Rule, rel: str, apk: ApkFacts) -> list[Finding]:
    if not apk.flags.debuggable:
        return []
    return [finding(
        rule, manifest_location(rel, "application[android:debuggable]"),
        identity="android:debuggable", evidence='android:debuggable="true"',
        message=LocalText(en="The app is built debuggable (android:debuggable=true)",
                          zh="应用以可调试模式构建（android:debuggable=true）"),
    )]


def _backup(rule: Rule, rel: str, apk: ApkFacts) -> list[Finding]:
    if not apk.flags.allow_backup:
        return []
    how = "explicit" if apk.flags.allow_backup_explicit else "default (attribute absent)"
    return [finding(
        rule, manifest_location(rel, "application[android:allowBackup]"),
        identity="android:allowBackup", evidence=f"android:allowBackup=true ({how})",
        message=LocalText(en=f"App data may be backed up and extracted (allowBackup, {how})",
                          zh=f"应用数据允许备份导出（allowBackup，{how}）"),
    )]


def _cleartext(rule: Rule, rel: str, apk: ApkFacts) -> list[Finding]:
    found: list[Finding] = []
    flags = apk.flags
    nsc = flags.network_security_config
    if flags.cleartext_permitted:
        if nsc is not None and nsc.error is None:
            location = Location(path=rel, entry=nsc.resource, logical="base-config")
        else:
            location = manifest_location(rel, "application[android:usesCleartextTraffic]")
        found.append(finding(
            rule, location, identity="cleartext:base",
            evidence=f"cleartext permitted: {flags.cleartext_reason}",
            message=LocalText(
                en=f"Cleartext (HTTP) traffic is permitted ({flags.cleartext_reason})",
                zh=f"允许明文（HTTP）传输（{flags.cleartext_reason}）",
            ),
        ))
    for domain in nsc.cleartext_domains if nsc else ():
        found.append(finding(
            rule, Location(path=rel, entry=nsc.resource if nsc else None,
                           logical=f"domain-config[{domain}]"),
            identity=f"cleartext:{domain}", evidence=f"cleartextTrafficPermitted for {domain}",
            message=LocalText(en=f"Cleartext traffic is permitted for {domain}",
                              zh=f"允许对 {domain} 明文传输"),
        ))
    return found


class ExportedComponentEvaluator:
    """Exported components that no permission protects (launcher activities excluded unless
    ``params.include_launcher``); ``params.kinds`` limits the component kinds."""

    def evaluate(self, rule: Rule, facts: FactBase, context: EvalContext) -> RuleResult:
        result = RuleResult()
        kinds = set(rule.params.get("kinds", ["activity", "activity-alias", "service",
                                              "receiver", "provider"]))
        include_launcher = bool(rule.params.get("include_launcher", False))
        for analysis, apk in apk_results(rule, facts, result):
            weak = {p.name for p in apk.defined_permissions if p.protection == "normal"}
            for component in apk.components:
                if (not component.exported or _protected(component, weak)
                        or component.kind not in kinds
                        or (component.launcher and not include_launcher)):
                    continue
                result.findings.append(finding(
                    rule, manifest_location(analysis.artifact.rel,
                                            f"{component.kind}[{component.name}]"),
                    identity=f"{component.kind}:{component.name}",
                    evidence=f"{component.kind} {component.name} exported ({component.reason}), "
                             "no effective permission",
                    message=LocalText(
                        en=f"{component.kind} {component.name} is exported "
                           f"({component.reason}) without a permission",
                        zh=f"组件 {component.kind} {component.name} 已导出（{component.reason}），"
                           "且未设置访问权限",
                    ),
                    kind=component.kind, reason=component.reason,
                ))
        return result


def _protected(component: Component, weak: set[str]) -> bool:
    """Guarded by a permission other apps cannot simply request (app-defined normal-level
    permissions do not count); a provider needs both read and write guarded."""
    def strong(permission: str | None) -> bool:
        return bool(permission) and permission not in weak

    if strong(component.permission):
        return True
    return (component.kind == "provider" and strong(component.read_permission)
            and strong(component.write_permission))


class BoundServiceEvaluator:
    """Services bound with a powerful system permission (``params.permission``, e.g.
    ``BIND_ACCESSIBILITY_SERVICE``) without a declared purpose in ``apk.permissions``."""

    def evaluate(self, rule: Rule, facts: FactBase, context: EvalContext) -> RuleResult:
        result = RuleResult()
        permission = rule.params.get("permission", "android.permission.BIND_ACCESSIBILITY_SERVICE")
        for analysis, apk in apk_results(rule, facts, result):
            for component in apk.components:
                if component.kind != "service" or component.permission != permission:
                    continue
                if declared_purpose(context, permission):
                    continue
                result.findings.append(finding(
                    rule, manifest_location(analysis.artifact.rel,
                                            f"service[{component.name}]"),
                    identity=f"service:{component.name}",
                    evidence=f"service {component.name} bound by {permission}",
                    message=LocalText(
                        en=f"Service {component.name} is bound by {permission}; declare its "
                           "purpose (store declaration) under apk.permissions",
                        zh=f"服务 {component.name} 需 {permission} 绑定；请在 apk.permissions 中"
                           "声明用途（商店声明）",
                    ),
                    permission=permission,
                ))
        return result


class TargetSdkEvaluator:
    """targetSdkVersion below the minimum of the store profile: ``apk.store_profile`` when the
    rule accepts it (``params.profiles``), else ``params.profile``; ``apk.min_target_sdk`` or
    ``params.minimum`` override the number."""

    def evaluate(self, rule: Rule, facts: FactBase, context: EvalContext) -> RuleResult:
        result = RuleResult()
        config = apk_config(context)
        profile = str(rule.params.get("profile", "google-play"))
        accepted = rule.params.get("profiles")  # store profiles this rule may be switched to
        chosen = config.get("store_profile")
        if chosen and (accepted is None or chosen in accepted):
            profile = str(chosen)
        minimum = int(config.get("min_target_sdk") or rule.params.get("minimum")
                      or STORE_MINIMUMS.get(profile, STORE_MINIMUMS["google-play"]))
        for analysis, apk in apk_results(rule, facts, result):
            target = apk.target_sdk
            if target is not None and target >= minimum:
                continue
            shown = "absent" if target is None else str(target)
            result.findings.append(finding(
                rule,
                manifest_location(analysis.artifact.rel, "uses-sdk[android:targetSdkVersion]"),
                identity="targetSdkVersion",
                evidence=f"targetSdkVersion={shown} < {minimum} ({profile})",
                message=LocalText(
                    en=f"targetSdkVersion {shown} is below {minimum}, the minimum for {profile}",
                    zh=f"targetSdkVersion 为 {shown}，低于 {profile} 要求的最低值 {minimum}",
                ),
                target_sdk=target, minimum=minimum, profile=profile,
            ))
        return result
