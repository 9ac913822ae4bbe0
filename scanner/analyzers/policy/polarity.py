"""Deciding whether a cue found in a sentence is stated, denied, or stated under a condition.

A negation counts when it sits in the same clause as the cue and before it ("我们不会共享…",
"we do not sell…"); an exception anywhere in the sentence ("除非…", "except…", "未经您同意")
turns a denial back into a qualified statement. Chinese clauses end at commas and semicolons;
English ones at semicolons, contrastive joints ("but", "however") and the comma closing a
leading condition ("If you do not agree, …"), since other English commas mostly separate list
items ("we do not sell, rent, or share…").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from scanner.nlp import CueSet, PatternBook

_ZH_CLAUSE_END = re.compile(r"[，,；;。！？!?]")
_EN_CLAUSE_END = re.compile(r";|[,.]?\s+(?:but|however|whereas|while|although|though)\b|\.\s")
# A leading conditional clause ends at its comma: in "If you are not satisfied, you may
# complain…" the negation belongs to the condition, not to the statement.
_EN_LEADING_CONDITION = re.compile(
    r"^\W*(?:if|when|whenever|where|should|in case|once|unless)\b[^,;.]{1,120},", re.IGNORECASE)


@dataclass(frozen=True)
class Polarity:
    negated: bool
    conditional: bool


class PolarityJudge:
    """Negation, exception and condition cues of one language."""

    def __init__(self, book: PatternBook, lang: str) -> None:
        self.lang = lang
        self.negation = book.cues(("negation",), lang)
        self.exception = book.cues(("exception",), lang)
        self.condition = book.cues(("condition",), lang)
        self.collect_negation = book.cues(("collect_negation",), lang)

    def judge(self, sentence: str, start: int, end: int) -> Polarity:
        """Polarity of a cue at ``start:end`` of ``sentence`` (a negation inside the cue, as in
        "we cannot delete", counts too)."""
        # Limitation: the scope of a negation is its clause up to the end of the cue; double
        # negations and negations after the cue ("… is something we never collect") are missed.
        clause_start = clause_start_of(sentence, start, self.lang)
        negated = _found(self.negation, sentence, clause_start, end)
        if negated and self.exception.search(sentence) is not None:
            negated = False
        conditional = _found(self.condition, sentence, 0, start) or (
            self.exception.search(sentence) is not None)
        return Polarity(negated=negated, conditional=conditional)

    def collection_denied(self, sentence: str, start: int) -> bool:
        """True when "do not collect"-like words govern a PI mention starting at ``start``."""
        clause_start = clause_start_of(sentence, start, self.lang)
        if not _found(self.collect_negation, sentence, clause_start, start):
            return False
        return self.exception.search(sentence) is None


def clause_start_of(sentence: str, position: int, lang: str) -> int:
    pattern = _ZH_CLAUSE_END if lang == "zh" else _EN_CLAUSE_END
    start = 0
    leading = _EN_LEADING_CONDITION.match(sentence) if lang == "en" else None
    if leading is not None and leading.end() <= position:
        start = leading.end()
    for match in pattern.finditer(sentence, 0, position):
        start = match.end()
    return start


def _found(cues: CueSet, text: str, start: int, end: int) -> bool:
    return end > start and cues.search(text, start, end) is not None
