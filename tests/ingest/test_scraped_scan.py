"""Leftovers of scraping in the scan: references written out as text, terminal control
sequences, zero-width characters. The scan keeps the text's length and offsets."""

from __future__ import annotations

import pytest

from factlint.checker.ingest import parse_document


def scan_of(text: str, fmt: str = "txt") -> str:
    doc = parse_document(text, f"example.{fmt}", fmt, lang="en")
    assert len(doc.scan) == len(doc.text)
    return doc.scan


@pytest.mark.parametrize("fmt", ["txt", "md"])
def test_references_written_out_as_text_read_as_what_they_stand_for(fmt):
    scan = scan_of("The fee was 5&nbsp;000 dollars, or &#8364;4&nbsp;600.", fmt)
    assert " ".join(scan.split()) == "The fee was 5 000 dollars, or € 4 600."
    assert scan.count("\u00a0") == 2  # a no-break space, as in an HTML scan: digit groups stay one number


def test_prose_with_an_ampersand_stays_as_written():
    assert scan_of("R&D spending at AT&T and Q&A;") == "R&D spending at AT&T and Q&A;"


@pytest.mark.parametrize("leftover", ["&#x1b;[2J", "&#27;[0;31m", "\x1b[2J", "\\x1b[1;32m", "\\033[0m", "^[[4K"])
def test_terminal_control_sequences_are_blanked(leftover):
    scan = scan_of(f"Cleared {leftover} the screen.")
    assert scan.split() == ["Cleared", "the", "screen."]


def test_terminal_control_sequence_in_html_is_blanked():
    doc = parse_document("<p>Cleared &#x1b;[2J the screen.</p>", "a.html", "html", lang="en")
    assert doc.scan.split() == ["Cleared", "the", "screen."]


def test_zero_width_characters_stay_inside_numbers_and_are_spaces_elsewhere():
    scan = scan_of("Some 1,\u200b180 flights\u200b and \u206012\u2060 trains \ufeff2\ufeff500 buses.")
    assert scan.split() == ["Some", "1,\u200b180", "flights", "and", "12", "trains", "2\ufeff500", "buses."]


def test_tags_left_in_a_plain_text_are_blanked():
    scan = scan_of('Die Halle<br/> <img src="a.jpg" width="640"> kostet 5 Euro.</p> Wenn a < 5 und b > 3.')
    assert " ".join(scan.split()) == "Die Halle kostet 5 Euro. Wenn a < 5 und b > 3."


@pytest.mark.parametrize("fmt", ["txt", "html"])
def test_references_escaped_twice_hide_no_number(fmt):
    text = "Es kostet &amp;#8364;5 und &amp;nbsp;mehr."
    doc = parse_document(f"<p>{text}</p>" if fmt == "html" else text, f"a.{fmt}", fmt, lang="de")
    assert " ".join(doc.scan.split()) == "Es kostet € 5 und mehr."


@pytest.mark.parametrize("fmt, text", [
    ("md", "Tern flew past the asteroid at 2,300 km.\n\nRelated: Five asteroid missions to watch in 2027\n"),
    ("txt", "Der Zug fuhr mit 120 km/h.\n\n**Mehr zum Thema:** 12 Tipps für die Bahnreise\n"),
    ("html", "<p>Der Zug fuhr mit 120 km/h.</p><p>Lesen Sie auch: 7 Fragen zur Bahnreform</p>"),
])
def test_a_teaser_line_of_another_article_states_no_fact(fmt, text):
    doc = parse_document(text, "a." + fmt, fmt)
    assert not any(word in doc.scan for word in ("Five", "12 Tipps", "7 Fragen"))
    assert any(figure in doc.scan for figure in ("2,300", "120"))


def test_a_sentence_that_merely_contains_a_teaser_word_stays():
    doc = parse_document("Analysts watch: shares rose 4% on the related news.\n", "a.txt", "txt")
    assert "4%" in doc.scan
