"""The contract pattern table (``rulesets/data/contract-patterns.yaml``), loaded and compiled.

Cues are compiled into one spaCy ``PhraseMatcher`` per language over every distinct phrase;
a cue is then an ordered list of parts, each a set of phrase ids, that ``cues.py`` combines
inside one sentence. An alternative written ``@name`` stands for every phrase of the word class
``lexicon.<lang>.<name>`` (e.g. ``@notify ... @incident``), so one cue covers the usual ways of
drafting the same obligation. Loading happens once per process.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from scanner.catalog.tables import data_table

logger = logging.getLogger(__name__)

PATTERNS_FILE = "contract-patterns.yaml"
LANGS = ("en", "zh")
WEIGHTS = {"cues": 1.0, "weak": 0.5}
Lexicon = Mapping[str, Mapping[str, list[str]]]


@dataclass(frozen=True)
class Cue:
    """One cue: its owner (clause type or flag), kind (cues/weak/exclude/heading), parts."""

    owner: str
    kind: str
    parts: tuple[frozenset[int], ...]
    text: str


@dataclass
class LangTable:
    """Phrases (by id) and cues of one language."""

    phrases: list[str] = field(default_factory=list)
    phrase_ids: dict[str, int] = field(default_factory=dict)
    cues: list[Cue] = field(default_factory=list)
    # phrase id -> indexes of the cues whose first part contains it
    by_first: dict[int, list[int]] = field(default_factory=dict)

    def phrase(self, text: str) -> int:
        key = text.strip().lower()
        if key not in self.phrase_ids:
            self.phrase_ids[key] = len(self.phrases)
            self.phrases.append(key)
        return self.phrase_ids[key]


@dataclass(frozen=True)
class Patterns:
    """Everything the analyzer reads from the pattern file."""

    gaps: Mapping[str, int]
    max_sentence_chars: int
    clause_titles: Mapping[str, Mapping[str, str]]
    tables: Mapping[str, LangTable]
    definition_headings: Mapping[str, tuple[str, ...]]
    jurisdictions: tuple[tuple[str, re.Pattern[str]], ...]
    arbitration: tuple[tuple[str, re.Pattern[str]], ...]
    courts: tuple[tuple[str, re.Pattern[str]], ...]
    party_roles: tuple[tuple[str, re.Pattern[str]], ...]
    contract_types: Mapping[str, Any]

    @property
    def clause_types(self) -> tuple[str, ...]:
        return tuple(self.clause_titles)


@cache
def load_patterns() -> Patterns:
    data = data_table(PATTERNS_FILE)

    tables = {lang: LangTable() for lang in LANGS}
    lexicon: Lexicon = data.get("lexicon", {})
    for name, spec in data["clause_types"].items():
        for kind in ("heading", "cues", "weak", "exclude"):
            _add_cues(tables, lexicon, name, kind, spec.get(kind, {}))
    for name, spec in data["flags"].items():
        for kind in ("cues", "exclude"):
            _add_cues(tables, lexicon, f"flag:{name}", kind, spec.get(kind, {}))

    return Patterns(
        gaps=data["gaps"],
        max_sentence_chars=data["max_sentence_chars"],
        clause_titles={k: v["title"] for k, v in data["clause_types"].items()},
        tables=tables,
        definition_headings={k: tuple(v) for k, v in data["definitions"]["heading"].items()},
        jurisdictions=alias_patterns(data["jurisdictions"]),
        arbitration=alias_patterns(data["venues"]["arbitration"]),
        courts=alias_patterns(data["venues"]["court"]),
        party_roles=alias_patterns(data["party_roles"]),
        contract_types=data["contract_types"],
    )


def _add_cues(
    tables: dict[str, LangTable], lexicon: Lexicon, owner: str, kind: str,
    by_lang: Mapping[str, list[str]]
) -> None:
    for lang, texts in by_lang.items():
        table = tables[lang]
        for text in texts:
            parts = tuple(
                frozenset(table.phrase(phrase) for alt in part.split("|") if alt.strip()
                          for phrase in expand_alternative(alt, lexicon.get(lang, {}), owner))
                for part in text.split("...")
            )
            if kind == "heading":
                parts = parts[:1]
            index = len(table.cues)
            table.cues.append(Cue(owner=owner, kind=kind, parts=parts, text=text))
            for phrase_id in parts[0]:
                table.by_first.setdefault(phrase_id, []).append(index)


def expand_alternative(alternative: str, classes: Mapping[str, list[str]], owner: str) -> list[str]:
    """The phrases an alternative stands for: itself, or every phrase of its ``@class``."""
    name = alternative.strip()
    if not name.startswith("@"):
        return [name]
    if name[1:] not in classes:
        raise ValueError(f"{PATTERNS_FILE}: {owner} uses the unknown word class {name}")
    return classes[name[1:]]


def alias_patterns(table: Mapping[str, list[str]]) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(code, pattern) per entry; English aliases match whole words, case-insensitively."""
    compiled = []
    for code, aliases in table.items():
        ordered = sorted(aliases, key=len, reverse=True)
        alternatives = "|".join(re.escape(a) for a in ordered)
        compiled.append((code, re.compile(rf"(?<![A-Za-z])(?:{alternatives})(?![A-Za-z])",
                                          re.IGNORECASE)))
    return tuple(compiled)
