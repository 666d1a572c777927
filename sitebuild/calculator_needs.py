"""What each calculator page needs from the server, listed in ``site-files.json``.

The server self-check page fetches these files and compares them with the build, so the person
who installs the guide sees, tool by tool, whether a calculator can work: its page in each
language, the stylesheets and scripts the pages load (with the modules they import and the
workers they start) and the calculators' Python code. Pyodide itself has a check of its own.
"""

from __future__ import annotations

import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path

MODULE_REFERENCE = re.compile(
    r"""\bfrom\s*["']([^"']+)["']"""  # import { x } from "./x.js"
    r"""|\bimport\s*\(\s*["']([^"']+)["']"""  # import("./x.js")
    # new URL("worker.mjs", import.meta.url), or document.currentScript.src in a classic script
    r"""|\bnew\s+URL\(\s*["']([^"']+)["']\s*,\s*(?:import\.meta\.url|document\.currentScript\.src)"""
)
SCRIPTS = (".js", ".mjs")


class _CalculatorPage(HTMLParser):
    """The calculator form, the page's first heading, and the files the page loads."""

    def __init__(self) -> None:
        super().__init__()
        self.tool: str | None = None
        self.bundle = ""
        self.title = ""
        self.loads: list[str] = []
        self._in_title = False
        self._in_link = False
        self._titled = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {name: value or "" for name, value in attrs}
        if tag == "form" and "data-calculator" in found:
            self.tool, self.bundle = found["data-calculator"], found.get("data-bundle", "")
        elif tag == "script" and found.get("src"):
            self.loads.append(found["src"])
        elif tag == "link" and found.get("rel") == "stylesheet":
            self.loads.append(found.get("href", ""))
        elif tag == "h1" and not self._titled:
            self._in_title = True
        elif tag == "a":
            self._in_link = True  # the heading's permalink sign is not part of its title

    def handle_endtag(self, tag: str) -> None:
        if tag == "h1" and self._in_title:
            self._in_title, self._titled = False, True
        elif tag == "a":
            self._in_link = False

    def handle_data(self, data: str) -> None:
        if self._in_title and not self._in_link:
            self.title += data


def _site_path(base: str, reference: str) -> str:
    """``reference`` as written in the file at ``base``, as a path from the site root."""
    return posixpath.normpath(posixpath.join(posixpath.dirname(base), reference))


def _with_modules(site: Path, scripts: list[str]) -> list[str]:
    """``scripts`` and every script of the site they import or start as a worker."""
    found: list[str] = []
    waiting = list(scripts)
    while waiting:
        path = waiting.pop(0)
        if path in found:
            continue
        found.append(path)
        code = (site / path).read_text(encoding="utf-8")
        for match in MODULE_REFERENCE.finditer(code):
            target = _site_path(path, next(group for group in match.groups() if group))
            if target.endswith(SCRIPTS) and (site / target).is_file():
                waiting.append(target)
    return found


def _by_depth(index: Path) -> tuple[int, str]:
    """The default language's page (at the root, not under a language folder) first."""
    return len(index.parts), index.as_posix()


def calculator_needs(site: Path) -> list[dict[str, object]]:
    """Per calculator: its tool, its title (in the default language), its pages (one per
    language) and the files they need, each once."""
    needs: dict[str, dict] = {}
    for index in sorted(site.rglob("index.html"), key=_by_depth):
        html = index.read_text(encoding="utf-8")
        if "data-calculator" not in html:
            continue  # no form: spare every reading page the slow pure-Python HTML parser
        page = index.relative_to(site).as_posix()
        parser = _CalculatorPage()
        parser.feed(html)
        if parser.tool is None:
            continue
        loads = [_site_path(page, reference) for reference in parser.loads]
        scripts = _with_modules(site, [path for path in loads if path.endswith(SCRIPTS)])
        files = [page, *(path for path in loads if path not in scripts), *scripts, parser.bundle]
        first = {"tool": parser.tool, "title": parser.title.strip(), "pages": [], "files": []}
        entry = needs.setdefault(parser.tool, first)
        entry["pages"].append(page.removesuffix("index.html"))
        entry["files"] += [path for path in files if path not in entry["files"]]
    return sorted(needs.values(), key=lambda entry: entry["tool"])
