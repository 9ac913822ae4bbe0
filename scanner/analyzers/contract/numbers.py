"""Numbers and durations written the way contracts write them, in English and Chinese.

"seventy-two (72) hours", "三个工作日", "七十二小时", "30 days" all become a count of hours (or
days) so rules can compare them with a configured maximum.

Business days are converted with a documented worst-case convention: ``n`` business days may
span a weekend every five days, so they count as ``n + 2 * ceil(n / 5)`` calendar days (three
business days starting on a Friday end on the next Wednesday: 5 days, 120 hours). The
``nominal`` convention counts them as ``n`` calendar days instead.
"""

from __future__ import annotations

import logging
import math
import re

logger = logging.getLogger(__name__)

_EN_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "a": 1, "an": 1, "single": 1,
}
_EN_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
_EN_SCALES = {"hundred": 100, "thousand": 1000}

# Ordinary numerals and the financial (大写) forms amounts are written in: 伍拾万元, 贰佰肆拾.
_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
              "七": 7, "八": 8, "九": 9, "壹": 1, "贰": 2, "貳": 2, "叁": 3, "參": 3, "肆": 4,
              "伍": 5, "陆": 6, "陸": 6, "柒": 7, "捌": 8, "玖": 9}
_CN_SCALES = {"十": 10, "百": 100, "千": 1000, "拾": 10, "佰": 100, "仟": 1000}
_CN_BIG = {"万": 10_000, "萬": 10_000, "亿": 100_000_000}
CN_NUMERAL_CHARS = "".join(_CN_DIGITS) + "".join(_CN_SCALES) + "".join(_CN_BIG)

EN_NUMBER_WORDS = "|".join(sorted([*_EN_UNITS, *_EN_TENS], key=len, reverse=True))

# A number as contracts write it: "72", "1,000,000", "seventy-two (72)", "七十二", "3.5".
_NUMBER = (
    rf"(?:(?:{EN_NUMBER_WORDS})(?:[-\s](?:{EN_NUMBER_WORDS}))?\s*\(\s*\d[\d,]*\s*\)"
    rf"|\d[\d,]*(?:\.\d+)?|[{CN_NUMERAL_CHARS}]{{1,12}}"
    rf"|\b(?:{EN_NUMBER_WORDS})(?:[-\s](?:{EN_NUMBER_WORDS}))?\b)"
)
_UNIT = (
    r"(?P<unit>business\s+days?|working\s+days?|calendar\s+days?|days?|hours?|hrs?|weeks?|"
    r"months?|years?|个?工作日|个?自然日|日|天|个?小时|小时|周|个?星期|个?月|年)"
)
DURATION = re.compile(rf"(?P<num>{_NUMBER})\s*(?:\(\s*\d+\s*\)\s*)?{_UNIT}", re.IGNORECASE)

_HOURS_PER = {"hour": 1, "day": 24, "week": 168, "month": 720, "year": 8760}


def parse_number(text: str) -> float | None:
    """The value of one written number, or None when it is not one."""
    text = text.strip().lower()
    bracketed = re.search(r"\(\s*(\d[\d,]*)\s*\)", text)
    if bracketed:
        return float(bracketed.group(1).replace(",", ""))
    if re.fullmatch(r"\d[\d,]*(?:\.\d+)?", text):
        return float(text.replace(",", ""))
    if text and all(ch in CN_NUMERAL_CHARS for ch in text):
        return float(parse_chinese(text))
    return _parse_english(text)


def parse_chinese(text: str) -> int:
    """``七十二`` → 72, ``两千`` → 2000, ``十五`` → 15, ``一〇〇`` → 100."""
    if all(ch in _CN_DIGITS for ch in text):
        return int("".join(str(_CN_DIGITS[ch]) for ch in text))

    total, section, digit = 0, 0, 0
    for ch in text:
        if ch in _CN_DIGITS:
            digit = _CN_DIGITS[ch]
        elif ch in _CN_SCALES:
            section += (digit or 1) * _CN_SCALES[ch]
            digit = 0
        elif ch in _CN_BIG:
            total += (section + digit) * _CN_BIG[ch]
            section, digit = 0, 0
    return total + section + digit


def _parse_english(text: str) -> float | None:
    words = re.split(r"[-\s]+", text)
    if not words or any(w not in _EN_UNITS and w not in _EN_TENS and w not in _EN_SCALES
                        for w in words):
        return None
    total = 0
    for word in words:
        if word in _EN_SCALES:
            total = max(total, 1) * _EN_SCALES[word]
        else:
            total += _EN_UNITS.get(word, 0) + _EN_TENS.get(word, 0)
    return float(total)


def unit_kind(unit: str) -> tuple[str, bool]:
    """(base unit, is business days) for a matched unit word."""
    unit = unit.lower()
    if "business" in unit or "working" in unit or "工作日" in unit:
        return "day", True
    for needle, kind in (("hour", "hour"), ("hr", "hour"), ("小时", "hour"), ("week", "week"),
                         ("周", "week"), ("星期", "week"), ("month", "month"), ("月", "month"),
                         ("year", "year"), ("年", "year")):
        if needle in unit:
            return kind, False
    return "day", False


def business_days_to_calendar(days: float, convention: str = "worst_case") -> float:
    if convention == "nominal":
        return days
    return days + 2 * math.ceil(days / 5)


def to_hours(amount: float, unit: str, convention: str = "worst_case") -> float:
    kind, business = unit_kind(unit)
    if business:
        amount = business_days_to_calendar(amount, convention)
    return amount * _HOURS_PER[kind]


def to_days(amount: float, unit: str, convention: str = "worst_case") -> float:
    return to_hours(amount, unit, convention) / 24


def durations(text: str) -> list[tuple[float, str, int]]:
    """Every (amount, unit, start offset) duration in ``text``."""
    found = []
    for match in DURATION.finditer(text):
        amount = parse_number(match.group("num"))
        if amount is not None:
            found.append((amount, match.group("unit"), match.start()))
    return found
