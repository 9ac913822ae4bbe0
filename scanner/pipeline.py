"""discover → analyze → evaluate: from scan targets to findings, evidence and checks.

The gate and the reporters come after this module; nothing here decides an exit code.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from scanner.analyzers.base import AnalysisContext, AnalysisResult
from scanner.analyzers.registry import analyzer_for
from scanner.catalog.model import Catalog, Rule
from scanner.config import Config
from scanner.discover import Discovery, discover, relative
from scanner.errors import CatalogError, UsageError
from scanner.evaluators import registry as evaluators
from scanner.evaluators.base import EvalContext, FactBase, RuleResult
from scanner.gate.decision import ANALYSIS_ERROR_RULE
from scanner.models import Artifact, Check, Evidence, Finding, LocalText, Location, Severity

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class ScanRequest:
    targets: tuple[Path, ...]
    root: Path
    config: Config
    packs: tuple[str, ...] = ()
    regulations: tuple[str, ...] = ()
    lang: str = "en"
    workers: int = 1
    cache_dir: Path | None = None
    policy_links: tuple[str, ...] = ()
    ignored: tuple[Path, ...] = ()


@dataclass
class ScanOutcome:
    """Everything the gate and the reporters need from one scan."""

    root: Path
    catalog: Catalog
    rules: list[Rule]
    artifacts: list[Artifact]
    results: dict[str, tuple[AnalysisResult, ...]]
    findings: list[Finding] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    checks: list[Check] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0


def select_rules(catalog: Catalog, packs: Sequence[str], regulations: Sequence[str]) -> list[Rule]:
    """The selected rules; an unknown pack or regulation is a usage error listing the known ones."""
    for name in packs:
        if name not in catalog.packs:
            known = ", ".join(sorted(catalog.packs))
            raise UsageError(f"unknown rule pack {name!r}", hint=f"known packs: {known}")
    for regulation_id in regulations:
        if regulation_id not in catalog.regulations:
            known = ", ".join(sorted(catalog.regulations))
            raise UsageError(f"unknown regulation {regulation_id!r}", hint=f"known: {known}")

    rules = catalog.select(packs, regulations)
    for rule in rules:
        if rule.domain != "meta" and not evaluators.known(rule.evaluator):
            raise CatalogError(
                f"{rule.origin}: rule {rule.id}: unknown evaluator {rule.evaluator!r}"
            )
    return rules


def run_scan(request: ScanRequest, catalog: Catalog) -> ScanOutcome:
    started = time.perf_counter()
    rules = select_rules(catalog, request.packs, request.regulations)
    found = _discover(request)
    for warning in found.warnings:
        logger.warning("%s", warning)
    if not found.artifacts and not found.problems:
        logger.warning("no inputs found in %s: nothing was checked",
                       ", ".join(str(t) for t in request.targets))

    wanted = set().union(*(r.domains for r in rules if r.domain != "meta"))
    results = _analyze(found, wanted, request)
    outcome = ScanOutcome(
        root=request.root, catalog=catalog, rules=rules, artifacts=found.artifacts,
        results=results, warnings=list(found.warnings),
    )
    outcome.findings.extend(_problem_findings(results))
    outcome.findings.extend(_problem_findings({"meta": [_unread(found)]}))

    facts = FactBase(results=results, links=_links(request, found))
    context = EvalContext(catalog=catalog, config=request.config.raw, lang=request.lang)
    for rule in rules:
        if rule.domain == "meta" or not all(results.get(d) for d in rule.domains):
            continue
        _collect(outcome, evaluators.evaluator(rule.evaluator).evaluate(rule, facts, context))

    outcome.seconds = time.perf_counter() - started
    logger.debug("scan finished in %.2f s", outcome.seconds)
    return outcome


def _discover(request: ScanRequest) -> Discovery:
    """Discovery over the targets, plus the inputs named explicitly: ``--policy`` documents and
    the apps and policies of ``govgate.yaml``'s ``apps:``, forced into their domains."""
    found = discover(request.targets, request.root, request.config.paths, request.ignored)
    named = [_policy_artifact(link, request.root) for link in request.policy_links]
    for app in _app_entries(request):
        named.append(_app_artifact(app["apk"], request.root))
        named.append(_policy_artifact(app["policy"], request.root))
    if not named:
        return found

    unique = {a.rel: a for a in named}
    found.artifacts = [a for a in found.artifacts if a.rel not in unique] + list(unique.values())
    return found


