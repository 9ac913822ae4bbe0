"""Element detection on tricky sentences: negation, conditions, headings, lists, tables, mixed."""

from __future__ import annotations

import pytest

from scanner.analyzers.policy import PolicyFacts, analyze_document
from scanner.documents import parse_text


def facts_of(text: str, kind: str = "md") -> PolicyFacts:
    return analyze_document(parse_text(text, kind))


def statuses(text: str) -> dict[str, str]:
    return {e.key: e.status for e in facts_of(text).elements if e.status != "absent"}


@pytest.mark.parametrize(("text", "key", "expected"), [
    # negation flips elements whose polarity matters …
    ("我们不会向中华人民共和国境外提供您的个人信息。", "cross_border", "negative"),
    ("目前游戏暂不提供账号注销功能。", "account_cancellation", "negative"),
    ("We cannot delete individual records from backups.", "right_deletion", "negative"),
    ("本应用未接入任何第三方SDK。", "third_party_sdk", "negative"),
    ("We do not sell, rent, or share personal information with third parties.",
     "sharing_transfer", "negative"),
    # … unless an exception qualifies the denial
    ("未经您的同意，我们不会与任何第三方共享您的个人信息。", "sharing_transfer", "present"),
    ("We do not share your data with third parties except our payment processor.",
     "sharing_transfer", "present"),
    ("除此之外，我们不会向第三方提供您的个人信息。", "sharing_transfer", "present"),
    # … and not elements where a negation is still the disclosure
    ("Our services are not directed to children under 13.", "minors", "present"),
    ("我们不向未满十四周岁的儿童提供服务。", "minors", "present"),
    # a denial across a comma belongs to its own clause
    ("我们在境内收集的个人信息存储于境内服务器，不会向境外提供。", "cross_border", "negative"),
    ("我们在境内收集的个人信息存储于境内服务器，不会向境外提供。", "storage_location", "present"),
    # rights need the user as the actor; retention deletion is not a deletion right
    ("超出保存期限后，我们会删除或匿名化处理您的个人信息。", "right_deletion", None),
    ("超出保存期限后，我们会删除或匿名化处理您的个人信息。", "retention", "present"),
    ("您可以在“设置-隐私”中查看个人信息副本，更正个人资料，删除动态。", "right_deletion",
     "present"),
    ("You can ask us to delete it by emailing privacy@example.com.", "right_deletion", "present"),
    ("Where we rely on consent, you may withdraw it at any time.", "right_withdraw_consent",
     "present"),
    # updating the policy is not correcting data; a date line is not a change notice
    ("We may update this privacy policy from time to time.", "right_correction", None),
    ("We may update this privacy policy from time to time.", "policy_updates", "present"),
    ("本政策更新于2025年4月18日。", "policy_updates", None),
    ("本政策更新于2025年4月18日。", "effective_date", "present"),
    # a URL is not HTTPS encryption
    ("See https://example.com/terms for details.", "security_measures", None),
    ("All connections use HTTPS and data at rest is encrypted.", "security_measures", "present"),
    # identity
    ("优品商城由杭州优品网络科技有限公司（以下简称“我们”）运营。", "controller_identity",
     "present"),
    ('Northwind Outfitters LLC ("Northwind", "we") runs the store.', "controller_identity",
     "present"),
    ("我们接入了腾讯科技（深圳）有限公司提供的SDK。", "controller_identity", None),
])
def test_tricky_sentences(text: str, key: str, expected: str | None) -> None:
    assert statuses(text).get(key) == expected


def test_a_right_named_only_in_a_heading_is_not_disclosed() -> None:
    text = ("# 隐私政策\n\n## 您的权利\n\n### 删除\n\n### 更正\n\n"
            "您可以在“我的资料”中更正您的昵称。\n")

    found = statuses(text)
    assert "right_deletion" not in found
    assert found["right_correction"] == "present"


def test_weak_cue_counts_under_the_elements_heading() -> None:
    text = "# Policy\n\n## Contact us\n\nEmail: team@example.com\n\n## Deleting your data\n\n" \
           "You can do this from Settings at any time.\n"

    found = statuses(text)
    assert found["contact"] == "present"
    assert found["right_deletion"] == "present"
    assert facts_of(text).element("right_deletion").mentions[0].line == 9


def test_table_flattened_to_text_gives_permission_purposes() -> None:
    text = ("第二章 权限清单\n位置权限｜用于定位和导航｜首次使用导航时申请\n"
            "麦克风权限｜用于语音搜索｜使用语音功能时申请\n")
    facts = facts_of(text, "txt")

    assert facts.status("permissions_purpose") == "present"
    assert [m.line for m in facts.element("permissions_purpose").mentions] == [2, 3]


def test_conditional_statement_is_affirmative_and_marked() -> None:
    facts = facts_of("只有在您开启“附近门店”功能时，我们才会申请位置权限，用于推荐门店。")
    mention = facts.element("permissions_purpose").mentions[0]

    assert (mention.polarity, mention.conditional) == ("affirmative", True)


def test_mixed_language_document() -> None:
    text = ("# 隐私政策 / Privacy Policy\n\n生效日期 Effective date: 2025-06-01\n\n"
            "上述信息仅用于完成预订。\nWe use this information only to complete bookings.\n\n"
            "You may view, edit or delete saved traveller profiles.\n")
    found = statuses(text)

    assert found == {"effective_date": "present", "purposes": "present",
                     "right_access": "present", "right_correction": "present",
                     "right_deletion": "present"}


def test_mention_carries_line_span_quote_and_section() -> None:
    text = "# 隐私政策\n\n## 保存\n\n订单信息自交易完成之日起保存三年。\n"
    facts = facts_of(text)
    mention = facts.element("retention").mentions[0]

    assert (mention.line, mention.end_line, mention.text, mention.section) == (
        5, 5, "订单信息自交易完成之日起保存三年。", "隐私政策 > 保存")
    assert text[mention.start:mention.end] == mention.text
    assert [v.value for v in facts.retention_periods] == ["三年"]
