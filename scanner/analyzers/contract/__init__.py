"""The contract domain: clause review of data-processing agreements and commercial contracts."""

from __future__ import annotations

from scanner.analyzers.contract.analyzer import ContractAnalyzer, analyze_text

__all__ = ["ContractAnalyzer", "analyze_text"]
