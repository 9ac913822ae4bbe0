"""Text of an HTML page without its navigation and boilerplate, headings kept as Markdown.

Parsed with lxml's HTML parser with network access off; the HTML parser never expands entities
declared in a DTD. Each output line remembers the source line of the element it came from.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator

from lxml import etree, html

from scanner.documents.model import DocumentError

logger = logging.getLogger(__name__)

DROPPED_TAGS = frozenset({
    "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
    "svg", "iframe", "object", "embed", "button", "select", "canvas", "head",
})
DROPPED_ROLES = frozenset({"navigation", "banner", "contentinfo", "search", "menu"})
BLOCK_TAGS = frozenset({
    "p", "div", "section", "article", "main", "li", "dt", "dd", "blockquote", "pre", "tr",
    "table", "ul", "ol", "dl", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "caption",
    "figcaption", "address", "body",
})
HEADINGS = {f"h{n}": n for n in range(1, 7)}


def html_to_text(data: str, source: str) -> tuple[str, tuple[int, ...]]:
    """The page's readable text and, per text line, the HTML source line it came from.

    ``data`` is already decoded (the loader detects the encoding), so lxml never guesses one.
    """
    parser = html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True,
                             remove_blank_text=False, huge_tree=False)
    try:
        root = html.document_fromstring(data, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise DocumentError(f"{source}: not a readable HTML page: {exc}") from exc

    body = _content_root(root)
    lines: list[tuple[str, int]] = []
    _emit(body, lines)
    text_lines = [(" ".join(t.split()).rstrip(" |"), n) for t, n in lines]
    kept = [(t, n) for t, n in text_lines if t]
    return "\n".join(t for t, _ in kept), tuple(n for _, n in kept)


def _content_root(root: html.HtmlElement) -> html.HtmlElement:
    """The ``<main>`` or single ``<article>`` when the page has one, else ``<body>``."""
    for path in ("//main", "//article", "//*[@role='main']"):
        found = root.xpath(path)
        if len(found) == 1:
            element: html.HtmlElement = found[0]
            return element
    body = root.find("body")
    return body if body is not None else root


def _emit(element: html.HtmlElement, lines: list[tuple[str, int]]) -> None:
    """Append the text of ``element`` as lines; blocks start new lines."""
    for piece, line, new_line in _walk(element):
        if new_line or not lines:
            lines.append((piece, line))
        else:
            text, first = lines[-1]
            lines[-1] = (text + piece, first)


def _walk(element: html.HtmlElement) -> Iterator[tuple[str, int, bool]]:
    tag = element.tag if isinstance(element.tag, str) else ""
    if _dropped(element, tag):
        if element.tail:
            yield element.tail, element.sourceline or 0, False
        return

    line = element.sourceline or 0
    block = tag in BLOCK_TAGS
    prefix = _prefix(element, tag)
    yield prefix + (element.text or ""), line, block

    for child in element:
        yield from _walk(child)
    if tag in {"td", "th"}:
        yield " | ", line, False
    if block:
        yield "", line, True
    if element.tail:
        yield element.tail, line, False


def _dropped(element: html.HtmlElement, tag: str) -> bool:
    if not tag:
        return True
    if tag in DROPPED_TAGS:
        return True
    if element.get("role", "") in DROPPED_ROLES or element.get("hidden") is not None:
        return True
    return element.get("aria-hidden") == "true"


def _prefix(element: html.HtmlElement, tag: str) -> str:
    if tag in HEADINGS:
        return "#" * HEADINGS[tag] + " "
    if tag != "li":
        return ""
    parent = element.getparent()
    if parent is not None and parent.tag == "ol":
        position = [c for c in parent if c.tag == "li"].index(element) + 1
        return f"{position}. "
    return "• "
