"""Ingest: files → Documents, with offsets into the file as read and one-line errors."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from factlint.checker.errors import FactlintError
from factlint.checker.ingest import decode, detect_language, ingest, parse_document, read_document

FIXTURES = Path(__file__).parent.parent / "fixtures"
BAD = FIXTURES / "bad"
TRICKY = FIXTURES / "tricky"


def test_front_matter_is_blanked_but_offsets_kept():
    text = "---\ntitle: T\npublished: 2026-02-07\nlang: de\n---\nDer Umsatz: 3 Mio. Euro.\n"
    doc = parse_document(text, "a.md", "md")
    assert doc.published == dt.date(2026, 2, 7) and doc.published_from == "front matter"
    assert doc.lang == "de" and doc.lang_from == "front matter" and doc.title == "T"
    assert len(doc.scan) == len(doc.text)
    assert "title" not in doc.scan and doc.scan.index("Der") == doc.text.index("Der")


def test_front_matter_date_key_is_an_alias_for_published():
    doc = parse_document("---\ndate: 2026-01-05T10:00:00\n---\nText.\n", "a.md", "md")
    assert doc.published == dt.date(2026, 1, 5)


def test_front_matter_region_code_is_reduced_to_the_language():
    assert parse_document("---\nlang: de-AT\n---\nText.\n", "a.md", "md").lang == "de"


def test_bom_is_removed_and_offsets_count_from_after_it():
    doc = read_document(TRICKY / "bom.txt", "bom.txt")
    assert not doc.text.startswith("\ufeff")
    i = doc.text.index("812")
    assert doc.scan[i:i + 3] == "812" and doc.line_of(i) == 1
    assert doc.lang == "de"


def test_crlf_is_kept_and_lines_still_count():
    doc = read_document(TRICKY / "crlf.md", "crlf.md")
    assert "\r\n" in doc.text and len(doc.scan) == len(doc.text)
    i = doc.text.index("812")
    assert doc.line_of(i) == 8
    assert doc.published == dt.date(2026, 3, 2) and doc.title == "Stadtetat"
    assert "#" not in doc.scan  # the heading mark is markup, not text


def test_front_matter_typo_is_a_warning_and_other_keys_are_ignored():
    warnings: list[FactlintError] = []
    doc = read_document(TRICKY / "front-matter-typo.md", "t.md", warnings=warnings)
    assert doc.title == "Budget" and doc.published is None
    assert [str(w) for w in warnings] == ["t.md: front matter: unknown key 'publised' ignored (did you mean 'published'?)"]


@pytest.mark.parametrize("name, problem", [
    ("binary.txt", "binary file, not text"),
    ("latin1.txt", "not UTF-8 (byte 0xfc on line 1"),
    ("utf16.txt", "UTF-16 text"),
    ("front-matter-unclosed.md", "front matter: opening '---' without a closing '---'"),
    ("front-matter-bad-yaml.md", "front matter:"),
    ("front-matter-bad-date.md", "front matter: published: not an ISO date"),
    ("front-matter-list.md", "front matter: not a mapping"),
    ("front-matter-lang.md", "front matter: lang: no rule pack for language 'fr'"),
])
def test_bad_file_is_one_line_naming_file_and_problem(name, problem):
    with pytest.raises(FactlintError) as info:
        read_document(BAD / name, name)
    message = str(info.value)
    assert message.startswith(f"{name}: ") and problem in message
    assert "\n" not in message


def test_bad_files_do_not_stop_the_others():
    result = ingest([BAD, TRICKY / "bom.txt"])
    assert [d.path for d in result.documents] == ["bom.txt"]
    assert {e.path for e in result.errors} == {
        "binary.txt", "latin1.txt", "utf16.txt", "front-matter-unclosed.md", "front-matter-bad-yaml.md",
        "front-matter-bad-date.md", "front-matter-list.md", "front-matter-lang.md"}


def test_empty_article_is_skipped_with_a_warning_not_an_error():
    result = ingest([BAD / "empty.md", BAD / "blank.txt"])
    assert result.documents == [] and result.errors == []
    assert [str(w) for w in result.warnings] == [
        "empty.md: empty file, skipped (a warning, not an error)",
        "blank.txt: empty file, skipped (a warning, not an error)"]


@pytest.mark.parametrize("name", ["only-meta.md", "only-meta.txt"])
def test_front_matter_without_body_is_skipped_with_a_warning(tmp_path, name):
    path = tmp_path / name
    path.write_text("---\ntitle: Nur Kopf mit 5 Zahlen\nlang: de\n---\n", encoding="utf-8")
    warnings: list[FactlintError] = []
    assert read_document(path, name, warnings=warnings) is None
    assert [str(w) for w in warnings] == [f"{name}: no article text, skipped (a warning, not an error)"]


def test_unreadable_file_is_an_error(tmp_path):
    missing = tmp_path / "gone.txt"
    with pytest.raises(FactlintError, match=r"^gone.txt: cannot read"):
        read_document(missing, "gone.txt")


def test_permission_denied_is_an_error_and_the_others_go_on(tmp_path, monkeypatch):
    locked, fine = tmp_path / "locked.txt", tmp_path / "fine.txt"
    locked.write_text("Der Etat steigt um 4 Prozent.\n", encoding="utf-8")
    fine.write_text("Der Etat steigt um 5 Prozent.\n", encoding="utf-8")
    real = Path.read_bytes

    def read_bytes(self):
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    result = ingest([tmp_path])
    assert [d.path for d in result.documents] == ["fine.txt"]
    assert [str(e) for e in result.errors] == ["locked.txt: cannot read: Permission denied"]


def test_unlistable_folder_is_an_error_and_the_others_go_on(tmp_path, monkeypatch):
    import os

    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "a.txt").write_text("Der Etat steigt um 4 Prozent.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Der Etat steigt um 5 Prozent.\n", encoding="utf-8")
    real = os.scandir

    def scandir(path="."):
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    result = ingest([tmp_path])
    assert [d.path for d in result.documents] == ["b.txt"]
    assert [str(e) for e in result.errors] == [f"{tmp_path / 'locked'}: cannot read folder: Permission denied"]


def test_a_folder_without_articles_is_a_warning(tmp_path):
    (tmp_path / "notes.rst").write_text("Nothing to read here.\n", encoding="utf-8")
    result = ingest([tmp_path])
    assert result.documents == [] and result.errors == []
    assert [str(w) for w in result.warnings] == [
        f"{tmp_path}: no articles (.htm, .html, .markdown, .md, .txt, .xhtml) found"]


def test_decode_rejects_control_characters_as_binary():
    with pytest.raises(FactlintError, match="binary"):
        decode(b"\x01\x02\x03\x04abc" * 10, "x.txt")


def test_markdown_links_urls_and_emphasis_are_blanked():
    text = "Der Etat: **812 Mio. Euro** ([Quelle](https://example.org/2025/10/etat-1234.pdf)), siehe https://example.org/99.\n"
    doc = parse_document(text, "a.md", "md")
    assert len(doc.scan) == len(doc.text)
    assert "2025" not in doc.scan and "1234" not in doc.scan and "99" not in doc.scan
    assert "*" not in doc.scan
    i = doc.text.index("812 Mio. Euro")
    assert doc.scan[i:i + 13] == "812 Mio. Euro"
    assert "Quelle" in doc.scan


def test_markdown_footnotes_and_reference_labels_are_blanked():
    text = "Der Etat wächst um 4 Prozent[^1] laut [Bericht][2] und Quelle [3].\n\n[2]: https://example.org/7\n[^1]: Stand 2025.\n"
    doc = parse_document(text, "a.md", "md")
    assert [w for w in doc.scan.split() if any(ch.isdigit() for ch in w)] == ["4", "2025."]


def test_markdown_paragraph_wrapped_over_lines_reads_as_one_line():
    text = ("# Etat\nDer Rat beschloss einen Etat von\n812 Millionen Euro.\r\n\n- erster Punkt\n- zweiter Punkt\n\n"
            "```\n12\n13\n```\nHarter Umbruch  \nnächste Zeile\n")
    doc = parse_document(text, "a.md", "md")
    lines = [" ".join(line.split()) for line in doc.scan.split("\n") if line.strip()]
    assert lines == ["Etat", "Der Rat beschloss einen Etat von 812 Millionen Euro.", "- erster Punkt",
                     "- zweiter Punkt", "12", "13", "Harter Umbruch", "nächste Zeile"]
    assert doc.line_of(doc.text.index("812")) == 3  # lines still count in the file


def test_urls_in_plain_text_are_blanked():
    doc = parse_document("Mehr unter www.example.org/artikel/2026/123456 – 5 Prozent.", "a.txt", "txt")
    assert "123456" not in doc.scan and "5 Prozent" in doc.scan


@pytest.mark.parametrize("text, lang", [
    ("Der Umsatz ist im Jahr um 3 Prozent gestiegen, wie die Firma mitteilte.", "de"),
    ("Revenue rose 3 percent in the year, the company said on Tuesday.", "en"),
    ("Größte Übernahme", "de"),  # no stopword: the letters decide
    ("Quarterly results", "en"),
    ("Sekunde um Sekunde", "de"),  # a word only the German pack knows
    ("Wir haben anderthalb Stunden gewartet.", "de"),
    ("Shares fell in March", "en"),
    ("1,1", "de"),  # a decimal comma
    ("2,000.35", "en"),
    ("1.674.200", "en"),  # grouping says nothing: no evidence, English
    ("17", "en"),
])
def test_language_is_detected_from_stopwords_then_letters(text, lang):
    assert detect_language(text) == lang


def test_language_detection_ignores_front_matter_and_markup():
    text = "---\ntitle: Die Lage und der Stand\n---\nThe council said the budget will rise by 4 percent this year.\n"
    doc = parse_document(text, "a.md", "md")
    assert doc.lang == "en" and doc.lang_from == "detected"


def test_caller_language_and_date_win_over_the_file():
    doc = parse_document("---\nlang: en\npublished: 2026-01-01\n---\nText.\n", "a.md", "md",
                         lang="de", published=dt.date(2026, 2, 2))
    assert (doc.lang, doc.lang_from) == ("de", "input")
    assert (doc.published, doc.published_from) == (dt.date(2026, 2, 2), "input")


def test_toml_front_matter():
    doc = parse_document("+++\ntitle = 'Etat'\npublished = 2026-01-02\nlang = 'de'\n+++\nText.\n", "a.md", "md")
    assert (doc.title, str(doc.published), doc.lang) == ("Etat", "2026-01-02", "de")
    assert "title" not in doc.scan


def test_published_unknown_without_front_matter_or_metadata():
    # A date the text gives itself is the dates stage's to read (checker/normalize/dates).
    doc = parse_document("Stand: 2026-02-11\n\nDer Umsatz stieg um 3 Prozent.", "a.txt", "txt")
    assert doc.published is None and doc.published_from is None


@pytest.mark.parametrize("lang,text", [
    ("de", "---\ntitle: Etat steigt\nsource: Beispielblatt\npublished: 2026-03-02\nurl: https://example.org/a\n"
           "lang: de\n---\nDer Etat steigt auf 3 Mio. Euro.\n"),
    ("en", "---\ntitle: Budget rises\nsource: Example Post\npublished: 2026-03-02\nurl: https://example.org/a\n"
           "lang: en\n---\nThe budget rises to $3 million.\n"),
])
def test_front_matter_of_a_plain_text_is_read_as_in_markdown(lang, text):
    doc = parse_document(text, "a.txt", "txt")
    assert (doc.title, doc.source, doc.url, doc.lang) == (
        text.split("title: ")[1].split("\n")[0], text.split("source: ")[1].split("\n")[0], "https://example.org/a", lang)
    assert (doc.published, doc.published_from, doc.lang_from) == (dt.date(2026, 3, 2), "front matter", "front matter")
    assert len(doc.scan) == len(doc.text)
    assert "2026-03-02" not in doc.scan and "source" not in doc.scan and doc.body_start == text.index("---\n", 4) + 4


@pytest.mark.parametrize("text", [
    "---\nDer Etat steigt auf 3 Mio. Euro.\n---\nMehr dazu morgen.\n",  # rules of dashes around a line
    "---\nNote: 5 items: [broken\n---\nThe rest of the text.\n",  # not YAML
    "---\nchapter: 5\n---\nThe rest of the text.\n",  # YAML, but no key factlint knows
    "---\nOnly a rule, never closed.\n",
])
def test_a_plain_text_opening_with_dashes_that_are_no_front_matter_stays_text(text):
    doc = parse_document(text, "a.txt", "txt", lang="de")
    assert doc.title is None and doc.body_start == 0 and doc.scan.split() == text.split()

