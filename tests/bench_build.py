"""CPU time of a warm ``make build`` against a bare Material build of the same pages.

The warm build is ``mkdocs build --strict --clean`` of this project with its caches filled (the
pinned Pyodide, the bytecode, the compressed copies), as a second ``make build`` runs: content
validation, macros, both languages, the search indexes and every post-build step.

The bare build is what MkDocs with Material alone makes of the same pages: each page's Markdown as
the macros rendered it (captured once, from a build of this project, by a hook that runs after the
macros), English at the root and Norwegian under ``nb/`` as in the real site, with the rest of
``docs/`` (stylesheets, scripts) beside them; built with the Material theme (no ``overrides/``),
the same Markdown extensions, stylesheets and scripts, and Material's search, the plugin every
Material site has (MkDocs adds it when ``plugins`` is unset); no other plugin, no hooks, no nav
(MkDocs lists the pages itself).

CPU time is user + system time of the build process and its children (``RUSAGE_CHILDREN``), the
median of ``BENCH_RUNS`` runs of each (default 5) after one unmeasured run of each, in turn, so
both see the same load on a shared machine. Prints one JSON object. Run: ``make bench-build``.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.utils.yaml import yaml_load

from tests.support.site import LANGUAGES, ROOT

RUNS = int(os.environ.get("BENCH_RUNS", "5"))
BARE_KEYS = (
    "site_name",
    "use_directory_urls",
    "copyright",
    "markdown_extensions",
    "extra_css",
    "extra_javascript",
)
"""What the bare build keeps of ``mkdocs.yml``; its theme is Material's, without our overrides."""

CAPTURE_HOOK = """
from pathlib import Path
from mkdocs.plugins import event_priority

OUT = Path({out!r})
PREFIXES = {prefixes!r}


@event_priority(-100)
def on_page_markdown(markdown, page, config, files):
    source = page.file.src_uri
    for code, prefix in PREFIXES.items():
        if prefix and page.url.startswith(prefix):
            source = prefix + source.replace(f".{{code}}.md", ".md")
    target = OUT / source
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(markdown, encoding="utf-8")
    return markdown
"""


def _project_config() -> dict:
    with (ROOT / "mkdocs.yml").open(encoding="utf-8") as file:
        return yaml_load(file)


def _capture_pages(work: Path) -> Path:
    """A docs folder of every page's Markdown after the macros, and the rest of ``docs/``."""
    docs = work / "docs"
    shutil.copytree(ROOT / "docs", docs, ignore=shutil.ignore_patterns("*.md"))
    hook = work / "capture.py"
    prefixes = {language.code: language.prefix for language in LANGUAGES}
    hook.write_text(CAPTURE_HOOK.format(out=str(docs), prefixes=prefixes), encoding="utf-8")
    hooks = [str(ROOT / path) for path in _project_config()["hooks"]]
    config = load_config(
        str(ROOT / "mkdocs.yml"), site_dir=str(work / "captured"), hooks=[*hooks, str(hook)]
    )
    config.plugins.on_startup(command="build", dirty=False)
    build(config)
    config.plugins.on_shutdown()
    return docs


def _bare_config(work: Path, docs: Path) -> Path:
    real = _project_config()
    theme = {key: value for key, value in real["theme"].items() if key != "custom_dir"}
    bare = {key: real[key] for key in BARE_KEYS if key in real}
    bare |= {"docs_dir": str(docs), "theme": theme, "plugins": ["search"]}
    path = work / "bare.yml"
    path.write_text(yaml.safe_dump(bare, allow_unicode=True), encoding="utf-8")
    return path


def _cpu_seconds(command: list[str]) -> float:
    """User + system CPU of ``command`` and its children, which must succeed."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True, text=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    with tempfile.TemporaryDirectory(prefix="bench-build-") as scratch:
        work = Path(scratch)
        bare_config = _bare_config(work, _capture_pages(work))
        mkdocs = [sys.executable, "-m", "mkdocs", "build", "--quiet", "--clean"]
        commands = {
            "warm": [*mkdocs, "--strict", "--site-dir", str(work / "site")],
            "bare": [*mkdocs, "--config-file", str(bare_config), "--site-dir", str(work / "bare")],
        }
        times: dict[str, list[float]] = {name: [] for name in commands}
        for run in range(RUNS + 1):
            for name, command in commands.items():
                seconds = _cpu_seconds(command)
                if run:
                    times[name].append(round(seconds, 3))
    warm, bare = (statistics.median(times[name]) for name in commands)
    print(
        json.dumps(
            {
                "warm_build_cpu_s": round(warm, 3),
                "bare_build_cpu_s": round(bare, 3),
                "ratio": round(warm / bare, 2),
                "runs": RUNS,
                "warm_runs": times["warm"],
                "bare_runs": times["bare"],
            }
        )
    )


if __name__ == "__main__":
    main()
