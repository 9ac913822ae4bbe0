"""A cache of validated data (the catalog, pattern files), so a gate run does not re-parse and
re-validate every YAML file each time (that costs more than the rest of a scan with nothing to
analyze).

The key covers govgate's version and the path, size and modification time of every catalog and
schema file; any change, or any problem reading the cache, means a fresh load.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from scanner import __version__

T = TypeVar("T")

logger = logging.getLogger(__name__)


def cache_dir() -> Path:
    explicit = os.environ.get("GOVGATE_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "govgate"


def cached(files: Iterable[Path], load: Callable[[], T], kind: str = "catalog") -> T:
    """What ``load()`` returns for these files: from the cache when they are unchanged."""
    path = cache_dir() / f"{kind}-{_key(files)}.pickle"
    try:
        with path.open("rb") as handle:
            value: T = pickle.load(handle)
        logger.debug("%s from cache %s", kind, path)
        return value
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        pass

    value = load()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_bytes(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        temporary.replace(path)
    except OSError as exc:
        logger.debug("cannot write %s cache %s: %s", kind, path, exc)
    return value


def _key(files: Iterable[Path]) -> str:
    digest = hashlib.sha256(__version__.encode())
    for file in sorted(files):
        stat = file.stat()
        digest.update(f"{file}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()[:24]
