"""A JSON cache of APK facts keyed by the APK's SHA-256 and the data tables' version.

Entries are written atomically (temporary file + rename inside the cache directory), so a
crashed scan never leaves a half-written entry; a corrupt entry is ignored and rewritten.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from functools import cache
from pathlib import Path

from scanner.analyzers.apk.facts import ApkFacts
from scanner.catalog.paths import data_file

logger = logging.getLogger(__name__)

FACTS_VERSION = 1
TABLE_FILES = ("android-apis.yaml", "android-permissions.yaml", "sdks.yaml")


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


@cache
def tables_digest() -> str:
    """Changes whenever a data table changes, so cached facts follow the tables."""
    digest = hashlib.sha256(str(FACTS_VERSION).encode())
    for name in TABLE_FILES:
        path = data_file(name)
        digest.update(path.read_bytes() if path.is_file() else b"-")
    return digest.hexdigest()[:16]


def _entry(cache_dir: Path, sha256: str) -> Path:
    return cache_dir / "apk" / f"{sha256}.{tables_digest()}.json"


def load(cache_dir: Path | None, sha256: str) -> ApkFacts | None:
    if cache_dir is None:
        return None
    entry = _entry(cache_dir, sha256)
    try:
        return ApkFacts.from_dict(json.loads(entry.read_text(encoding="utf-8")))
    except FileNotFoundError:
        return None
    except (OSError, ValueError, TypeError, KeyError) as exc:
        logger.debug("ignoring unreadable cache entry %s: %s", entry, exc)
        return None


def store(cache_dir: Path | None, facts: ApkFacts) -> None:
    if cache_dir is None or not facts.sha256:
        return
    entry = _entry(cache_dir, facts.sha256)
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=entry.parent, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(facts.to_dict(), handle, ensure_ascii=False)
        os.replace(temp, entry)
    except OSError as exc:
        logger.warning("cannot write APK facts cache %s: %s", entry, exc)
