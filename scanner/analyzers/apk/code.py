"""Targeted cross-references: which methods call a tracked API, read a tracked field, or load a
tracked content URI, without building androguard's full analysis.

The scan resolves the tracked names to DEX indices first (binary search in the sorted id
tables), then looks for the byte patterns of instructions carrying those indices with one
regular expression over the whole file, and only then decodes the few methods that hold a
candidate, instruction by instruction, to keep the real instruction starts.
"""

from __future__ import annotations

import bisect
import logging
import re
import struct
from collections.abc import Iterable
from dataclasses import dataclass

from scanner.analyzers.apk.dex import Dex
from scanner.analyzers.apk.tables import Tables, TrackedMember, TrackedUri

logger = logging.getLogger(__name__)

INVOKE_OPS = bytes([*range(0x6E, 0x73), *range(0x74, 0x79)])
SGET_OPS = bytes(range(0x60, 0x67))
CONST_STRING, CONST_STRING_JUMBO = 0x1A, 0x1B

_FORMAT_UNITS = {"10x": 1, "12x": 1, "11n": 1, "11x": 1, "10t": 1, "00x": 1, "20t": 2,
                 "22x": 2, "21t": 2, "21s": 2, "21h": 2, "21c": 2, "23x": 2, "22b": 2,
                 "22t": 2, "22s": 2, "22c": 2, "30t": 3, "32x": 3, "31i": 3, "31t": 3,
                 "31c": 3, "35c": 3, "3rc": 3, "45cc": 4, "4rcc": 4, "51l": 5}


@dataclass(frozen=True)
class CallSite:
    """A tracked reference found in one method of one DEX."""

    target: TrackedMember | TrackedUri
    caller_class: str  # DEX descriptor, Lcom/x/Foo;
    caller_method: str  # name(params)return
    kind: str  # invoke | field | content_uri


# Limitation: a call is matched on the method reference's static class, as written by the
# compiler; calls through a subclass type, reflection, JNI or dynamically loaded code are not
# seen, and arguments are not evaluated (Settings$Secure.getString counts for any key).
def find_call_sites(dex: Dex, tables: Tables) -> list[CallSite]:
    """Every (tracked target, calling method) pair in this DEX, once each, in stable order."""
    methods = _member_indices(dex, tables.methods, dex.method_ids)
    fields = _member_indices(dex, tables.fields, dex.field_ids)
    strings = _uri_strings(dex, tables.uris)
    pattern = _pattern(methods, fields, strings)
    if pattern is None:
        return []

    candidates = sorted({m.start() for m in pattern.finditer(dex.data)})
    if not candidates:
        return []

    sites: dict[tuple[object, ...], CallSite] = {}
    for code_off, method_index in _methods_holding(dex, candidates):
        for kind, index in _references(dex, code_off):
            target = _target(kind, index, methods, fields, strings)
            if target is None:
                continue
            caller_class, caller_method = dex.method_signature(method_index)
            site = CallSite(target, caller_class, caller_method, _kind_name(kind, target))
            sites.setdefault((id(target), caller_class, caller_method), site)
    return list(sites.values())


def _member_indices(
    dex: Dex, members: Iterable[TrackedMember], ids: list[tuple[int, int, int]]
) -> dict[int, TrackedMember]:
    wanted: dict[tuple[int, int], TrackedMember] = {}
    for member in members:
        type_index = dex.find_type(member.descriptor)
        name_index = dex.find_string(member.member) if type_index is not None else None
        if type_index is not None and name_index is not None:
            wanted[(type_index, name_index)] = member
    if not wanted:
        return {}
    return {i: wanted[(c, n)] for i, (c, _, n) in enumerate(ids) if (c, n) in wanted}


def _uri_strings(dex: Dex, uris: Iterable[TrackedUri]) -> dict[int, TrackedUri]:
    """String indices of constants starting with a tracked URI (at a '/' boundary)."""
    found: dict[int, TrackedUri] = {}
    for uri in uris:  # longest first, so the most specific URI wins
        index = dex.string_lower_bound(uri.uri)
        while index < dex.string_count:
            text = dex.string(index)
            if not text.startswith(uri.uri):
                break
            rest = text[len(uri.uri):]
            if not rest or rest.startswith("/") or uri.uri.endswith("/"):
                found.setdefault(index, uri)
            index += 1
    return found


