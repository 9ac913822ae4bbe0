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
    # Paraphrased notices: "let ... know", "alert", 报告 after 知悉 with 最迟.
    ("The Processor will let the Controller know of a Personal Data Breach within "
     "twenty-four (24) hours.", 24.0),
    ("Should Supplier confirm that Customer Data was accessed without authorization, it will "
     "alert Customer without undue delay and in any case within two (2) days.", 48.0),
    ("一旦发现客户信息被未经授权访问，受托方应立即采取补救措施，并最迟在知悉后十二小时内向委托方报告。",
     12.0),
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
    ("Each party's total liability shall be limited to twice the annual fees.",
     "fees_multiple=2"),
    ("乙方累计赔偿总额不超过人民币伍拾万元。", "amount=500000 CNY"),
    # "the preceding year" is a twelve-month look-back.
    ("供方承担的违约金及损害赔偿总额累计不超过本协议上一年度实际结算总额的百分之三十。",
     "fees_multiple=0.3;months=12"),
    ("Each party's total liability is capped at one hundred and fifty per cent (150%) of the "
     "charges paid in the twelve months before the claim.", "fees_multiple=1.5;months=12"),
    ("受托方应当承担由此给委托方造成的一切损失。", "unlimited"),
])
def test_liability_cap(text: str, cap: str) -> None:
    assert value(text, "liability_cap") == cap


@pytest.mark.parametrize(("text", "rate", "per_day"), [
    ("违约方应向守约方支付合同总金额百分之二十的违约金。", 20.0, False),
    ("Supplier shall pay liquidated damages of 15% of the Contract Price.", 15.0, False),
    ("每逾期一日，乙方应按合同总金额的千分之五支付违约金。", 0.5, True),
    ("卖方应按货款的万分之五每日支付违约金。", 0.05, True),
    # A percentage after 不超过 is a ceiling on the damages, not their rate.
    ("供方迟延交货的，每迟延一日，按迟延货款的千分之三支付违约金。违约金总额不超过合同总价的百分之三十。",
     0.3, True),
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
    ("After that, the subscription will roll over for consecutive one-year periods unless "
     "either party tells the other in writing, at least sixty (60) days before the end of the "
     "then-current period, that it does not want to continue.", True, 60.0),
    ("有效期届满前三十日内，任何一方未以书面方式提出终止的，本协议有效期自动顺延一年。",
     True, 30.0),
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
    ("This Agreement is governed by the law of Scotland.", "GB-SCT"),
    ("This Agreement shall be governed by the laws of the Province of Ontario and the federal "
     "laws of Canada applicable therein.", "CA-ON"),
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
    ("Any suit arising out of this Agreement shall be brought only in the state or federal "
     "courts sitting in New York County, New York.", "court:New York"),
    ("协商不成的，提交成都仲裁委员会仲裁。", "arbitration:Chengdu"),
    ("Disputes shall be finally settled by arbitration under the LCIA Rules.", "arbitration:LCIA"),
])
def test_dispute_venue(text: str, venue: str) -> None:
    assert value(text, "dispute_venue") == venue
