"""Fetching policies over http(s) from a local server on 127.0.0.1 (no outside network)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from scanner.documents import DocumentError, load_document

PAGE = "<html><body><main><h1>隐私政策</h1><p>我们会收集您的位置信息。</p></main></body></html>"


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 (http.server naming)
        routes = {
            "/policy": (200, "text/html; charset=utf-8", PAGE.encode()),
            "/missing": (404, "text/html", b"not here"),
            "/binary": (200, "application/octet-stream", bytes(range(256))),
            "/big": (200, "text/plain", b"x" * 5000),
        }
        if self.path == "/slow":
            time.sleep(1.5)
            self._send(200, "text/plain", b"late")
        elif self.path == "/to-file":
            self.send_response(302)
            self.send_header("Location", "file:///etc/passwd")
            self.end_headers()
        elif self.path == "/hop":
            self.send_response(301)
            self.send_header("Location", "/policy")
            self.end_headers()
        else:
            self._send(*routes.get(self.path, (404, "text/plain", b"?")))

    def _send(self, status: int, content_type: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        return


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_html_page_is_fetched_and_parsed(server: str) -> None:
    document = load_document(f"{server}/policy")

    assert document.kind == "html"
    assert document.text == "# 隐私政策\n我们会收集您的位置信息。"


def test_http_redirect_is_followed(server: str) -> None:
    assert load_document(f"{server}/hop").text == "# 隐私政策\n我们会收集您的位置信息。"


@pytest.mark.parametrize(("path", "message"), [
    ("/missing", "HTTP 404 Not Found"),
    ("/binary", "the server sent application/octet-stream, not a document (expected HTML, "
                "text, PDF or DOCX)"),
    ("/to-file", "refused a redirect to a non-http URL (file:///etc/passwd)"),
])
def test_bad_responses(server: str, path: str, message: str) -> None:
    with pytest.raises(DocumentError) as caught:
        load_document(f"{server}{path}")

    assert str(caught.value) == f"{server}{path}: {message}"


def test_size_cap(server: str) -> None:
    with pytest.raises(DocumentError) as caught:
        load_document(f"{server}/big", max_bytes=1000)

    assert str(caught.value) == f"{server}/big: 5000 bytes is larger than the 1000-byte limit"


def test_timeout(server: str) -> None:
    with pytest.raises(DocumentError) as caught:
        load_document(f"{server}/slow", timeout=0.3)

    assert str(caught.value) == f"{server}/slow: timed out after 0.3 s"


def test_unreachable_host_says_offline() -> None:
    with pytest.raises(DocumentError, match=r"^http://127\.0\.0\.1:9/p: cannot connect "
                                            r"\(offline, or the host is unreachable\)"):
        load_document("http://127.0.0.1:9/p")
