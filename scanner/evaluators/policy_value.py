"""``policy_response_time``: the policy must promise to answer rights requests in time.

``params``: ``max_days`` (e.g. 15 for the App identification method's 15 working days, 30 for
GDPR's one month). The stated response times (``PolicyFacts.response_times``) are converted to
days (a month counts 30, a week 7, working days as days); none stated is a finding, the longest
one above ``max_days`` is a finding, otherwise evidence.
"""

from __future__ import annotations

import logging
import re

from scanner.analyzers.policy.facts import ValueMention
from scanner.catalog.model import Rule
from scanner.evaluators.base import EvalContext, FactBase, RuleResult
from scanner.evaluators.policy_common import check, finding, policies
from scanner.models import Evidence, Location

logger = logging.getLogger(__name__)

_NUMBERS = {"one": 1, "two": 2, "three": 3, "seven": 7, "ten": 10, "fifteen": 15,
            "thirty": 30, "forty-five": 45, "ninety": 90, "一": 1, "二": 2, "两": 2, "三": 3,
            "五": 5, "七": 7, "十": 10, "十五": 15, "二十": 20, "三十": 30}
_UNIT_DAYS = (("小时", 1 / 24), ("hour", 1 / 24), ("week", 7), ("周", 7), ("个月", 30),
              ("month", 30), ("工作日", 1), ("day", 1), ("日", 1), ("天", 1))
_AMOUNT = re.compile(r"\d+|forty-five|[a-z]+|[一二两三五七十]+")


def days_of(value: str) -> float | None:
    """Days in a response time such as "15个工作日内" or "within 30 days"; None if unclear."""
    text = value.lower().replace("within", "").replace("undue delay", "")
    unit = next((days for name, days in _UNIT_DAYS if name in text), None)
    amount = next((m.group(0) for m in _AMOUNT.finditer(text)
                   if m.group(0).isdigit() or m.group(0) in _NUMBERS), None)
    if unit is None or amount is None:
        return None
    number = int(amount) if amount.isdigit() else _NUMBERS[amount]
    return number * unit


class PolicyResponseTimeEvaluator:
    def evaluate(self, rule: Rule, facts: FactBase, context: EvalContext) -> RuleResult:
        limit = float(rule.params.get("max_days", 15))
        result = RuleResult()
        for path, policy in policies(facts):
            check(result, rule, path)
            timed = [(days_of(v.value), v) for v in policy.response_times]
            known = [(d, v) for d, v in timed if d is not None]
            if not known:
                result.findings.append(finding(
                    rule, path, "response_time", "no response time stated", None,
                    details={"state": "missing", "limit": int(limit),
                             "state_en": "no response time is stated",
                             "state_zh": "未说明答复时限"}))
                continue
            longest, mention = max(known, key=lambda pair: pair[0])
            if longest > limit:
                result.findings.append(finding(
                    rule, path, "response_time", mention.text, None,
                    details={"state": "too long", "value": mention.value, "limit": int(limit),
                             "state_en": f"{mention.value} is longer than {int(limit)} days",
                             "state_zh": f"{mention.value}超过{int(limit)}天"},
                    at=_at(path, mention)))
                continue
            result.evidence.append(_evidence(rule, path, mention))
        return result


def _at(path: str, mention: ValueMention) -> Location:
    return Location(path=path, start_line=mention.line, logical="response_time",
                    snippet=mention.text)


def _evidence(rule: Rule, path: str, mention: ValueMention) -> Evidence:
    return Evidence(rule_id=rule.id, artifact=path, message=rule.title,
                    location=_at(path, mention), properties={"value": mention.value})
