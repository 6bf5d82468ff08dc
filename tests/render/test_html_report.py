"""`--format html`: one self-contained page, every text escaped, valid HTML."""

from __future__ import annotations

import re
import subprocess
import sys
from html.parser import HTMLParser

import html5lib
import pytest

from factlint.checker.decisions import DecisionStore, make_decision
from factlint.checker.pipeline import Options, check
from factlint.checker.render import render

A = """---
title: "Aktie <b>fällt</b> & Reederei investiert"
source: Hafenblatt <i>online</i>
published: 2026-02-03
url: "javascript:alert(1)"
---
Die Aktie der Reederei Nordkap schloss am Montag bei 135,80 Euro.

Die Reederei Nordkap investiert 1,6 Milliarden Euro in neue Schiffe.
"""

B = """---
title: Nordkap shares rise
source: Harbour Wire
published: 2026-02-04
url: https://harbour.example/nordkap
---
On Tuesday, Nordkap shares closed at €142.00.

The shipping line Nordkap will invest €1.9bn in new ships.
"""

NOTE = '<img src="https://tracker.example/x.png" onerror="alert(2)"> checked with the desk'


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    root = tmp_path_factory.mktemp("nordkap")
    (root / "a.txt").write_text(A, encoding="utf-8")
    (root / "b.txt").write_text(B, encoding="utf-8")
    report = check([root], Options())
    conflict = next(f for f in report.findings if f.kind == "conflict")
    store = DecisionStore.load(root / ".factlint" / "decisions.json")
    store.set(conflict.id, make_decision(conflict, report, "dismissed", NOTE, by="Rev"))
    store.save()
    return render(check([root], Options()), "html")


class Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def tags(page: str) -> list[tuple[str, dict]]:
    parser = Tags()
    parser.feed(page)
    return parser.tags


def test_page_loads_nothing_from_outside(page):
    assert "<script" not in page.lower() and "<link" not in page.lower() and "<img" not in page.lower()
    for tag, attrs in tags(page):
        assert "src" not in attrs and "srcset" not in attrs, tag
        assert not any(k.startswith("on") for k in attrs), (tag, attrs)
        if "href" in attrs:  # only an article's own address, to follow by hand
            assert tag == "a" and attrs["href"] == "https://harbour.example/nordkap"
    css = "".join(re.findall(r"<style>(.*?)</style>", page, re.S))
    assert "url(" not in css and "@import" not in css and "http" not in css


def test_article_markup_and_notes_are_escaped_and_a_script_url_is_not_a_link(page):
    assert "Aktie &lt;b&gt;fällt&lt;/b&gt; &amp; Reederei investiert" in page
    assert "Hafenblatt &lt;i&gt;online&lt;/i&gt;" in page
    assert "&lt;img src=&quot;https://tracker.example/x.png&quot;" in page
    assert "javascript:alert(1)" in page and 'href="javascript' not in page


def test_page_is_valid_html(page):
    html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(page)  # raises on any parse error


def test_each_finding_shows_both_sides_highlighted_with_provenance_explanation_and_decision(page):
    assert page.count('<article class="finding') == 2
    assert "<mark>1,6 Milliarden Euro</mark>" in page and "<mark>€1.9bn</mark>" in page
    assert "Harbour Wire · “Nordkap shares rise” · 2026-02-04" in page
    assert "tolerance 0 %" in page
    assert "Dismissed by Rev on " in page and "checked with the desk" in page


def test_a_drift_has_a_timeline_of_its_values_by_as_of_date(page):
    (svg,) = re.findall(r"<svg class=\"timeline\".*?</svg>", page, re.S)
    assert svg.count("<circle") == 2 and "2026-02-02" in svg and "2026-02-03" in svg and "€142.00" in svg


def test_findings_are_grouped_by_story_named_by_its_first_title(page):
    assert page.count("<section>") == 1 and "<h2>Aktie &lt;b&gt;fällt&lt;/b&gt; &amp; Reederei investiert</h2>" in page


def test_cli_writes_the_page(tmp_path):
    (tmp_path / "a.txt").write_text(A, encoding="utf-8")
    (tmp_path / "b.txt").write_text(B, encoding="utf-8")
    out = tmp_path / "report.html"
    run = subprocess.run([sys.executable, "-m", "factlint.checker.cli", "check", str(tmp_path), "--format", "html",
                          "-o", str(out)], capture_output=True, text=True)
    assert run.returncode == 1, run.stderr
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_every_figure_of_the_finding_in_a_sentence_is_highlighted_and_the_rest_escaped():
    from factlint.checker.render.html import highlighted
    from tests.compare.claims import claim, doc

    d = doc("a.md", "Der Konzern stellt <b>3 Mrd. Yuan</b> (431 Mio. US-Dollar) bereit.", "2026-02-02")
    source, converted = claim(d, "3 Mrd. Yuan", "money", 3e9, "CNY"), claim(d, "431 Mio. US-Dollar", "money", 431e6, "USD")
    assert highlighted(source, [converted, source]) == (
        "Der Konzern stellt &lt;b&gt;<mark>3 Mrd. Yuan</mark>&lt;/b&gt; (<mark>431 Mio. US-Dollar</mark>) bereit.")
