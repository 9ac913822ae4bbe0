"""Normalized values read from clause sentences."""

from __future__ import annotations

from typing import Any

import pytest
from helpers import facts_of


def value(text: str, key: str, name: str = "agreement.md") -> Any:
    return facts_of(text, name).values.get(key)


@pytest.mark.parametrize(("text", "hours"), [
    ("The Processor shall notify the Controller of any Personal Data Breach within "
     "seventy-two (72) hours.", 72.0),
    ("Supplier will notify Customer of a Security Incident no later than three (3) business "
     "days after becoming aware of it.", 120.0),
    ("受托方应当在发现个人信息安全事件后七十二小时内通知委托方。", 72.0),
    ("发生个人信息泄露的，乙方应在知悉后两个工作日内书面告知甲方。", 96.0),
])
def test_breach_notification_hours(text: str, hours: float) -> None:
    assert value(text, "breach_notification_hours") == hours


def test_breach_notification_without_deadline_has_no_value() -> None:
    facts = facts_of("The Processor shall notify the Controller without undue delay after "
                     "becoming aware of a personal data breach.")
    assert "breach_notification" in facts.clauses
    assert "breach_notification_hours" not in facts.values


@pytest.mark.parametrize(("text", "cap"), [
    ("Each party's aggregate liability under this Agreement shall not exceed the fees paid by "
     "Customer in the twelve (12) months preceding the claim.", "fees_multiple=1;months=12"),
    ("Supplier's total liability shall not exceed two (2) times the annual fees payable "
     "under this Agreement.", "fees_multiple=2"),
    ("In no event shall either party's total liability exceed USD 1,000,000.",
     "amount=1000000 USD"),
    ("乙方的赔偿总额以本合同总金额的百分之五十为限。", "fees_multiple=0.5"),
    ("乙方承担的赔偿责任累计不超过人民币100万元。", "amount=1000000 CNY"),
    ("The Contractor's liability for breach of clause 7 shall be unlimited.", "unlimited"),
])
def test_liability_cap(text: str, cap: str) -> None:
    assert value(text, "liability_cap") == cap


@pytest.mark.parametrize(("text", "rate", "per_day"), [
    ("违约方应向守约方支付合同总金额百分之二十的违约金。", 20.0, False),
    ("Supplier shall pay liquidated damages of 15% of the Contract Price.", 15.0, False),
    ("每逾期一日，乙方应按合同总金额的千分之五支付违约金。", 0.5, True),
    ("卖方应按货款的万分之五每日支付违约金。", 0.05, True),
])
def test_liquidated_damages_rate(text: str, rate: float, per_day: bool) -> None:
    facts = facts_of(text)
    assert facts.values["liquidated_damages_rate"] == rate
    assert facts.values["liquidated_damages_per_day"] is per_day


@pytest.mark.parametrize(("text", "renews", "notice"), [
    ("This Agreement shall automatically renew for successive one (1) year terms unless either "
     "party gives written notice of non-renewal at least ninety (90) days before expiry.",
     True, 90.0),
    ("本协议期满前三十日内双方均未书面提出异议的，本协议自动续期一年。", True, 30.0),
    ("本协议到期自动续约一年。", True, None),
    ("This Agreement shall not automatically renew; any extension requires a written "
     "amendment.", False, None),
    ("本协议期满后不自动续期。", False, None),
])
def test_auto_renewal_and_notice(text: str, renews: bool, notice: float | None) -> None:
    facts = facts_of(text)
    assert facts.values.get("auto_renewal") is renews
    assert facts.values.get("renewal_notice_days") == notice


@pytest.mark.parametrize(("text", "law"), [
    ("This Agreement is governed by the laws of the State of New York.", "US-NY"),
    ("This Agreement shall be governed by and construed in accordance with the law of England "
     "and Wales.", "GB-ENG"),
    ("These Terms are governed by the federal laws of the United States of America and the "
     "laws of the State of California.", "US-CA"),
    ("本合同的订立、效力、解释和履行适用中华人民共和国法律。", "CN"),
    ("These Clauses shall be governed by the law of one of the EU Member States. The Parties "
     "agree that this shall be the law of Ireland.", "IE"),
])
def test_governing_law(text: str, law: str) -> None:
    assert value(text, "governing_law") == law


@pytest.mark.parametrize(("text", "venue"), [
    ("Any dispute shall be finally resolved by arbitration administered by the Singapore "
     "International Arbitration Centre.", "arbitration:SIAC"),
    ("因本合同引起的争议，提交中国国际经济贸易仲裁委员会仲裁。", "arbitration:CIETAC"),
    ("协商不成的，任何一方均可向甲方所在地人民法院提起诉讼。", "court:party_a_domicile"),
    ("Any action arising under this Agreement will be brought exclusively in the courts "
     "located in San Francisco, California.", "court:San Francisco"),
])
def test_dispute_venue(text: str, venue: str) -> None:
    assert value(text, "dispute_venue") == venue
