"""The one table of rule evaluators, by the name a rule's ``check.evaluator`` uses.

Modules load lazily on first use, so only the evaluators of selected rules are imported.
"""

from __future__ import annotations

from functools import cache
from importlib import import_module

from scanner.evaluators.base import Evaluator

EVALUATORS: dict[str, str] = {
    "policy_element": "scanner.evaluators.policy_element:PolicyElementEvaluator",
    "policy_response_time": "scanner.evaluators.policy_value:PolicyResponseTimeEvaluator",
    "crossdomain": "scanner.evaluators.crossdomain:CrossDomainEvaluator",
    "checkov": "scanner.evaluators.checkov:CheckovEvaluator",
    "contract_clause": "scanner.evaluators.contract_clause:ContractClauseEvaluator",
    "contract_value": "scanner.evaluators.contract_value:ContractValueEvaluator",
    "contract_risk": "scanner.evaluators.contract_risk:ContractRiskEvaluator",
    "checkov_unmapped": "scanner.evaluators.checkov_unmapped:UnmappedCheckovEvaluator",
    "apk_unused_permission": "scanner.evaluators.apk_permissions:UnusedPermissionEvaluator",
    "apk_undeclared_purpose": "scanner.evaluators.apk_permissions:UndeclaredPurposeEvaluator",
    "apk_restricted_permission": "scanner.evaluators.apk_permissions:RestrictedPermissionEvaluator",
    "apk_pi_access": "scanner.evaluators.apk_code:PiAccessEvaluator",
    "apk_sdk_disclosure": "scanner.evaluators.apk_code:SdkDisclosureEvaluator",
    "apk_manifest_flag": "scanner.evaluators.apk_manifest:ManifestFlagEvaluator",
    "apk_exported_component": "scanner.evaluators.apk_manifest:ExportedComponentEvaluator",
    "apk_target_sdk": "scanner.evaluators.apk_manifest:TargetSdkEvaluator",
    "apk_bound_service": "scanner.evaluators.apk_manifest:BoundServiceEvaluator",
}


def known(name: str) -> bool:
    return name in EVALUATORS


@cache
def evaluator(name: str) -> Evaluator:
    module_name, _, class_name = EVALUATORS[name].partition(":")
    instance: Evaluator = getattr(import_module(module_name), class_name)()
    return instance
