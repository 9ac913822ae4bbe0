"""The APK domain: facts from Android packages (manifest, code references, SDKs, signing)."""

from __future__ import annotations

from scanner.analyzers.apk.analyzer import ApkAnalyzer

__all__ = ["ApkAnalyzer"]
