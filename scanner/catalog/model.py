"""Typed views of regulations, provisions, rules and packs, and the catalog that holds them."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from scanner.models import LocalText, Severity


@dataclass(frozen=True)
class Provision:
    """One article, clause or checklist item, cited as ``<regulation>:<id>``."""

    regulation: str
    id: str
    label: str
    title: LocalText
    summary: LocalText
    parent: str | None = None
    label_en: str | None = None

    @property
    def ref(self) -> str:
        return f"{self.regulation}:{self.id}"

    def cite_label(self, lang: str) -> str:
        """The citation in ``lang``: Chinese sources keep their native label in Chinese."""
        return self.label_en if lang == "en" and self.label_en else self.label


@dataclass(frozen=True)
class Regulation:
    id: str
    short: str
    title: LocalText
    issuer: LocalText
    jurisdiction: str
    kind: str
    provisions: tuple[Provision, ...]
    document_number: str | None = None
    effective: str | None = None
    source: str | None = None
    origin: str = ""

    def provision(self, provision_id: str) -> Provision | None:
        return next((p for p in self.provisions if p.id == provision_id), None)


@dataclass(frozen=True)
class Rule:
    id: str
    pack: str
    title: LocalText
    rationale: LocalText
    remediation: LocalText
    severity: Severity
    domain: str
    evaluator: str
    params: Mapping[str, Any] = field(default_factory=dict, compare=False, hash=False)
    maps_to: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    needs: tuple[str, ...] = ()
    message: LocalText | None = None
    help_uri: str | None = None
    examples: Mapping[str, str] = field(default_factory=dict, compare=False, hash=False)
    origin: str = ""

    @property
    def domains(self) -> frozenset[str]:
        """Every domain whose facts this rule reads."""
        return frozenset((self.domain, *self.needs))


@dataclass(frozen=True)
class Pack:
    name: str
    title: LocalText
    description: LocalText
    version: int
    rules: tuple[Rule, ...]
    origin: str = ""


@dataclass
class Catalog:
    """Every regulation and pack loaded, with look-ups by id."""

    regulations: dict[str, Regulation] = field(default_factory=dict)
    packs: dict[str, Pack] = field(default_factory=dict)
    rules: dict[str, Rule] = field(default_factory=dict)

    def provision(self, ref: str) -> Provision | None:
        regulation_id, _, provision_id = ref.partition(":")
        regulation = self.regulations.get(regulation_id)
        return regulation.provision(provision_id) if regulation else None

    def rules_for_regulation(self, regulation_id: str) -> list[Rule]:
        prefix = f"{regulation_id}:"
        return [r for r in self.rules.values() if any(m.startswith(prefix) for m in r.maps_to)]

    def rules_for_provision(self, ref: str) -> list[Rule]:
        return [r for r in self.rules.values() if ref in r.maps_to]

    def select(self, packs: Iterable[str] = (), regulations: Iterable[str] = ()) -> list[Rule]:
        """Rules of the named packs plus rules mapped to the named regulations; all if none."""
        packs, regulations = list(packs), list(regulations)
        if not packs and not regulations:
            return list(self.rules.values())

        chosen: dict[str, Rule] = {}
        for name in packs:
            chosen.update((r.id, r) for r in self.packs[name].rules)
        for regulation_id in regulations:
            chosen.update((r.id, r) for r in self.rules_for_regulation(regulation_id))
        return list(chosen.values())
