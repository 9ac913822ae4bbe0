"""Which language a piece of text is in: ``zh``, ``en``, ``mixed`` or ``und`` (no letters).

A count of CJK characters against Latin words; policies are Chinese or English with the odd
product or SDK name, so nothing finer is needed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from scanner.documents.model import Section

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
ZH_RATIO = 0.75
EN_RATIO = 0.15


def language_counts(text: str) -> tuple[int, int]:
    """CJK characters and Latin words in ``text``."""
    return len(_CJK.findall(text)), len(_LATIN_WORD.findall(text))


def language_of(text: str) -> str:
    return _label(*language_counts(text))


def has_cjk(text: str) -> bool:
    return _CJK.search(text) is not None


def has_latin(text: str) -> bool:
    return _LATIN_WORD.search(text) is not None


def document_language(sections: Iterable[Section]) -> str:
    """The language of the whole document from its sections' languages, weighted by length."""
    weights: dict[str, int] = {}
    for section in sections:
        weights[section.lang] = weights.get(section.lang, 0) + section.end - section.start
    weights.pop("und", None)
    if not weights:
        return "und"
    total = sum(weights.values())
    top = max(weights, key=lambda lang: weights[lang])
    if top != "mixed" and weights[top] / total >= 0.8:
        return top
    return "mixed" if len(weights) > 1 or top == "mixed" else top


def _label(cjk: int, latin: int) -> str:
    if cjk + latin == 0:
        return "und"
    ratio = cjk / (cjk + latin)
    if ratio >= ZH_RATIO:
        return "zh"
    if ratio <= EN_RATIO:
        return "en"
    return "mixed"
