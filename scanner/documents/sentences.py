"""Sentence boundaries inside one paragraph, for Chinese and English alike.

Rules, not a model: a Chinese full stop, question or exclamation mark always ends a sentence;
an English period ends one when the next word starts a new sentence and the word before it is
not an abbreviation; a line break ends one unless the line was wrapped mid-sentence (it ends
in a letter, comma or hyphen and the next line goes on in lower case).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_END = re.compile(r"[。！？!?]+[”’」』）)\"']*|\.(?=[\s\"'”’)\]]|$)[”’\"')\]]*|\n")
_ABBREVIATIONS = frozenset({
    "e.g", "i.e", "etc", "inc", "ltd", "co", "corp", "no", "nos", "art", "arts", "mr", "ms",
    "mrs", "dr", "st", "vs", "u.s", "u.k", "e.u", "approx", "para", "sec", "cf", "p", "pp",
    "fig", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
})
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")
# "… lines. 2. Next item": a bare number right after a sentence end is an enumerator.
_ENUMERATOR = re.compile(r"[.!?。！？]\s+\d{1,3}\.$")
_ITEM_NUMBER = re.compile(r"[ \t]*[\d.]{1,8}")
_WRAPPED = re.compile(r"[A-Za-z0-9,\-–(/]$")


def split_sentences(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """(start, end) offsets into ``text`` of each sentence in ``text[start:end]``, trimmed."""
    sentence_start = start
    for match in _END.finditer(text, start, end):
        if not _is_boundary(text, match, end):
            continue
        yield from _trimmed(text, sentence_start, match.end())
        sentence_start = match.end()
    yield from _trimmed(text, sentence_start, end)


def _is_boundary(text: str, match: re.Match[str], end: int) -> bool:
    mark = match.group(0)
    if mark == "\n":
        return not _wrapped(text, match.start(), end)
    if not mark.startswith("."):
        return True

    line_start = text.rfind("\n", 0, match.start()) + 1
    if _ITEM_NUMBER.fullmatch(text, line_start, match.start()):
        return False
    if _ENUMERATOR.search(text, line_start, match.end()):
        return False
    word = _WORD_BEFORE.search(text, max(0, match.start() - 12), match.start())
    if word and (word.group(1).lower() in _ABBREVIATIONS or len(word.group(1)) == 1):
        return False
    following = text[match.end():match.end() + 3].lstrip()
    return not following or not following[0].islower()


def _wrapped(text: str, newline: int, end: int) -> bool:
    """True when the line before ``newline`` continues on the next line."""
    before = text[max(0, newline - 1):newline]
    after = text[newline + 1:min(end, newline + 3)].lstrip(" \t")
    return bool(_WRAPPED.search(before)) and bool(after) and (after[0].islower()
                                                              or after[0].isdigit())


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start and any(ch.isalnum() for ch in text[start:end]):
        yield start, end
