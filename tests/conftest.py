"""Shared test set-up: an isolated catalog cache, and the paths of shared fixtures."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# The shared test corpus lies beside the checkout; GOVGATE_SHARED_TESTDATA points elsewhere.
SHARED_TESTDATA = Path(
    os.environ.get("GOVGATE_SHARED_TESTDATA", ROOT.parent / "shared" / "testdata"))


@pytest.fixture(autouse=True)
def _isolated_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Tests never read or write the user's catalog cache."""
    monkeypatch.setenv("GOVGATE_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "cache"))
