"""Clause classification: which sentences of a contract state which clause types.

Each sentence outside the definitions sections is matched against the cue table (see
``cues.py``); cross-references such as "Section 9 (Limitation of Liability)" are blanked first
so naming a clause is not mistaken for being it, and definition sentences ("“Security
Incident” means …") are skipped. Headings count on their own line and lend half a point to
the sentences beneath them. A type's ``exclude`` cue vetoes it for the sentence; such vetoed
sentences are kept apart (they carry negative statements, e.g. "shall not automatically
renew").
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from scanner.analyzers.contract.cues import CueHit, find_cues
from scanner.analyzers.contract.parties import PartyFinder
from scanner.analyzers.contract.patterns import WEIGHTS, Patterns
from scanner.analyzers.contract.structure import Structure
from scanner.documents.language import has_cjk, has_latin
from scanner.documents.model import Document, Section

logger = logging.getLogger(__name__)

HEADING_BONUS = 0.5
MAX_QUOTE = 400
_CN_NUM = "一二三四五六七八九十百零〇两"
_CROSS_REFERENCE = re.compile(
    r"\b(?:sections?|clauses?|articles?|paragraphs?|schedules?|annex(?:es)?|exhibits?|"
    r"appendix|appendices|attachments?)\s+(?:\d+(?:\.\d+)*(?:\([a-z0-9]+\))*|[IVX]+|[A-Z])\b"
    r"(?!\s*(?:of\b|GDPR))(?:\s*\([A-Z][^()\n]{0,60}\)|\s*[\"“][^\"”\n]{0,60}[\"”])?"
    rf"|第[{_CN_NUM}\d]+[条款项章节](?:[（(][^）)\n]{{0,30}}[）)]|[“「][^”」\n]{{0,30}}[”」])?",
    re.IGNORECASE)
_DEFINITION = re.compile(
    r"^[\W\d]{0,6}[\"“「『][^\"”」』\n]{1,80}[\"”」』][*_]{0,2}\s*(?:[（(][^）)\n]{0,40}[）)]\s*)?"
    r"(?:means|shall mean|has the meaning|have the meaning|refers to|is defined|"
    r"指|是指|系指|意指|即)"
    r"|^.{0,20}所称[^，。；\n]{1,30}[，,]?\s*(?:是指|指|系指)"
    r"|^\W{0,4}as used in this (?:agreement|contract)", re.IGNORECASE)


# An inline label opening a paragraph: "2.1 Subject matter. The …", "- **Categories of Data**.",
# "3. 出境个人信息的种类：姓名…". Group 1 is an English label, group 2 a Chinese one.
MAX_LABEL_SCAN = 120
_INLINE_LABEL = re.compile(
    r"\s*(?:[-*•]\s+)?(?:\d{1,2}(?:\.\d{1,2})*\.?\s+|[（(][a-z0-9一二三四五六七八九十]{1,3}[)）]\s*)?"
    r"(?:[*_]{0,3}([A-Z][A-Za-z,;&/'’ -]{2,50}?)[*_]{0,3}\s*[.:][*_]{0,3}\s"
    rf"|[{_CN_NUM}\d]{{0,3}}[、.．]?\s*([^：:，。；\n]{{2,16}})[：:])")


@dataclass(frozen=True)
class ClauseHit:
    """One sentence (or heading) stating a clause type."""

    key: str
    start: int
    line: int
    end_line: int
    text: str
    section: int
    subject: str | None = None
    in_context: bool = False


@dataclass
class Classification:
    hits: dict[str, list[ClauseHit]] = field(default_factory=dict)
    vetoed: dict[str, list[ClauseHit]] = field(default_factory=dict)
    flags: dict[str, list[ClauseHit]] = field(default_factory=dict)


@dataclass(frozen=True)
class _Unit:
    """A piece of text to classify: a sentence (chunk) with its place in the document and the
    types named by its paragraph's inline label, if any."""

    text: str
    start: int
    section: Section
    labelled: frozenset[str] = frozenset()
    opens_label: bool = False


def classify(document: Document, structure: Structure, patterns: Patterns,
             max_chars: int) -> tuple[Classification, bool]:
    """All clause hits; the flag is True when the text was longer than ``max_chars``."""
    result = Classification()
    finder = PartyFinder(structure.parties, patterns)
    context = _heading_context(document, structure)
    truncated = False

    for section in document.sections:
        if section.index in structure.definition_sections:
            continue
        if section.start > max_chars:
            truncated = True
            break
        if section.heading != structure.title:
            _heading_hits(document, section, context, result)
        for unit in _units(section, patterns.max_sentence_chars):
            _classify_unit(document, unit, context.get(section.index, set()), result, finder)
    return result, truncated


