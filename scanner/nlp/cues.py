"""Compiling cue phrases into character-level regular expressions.

Cue syntax (shared by every pattern file):

- ``"a|b ... c"``: parts in this order within one sentence; ``|`` separates alternative phrases
  of a part; at most ``gap`` characters (Chinese) or words (English) between consecutive parts.
- ``"collect*"`` (English): a word prefix (collect, collects, collected, collection).
- ``"re:<regex>"``: a raw regular expression, used as is.

Chinese is matched on characters, never on tokens: jieba would split 个人信息处理者 into
个人/信息处理/者 and a token pattern for 个人信息 would miss it. English is matched
case-insensitively at word boundaries. A gap never crosses a sentence end, nor a semicolon.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from scanner.nlp.trie import trie_regex

DEFAULT_GAPS = {"en": 8, "zh": 14}
# Character classes that are already closed under case are wrapped in (?-i:...): the result is
# the same, but ``re`` then skips case-folding them, which dominated compile time.
_ZH_GAP = "[^。！？!?；;\n]{{0,{n}}}?"
_EN_GAP = r"(?-i:(?:[^\w.!?;]+[\w'’-]+){{0,{n}}}?[^\w.!?;]+)"
_WORD_START = "(?-i:(?<![A-Za-z0-9]))"
_WORD_END = "(?-i:(?![A-Za-z0-9]))"
_WORD_TAIL = r"(?-i:[\w'’-]*)"
_WORD_GAP = r"(?-i:[\s\-]+)"


@dataclass(frozen=True)
class CueHit:
    """One match: the matched ``text`` and where; ``cue`` is the index of the cue that matched
    and ``pattern`` its source (-1 and "" from ``finditer``, which does not resolve them)."""

    cue: int
    text: str
    start: int
    end: int
    pattern: str = ""


class CueSet:
    """The compiled cues of one language: ``search``/``finditer`` over all of them at once,
    ``hits`` for every cue that matches (overlaps included)."""

    def __init__(self, cues: Sequence[str], lang: str, gap: int) -> None:
        self.cues = tuple(cues)
        self.lang = lang
        self.gap = gap
        self._each: tuple[re.Pattern[str], ...] | None = None  # compiled on first ``hits``
        union = "|".join(f"(?:{cue_regex(cue, lang, gap)})" for cue in self.cues)
        if union and lang == "en" and all(_word_headed(cue) for cue in self.cues):
            # Every cue starts a word: skip mid-word positions before trying the alternatives.
            union = f"{_WORD_START}(?:{union})"
        self._union = re.compile(union, re.IGNORECASE) if union else None

    def __bool__(self) -> bool:
        return bool(self.cues)

    def search(self, text: str, start: int = 0, end: int | None = None) -> re.Match[str] | None:
        if self._union is None:
            return None
        return self._union.search(text, start, len(text) if end is None else end)

    def finditer(self, text: str, start: int = 0, end: int | None = None) -> list[CueHit]:
        """Non-overlapping matches of any cue, left to right (cue index is -1: not resolved)."""
        if self._union is None:
            return []
        stop = len(text) if end is None else end
        return [CueHit(-1, m.group(0), m.start(), m.end())
                for m in self._union.finditer(text, start, stop)]

    def hits(self, text: str, start: int = 0, end: int | None = None) -> list[CueHit]:
        """The first match of each cue that matches, in cue order."""
        if self._union is None or self.search(text, start, end) is None:
            return []
        stop = len(text) if end is None else end
        if self._each is None:
            self._each = tuple(compile_cue(cue, self.lang, self.gap) for cue in self.cues)
        found = []
        for index, pattern in enumerate(self._each):
            match = pattern.search(text, start, stop)
            if match:
                found.append(CueHit(index, match.group(0), match.start(), match.end(),
                                    self.cues[index]))
        return found


def compile_cue(cue: str, lang: str, gap: int) -> re.Pattern[str]:
    return re.compile(cue_regex(cue, lang, gap), re.IGNORECASE)


def cue_regex(cue: str, lang: str, gap: int) -> str:
    """The regular expression (source) of one cue."""
    if cue.startswith("re:"):
        return cue[3:]

    parts = [part.strip() for part in cue.split("...")]
    if not all(parts):
        raise ValueError(f"empty part in cue {cue!r}")
    separator = (_ZH_GAP if lang == "zh" else _EN_GAP).format(n=gap)
    return separator.join(_part(part, lang) for part in parts)


def _part(part: str, lang: str) -> str:
    """One part's alternatives, as a prefix tree (longest phrase wins)."""
    alternatives = sorted((a.strip() for a in part.split("|") if a.strip()), key=len, reverse=True)
    return "(?:" + trie_regex(_tokens(a, lang) for a in alternatives) + ")"


# Limitation: English inflection is matched through prefixes (collect*), not lemmas;
# irregular forms (kept/keep, sold/sell) need their own alternatives in the pattern file.
def _tokens(phrase: str, lang: str) -> list[str]:
    """The regex pieces of one phrase: escaped characters, separators, word-boundary guards."""
    prefix = phrase.endswith("*")
    words = phrase.rstrip("*").split()
    if lang == "zh":
        separator = "" if all(_is_cjk_word(w) for w in words) else r"\s*"
        return _joined(words, separator)
    # Letter/digit boundaries rather than \b, so "_Revised on_" (Markdown emphasis) matches.
    head = [_WORD_START] if words and words[0][0].isalnum() else []
    tail = _WORD_TAIL if prefix else (_WORD_END if words and words[-1][-1].isalnum() else "")
    return head + _joined(words, _WORD_GAP) + ([tail] if tail else [])


def _joined(words: list[str], separator: str) -> list[str]:
    tokens: list[str] = []
    for index, word in enumerate(words):
        if index and separator:
            tokens.append(separator)
        tokens.extend(re.escape(ch) for ch in word)
    return tokens


def _word_headed(cue: str) -> bool:
    """True when every match of an English cue starts a word (its regex begins each first-part
    alternative with ``_WORD_START``)."""
    if cue.startswith("re:"):
        return False
    first = cue.split("...")[0]
    return all(a.strip()[0].isalnum() for a in first.split("|") if a.strip())


def _is_cjk_word(word: str) -> bool:
    return all("\u3400" <= ch <= "\u9fff" or ch in "（）、·" for ch in word)


def compile_cues(cues: Iterable[str], lang: str, gap: int | None = None) -> CueSet:
    return CueSet(list(cues), lang, DEFAULT_GAPS.get(lang, 8) if gap is None else gap)
