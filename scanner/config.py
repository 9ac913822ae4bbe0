"""``govgate.yaml``: reading and validating a project's configuration.

Domain sections (``iac``, ``apk``, ``policy``, ``contract``) are handed to analyzers and
evaluators as plain mappings; everything the gate itself uses is typed here.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from scanner.discover import DomainPaths
from scanner.errors import ConfigError
from scanner.yamlfile import DataFileError, load_yaml, validate

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
    try:
        data = load_yaml(path) or {}
        validate(data, "config", path)
    except DataFileError as exc:
        raise ConfigError(str(exc)) from exc

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
