"""HTML ingest: only the article text is scanned, every offset still points into the raw file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from factlint.checker.ingest import html_scan, parse_document, read_document

ARTICLE = Path(__file__).parent.parent / "fixtures" / "tricky" / "article.html"


def visible(doc) -> str:
    return " ".join(doc.scan.split())


def test_scripts_styles_navigation_and_banners_are_blanked():
    doc = read_document(ARTICLE, "article.html")
    seen = visible(doc)
    for furniture in ("dataLayer", "margin", "cookies", "Accept all", "March 2026", "Top 10",
                      "since 1887", "Shared 2,431", "Related", "Harbour Road"):
        assert furniture not in seen, furniture
    assert "The port authority said on Tuesday" in seen
    assert "Harbour expansion to cost" in seen  # the article's own header stays


def test_offsets_of_the_scan_point_into_the_raw_file():
    doc = read_document(ARTICLE, "article.html")
    assert len(doc.scan) == len(doc.text)
    for i, ch in enumerate(doc.scan):
        if ch.isalnum():
            assert doc.text[i] == ch, (i, ch)


def test_entities_stay_in_the_text_and_read_as_what_they_stand_for():
    doc = read_document(ARTICLE, "article.html")
    start = doc.text.index("&euro;1.2&nbsp;billion")
    end = start + len("&euro;1.2&nbsp;billion")
    assert doc.text[start:end] == "&euro;1.2&nbsp;billion"
    assert doc.scan[start:end].split() == ["€", "1.2", "billion"]
    pct = doc.text.index("15&#37;")
    assert doc.scan[pct:pct + 3] == "15%"


def test_metadata_from_the_page():
    doc = read_document(ARTICLE, "article.html")
    assert doc.title == "Harbour expansion to cost €1.2bn"
    assert (doc.published, doc.published_from) == (dt.date(2026, 3, 4), "front matter")
    assert doc.lang == "en"


def test_without_article_element_the_body_text_is_kept():
    text = "<html><body><nav>Home 1</nav><p>Der Umsatz stieg auf 3&nbsp;Mio. Euro.</p><script>x=5</script></body></html>"
    scan, _ = html_scan(text)
    assert " ".join(scan.split()) == "Der Umsatz stieg auf 3 Mio. Euro."


def test_block_elements_end_lines_in_the_scan():
    scan, _ = html_scan("<p>Erster Satz mit 5</p><p>zweiter mit 6<br>dritter mit 7</p>")
    assert [line.strip() for line in scan.split("\n") if line.strip()] == [
        "Erster Satz mit 5", "zweiter mit 6", "dritter mit 7"]


def test_unknown_html_lang_falls_back_to_detection():
    doc = parse_document("<html lang='fr'><body><p>Der Umsatz ist gestiegen und die Firma ist froh.</p></body></html>",
                         "a.html", "html")
    assert (doc.lang, doc.lang_from) == ("de", "detected")


def test_unclosed_and_stray_tags_do_not_break_the_scan():
    text = "<div class='nav'><p>Menu 1<article><p>Kurs 12,5 Euro</div></i><p>Ende"
    scan, _ = html_scan(text)
    assert len(scan) == len(text)


def test_claims_take_whole_character_references():
    from factlint.checker.extract import extract
    from factlint.rules.loader import load_pack

    doc = read_document(ARTICLE, "article.html")
    surfaces = [c.surface for c in extract(doc, load_pack("en"))]
    assert "15&#37;" in surfaces and "&euro;1.2&nbsp;billion" in surfaces


def test_entity_end_moves_past_a_reference_it_cuts():
    from factlint.checker.ingest import entity_end

    text = "up 15&#37; and 3&nbsp;m"
    assert entity_end(text, text.index("&#37;") + 1) == text.index(" and")
    assert entity_end(text, text.index(" and")) == text.index(" and")


def test_a_paragraph_wrapped_in_the_source_is_one_line_of_the_scan():
    text = "<p>The terminal will cost\n  about 15 percent more\r\n than planned.</p>\n<p>Next.</p><pre>a\nb</pre>"
    scan, _ = html_scan(text)
    lines = [line.strip() for line in scan.split("\n") if line.strip()]
    assert lines[0].split() == "The terminal will cost about 15 percent more than planned.".split()
    assert lines[1:] == ["Next.", "a", "b"]


def test_published_from_json_ld_or_the_first_time_element():
    ld = '<script type="application/ld+json">{"datePublished": "2026-04-02T06:00:00+02:00"}</script>'
    assert html_scan(f"<html><head>{ld}</head><body><p>Text.</p></body></html>")[1]["published"] == dt.date(2026, 4, 2)
    page = '<p>Von A. B., <time datetime="2026-04-03T08:00">3. April</time></p><p><time datetime="2026-05-01">1. Mai</time></p>'
    assert html_scan(page)[1]["published"] == dt.date(2026, 4, 3)
    meta = '<meta name="date" content="2026-04-01">'
    assert html_scan(meta + page)[1]["published"] == dt.date(2026, 4, 1)


def test_a_no_break_space_reference_groups_digits():
    from factlint.checker.extract import extract
    from factlint.rules.loader import load_pack

    text = '<html lang="de"><body><p>Die Sanierung kostet 2&nbsp;500 Euro pro Wohnung.</p></body></html>'
    doc = parse_document(text, "a.html", "html")
    [claim] = extract(doc, load_pack("de"))
    assert (claim.surface, claim.kind, claim.value, claim.unit) == ("2&nbsp;500 Euro", "money", 2500.0, "EUR")
    assert text[claim.start:claim.end] == claim.surface
