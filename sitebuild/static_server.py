"""A plain static file server for ``site/`` under a sub-path, as an intranet server would host it.

Used by the browser tests and the benchmark. It sends explicit MIME types (Pyodide needs
``application/wasm`` and JavaScript for ``.mjs``) instead of trusting the machine's table, and
the same caching and Content-Security-Policy as the shipped server configurations
(``sitebuild.policy``). A test can break it on purpose (``mime_types``, ``policy``) to see that
the server self-check page notices.
"""

from __future__ import annotations

import argparse
import functools
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

from sitebuild.policy import CONTENT_SECURITY_POLICY, cache_control

MIME_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".json": "application/json; charset=utf-8",
    ".map": "application/json; charset=utf-8",
    ".wasm": "application/wasm",
    ".zip": "application/zip",
    ".svg": "image/svg+xml; charset=utf-8",
    ".xml": "application/xml; charset=utf-8",
    ".gz": "application/gzip",
    ".txt": "text/plain; charset=utf-8",
}
DEFAULT_PREFIX = "/kommune/samskaping/"


class _Handler(SimpleHTTPRequestHandler):
    prefix = DEFAULT_PREFIX
    policy = CONTENT_SECURITY_POLICY
    extensions_map: ClassVar[dict[str, str]] = {"": "application/octet-stream", **MIME_TYPES}

    def translate_path(self, path: str) -> str:
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / "__outside_prefix__")
        return super().translate_path("/" + path[len(self.prefix) :])

    def end_headers(self) -> None:
        self.send_header("Cache-Control", cache_control(self.path.split("?")[0]))
        if self.policy:
            self.send_header("Content-Security-Policy", self.policy)
        self.send_header("X-Content-Type-Options", "nosniff")
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the tests record requests in the browser, where they are judged."""


@contextmanager
def serving(
    directory: Path,
    prefix: str = DEFAULT_PREFIX,
    port: int = 0,
    mime_types: dict[str, str] | None = None,
    policy: str = CONTENT_SECURITY_POLICY,
) -> Iterator[str]:
    """Serve ``directory`` at ``http://127.0.0.1:PORT{prefix}`` and yield that base URL.

    ``mime_types`` replaces entries of the MIME table; ``policy`` is the Content-Security-Policy
    sent ("" sends none).
    """
    attributes = {
        "prefix": prefix,
        "policy": policy,
        "extensions_map": {**_Handler.extensions_map, **(mime_types or {})},
    }
    handler = functools.partial(type("Handler", (_Handler,), attributes), directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    finally:
        server.shutdown()
        server.server_close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", type=Path, nargs="?", default=Path("site"))
    parser.add_argument("--prefix", default=DEFAULT_PREFIX)
    parser.add_argument("--port", type=int, default=8001)
    args = parser.parse_args()
    with serving(args.directory, args.prefix, args.port) as url:
        print(f"Serving {args.directory} at {url} (Ctrl+C to stop)", flush=True)
        threading.Event().wait()


if __name__ == "__main__":
    main()
