"""The nouns every part of govgate shares: severities, artifacts, locations, findings, evidence.

All of them are frozen dataclasses: an analyzer or evaluator builds them once and every later
stage (gate, reporters) only reads them or derives a changed copy with ``dataclasses.replace``.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import IntEnum
from pathlib import Path
from typing import Any

DOMAINS = ("iac", "apk", "policy", "contract", "meta")
LANGS = ("en", "zh")


class Severity(IntEnum):
    """Ordered finding severities; the gate compares them with ``--fail-on``."""

    INFO = 0
    LOW = 1
    MEDIUM = 2
    HIGH = 3
    CRITICAL = 4

    @classmethod
    def parse(cls, text: str) -> Severity:
        try:
            return cls[text.strip().upper()]
        except KeyError:
            names = ", ".join(s.label for s in cls)
            raise ValueError(f"unknown severity {text!r} (expected one of: {names})") from None

    @property
    def label(self) -> str:
        return self.name.lower()

    @property
    def sarif_level(self) -> str:
        if self >= Severity.HIGH:
            return "error"
        return "warning" if self == Severity.MEDIUM else "note"

    @property
    def security_severity(self) -> str:
        """The CVSS-like score GitHub code scanning uses to bucket SARIF rules."""
        return {0: "0.0", 1: "3.0", 2: "5.5", 3: "8.0", 4: "9.5"}[int(self)]


@dataclass(frozen=True)
class LocalText:
    """A text in English and Chinese; ``get`` falls back to whichever exists."""

    en: str = ""
    zh: str = ""

    @classmethod
    def from_data(cls, data: Mapping[str, str] | str | None) -> LocalText:
        if data is None:
            return cls()
        if isinstance(data, str):
            return cls(en=data, zh=data)
        return cls(en=data.get("en", ""), zh=data.get("zh", ""))

    def get(self, lang: str) -> str:
        preferred = self.zh if lang == "zh" else self.en
        return preferred or self.en or self.zh

    def format(self, **values: Any) -> LocalText:
        return LocalText(en=self.en.format(**values), zh=self.zh.format(**values))


@dataclass(frozen=True)
class Artifact:
    """One input found by discovery: a file (or directory root, for IaC) and its domain."""

    path: Path
    rel: str
    domain: str
    options: Mapping[str, Any] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class Location:
    """Where a finding points.

    ``path`` is relative to the scan root (POSIX separators). Text inputs carry lines and
    columns (1-based); an APK carries ``entry`` (``AndroidManifest.xml``, ``classes2.dex``) and
    a ``logical`` name (a manifest element, ``Lcom/example/Foo;->bar()V``, an IaC resource).
    """

    path: str
    start_line: int | None = None
    end_line: int | None = None
    start_column: int | None = None
    end_column: int | None = None
    entry: str | None = None
    logical: str | None = None
    snippet: str | None = None

    def describe(self) -> str:
        text = self.path
        if self.entry:
            text += f"!{self.entry}"
        if self.start_line:
            text += f":{self.start_line}"
            if self.end_line and self.end_line != self.start_line:
                text += f"-{self.end_line}"
        if self.logical:
            text += f" ({self.logical})"
        return text


@dataclass(frozen=True)
class Suppression:
    """Why a finding does not count against the gate, and where that decision was written."""

    reason: str
    origin: str
    expires: str | None = None
    in_source: bool = False


_SPACE = re.compile(r"\s+")


def evidence_hash(evidence: str) -> str:
    """A hash of the evidence text that survives re-indentation and line moves."""
    normalized = _SPACE.sub(" ", evidence).strip()
    return hashlib.sha256(normalized.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Finding:
    """A rule that failed on one element of one artifact.

    ``identity`` names the element stably (an IaC resource address, a permission name, a
    clause key); ``evidence`` is the text that shows the problem. Together with the rule id
    and the artifact path they make the fingerprint that baselines and SARIF use, so moving
    code does not change it but a new violation elsewhere never shares it.
    """

    rule_id: str
    severity: Severity
    domain: str
    message: LocalText
    location: Location
    provisions: tuple[str, ...] = ()
    identity: str = ""
    evidence: str = ""
    source: str | None = None
    properties: Mapping[str, Any] = field(default_factory=dict, compare=False, hash=False)
    suppression: Suppression | None = None
    in_baseline: bool = False

    @property
    def fingerprint(self) -> str:
        return self.fingerprint_at(self.location.path)

    def fingerprint_at(self, path: str) -> str:
        """The fingerprint with the artifact named by ``path`` (e.g. relative to a baseline)."""
        parts = (self.rule_id, path, self.identity, evidence_hash(self.evidence))
        return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:32]

    @property
    def counts(self) -> bool:
        """True when the gate should weigh this finding (not suppressed, not baselined)."""
        return self.suppression is None and not self.in_baseline


@dataclass(frozen=True)
class Evidence:
    """Something a rule found that satisfies a requirement (e.g. a disclosure that is present)."""

    rule_id: str
    artifact: str
    message: LocalText
    location: Location
    properties: Mapping[str, Any] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class Check:
    """A rule that was evaluated on one artifact; JUnit turns each into a testcase."""

    rule_id: str
    artifact: str


@dataclass(frozen=True)
class AnalysisProblem:
    """An input that could not be (fully) analyzed: reported as an ``analysis-error`` finding."""

    artifact: str
    message: str
    partial: bool = False
