"""Time to first result: each calculator page against a bare page that only runs ``1+1``.

All boot the same vendored Pyodide in a module worker from the same local server under a
sub-path. Cold = a fresh browser profile on disk (empty HTTP cache, as a person's first visit);
warm = a reload in that profile a moment after the first result (a repeat visit, not a double
click: the page may finish what it does after its first result). An on-disk profile matters: an
in-memory context does not keep a file as large as ``pyodide.asm.wasm`` in its HTTP cache, which
no real visitor would see. Service workers are blocked, so warm measures the HTTP cache alone, as
on a plain-http intranet.
A calculator page opens with a few answers already given (as a restored session would), so its
first result appears as soon as Python is ready. Prints medians and the ratios calculator/bare
per calculator; the last line is one JSON object whose ``cold_ratio`` and ``warm_ratio`` are the
slowest calculator's. Run: ``make bench`` (``BENCH_RUNS`` sets the runs, default 5).
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

# Answers given before Python is ready, by CSS selector: true checks a box, a string is typed.
ANSWERS = {
    "matrix": {
        'input[name="planning"][value="together"]': True,
        'input[name="production"][value="together"]': True,
    },
    "assessment": {
        'input[name="role"][value="municipality"]': True,
        '.guide-statement input[value="4"]': True,
    },
    "soimpact": {"#input-problem": "Young adults in our district are left outside work."},
}
CALCULATOR_INIT = """
document.addEventListener("DOMContentLoaded", () => {
  const form = document.querySelector("form[data-calculator]");
  if (!form) return;
  for (const [selector, value] of Object.entries(ANSWERS)) {
    const field = form.querySelector(selector);
    if (value === true) field.checked = true;
    else field.value = value;
  }
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


def _pages() -> dict[str, tuple[str, str | None]]:
    """What is timed: the bare page, then each calculator with its answers given at load."""
    pages: dict[str, tuple[str, str | None]] = {"bare": (BARE, None)}
    for tool, answers in ANSWERS.items():
        init = f"const ANSWERS = {json.dumps(answers)};\n{CALCULATOR_INIT}"
        pages[tool] = (f"tools/{tool}/", init)
    return pages


def _summary(samples: dict[str, dict[str, list[float]]]) -> dict[str, object]:
    medians = {
        name: {load: statistics.median(values) for load, values in times.items()}
        for name, times in samples.items()
    }
    bare = medians.pop("bare")
    tools = {
        tool: {
            "cold_ratio": round(times["cold"] / bare["cold"], 3),
            "warm_ratio": round(times["warm"] / bare["warm"], 3),
            "cold_ms": round(times["cold"]),
            "warm_ms": round(times["warm"]),
        }
        for tool, times in medians.items()
    }
    return {
        "cold_ratio": max(tool["cold_ratio"] for tool in tools.values()),
        "warm_ratio": max(tool["warm_ratio"] for tool in tools.values()),
        "bare_cold_ms": round(bare["cold"]),
        "bare_warm_ms": round(bare["warm"]),
        "tools": tools,
        "runs": RUNS,
    }


def main() -> None:
    pages = _pages()
    samples = {name: {"cold": [], "warm": []} for name in pages}
    with tempfile.TemporaryDirectory() as scratch, sync_playwright() as playwright:
        site = _prepare_site(Path(scratch))
        with serving(site) as base_url:
            for run in range(RUNS):
                for name, (path, init) in pages.items():
                    context = launch_profile(playwright, Path(tempfile.mkdtemp(dir=scratch)))
                    if init:
                        context.add_init_script(init)
                    cold, warm = _first_result_ms(context, base_url + path)
                    context.close()
                    samples[name]["cold"].append(cold)
                    samples[name]["warm"].append(warm)
                print(
                    f"run {run + 1}/{RUNS}: "
                    + ", ".join(
                        f"{name} {times['cold'][-1]:.0f}/{times['warm'][-1]:.0f} ms"
                        for name, times in samples.items()
                    )
                    + " (cold/warm)",
                    flush=True,
                )
    summary = _summary(samples)
    print(
        f"median first result, bare Pyodide: cold {summary['bare_cold_ms']} ms, "
        f"warm {summary['bare_warm_ms']} ms"
    )
    for tool, figures in summary["tools"].items():
        print(
            f"  {tool}: cold {figures['cold_ms']} ms (ratio {figures['cold_ratio']}), "
            f"warm {figures['warm_ms']} ms (ratio {figures['warm_ratio']})"
        )
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
