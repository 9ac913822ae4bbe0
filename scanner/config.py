"""``govgate.yaml``: reading and validating a project's configuration.

Domain sections (``iac``, ``apk``, ``policy``, ``contract``) are handed to analyzers and
evaluators as plain mappings; everything the gate itself uses is typed here.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from scanner.discover import DomainPaths
from scanner.errors import ConfigError
from scanner.yamlfile import DataFileError, line_of, load_yaml, validate

logger = logging.getLogger(__name__)

CONFIG_NAMES = ("govgate.yaml", "govgate.yml", ".govgate.yaml")


@dataclass(frozen=True)
class ConfigSuppression:
    rule: str
    reason: str
    path: str | None = None
    fingerprint: str | None = None
    expires: str | None = None


@dataclass(frozen=True)
class Config:
    """A validated configuration; ``raw`` keeps the whole file for domain sections."""

    source: Path | None = None
    packs: tuple[str, ...] = ()
    regulations: tuple[str, ...] = ()
    fail_on: str | None = None
    lang: str | None = None
    rules_dirs: tuple[Path, ...] = ()
    baseline: Path | None = None
    paths: DomainPaths = field(default_factory=DomainPaths)
    apps: tuple[Mapping[str, str], ...] = ()
    suppressions: tuple[ConfigSuppression, ...] = ()
    raw: Mapping[str, Any] = field(default_factory=dict)

    def section(self, domain: str) -> Mapping[str, Any]:
        value: Mapping[str, Any] = self.raw.get(domain, {})
        return value


def _dates_as_text(node: Any) -> Any:
    """YAML reads ``2030-01-01`` as a date; the schema (and users' intent) want the text."""
    if isinstance(node, dict):
        return {key: _dates_as_text(value) for key, value in node.items()}
    if isinstance(node, list):
        return [_dates_as_text(value) for value in node]
    return node.isoformat() if isinstance(node, date) else node


def _check_expiry_dates(data: Mapping[str, Any], path: Path) -> None:
    for index, entry in enumerate(data.get("suppressions", ())):
        if "expires" not in entry:
            continue
        try:
            date.fromisoformat(entry["expires"])
        except ValueError as exc:
            line = line_of(path, ["suppressions", index, "expires"])
            raise ConfigError(
                f"{path}:{line}: $.suppressions[{index}].expires: {entry['expires']!r} is not a "
                f"valid date ({exc})"
            ) from None


def find_config(targets: list[Path]) -> Path | None:
    """A config file in the current directory or in the first target directory."""
    candidates = [Path.cwd()] + [t if t.is_dir() else t.parent for t in targets[:1]]
    for directory in candidates:
        for name in CONFIG_NAMES:
            if (directory / name).is_file():
                return directory / name
    return None


def load_config(path: Path | None) -> Config:
    if path is None:
        return Config()
    path = Path(os.path.abspath(path))  # globs are relative to its directory: no ".." in it
    try:
        data = load_yaml(path)
        data = {} if data is None else _dates_as_text(data)
        validate(data, "config", path)
    except DataFileError as exc:
        raise ConfigError(str(exc)) from exc
    _check_expiry_dates(data, path)

    base = path.parent
    logger.debug("configuration from %s", path)
    return Config(
        source=path,
        packs=tuple(data.get("packs", ())),
        regulations=tuple(data.get("regulations", ())),
        fail_on=data.get("fail_on"),
        lang=data.get("lang"),
        rules_dirs=tuple(base / d for d in data.get("rules_dirs", ())),
        baseline=base / data["baseline"] if "baseline" in data else None,
        paths=DomainPaths(
            by_domain={k: tuple(v) for k, v in data.get("paths", {}).items()},
            exclude=tuple(data.get("exclude", ())),
            base=base,
        ),
        apps=tuple(data.get("apps", ())),
        suppressions=tuple(ConfigSuppression(**item) for item in data.get("suppressions", ())),
        raw=data,
    )
