"""Time to first result: each calculator page against a bare page that only runs ``1+1``.

All boot the same vendored Pyodide in a module worker from the same local server under a sub-path:
``BENCH_SERVER`` is ``nginx`` (the default: Debian's nginx with the shipped configuration, as an
intranet would serve the site), ``apache``, or ``test-server`` (the tests' small Python server,
slow to answer the many requests a page makes at once). The bare page loads Pyodide's standard
library as Pyodide publishes it, source only; the site ships it with bytecode
(``sitebuild/bytecode.py``). ``BENCH_BARE=site`` gives the bare page the site's copy, to measure
what the calculator pages add to that Pyodide. Cold = a fresh browser profile on disk (empty HTTP
cache, as a person's first visit); warm = a reload in that profile a moment after the first result
(a repeat visit, not a double click: the page may finish what it does after its first result). An
on-disk profile matters: an in-memory context does not keep a file as large as ``pyodide.asm.wasm``
in its HTTP cache, which no real visitor would see. Service workers are blocked, so warm measures
the HTTP cache alone, as on a plain-http intranet. A calculator page opens with a few answers
already given (as a restored session would), so its first result appears as soon as Python is
ready. Each calculator visit is paired with a bare visit right next to it (in turn before and after
it), and its ratios are the median of the pairs' ratios: on a shared machine the load changes from
one minute to the next, and a pair sees the same load. Prints medians per calculator; the last line
is one JSON object whose ``cold_ratio`` and ``warm_ratio`` are the slowest calculator's. Run:
``make bench`` (``BENCH_RUNS`` sets the pairs per calculator, default 5).
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import BrowserContext, Playwright, sync_playwright

from sitebuild.bytecode import STDLIB
from sitebuild.npm import PYODIDE, vendored
from sitebuild.publish import PYODIDE_DIR
from sitebuild.static_server import DEFAULT_PREFIX
from tests.support.chromium import launch_profile
from tests.support.servers import SERVERS
from tests.support.site import ROOT, mkdocs_build, worker_paths

RUNS = int(os.environ.get("BENCH_RUNS", "5"))
SERVER = os.environ.get("BENCH_SERVER", "nginx")
BARE_STDLIB = os.environ.get("BENCH_BARE", "stock")
TIMEOUT_MS = 120_000
SETTLE_MS = 2_000
BARE = "__bench__/bare.html"
Visit = dict[str, float]
"""Time to first result in ms, by load: ``cold`` and ``warm``."""
Pair = tuple[Visit, Visit]
"""A calculator visit and the bare visit next to it."""

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
  stdLibURL: new URL("python_stdlib.zip", import.meta.url).href,
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
    stdlib = vendored(PYODIDE) / STDLIB
    if BARE_STDLIB == "site":
        stdlib = site / worker_paths(site)["stdlib"]
    shutil.copyfile(stdlib, bench / STDLIB)
    (bench / "bare.html").write_text(BARE_HTML, encoding="utf-8")
    (bench / "bare.mjs").write_text(BARE_SCRIPT, encoding="utf-8")
    (bench / "bare-worker.mjs").write_text(BARE_WORKER, encoding="utf-8")
    return site


def _calculators() -> dict[str, tuple[str, str]]:
    """Each calculator's page and the init script that gives its answers at load."""
    return {
        tool: (f"tools/{tool}/", f"const ANSWERS = {json.dumps(answers)};\n{CALCULATOR_INIT}")
        for tool, answers in ANSWERS.items()
    }


def _visit(playwright: Playwright, scratch: str, url: str, init: str | None) -> Visit:
    """Cold and warm first result in a fresh on-disk profile."""
    context = launch_profile(playwright, Path(tempfile.mkdtemp(dir=scratch)))
    if init:
        context.add_init_script(init)
    cold, warm = _first_result_ms(context, url)
    context.close()
    return {"cold": cold, "warm": warm}


def _figures(pairs: list[Pair]) -> dict[str, float]:
    """A calculator's median times, and the median of its ratios to the bare visit paired."""
    figures: dict[str, float] = {}
    for load in ("cold", "warm"):
        ratios = [page[load] / bare[load] for page, bare in pairs]
        figures[f"{load}_ratio"] = round(statistics.median(ratios), 3)
        figures[f"{load}_ms"] = round(statistics.median(page[load] for page, _ in pairs))
    return figures


def _summary(bare: list[Visit], visits: dict[str, list[Pair]]) -> dict[str, object]:
    tools = {tool: _figures(pairs) for tool, pairs in visits.items()}
    return {
        "cold_ratio": max(figures["cold_ratio"] for figures in tools.values()),
        "warm_ratio": max(figures["warm_ratio"] for figures in tools.values()),
        "bare_cold_ms": round(statistics.median(visit["cold"] for visit in bare)),
        "bare_warm_ms": round(statistics.median(visit["warm"] for visit in bare)),
        "tools": tools,
        "runs": RUNS,
        "server": SERVER,
        "bare_stdlib": BARE_STDLIB,
    }


def main() -> None:
    if SERVER not in SERVERS:
        sys.exit(f"BENCH_SERVER must be one of {', '.join(SERVERS)}, not {SERVER!r}")
    if BARE_STDLIB not in {"stock", "site"}:
        sys.exit(f"BENCH_BARE must be stock or site, not {BARE_STDLIB!r}")
    calculators = _calculators()
    bare: list[Visit] = []
    visits: dict[str, list[Pair]] = {tool: [] for tool in calculators}
    with tempfile.TemporaryDirectory() as scratch, sync_playwright() as playwright:
        site = _prepare_site(Path(scratch))
        with SERVERS[SERVER](site, DEFAULT_PREFIX) as base_url:
            for run in range(RUNS):
                for tool, (path, init) in calculators.items():
                    order = [(BARE, None), (path, init)]
                    if run % 2:
                        order.reverse()
                    found = {
                        page: _visit(playwright, scratch, base_url + page, script)
                        for page, script in order
                    }
                    bare.append(found[BARE])
                    visits[tool].append((found[path], found[BARE]))
                    print(
                        f"run {run + 1}/{RUNS}: {tool} {found[path]['cold']:.0f}/"
                        f"{found[path]['warm']:.0f} ms, bare {found[BARE]['cold']:.0f}/"
                        f"{found[BARE]['warm']:.0f} ms (cold/warm)",
                        flush=True,
                    )
    summary = _summary(bare, visits)
    print(
        f"server: {SERVER}; median first result, bare Pyodide ({BARE_STDLIB} standard library): "
        f"cold {summary['bare_cold_ms']} ms, warm {summary['bare_warm_ms']} ms"
    )
    for tool, figures in summary["tools"].items():
        print(
            f"  {tool}: cold {figures['cold_ms']} ms (ratio {figures['cold_ratio']}), "
            f"warm {figures['warm_ms']} ms (ratio {figures['warm_ratio']})"
        )
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
