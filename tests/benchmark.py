"""Time to first result: the matrix calculator page against a bare page that only runs ``1+1``.

Both boot the same vendored Pyodide in a module worker from the same local server under a
sub-path. Cold = a fresh browser profile on disk (empty HTTP cache, as a person's first visit);
warm = a reload in that profile a moment after the first result (a repeat visit, not a double
click: the page may finish what it does after its first result). An on-disk profile matters: an
in-memory context does not keep a file as large as ``pyodide.asm.wasm`` in its HTTP cache, which
no real visitor would see. Service workers are blocked, so warm measures the HTTP cache alone, as
on a plain-http intranet.
The calculator page opens with its answers already chosen (as a restored session would), so its
first result appears as soon as Python is ready. Prints medians and the ratios calculator/bare;
the last line is one JSON object. Run: ``make bench`` (``BENCH_RUNS`` sets the runs, default 5).
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import BrowserContext, sync_playwright

from sitebuild.mkdocs_hooks import PYODIDE_DIR
from sitebuild.static_server import serving
from tests.support.chromium import launch_profile
from tests.support.site import ROOT, mkdocs_build

RUNS = int(os.environ.get("BENCH_RUNS", "5"))
TIMEOUT_MS = 120_000
SETTLE_MS = 2_000
CALCULATOR = "tools/matrix/"
BARE = "__bench__/bare.html"

BARE_HTML = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Bare Pyodide</title></head>
<body><p id="out">starting</p><script type="module" src="bare.mjs"></script></body></html>
"""

# A file, not inline: the server sends the site's Content-Security-Policy here too.
BARE_SCRIPT = """
const worker = new Worker(new URL("bare-worker.mjs", import.meta.url), {type: "module"});
worker.onmessage = ({data}) => {
  document.getElementById("out").textContent = data;
  window.__firstResult = performance.now();
};
"""

BARE_WORKER = f"""
const base = new URL("../{PYODIDE_DIR}/", import.meta.url);
const {{loadPyodide}} = await import(new URL("pyodide.mjs", base).href);
const pyodide = await loadPyodide({{
  indexURL: base.href, lockFileURL: new URL("pyodide-lock.json", base).href, stdout: () => {{}},
}});
self.postMessage(String(pyodide.runPython("1+1")));
"""

# Answers chosen before Python is ready; the first result is when the result area fills.
CALCULATOR_INIT = """
document.addEventListener("DOMContentLoaded", () => {
  const form = document.querySelector("form[data-calculator]");
  if (!form) return;
  form.querySelector('input[name="planning"][value="together"]').checked = true;
  form.querySelector('input[name="production"][value="together"]').checked = true;
  const result = document.querySelector(".guide-result");
  new MutationObserver((_, observer) => {
    window.__firstResult = performance.now();
    observer.disconnect();
  }).observe(result, {childList: true});
});
"""


def _first_result_ms(context: BrowserContext, url: str) -> tuple[float, float]:
    """Cold then warm time from navigation start to first result, in one context."""
    page = context.new_page()
    times = []
    for load in (page.goto, lambda _: page.reload()):
        load(url)
        page.wait_for_function("() => window.__firstResult !== undefined", timeout=TIMEOUT_MS)
        times.append(page.evaluate("window.__firstResult"))
        page.wait_for_timeout(SETTLE_MS)
    page.close()
    return times[0], times[1]


def _prepare_site(directory: Path) -> Path:
    site = directory / "site"
    result = mkdocs_build(ROOT, site)
    if result.returncode != 0:
        sys.exit(result.stderr)
    bench = site / "__bench__"
    bench.mkdir()
    (bench / "bare.html").write_text(BARE_HTML, encoding="utf-8")
    (bench / "bare.mjs").write_text(BARE_SCRIPT, encoding="utf-8")
    (bench / "bare-worker.mjs").write_text(BARE_WORKER, encoding="utf-8")
    return site


def main() -> None:
    samples: dict[str, list[float]] = {"bare_cold": [], "bare_warm": [], "cold": [], "warm": []}
    with tempfile.TemporaryDirectory() as scratch, sync_playwright() as playwright:
        site = _prepare_site(Path(scratch))
        with serving(site) as base_url:
            for run in range(RUNS):
                for key, path, init in (("bare", BARE, None), ("", CALCULATOR, CALCULATOR_INIT)):
                    context = launch_profile(playwright, Path(tempfile.mkdtemp(dir=scratch)))
                    if init:
                        context.add_init_script(init)
                    cold, warm = _first_result_ms(context, base_url + path)
                    context.close()
                    samples[f"{key}_cold".lstrip("_")].append(cold)
                    samples[f"{key}_warm".lstrip("_")].append(warm)
                print(
                    f"run {run + 1}/{RUNS}: "
                    + ", ".join(f"{name} {values[-1]:.0f} ms" for name, values in samples.items()),
                    flush=True,
                )
    medians = {name: statistics.median(values) for name, values in samples.items()}
    summary = {
        "cold_ratio": round(medians["cold"] / medians["bare_cold"], 3),
        "warm_ratio": round(medians["warm"] / medians["bare_warm"], 3),
        "cold_ms": round(medians["cold"]),
        "warm_ms": round(medians["warm"]),
        "bare_cold_ms": round(medians["bare_cold"]),
        "bare_warm_ms": round(medians["bare_warm"]),
        "runs": RUNS,
    }
    print(
        f"median first result: calculator cold {summary['cold_ms']} ms, warm "
        f"{summary['warm_ms']} ms; bare Pyodide cold {summary['bare_cold_ms']} ms, warm "
        f"{summary['bare_warm_ms']} ms; ratios cold {summary['cold_ratio']}, "
        f"warm {summary['warm_ratio']}"
    )
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
