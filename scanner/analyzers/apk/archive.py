"""Reading entries of an APK (a zip) into memory with hard caps, never extracting to disk.

Entry names are only used as dictionary keys, so a path-traversal name can do no harm here; it
is still reported, as are duplicate and encrypted entries and implausible compression ratios.
"""

from __future__ import annotations

import logging
import struct
import zipfile
from collections import Counter
from pathlib import Path

logger = logging.getLogger(__name__)

MAX_ENTRIES = 100_000
MAX_RATIO = 200  # uncompressed / compressed; real DEX and XML stay far below this
CHUNK = 1 << 20
SIGNING_MAGIC = b"APK Sig Block 42"
SIGNING_IDS = {0x7109871A: "v2", 0xF05368C0: "v3", 0x1B93AD61: "v3.1"}
MAX_SIGNING_BLOCK = 16 << 20


class ArchiveError(Exception):
    """The file cannot be read as an APK at all (message is user-ready)."""


class EntryError(Exception):
    """One entry cannot be read (too big, encrypted, corrupt); the rest may still be fine."""


class ApkArchive:
    """An open APK: entry listing, capped reads, and the APK signing block's scheme ids."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self._zip = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
            raise ArchiveError(f"not a readable zip archive: {exc}") from exc

        infos = self._zip.infolist()
        if len(infos) > MAX_ENTRIES:
            self._zip.close()
            raise ArchiveError(f"more than {MAX_ENTRIES} entries")
        self.names = [info.filename for info in infos]
        self.warnings = self._inspect(infos)

    def close(self) -> None:
        self._zip.close()

    def __enter__(self) -> ApkArchive:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def has(self, name: str) -> bool:
        return name in self.names

    def read(self, name: str, cap: int) -> bytes:
        """The entry's bytes; ``EntryError`` if it is larger than ``cap`` or unreadable."""
        info = self._zip.getinfo(name)
        if info.flag_bits & 0x1:
            raise EntryError(f"{name}: entry is encrypted")
        if info.file_size > cap:
            raise EntryError(f"{name}: {info.file_size} bytes exceeds the {cap}-byte cap")
        if info.compress_size and info.file_size / info.compress_size > MAX_RATIO:
            raise EntryError(f"{name}: compression ratio above {MAX_RATIO} (zip bomb?)")

        chunks: list[bytes] = []
        total = 0
        try:
            with self._zip.open(info) as stream:
                while chunk := stream.read(CHUNK):
                    total += len(chunk)
                    if total > cap:  # the declared size lied
                        raise EntryError(f"{name}: inflates beyond the {cap}-byte cap")
                    chunks.append(chunk)
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as exc:
            raise EntryError(f"{name}: cannot be read: {exc}") from exc
        except Exception as exc:  # zlib.error and friends from a corrupt stream
            raise EntryError(f"{name}: corrupt entry: {exc}") from exc
        return b"".join(chunks)

    def signing_schemes(self) -> tuple[dict[str, bytes], str | None]:
        """The v2/v3 blocks of the APK Signing Block, keyed by scheme, and any problem."""
        start = getattr(self._zip, "start_dir", 0)
        if start < 32:
            return {}, None
        try:
            with self.path.open("rb") as handle:
                handle.seek(start - 24)
                size, magic = struct.unpack("<Q16s", handle.read(24))
                if magic != SIGNING_MAGIC:
                    return {}, None
                if size > MAX_SIGNING_BLOCK or size > start:
                    return {}, "APK signing block has an implausible size"
                handle.seek(start - size - 8)
                block = handle.read(size - 24 + 8)
        except (OSError, struct.error) as exc:
            return {}, f"APK signing block unreadable: {exc}"
        return _signing_pairs(block[8:]), None

    def _inspect(self, infos: list[zipfile.ZipInfo]) -> tuple[str, ...]:
        warnings: list[str] = []
        duplicates = sorted(n for n, c in Counter(i.filename for i in infos).items() if c > 1)
        if duplicates:
            warnings.append(f"duplicate zip entries (the last one is used): {duplicates[:5]}")
        traversal = [i.filename for i in infos if _unsafe_name(i.filename)]
        if traversal:
            warnings.append(f"entries with unsafe path names (ignored): {traversal[:5]}")
        encrypted = [i.filename for i in infos if i.flag_bits & 0x1]
        if encrypted:
            warnings.append(f"encrypted zip entries (not read): {encrypted[:5]}")
        return tuple(warnings)


def _unsafe_name(name: str) -> bool:
    parts = name.replace("\\", "/").split("/")
    return name.startswith(("/", "\\")) or ".." in parts or (len(name) > 1 and name[1] == ":")


def _signing_pairs(data: bytes) -> dict[str, bytes]:
    """The id-value pairs of a signing block body, keeping the first of each known scheme."""
    found: dict[str, bytes] = {}
    offset = 0
    while offset + 12 <= len(data):
        length, key = struct.unpack_from("<QI", data, offset)
        if length < 4 or offset + 8 + length > len(data):
            break
        scheme = SIGNING_IDS.get(key)
        if scheme and scheme not in found:
            found[scheme] = data[offset + 12 : offset + 8 + length]
        offset += 8 + length
    return found
