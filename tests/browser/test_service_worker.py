"""Offline after the first visit: with the service worker installed, the server is stopped and
the guide's pages still open, in either language, and every calculator still computes; a new
release takes over only once no page of the old one is open; a release built with the offline
copy switched off removes it from the browser."""

from __future__ import annotations

import contextlib
import shutil
import socket
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from playwright.sync_api import Browser, Error, Page, expect

from sitebuild.publish import PYODIDE_DIR
from sitebuild.publish.manifest import write_manifest
from sitebuild.publish.service_worker import write_service_worker
from sitebuild.static_server import serving
from tests.support.calculators import FIRST_RESULT, calculator_pages
from tests.support.servers import free_port
from tests.support.site import ROOT, mkdocs_build
from tests.support.waiting import eventually

CACHE_PREFIX = "samskaping-guide-"
INSTALLED = "navigator.serviceWorker.ready.then((registration) => Boolean(registration.active))"
GUIDE_CACHES = f"caches.keys().then((names) => names.filter((n) => n.startsWith('{CACHE_PREFIX}')))"
# What browsers do on navigation and at least daily; asked for here so the test need not wait.
CHECK_FOR_UPDATE = (
    "navigator.serviceWorker.getRegistration().then((found) => found?.update()).catch(() => {})"
)
WAITING = "navigator.serviceWorker.getRegistration().then((found) => Boolean(found?.waiting))"
ACTIVATED = """navigator.serviceWorker.getRegistration("%s")
  .then((found) => Boolean(found?.active) && !found.waiting && !found.installing)"""
NEW_MARK = " (new release)"
SWITCHED_OFF = f"""(async () => navigator.serviceWorker.controller === null
  && (await navigator.serviceWorker.getRegistrations()).length === 0
  && (await {GUIDE_CACHES}).length === 0)()"""


def check_for_update(page: Page) -> None:
    with contextlib.suppress(Error):  # the new worker may already be reloading the page
        page.evaluate(CHECK_FOR_UPDATE)


def install_offline_copy(page: Page, url: str) -> None:
    page.goto(url)
    assert page.evaluate(INSTALLED)
    assert len(page.evaluate(GUIDE_CACHES)) == 1


@pytest.fixture
def next_release(site: Path, tmp_path: Path) -> Path:
    """The site with one page changed, finished as the build finishes a release."""
    release = tmp_path / "next"
    shutil.copytree(site, release)
    page = release / "about/index.html"
    page.write_text(page.read_text().replace("</h1>", f"{NEW_MARK}</h1>", 1))
    for copy in page.parent.glob("index.html.*"):
        copy.unlink()
    write_service_worker(release, write_manifest(release, PYODIDE_DIR), enabled=True)
    return release


@pytest.fixture(scope="module")
def site_without_offline(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site_dir = tmp_path_factory.mktemp("site-offline-off")
    with pytest.MonkeyPatch.context() as environment:
        environment.setenv("GUIDE_OFFLINE", "false")
        result = mkdocs_build(ROOT, site_dir)
    assert result.returncode == 0, result.stderr
    return site_dir


def test_pages_the_switcher_and_every_calculator_work_with_the_server_gone(
    site: Path, browser: Browser
) -> None:
    context = browser.new_context()
    page = context.new_page()
    with serving(site) as url:
        install_offline_copy(page, url)
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", urlsplit(url).port), timeout=1)  # server gone
    page.goto(url + "values/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    page.locator("a[data-language=nb]").click()  # to the address the offline copy holds
    expect(page).to_have_url(url + "nb/values/")
    expect(page.locator("html")).to_have_attribute("lang", "nb")
    calculators = calculator_pages(site)
    assert set(calculators.values()) == set(FIRST_RESULT)
    for path, tool in calculators.items():
        page.goto(url + path)
        FIRST_RESULT[tool](page)
    context.close()


def test_a_new_release_takes_over_once_the_old_pages_are_closed(
    site: Path, next_release: Path, browser: Browser
) -> None:
    context = browser.new_context()
    page = context.new_page()
    port = free_port()
    with serving(site, port=port) as url:
        install_offline_copy(page, url)
    [old_cache] = page.evaluate(GUIDE_CACHES)
    with serving(next_release, port=port) as url:
        page.goto(url + "about/")  # the old release's worker answers, and finds the new one
        assert NEW_MARK not in page.locator("h1").inner_text()
        check_for_update(page)
        eventually(page, WAITING)
        page.reload()  # still the old release: it stays in charge while its page is open
        assert NEW_MARK not in page.locator("h1").inner_text()
        page.close()  # no page of the old release is open any more
        page = context.new_page()
        # Outside the guide, so that no page of it is open while the new release takes over: a
        # page of the guide opened at once may still find the old release in charge.
        page.goto(urljoin(url, "/"))
        eventually(page, ACTIVATED % url)
        page.goto(url + "about/")
        eventually(
            page,
            f"{GUIDE_CACHES}.then((names) => names.length === 1 && names[0] !== '{old_cache}')",
        )
        page.reload()
        assert NEW_MARK in page.locator("h1").inner_text()
    context.close()


def test_a_release_without_offline_copy_removes_it(
    site: Path, site_without_offline: Path, browser: Browser
) -> None:
    assert "registration.unregister()" in (site_without_offline / "sw.js").read_text()
    assert "offline.js" not in (site_without_offline / "index.html").read_text()
    context = browser.new_context()
    page = context.new_page()
    port = free_port()
    with serving(site, port=port) as url:
        install_offline_copy(page, url)
    with serving(site_without_offline, port=port) as url:
        page.reload()
        check_for_update(page)
        eventually(page, SWITCHED_OFF)
        page.goto(url + "about/")
        assert page.evaluate(SWITCHED_OFF)
    context.close()
