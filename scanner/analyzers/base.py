"""The contract every analyzer implements, and the result type it returns.

An analyzer receives all artifacts of its domain at once, so it can batch them (checkov runs
once over the IaC files) or fan them out (APKs go to a process pool). It never raises for a bad
input: the problem goes into ``AnalysisResult.problems`` and the other inputs are still analyzed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from scanner.models import AnalysisProblem, Artifact


class Facts(Protocol):
    """Typed facts of one artifact; each domain defines its own dataclasses."""

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready view used by the JSON report."""
        ...


@dataclass(frozen=True)
class AnalysisResult:
    """Facts about one artifact, or the problems that kept them from being complete."""

    artifact: Artifact
    facts: Facts | None
    problems: tuple[AnalysisProblem, ...] = ()


@dataclass(frozen=True)
class AnalysisContext:
    """What an analyzer may consult: the scan root, its config section, worker count."""

    root: Path
    config: Mapping[str, Any] = field(default_factory=dict)
    workers: int = 1
    cache_dir: Path | None = None


class Analyzer(Protocol):
    """Turns the artifacts of one domain into facts."""

    domain: str

    def analyze(
        self, artifacts: Sequence[Artifact], context: AnalysisContext
    ) -> list[AnalysisResult]:
        ...


class AnalyzerError(Exception):
    """Raised inside an analyzer for a problem with one input; caught per artifact."""
