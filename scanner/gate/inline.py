"""Inline suppressions written in scanned text files: ``# govgate:ignore RULE_ID reason``.

A mark applies to findings of that rule whose location spans its line, or starts on the line
after it. A mark without a reason does not suppress: the reason is mandatory and its absence is
reported as a finding of its own.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path

logger = logging.getLogger(__name__)

MARK = re.compile(r"govgate:ignore[ \t]+([A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+)[ \t]*(.*)$")
_COMMENT_TAIL = re.compile(r"\s*(-->|\*/)\s*$")
MAX_FILE_BYTES = 4 * 1024 * 1024


@dataclass(frozen=True)
class InlineMark:
    rule_id: str
    reason: str
    path: str
    line: int


class InlineMarks:
    """Reads and caches the marks of each file a finding points at."""

    def __init__(self, root: Path) -> None:
        self._root = root
        self._cache: dict[str, list[InlineMark]] = {}

    def for_path(self, rel: str) -> list[InlineMark]:
        if rel not in self._cache:
            self._cache[rel] = _read_marks(self._root, rel)
        return self._cache[rel]

    def matching(self, rel: str, rule_id: str, start: int, end: int) -> InlineMark | None:
        for mark in self.for_path(rel):
            if mark.rule_id == rule_id and start - 1 <= mark.line <= end:
                return mark
        return None


def _read_marks(root: Path, rel: str) -> list[InlineMark]:
    path = Path(rel) if Path(rel).is_absolute() else root / rel
    try:
        if not path.is_file() or path.stat().st_size > MAX_FILE_BYTES:
            return []
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        logger.debug("cannot read %s for inline suppressions: %s", path, exc)
        return []

    marks = []
    for number, line in enumerate(text.splitlines(), start=1):
        if "govgate:ignore" not in line:
            continue
        match = MARK.search(line)
        if match:
            reason = _COMMENT_TAIL.sub("", match.group(2)).strip()
            marks.append(InlineMark(match.group(1), reason, rel, number))
    return marks
