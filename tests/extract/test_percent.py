"""Percent and percentage points, kept apart."""

import pytest

from helpers import check_row, row

EXAMPLES = [
    row("de", "In einer Woche verlor die Aktie 5,17% an Wert.", "5,17%", "percent", 5.17, "%"),
    row("de", "Auf Jahressicht liegt sie 38,9 % im Plus.", "38,9 %", "percent", 38.9, "%"),
    row("de", "Der Kurs gab um -1,25 % nach.", "-1,25 %", "percent", -1.25, "%"),
    row("de", "Das Cloud-Geschäft wuchs um 27 Prozent.", "27 Prozent", "percent", 27.0, "%"),
    row("de", "Die Quote sank um 0,4 Prozentpunkte.", "0,4 Prozentpunkte", "percent", 0.4, "pp"),
    row("de", "Die Zinsen steigen um 25 Basispunkte.", "25 Basispunkte", "percent", 0.25, "pp"),
    row("de", "Fast zwanzig Prozent der Stimmen fehlen.", "zwanzig Prozent", "percent", 20.0, "%"),
    row("en", "Revenue grew 12.5% in the quarter.", "12.5%", "percent", 12.5, "%"),
    row("en", "Turnout was 61 per cent.", "61 per cent", "percent", 61.0, "%"),
    row("en", "The index fell 3 percent on Monday.", "3 percent", "percent", 3.0, "%"),
    row("en", "Unemployment fell 0.3 percentage points.", "0.3 percentage points", "percent", 0.3, "pp"),
    row("en", "Yields rose 15 basis points.", "15 basis points", "percent", 0.15, "pp"),
    row("en", "Only thirty percent agreed.", "thirty percent", "percent", 30.0, "%"),
    row("en", "The bank raised rates by half a percentage point.", "half a percentage point", "percent", 0.5, "pp"),
    row("en", "It cut rates by a quarter of a percentage point.", "a quarter of a percentage point", "percent", 0.25, "pp"),
]


@pytest.mark.parametrize("lang,text,surface,kind,value,unit", EXAMPLES)
def test_percent(lang, text, surface, kind, value, unit):
    check_row(lang, text, surface, kind, value, unit)
