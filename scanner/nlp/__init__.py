"""Rule-based NLP shared by the policy and contract domains (no downloaded models).

API (stable):

- ``load_patterns(file_name, schema=None) -> PatternBook``: a pattern file from
  ``rulesets/data`` validated against ``scanner/schemas/<schema or file stem>.schema.json``,
  loaded once per process. ``book.data`` is the raw mapping; ``book.node(path)`` a sub-tree;
  ``book.keys(path)`` the keys of a mapping; ``book.cues(path, lang) -> CueSet`` compiles the
  ``{en: [...], zh: [...]}`` list at ``path`` (cached). Gaps come from the file's
  ``gaps: {en: N, zh: N}`` when present (defaults 8 words / 14 characters).
- Cue syntax: ``"a|b ... c"`` (ordered parts, ``|`` alternatives, bounded gap inside one
  sentence), ``"collect*"`` (English word prefix), ``"re:<regex>"`` (raw). Chinese matches on
  characters; English case-insensitively at word boundaries.
- ``CueSet``: ``search(text, start, end)`` (any cue, a ``re.Match``), ``finditer(...)``
  (non-overlapping ``CueHit``s), ``hits(...)`` (first match of each matching cue, with the cue
  index and text). ``compile_cues(cues, lang, gap)`` builds one directly.
- ``blank_pipeline(lang)``: cached ``spacy.blank("zh")`` with jieba segmentation, or
  ``spacy.blank("en")``. ``cue_pipeline(lang, book, groups)``: a cached pipeline whose
  ``govgate_cues`` component puts every cue match of ``book``'s ``groups`` into
  ``doc.spans["cues"]`` labelled ``"<group>:<key>"`` (each entry needs a ``cues`` node).
"""

from __future__ import annotations

from scanner.nlp.cues import CueHit, CueSet, compile_cues
from scanner.nlp.patterns import PatternBook, load_patterns
from scanner.nlp.pipeline import SPAN_KEY, blank_pipeline, cue_pipeline

__all__ = [
    "SPAN_KEY", "CueHit", "CueSet", "PatternBook", "blank_pipeline", "compile_cues",
    "cue_pipeline", "load_patterns",
]
