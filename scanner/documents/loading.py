"""``load_document``: a file or URL in, a structured ``Document`` out, or a ``DocumentError``."""

from __future__ import annotations

import logging
import re
from pathlib import Path

from scanner.documents.binary import docx_to_text, pdf_to_text
from scanner.documents.fetch import fetch
from scanner.documents.htmltext import html_to_text
from scanner.documents.language import document_language
from scanner.documents.model import Document, DocumentError, line_starts
from scanner.documents.structure import split_sections
from scanner.documents.textcodec import decode_text

logger = logging.getLogger(__name__)

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
MAX_TEXT_CHARS = 3_000_000
SUFFIX_KINDS = {
    ".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".html": "html",
    ".htm": "html", ".xhtml": "html", ".pdf": "pdf", ".docx": "docx",
}
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


def load_document(
    source: Path | str, *, max_bytes: int = DEFAULT_MAX_BYTES, timeout: float = 20.0
) -> Document:
    """Read ``source`` (a path, or an ``http(s)://`` URL) into a ``Document``."""
    if isinstance(source, str) and re.match(r"(?i)https?://", source):
        download = fetch(source, max_bytes, timeout)
        return parse_bytes(download.data, download.kind, source)

    path = Path(source)
    data = _read_file(path, max_bytes)
    kind = SUFFIX_KINDS.get(path.suffix.lower()) or _sniff(data)
    return parse_bytes(data, kind, str(path))


def parse_bytes(data: bytes, kind: str, source: str) -> Document:
    """A ``Document`` from raw bytes of a known kind (``txt md html pdf docx``)."""
    if not data.strip():
        raise DocumentError(f"{source}: the document is empty")

    encoding: str | None = None
    warnings: tuple[str, ...] = ()
    line_map: tuple[int, ...] = ()
    if kind == "pdf":
        text = pdf_to_text(data, source)
    elif kind == "docx":
        text = docx_to_text(data, source)
    elif kind == "html":
        decoded, encoding, warnings = decode_text(data, source)
        text, line_map = html_to_text(_XML_DECLARATION.sub("", decoded), source)
    else:
        text, encoding, warnings = decode_text(data, source)
        if kind == "md":
            text = _blank_markdown_noise(text)

    return parse_text(text, kind, source, encoding=encoding, warnings=warnings,
                      line_map=line_map)


def parse_text(
    text: str,
    kind: str = "txt",
    source: str = "<text>",
    *,
    encoding: str | None = None,
    warnings: tuple[str, ...] = (),
    line_map: tuple[int, ...] = (),
) -> Document:
    """Structure already-decoded text (also handy in tests)."""
    if not text.strip():
        raise DocumentError(f"{source}: the document contains no text")
    if len(text) > MAX_TEXT_CHARS:
        raise DocumentError(f"{source}: more than {MAX_TEXT_CHARS} characters of text")

    starts = line_starts(text)
    sections = split_sections(text, starts)
    return Document(
        source=source, kind=kind, text=text, sections=sections,
        lang=document_language(sections), encoding=encoding, warnings=warnings,
        line_map=line_map, _line_starts=starts,
    )


def _read_file(path: Path, max_bytes: int) -> bytes:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise DocumentError(
                f"{path}: {size} bytes is larger than the {max_bytes}-byte limit "
                "(raise policy.max_bytes in govgate.yaml if it really is one document)"
            )
        return path.read_bytes()
    except OSError as exc:
        raise DocumentError(f"{path}: cannot read: {exc.strerror or exc}") from exc


def _sniff(data: bytes) -> str:
    head = data[:512].lstrip().lower()
    if head.startswith(b"%pdf"):
        return "pdf"
    if head.startswith(b"pk\x03\x04"):
        return "docx"
    if head.startswith((b"<!doctype html", b"<html")) or b"<body" in head:
        return "html"
    return "txt"


def _blank_markdown_noise(text: str) -> str:
    """Replace front matter and HTML comments by blanks, keeping offsets and line numbers."""
    def blank(match: re.Match[str]) -> str:
        return re.sub(r"[^\n]", " ", match.group(0))

    return _HTML_COMMENT.sub(blank, _FRONT_MATTER.sub(blank, text))
