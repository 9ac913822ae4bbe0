"""The spaCy rule pipeline that finds cues in one sentence or heading.

A blank spaCy pipeline per language tokenizes (English words; Chinese per character, so
phrases such as 个人信息 match inside 个人信息处理者) and a ``PhraseMatcher`` on lower-cased
tokens finds every phrase of the pattern table. Multi-part cues ("notify ... breach") are then
assembled from the phrase hits in order, each gap at most ``gaps.<lang>`` tokens. Work is
bounded: sentences are capped in length before they reach the tokenizer.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from scanner.analyzers.contract.patterns import Cue, LangTable, load_patterns

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.matcher import PhraseMatcher

logger = logging.getLogger(__name__)

Spans = list[tuple[int, int]]
# Limitation: only the first occurrences of a cue's first part are tried, to bound the work
# on pathological text where one phrase repeats hundreds of times in a sentence.
MAX_STARTS = 40


@dataclass(frozen=True)
class CueHit:
    """A cue that fired: which one, and the character span it covers in the text."""

    cue: Cue
    start: int
    end: int


@dataclass(frozen=True)
class _Pipeline:
    nlp: Language
    matcher: PhraseMatcher
    ids: dict[int, int]
    table: LangTable


@cache
def _pipeline(lang: str) -> _Pipeline:
    import spacy
    from spacy.matcher import PhraseMatcher

    table = load_patterns().tables[lang]
    nlp = spacy.blank(lang)
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    ids: dict[int, int] = {}
    for phrase_id, phrase in enumerate(table.phrases):
        key = f"p{phrase_id}"
        matcher.add(key, [nlp.make_doc(phrase)])
        ids[nlp.vocab.strings[key]] = phrase_id
    logger.debug("contract cues (%s): %d phrases, %d cues", lang, len(table.phrases),
                 len(table.cues))
    return _Pipeline(nlp=nlp, matcher=matcher, ids=ids, table=table)


def find_cues(text: str, lang: str, kinds: Iterable[str]) -> list[CueHit]:
    """Cues of the given kinds that fire in ``text`` (already capped in length)."""
    pipeline = _pipeline(lang)
    doc = pipeline.nlp.make_doc(text)
    occurrences: dict[int, Spans] = {}
    for match_id, start, end in pipeline.matcher(doc):
        occurrences.setdefault(pipeline.ids[match_id], []).append((start, end))

    wanted = set(kinds)
    gap = load_patterns().gaps[lang]
    candidates = sorted({i for p in occurrences for i in pipeline.table.by_first.get(p, ())})
    hits = []
    for index in candidates:
        cue = pipeline.table.cues[index]
        if cue.kind not in wanted:
            continue
        span = _assemble(cue, occurrences, gap)
        if span is not None:
            hits.append(CueHit(cue, doc[span[0]].idx, doc[span[1] - 1].idx + len(doc[span[1] - 1])))
    return hits


def _assemble(cue: Cue, occurrences: dict[int, Spans], gap: int) -> tuple[int, int] | None:
    """The token span of the earliest in-order chain of the cue's parts, or None."""
    firsts = sorted(s for p in cue.parts[0] for s in occurrences.get(p, ()))
    for first in firsts[:MAX_STARTS]:
        end = _chain(cue.parts[1:], occurrences, first[1], gap)
        if end is not None:
            return first[0], end
    return None


def _chain(parts: tuple[frozenset[int], ...], occurrences: dict[int, Spans], after: int,
           gap: int) -> int | None:
    if not parts:
        return after
    nexts = sorted(s for p in parts[0] for s in occurrences.get(p, ())
                   if after <= s[0] <= after + gap)
    for _start, end in nexts:
        tail = _chain(parts[1:], occurrences, end, gap)
        if tail is not None:
            return tail
    return None
