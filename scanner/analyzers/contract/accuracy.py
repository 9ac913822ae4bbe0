"""Scoring the contract analyzer against a labelled set (format: tests/contract/labelled/README).

Per clause type: precision, recall and F1 over documents, where a true positive needs the
reported line inside a labelled span; macro average over the types that occur in the labels
or the output; exact-match rate of the normalized values. Used by
``bench/bench_contract_accuracy.py`` and by the accuracy test.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from scanner.analyzers.contract.analyzer import analyze_text
from scanner.analyzers.contract.facts import ContractFacts
from scanner.scoring import Counts
from scanner.yamlfile import load_yaml

logger = logging.getLogger(__name__)

LINE_TOLERANCE = 1
VALUE_KEYS = ("breach_notification_hours", "liability_cap", "liquidated_damages_rate",
              "auto_renewal", "renewal_notice_days", "governing_law", "dispute_venue")


@dataclass
class Score:
    per_type: dict[str, Counts] = field(default_factory=dict)
    values_total: int = 0
    values_matched: int = 0
    type_total: int = 0
    type_matched: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def macro_f1(self) -> float:
        scored = [c.f1 for c in self.per_type.values() if c.tp + c.fp + c.fn]
        return sum(scored) / len(scored) if scored else 1.0

    @property
    def value_accuracy(self) -> float:
        return self.values_matched / self.values_total if self.values_total else 1.0


@dataclass(frozen=True)
class Labelled:
    path: Path
    split: str
    lang: str
    type: str
    clauses: Mapping[str, list[list[int]]]
    values: Mapping[str, Any]


def load_set(directory: Path) -> list[Labelled]:
    items = []
    for label_file in sorted(directory.glob("*.labels.yaml")):
        data = load_yaml(label_file)
        items.append(Labelled(
            path=directory / data["document"], split=data.get("split", "dev"),
            lang=data.get("lang", ""), type=data["type"], clauses=data.get("clauses") or {},
            values=data.get("values") or {}))
    return items


def score(items: Iterable[Labelled], presence_only: bool = False) -> Score:
    """Per-type scores; a clause must be found on a labelled line, or with ``presence_only``
    anywhere in the document (what the gate's required-clause rules depend on)."""
    result = Score()
    for item in items:
        text = item.path.read_text(encoding="utf-8")
        analysis = analyze_text(text, item.path.name)
        facts = analysis.facts
        if not isinstance(facts, ContractFacts):
            result.errors.append(f"{item.path.name}: no facts ({analysis.problems})")
            continue
        _score_clauses(item, facts, result, presence_only)
        _score_values(item, facts, result)
        result.type_total += 1
        result.type_matched += facts.type == item.type
        if facts.type != item.type:
            result.errors.append(f"{item.path.name}: type {facts.type}, expected {item.type}")
    return result


def _score_clauses(item: Labelled, facts: ContractFacts, result: Score,
                   presence_only: bool) -> None:
    for key in set(item.clauses) | set(facts.clauses):
        counts = result.per_type.setdefault(key, Counts())
        spans = item.clauses.get(key)
        clause = facts.clauses.get(key)
        if spans and clause is not None:
            inside = presence_only or any(
                s - LINE_TOLERANCE <= clause.line <= e + LINE_TOLERANCE for s, e in spans)
            if inside:
                counts.tp += 1
                continue
            counts.fp += 1
            counts.fn += 1
            result.errors.append(f"{item.path.name}: {key} at line {clause.line}, "
                                 f"expected {spans}")
        elif clause is not None:
            counts.fp += 1
            result.errors.append(f"{item.path.name}: {key} at line {clause.line} not labelled")
        else:
            counts.fn += 1
            result.errors.append(f"{item.path.name}: {key} missed, expected {spans}")


def _score_values(item: Labelled, facts: ContractFacts, result: Score) -> None:
    for key in VALUE_KEYS:
        expected, actual = item.values.get(key), facts.values.get(key)
        if expected is None and actual is None:
            continue
        result.values_total += 1
        if same_value(expected, actual):
            result.values_matched += 1
        else:
            result.errors.append(f"{item.path.name}: value {key}={actual!r}, "
                                 f"expected {expected!r}")


def same_value(expected: Any, actual: Any) -> bool:
    if isinstance(expected, bool) or isinstance(actual, bool):
        return expected is actual
    if isinstance(expected, int | float) and isinstance(actual, int | float):
        return abs(float(expected) - float(actual)) < 1e-9
    return bool(expected == actual)
