"""Protobuf-encoded XML (aapt2's ``XmlNode``), as found in Android App Bundles, turned into an
lxml element tree with the same attribute naming as androguard's AXML output.

Only the wire format and four message types are needed, so this is a small hand-written
decoder rather than a generated one: ``XmlNode{element=1, text=2}``, ``XmlElement{namespace_uri
=2, name=3, attribute=4, child=5}`` and ``XmlAttribute{namespace_uri=1, name=2, value=3}``.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

from scanner.analyzers.apk.varint import VarintError, read_varint

logger = logging.getLogger(__name__)

MAX_DEPTH = 64


class ProtoXmlError(ValueError):
    """The bytes are not a protobuf XmlNode."""


def parse_proto_xml(data: bytes) -> Any:
    """The root element of a protobuf XmlNode document."""
    from lxml import etree

    element = _element_of(data, 0)
    if element is None:
        raise ProtoXmlError("no root element in the protobuf XML")
    return _build(etree, element, 0)


def _element_of(node: bytes, depth: int) -> bytes | None:
    if depth > MAX_DEPTH:
        raise ProtoXmlError("XML nested too deeply")
    for number, value in _fields(node):
        if number == 1 and isinstance(value, bytes):
            return value
    return None


def _build(etree: Any, element: bytes, depth: int) -> Any:
    namespace, name = "", ""
    attributes: list[tuple[str, str]] = []
    children: list[bytes] = []
    for number, value in _fields(element):
        if not isinstance(value, bytes):
            continue
        if number == 2:
            namespace = _text(value)
        elif number == 3:
            name = _text(value)
        elif number == 4:
            attributes.append(_attribute(value))
        elif number == 5:
            child = _element_of(value, depth + 1)
            if child is not None:
                children.append(child)

    if not name:
        raise ProtoXmlError("element without a name")
    tag = f"{{{namespace}}}{name}" if namespace else name
    node = etree.Element(tag)
    for key, text in attributes:
        node.set(key, text)
    for child in children:
        node.append(_build(etree, child, depth + 1))
    return node


def _attribute(data: bytes) -> tuple[str, str]:
    namespace, name, value = "", "", ""
    for number, field in _fields(data):
        if isinstance(field, bytes):
            if number == 1:
                namespace = _text(field)
            elif number == 2:
                name = _text(field)
            elif number == 3:
                value = _text(field)
    return (f"{{{namespace}}}{name}" if namespace else name), value


def _text(data: bytes) -> str:
    return data.decode("utf-8", "replace")


def _fields(data: bytes) -> Iterator[tuple[int, int | bytes]]:
    """(field number, value) pairs of one message; varints as int, the rest as bytes."""
    pos = 0
    while pos < len(data):
        key, pos = _varint(data, pos)
        number, wire = key >> 3, key & 7
        if wire == 0:
            value, pos = _varint(data, pos)
            yield number, value
            continue
        if wire == 2:
            length, pos = _varint(data, pos)
        elif wire in (1, 5):
            length = 8 if wire == 1 else 4
        else:
            raise ProtoXmlError(f"unsupported protobuf wire type {wire}")
        if pos + length > len(data):
            raise ProtoXmlError("protobuf field runs past the end")
        yield number, data[pos : pos + length]
        pos += length


def _varint(data: bytes, pos: int) -> tuple[int, int]:
    try:
        return read_varint(data, pos, max_bits=70)
    except VarintError as exc:
        raise ProtoXmlError(f"truncated protobuf varint ({exc})") from None
