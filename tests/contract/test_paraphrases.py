"""Clause classification on paraphrases: the usual ways contracts word each clause type.

The cases live in ``fixtures/paraphrases.yaml``: one sentence each and the exact set of clause
keys expected from it. They pin the word-class cues of ``rulesets/data/contract-patterns.yaml``
("@notify ... @incident", "@end_event ... @dispose ... @data") on wording the labelled contracts
do not use, and the near misses (same vocabulary, different clause) keep those cues precise.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from helpers import clause_keys

from scanner.analyzers.contract.patterns import expand_alternative
from scanner.yamlfile import load_yaml

CASES: dict[str, Any] = load_yaml(Path(__file__).parent / "fixtures" / "paraphrases.yaml")


def _params(group: str) -> list[tuple[str, set[str]]]:
    return [(case["text"], set(case["keys"])) for case in CASES[group]]


@pytest.mark.parametrize(("text", "expected"), _params("paraphrases"))
def test_paraphrase(text: str, expected: set[str]) -> None:
    assert clause_keys(text) == expected


@pytest.mark.parametrize(("text", "expected"), _params("near_misses"))
def test_near_miss(text: str, expected: set[str]) -> None:
    assert clause_keys(text) == expected


def test_every_clause_type_has_paraphrases_in_both_languages() -> None:
    for lang_is_zh in (False, True):
        covered = {key for case in CASES["paraphrases"] for key in case["keys"]
                   if any("\u4e00" <= ch <= "\u9fff" for ch in case["text"]) == lang_is_zh}
        assert len(covered) >= 25


def test_word_classes_expand_and_unknown_ones_fail() -> None:
    classes = {"dispose": ["delete", "hand back"]}
    assert expand_alternative("@dispose", classes, "deletion_return") == ["delete", "hand back"]
    assert expand_alternative(" purge ", classes, "deletion_return") == ["purge"]
    with pytest.raises(ValueError, match="unknown word class @notify"):
        expand_alternative("@notify", classes, "breach_notification")
