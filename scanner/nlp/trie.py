"""Regular expressions for many alternatives, built as prefix trees ("collect|collection" →
"collect(?:ion)?"): the same matches as a flat alternation, but a much smaller pattern for
``re`` to compile and to try at every position."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

_END = ""


def trie_regex(alternatives: Iterable[Sequence[str]]) -> str:
    """One pattern for ``alternatives``, each a sequence of regex pieces (an escaped character,
    a separator, a boundary guard). Pass them longest first: at every branching point the
    continuations of longer alternatives are then tried before shorter ones end."""
    trie: dict[str, Any] = {}
    for pieces in alternatives:
        node = trie
        for piece in pieces:
            node = node.setdefault(piece, {})
        node[_END] = {}
    return _emit(trie)


def _emit(node: dict[str, Any]) -> str:
    branches = [piece + _emit(child) for piece, child in node.items() if piece != _END]
    if not branches:
        return ""
    if len(branches) == 1 and _END not in node:
        return branches[0]
    return "(?:" + "|".join(branches) + ")" + ("?" if _END in node else "")
