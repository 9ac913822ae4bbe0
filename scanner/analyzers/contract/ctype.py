"""Which kind of contract a document is: dpa, entrusted_processing, cross_border_standard,
saas, technical_service, nda, purchase or other.

The title (first heading or line) weighs most; distinct content phrases add one point each.
``contract.types`` in govgate.yaml maps path globs to a type and always wins.
"""

from __future__ import annotations

import fnmatch
import logging
import re
from collections.abc import Mapping
from pathlib import PurePosixPath
from typing import Any

from scanner.analyzers.contract.patterns import Patterns

logger = logging.getLogger(__name__)

CONTRACT_TYPES = ("dpa", "entrusted_processing", "cross_border_standard", "saas",
                  "technical_service", "nda", "purchase", "other")
CONTENT_CHARS = 60_000


def configured_type(rel: str, config: Mapping[str, Any]) -> str | None:
    """The type ``contract.types`` assigns to this path, if any glob matches."""
    types = config.get("types") or {}
    for glob, kind in types.items():
        if kind in CONTRACT_TYPES and (
                PurePosixPath(rel).match(glob) or fnmatch.fnmatch(rel, glob)):
            return str(kind)
    return None


def detect_type(title: str, text: str, patterns: Patterns) -> tuple[str, dict[str, float]]:
    """(type, score per type) from the title and the first ``CONTENT_CHARS`` of text."""
    table = patterns.contract_types
    title_l, content = title.lower(), text[:CONTENT_CHARS].lower()
    scores: dict[str, float] = {}
    for kind, spec in table["types"].items():
        score = sum(table["title_weight"] for p in spec["title"] if _contains(title_l, p))
        score += sum(1 for p in spec["content"] if _contains(content, p))
        scores[kind] = float(score)

    best = max(scores, key=lambda k: scores[k])
    kind = best if scores[best] >= table["min_score"] else "other"
    return kind, scores


def _contains(text: str, phrase: str) -> bool:
    phrase = phrase.lower()
    if re.fullmatch(r"[a-z][a-z -]*", phrase):
        return re.search(rf"(?<![a-z]){re.escape(phrase)}(?![a-z])", text) is not None
    return phrase in text
