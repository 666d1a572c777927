"""The shipped server configurations say what ``sitebuild.policy`` says."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from sitebuild.policy import CONTENT_SECURITY_POLICY, LONG_LIVED, LONG_LIVED_CACHE, cache_control
from sitebuild.publish import BUNDLE_DIR, PYODIDE_DIR
from sitebuild.publish.service_worker import precache_url

DEPLOY = Path(__file__).resolve().parents[2] / "deploy"
IIS = ET.parse(DEPLOY / "iis.web.config").getroot()


@pytest.mark.parametrize("config", ["nginx.conf", "apache.htaccess"])
def test_nginx_and_apache_send_the_policy_and_cache_rule(config: str) -> None:
    text = (DEPLOY / config).read_text()
    assert f'"{CONTENT_SECURITY_POLICY}"' in text
    assert LONG_LIVED.pattern in text


@pytest.mark.parametrize(
    ("path", "long_lived"),
    [
        (f"/k/s/{PYODIDE_DIR}/pyodide.asm.wasm", True),
        (f"/k/s/{PYODIDE_DIR}/pyodide.asm.wasm.br", True),
        (f"/k/s/{BUNDLE_DIR}/calculators.0123456789ab.zip", True),
        ("/k/s/assets/javascripts/bundle.a5f9d56c.min.js", True),
        ("/k/s/assets/stylesheets/main.57a0d79d.min.css.gz", True),
        ("/k/s/", False),
        ("/k/s/tools/matrix/index.html", False),
        ("/k/s/assets/js/calculator/calculator.js", False),
        ("/k/s/search/search_index.json", False),
        ("/k/s/sw.js", False),
        ("/k/s/site-files.json", False),
    ],
)
def test_only_versioned_files_are_cached_for_long(path: str, long_lived: bool) -> None:
    assert (cache_control(path) == LONG_LIVED_CACHE) is long_lived


def test_iis_maps_the_types_pyodide_needs() -> None:
    maps = {m.get("fileExtension"): m.get("mimeType") for m in IIS.iter("mimeMap")}
    assert maps[".wasm"] == "application/wasm"
    assert maps[".mjs"] == "text/javascript"
    assert maps[".json"] == "application/json"
    assert maps[".zip"] == maps[".whl"] == "application/zip"
    removed = {r.get("fileExtension") for r in IIS.iter("remove") if r.get("fileExtension")}
    assert removed == set(maps)  # no duplicate-entry error where the server defines one


def test_iis_sends_the_policy_and_caches_versioned_folders_for_long() -> None:
    headers = {h.get("name"): h.get("value") for h in IIS.iter("add") if h.get("name")}
    assert headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
    assert headers["X-Content-Type-Options"] == "nosniff"
    locations = {loc.get("path"): loc.find(".//clientCache") for loc in IIS.iter("location")}
    assert set(locations) == {PYODIDE_DIR.split("/")[0], BUNDLE_DIR}
    for cache in locations.values():
        assert cache.get("cacheControlMode") == "UseMaxAge"
        assert cache.get("cacheControlMaxAge") == "365.00:00:00"
    default = IIS.find("system.webServer/staticContent/clientCache")
    assert default.get("cacheControlMode") == "DisableCache"


def test_pages_are_precached_under_the_address_a_browser_asks_for() -> None:
    assert precache_url("index.html") == "./"
    assert precache_url("tools/matrix/index.html") == "tools/matrix/"
    assert precache_url("assets/css/site.css") == "assets/css/site.css"
