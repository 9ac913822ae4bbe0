"""Little-endian base-128 integers: DEX's ULEB128 and protobuf's varint are the same encoding."""

from __future__ import annotations


class VarintError(ValueError):
    """The bytes end inside the number, or it is longer than the caller allows."""


def read_varint(data: bytes, pos: int, max_bits: int) -> tuple[int, int]:
    """The value at ``pos`` and the position after it; at most ``max_bits`` significant bits."""
    result = shift = 0
    while True:
        if pos >= len(data) or shift >= max_bits:
            raise VarintError("truncated or overlong base-128 integer")
        byte = data[pos]
        pos += 1
        result |= (byte & 0x7F) << shift
        if byte < 0x80:
            return result, pos
        shift += 7
