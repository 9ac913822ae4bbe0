"""Code rules: device identifiers read (by the app or by an SDK), and embedded SDKs that collect
personal information, listed for disclosure unless allowed in ``apk.allowed_sdks``."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from scanner.analyzers.apk.facts import FIRST_PARTY
from scanner.evaluators.apk_common import (
    apk_config,
    apk_results,
    code_location,
    evidence,
    finding,
    site,
)
from scanner.evaluators.base import EvalContext, FactBase, RuleResult
from scanner.models import LocalText, Location
from scanner.vocabulary import category_names

if TYPE_CHECKING:
    from scanner.catalog.model import Rule

logger = logging.getLogger(__name__)


class PiAccessEvaluator:
    """Call sites reading PI of the categories in ``params.pi`` (default ``[device_id]``),
    made by ``params.by``: ``first_party``, ``sdk`` or ``any``; APIs starting with one of
    ``params.exclude_api_prefixes`` are skipped (e.g. the resettable advertising ID)."""

    def evaluate(self, rule: Rule, facts: FactBase, context: EvalContext) -> RuleResult:
        result = RuleResult()
        categories = set(rule.params.get("pi", ["device_id"]))
        by = rule.params.get("by", "any")
        excluded = tuple(rule.params.get("exclude_api_prefixes", []))
        for analysis, apk in apk_results(rule, facts, result):
            for access in apk.pi_accesses:
                if access.pi not in categories or (excluded and access.api.startswith(excluded)):
                    continue
                first_party = access.attribution == FIRST_PARTY
                if (by == "first_party" and not first_party) or (by == "sdk" and first_party):
                    continue
                who_en = "the app" if first_party else f"SDK {access.attribution}"
                who_zh = "应用自身" if first_party else f"SDK {access.attribution}"
                names = category_names(access.pi)
                result.findings.append(finding(
                    rule, code_location(analysis.artifact.rel, access),
                    identity=f"{access.api}@{access.caller_class}.{access.caller_method}",
                    evidence=site(access),
                    message=LocalText(
                        en=f"{who_en} reads {names.en} via {access.api} in "
                           f"{access.caller_class}.{access.caller_method}",
                        zh=f"{who_zh} 在 {access.caller_class}.{access.caller_method} 中通过 "
                           f"{access.api} 读取{names.zh}",
                    ),
                    api=access.api, pi=access.pi, attribution=access.attribution,
                ))
        return result


class SdkDisclosureEvaluator:
    """Every embedded SDK that collects PI (documented, or seen reading it), unless it is listed
    in ``apk.allowed_sdks`` (then it is evidence of a reviewed SDK)."""

    def evaluate(self, rule: Rule, facts: FactBase, context: EvalContext) -> RuleResult:
        result = RuleResult()
        allowed = set(apk_config(context).get("allowed_sdks", []) or [])
        for analysis, apk in apk_results(rule, facts, result):
            rel = analysis.artifact.rel
            for sdk in apk.sdks:
                seen = sorted({a.pi for a in sdk.pi_accesses})
                collects = sorted(set(sdk.collects) | set(seen))
                if not collects:
                    continue
                location = Location(path=rel, logical=f"sdk[{sdk.id}] {sdk.matched_prefix}")
                if sdk.id in allowed:
                    result.evidence.append(evidence(rule, rel, location, LocalText(
                        en=f"SDK {sdk.name} is in apk.allowed_sdks",
                        zh=f"SDK {sdk.name} 已列入 apk.allowed_sdks",
                    )))
                    continue
                listed = ", ".join(collects)
                names = category_names(listed)
                result.findings.append(finding(
                    rule, location, identity=sdk.id,
                    evidence=f"{sdk.id} ({sdk.matched_prefix}) collects {listed}",
                    message=LocalText(
                        en=f"Embedded SDK {sdk.name} ({sdk.vendor}, {sdk.matched_prefix}) "
                           f"collects {names.en}; disclose it or list it in apk.allowed_sdks",
                        zh=f"内嵌第三方SDK {sdk.name}（{sdk.vendor}，{sdk.matched_prefix}）收集"
                           f"{names.zh}，需在隐私政策中披露，或列入 apk.allowed_sdks",
                    ),
                    sdk=sdk.id, vendor=sdk.vendor, category=sdk.category,
                    collects=collects, seen_reading=seen,
                ))
        return result