def _pattern(
    methods: dict[int, TrackedMember], fields: dict[int, TrackedMember],
    strings: dict[int, TrackedUri],
) -> re.Pattern[bytes] | None:
    parts = [b"[" + re.escape(INVOKE_OPS) + b"]." + re.escape(struct.pack("<H", i))
             for i in methods]
    parts += [b"[" + re.escape(SGET_OPS) + b"]." + re.escape(struct.pack("<H", i))
              for i in fields]
    parts += [b"\x1a." + re.escape(struct.pack("<H", i)) for i in strings if i < 0x10000]
    parts += [b"\x1b." + re.escape(struct.pack("<I", i)) for i in strings]
    if not parts:
        return None
    return re.compile(b"(?=" + b"|".join(parts) + b")", re.DOTALL)


def _methods_holding(dex: Dex, candidates: list[int]) -> list[tuple[int, int]]:
    """The (code offset, method index) pairs whose instructions span a candidate offset."""
    items = dex.code_items()
    starts = [code_off for code_off, _ in items]
    holding: dict[int, int] = {}
    for offset in candidates:
        position = bisect.bisect_right(starts, offset) - 1
        if position < 0:
            continue
        code_off, method_index = items[position]
        (units,) = struct.unpack_from("<I", dex.data, code_off + 12)
        if code_off + 16 <= offset < code_off + 16 + 2 * units:
            holding[code_off] = method_index
    return sorted(holding.items())


def _references(dex: Dex, code_off: int) -> list[tuple[str, int]]:
    """(kind, index) of every invoke, sget and const-string instruction in one method."""
    data = dex.data
    (units,) = struct.unpack_from("<I", data, code_off + 12)
    pos, end = code_off + 16, code_off + 16 + 2 * units
    found: list[tuple[str, int]] = []
    try:
        while pos < end:
            opcode = data[pos]
            if opcode in INVOKE_OPS:
                found.append(("method", data[pos + 2] | data[pos + 3] << 8))
            elif opcode in SGET_OPS:
                found.append(("field", data[pos + 2] | data[pos + 3] << 8))
            elif opcode == CONST_STRING:
                found.append(("string", data[pos + 2] | data[pos + 3] << 8))
            elif opcode == CONST_STRING_JUMBO:
                found.append(("string", struct.unpack_from("<I", data, pos + 2)[0]))
            pos += 2 * _units(data, pos)
    except (IndexError, struct.error):
        logger.debug("method at 0x%x runs past the end of the DEX; decoded up to 0x%x",
                     code_off, pos)
    return found


def _units(data: bytes, pos: int) -> int:
    """The length in 16-bit code units of the instruction (or payload) at ``pos``."""
    opcode = data[pos]
    if opcode == 0 and data[pos + 1] in (1, 2, 3):
        kind = data[pos + 1]
        if kind == 1:  # packed-switch-payload
            return 4 + 2 * struct.unpack_from("<H", data, pos + 2)[0]
        if kind == 2:  # sparse-switch-payload
            return 2 + 4 * struct.unpack_from("<H", data, pos + 2)[0]
        width, size = struct.unpack_from("<HI", data, pos + 2)  # fill-array-data-payload
        return 4 + (width * size + 1) // 2
    return _UNITS[opcode]


def _target(
    kind: str, index: int, methods: dict[int, TrackedMember],
    fields: dict[int, TrackedMember], strings: dict[int, TrackedUri],
) -> TrackedMember | TrackedUri | None:
    if kind == "method":
        return methods.get(index)
    if kind == "field":
        return fields.get(index)
    return strings.get(index)


def _kind_name(kind: str, target: TrackedMember | TrackedUri) -> str:
    if isinstance(target, TrackedUri):
        return "content_uri"
    return "invoke" if kind == "method" else "field"


def _unit_table() -> tuple[int, ...]:
    from androguard.core.dex import DALVIK_OPCODES_FORMAT

    table = []
    for opcode in range(256):
        name = DALVIK_OPCODES_FORMAT[opcode][0].__name__.removeprefix("Instruction")
        table.append(_FORMAT_UNITS[name])
    return tuple(table)


_UNITS = _unit_table()
