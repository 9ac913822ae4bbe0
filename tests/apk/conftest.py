"""Shared fixtures of the APK tests: fixture paths and analysis helpers (facts cached per run)."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

import pytest

from scanner.analyzers.apk.analyzer import analyze_path
from scanner.analyzers.apk.extract import Budget
from scanner.analyzers.apk.facts import ApkFacts

FIXTURES = Path(__file__).parent / "fixtures"
BAD = FIXTURES / "bad"
_DEFAULT_SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "testdata"
SHARED = Path(os.environ.get("GOVGATE_SHARED_TESTDATA", _DEFAULT_SHARED)) / "apk"


@cache
def analyzed(path: Path) -> tuple[ApkFacts | None, str | None]:
    return analyze_path(path, "0" * 64, Budget())


def facts_of(path: Path) -> ApkFacts:
    facts, error = analyzed(path)
    assert error is None, error
    assert facts is not None
    return facts


@pytest.fixture
def shared_apk():
    def get(name: str) -> Path:
        path = SHARED / name
        if not path.exists():
            pytest.skip(f"{path} not available")
        return path
    return get
