"""The catch-all for checkov: failed checks that no loaded rule maps still become findings.

Offline, checkov gives its checks no severity; a check that none of the catalog's ``checkov``
rules lists is reported under the catch-all rule with ``params.default_severity`` (overridden by
``iac.default_severity`` in ``govgate.yaml``), so nothing checkov finds vanishes.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from scanner.catalog.model import Catalog, Rule
from scanner.evaluators.base import EvalContext, FactBase, RuleResult
from scanner.evaluators.checkov import failed_once, finding_for, iac_records
from scanner.models import Check, Finding, Severity

logger = logging.getLogger(__name__)

CHECKOV_EVALUATOR = "checkov"


class UnmappedCheckovEvaluator:
    """Reports every failed checkov check that no rule of the catalog references."""

    def evaluate(self, rule: Rule, facts: FactBase, context: EvalContext) -> RuleResult:
        mapped = mapped_checks(context.catalog)
        severity = _severity(rule, context.config)
        result = RuleResult()
        for rel, records in iac_records(facts.of("iac")):
            unmapped = [r for r in records if r.check_id not in mapped]
            if not unmapped:
                continue
            result.checks.append(Check(rule.id, rel))
            for record in failed_once(unmapped):
                finding = finding_for(rule, record, severity)
                result.findings.append(_mark_unmapped(finding))
        return result


def mapped_checks(catalog: Catalog) -> frozenset[str]:
    """Every checkov check id some loaded ``checkov`` rule lists."""
    return frozenset(
        str(check)
        for rule in catalog.rules.values()
        if rule.evaluator == CHECKOV_EVALUATOR
        for check in rule.params.get("checks", ())
    )


def _severity(rule: Rule, config: Mapping[str, Any]) -> Severity:
    configured = config.get("iac", {}).get("default_severity")
    text = configured or rule.params.get("default_severity")
    return Severity.parse(str(text)) if text else rule.severity


def _mark_unmapped(finding: Finding) -> Finding:
    return replace(finding, properties={**finding.properties, "unmapped": True})
