"""Sections, paragraphs and sentences with exact spans and lines."""

from __future__ import annotations

from scanner.documents import language_of, parse_text


def _outline(text: str) -> list[tuple[int, int | None, str, str, int]]:
    return [(s.level, s.parent, s.number, s.heading, s.line) for s in parse_text(text).sections]


def test_chinese_legal_numbering_nests() -> None:
    text = ("第一章 总则\n第一条 为了保护个人信息，制定本规则。\n第二条 本规则适用于：\n"
            "（一）注册用户；\n（二）访客。\n第二章 权利\n第三条 您有权查阅。\n")

    assert _outline(text) == [
        (1, None, "第一章", "总则", 1),
        (2, 0, "第一条", "", 2),
        (2, 0, "第二条", "", 3),
        (3, 2, "（一）", "", 4),
        (3, 2, "（二）", "", 5),
        (1, None, "第二章", "权利", 6),
        (2, 5, "第三条", "", 7),
    ]


def test_policy_numbering_and_markdown_headings() -> None:
    text = ("# 隐私政策\n\n一、我们收集的信息\n（一）注册\n1. 手机号码用于注册。\n1.1 细则说明。\n"
            "(a) 第一项。\n## Rights\n\nArticle 5. You may access your data.\n")

    assert _outline(text) == [
        (1, None, "#", "隐私政策", 1),
        (2, 0, "一、", "我们收集的信息", 3),
        (3, 1, "（一）", "注册", 4),
        (4, 2, "1.", "", 5),
        (5, 3, "1.1", "", 6),
        (6, 4, "(a)", "", 7),
        (2, 0, "##", "Rights", 8),
        (3, 6, "Article 5.", "", 10),
    ]


def test_short_list_items_are_body_text_but_toc_entries_are_headings() -> None:
    text = ("目录\n一、收集\n二、权利\n\n一、收集\n我们收集手机号。\n二、权利\n您享有以下权利：\n"
            "1. 访问\n2. 删除\n")
    document = parse_text(text)

    assert [(s.number, s.heading) for s in document.sections] == [
        ("", ""), ("一、", "收集"), ("二、", "权利"), ("一、", "收集"), ("二、", "权利"),
        ("1.", ""), ("2.", ""),
    ]
    assert [s.text for _, s in document.sentences()] == [
        "目录", "我们收集手机号。", "您享有以下权利：", "1. 访问", "2. 删除",
    ]


def test_english_sentences_survive_abbreviations_and_enumerators() -> None:
    text = ("We may share data (a) with processors, e.g. hosting providers; (b) with "
            "authorities. See Art. 15 GDPR. We respond within 30 days.\n"
            "Long lines are wrapped\nacross two lines. 2. Not a list here.\n")
    sentences = [(s.text, s.line, s.end_line) for _, s in parse_text(text).sentences()]

    assert sentences == [
        ("We may share data (a) with processors, e.g. hosting providers; (b) with authorities.",
         1, 1),
        ("See Art. 15 GDPR.", 1, 1),
        ("We respond within 30 days.", 1, 1),
        ("Long lines are wrapped\nacross two lines.", 2, 3),
        ("2. Not a list here.", 3, 3),
    ]


def test_spans_point_into_the_document_text() -> None:
    text = "# 标题\n\n我们收集位置。我们不会收集通讯录！\n"
    document = parse_text(text)

    for _, sentence in document.sentences():
        assert document.text[sentence.start:sentence.end] == sentence.text
        assert document.line_at(sentence.start) == sentence.line == 3
    assert [s.text for _, s in document.sentences()] == ["我们收集位置。", "我们不会收集通讯录！"]


def test_plain_headings_need_title_case_and_no_dates() -> None:
    text = "Your Rights\n\nYou may access data.\n\nEffective Date: 1 May 2024\n\nwe sell nothing\n"

    assert [(s.heading, s.line) for s in parse_text(text).sections] == [("Your Rights", 1)]


def test_language_per_section() -> None:
    document = parse_text("# 隐私政策\n我们收集您的设备标识（Android ID）。\n## Rights\nYou may "
                          "access your data.\n## 混合 Mixed\n我们 collect your data 用于服务。\n")

    assert [s.lang for s in document.sections] == ["zh", "en", "mixed"]
    assert document.lang == "mixed"
    assert language_of("1234 ---") == "und"
