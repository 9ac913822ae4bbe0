"""``ContractAnalyzer``: contracts in, ``ContractFacts`` out, one bad file never stopping others.

Loading (txt, md, html, pdf, docx) and sentence structure come from ``scanner.documents``;
this module ties together structure, type detection, clause classification and values.

Settings (the ``contract:`` section of govgate.yaml): ``types`` (path glob → contract type),
``business_days`` (``worst_case`` or ``nominal``, see ``numbers.py``), ``max_bytes`` (file
size limit), ``max_chars`` (text reviewed per contract). The evaluators read ``our_roles``,
``max_breach_notification_hours`` and ``max_penalty_rate`` from the same section.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from scanner.analyzers.base import AnalysisContext, AnalysisResult
from scanner.analyzers.contract.classify import Classification, ClauseHit, classify
from scanner.analyzers.contract.ctype import configured_type, detect_type
from scanner.analyzers.contract.facts import Clause, ContractFacts, Flag
from scanner.analyzers.contract.patterns import load_patterns
from scanner.analyzers.contract.structure import read_structure
from scanner.analyzers.contract.values import extract_values
from scanner.documents.loading import load_document, parse_text
from scanner.documents.model import Document, DocumentError
from scanner.models import AnalysisProblem, Artifact

logger = logging.getLogger(__name__)

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
DEFAULT_MAX_CHARS = 1_500_000


class ContractAnalyzer:
    """Reads each contract into typed facts: structure, type, clauses and values."""

    domain = "contract"

    def analyze(
        self, artifacts: Sequence[Artifact], context: AnalysisContext
    ) -> list[AnalysisResult]:
        return [self.analyze_one(a, context.config) for a in artifacts]

    def analyze_one(self, artifact: Artifact, config: Mapping[str, Any]) -> AnalysisResult:
        max_bytes = int(config.get("max_bytes", DEFAULT_MAX_BYTES))
        try:
            document = load_document(artifact.path, max_bytes=max_bytes)
        except DocumentError as exc:
            return _failed(artifact, str(exc))
        except (OSError, ValueError, RuntimeError, MemoryError) as exc:
            logger.debug("cannot load %s", artifact.rel, exc_info=True)
            return _failed(artifact, f"{artifact.rel}: cannot read the document: {exc}")
        try:
            return analyze_document(artifact, document, config)
        except (ValueError, KeyError, IndexError, TypeError, RecursionError) as exc:
            # A defect of ours on an unusual input must not stop the other contracts; the
            # traceback goes to the debug log and the input is reported as not analyzed.
            logger.debug("contract analysis failed for %s", artifact.rel, exc_info=True)
            return _failed(artifact, f"{artifact.rel}: contract analysis failed: "
                                     f"{type(exc).__name__}: {exc}")


def analyze_text(text: str, rel: str = "contract.txt",
                 config: Mapping[str, Any] | None = None) -> AnalysisResult:
    """Facts for already-decoded text (tests, benchmarks, the labelled-set harness)."""
    artifact = Artifact(path=Path(rel), rel=rel, domain="contract")
    try:
        document = parse_text(text, "md" if rel.endswith(".md") else "txt", rel)
    except DocumentError as exc:
        return _failed(artifact, str(exc))
    return analyze_document(artifact, document, config or {})


def analyze_document(artifact: Artifact, document: Document,
                     config: Mapping[str, Any]) -> AnalysisResult:
    patterns = load_patterns()
    structure = read_structure(document, patterns)
    max_chars = int(config.get("max_chars", DEFAULT_MAX_CHARS))
    result, truncated = classify(document, structure, patterns, max_chars)

    forced = configured_type(artifact.rel, config)
    if forced:
        kind, source = forced, "config"
    else:
        title = f"{artifact.path.stem.replace('_', ' ').replace('-', ' ')} {structure.title}"
        kind, source = detect_type(title, document.text, patterns)[0], "detected"

    convention = str(config.get("business_days", "worst_case"))
    values, sources = extract_values(result, patterns, convention)
    facts = ContractFacts(
        path=artifact.rel, lang=document.lang, type=kind, type_source=source,
        structure=structure,
        clauses=_clauses(result.hits, document),
        negated=_clauses(result.vetoed, document),
        flags=_flags(result, document),
        values=values,
        value_sources={k: _clause_of(h, document) for k, h in sources.items()},
    )
    problems = [AnalysisProblem(artifact.rel, f"{artifact.rel}: {w}", partial=True)
                for w in document.warnings]
    if truncated:
        problems.append(AnalysisProblem(
            artifact.rel, f"{artifact.rel}: only the first {max_chars} characters were "
            "reviewed (raise contract.max_chars to review more)", partial=True))
    return AnalysisResult(artifact=artifact, facts=facts, problems=tuple(problems))


def _clauses(hits: Mapping[str, list[ClauseHit]], document: Document) -> dict[str, Clause]:
    clauses = {}
    for key, found in hits.items():
        # Under a matching heading first; a table row (often a non-binding summary) last.
        best = min(found, key=lambda h: (not h.in_context, h.text.startswith("|"), h.start))
        subjects = tuple(sorted({h.subject for h in found if h.subject}))
        clauses[key] = Clause(
            key=key, line=document.source_line(best.line),
            end_line=document.source_line(best.end_line), text=best.text,
            section=section_path(document, best.section),
            subjects=subjects,
            lines=tuple(sorted({document.source_line(h.line) for h in found})),
        )
    return clauses


def section_path(document: Document, index: int) -> str:
    """The clause's number and heading; a clause without a heading is shown under its parent
    ("12. Law > 12.1")."""
    section = document.sections[index]
    own = _section_label(section.number, section.heading)
    if section.heading or section.parent is None:
        return own
    parent = document.sections[section.parent]
    return " > ".join(p for p in (_section_label(parent.number, parent.heading), own) if p)


def _section_label(number: str, heading: str) -> str:
    number = "" if number.startswith("#") else number
    return " ".join(p for p in (number, heading) if p)


def _clause_of(hit: ClauseHit, document: Document) -> Clause:
    return Clause(key=hit.key, line=document.source_line(hit.line),
                  end_line=document.source_line(hit.end_line), text=hit.text,
                  section=section_path(document, hit.section),
                  subjects=(hit.subject,) if hit.subject else ())


def _flags(result: Classification, document: Document) -> dict[str, Flag]:
    return {key: Flag(key, document.source_line(found[0].line), found[0].text, found[0].subject)
            for key, found in result.flags.items()}


def _failed(artifact: Artifact, message: str) -> AnalysisResult:
    return AnalysisResult(artifact=artifact, facts=None,
                          problems=(AnalysisProblem(artifact.rel, message),))
