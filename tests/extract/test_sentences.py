"""Sentence bounds: what a claim's sentence is, in German and English."""

import pytest

from factlint.checker.extract import sentence_bounds
from factlint.rules.loader import load_pack


def sentences(text: str, lang: str) -> list[str]:
    return [text[s:e] for s, e in sentence_bounds(text, load_pack(lang).sentences)]


@pytest.mark.parametrize("lang, text, expected", [
    ("de", "Die Zahl stieg auf 23. Am Abend waren es 25.", ["Die Zahl stieg auf 23.", "Am Abend waren es 25."]),
    ("de", "Der Start ist am 6. März in Kiel.", ["Der Start ist am 6. März in Kiel."]),
    ("de", "Sie wurde 3. Siegerin.", ["Sie wurde 3. Siegerin."]),
    ("de", "Das kostet 2 Mrd. Euro. Dr. Hahn widerspricht.", ["Das kostet 2 Mrd. Euro.", "Dr. Hahn widerspricht."]),
    ("en", "Sales rose to 23. The board met on Jan. 5.", ["Sales rose to 23.", "The board met on Jan. 5."]),
    ("en", "Mr. Okafor said so.", ["Mr. Okafor said so."]),
])
def test_periods_after_numbers_and_abbreviations(lang, text, expected):
    assert sentences(text, lang) == expected


def test_lines_list_items_and_table_rows_are_sentences():
    text = "- Budget: 4 Mrd.\n- Start: Mai\n| Umsatz | 12,1 Mrd. Euro | 11,4 Mrd. Euro |\n"
    assert sentences(text, "de") == ["- Budget: 4 Mrd.", "- Start: Mai", "| Umsatz | 12,1 Mrd. Euro | 11,4 Mrd. Euro |"]


def test_without_rules_every_languages_abbreviations_hold():
    assert [s for s in (lambda t: [t[a:b] for a, b in sentence_bounds(t)])("Es kostet 3 Mio. Euro.")] == ["Es kostet 3 Mio. Euro."]


def test_a_hard_wrapped_line_goes_on_but_a_short_line_stands_alone():
    text = ("Stand: 8. Juni 2026\n"
            "Nach Angaben des Herstellers aus Bremen sind inzwischen 23\n"
            "Fälle bekannt, in denen Akkus geraucht haben.\n"
            "Vogelgrippe im Kreis\n"
            "Die Behörden melden sieben Betriebe.")
    assert sentences(text, "de") == [
        "Stand: 8. Juni 2026",
        "Nach Angaben des Herstellers aus Bremen sind inzwischen 23\nFälle bekannt, in denen Akkus geraucht haben.",
        "Vogelgrippe im Kreis",
        "Die Behörden melden sieben Betriebe.",
    ]
