"""Written numbers and durations, English and Chinese, with the business-day convention."""

from __future__ import annotations

import pytest

from scanner.analyzers.contract.numbers import (
    business_days_to_calendar,
    durations,
    parse_chinese,
    parse_number,
    to_hours,
)


@pytest.mark.parametrize(("text", "value"), [
    ("72", 72.0), ("1,000,000", 1_000_000.0), ("seventy-two (72)", 72.0), ("three (3)", 3.0),
    ("forty-eight", 48.0), ("twenty four", 24.0), ("七十二", 72.0), ("两", 2.0), ("十五", 15.0),
    ("一百二十", 120.0), ("一〇〇", 100.0), ("three hundred", 300.0), ("banana", None),
])
def test_parse_number(text: str, value: float | None) -> None:
    assert parse_number(text) == value


def test_parse_chinese_large_units() -> None:
    assert parse_chinese("一万五千") == 15_000
    assert parse_chinese("两千") == 2_000


@pytest.mark.parametrize(("text", "hours"), [
    ("within 72 hours", 72.0),
    ("七十二小时内", 72.0),
    ("seventy-two (72) hours", 72.0),
    ("二十四小时", 24.0),
    ("within one (1) day", 24.0),
    ("三日内", 72.0),
    ("three (3) business days", 120.0),      # Friday → Wednesday, worst case
    ("5个工作日", 168.0),                      # 5 + 2 weekend days
    ("10 working days", 336.0),
    ("2 weeks", 336.0),
])
def test_duration_in_hours(text: str, hours: float) -> None:
    amount, unit, _ = durations(text)[0]
    assert to_hours(amount, unit) == hours


def test_nominal_business_day_convention() -> None:
    amount, unit, _ = durations("three (3) business days")[0]
    assert to_hours(amount, unit, "nominal") == 72.0
    assert business_days_to_calendar(3) == 5
    assert business_days_to_calendar(6) == 10


def test_no_duration_in_plain_text() -> None:
    assert durations("without undue delay after becoming aware") == []


@pytest.mark.parametrize(("text", "value"), [
    ("伍拾万", 500_000.0), ("贰佰肆拾", 240.0), ("壹仟", 1000.0), ("叁拾陆", 36.0),
])
def test_parse_financial_numerals(text: str, value: float) -> None:
    assert parse_number(text) == value
