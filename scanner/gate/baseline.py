"""Baseline files: known findings, recorded by fingerprint, that do not fail the build.

Fingerprints in a baseline name each file relative to the baseline file's own directory, so a
baseline kept in a repository matches whatever directory govgate is run from.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

from scanner import __version__
from scanner.discover import relative
from scanner.errors import ConfigError
from scanner.models import Finding

BASELINE_VERSION = 1


def anchored_fingerprint(finding: Finding, root: Path, baseline: Path) -> str:
    """The finding's fingerprint with its path taken relative to the baseline's directory."""
    location = Path(finding.location.path)
    absolute = location if location.is_absolute() else root / location
    return finding.fingerprint_at(relative(absolute, Path(os.path.abspath(baseline)).parent))


def write_baseline(findings: Iterable[Finding], path: Path, root: Path) -> int:
    entries = sorted(
        ({"fingerprint": anchored_fingerprint(f, root, path), "rule_id": f.rule_id,
          "path": f.location.path, "identity": f.identity} for f in findings),
        key=lambda e: (e["path"], e["rule_id"], e["fingerprint"]),
    )
    document = {
        "govgate_baseline": BASELINE_VERSION,
        "created": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "tool_version": __version__,
        "findings": entries,
    }
    path.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return len(entries)


def read_baseline(path: Path) -> frozenset[str]:
    """The fingerprints recorded in a baseline file."""
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read baseline: {exc}") from exc
    except json.JSONDecodeError as exc:
        raise ConfigError(f"{path}:{exc.lineno}: baseline is not valid JSON: {exc.msg}") from exc

    if not isinstance(document, dict) or document.get("govgate_baseline") != BASELINE_VERSION:
        raise ConfigError(
            f"{path}: not a govgate baseline (expected key govgate_baseline: {BASELINE_VERSION})",
            hint="create one with `govgate baseline create PATH -o FILE`",
        )
    findings = document.get("findings")
    if not isinstance(findings, list) or not all(
        isinstance(e, dict) and isinstance(e.get("fingerprint"), str) for e in findings
    ):
        raise ConfigError(f"{path}: $.findings must be a list of objects with a fingerprint")
    return frozenset(e["fingerprint"] for e in findings)
