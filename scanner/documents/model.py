"""The shape of a loaded document: its text cut into sections, paragraphs and sentences.

Every unit carries its character span (``start``/``end`` into ``Document.text``) and its
1-based first and last line in that text, so a fact found in a sentence can point at the exact
place. ``Document.source_line`` maps a text line back to the input file's line where the text
was extracted (HTML), and is the identity for plain text and Markdown.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass, field


class DocumentError(Exception):
    """A document that cannot be read or turned into text; the message is user-ready."""


@dataclass(frozen=True)
class Sentence:
    """One sentence (or list item / table row) of a paragraph."""

    text: str
    start: int
    end: int
    line: int
    end_line: int


@dataclass(frozen=True)
class Paragraph:
    """A block of consecutive lines, a list item or a table row."""

    text: str
    start: int
    end: int
    line: int
    end_line: int
    sentences: tuple[Sentence, ...]


@dataclass(frozen=True)
class Section:
    """A heading or numbered clause and the text up to the next one.

    ``number`` is the numbering label as written (``第三条``, ``（一）``, ``1.1``, ``(a)``,
    ``Article 5``, ``##``), ``heading`` the title when the opening line is a heading (short and
    without a sentence end), else ``""``. ``level`` is 1 for top-level sections (0 for the
    untitled preamble); ``parent`` is the index of the enclosing section. ``paragraphs`` hold
    the body, including the opening line when it is a clause rather than a heading.
    """

    index: int
    number: str
    heading: str
    level: int
    parent: int | None
    start: int
    end: int
    line: int
    end_line: int
    lang: str
    paragraphs: tuple[Paragraph, ...]

    def sentences(self) -> Iterator[Sentence]:
        for paragraph in self.paragraphs:
            yield from paragraph.sentences


@dataclass(frozen=True)
class Document:
    """A document's text and structure.

    ``kind`` is the format read (``txt``, ``md``, ``html``, ``pdf``, ``docx``); ``source`` the
    path or URL; ``encoding`` the detected text encoding for text files; ``warnings`` problems
    that did not stop loading (a repaired mojibake, a truncated download).
    """

    source: str
    kind: str
    text: str
    sections: tuple[Section, ...]
    lang: str
    encoding: str | None = None
    warnings: tuple[str, ...] = ()
    line_map: tuple[int, ...] = field(default=(), repr=False)
    _line_starts: tuple[int, ...] = field(default=(), repr=False, compare=False)

    def sentences(self) -> Iterator[tuple[Section, Sentence]]:
        for section in self.sections:
            for sentence in section.sentences():
                yield section, sentence

    def line_at(self, offset: int) -> int:
        """The 1-based line of a character offset into ``text``."""
        starts = self._line_starts or line_starts(self.text)
        return bisect.bisect_right(starts, offset)

    def source_line(self, line: int) -> int:
        """The line in the original input that produced text line ``line``."""
        if self.line_map and 0 < line <= len(self.line_map):
            return self.line_map[line - 1]
        return line

    def section(self, index: int) -> Section:
        return self.sections[index]

    def heading_path(self, section: Section) -> tuple[str, ...]:
        """Headings from the top-level section down to ``section`` (empty titles skipped)."""
        chain: list[str] = []
        current: Section | None = section
        while current is not None:
            if current.heading:
                chain.append(current.heading)
            current = self.sections[current.parent] if current.parent is not None else None
        return tuple(reversed(chain))


def line_starts(text: str) -> tuple[int, ...]:
    """Offsets at which each line of ``text`` begins (line 1 starts at 0)."""
    starts = [0]
    position = text.find("\n")
    while position != -1:
        starts.append(position + 1)
        position = text.find("\n", position + 1)
    return tuple(starts)
