"""Telling a privacy policy from a document that only talks about privacy (a statute).

A policy speaks to the user in the first and second person (我们/您, we/you); a law speaks of
"this Law" and of processors in the third person, in numbered articles. Reading a statute as a
policy would turn every duty it imposes into a claimed disclosure, so such a document is
reported instead of analysed.
"""

from __future__ import annotations

import re

from scanner.documents import Document

POLICY = "policy"
STATUTE = "statute"
_SELF_REFERENCE = re.compile(r"本法|本条例|本办法|本规定|\bthis (?:Act|Law|Regulation|Directive)\b")
_ARTICLE = re.compile(r"^第[一二三四五六七八九十百零〇\d]+条|^Article \d+", re.MULTILINE)
_FIRST_PERSON = re.compile(r"我们|您|\b(?:we|our|us|you|your)\b", re.IGNORECASE)


# Limitation: only statutes are recognised; terms of service or a cookie notice scanned as a
# policy are analysed as one and will miss most elements.
def document_type(document: Document) -> str:
    """``statute`` for a law's text, else ``policy``."""
    text = document.text
    self_references = len(_SELF_REFERENCE.findall(text))
    articles = len(_ARTICLE.findall(text))
    per_10k = len(_FIRST_PERSON.findall(text)) * 10_000 / max(len(text), 1)
    if self_references >= 3 and articles >= 10 and per_10k < 5:
        return STATUTE
    return POLICY
