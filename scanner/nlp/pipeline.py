"""spaCy pipelines without downloaded models, built once per process.

``blank_pipeline("zh")`` is ``spacy.blank("zh")`` with jieba word segmentation (tokens are
features only: cues match on characters, see ``scanner.nlp.cues``); ``blank_pipeline("en")`` is
``spacy.blank("en")``. ``cue_pipeline(lang, book, groups)`` adds the ``govgate_cues``
component, which labels every cue match of the pattern file's groups as a span in
``doc.spans["cues"]`` (label ``"<group>:<key>"``).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING

from scanner.nlp.patterns import load_patterns

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

logger = logging.getLogger(__name__)

SPAN_KEY = "cues"
_factory_lock = threading.Lock()
_factory_registered = False


@cache
def blank_pipeline(lang: str) -> Language:
    """The tokenizer-only pipeline of ``zh`` or ``en``."""
    return _new_pipeline(lang)


def _new_pipeline(lang: str) -> Language:
    import spacy

    if lang == "zh":
        import jieba

        jieba.setLogLevel(logging.WARNING)  # jieba's own logger prints progress to stderr
        nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
        jieba.initialize()
        return nlp
    if lang == "en":
        return spacy.blank("en")
    raise ValueError(f"no pipeline for language {lang!r} (expected zh or en)")


@cache
def cue_pipeline(lang: str, book: str, groups: tuple[str, ...]) -> Language:
    """A pipeline of ``lang`` whose ``govgate_cues`` component labels the cues of ``groups``
    (top-level keys of pattern file ``book``, each mapping a key to ``{cues: {en, zh}}``)."""
    _register_factory()
    nlp = _new_pipeline(lang)
    nlp.add_pipe("govgate_cues", config={"book": book, "groups": list(groups)})
    return nlp


def _register_factory() -> None:
    global _factory_registered
    with _factory_lock:
        if _factory_registered:
            return
        from spacy.language import Language

        Language.factory("govgate_cues", func=_make_cue_component)
        _factory_registered = True


def _make_cue_component(nlp: Language, name: str, book: str, groups: list[str]) -> CueComponent:
    return CueComponent(nlp.lang or "en", book, tuple(groups))


class CueComponent:
    """Marks cue matches of a pattern file as spans, matching on the doc's characters."""

    def __init__(self, lang: str, book: str, groups: Sequence[str]) -> None:
        patterns = load_patterns(book)
        self.sets = [
            (f"{group}:{key}", patterns.cues((group, key, "cues"), lang))
            for group in groups for key in patterns.keys((group,))
        ]

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        text = doc.text  # rebuilt from the tokens on every access
        for label, cues in self.sets:
            for hit in cues.finditer(text):
                span = doc.char_span(hit.start, hit.end, label=label, alignment_mode="expand")
                if span is not None:
                    spans.append(span)
        doc.spans[SPAN_KEY] = spans
        return doc
