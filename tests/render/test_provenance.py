"""Every reading format names each side's outlet, title, date and URL ("published date unknown"
where it is)."""

from __future__ import annotations

import json

import pytest

from factlint.checker.pipeline import Options, check
from factlint.checker.render import render

A = """---
title: Nordkap investiert
source: Hafenblatt
published: 2026-02-03
url: https://hafenblatt.example/nordkap
---
Die Reederei Nordkap investiert 1,6 Milliarden Euro in neue Schiffe.
"""

B = """---
title: Nordkap orders ships
source: Harbour Wire
---
The shipping line Nordkap will invest €1.9bn in new ships.
"""

SIDE_A = "Hafenblatt · “Nordkap investiert” · 2026-02-03 · https://hafenblatt.example/nordkap"
SIDE_B = "Harbour Wire · “Nordkap orders ships” · published date unknown"


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    root = tmp_path_factory.mktemp("nordkap")
    (root / "a.md").write_text(A, encoding="utf-8")
    (root / "b.md").write_text(B, encoding="utf-8")
    r = check([root], Options())
    assert any(f.kind == "conflict" for f in r.findings)
    return r


@pytest.mark.parametrize("fmt", ["full", "github", "junit", "html"])
def test_each_side_is_named_by_outlet_title_date_and_url(report, fmt):
    text = render(report, fmt)
    if fmt == "html":
        text = text.replace("&quot;", '"').replace("<a href=\"https://hafenblatt.example/nordkap\" rel=\"noopener noreferrer\">", "").replace("</a>", "")
    assert SIDE_A in text and SIDE_B in text


def test_sarif_locations_name_their_article(report):
    locations = [loc["message"]["text"] for run in json.loads(render(report, "sarif"))["runs"]
                 for res in run["results"] for loc in res["locations"]]
    assert any(SIDE_A in m for m in locations) and any(SIDE_B in m for m in locations)


def test_findings_carry_their_story(report):
    assert {f.story for f in report.findings} == {"Nordkap investiert"}
