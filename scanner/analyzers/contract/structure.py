"""Contract structure on top of the document layer: parties and their roles, recitals, the
numbered clauses, schedules/annexes, the signature block and the definitions sections.

``scanner.documents`` already cuts the text into numbered sections (第一条, 1.1, (a), Article 5,
Markdown headings); this module only reads contract-specific meaning into them.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from scanner.analyzers.contract.patterns import Patterns
from scanner.documents.model import Document, Section

logger = logging.getLogger(__name__)

MAX_OUTLINE = 400
PREAMBLE_CHARS = 4000
_SCHEDULE = re.compile(
    r"^\s*(?:#+\s*)?(?:schedule|annex|appendix|exhibit|attachment|附件|附录|附表)\s*"
    r"[\dIVXA-Z一二三四五六七八九十]*", re.IGNORECASE)
_RECITAL = re.compile(r"^\s*(?:[*_]*)(?:whereas|recitals?\b|background\b|鉴于)", re.IGNORECASE)
_SIGNATURE = re.compile(
    r"in witness whereof|signed (?:for and )?on behalf of|\bsigned by\b"
    r"|^\s*(?:by|signature|signed)\s*[:：]"
    r"|\b(?:by|name|title|signature)\s*[:：]\s*_{2,}"
    r"|（?(?:签字|签章|盖章)）?\s*[:：]?\s*$|法定代表人或授权代表|签署日期|签字盖章",
    re.IGNORECASE | re.MULTILINE)
_ZH_PARTY = re.compile(
    r"^\s*[*_]*(甲方|乙方|丙方|委托方|受托方|个人信息处理者|境外接收方|买方|卖方|供方|需方|披露方|接收方)"
    r"[*_]*\s*(?:[（(]([^）)\n]{1,12})[）)])?\s*[:：]\s*([^\n]{0,80})", re.MULTILINE)
_EN_LABEL = re.compile(
    r"\(\s*(?:the\s+|hereinafter\s+)?[\"“]\**([A-Z][\w -]{1,30})\**[\"”]\s*\)")
# Where a party's name starts before its "(“Label”)": after "between", "and", "by", "(1)" or
# at the start of the line; the name is the capitalised run there ("GitHub, Inc.").
_NAME_ANCHOR = re.compile(r"(?:\b(?:between|and|by)\s+|^\s*(?:\(\d\)\s*)?|\(\d\)\s*)",
                          re.IGNORECASE | re.MULTILINE)
_NAME = re.compile(r"[*_]*([A-Z][\w&.'’-]*(?:(?:,\s*(?:Inc|Ltd|LLC|LLP|Co|Corp|GmbH|S\.A|B\.V|Pte)"
                   r"\b\.?)|[ \t]+(?:[A-Z][\w&.'’()-]*|of|and|&)){0,8})")
_ORGANISATION = re.compile(r"\b(?:Inc|Ltd|LLC|LLP|Co|Corp|Corporation|Company|GmbH|S\.A|B\.V|Pte|"
                           r"Limited|PLC|AG|SARL)\b\.?", re.IGNORECASE)
_SIGNATURE_WORDS = re.compile(r"盖章|签字|签章|签名")
_DOCUMENT_WORDS = re.compile(
    r"\b(?:agreement|terms|contract|addendum|policy|clauses|dpa)\b|协议|合同", re.IGNORECASE)
_EN_ROLE_LINE = re.compile(
    r"^\s*(data exporter|data importer|controller|processor|customer|supplier|provider)"
    r"(?:\(s\))?\s*[:：]\s*(?:name\s*[:：]\s*)?([^\n]{2,80})", re.IGNORECASE | re.MULTILINE)


@dataclass(frozen=True)
class Party:
    """A contracting party: its label ("甲方", "Customer"), any alias in brackets ("委托方"), its
    name, and the role rules compare with the user's side."""

    label: str
    name: str
    role: str
    line: int
    alias: str = ""


@dataclass(frozen=True)
class OutlineEntry:
    number: str
    heading: str
    line: int
    level: int


@dataclass(frozen=True)
class Structure:
    parties: tuple[Party, ...]
    recitals: tuple[int, ...]
    outline: tuple[OutlineEntry, ...]
    schedules: tuple[OutlineEntry, ...]
    signature_line: int | None
    definition_sections: frozenset[int]
    title: str


def read_structure(document: Document, patterns: Patterns) -> Structure:
    outline = tuple(
        OutlineEntry(s.number, s.heading, s.line, s.level)
        for s in document.sections if s.number or s.heading
    )[:MAX_OUTLINE]
    schedules = tuple(e for e in outline if _SCHEDULE.match(f"{e.number} {e.heading}".strip()))
    return Structure(
        parties=find_parties(document, patterns),
        recitals=_recitals(document),
        outline=outline,
        schedules=schedules,
        signature_line=_signature_line(document),
        definition_sections=definition_sections(document, patterns),
        title=document_title(document),
    )


