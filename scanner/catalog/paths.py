"""Where the built-in regulations and rule packs live, installed or in a source checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent


def builtin_dir(name: str) -> Path:
    """``rulesets`` or ``regulations``: inside the wheel, else at the repository's top level."""
    installed = _PACKAGE / "_catalog" / name
    if installed.is_dir():
        return installed
    return _PACKAGE.parent / name


def data_file(name: str) -> Path:
    """A data table under ``rulesets/data`` (API maps, SDK signatures, NLP patterns)."""
    return builtin_dir("rulesets") / "data" / name
