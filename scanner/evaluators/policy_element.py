"""``policy_element``: a privacy policy must disclose an element (REGULATIONS.md keys).

``params``:
- ``element`` (one key) or ``any_of`` (several keys, one suffices);
- ``negative_ok`` (default false): an explicit negative statement satisfies the rule ("we do
  not transfer PI abroad" answers the cross-border question; "we do not offer deletion" does
  not answer the right to deletion);
- ``require`` (optional): ``sdk_names`` or ``retention_periods``: the element must come with
  these details, else it is inadequate;
- ``when_pi_any`` (optional): the rule applies only to policies that say they collect one of
  these PI categories (e.g. sensitive ones);
- ``unless_negative`` (optional): an element key; the rule does not apply when the policy's
  only statement on it is negative (a policy saying it collects no PI owes no retention period).
Present → evidence at the sentence; missing, negative or inadequate → a finding whose identity
is the element key.
"""

from __future__ import annotations

import logging

from scanner.analyzers.policy.facts import ABSENT, NEGATIVE, PolicyFacts
from scanner.catalog.model import Rule
from scanner.evaluators.base import EvalContext, FactBase, RuleResult
from scanner.evaluators.policy_common import check, evidence, finding, policies

logger = logging.getLogger(__name__)


class PolicyElementEvaluator:
    """Required disclosures: present → evidence; missing/negative/inadequate → finding."""

    def evaluate(self, rule: Rule, facts: FactBase, context: EvalContext) -> RuleResult:
        keys = list(rule.params.get("any_of") or [rule.params["element"]])
        result = RuleResult()
        for path, policy in policies(facts):
            if not _applies(rule, policy):
                continue
            check(result, rule, path)
            _judge(result, rule, path, policy, keys)
        return result


def _applies(rule: Rule, policy: PolicyFacts) -> bool:
    unless = rule.params.get("unless_negative")
    if unless and policy.status(str(unless)) == NEGATIVE:
        return False
    wanted = set(rule.params.get("when_pi_any") or ())
    return not wanted or bool(wanted & set(policy.pi_collected))


def _judge(result: RuleResult, rule: Rule, path: str, policy: PolicyFacts,
           keys: list[str]) -> None:
    elements = [policy.element(k) for k in keys]
    negative_ok = bool(rule.params.get("negative_ok", False))
    satisfied = [e for e in elements
                 if e.status != ABSENT and (negative_ok or e.status != NEGATIVE)]
    identity = "|".join(keys)

    if not satisfied:
        negative = next((e for e in elements if e.status == NEGATIVE), None)
        if negative is not None and negative.first is not None:
            quote = negative.first.text
            result.findings.append(finding(
                rule, path, identity, quote, negative.first,
                details={"state": "negative", "quote": quote,
                         "state_en": f"the policy says it does not: “{quote}”",
                         "state_zh": f"政策声明不提供或不做：“{quote}”"}))
            return
        result.findings.append(finding(
            rule, path, identity, f"no {identity} disclosure", None,
            details={"state": "missing", "state_en": "not found in the policy",
                     "state_zh": "政策中未找到"}))
        return

    element = satisfied[0]
    missing_en, missing_zh = _missing_detail(rule, policy)
    if missing_en and element.status != NEGATIVE:
        mention = element.first
        result.findings.append(finding(
            rule, path, identity, f"{identity} without {missing_en}", mention,
            details={"state": "inadequate", "quote": mention.text if mention else "",
                     "state_en": f"mentioned, but without {missing_en}",
                     "state_zh": f"有所提及，但缺少{missing_zh}"}))
        return
    evidence(result, rule, path, element.first, identity,
             {"element": element.key, "status": element.status})


def _missing_detail(rule: Rule, policy: PolicyFacts) -> tuple[str, str]:
    """(en, zh) description of a required detail the policy lacks, or empty strings."""
    required = rule.params.get("require")
    if required == "sdk_names" and not policy.sdks:
        return "the names of the SDKs or third parties", "SDK或第三方的名称"
    if required == "retention_periods" and not policy.retention_periods:
        return "a concrete retention period", "具体的保存期限"
    return "", ""
