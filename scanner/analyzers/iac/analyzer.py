"""The IaC analyzer: one checkov run over the IaC inputs, its records sorted into per-file facts.

Discovery hands over every IaC and secret-bearing file; checkov walks their directory itself,
so a file checkov reports that discovery did not list (a module in a sibling directory, a file
type discovery does not know) still gets its own result. Files checkov could not parse, and
runners that failed, become ``AnalysisProblem``s naming the file; everything else is kept.
"""

from __future__ import annotations

import logging
import os
import shutil
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from scanner.analyzers.base import AnalysisContext, AnalysisResult
from scanner.analyzers.iac.checkov_runner import RUNNERS, CheckovOutcome, run_checkov
from scanner.analyzers.iac.facts import CheckRecord, IacFileFacts
from scanner.analyzers.iac.frameworks import detect, frameworks_of
from scanner.models import AnalysisProblem, Artifact

logger = logging.getLogger(__name__)

ROOT_REL = "."

_PARSE_LABELS = {
    "terraform": "unparseable HCL",
    "terraform_json": "unparseable Terraform JSON",
    "cloudformation": "unparseable CloudFormation template",
    "kubernetes": "unparseable Kubernetes manifest",
    "helm": "unrenderable Helm chart",
    "dockerfile": "unparseable Dockerfile",
    "arm": "unparseable ARM template",
    "bicep": "unparseable Bicep file",
    "secrets": "unreadable file",
}


# Limitation: checkov walks the deepest directory common to all IaC inputs; results for files
# outside the scan targets are dropped afterwards (Terraform modules excepted), so scanning one
# file still costs a walk of its whole directory.
class IacAnalyzer:
    """Turns IaC files into checkov records, one ``IacFileFacts`` per file."""

    domain = "iac"

    def analyze(
        self, artifacts: Sequence[Artifact], context: AnalysisContext
    ) -> list[AnalysisResult]:
        if not artifacts:
            return []

        started = time.perf_counter()
        frameworks = _frameworks(artifacts, context.config)
        runnable, missing_tools = _runnable(frameworks)
        skip_paths = [str(p) for p in context.config.get("skip_paths", ())]
        secrets_all_files = bool(context.config.get("secrets_all_files", False))
        directory = scan_directory(artifacts)
        outcome = run_checkov(directory, runnable, skip_paths, secrets_all_files, context.root)
        logger.debug("checkov (%s) on %s took %.2fs", ", ".join(runnable), directory,
                     time.perf_counter() - started)

        return _results(artifacts, outcome, context, missing_tools)


def scan_directory(artifacts: Sequence[Artifact]) -> Path:
    """The deepest directory holding every artifact: checkov walks it once."""
    folders = [a.path.absolute() if a.path.is_dir() else a.path.absolute().parent
               for a in artifacts]
    return Path(os.path.commonpath([str(f) for f in folders]))


def _frameworks(artifacts: Sequence[Artifact], config: Mapping[str, Any]) -> tuple[str, ...]:
    forced = config.get("frameworks")
    if forced:
        return tuple(sorted(str(f) for f in forced if str(f) in RUNNERS))
    return detect(artifacts)


def _runnable(frameworks: Sequence[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Frameworks checkov can run here, and those whose external tool is not installed."""
    missing = tuple(f for f in frameworks if f == "helm" and shutil.which("helm") is None)
    return tuple(f for f in frameworks if f not in missing), missing


def _results(
    artifacts: Sequence[Artifact],
    outcome: CheckovOutcome,
    context: AnalysisContext,
    missing_tools: Sequence[str],
) -> list[AnalysisResult]:
    records = _by_file(outcome.records)
    problems = _parse_problems(outcome)
    for artifact in artifacts:
        if "helm" in missing_tools and "helm" in frameworks_of(artifact.path):
            problems.setdefault(artifact.rel, []).append(AnalysisProblem(
                artifact.rel, "Helm chart not scanned: the helm binary is not installed", True))

    known = {a.rel: a for a in artifacts}
    folders = {a.path.absolute().parent for a in artifacts}
    for rel in sorted((records.keys() | problems.keys()) - known.keys()):
        if _belongs(context.root / rel, records.get(rel, ()), folders):
            known[rel] = Artifact(path=context.root / rel, rel=rel, domain="iac")

    results = [
        AnalysisResult(a, IacFileFacts(rel, tuple(records.get(rel, ()))),
                       tuple(problems.get(rel, ())))
        for rel, a in known.items()
    ]
    if outcome.failures:
        root = Artifact(path=context.root, rel=ROOT_REL, domain="iac")
        failures = tuple(AnalysisProblem(ROOT_REL, message, True) for message in outcome.failures)
        results.append(AnalysisResult(root, None, failures))
    return results


def _belongs(path: Path, records: Sequence[CheckRecord], folders: set[Path]) -> bool:
    """Whether a file checkov reported but discovery did not list is part of this scan: a
    Terraform module the inputs use, or a file beside or below an input. Other files of the
    directory checkov walked (siblings of the scan targets) are left out."""
    if records and all(r.framework.startswith("terraform") for r in records):
        return True
    path = path.absolute()
    return any(folder in path.parents for folder in folders)


def _by_file(records: Sequence[CheckRecord]) -> dict[str, list[CheckRecord]]:
    grouped: dict[str, list[CheckRecord]] = {}
    for record in records:
        grouped.setdefault(record.file, []).append(record)
    return grouped


def _parse_problems(outcome: CheckovOutcome) -> dict[str, list[AnalysisProblem]]:
    problems: dict[str, list[AnalysisProblem]] = {}
    for rel, framework in sorted(set(outcome.parse_errors)):
        label = _PARSE_LABELS.get(framework, f"unparseable {framework} file")
        message = f"{label}: checkov could not parse {rel}; its {framework} checks did not run"
        problems.setdefault(rel, []).append(AnalysisProblem(rel, message, True))
    return problems
