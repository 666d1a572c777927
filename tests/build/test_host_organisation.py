"""The accessibility statement names where feedback goes: the organisation publishing the copy
fills in its name and contact at build time, and until then the page says so plainly."""

from __future__ import annotations

import html
from pathlib import Path

from tests.support.site import ROOT, mkdocs_build

HOST = {"GUIDE_HOST_NAME": "Eksempel kommune", "GUIDE_HOST_CONTACT": "the service desk, room 101"}


def text_of(site: Path, page: str) -> str:
    return html.unescape((site / page / "index.html").read_text(encoding="utf-8"))


def test_without_a_host_the_statement_says_who_to_ask_honestly(site: Path) -> None:
    statement = text_of(site, "accessibility")
    assert "Feedback goes to the organisation that hosts this copy of the guide." in statement
    assert "has not yet been\ngiven a contact address" in statement


def test_the_host_fills_in_its_name_and_contact_at_build_time(tmp_path: Path) -> None:
    result = mkdocs_build(ROOT, tmp_path / "site", env=HOST)
    assert result.returncode == 0, result.stderr
    statement = text_of(tmp_path / "site", "accessibility")
    assert "published by <strong>Eksempel kommune</strong>" in statement
    assert "Contact <strong>Eksempel kommune</strong>: the service desk, room 101." in statement
    assert "has not yet been" not in statement
    assert "Ask Eksempel kommune how long" in text_of(tmp_path / "site", "privacy")