def _heading_context(document: Document, structure: Structure) -> dict[int, set[str]]:
    """Clause types named by each section's heading or the headings above it."""
    own: dict[int, set[str]] = {}
    for section in document.sections:
        if section.heading == structure.title:
            continue
        if section.heading and section.index not in structure.definition_sections:
            own[section.index] = _heading_types(section.heading)

    context: dict[int, set[str]] = {}
    for section in document.sections:
        inherited = context.get(section.parent, set()) if section.parent is not None else set()
        context[section.index] = own.get(section.index, set()) | inherited
    return context


def _heading_types(heading: str) -> set[str]:
    """Types a heading names; a phrase inside a longer matched phrase does not count
    ("Processor Confidentiality Commitment" names personnel confidentiality only), nor does a
    type the heading's wording vetoes ("协议终止后的处理" is about what follows termination)."""
    hits = _cues(heading, ("heading", "exclude"))
    vetoed = {h.cue.owner for h in hits if h.cue.kind == "exclude"}
    named = [h for h in hits if h.cue.kind == "heading" and h.cue.owner not in vetoed]
    return {h.cue.owner for h in named
            if not any(o.start <= h.start and h.end <= o.end and o.end - o.start > h.end - h.start
                       for o in named)}


def _heading_hits(document: Document, section: Section, context: dict[int, set[str]],
                  result: Classification) -> None:
    if not section.heading:
        return
    has_body = any(not _DEFINITION.match(s.text) for s in section.sentences()) or any(
        s.parent == section.index for s in document.sections[section.index + 1:section.index + 2])
    if not has_body:
        return
    parent = context.get(section.parent, set()) if section.parent is not None else set()
    for key in sorted(context[section.index] - parent):
        hit = ClauseHit(key=key, start=section.start, line=section.line,
                        end_line=section.line, text=section.heading, section=section.index,
                        subject=None, in_context=True)
        result.hits.setdefault(key, []).append(hit)


def _units(section: Section, max_chars: int) -> Iterator[_Unit]:
    for paragraph in section.paragraphs:
        label = _INLINE_LABEL.match(paragraph.text[:MAX_LABEL_SCAN])
        labelled = frozenset(_heading_types(label.group(1) or label.group(2))) if label \
            else frozenset()
        for position, sentence in enumerate(paragraph.sentences):
            if _DEFINITION.match(sentence.text):
                continue
            for offset in range(0, len(sentence.text), max_chars):
                yield _Unit(sentence.text[offset:offset + max_chars], sentence.start + offset,
                            section, labelled, position == 0 and offset == 0)


def _classify_unit(document: Document, unit: _Unit, context: set[str],
                   result: Classification, finder: PartyFinder) -> None:
    masked = _CROSS_REFERENCE.sub(lambda m: " " * len(m.group(0)), unit.text)
    cue_hits = _cues(masked, ("cues", "weak", "exclude"))
    if not cue_hits and not unit.opens_label:
        return

    context = context | unit.labelled
    # The sentence carrying an inline label states its types as a heading line does.
    scores: dict[str, float] = dict.fromkeys(unit.labelled if unit.opens_label else (),
                                             HEADING_BONUS)
    strong: set[str] = set()
    seen: set[tuple[str, str]] = set()
    excluded: set[str] = set()
    for hit in cue_hits:
        owner = hit.cue.owner
        if hit.cue.kind == "exclude":
            excluded.add(owner)
        elif (owner, hit.cue.text) not in seen:
            seen.add((owner, hit.cue.text))
            scores[owner] = scores.get(owner, 0.0) + WEIGHTS[hit.cue.kind]
            if hit.cue.kind == "cues":
                strong.add(owner)

    for owner, score in scores.items():
        total = score + (HEADING_BONUS if owner in context else 0.0)
        if total < 1.0 or (owner not in strong and owner not in context):
            continue
        found = _make_hit(document, unit, owner, finder, owner in context)
        if owner.startswith("flag:"):
            if owner not in excluded:
                result.flags.setdefault(owner[5:], []).append(found)
        elif owner in excluded:
            result.vetoed.setdefault(owner, []).append(found)
        else:
            result.hits.setdefault(owner, []).append(found)


def _make_hit(document: Document, unit: _Unit, key: str, finder: PartyFinder,
              in_context: bool) -> ClauseHit:
    text = unit.text.strip()
    lead = len(unit.text) - len(unit.text.lstrip())
    start = unit.start + lead
    end = start + len(text)
    return ClauseHit(key=key, start=start, line=document.line_at(start),
                     end_line=document.line_at(max(start, end - 1)), text=text[:MAX_QUOTE],
                     section=unit.section.index, subject=finder.subject(text),
                     in_context=in_context)


def _cues(text: str, kinds: tuple[str, ...]) -> list[CueHit]:
    hits: list[CueHit] = []
    if has_latin(text):
        hits.extend(find_cues(text, "en", kinds))
    if has_cjk(text):
        hits.extend(find_cues(text, "zh", kinds))
    return hits
