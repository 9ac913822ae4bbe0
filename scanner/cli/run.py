"""Running a scan from CLI options: config, catalog, pipeline and gate, without any output."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path

from scanner.catalog.loader import load_catalog
from scanner.cli.options import default_workers, scan_root
from scanner.config import Config, find_config, load_config
from scanner.discover import relative
from scanner.gate.apply import GateInput, apply_gate
from scanner.gate.baseline import read_baseline
from scanner.gate.decision import Decision, decide
from scanner.models import Finding
from scanner.pipeline import ScanOutcome, ScanRequest, run_scan

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class CliScan:
    paths: tuple[Path, ...]
    config_path: Path | None
    regulations: tuple[str, ...]
    packs: tuple[str, ...]
    rules_dirs: tuple[Path, ...]
    policies: tuple[str, ...]
    lang: str | None
    workers: int | None
    cache_dir: Path | None
    no_inline_suppressions: bool


@dataclass(frozen=True)
class Completed:
    outcome: ScanOutcome
    findings: tuple[Finding, ...]
    config: Config
    lang: str


def execute(options: CliScan, baseline: Path | None = None,
            outputs: tuple[Path, ...] = (), use_baseline: bool = True) -> Completed:
    """Scan and apply suppressions and the baseline (no threshold yet); ``outputs`` are this
    run's report files, never scanned as inputs. ``baseline create`` passes
    ``use_baseline=False``: the file it is about to write may not exist yet."""
    targets = tuple(Path(os.path.abspath(p)) for p in options.paths)  # no "..", cwd-independent
    config = load_config(options.config_path or find_config(list(targets)))
    lang = options.lang or config.lang or "en"
    root = scan_root(targets)
    catalog = load_catalog((*config.rules_dirs, *options.rules_dirs))
    for entry in config.suppressions:
        if entry.rule != "*" and entry.rule not in catalog.rules:
            logger.warning("%s: suppression names unknown rule %s", config.source, entry.rule)

    request = ScanRequest(
        targets=targets, root=root, config=config,
        packs=options.packs or config.packs, regulations=options.regulations or config.regulations,
        lang=lang, workers=options.workers or default_workers(), cache_dir=options.cache_dir,
        policy_links=options.policies,
        ignored=tuple(p for p in (*outputs, baseline or config.baseline) if p is not None),
    )
    outcome = run_scan(request, catalog)

    baseline_path = (baseline or config.baseline) if use_baseline else None
    gate = GateInput(
        root=root,
        suppressions=config.suppressions,
        baseline=read_baseline(baseline_path) if baseline_path else frozenset(),
        baseline_path=baseline_path,
        inline=not options.no_inline_suppressions,
        config_path=relative(config.source, root) if config.source else "govgate.yaml",
        config_dir=config.source.parent if config.source else None,
    )
    findings = tuple(apply_gate(outcome.findings, gate))
    return Completed(outcome=outcome, findings=findings, config=config, lang=lang)


def verdict(completed: Completed, fail_on: str | None, fail_on_error: bool) -> Decision:
    threshold = fail_on or completed.config.fail_on or "high"
    return decide(completed.findings, threshold, fail_on_error)
