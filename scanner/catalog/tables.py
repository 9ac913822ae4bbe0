"""Data tables under ``rulesets/data`` (API maps, SDK signatures, NLP patterns, vocabularies):
read once per process, validated against their schema, and cached on disk between runs."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from scanner.catalog.cache import cached
from scanner.catalog.paths import data_file
from scanner.yamlfile import load_yaml, validate

SCHEMAS = Path(__file__).resolve().parent.parent / "schemas"


@cache
def data_table(file_name: str, schema: str | None = None) -> Any:
    """The validated content of ``rulesets/data/<file_name>``, checked against ``schema`` (by
    default the file's stem). Callers share the result and must not change it."""
    path = data_file(file_name)
    schema_name = schema or path.stem

    def validated() -> Any:
        data = load_yaml(path)
        validate(data, schema_name, path)
        return data

    return cached([path, SCHEMAS / f"{schema_name}.schema.json"], validated,
                  kind=f"data-{path.stem}")