def document_title(document: Document) -> str:
    """The first heading, else the first non-empty line."""
    for section in document.sections[:5]:
        if section.heading:
            return section.heading
    for line in document.text[:2000].splitlines():
        if line.strip(" #*_\t"):
            return line.strip(" #*_\t")[:200]
    return ""


def find_parties(document: Document, patterns: Patterns) -> tuple[Party, ...]:
    head = document.text[:PREAMBLE_CHARS]
    parties: dict[str, Party] = {}
    for match in _ZH_PARTY.finditer(head):
        label, alias, name = match.group(1), match.group(2) or "", match.group(3).strip()
        if _SIGNATURE_WORDS.search(alias) or not name or _SIGNATURE_WORDS.search(name):
            continue
        role = _best_role((role_of(alias, patterns), role_of(label, patterns))) or label
        parties.setdefault(label, Party(label, name, role, document.line_at(match.start()),
                                        alias))
    for match in _EN_ROLE_LINE.finditer(head):
        label = match.group(1).strip().title()
        role = role_of(label, patterns) or label.lower()
        parties.setdefault(label, Party(label, match.group(2).strip(), role,
                                        document.line_at(match.start())))
    floor = 0
    for match in _EN_LABEL.finditer(head):
        label = match.group(1).strip()
        name, floor = _name_before(head, match.start(), floor), match.end()
        if _DOCUMENT_WORDS.search(label):
            continue
        name = "" if _DOCUMENT_WORDS.search(name) else name
        role = role_of(label, patterns) or (label.lower() if _ORGANISATION.search(name) else None)
        if role is None:
            continue
        parties.setdefault(label, Party(label, name, role, document.line_at(match.start())))
    return tuple(sorted(parties.values(), key=lambda p: p.line))[:12]


def _name_before(text: str, label_start: int, floor: int) -> str:
    """The name a "(“Label”)" at ``label_start`` defines, or "" when none can be told: the
    nearest capitalised run after an anchor that names an organisation ("… Ltd", "… Inc.")
    or stands right before the label. ``floor`` is the end of the previous label."""
    line_start = text.rfind("\n", 0, label_start) + 1
    window_start = max(line_start, floor, label_start - 200)
    adjacent = ""
    for anchor in reversed(list(_NAME_ANCHOR.finditer(text, window_start, label_start))):
        match = _NAME.match(text, anchor.end(), label_start)
        name = re.sub(r"(?:\s+(?:and|of|&))+$", "", match.group(1).strip(" ,")) if match else ""
        if name and _ORGANISATION.search(name):
            return name
        if name and match is not None and label_start - match.end() <= 3 and not adjacent:
            adjacent = name
    return adjacent


def _best_role(roles: tuple[str | None, ...]) -> str | None:
    """A functional role (controller, customer…) beats a positional one (party_a, party_b)."""
    known = [r for r in roles if r]
    functional = [r for r in known if r not in ("party_a", "party_b")]
    best = functional or known
    return best[0] if best else None


def role_of(label: str, patterns: Patterns) -> str | None:
    for role, pattern in patterns.party_roles:
        if pattern.fullmatch(label.strip()):
            return role
    return None


def definition_sections(document: Document, patterns: Patterns) -> frozenset[int]:
    """Indexes of sections under a heading such as "Definitions" or 定义."""
    words = [w.lower() for lang in ("en", "zh") for w in patterns.definition_headings.get(lang, ())]
    marked: set[int] = set()
    for section in document.sections:
        heading = section.heading.lower()
        own = bool(heading) and any(w in heading for w in words) and len(heading) < 60
        if own or (section.parent is not None and section.parent in marked):
            marked.add(section.index)
    return frozenset(marked)


def _recitals(document: Document) -> tuple[int, ...]:
    lines = []
    under_heading = False
    for section in document.sections[:30]:
        if section.heading:
            # A "Background"/"鉴于" heading covers the untitled items below it, up to the
            # next titled section.
            under_heading = _RECITAL.match(section.heading) is not None
        for paragraph in section.paragraphs:
            if under_heading or _RECITAL.match(paragraph.text):
                lines.append(paragraph.line)
    return tuple(lines[:20])


def _signature_line(document: Document) -> int | None:
    tail_start = max(0, len(document.text) * 2 // 3)
    match = _SIGNATURE.search(document.text, tail_start)
    return document.line_at(match.start()) if match else None


def is_schedule(section: Section) -> bool:
    return bool(_SCHEDULE.match(f"{section.number} {section.heading}".strip()))
