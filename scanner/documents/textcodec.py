"""Turning the bytes of a text file into text: BOMs, UTF-8, GBK/GB18030/UTF-16 detection, and
spotting mojibake (text that was decoded with the wrong encoding somewhere upstream)."""

from __future__ import annotations

import codecs
import logging
import re

from scanner.documents.model import DocumentError

logger = logging.getLogger(__name__)

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# UTF-8 read as Latin-1/cp1252: lead bytes of CJK (E4-E9) shown as ä…é followed by
# continuation bytes shown as symbols; and the classic "â€" of smart quotes.
_LATIN_MOJIBAKE = re.compile(r"[äåæçèé][\x80-\xbf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]|â€")
# GBK bytes read as UTF-8 and written back: the replacement character, or its GBK rendering.
_GBK_MOJIBAKE = re.compile("锟斤拷|烫烫烫|\ufffd")


def decode_text(data: bytes, source: str) -> tuple[str, str, tuple[str, ...]]:
    """Text, the encoding used, and warnings; raises ``DocumentError`` for binary data."""
    encoding = _bom_encoding(data) or _utf8_or_none(data) or _detected_encoding(data, source)
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        raise DocumentError(f"{source}: cannot decode the text as {encoding}: {exc}") from exc

    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:
        raise DocumentError(f"{source}: the file is binary, not text")
    text, warnings = repair_mojibake(text, source)
    return text, encoding, warnings


def repair_mojibake(text: str, source: str) -> tuple[str, tuple[str, ...]]:
    """Undo UTF-8-read-as-Latin-1 damage; reject text already garbled beyond repair."""
    latin_hits = len(_LATIN_MOJIBAKE.findall(text))
    if latin_hits >= 3:
        repaired = _latin1_roundtrip(text)
        if repaired is not None:
            message = f"{source}: the text was mojibake (UTF-8 read as Latin-1); repaired"
            logger.info(message)
            return repaired, (message,)

    # Limitation: UTF-8 text once read as GBK and saved again ("鎴戜滑" for 我们) decodes as
    # valid Chinese and is not detected; only Latin-1 round trips are repaired.
    garbled = len(_GBK_MOJIBAKE.findall(text))
    if garbled > max(2, len(text) // 2000):
        raise DocumentError(
            f"{source}: the text is garbled (mojibake: {garbled} replacement characters such "
            "as '锟斤拷'); it was decoded with the wrong encoding before it was saved. "
            "Re-export it from the original as UTF-8"
        )
    return text, ()


def _bom_encoding(data: bytes) -> str | None:
    return next((name for bom, name in _BOMS if data.startswith(bom)), None)


def _utf8_or_none(data: bytes) -> str | None:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return "utf-8"


def _detected_encoding(data: bytes, source: str) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is None:
        raise DocumentError(f"{source}: the file is binary or in an unknown encoding, not text")

    encoding = best.encoding
    # GB2312 and GBK are subsets of GB18030; decoding with the superset avoids errors on
    # rare characters charset-normalizer did not sample.
    if encoding.replace("_", "").lower() in {"gb2312", "gbk", "cp936", "hz"}:
        encoding = "gb18030"
    logger.debug("%s: detected encoding %s", source, encoding)
    return encoding


def _latin1_roundtrip(text: str) -> str | None:
    for codec in ("cp1252", "latin-1"):
        try:
            return text.encode(codec).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
    return None
