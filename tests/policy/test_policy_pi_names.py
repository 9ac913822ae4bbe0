"""PI categories stated or denied, SDK names, retention periods and response times."""

from __future__ import annotations

from scanner.analyzers.policy import analyze_document
from scanner.documents import parse_text
from scanner.nlp import compile_cues, load_patterns


def test_collected_and_denied_categories() -> None:
    text = (
        "我们会收集您的手机号码和设备标识（IMEI、OAID），并在您授权后获取位置信息。\n"
        "我们不会收集您的通讯录、短信或通话记录。\n"
        "我们不会将您的位置信息共享给第三方。\n"
        "We do not access your clipboard, but we use your camera to scan codes.\n"
    )
    facts = analyze_document(parse_text(text))

    assert facts.pi_collected == ("device_id", "location", "camera", "account")
    assert facts.pi_denied == ("contacts", "sms", "call_log", "clipboard")
    denial = facts.pi_mentions_of("contacts")[0]
    assert (denial.polarity, denial.line) == ("negative", 2)


def test_sms_verification_codes_are_not_sms_reading() -> None:
    facts = analyze_document(parse_text("注册时我们会向您发送短信验证码。"))

    assert "sms" not in facts.pi_collected


def test_sdk_names_from_the_table_families_and_generic_patterns() -> None:
    text = (
        "我们接入了友盟统计SDK和高德定位SDK。\n"
        "Crash reports go to Firebase Crashlytics. Ads are served by the Foobar Ads SDK.\n"
        "You can adjust your settings at any time.\n"
    )
    facts = analyze_document(parse_text(text))

    assert [(s.name, s.line) for s in facts.sdks] == [
        ("友盟", 1), ("高德定位", 1), ("Firebase Crashlytics", 2), ("Foobar Ads SDK", 2),
    ]
    assert facts.sdks[1].sdk_ids == ("amap-location",)
    assert facts.names_sdk("umeng-analytics") is facts.sdks[0]
    assert facts.names_sdk("adjust") is None
    assert facts.status("third_party_sdk") == "present"


def test_retention_periods_and_response_times() -> None:
    text = ("行驶轨迹保存6个月，期满后自动删除。\n订单记录自交易完成之日起保存三年。\n"
            "我们将在15个工作日内答复您的请求。\nWe respond to requests within 30 days.\n")
    facts = analyze_document(parse_text(text))

    assert [(v.value, v.line) for v in facts.retention_periods] == [("6个月", 1), ("三年", 2)]
    assert [(v.value, v.line) for v in facts.response_times] == [
        ("15个工作日内", 3), ("within 30 days", 4)]


def test_cue_syntax() -> None:
    zh = compile_cues(["您 ... 可以|有权 ... 删除", "re:\\d+天"], "zh", gap=6)
    en = compile_cues(["withdraw* ... consent"], "en", gap=3)

    hits = zh.hits("您随时可以申请删除。30天")
    assert [(h.cue, h.pattern, h.text) for h in hits] == [
        (0, "您 ... 可以|有权 ... 删除", "您随时可以申请删除"), (1, "re:\\d+天", "30天")]
    assert zh.search("您可以在设置页面中的隐私中心里删除") is None  # gap of 6 exceeded
    assert en.search("You may withdraw your consent.") is not None
    assert en.search("You may withdrawal of consent") is not None  # prefix
    assert en.search("withdraw money; consent") is None  # no crossing a semicolon


def test_chinese_cues_match_characters_not_jieba_tokens() -> None:
    cues = compile_cues(["个人信息"], "zh")

    assert cues.search("个人信息处理者应当公开处理规则") is not None  # jieba: 个人/信息处理/者


def test_pattern_file_is_valid_and_complete() -> None:
    book = load_patterns("policy-patterns.yaml")

    assert len(book.keys(("elements",))) == 21
    assert len(book.keys(("pi_categories",))) == 19
