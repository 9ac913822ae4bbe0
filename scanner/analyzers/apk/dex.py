"""A minimal, bounds-checked reader for the DEX tables govgate needs.

It reads the string, type, proto, field and method id tables, the class definitions and their
method lists, and nothing else: no instruction objects, no analysis graph. Every offset is
checked against the buffer, so a bogus header raises ``DexError`` instead of reading garbage.
"""

from __future__ import annotations

import bisect
import logging
import struct
from collections.abc import Iterator
from functools import cached_property

from scanner.analyzers.apk.varint import VarintError, read_varint

logger = logging.getLogger(__name__)

HEADER = struct.Struct("<8sI20sIIIIIIIIIIIIIIIIIIII")


class DexError(Exception):
    """The DEX buffer is not a usable DEX file."""


class Dex:
    """The id tables of one DEX file, decoded on demand."""

    def __init__(self, data: bytes) -> None:
        if len(data) < HEADER.size or not data.startswith(b"dex\n"):
            raise DexError("not a DEX file (bad magic)")
        fields = HEADER.unpack_from(data)
        self.data = data
        (self.string_count, self.string_off, self.type_count, self.type_off,
         self.proto_count, self.proto_off, self.field_count, self.field_off,
         self.method_count, self.method_off, self.class_count, self.class_off) = fields[9:21]
        self._check_table(self.string_off, self.string_count, 4, "string_ids")
        self._check_table(self.type_off, self.type_count, 4, "type_ids")
        self._check_table(self.proto_off, self.proto_count, 12, "proto_ids")
        self._check_table(self.field_off, self.field_count, 8, "field_ids")
        self._check_table(self.method_off, self.method_count, 8, "method_ids")
        self._check_table(self.class_off, self.class_count, 32, "class_defs")
        self._strings: dict[int, str] = {}

    def _check_table(self, offset: int, count: int, item: int, name: str) -> None:
        if count and (offset < HEADER.size or offset + count * item > len(self.data)):
            raise DexError(f"{name} table lies outside the file")

    # --- strings and types -------------------------------------------------------------

    def string(self, index: int) -> str:
        cached = self._strings.get(index)
        if cached is not None:
            return cached
        if not 0 <= index < self.string_count:
            raise DexError(f"string index {index} out of range")
        (offset,) = struct.unpack_from("<I", self.data, self.string_off + 4 * index)
        _, start = read_uleb(self.data, offset)
        end = self.data.find(b"\x00", start)
        if end < 0:
            raise DexError("unterminated string")
        text = self.data[start:end].decode("utf-8", "replace")
        self._strings[index] = text
        return text

    def find_string(self, text: str) -> int | None:
        """Binary search in the (sorted) string table."""
        index = self.string_lower_bound(text)
        return index if index < self.string_count and self.string(index) == text else None

    def string_lower_bound(self, text: str) -> int:
        return bisect.bisect_left(range(self.string_count), text, key=self.string)

    @cached_property
    def type_strings(self) -> tuple[int, ...]:
        count, offset = self.type_count, self.type_off
        return struct.unpack_from(f"<{count}I", self.data, offset) if count else ()

    def type_name(self, index: int) -> str:
        return self.string(self.type_strings[index])

    def find_type(self, descriptor: str) -> int | None:
        string_index = self.find_string(descriptor)
        if string_index is None:
            return None
        position = bisect.bisect_left(self.type_strings, string_index)
        found = position < self.type_count and self.type_strings[position] == string_index
        return position if found else None

    # --- members -----------------------------------------------------------------------

    @cached_property
    def method_ids(self) -> list[tuple[int, int, int]]:
        """(class type index, proto index, name string index) per method id."""
        end = self.method_off + 8 * self.method_count
        return list(struct.iter_unpack("<HHI", self.data[self.method_off:end]))

    @cached_property
    def field_ids(self) -> list[tuple[int, int, int]]:
        """(class type index, type index, name string index) per field id."""
        end = self.field_off + 8 * self.field_count
        return list(struct.iter_unpack("<HHI", self.data[self.field_off:end]))

    def method_signature(self, index: int) -> tuple[str, str]:
        """The defining class descriptor and ``name(params)return`` of a method id."""
        class_index, proto_index, name_index = self.method_ids[index]
        return self.type_name(class_index), self.string(name_index) + self.proto(proto_index)

    def proto(self, index: int) -> str:
        _, return_index, params_off = struct.unpack_from(
            "<III", self.data, self.proto_off + 12 * index
        )
        params = ""
        if params_off:
            (size,) = struct.unpack_from("<I", self.data, params_off)
            types = struct.unpack_from(f"<{size}H", self.data, params_off + 4)
            params = "".join(self.type_name(t) for t in types)
        return f"({params}){self.type_name(return_index)}"

    # --- classes -----------------------------------------------------------------------

    def class_defs(self) -> Iterator[tuple[int, int]]:
        """(class type index, class_data offset) per defined class."""
        for position in range(self.class_count):
            base = self.class_off + 32 * position
            (class_index,) = struct.unpack_from("<I", self.data, base)
            (data_off,) = struct.unpack_from("<I", self.data, base + 24)
            yield class_index, data_off

    def class_names(self) -> list[str]:
        return [self.type_name(index) for index, _ in self.class_defs()]

    def code_items(self) -> list[tuple[int, int]]:
        """(code offset, method index) of every method with code, sorted by offset."""
        items: list[tuple[int, int]] = []
        data = self.data
        for _, data_off in self.class_defs():
            if not data_off:
                continue
            sizes = []
            pos = data_off
            for _ in range(4):
                value, pos = read_uleb(data, pos)
                sizes.append(value)
            for _ in range(2 * (sizes[0] + sizes[1])):  # skip field entries
                _, pos = read_uleb(data, pos)
            for count in (sizes[2], sizes[3]):
                method = 0
                for _ in range(count):
                    diff, pos = read_uleb(data, pos)
                    _, pos = read_uleb(data, pos)
                    code_off, pos = read_uleb(data, pos)
                    method += diff
                    if code_off:
                        items.append((code_off, method))
        items.sort()
        return items


    def static_string(self, descriptor: str, field_name: str) -> str | None:
        """The constant string value of a static field (``static final String``), if any."""
        type_index = self.find_type(descriptor)
        if type_index is None:
            return None
        for position in range(self.class_count):
            base = self.class_off + 32 * position
            if struct.unpack_from("<I", self.data, base)[0] != type_index:
                continue
            data_off, values_off = struct.unpack_from("<II", self.data, base + 24)
            slot = self._static_slot(data_off, field_name) if data_off else None
            if slot is None or not values_off:
                return None
            return self._encoded_string(values_off, slot)
        return None

    def _static_slot(self, data_off: int, field_name: str) -> int | None:
        """The position of a static field among the class's static fields."""
        static_count, pos = read_uleb(self.data, data_off)
        for _ in range(3):
            _, pos = read_uleb(self.data, pos)
        field = 0
        for slot in range(static_count):
            diff, pos = read_uleb(self.data, pos)
            _, pos = read_uleb(self.data, pos)
            field += diff
            if self.string(self.field_ids[field][2]) == field_name:
                return slot
        return None

    def _encoded_string(self, values_off: int, slot: int) -> str | None:
        count, pos = read_uleb(self.data, values_off)
        if slot >= count:
            return None
        for _ in range(slot):
            pos = _skip_value(self.data, pos)
        header = self.data[pos]
        if header & 0x1F != 0x17:  # not VALUE_STRING
            return None
        size = (header >> 5) + 1
        return self.string(int.from_bytes(self.data[pos + 1 : pos + 1 + size], "little"))


def _skip_value(data: bytes, pos: int) -> int:
    """The position after one encoded_value."""
    header = data[pos]
    kind, arg = header & 0x1F, header >> 5
    pos += 1
    if kind in (0x1E, 0x1F):  # null, boolean: no payload
        return pos
    if kind == 0x1C:  # array
        count, pos = read_uleb(data, pos)
        for _ in range(count):
            pos = _skip_value(data, pos)
        return pos
    if kind == 0x1D:  # annotation
        _, pos = read_uleb(data, pos)
        count, pos = read_uleb(data, pos)
        for _ in range(count):
            _, pos = read_uleb(data, pos)
            pos = _skip_value(data, pos)
        return pos
    return pos + arg + 1


def read_uleb(data: bytes, pos: int) -> tuple[int, int]:
    """An unsigned LEB128 value (at most 32 bits, as DEX uses them) and the position after it."""
    try:
        return read_varint(data, pos, max_bits=35)
    except VarintError as exc:
        raise DexError(str(exc)) from None