def _app_entries(request: ScanRequest) -> list[dict[str, str]]:
    """``apps:`` entries with their paths resolved against the config file's directory."""
    config = request.config
    base = config.source.parent if config.source else request.root
    entries = []
    for app in config.apps:
        entry = {}
        for key in ("apk", "policy"):
            value = app[key]
            remote = value.startswith(("http://", "https://"))
            entry[key] = value if remote else str(base / value)
        entries.append(entry)
    return entries


def _app_artifact(path_text: str, root: Path) -> Artifact:
    path = Path(path_text)
    if not path.is_file():
        raise UsageError(f"{path_text}: the app named in govgate.yaml apps: does not exist")
    return Artifact(path=path, rel=relative(path, root), domain="apk")


def _policy_artifact(link: str, root: Path) -> Artifact:
    """A policy named explicitly: a local file, or an http(s) URL the policy analyzer fetches."""
    if link.startswith(("http://", "https://")):
        return Artifact(path=Path(link), rel=link, domain="policy", options={"url": link})
    path = Path(link)
    if not path.is_file():
        raise UsageError(f"{link}: the privacy policy named with --policy or in apps: "
                         "does not exist")
    return Artifact(path=path, rel=relative(path, root), domain="policy")


def _analyze(
    found: Discovery, wanted: set[str], request: ScanRequest
) -> dict[str, tuple[AnalysisResult, ...]]:
    results: dict[str, tuple[AnalysisResult, ...]] = {}
    section = request.config.section
    for domain, artifacts in sorted(found.by_domain().items()):
        if domain not in wanted:
            logger.warning("%d %s input(s) not checked: no selected rule reads them",
                           len(artifacts), domain)
            continue
        analyzer = analyzer_for(domain)
        if analyzer is None:
            logger.warning("no analyzer for %s inputs yet; %d skipped", domain, len(artifacts))
            continue

        logger.info("analyzing %d %s input(s)", len(artifacts), domain)
        context = AnalysisContext(
            root=request.root, config=section(domain), workers=request.workers,
            cache_dir=request.cache_dir,
        )
        results[domain] = tuple(analyzer.analyze(artifacts, context))
    return results


def _unread(found: Discovery) -> AnalysisResult:
    """Inputs discovery could not read, as one result carrying their problems."""
    placeholder = Artifact(path=Path("."), rel=".", domain="meta")
    return AnalysisResult(placeholder, None, tuple(found.problems))


def _problem_findings(results: Mapping[str, Iterable[AnalysisResult]]) -> list[Finding]:
    findings = []
    for domain, domain_results in results.items():
        for result in domain_results:
            for problem in result.problems:
                text = problem.message.removeprefix(f"{problem.artifact}: ")
                logger.error("%s: %s", problem.artifact, text)
                message = LocalText(en=f"{problem.artifact}: {text}",
                                    zh=f"{problem.artifact}：无法分析：{text}")
                findings.append(Finding(
                    rule_id=ANALYSIS_ERROR_RULE, severity=Severity.LOW,
                    domain=domain, message=message, location=Location(path=problem.artifact),
                    identity=f"analysis-error:{domain}", evidence=problem.message,
                    properties={"partial": problem.partial},
                ))
    return findings


def _links(request: ScanRequest, found: Discovery) -> tuple[Mapping[str, str], ...]:
    """App↔policy pairs from govgate.yaml and ``--policy``, as artifact-relative paths."""
    links: list[Mapping[str, str]] = [
        {"apk": _app_artifact(app["apk"], request.root).rel,
         "policy": _policy_artifact(app["policy"], request.root).rel}
        for app in _app_entries(request)
    ]

    apks = [a.rel for a in found.artifacts if a.domain == "apk"]
    for link in request.policy_links:
        policy = _policy_artifact(link, request.root).rel
        links.extend({"apk": apk, "policy": policy} for apk in apks)
    return tuple(links)


def _collect(outcome: ScanOutcome, result: RuleResult) -> None:
    outcome.findings.extend(result.findings)
    outcome.evidence.extend(result.evidence)
    outcome.checks.extend(result.checks)
