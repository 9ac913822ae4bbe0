"""Puts this directory on the import path so tests can import ``policy_helpers``."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scanner.catalog.loader import load_catalog  # noqa: E402
from scanner.catalog.model import Catalog  # noqa: E402


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return load_catalog()
