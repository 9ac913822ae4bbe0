"""Normalized values read from the sentences that state a clause.

- ``breach_notification_hours``: the first deadline in a breach-notification sentence, in
  hours (business days per ``numbers.business_days_to_calendar``).
- ``liability_cap``: ``unlimited``, ``fees_multiple=<m>`` (``;months=<n>`` when the fees are
  those of a look-back period), or ``amount=<number> <currency>``.
- ``liquidated_damages_rate``: a percentage (``百分之二十``, ``20%``, ``千分之五`` = 0.5), with
  ``liquidated_damages_per_day`` when the rate accrues per day.
- ``auto_renewal``: True when a sentence renews automatically, False when one says it does not.
- ``renewal_notice_days``: the notice period nearest a "notice"/"通知" word in a renewal or
  term sentence.
- ``governing_law``: a jurisdiction code (``CN``, ``US-CA``, ``IE``…) from the alias table.
- ``dispute_venue``: ``arbitration:<institution or place>`` or ``court:<place>``.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Mapping
from typing import Any

from scanner.analyzers.contract.classify import Classification, ClauseHit
from scanner.analyzers.contract.numbers import (
    CN_NUMERAL_CHARS,
    DURATION,
    durations,
    parse_number,
    to_days,
)
from scanner.analyzers.contract.numbers import to_hours as duration_hours
from scanner.analyzers.contract.patterns import Patterns

logger = logging.getLogger(__name__)

_PERCENT = re.compile(
    rf"(?P<num>\d+(?:\.\d+)?)\s*(?:%|％|percent\b|per\s+cent\b)"
    rf"|(?P<base>百|千|万)分之(?P<cn>[{CN_NUMERAL_CHARS}点.\d]+)", re.IGNORECASE)
_PER_DAY = re.compile(
    r"per\s+(?:calendar\s+)?day|each\s+day|daily|for\s+every\s+day|每日|每天|按日|每逾期|每迟延|每延迟",
    re.I)
_CURRENCY = (
    r"(?P<cur>USD|US\$|\$|RMB|CNY|人民币|EUR|€|£|GBP)\s*(?P<amount>\d[\d,]*(?:\.\d+)?)"
    r"\s*(?P<scale>million|thousand|万元|万|元)?"
)
_AMOUNT = re.compile(_CURRENCY, re.IGNORECASE)
_AMOUNT_CN = re.compile(
    rf"(?P<amount>\d[\d,]*(?:\.\d+)?|[{CN_NUMERAL_CHARS}]{{1,12}})\s*(?P<scale>万元|元)")
_FEES = re.compile(
    r"fees|amounts?\s+(?:paid|payable)|charges?\b|contract\s+price|purchase\s+price|"
    r"合同总(?:金额|价|额)|服务费|费用总额|已支付|价款|结算(?:总)?(?:额|金额|款)|货款|实际支付",
    re.IGNORECASE)
_MULTIPLE = re.compile(
    r"(?P<m>\d+(?:\.\d+)?|one|two|three|four|five|twice|double|"
    rf"[{CN_NUMERAL_CHARS}]+)\s*(?:\(\d+\)\s*)?(?:times|x\b|倍)"
    r"|\b(?P<m2>twice|double|triple|treble)\b", re.IGNORECASE)
_WORD_MULTIPLES = {"twice": 2.0, "double": 2.0, "triple": 3.0, "treble": 3.0}
_MONTHS = re.compile(
    rf"(?P<n>\d+|twelve|six|three|twenty-four|[{CN_NUMERAL_CHARS}]+)\s*(?:\(\d+\)\s*)?"
    r"(?:-|\s)?(?:months?|个月)", re.IGNORECASE)
_NOTICE_WORD = re.compile(
    r"notice|notify|non-renewal|objection|通知|提前|异议|书面|提出|prior|in advance|before",
    re.IGNORECASE)
_ADVANCE_BEFORE = re.compile(r"前\s*$")
_ADVANCE_AFTER = re.compile(r"['’]?\s*(?:prior|before|in advance|notice|前)", re.IGNORECASE)
# "the fees of the preceding year" is a twelve-month look-back.
_LAST_YEAR = re.compile(
    r"上一(?:个)?(?:合同)?年度|前一(?:个)?年度|过去一年|(?:preceding|previous|prior|last)\s+"
    r"(?:contract\s+)?year", re.IGNORECASE)
# A percentage right after these words is a ceiling ("违约金总额不超过合同总价的百分之十"),
# not the rate of the liquidated damages.
_CEILING_BEFORE = re.compile(
    r"(?:不超过|不得超过|不高于|最高|上限|not\s+exceed|capped\s+at|up\s+to|maximum\s+of)"
    r"[^，,。；;]{0,30}$", re.IGNORECASE)
_ARBITRATION = re.compile(r"arbitrat|仲裁", re.IGNORECASE)
PLACEHOLDERS = frozenset({"EU-MS"})
_CURRENCY_CODES = {"$": "USD", "US$": "USD", "RMB": "CNY", "人民币": "CNY", "€": "EUR",
                   "£": "GBP"}
_SCALES = {"million": 1_000_000, "thousand": 1000, "万元": 10_000, "万": 10_000, "元": 1}


Found = tuple[Any, ClauseHit | None] | None


def extract_values(result: Classification, patterns: Patterns,
                   convention: str) -> tuple[dict[str, Any], dict[str, ClauseHit]]:
    """(values, the sentence each value was read from)."""
    values: dict[str, Any] = {}
    sources: dict[str, ClauseHit] = {}
    hits = result.hits

    def put(key: str, found: Found) -> None:
        if found is not None and found[0] is not None:
            values[key] = found[0]
            if found[1] is not None:
                sources[key] = found[1]

    put("breach_notification_hours",
        _first(hits.get("breach_notification", ()), lambda t: _breach_hours(t, convention)))
    put("liability_cap", _liability_cap(hits))
    rate = _penalty(hits.get("liquidated_damages", ()))
    if rate is not None:
        put("liquidated_damages_rate", (rate[0][0], rate[1]))
        put("liquidated_damages_per_day", (rate[0][1], rate[1]))
    put("auto_renewal", _auto_renewal(result))
    renewal_hits = [*hits.get("auto_renewal", ()), *result.vetoed.get("auto_renewal", ()),
                    *hits.get("term_renewal", ())]
    put("renewal_notice_days", _first(renewal_hits, lambda t: _notice_days(t, convention)))
    put("governing_law", _governing_law(hits.get("governing_law", ()), patterns))
    put("dispute_venue", _dispute_venue(hits.get("dispute_resolution", ()), patterns))
    return values, sources


def _first(hits: Iterable[ClauseHit], reader: Any) -> Found:
    for hit in sorted(hits, key=lambda h: h.start):
        value = reader(hit.text)
        if value is not None:
            return value, hit
    return None


def _breach_hours(text: str, convention: str) -> float | None:
    found = durations(text)
    if not found:
        return None
    amount, unit, _ = found[0]
    return _clean(duration_hours(amount, unit, convention))


def _liability_cap(hits: Mapping[str, list[ClauseHit]]) -> Found:
    cap = _first(hits.get("liability_cap", ()), _cap_of)
    if cap is not None:
        return cap
    unlimited = hits.get("unlimited_liability", ())
    if unlimited and not hits.get("liability_cap"):
        return "unlimited", min(unlimited, key=lambda h: h.start)
    return None


# Limitation: a cap is normalized only when it is an amount of money or a multiple (or share)
# of the fees; caps stated any other way ("the insurance cover", "direct damages only") give
# no value, although the clause itself is still reported.
def _cap_of(text: str) -> str | None:
    amount = _AMOUNT.search(text) or _AMOUNT_CN.search(text)
    if amount:
        currency = amount.groupdict().get("cur") or "CNY"
        code = _CURRENCY_CODES.get(currency.upper(), _CURRENCY_CODES.get(currency,
                                                                          currency.upper()))
        number = parse_number(amount.group("amount").replace(",", "")) or 0.0
        number *= _SCALES.get((amount.group("scale") or "").lower(), 1)
        return f"amount={_fmt(number)} {code}"
    if not _FEES.search(text):
        return None

    multiple = 1.0
    times = _MULTIPLE.search(text)
    if times:
        word = (times.group("m") or times.group("m2")).lower()
        multiple = _WORD_MULTIPLES.get(word) or parse_number(word) or 1.0
    percent = _PERCENT.search(text)
    if percent and not times:
        multiple = (_percent_value(percent) or 100.0) / 100
    months = _MONTHS.search(text)
    suffix = ""
    if months:
        count = parse_number(months.group("n"))
        suffix = f";months={_fmt(count)}" if count else ""
    elif _LAST_YEAR.search(text):
        suffix = ";months=12"
    return f"fees_multiple={_fmt(multiple)}{suffix}"


def _penalty(hits: Iterable[ClauseHit]) -> tuple[tuple[float, bool], ClauseHit] | None:
    """The highest one-off rate; a rate accruing per day only when no one-off rate exists."""
    rates = [(r, h) for h in sorted(hits, key=lambda h: h.start)
             if (r := _penalty_rate(h.text)) is not None]
    one_off = [item for item in rates if not item[0][1]]
    if one_off:
        return max(one_off, key=lambda item: item[0][0])
    return rates[0] if rates else None


def _penalty_rate(text: str) -> tuple[float, bool] | None:
    match = next((m for m in _PERCENT.finditer(text)
                  if not _CEILING_BEFORE.search(text, 0, m.start())), None)
    if match is None:
        return None
    value = _percent_value(match)
    return (value, bool(_PER_DAY.search(text))) if value is not None else None


def _percent_value(match: re.Match[str]) -> float | None:
    if match.group("num"):
        return _clean(float(match.group("num")))
    digits = match.group("cn").replace("点", ".")
    if "." in digits:
        whole, _, fraction = digits.partition(".")
        whole_value = parse_number(whole) if whole else 0.0
        fraction_value = float("0." + "".join(str(int(parse_number(c) or 0)) for c in fraction))
        number = (whole_value or 0.0) + fraction_value
    else:
        number = parse_number(digits) or 0.0
    per = {"百": 1.0, "千": 0.1, "万": 0.01}[match.group("base")]
    return _clean(number * per)


def _auto_renewal(result: Classification) -> Found:
    if result.hits.get("auto_renewal"):
        return True, result.hits["auto_renewal"][0]
    if result.vetoed.get("auto_renewal"):
        return False, result.vetoed["auto_renewal"][0]
    return None


def _notice_days(text: str, convention: str) -> float | None:
    """A period written as advance notice ("提前三十日", "期满前三十日", "60 days before", "at
    least 30 days' notice") wins; else the period nearest a notice word."""
    notices = [m.start() for m in _NOTICE_WORD.finditer(text)]
    if not notices:
        return None
    best: tuple[int, int, float] | None = None
    for amount, unit, start in durations(text):
        advance = 0 if _ADVANCE_BEFORE.search(text, max(0, start - 3), start) or \
            _ADVANCE_AFTER.match(text, _end_of_duration(text, start)) else 1
        distance = min(abs(start - n) for n in notices)
        candidate = (advance, distance, to_days(amount, unit, convention))
        if distance <= 60 and (best is None or candidate[:2] < best[:2]):
            best = candidate
    return _clean(best[2]) if best else None


def _end_of_duration(text: str, start: int) -> int:
    match = DURATION.match(text, start)
    return match.end() if match else start


def _governing_law(hits: Iterable[ClauseHit], patterns: Patterns) -> Found:
    """The first concrete jurisdiction; a placeholder ("the EU Member State …") only when no
    sentence names a concrete one."""
    found = [(c, h) for h in sorted(hits, key=lambda h: h.start)
             if (c := _alias(h.text, patterns.jurisdictions)) is not None]
    concrete = [item for item in found if item[0] not in PLACEHOLDERS]
    best = concrete or found
    return best[0] if best else None


def _dispute_venue(hits: Iterable[ClauseHit], patterns: Patterns) -> Found:
    found = [(v, h) for h in sorted(hits, key=lambda h: h.start)
             if (v := _venue(h.text, patterns)) is not None]
    concrete = [item for item in found if item[0].partition(":")[2] not in PLACEHOLDERS]
    best = concrete or found
    return best[0] if best else None


def _alias(text: str, table: Iterable[tuple[str, re.Pattern[str]]]) -> str | None:
    """The code of the earliest alias in ``text``; a sub-jurisdiction (US-CA) beats its
    parent (US) when both are named."""
    matches: list[tuple[int, str]] = []
    for code, pattern in table:
        match = pattern.search(text)
        if match:
            matches.append((match.start(), code))
    codes = {c for _, c in matches}
    specific = [(s, c) for s, c in matches if not any(o.startswith(c + "-") for o in codes)]
    return min(specific)[1] if specific else None


def _venue(text: str, patterns: Patterns) -> str | None:
    institution = _alias(text, patterns.arbitration)
    if institution:
        return f"arbitration:{institution}"
    place = _alias(text, patterns.courts)
    if place is None:
        return None
    method = "arbitration" if _ARBITRATION.search(text) else "court"
    return f"{method}:{place}"


def _clean(number: float) -> float:
    """Round away float noise so values compare exactly (72.0, 0.5, 0.05)."""
    return round(number, 4)


def _fmt(number: float) -> str:
    rounded = round(number, 4)
    return str(int(rounded)) if rounded == int(rounded) else str(rounded)
