"""The analyzer on a batch: bad documents become problems, the others complete."""

from __future__ import annotations

from pathlib import Path

from policy_helpers import analyze_policies

FIXTURES = Path(__file__).resolve().parents[1] / "documents" / "fixtures"
LABELLED = Path(__file__).parent / "labelled"


def test_bad_inputs_do_not_stop_the_batch(tmp_path: Path) -> None:
    for name in ("empty_privacy.txt", "scanned_privacy.pdf", "entity_bomb_privacy.docx",
                 "gbk_privacy.txt", "garbled_privacy.txt"):
        (tmp_path / name).write_bytes((FIXTURES / name).read_bytes())
    (tmp_path / "zh_news_privacy.txt").write_bytes(
        (LABELLED / "zh_news_privacy.txt").read_bytes())

    results = analyze_policies(sorted(tmp_path.iterdir()), tmp_path)

    outcome = {r.artifact.rel: (r.facts is not None, [p.message for p in r.problems])
               for r in results}
    assert outcome == {
        "empty_privacy.txt": (False, ["the document is empty"]),
        "entity_bomb_privacy.docx": (False, [
            "word/document.xml declares a DTD or entities; refused because entity expansion "
            "can exhaust memory (a crafted DOCX?)"]),
        "garbled_privacy.txt": (False, [
            "the text is garbled (mojibake: 3 replacement characters such as '锟斤拷'); it was "
            "decoded with the wrong encoding before it was saved. Re-export it from the "
            "original as UTF-8"]),
        "gbk_privacy.txt": (True, []),
        "scanned_privacy.pdf": (False, [
            "the PDF has no text layer (a scanned document?); run OCR on it or supply the "
            "policy as text, HTML or DOCX"]),
        "zh_news_privacy.txt": (True, []),
    }
    gbk = next(r.facts for r in results if r.artifact.rel == "gbk_privacy.txt")
    assert (gbk.encoding, gbk.pi_collected, gbk.pi_denied) == (
        "gb18030", ("location",), ("contacts",))


def test_facts_to_dict_is_json_ready() -> None:
    import json

    results = analyze_policies([LABELLED / "zh_news_privacy.txt"], LABELLED)
    data = results[0].facts.to_dict()  # type: ignore[union-attr]

    assert json.loads(json.dumps(data, ensure_ascii=False)) == data
    assert data["elements"]["right_deletion"] == {"status": "absent", "mentions": []}
    assert data["elements"]["right_correction"]["mentions"][0]["line"] == 20
    assert data["sdks"][0]["name"] == "个推推送"
    assert data["sdks"][0]["sdk_ids"] == ["getui-push"]
    assert data["pi_collected"] == ["device_id", "account", "network"]
    assert data["source"] == "zh_news_privacy.txt"


def test_policy_url_is_fetched_and_lines_point_into_the_html() -> None:
    import functools
    import threading
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    from scanner.analyzers.base import AnalysisContext
    from scanner.analyzers.policy import PolicyAnalyzer
    from scanner.models import Artifact

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            return

    handler = functools.partial(Quiet, directory=str(LABELLED))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{httpd.server_address[1]}/zh_game_privacy.html"
        artifact = Artifact(Path(url), url, "policy")  # click's Path collapses the "//"
        result = PolicyAnalyzer().analyze([artifact], AnalysisContext(root=Path(".")))[0]
    finally:
        httpd.shutdown()
        httpd.server_close()

    assert result.problems == ()
    facts = result.facts
    assert facts.element("controller_identity").first.line == 15  # type: ignore[union-attr]
    assert facts.element("account_cancellation").status == "negative"  # type: ignore[union-attr]
