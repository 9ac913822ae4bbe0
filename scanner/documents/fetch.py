"""Fetching a policy from an http(s) URL: bounded time and size, redirects checked by hand.

The only network access govgate makes, and only when the user names a URL.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

from scanner.documents.model import DocumentError

if TYPE_CHECKING:
    import requests

logger = logging.getLogger(__name__)

MAX_REDIRECTS = 5
CONNECT_TIMEOUT = 5.0
READ_TIMEOUT = 20.0
# Content types we can read, and the loader kind each becomes.
CONTENT_KINDS = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "text/plain": "txt",
    "text/markdown": "md",
    "text/x-markdown": "md",
    "application/pdf": "pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
}


@dataclass(frozen=True)
class Download:
    url: str
    kind: str
    data: bytes
    charset: str | None


def fetch(url: str, max_bytes: int, timeout: float = READ_TIMEOUT) -> Download:
    """The body of ``url`` after at most ``MAX_REDIRECTS`` http(s) redirects."""
    import requests

    current = url
    for _ in range(MAX_REDIRECTS + 1):
        _check_scheme(current, url)
        try:
            response = requests.get(current, timeout=(CONNECT_TIMEOUT, timeout), stream=True,
                                    allow_redirects=False,
                                    headers={"User-Agent": "govgate-policy-fetch/0.1"})
        except requests.Timeout as exc:
            raise DocumentError(f"{url}: timed out after {timeout:g} s") from exc
        except requests.ConnectionError as exc:
            raise DocumentError(
                f"{url}: cannot connect (offline, or the host is unreachable): {_reason(exc)}"
            ) from exc
        except requests.RequestException as exc:
            raise DocumentError(f"{url}: request failed: {exc}") from exc

        with response:
            if response.is_redirect:
                current = urljoin(current, response.headers.get("Location", ""))
                continue
            return _read(response, url, max_bytes)
    raise DocumentError(f"{url}: more than {MAX_REDIRECTS} redirects")


def _check_scheme(target: str, original: str) -> None:
    scheme = urlsplit(target).scheme.lower()
    if scheme not in {"http", "https"}:
        raise DocumentError(f"{original}: refused a redirect to a non-http URL ({target})")


def _read(response: requests.Response, url: str, max_bytes: int) -> Download:
    import requests

    if response.status_code >= 400:
        raise DocumentError(f"{url}: HTTP {response.status_code} {response.reason}")

    content_type = response.headers.get("Content-Type", "")
    mime = content_type.split(";")[0].strip().lower()
    kind = CONTENT_KINDS.get(mime)
    if kind is None:
        raise DocumentError(
            f"{url}: the server sent {mime or 'no content type'}, not a document "
            "(expected HTML, text, PDF or DOCX)"
        )

    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise DocumentError(f"{url}: {declared} bytes is larger than the {max_bytes}-byte limit")

    data = bytearray()
    try:
        for chunk in response.iter_content(chunk_size=65536):
            data.extend(chunk)
            if len(data) > max_bytes:
                raise DocumentError(f"{url}: larger than the {max_bytes}-byte limit")
    except requests.RequestException as exc:
        raise DocumentError(f"{url}: download interrupted: {_reason(exc)}") from exc

    return Download(url=url, kind=kind, data=bytes(data), charset=response.encoding)


def _reason(exc: Exception) -> str:
    text = str(exc)
    return text if len(text) < 200 else text[:200] + "…"
