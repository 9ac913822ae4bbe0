"""Loading a pattern file from ``rulesets/data`` and handing out its compiled cue sets.

Generic over the file's layout: any node of the form ``{en: [cues], zh: [cues]}`` is a cue
list, addressed by its path of keys, e.g. ``book.cues(("elements", "retention", "cues"), "zh")``.
Each file is validated against its own schema (``scanner/schemas/<schema>.schema.json``) and
loaded once per process.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Mapping, Sequence
from functools import cache
from typing import Any

from scanner.catalog.tables import data_table
from scanner.nlp.cues import DEFAULT_GAPS, CueSet, compile_cues

logger = logging.getLogger(__name__)


class PatternBook:
    """One pattern file: its validated data and cue sets compiled on first use."""

    def __init__(self, name: str, data: Mapping[str, Any]) -> None:
        self.name = name
        self.data = data
        gaps = data.get("gaps", {})
        self.gaps = {lang: int(gaps.get(lang, default)) for lang, default in DEFAULT_GAPS.items()}
        self._compiled: dict[tuple[tuple[str, ...], str], CueSet] = {}
        self._lock = threading.Lock()

    def node(self, path: Sequence[str]) -> Any:
        """The raw data at ``path`` (a missing key gives ``None``)."""
        node: Any = self.data
        for key in path:
            node = node.get(key) if isinstance(node, Mapping) else None
        return node

    def cues(self, path: Sequence[str], lang: str) -> CueSet:
        """The compiled cues of ``lang`` at ``path``; empty when there are none."""
        key = (tuple(path), lang)
        with self._lock:
            compiled = self._compiled.get(key)
            if compiled is None:
                node = self.node(path)
                phrases = node.get(lang, []) if isinstance(node, Mapping) else []
                compiled = compile_cues(phrases, lang, self.gaps.get(lang))
                self._compiled[key] = compiled
        return compiled

    def keys(self, path: Sequence[str]) -> list[str]:
        """The keys of the mapping at ``path`` in file order (e.g. every element name)."""
        node = self.node(path)
        return list(node) if isinstance(node, Mapping) else []


@cache
def load_patterns(file_name: str, schema: str | None = None) -> PatternBook:
    """The pattern file ``rulesets/data/<file_name>``, checked against ``schema`` (by default
    the file's stem, e.g. ``policy-patterns``)."""
    data = data_table(file_name, schema)
    logger.debug("loaded pattern file %s", file_name)
    return PatternBook(file_name, data)
