"""Loading documents of every supported format, and refusing bad ones with a clear message."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from scanner.documents import DocumentError, load_document, parse_bytes

FIXTURES = Path(__file__).parent / "fixtures"
ZH_TEXT = "隐私政策\n\n我们会收集您的位置信息，用于提供导航服务。\n我们不会收集您的通讯录。\n"


def test_gbk_file_is_detected_and_decoded() -> None:
    document = load_document(FIXTURES / "gbk_privacy.txt")

    assert document.encoding == "gb18030"
    assert document.text == ZH_TEXT * 3
    assert document.lang == "zh"


def test_utf16_file_with_bom() -> None:
    document = load_document(FIXTURES / "utf16_privacy.txt")

    assert document.encoding == "utf-16"
    assert document.text == ZH_TEXT


def test_utf8_read_as_latin1_is_repaired_with_a_warning() -> None:
    document = load_document(FIXTURES / "mojibake_privacy.txt")

    assert document.text == ZH_TEXT
    assert document.warnings == (
        f"{FIXTURES / 'mojibake_privacy.txt'}: the text was mojibake (UTF-8 read as Latin-1); "
        "repaired",
    )


@pytest.mark.parametrize(("name", "message"), [
    ("empty_privacy.txt", "the document is empty"),
    ("binary_privacy.txt", "the file is binary or in an unknown encoding, not text"),
    ("garbled_privacy.txt", "the text is garbled (mojibake: 3 replacement characters such as "
                            "'锟斤拷'); it was decoded with the wrong encoding before it was "
                            "saved. Re-export it from the original as UTF-8"),
    ("scanned_privacy.pdf", "the PDF has no text layer (a scanned document?); run OCR on it or "
                            "supply the policy as text, HTML or DOCX"),
    ("entity_bomb_privacy.docx", "word/document.xml declares a DTD or entities; refused because "
                                 "entity expansion can exhaust memory (a crafted DOCX?)"),
])
def test_bad_inputs_raise_a_user_ready_error(name: str, message: str) -> None:
    with pytest.raises(DocumentError) as caught:
        load_document(FIXTURES / name)

    assert str(caught.value) == f"{FIXTURES / name}: {message}"


def test_pdf_text_layer() -> None:
    document = load_document(FIXTURES / "text_privacy.pdf")

    assert document.kind == "pdf"
    assert document.text.splitlines() == [
        "Acme Privacy Policy", "Effective date: 1 May 2025",
        "We collect your email address to create your account.",
        "You can delete your account in Settings.",
    ]


def test_docx_keeps_headings_and_flattens_tables() -> None:
    document = load_document(FIXTURES / "sample_privacy.docx")

    assert document.text.splitlines() == [
        "# 示例隐私政策", "生效日期：2025年5月1日", "## 一、我们收集的信息",
        "我们会收集您的手机号码，用于注册账号。", "您可以在设置中注销账号。",
        "权限 | 目的", "相机权限 | 用于扫码",
    ]
    assert [s.heading for s in document.sections] == ["示例隐私政策", "一、我们收集的信息"]


def test_docx_zip_bomb_is_refused() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"<a/>" + b" " * (50 * 1024 * 1024))

    with pytest.raises(DocumentError, match="would unpack to 52428804 bytes"):
        parse_bytes(buffer.getvalue(), "docx", "bomb.docx")


def test_html_drops_navigation_and_keeps_headings_with_source_lines() -> None:
    html = (
        b"<!DOCTYPE html><html><head><title>t</title><script>var x = 1;</script></head>\n"
        b"<body><nav>Home | Login</nav><header>Logo</header>\n"
        b"<main><h1>Privacy</h1>\n<p>We collect your <b>email</b>.</p>\n"
        b"<ol><li>Access</li><li>Deletion &amp; more</li></ol>\n"
        b"<table><tr><td>Location</td><td>Maps</td></tr></table></main>\n"
        b"<footer>(c) Example</footer></body></html>\n"
    )
    document = parse_bytes(html, "html", "p.html")

    assert document.text.splitlines() == [
        "# Privacy", "We collect your email.", "1. Access", "2. Deletion & more",
        "Location | Maps",
    ]
    assert document.line_map == (3, 4, 5, 5, 6)
    assert document.source_line(2) == 4


def test_html_entities_from_a_dtd_are_not_expanded() -> None:
    html = (b'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY big "BIGBIGBIG">]>'
            b"<html><body><p>We collect &big; data.</p></body></html>")
    document = parse_bytes(html, "html", "x.html")

    assert "BIGBIGBIG" not in document.text


def test_twenty_megabyte_html_is_refused_by_size(tmp_path: Path) -> None:
    page = tmp_path / "huge_privacy.html"
    page.write_bytes(b"<html><body>" + b"<p>We collect data.</p>" * 900_000 + b"</body></html>")

    with pytest.raises(DocumentError) as caught:
        load_document(page)

    assert str(caught.value) == (
        f"{page}: {page.stat().st_size} bytes is larger than the 10485760-byte limit "
        "(raise policy.max_bytes in govgate.yaml if it really is one document)"
    )


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="cannot read: No such file or directory"):
        load_document(tmp_path / "nope.txt")


def test_markdown_front_matter_and_comments_keep_line_numbers() -> None:
    text = "---\ntitle: x\n---\n<!-- note\nmore -->\n# Policy\n\nWe collect your email.\n"
    document = parse_bytes(text.encode(), "md", "p.md")

    assert [(s.heading, s.line) for s in document.sections] == [("Policy", 6)]
    sentence = next(document.sentences())[1]
    assert (sentence.text, sentence.line) == ("We collect your email.", 8)
