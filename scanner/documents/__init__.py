"""Reading documents (policies, contracts) into structured text; shared by the policy and
contract domains.

API (stable):

- ``load_document(source: Path | str, *, max_bytes=10 MiB, timeout=20.0) -> Document``
  reads ``.txt``/``.md`` (encoding detected: UTF-8, UTF-16, GBK/GB18030…; mojibake repaired or
  rejected), ``.html`` (navigation, header, footer, scripts dropped; headings kept as ``#``),
  ``.pdf`` (text layer; a scanned PDF is an error saying so), ``.docx`` (list numbering kept;
  DTD/entity declarations refused) and ``http(s)://`` URLs (timeout, size cap, content type
  checked, only http(s) redirects). Unknown suffixes are sniffed.
- ``parse_bytes(data, kind, source)`` and ``parse_text(text, kind, source)`` do the same from
  memory.
- Every failure is a ``DocumentError`` whose message is ready to show a user (it names the
  source); an analyzer turns it into an ``AnalysisProblem``.
- ``Document``: ``text``, ``kind``, ``lang`` (``zh``/``en``/``mixed``/``und``), ``encoding``,
  ``warnings``, ``sections``; ``sentences()`` yields ``(Section, Sentence)``;
  ``line_at(offset)``; ``source_line(line)`` maps a text line to the input's line (HTML);
  ``heading_path(section)``.
- ``Section``: ``index``, ``number`` (``第三条``, ``（一）``, ``1.1``, ``(a)``, ``Article 5``,
  ``##``), ``heading`` (title, or ``""`` for a clause that starts with text), ``level``,
  ``parent``, ``lang``, ``paragraphs``; ``sentences()``.
- ``Paragraph`` and ``Sentence``: ``text``, ``start``, ``end`` (offsets into
  ``Document.text``), ``line``, ``end_line`` (1-based). All are frozen dataclasses.
- ``language_of(text)``, ``has_cjk(text)``, ``has_latin(text)``.
"""

from __future__ import annotations

from scanner.documents.language import has_cjk, has_latin, language_of
from scanner.documents.loading import load_document, parse_bytes, parse_text
from scanner.documents.model import Document, DocumentError, Paragraph, Section, Sentence

__all__ = [
    "Document", "DocumentError", "Paragraph", "Section", "Sentence", "has_cjk", "has_latin",
    "language_of", "load_document", "parse_bytes", "parse_text",
]
