"""The facts the contract analyzer produces for one contract, and their JSON view."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from scanner.analyzers.contract.structure import Structure

logger = logging.getLogger(__name__)

MAX_LINES_LISTED = 20


@dataclass(frozen=True)
class Clause:
    """A clause type found in the contract: where it is first stated best, and every line."""

    key: str
    line: int
    end_line: int
    text: str
    section: str
    subjects: tuple[str, ...] = ()
    lines: tuple[int, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"line": self.line, "end_line": self.end_line, "text": self.text,
                "section": self.section, "subjects": list(self.subjects),
                "lines": list(self.lines[:MAX_LINES_LISTED])}


@dataclass(frozen=True)
class Flag:
    """A risky statement (pre-existing IP assigned, injury exemption) with its place."""

    key: str
    line: int
    text: str
    subject: str | None

    def to_dict(self) -> dict[str, Any]:
        return {"line": self.line, "text": self.text, "subject": self.subject}


@dataclass(frozen=True)
class ContractFacts:
    """Type, structure, clauses, negative statements, flags and normalized values."""

    path: str
    lang: str
    type: str
    type_source: str
    structure: Structure
    clauses: Mapping[str, Clause] = field(default_factory=dict)
    negated: Mapping[str, Clause] = field(default_factory=dict)
    flags: Mapping[str, Flag] = field(default_factory=dict)
    values: Mapping[str, Any] = field(default_factory=dict)
    value_sources: Mapping[str, Clause] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        structure = self.structure
        return {
            "path": self.path,
            "lang": self.lang,
            "type": self.type,
            "type_source": self.type_source,
            "title": structure.title,
            "parties": [{"label": p.label, "alias": p.alias, "name": p.name, "role": p.role,
                         "line": p.line} for p in structure.parties],
            "recitals": list(structure.recitals),
            "articles": len(structure.outline),
            "schedules": [{"number": s.number, "heading": s.heading, "line": s.line}
                          for s in structure.schedules],
            "signature_line": structure.signature_line,
            "clauses": {k: c.to_dict() for k, c in sorted(self.clauses.items())},
            "negated": {k: c.to_dict() for k, c in sorted(self.negated.items())},
            "flags": {k: f.to_dict() for k, f in sorted(self.flags.items())},
            "values": dict(sorted(self.values.items())),
            "value_lines": {k: c.line for k, c in sorted(self.value_sources.items())},
        }
