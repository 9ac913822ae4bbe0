"""Cutting text into sections (headings and numbered clauses), paragraphs and sentences.

Numbering is recognised before sentence splitting, so "(a)" and "2." never end a sentence.
Levels come from the order numbering styles first appear (a style seen again closes the
deeper ones), the way legal texts nest: 第一章 > 第一条 > （一）, or 1. > 1.1 > (a).
Markdown headings (also produced by the HTML and DOCX readers) set their own level.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from scanner.documents.language import language_of
from scanner.documents.model import Paragraph, Section, Sentence
from scanner.documents.sentences import split_sentences

_CN_NUM = "一二三四五六七八九十百零〇两"
# (style, pattern). The first that matches at the start of a line wins.
NUMBERING: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("md", re.compile(r"(#{1,6})[ \t]+")),
    ("zh-chapter", re.compile(rf"第[{_CN_NUM}\d]+章[ \t\u3000]*")),
    ("zh-part", re.compile(rf"第[{_CN_NUM}\d]+节[ \t\u3000]*")),
    ("zh-article", re.compile(rf"第[{_CN_NUM}\d]+条[ \t\u3000]*")),
    ("en-article", re.compile(r"(?:Article|ARTICLE|Section|SECTION|Clause|Chapter)\s+\d+"
                              r"[A-Za-z]?(?:\.\d+)*\.?(?=[\s:.]|$)[ \t:.]*")),
    ("zh-enum", re.compile(rf"[{_CN_NUM}]+[、.．][ \t\u3000]*")),
    ("zh-paren", re.compile(rf"[（(][{_CN_NUM}]+[）)][ \t\u3000]*")),
    ("dec3", re.compile(r"\d{1,2}\.\d{1,2}\.\d{1,2}\.?(?!\d)[ \t\u3000]*")),
    ("dec2", re.compile(r"\d{1,2}\.\d{1,2}\.?(?![\d%])[ \t\u3000]*")),
    ("dec1", re.compile(r"\d{1,3}(?:[.．](?![\d%])|[、)）])[ \t\u3000]*")),
    ("paren-num", re.compile(r"[（(]\d{1,3}[）)][ \t\u3000]*")),
    ("circled", re.compile(r"[\u2460-\u2473][ \t\u3000]*")),
    ("letter", re.compile(r"(?:[（(][a-zA-Z][）)]|[a-z][.)](?=\s))[ \t\u3000]*")),
)
_BOLD_LINE = re.compile(r"\*\*([^*\n]{1,80})\*\*:?[ \t]*$")
_SENTENCE_END = re.compile(r"[。．.！!？?；;：:，,]\s*$")
_DIGIT_OR_COLON = re.compile(r"[\d:：、]")
_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_SMALL_WORDS = frozenset({"a", "an", "and", "the", "of", "to", "for", "in", "on", "or", "with",
                          "we", "your", "our", "how", "what", "who", "by", "you", "do", "is"})
PARAGRAPH_START = re.compile(r"[ \t]*(?:[*•·\-+][ \t]|\||\d{1,3}[.)、][ \t])")


@dataclass
class _Open:
    number: str
    heading: str
    level: int
    parent: int | None
    start: int
    body_start: int
    style: str


def split_sections(text: str, starts: Sequence[int]) -> tuple[Section, ...]:
    """Every section of ``text``; a preamble before the first heading is section 0."""
    opened: list[_Open] = [_Open("", "", 0, None, 0, 0, "")]
    stack: list[str] = []
    md_base = 0
    lines = text.split("\n")
    markers = [_marker(line, lines, index) for index, line in enumerate(lines)]
    later = Counter(line.strip() for line in lines)

    for index, line in enumerate(lines):
        marker = markers[index]
        if marker is None:
            continue
        style, number, title = marker
        is_heading = bool(title) and not _list_item(markers, lines, index, later)
        if style.startswith("md:"):
            md_base, stack = int(style[3:]), []
            level = md_base
        else:
            stack = stack[: stack.index(style) + 1] if style in stack else [*stack, style]
            level = md_base + len(stack)
        start = starts[index]
        body_start = start + len(line) + 1 if is_heading else start
        parent = _parent(opened, level)
        heading = title if is_heading else ""
        opened.append(_Open(number, heading, level, parent, start, body_start, style))

    preamble_end = opened[1].start if len(opened) > 1 else len(text)
    keep = [i for i in range(len(opened)) if i > 0 or _has_text(text[:preamble_end])]
    new_index = {old: new for new, old in enumerate(keep)}
    return tuple(_build(opened, old, new_index, text, starts) for old in keep)


def _marker(line: str, lines: list[str], index: int) -> tuple[str, str, str] | None:
    """(style, number, heading title or "") when ``line`` opens a section."""
    stripped = line.strip()
    if not stripped:
        return None
    indent = len(line) - len(line.lstrip())

    for style, pattern in NUMBERING:
        match = pattern.match(line, indent)
        if not match or match.end() == len(line.rstrip()) and style != "md":
            continue
        rest = line[match.end():].strip()
        if style == "md":
            return f"md:{len(match.group(1))}", match.group(1), _clean(rest) or "#"
        title = _clean(rest) if _looks_like_heading(rest) else ""
        return style, match.group(0).strip(), title

    bold = _BOLD_LINE.fullmatch(stripped)
    if bold:
        return "bold", "", bold.group(1).strip()
    if _standalone(lines, index) and _looks_like_heading(stripped, strict=True):
        return "plain", "", stripped
    return None


def _list_item(
    markers: list[tuple[str, str, str] | None], lines: list[str], index: int, later: Counter[str]
) -> bool:
    """A short numbered line among siblings of its style is a list item, not a heading, unless
    body text follows it or it is a table-of-contents entry (the same line appears again)."""
    marker = markers[index]
    if marker is None or marker[0].startswith("md:") or marker[0] in {"bold", "plain"}:
        return False
    if later[lines[index].strip()] > 1:
        return False
    following = _neighbour_style(markers, lines, index, 1)
    if following is None and _has_following_text(lines, index):
        return False  # a body follows: the line heads it
    return any(_neighbour_style(markers, lines, index, step) == marker[0] for step in (-1, 1))


def _has_following_text(lines: list[str], index: int) -> bool:
    return any(line.strip() for line in lines[index + 1:])


def _neighbour_style(
    markers: list[tuple[str, str, str] | None], lines: list[str], index: int, step: int
) -> str | None:
    position = index + step
    while 0 <= position < len(lines) and not lines[position].strip():
        position += step
    if not 0 <= position < len(lines):
        return None
    neighbour = markers[position]
    return neighbour[0] if neighbour else None


def _looks_like_heading(rest: str, strict: bool = False) -> bool:
    rest = _clean(rest)
    if not rest or _SENTENCE_END.search(rest) or len(rest) > 80:
        return False
    if "。" in rest or "，" in rest or (strict and _DIGIT_OR_COLON.search(rest)):
        return False
    words = _WORD.findall(rest)
    if not words:
        return len(rest) <= (20 if strict else 40)
    if len(words) > (8 if strict else 14):
        return False
    if not strict:
        return True
    capitalised = [w for w in words if w[0].isupper() or w.lower() in _SMALL_WORDS]
    return len(capitalised) == len(words) and words[0][0].isupper()


def _standalone(lines: list[str], index: int) -> bool:
    before = index == 0 or not lines[index - 1].strip()
    after = index + 1 >= len(lines) or not lines[index + 1].strip()
    return before and after


def _clean(text: str) -> str:
    return text.strip().strip("*_").strip()


def _parent(opened: list[_Open], level: int) -> int | None:
    for position in range(len(opened) - 1, 0, -1):
        if opened[position].level < level:
            return position
    return None


def _has_text(text: str) -> bool:
    return any(ch.isalnum() for ch in text)


def _build(
    opened: list[_Open], index: int, new_index: dict[int, int], text: str, starts: Sequence[int]
) -> Section:
    current = opened[index]
    end = opened[index + 1].start if index + 1 < len(opened) else len(text)
    body_start = min(current.body_start, end)
    paragraphs = tuple(_paragraphs(text, body_start, end, starts))
    return Section(
        index=new_index[index], number=current.number, heading=current.heading,
        level=current.level,
        parent=new_index.get(current.parent) if current.parent is not None else None,
        start=current.start, end=end,
        line=_line(starts, current.start), end_line=_line(starts, max(end - 1, current.start)),
        lang=language_of(text[current.start:end]), paragraphs=paragraphs,
    )


def _paragraphs(text: str, start: int, end: int, starts: Sequence[int]) -> list[Paragraph]:
    """Blocks of non-blank lines; a bullet, numbered item or table row starts a new one."""
    blocks: list[tuple[int, int]] = []
    block_start: int | None = None
    position = start
    for line in text[start:end].split("\n"):
        line_end = position + len(line)
        if not _has_text(line):
            if block_start is not None:
                blocks.append((block_start, position - 1))
            block_start = None
        elif block_start is None or PARAGRAPH_START.match(line):
            if block_start is not None:
                blocks.append((block_start, position - 1))
            block_start = position
        position = line_end + 1
    if block_start is not None:
        blocks.append((block_start, min(position - 1, end)))

    return [_paragraph(text, s, e, starts) for s, e in blocks if _has_text(text[s:e])]


def _paragraph(text: str, start: int, end: int, starts: Sequence[int]) -> Paragraph:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    sentences = tuple(
        Sentence(text=text[s:e], start=s, end=e, line=_line(starts, s),
                 end_line=_line(starts, e - 1))
        for s, e in split_sentences(text, start, end)
    )
    return Paragraph(text=text[start:end], start=start, end=end, line=_line(starts, start),
                     end_line=_line(starts, end - 1), sentences=sentences)


def _line(starts: Sequence[int], offset: int) -> int:
    return bisect.bisect_right(starts, offset)
