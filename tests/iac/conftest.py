"""Shared helpers of the IaC tests: run the analyzer on a directory, and collect failed sets."""

from __future__ import annotations

from pathlib import Path

from scanner.analyzers.base import AnalysisContext, AnalysisResult
from scanner.analyzers.iac import IacAnalyzer
from scanner.analyzers.iac.facts import IacFileFacts
from scanner.discover import discover

FIXTURES = Path(__file__).resolve().parent / "fixtures"
EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "demo"


def analyze(root: Path, **config: object) -> list[AnalysisResult]:
    artifacts = discover([root], root).by_domain().get("iac", [])
    return IacAnalyzer().analyze(artifacts, AnalysisContext(root=root, config=config))


def failed_set(results: list[AnalysisResult]) -> set[tuple[str, str, str]]:
    return {
        (record.check_id, record.resource, record.file)
        for result in results
        if isinstance(result.facts, IacFileFacts)
        for record in result.facts.failed
    }


def problems(results: list[AnalysisResult]) -> dict[str, list[str]]:
    return {r.artifact.rel: [p.message for p in r.problems] for r in results if r.problems}
