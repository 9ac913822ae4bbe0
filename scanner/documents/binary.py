"""Text of PDF and DOCX files, read from memory (nothing is extracted to disk).

DOCX parts are checked before docx2python sees them: docx2python parses XML with lxml's default
parser, which expands entities declared in a DTD, so a part carrying ``<!DOCTYPE`` or
``<!ENTITY`` (the "billion laughs" expansion bomb) is rejected, as are archives whose parts
would inflate past a size limit.
"""

from __future__ import annotations

import html
import io
import logging
import re
import zipfile

from scanner.documents.model import DocumentError

logger = logging.getLogger(__name__)

MAX_PDF_PAGES = 500
MAX_DOCX_UNPACKED = 100 * 1024 * 1024
MAX_DOCX_RATIO = 200
_DTD = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
_DOCX_TAG = re.compile(r"</?(b|i|u|s|sub|sup|span|font|strike)(\s[^>]*)?>")
_DOCX_HEADING = re.compile(r"^<h([1-6])>(.*?)</h\1>$")


def pdf_to_text(data: bytes, source: str) -> str:
    """The text layer of a PDF, pages separated by a blank line."""
    import pdfplumber
    from pdfminer.pdfparser import PDFSyntaxError

    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            if len(pdf.pages) > MAX_PDF_PAGES:
                raise DocumentError(f"{source}: more than {MAX_PDF_PAGES} pages")
            pages = [page.extract_text() or "" for page in pdf.pages]
    except DocumentError:
        raise
    except (PDFSyntaxError, ValueError, KeyError, TypeError) as exc:
        raise DocumentError(f"{source}: not a readable PDF: {exc}") from exc
    except Exception as exc:  # pdfminer raises many private error types (encryption, streams)
        raise DocumentError(f"{source}: cannot read the PDF: {type(exc).__name__}: {exc}") from exc

    # Limitation: a scanned PDF without a text layer yields no text; we report that instead of
    # guessing (no OCR). Lines of a PDF are lines of the extracted text, not page positions.
    text = "\n\n".join(page.strip() for page in pages).strip()
    if not text:
        raise DocumentError(
            f"{source}: the PDF has no text layer (a scanned document?); run OCR on it or "
            "supply the policy as text, HTML or DOCX"
        )
    return text


def docx_to_text(data: bytes, source: str) -> str:
    """Paragraph text with list numbering kept, headings as Markdown, table rows on one line."""
    _check_docx_archive(data, source)
    from docx2python import docx2python

    try:
        with docx2python(io.BytesIO(data), html=True) as result:
            body = result.body
    except DocumentError:
        raise
    except Exception as exc:  # docx2python surfaces zipfile, lxml and KeyError failures alike
        raise DocumentError(f"{source}: not a readable DOCX: {type(exc).__name__}: {exc}") from exc

    # Limitation: lines of a DOCX are lines of the extracted text (one per paragraph or table
    # row), not positions in the Word file; headers, footers and comments are not read.
    lines = [_docx_line(row) for table in body for row in table]
    text = "\n".join(line for line in lines if line)
    if not text.strip():
        raise DocumentError(f"{source}: the DOCX contains no text")
    return text


def _check_docx_archive(data: bytes, source: str) -> None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise DocumentError(f"{source}: not a DOCX file (not a ZIP archive)") from exc

    with archive:
        infos = archive.infolist()
        total = sum(info.file_size for info in infos)
        packed = max(sum(info.compress_size for info in infos), 1)
        if total > MAX_DOCX_UNPACKED or total / packed > MAX_DOCX_RATIO:
            raise DocumentError(f"{source}: the DOCX would unpack to {total} bytes (a ZIP bomb?)")
        for info in infos:
            if info.filename.endswith((".xml", ".rels")) and _has_dtd(archive.read(info)):
                raise DocumentError(
                    f"{source}: {info.filename} declares a DTD or entities; refused because "
                    "entity expansion can exhaust memory (a crafted DOCX?)"
                )


def _has_dtd(part: bytes) -> bool:
    if part.startswith((b"\xff\xfe", b"\xfe\xff")):
        part = part.decode("utf-16", errors="replace").encode("utf-8")
    return _DTD.search(part) is not None


def _docx_line(row: list[list[str]]) -> str:
    """One body row: paragraphs of a plain block on separate lines, table cells joined."""
    cells = ["\n".join(_docx_paragraph(p) for p in cell if p.strip()) for cell in row]
    cells = [c for c in cells if c]
    if len(row) > 1:
        return " | ".join(c.replace("\n", " ") for c in cells)
    return "\n".join(cells)


def _docx_paragraph(paragraph: str) -> str:
    heading = _DOCX_HEADING.match(paragraph.strip())
    if heading:
        title = html.unescape(_DOCX_TAG.sub("", heading.group(2)))
        return "#" * int(heading.group(1)) + " " + title
    return html.unescape(_DOCX_TAG.sub("", paragraph)).replace("\t", " ").strip()
