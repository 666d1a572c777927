"""What a server sends for one path of the site, as a browser asks for it and acts on it.

Used to show that the servers send alike: the same status, the same bytes once the transfer
encoding is undone, and the same headers among those that change what a browser does with a
response (its type, the policy, sniffing, isolation, the service worker's scope).
"""

from __future__ import annotations

import gzip
import http.client
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import brotli

ACCEPT_ENCODING = "gzip, deflate, br, zstd"
"""What Chromium asks for: each server may choose a precompressed copy."""
BEHAVIOUR = (
    "content-type",
    "content-security-policy",
    "x-content-type-options",
    "cross-origin-opener-policy",
    "cross-origin-embedder-policy",
    "cross-origin-resource-policy",
    "permissions-policy",
    "referrer-policy",
    "service-worker-allowed",
    "x-frame-options",
    "content-disposition",
    "location",
)
"""Headers that change what a browser does with a response; the others (dates, lengths, caching
validators, the server's name) change only when it asks again."""
PRECOMPRESSED = (".br", ".gz")
SERVER_FILES = {".htaccess", "web.config"}
"""The shipped server configurations, beside the pages for the server to read; no page asks."""


@dataclass(frozen=True)
class Served:
    status: int
    headers: dict[str, str]
    """The ``BEHAVIOUR`` headers sent, by lower-case name, with spaces and case of the media
    type's parameters made alike ("text/html; charset=UTF-8" = "text/html;charset=utf-8")."""
    body: bytes
    """As the browser reads it, after the content encoding."""


def _decoded(body: bytes, encoding: str | None) -> bytes:
    if encoding == "br":
        return brotli.decompress(body)
    if encoding == "gzip":
        return gzip.decompress(body)
    assert encoding in {None, "identity"}, f"unexpected content encoding {encoding}"
    return body


def _alike(name: str, value: str) -> str:
    return value.replace(" ", "").lower() if name == "content-type" else value


class Server:
    """One connection to a server, kept open for many requests (as a browser keeps it)."""

    def __init__(self, base_url: str) -> None:
        url = urlsplit(base_url)
        self.prefix = url.path
        self._connection = http.client.HTTPConnection(url.netloc, timeout=60)

    def get(self, path: str) -> Served:
        """``path`` (from the site's root) as this server sends it; redirects not followed."""
        self._connection.request(
            "GET", self.prefix + path, headers={"Accept-Encoding": ACCEPT_ENCODING}
        )
        response = self._connection.getresponse()
        body = _decoded(response.read(), response.getheader("content-encoding"))
        headers = {
            name: _alike(name, value)
            for name in BEHAVIOUR
            if (value := response.getheader(name)) is not None
        }
        return Served(response.status, headers, body)

    def close(self) -> None:
        self._connection.close()


def file_for(site: Path, path: str) -> Path | None:
    """The file of ``site`` a request for ``path`` (from the site's root) names, if any: a
    folder's ``index.html`` for a path that ends in '/'."""
    if "?" in path or "#" in path or ".." in path.split("/"):
        return None
    file = site / (path + "index.html" if path == "" or path.endswith("/") else path)
    return file if file.is_file() else None


def site_paths(site: Path) -> list[str]:
    """Every path a page can ask for: each file of the site (not the precompressed copies a
    server picks by itself, nor its configuration), and each page by its folder, as links name
    it."""
    paths = []
    for file in sorted(site.rglob("*")):
        if not file.is_file() or file.name in SERVER_FILES:
            continue
        if file.suffix in PRECOMPRESSED and file.with_suffix("").is_file():
            continue
        path = file.relative_to(site).as_posix()
        paths.append(path)
        if file.name == "index.html":
            paths.append(path.removesuffix("index.html"))
    return paths
