"""The APK analyzer: cached facts first, the rest analyzed in a process pool, one result per APK.

A bad APK yields an ``AnalysisProblem``; a worker that dies (out of memory, killed) costs only
the APKs it was holding. Worker processes get an address-space limit (``apk.memory_mb``) so a
hostile input fails alone instead of taking the machine down.
"""

from __future__ import annotations

import logging
import signal
from collections.abc import Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Any

from scanner.analyzers.apk import cache
from scanner.analyzers.apk.extract import ApkError, Budget, extract
from scanner.analyzers.apk.facts import ApkFacts
from scanner.analyzers.base import AnalysisContext, AnalysisResult
from scanner.errors import CatalogError
from scanner.models import AnalysisProblem, Artifact
from scanner.yamlfile import DataFileError

logger = logging.getLogger(__name__)

Outcome = tuple[ApkFacts | None, str | None]


class ApkAnalyzer:
    """Facts of Android packages (``.apk`` and ``.aab`` App Bundles)."""

    domain = "apk"

    def analyze(
        self, artifacts: Sequence[Artifact], context: AnalysisContext
    ) -> list[AnalysisResult]:
        budget = _budget(context.config)
        outcomes: dict[str, Outcome] = {}
        pending: list[tuple[Artifact, str]] = []
        for artifact in artifacts:
            try:
                sha256 = cache.file_sha256(artifact.path)
            except OSError as exc:
                outcomes[artifact.rel] = (None, f"cannot read: {exc}")
                continue
            cached = cache.load(context.cache_dir, sha256)
            if cached is not None:
                outcomes[artifact.rel] = (cached, None)
            else:
                pending.append((artifact, sha256))

        if pending:
            _check_tables()
            fresh = _run(pending, budget, context.workers, _memory_mb(context.config))
            for facts, _ in fresh.values():
                if facts is not None:
                    cache.store(context.cache_dir, facts)
            outcomes.update(fresh)
        return [_result(a, *outcomes[a.rel]) for a in artifacts]


def _check_tables() -> None:
    """Load the data tables once here, so a broken table is one clear error, not one per APK."""
    from scanner.analyzers.apk.tables import load_tables

    try:
        load_tables()
    except DataFileError as exc:
        raise CatalogError(str(exc)) from exc


def analyze_path(path: Path, sha256: str, budget: Budget, verbose: bool = False) -> Outcome:
    """Analyze one APK in this process; never raises for a bad input."""
    _quiet_androguard(verbose)
    from scanner.analyzers.apk.tables import load_tables

    try:
        return extract(path, sha256, load_tables(), budget), None
    except ApkError as exc:
        return None, str(exc)
    except MemoryError:
        return None, "analysis ran out of memory (raise apk.memory_mb to allow more)"
    except RecursionError as exc:
        return None, f"malformed input: {exc}"


def _run(
    pending: list[tuple[Artifact, str]], budget: Budget, workers: int, memory_mb: int
) -> dict[str, Outcome]:
    verbose = logging.getLogger("scanner").isEnabledFor(logging.DEBUG)
    if workers <= 1 or len(pending) <= 1:
        return {a.rel: analyze_path(a.path, s, budget, verbose) for a, s in pending}

    results: dict[str, Outcome] = {}
    size = min(workers, len(pending))
    with ProcessPoolExecutor(size, initializer=_limit_memory, initargs=(memory_mb,)) as pool:
        futures: dict[str, Future[Outcome]] = {
            a.rel: pool.submit(analyze_path, a.path, s, budget, verbose) for a, s in pending
        }
        for rel, future in futures.items():
            try:
                results[rel] = future.result()
            except Exception as exc:  # a dead worker (BrokenProcessPool) or unpicklable error
                results[rel] = (None, f"analysis worker failed: {type(exc).__name__}: {exc}")
    return results


def _result(artifact: Artifact, facts: ApkFacts | None, error: str | None) -> AnalysisResult:
    problems: list[AnalysisProblem] = []
    if error is not None:
        problems.append(AnalysisProblem(artifact.rel, error))
    elif facts is not None and facts.warnings:
        problems.extend(AnalysisProblem(artifact.rel, w, partial=True) for w in facts.warnings)
    return AnalysisResult(artifact=artifact, facts=facts, problems=tuple(problems))


def _budget(config: Mapping[str, Any]) -> Budget:
    limits = config.get("limits", {}) or {}
    default = Budget()
    return Budget(
        manifest_bytes=int(limits.get("manifest_mb", default.manifest_bytes >> 20)) << 20,
        arsc_bytes=int(limits.get("resources_mb", default.arsc_bytes >> 20)) << 20,
        dex_bytes=int(limits.get("dex_mb", default.dex_bytes >> 20)) << 20,
        seconds=float(limits.get("seconds", default.seconds)),
    )


def _memory_mb(config: Mapping[str, Any]) -> int:
    return int((config.get("limits", {}) or {}).get("memory_mb", 4096))


def _limit_memory(memory_mb: int) -> None:
    """Pool initializer: leave Ctrl-C to the parent (which stops the scan and reports it once,
    instead of every worker printing a traceback), and cap the address space (POSIX only)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        import resource

        limit = memory_mb << 20
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (ImportError, ValueError, OSError):
        logger.debug("cannot limit worker memory", exc_info=True)


def _quiet_androguard(verbose: bool) -> None:
    """androguard logs through loguru at import and parse time; keep it quiet unless -vv."""
    try:
        from loguru import logger as loguru_logger
    except ImportError:
        return
    if verbose:
        loguru_logger.enable("androguard")
    else:
        loguru_logger.disable("androguard")
