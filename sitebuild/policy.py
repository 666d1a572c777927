"""What every server of the site must send: MIME types, caching and Content-Security-Policy.

One source for the test server (``static_server``) and for the shipped server configurations in
``deploy/``, which a test holds to these same values.
"""

from __future__ import annotations

import re

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; "
    # Pyodide compiles WebAssembly; no inline script (the theme's are moved into files).
    "script-src 'self' 'wasm-unsafe-eval'; "
    "worker-src 'self'; "
    # The theme's icons are SVG data: URLs in its stylesheet.
    "img-src 'self' data:; "
    "object-src 'none'; "
    "base-uri 'self'; "
    "form-action 'self'; "
    "frame-ancestors 'self'"
)

LONG_LIVED = re.compile(r"(/pyodide/[0-9][^/]*/|\.[0-9a-f]{8,}\.(min\.)?(js|css|zip))[^/]*$")
"""Paths whose content never changes under the same name: Pyodide lives under its version, and
the calculators zip and the theme's bundles carry a content hash in their names."""

LONG_LIVED_CACHE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"
"""Everything else (pages, search index, our own scripts): the browser asks the server each time
whether its copy is still current, so a new version of the site shows at once."""


def cache_control(path: str) -> str:
    """The ``Cache-Control`` value for a request path."""
    return LONG_LIVED_CACHE if LONG_LIVED.search(path) else REVALIDATE
