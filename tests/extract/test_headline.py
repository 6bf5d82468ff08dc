"""The title is a headline mention: claimed where the headline stands (the body's first line
when it repeats the title, else the title in the front matter), so a headline figure can be
compared with the figures of other articles."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from factlint.checker.extract import extract
from factlint.checker.ingest import parse_document
from factlint.checker.pipeline import check
from factlint.rules.loader import load_pack


def claims(text: str, name: str, lang: str | None = None):
    doc = parse_document(text, name, name.rsplit(".", 1)[1], lang=lang)
    return doc, extract(doc, load_pack(doc.lang))


@pytest.mark.parametrize("name,text,surface", [
    ("a.txt", "---\ntitle: Stadt zahlt 12 Millionen Euro für die Brücke\nlang: de\n---\n"
              "Die Stadt baut eine Brücke über den Fluss.\n", "12 Millionen Euro"),
    ("a.md", "---\ntitle: \"Council pays $3 million for the bridge\"\nlang: en\n---\n\n"
             "The council is building a bridge over the river.\n", "$3 million"),
    ("a.md", "+++\ntitle = 'Rat zahlt 4 Millionen Euro'\nlang = 'de'\n+++\nDer Rat baut eine Brücke.\n",
     "4 Millionen Euro"),
])
def test_a_title_the_body_does_not_repeat_is_claimed_in_the_front_matter(name, text, surface):
    doc, found = claims(text, name)
    [c] = [c for c in found if c.surface == surface]
    assert c.headline and c.line == 2 and c.sentence == doc.title
    assert text[c.start:c.end] == surface
    assert all(not c.headline for c in found if c is not found[0])


@pytest.mark.parametrize("name,text,lang", [
    ("a.md", "---\ntitle: Stadt zahlt 12 Millionen Euro\n---\n\n# Stadt zahlt 12 Millionen Euro\n\n"
             "Die Stadt zahlt 12 Millionen Euro für die Brücke.\n", "de"),
    ("a.txt", "---\ntitle: Council pays $3 million\npublished: 2026-03-02\n---\nCouncil pays $3 million\n\n"
              "The council pays $3 million for the bridge.\n", "en"),
    ("a.html", "<html><head><title>Council pays $3 million | Example Post</title></head><body><article>"
               "<h1>Council pays $3 million</h1><p>The council pays $3 million for the bridge.</p></article></body></html>",
     "en"),
])
def test_a_title_the_body_repeats_is_claimed_once_where_the_body_states_it(name, text, lang):
    doc, found = claims(text, name, lang)
    money = [c for c in found if c.kind == "money"]
    assert [c.headline for c in money] == [True, False]
    assert money[0].start >= doc.body_start and money[0].sentence == doc.title.split(" | ")[0]


@pytest.mark.parametrize("name,text,lang", [
    ("a.md", "---\ntitle: Stadt zahlt 12 Millionen Euro für die neue Brücke\n---\n\n# Brücke: 12 Millionen Euro vom Rat\n\n"
             "Die Stadt zahlt 12 Millionen Euro für die Brücke.\n", "de"),
    ("a.txt", "---\ntitle: Council pays $3 million for the new bridge\n---\nBridge deal: council pays $3 million\n\n"
              "The council pays $3 million for the bridge.\n", "en"),
])
def test_a_heading_of_the_body_worded_otherwise_is_the_headline_and_the_title_is_not_claimed(name, text, lang):
    doc, found = claims(text, name, lang)
    money = [c for c in found if c.kind == "money"]
    assert [c.headline for c in money] == [True, False]
    assert all(c.start >= doc.body_start for c in found)


@pytest.mark.parametrize("lang,title,other", [
    ("de", "Stadt zahlt 12 Millionen Euro für neue Brücke über den Fluss",
     "Die Stadt Talheim zahlt 15 Millionen Euro für eine neue Brücke über den Fluss, beschloss der Rat."),
    ("en", "Talheim pays 12 million euros for new river bridge",
     "The town of Talheim will pay 15 million euros for a new bridge over the river, the council decided."),
])
def test_a_headline_figure_is_compared_with_the_other_articles(tmp_path, lang, title, other):
    body = "Der Rat stimmte zu." if lang == "de" else "The council agreed."
    (tmp_path / "a.txt").write_text(f"---\ntitle: \"{title}\"\npublished: 2026-03-02\nlang: {lang}\n---\n\n{body}\n",
                                    encoding="utf-8")
    (tmp_path / "b.txt").write_text(f"---\npublished: 2026-03-02\nlang: {lang}\n---\n{other}\n", encoding="utf-8")
    report = check([tmp_path])
    conflicts = [f for f in report.findings if f.kind == "conflict"]
    surfaces = {c.surface for f in conflicts for c in report.claims if c.id in f.claims}
    scale = "Millionen Euro" if lang == "de" else "million euros"
    assert {f"12 {scale}", f"15 {scale}"} <= surfaces


def test_extract_jsonl_says_which_claims_stand_in_the_headline():
    line = {"id": "d", "lang": "en", "published": None,
            "text": "---\ntitle: Council pays $3 million\n---\nThe council pays 4 million dollars.\n"}
    out = subprocess.run([sys.executable, "-m", "factlint.checker.cli", "extract", "--jsonl"], capture_output=True,
                         input=json.dumps(line).encode() + b"\n", timeout=120)
    claims_out = json.loads(out.stdout)["claims"]
    assert [(c["surface"], c["headline"]) for c in claims_out] == [("$3 million", True), ("4 million dollars", False)]


def test_a_page_headline_after_many_lines_of_markup_is_found():
    nav = "".join(f"<li><a href='/{k}'>Section</a></li>\n" for k in range(8))
    text = ("<html><head><title>Toll passes 40 | Example Post</title></head><body>\n<nav><ul>\n" + nav +
            "</ul></nav>\n<article>\n<h1>Toll passes 40</h1>\n<p>The toll rose to 43 on Monday.</p></article></body></html>")
    doc, found = claims(text, "a.html", "en")
    assert [(c.surface, c.headline) for c in found if c.kind == "number"] == [("40", True), ("43", False)]


@pytest.mark.parametrize("text,headline", [
    ("Bridge toll rises to 12 as divers search river\n\nThe toll rose to 12 on Monday, divers said.\n", True),
    ("The toll rose to 12 on Monday, divers said.\n\nThe search goes on.\n", False),
])
def test_a_plain_texts_first_line_standing_as_a_heading_is_its_headline(text, headline):
    doc, found = claims(text, "a.txt", "en")
    assert found[0].surface.endswith("12") and found[0].headline is headline
