"""The one table of rule evaluators, by the name a rule's ``check.evaluator`` uses.

Modules load lazily on first use, so only the evaluators of selected rules are imported.
"""

from __future__ import annotations

from functools import cache
from importlib import import_module

from scanner.evaluators.base import Evaluator

EVALUATORS: dict[str, str] = {
    "checkov": "scanner.evaluators.checkov:CheckovEvaluator",
    "checkov_unmapped": "scanner.evaluators.checkov_unmapped:UnmappedCheckovEvaluator",
}


def known(name: str) -> bool:
    return name in EVALUATORS


@cache
def evaluator(name: str) -> Evaluator:
    module_name, _, class_name = EVALUATORS[name].partition(":")
    instance: Evaluator = getattr(import_module(module_name), class_name)()
    return instance
