"""The policy analyzer: privacy policies (files or URLs) in, ``PolicyFacts`` out.

A document that cannot be read (empty, scanned PDF, garbled text, too large, URL failing)
becomes an ``AnalysisProblem`` for that artifact; the other artifacts still complete.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from scanner.analyzers.base import AnalysisContext, AnalysisResult
from scanner.analyzers.policy.doctype import POLICY, document_type
from scanner.analyzers.policy.elements import ElementFinder, units_of
from scanner.analyzers.policy.facts import (
    ABSENT,
    AFFIRMATIVE,
    ELEMENT_KEYS,
    NEGATIVE,
    PI_CATEGORIES,
    PRESENT,
    ElementFact,
    Mention,
    PolicyFacts,
    SdkMention,
)
from scanner.analyzers.policy.names import find_sdks, find_values
from scanner.documents import Document, DocumentError, load_document
from scanner.documents.loading import DEFAULT_MAX_BYTES
from scanner.models import AnalysisProblem, Artifact

logger = logging.getLogger(__name__)

# A known SDK's name discloses an SDK only where the sentence speaks of third-party code or
# services ("我们接入了…", "served by AdMob"), not of a payment channel the user picks.
_SDK_CONTEXT = re.compile(r"SDK|接入|集成|嵌入|第三方|插件|组件|使用了|采用了|引入|third|integrat|"
                          r"embed|includ|"
                          r"served by|powered by|provided by|librar|plug-?in", re.IGNORECASE)
_URL_AS_PATH = re.compile(r"^(?:.*/)?(https?):/+(.+)$", re.IGNORECASE)


class PolicyAnalyzer:
    """Reads each policy and records the disclosures it makes, with where it makes them."""

    domain = "policy"

    def analyze(
        self, artifacts: Sequence[Artifact], context: AnalysisContext
    ) -> list[AnalysisResult]:
        max_bytes = int(context.config.get("max_bytes", DEFAULT_MAX_BYTES))
        timeout = float(context.config.get("timeout", 20.0))
        return [self._one(artifact, max_bytes, timeout) for artifact in artifacts]

    def _one(self, artifact: Artifact, max_bytes: int, timeout: float) -> AnalysisResult:
        source = _source(artifact)
        try:
            document = load_document(source, max_bytes=max_bytes, timeout=timeout)
        except DocumentError as exc:
            message = _without_source(str(exc), str(source))
            logger.info("policy %s: %s", artifact.rel, message)
            return AnalysisResult(artifact, None, (AnalysisProblem(artifact.rel, message),))

        facts = replace(analyze_document(document), source=artifact.rel)
        if facts.document_type != POLICY:
            message = (f"this looks like a {facts.document_type} (it refers to "
                       "itself as a law and speaks of processors in the third person), not a "
                       "privacy policy; its duties were not read as disclosures. Exclude it or "
                       "scan the policy itself")
            return AnalysisResult(artifact, None, (AnalysisProblem(artifact.rel, message),))
        return AnalysisResult(artifact, facts)


def analyze_document(document: Document) -> PolicyFacts:
    """The facts of an already loaded document (no element is read from a non-policy)."""
    finder = ElementFinder()
    kind = document_type(document)
    units = units_of(document) if kind == POLICY else []
    element_mentions, pi_mentions = finder.find(document, units)
    element_mentions.sort(key=lambda m: (m.start, m.key))
    pi_mentions.sort(key=lambda m: (m.start, m.key))

    sdks = find_sdks(document, units, finder.book)
    element_mentions.extend(_named_sdk_mentions(sdks, element_mentions))
    retention_units = {m.start for m in element_mentions if m.key == "retention"}
    periods, times = find_values(document, units, finder.book, retention_units)
    collected = {m.key for m in pi_mentions if m.polarity == AFFIRMATIVE}
    denied = {m.key for m in pi_mentions if m.polarity == NEGATIVE} - collected

    return PolicyFacts(
        source=document.source, kind=document.kind, lang=document.lang,
        encoding=document.encoding, chars=len(document.text), sections=len(document.sections),
        sentences=sum(1 for _ in document.sentences()),
        elements=tuple(_element(key, element_mentions) for key in ELEMENT_KEYS),
        pi_collected=tuple(c for c in PI_CATEGORIES if c in collected),
        pi_denied=tuple(c for c in PI_CATEGORIES if c in denied),
        pi_mentions=tuple(pi_mentions),
        sdks=tuple(sdks),
        retention_periods=tuple(periods), response_times=tuple(times),
        warnings=document.warnings, document_type=kind,
    )


def _source(artifact: Artifact) -> Path | str:
    """The URL of a policy given as one (``options["url"]``, or a path that ``Path`` made of a
    URL by collapsing "//"), else the file path."""
    url = artifact.options.get("url")
    if url:
        return str(url)
    match = _URL_AS_PATH.match(artifact.path.as_posix())
    return f"{match.group(1)}://{match.group(2)}" if match else artifact.path


def _without_source(message: str, source: str) -> str:
    """The pipeline names the artifact itself; drop the path the loader put in front."""
    prefix = f"{source}: "
    return message[len(prefix):] if message.startswith(prefix) else message


def _named_sdk_mentions(sdks: list[SdkMention], mentions: list[Mention]) -> list[Mention]:
    """Naming a known SDK in third-party context discloses an SDK even without the word."""
    if any(m.key == "third_party_sdk" and m.polarity == AFFIRMATIVE for m in mentions):
        return []
    known = next((s for s in sdks if s.sdk_ids and _SDK_CONTEXT.search(s.text)), None)
    if known is None:
        return []
    return [Mention(key="third_party_sdk", polarity=AFFIRMATIVE, conditional=False,
                    line=known.line, end_line=known.line, start=known.start, end=known.end,
                    text=known.text, cue=known.name)]


def _element(key: str, mentions: list[Mention]) -> ElementFact:
    mine = tuple(m for m in mentions if m.key == key)
    if any(m.polarity == AFFIRMATIVE for m in mine):
        return ElementFact(key, PRESENT, mine)
    return ElementFact(key, NEGATIVE if mine else ABSENT, mine)
