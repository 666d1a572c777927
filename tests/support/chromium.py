"""Debian's Chromium, started so that it makes no request of its own to the outside world."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Browser, BrowserContext, Playwright

EXECUTABLE = "/usr/bin/chromium"
ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    # Any host but loopback fails to resolve: a request that leaves the machine cannot succeed.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
)


def launch(playwright: Playwright) -> Browser:
    return playwright.chromium.launch(executable_path=EXECUTABLE, args=list(ARGS))


def launch_profile(playwright: Playwright, profile: Path) -> BrowserContext:
    """A browser with an on-disk profile, as a person has: its HTTP cache keeps large files.

    A context from ``launch().new_context()`` keeps its HTTP cache in memory and does not store a
    file as large as ``pyodide.asm.wasm`` (9.6 MB), so a reload there fetches it again. Service
    workers are blocked: this profile measures what the HTTP cache alone does.
    """
    return playwright.chromium.launch_persistent_context(
        str(profile), executable_path=EXECUTABLE, args=list(ARGS), service_workers="block"
    )
