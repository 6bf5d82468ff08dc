"""A finding's measure reads as words of the text, not as an internal label."""

from factlint.checker.compare.findings import measure_label
from tests.compare.claims import claim, doc


def test_a_noun_stem_gives_way_to_the_counted_noun_as_written_de():
    d = doc("a.md", "Den Vertrag über 40 Maschinen vom Typ C7 unterzeichneten beide.", "2026-07-21")
    assert measure_label(claim(d, "40", "number", 40.0, None, measure="noun:maschi", counted="Maschinen")) == "Maschinen"


def test_a_measure_named_like_a_finding_kind_names_the_event_of_a_date_en():
    d = doc("a.md", "Skarvik signed the agreement on Tuesday.", "2026-07-22", "en")
    c = claim(d, "Tuesday", "date", None, None, date="2026-07-21", measure="agreement")
    assert measure_label(c) == "date of the agreement"


def test_a_quantity_without_a_measure_is_named_by_the_words_after_it_en():
    d = doc("a.md", "The town distributed 120 cubic metres of drinking water to residents.", "2026-07-22", "en")
    assert measure_label(claim(d, "120 cubic metres", "quantity", 120.0, "m**3")) == "drinking water"


def test_a_cue_measure_stays_de():
    d = doc("a.md", "Die Aktie schloss bei 135,80 Euro.", "2026-02-03")
    assert measure_label(claim(d, "135,80 Euro", "money", 135.8, "EUR", measure="share-price")) == "share-price"


def test_people_are_never_measured_in_a_unit_en():
    from factlint.checker.context import annotate
    from tests.compare.claims import ids

    d = doc("a.md", "The town distributed 120 cubic metres of drinking water to residents on Wednesday.", "2026-07-22", "en")
    (c,) = ids([claim(d, "120 cubic metres", "quantity", 120.0, "m**3")])
    annotate([d], [c])
    assert c.measure != "residents"
