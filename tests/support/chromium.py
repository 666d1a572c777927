"""Debian's Chromium, started so that it makes no request of its own to the outside world."""

from __future__ import annotations

from playwright.sync_api import Browser, Playwright

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
