"""The policy domain: privacy policies read into disclosure facts (``PolicyFacts``)."""

from __future__ import annotations

from scanner.analyzers.policy.analyzer import PolicyAnalyzer, analyze_document
from scanner.analyzers.policy.facts import ElementFact, Mention, PolicyFacts

__all__ = ["ElementFact", "Mention", "PolicyAnalyzer", "PolicyFacts", "analyze_document"]
