"""Third parties and SDKs a policy names, and the values it states (retention periods,
response times).

SDK names come from the APK domain's table (``rulesets/data/sdks.yaml``: English and Chinese
names), from the family names in ``policy-patterns.yaml`` (友盟, Firebase… standing for every
SDK of that family), and from generic "<Name> SDK" patterns for SDKs the table lacks.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from scanner.analyzers.policy.elements import Unit, unit_lang
from scanner.analyzers.policy.facts import SdkMention, ValueMention
from scanner.catalog.paths import data_file
from scanner.catalog.tables import data_table
from scanner.documents import Document
from scanner.nlp import PatternBook
from scanner.nlp.trie import trie_regex
from scanner.yamlfile import DataFileError

logger = logging.getLogger(__name__)

MAX_QUOTE = 300
# Table names that are also everyday English words ("adjust your settings").
_ENGLISH_WORDS = frozenset({"adjust", "branch", "segment", "batch", "radar", "heap", "iterable",
                            "singular", "embrace", "stream", "moat", "sentry", "airship",
                            "braze", "tenjin", "countly", "amplitude"})
_GENERIC_WORDS = frozenset({"sdk", "the", "our", "this", "an", "a", "any", "third-party",
                            "第三方", "相关", "以下", "上述", "该", "此类", "各类", "合作方"})


@dataclass(frozen=True)
class SdkNames:
    """One regular expression over every known name, and what each name stands for."""

    pattern: re.Pattern[str] | None
    ids_by_name: dict[str, tuple[str, ...]]


@cache
def sdk_names(book: PatternBook) -> SdkNames:
    names: dict[str, set[str]] = {}
    written: set[str] = set()
    all_ids = list(_table_ids(names, written))
    for family, prefixes in (book.node(("sdk_families",)) or {}).items():
        ids = {i for i in all_ids for p in prefixes if i == p or i.startswith(p)}
        names.setdefault(family.casefold(), set()).update(ids or set(prefixes))
        written.add(family)

    if not names:
        return SdkNames(None, {})
    longest_first = sorted(written, key=lambda n: (-len(n), n))
    pattern = re.compile(trie_regex(_name_pieces(name) for name in longest_first))
    return SdkNames(pattern, {n: tuple(sorted(ids)) for n, ids in names.items()})


def _table_ids(names: dict[str, set[str]], written: set[str]) -> Iterable[str]:
    """Register the table's names in ``names`` (and as written, in ``written``); yield every
    SDK id. A name that is also an ordinary English word counts only as "<Name> SDK"."""
    path = data_file("sdks.yaml")
    if not path.is_file():
        logger.info("no SDK table at %s; only generic SDK names are recognised", path)
        return
    try:
        data = data_table("sdks.yaml")
    except DataFileError as exc:
        logger.warning("SDK table unusable, only generic SDK names are recognised: %s", exc)
        return
    for row in data["sdks"]:
        for name in (row["name"], row.get("name_zh", "")):
            if name.casefold() in _ENGLISH_WORDS:
                name = f"{name} SDK"
            for variant in {name, name.replace(" ", "")}:
                if len(variant) >= 2:
                    names.setdefault(variant.casefold(), set()).add(row["id"])
                    written.add(variant)
        yield row["id"]


def _name_pieces(name: str) -> list[str]:
    """A name as regex pieces: Latin names stand as whole words; a space also matches none."""
    head = [r"(?<![A-Za-z0-9])"] if _latin(name[0]) else []
    tail = [r"(?![A-Za-z0-9])"] if _latin(name[-1]) else []
    return head + [r"\s?" if char == " " else re.escape(char) for char in name] + tail


def _latin(char: str) -> bool:
    return char.isascii() and char.isalnum()


# Limitation: table names are matched as written (case-sensitive for Latin names) and family
# names stand for all SDKs of a vendor, so "友盟" names every Umeng SDK the app may embed.
def find_sdks(document: Document, units: list[Unit], book: PatternBook) -> list[SdkMention]:
    """Each distinct SDK or third-party name, at its first body mention."""
    table = sdk_names(book)
    seen: set[str] = set()
    found: list[SdkMention] = []
    for unit in units:
        if unit.heading:
            continue
        for name, ids, start in _names_in(unit, table, book):
            key = name.casefold()
            if key in seen or key in _GENERIC_WORDS:
                continue
            seen.add(key)
            line = document.source_line(document.line_at(unit.start + start))
            found.append(SdkMention(name=name, sdk_ids=ids, line=line, start=unit.start,
                                    end=unit.start + len(unit.text), text=_quote(unit.text)))
    return found


def _names_in(
    unit: Unit, table: SdkNames, book: PatternBook
) -> Iterable[tuple[str, tuple[str, ...], int]]:
    known_spans: list[tuple[int, int]] = []
    if table.pattern is not None:
        for match in table.pattern.finditer(unit.text):
            ids = table.ids_by_name.get(re.sub(r"\s", "", match.group(0)).casefold()) or \
                table.ids_by_name.get(match.group(0).casefold(), ())
            known_spans.append((match.start(), match.end()))
            yield match.group(0), ids, match.start()

    for hit in book.cues(("sdk_generic",), unit_lang(unit)).finditer(unit.text):
        overlaps = any(s < hit.end and hit.start < e for s, e in known_spans)
        name = hit.text.strip()
        if not overlaps and name.casefold().removesuffix("sdk").strip() not in _GENERIC_WORDS:
            yield name, (), hit.start


def find_values(
    document: Document, units: list[Unit], book: PatternBook, retention_units: set[int]
) -> tuple[list[ValueMention], list[ValueMention]]:
    """(retention periods, response times): periods in sentences that state retention,
    times in sentences about answering requests."""
    periods: list[ValueMention] = []
    times: list[ValueMention] = []
    for unit in units:
        lang = unit_lang(unit)
        if unit.start in retention_units:
            periods.extend(_values(document, unit, book, ("retention_period",), lang))
        if book.cues(("response_context",), lang).search(unit.text) is not None:
            times.extend(_values(document, unit, book, ("response_time",), lang))
    return periods, times


def _values(
    document: Document, unit: Unit, book: PatternBook, path: tuple[str, ...], lang: str
) -> Iterable[ValueMention]:
    for hit in book.cues(path, lang).finditer(unit.text):
        line = document.source_line(document.line_at(unit.start + hit.start))
        yield ValueMention(value=hit.text.strip(), line=line, start=unit.start + hit.start,
                           end=unit.start + hit.end, text=_quote(unit.text))


def _quote(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MAX_QUOTE else text[: MAX_QUOTE - 1] + "…"
