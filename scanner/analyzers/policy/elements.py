"""Finding the required elements and the PI categories a policy states, sentence by sentence.

Sentences go through the spaCy cue pipeline of their language (``scanner.nlp``), which marks
every element and PI-category cue as a span; this module then applies each element's
exclusions, weak cues under a matching heading, denials worded without a negation, and
polarity (see ``polarity``). Headings are
context, not evidence: a right named only in a heading is not a disclosure.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from scanner.analyzers.policy.facts import AFFIRMATIVE, NEGATIVE, Mention
from scanner.analyzers.policy.polarity import PolarityJudge
from scanner.documents import Document, Section, has_cjk
from scanner.nlp import SPAN_KEY, PatternBook, cue_pipeline, load_patterns

logger = logging.getLogger(__name__)

PATTERNS = "policy-patterns.yaml"
GROUPS = ("elements", "pi_categories")
MAX_QUOTE = 300


@dataclass(frozen=True)
class Unit:
    """A sentence (or a heading line) to analyse, with its place in the document."""

    text: str
    start: int
    section: Section
    heading: bool = False


@dataclass(frozen=True)
class Hit:
    group: str
    key: str
    start: int
    end: int


def units_of(document: Document) -> list[Unit]:
    """Body sentences, plus each heading line (marked as such)."""
    units: list[Unit] = []
    for section in document.sections:
        if section.heading:
            units.append(Unit(section.heading, _heading_offset(document, section), section, True))
        units.extend(Unit(s.text, s.start, section) for s in section.sentences())
    return units


def unit_lang(unit: Unit) -> str:
    return "zh" if has_cjk(unit.text) else "en"


class ElementFinder:
    """Runs the cue pipelines over a document's units and judges each hit."""

    def __init__(self) -> None:
        self.book: PatternBook = load_patterns(PATTERNS)
        self.judges = {lang: PolarityJudge(self.book, lang) for lang in ("en", "zh")}
        self._denial_keys = [key for key in self.book.keys(("elements",))
                             if self.book.node(("elements", key, "denial"))]

    def find(self, document: Document, units: list[Unit]) -> tuple[list[Mention], list[Mention]]:
        """(element mentions, PI-category mentions) of ``document``."""
        elements: list[Mention] = []
        pi: list[Mention] = []
        for unit, hits in self._hits(units):
            lang = unit_lang(unit)
            heading = _nearest_heading(document, unit.section)
            for hit in hits:
                mention = self._judge(document, unit, hit, lang)
                if mention is not None:
                    (elements if hit.group == "elements" else pi).append(mention)
            if not unit.heading:
                elements.extend(self._weak(document, unit, hits, heading, lang))
                elements.extend(self._denials(document, unit, lang))
        return elements, pi

    def _hits(self, units: list[Unit]) -> Iterator[tuple[Unit, list[Hit]]]:
        for lang in ("zh", "en"):
            chosen = [u for u in units if unit_lang(u) == lang]
            nlp = cue_pipeline(lang, PATTERNS, GROUPS)
            for unit, doc in zip(chosen, nlp.pipe(u.text for u in chosen), strict=True):
                hits = []
                for span in doc.spans[SPAN_KEY]:
                    group, _, key = span.label_.partition(":")
                    hits.append(Hit(group, key, span.start_char, span.end_char))
                yield unit, hits

    def _judge(self, document: Document, unit: Unit, hit: Hit, lang: str) -> Mention | None:
        if unit.heading and not (hit.group == "elements" and self._flag(hit.key, "in_headings")):
            return None
        if self._excluded(hit, unit.text, lang):
            return None

        judge = self.judges[lang]
        # Limitation: a PI category counts as collected when an affirmative clause mentions it,
        # whether or not a collection verb governs it ("we protect your location" counts); a
        # denial needs a collection verb ("we do not collect/read …").
        if hit.group == "pi_categories":
            denied = judge.collection_denied(unit.text, hit.start)
            return _mention(document, unit, hit, NEGATIVE if denied else AFFIRMATIVE, False)

        polarity = judge.judge(unit.text, hit.start, hit.end)
        negative = polarity.negated and self._flag(hit.key, "polarity")
        return _mention(document, unit, hit, NEGATIVE if negative else AFFIRMATIVE,
                        polarity.conditional)

    def _weak(
        self, document: Document, unit: Unit, hits: list[Hit], heading: str, lang: str
    ) -> Iterable[Mention]:
        """Weak cues count for an element whose heading the unit sits under."""
        if not heading:
            return
        found = {h.key for h in hits if h.group == "elements"}
        heading_lang = "zh" if has_cjk(heading) else "en"
        for key in self.book.keys(("elements",)):
            if key in found:
                continue
            if self.book.cues(("elements", key, "heading"), heading_lang).search(heading) is None:
                continue
            match = self.book.cues(("elements", key, "weak"), lang).search(unit.text)
            if match is None:
                continue
            hit = Hit("elements", key, match.start(), match.end())
            if self._excluded(hit, unit.text, lang):
                continue
            mention = self._judge(document, unit, hit, lang)
            if mention is not None:
                yield mention

    def _denials(self, document: Document, unit: Unit, lang: str) -> Iterable[Mention]:
        """Denials worded without a negation ("your data stays in the EU", "仅存储于境内"):
        negative, unless the sentence makes an exception (then a qualified disclosure)."""
        for key in self._denial_keys:
            match = self.book.cues(("elements", key, "denial"), lang).search(unit.text)
            if match is None:
                continue
            hit = Hit("elements", key, match.start(), match.end())
            if self._excluded(hit, unit.text, lang):
                continue
            excepted = self.judges[lang].exception.search(unit.text) is not None
            yield _mention(document, unit, hit, AFFIRMATIVE if excepted else NEGATIVE, excepted)

    def _excluded(self, hit: Hit, text: str, lang: str) -> bool:
        return self.book.cues((hit.group, hit.key, "exclude"), lang).search(text) is not None

    def _flag(self, key: str, name: str) -> bool:
        return bool(self.book.node(("elements", key, name)))


def _mention(
    document: Document, unit: Unit, hit: Hit, polarity: str, conditional: bool
) -> Mention:
    start = unit.start + hit.start
    line = document.source_line(document.line_at(start))
    end_line = document.source_line(document.line_at(unit.start + len(unit.text) - 1))
    return Mention(
        key=hit.key, polarity=polarity, conditional=conditional, line=line,
        end_line=max(line, end_line), start=unit.start, end=unit.start + len(unit.text),
        text=_quote(unit.text), cue=unit.text[hit.start:hit.end],
        section=" > ".join(document.heading_path(unit.section)),
    )


def _quote(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MAX_QUOTE else text[: MAX_QUOTE - 1] + "…"


def _nearest_heading(document: Document, section: Section) -> str:
    path = document.heading_path(section)
    return path[-1] if path else ""


def _heading_offset(document: Document, section: Section) -> int:
    found = document.text.find(section.heading, section.start, section.end)
    return found if found >= 0 else section.start
