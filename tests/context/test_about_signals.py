"""What a figure is about beyond the words right beside it: its table column's header, the
subject of the clause whose change it is the result of, a person's age set off after the name,
and the tags two figures share (invented text)."""

from factlint.checker.align.link import _vector, features, rarity, score
from factlint.checker.context import about, annotate
from tests.compare.claims import claim, doc, ids


def annotated(d, *specs):
    claims = ids([claim(d, *spec) for spec in specs])
    annotate([d], claims)
    return claims


def test_a_table_figure_is_about_its_column_header_en():
    d = doc("a.md", "Prices at launch:\n\n| Market | Ticket price |\n|---|---|\n| Norway | 410 kroner |\n"
                    "| Sweden | 395 kronor |\n", "2026-04-01", "en")
    (norway,) = annotated(d, ("410", "number", 410.0, None))
    assert norway.about.get("ticket", 0) > 0.3
    assert norway.about.get("=price", 0) > 0  # the header's lexicon label, too
    assert norway.about.get("norway", 0) > 0  # and still its row


def test_a_figure_outside_a_table_gets_no_header_words_en():
    d = doc("a.md", "| Market | Ticket price |\n|---|---|\n\nNorway sold 410 seats.\n", "2026-04-01", "en")
    (seats,) = annotated(d, ("410", "number", 410.0, None))
    assert "ticket" not in seats.about


def test_what_a_change_came_to_is_about_its_clause_subject_en():
    d = doc("b.md", "The number of people hurt in the explosion at the Dorrow mill on Monday has risen to 23, "
                    "officials said.", "2026-05-13", "en")
    (c,) = annotated(d, ("23", "number", 23.0, None))
    assert "level" in c.qualifiers
    assert c.about.get("=injured", 0) >= 0.5 * about.LABEL_WEIGHT


def test_the_subject_of_another_clause_says_nothing_de():
    d = doc("b.md", "Nach Angaben der Klinik wurden 17 Menschen verletzt, und die Zahl der Einsatzkräfte aus dem "
                    "ganzen Landkreis und den Nachbarorten ist inzwischen auf 260 gestiegen.", "2026-05-13")
    _, helpers = annotated(d, ("17", "number", 17.0, None), ("260", "number", 260.0, None))
    assert helpers.about.get("=injured", 0) < 0.5 * about.LABEL_WEIGHT


def test_a_number_set_off_after_a_name_is_the_persons_age_en():
    d = doc("a.md", "Police arrested Martin Oakes, 41, of Brindle on Tuesday.", "2026-04-01", "en")
    (age,) = annotated(d, ("41", "number", 41.0, None))
    assert age.measure == "age"
    assert "who:oakes" in age.qualifiers
    assert age.about.get("=age", 0) > 0


def test_a_number_in_parentheses_after_a_name_is_an_age_de():
    d = doc("a.md", "Festgenommen wurde Karla Brenn (27) aus Lindow.", "2026-04-01")
    (age,) = annotated(d, ("27", "number", 27.0, None))
    assert age.measure == "age"


def test_counts_after_a_comma_are_no_age_en():
    d = doc("a.md", "In March, 41 homes were flooded and in Brindle, 12 more.", "2026-04-01", "en")
    homes, more = annotated(d, ("41", "number", 41.0, None), ("12", "number", 12.0, None))
    assert homes.measure != "age" and more.measure != "age"


def test_a_shared_region_tag_is_evidence_a_tag_on_one_side_is_none():
    d = doc("a.md", "Im Vereinigten Königreich kostet das Modell 849 Pfund.", "2026-03-17")
    e = doc("b.md", "Käufer im Vereinigten Königreich zahlen 899 Pfund.", "2026-03-17")
    f = doc("c.md", "Käufer zahlen 899 Pfund.", "2026-03-17")
    claims = ids([claim(d, "849 Pfund", "money", 849.0, "GBP", qualifiers=["region:GB"]),
                  claim(e, "899 Pfund", "money", 899.0, "GBP", qualifiers=["region:GB"]),
                  claim(f, "899 Pfund", "money", 899.0, "GBP")])
    a, b, c = (features(x) for x in claims)
    assert a["@region:GB"] == b["@region:GB"] and "@region:GB" not in c
    idf = rarity(claims)
    with_tag = score(_vector({"@region:GB": 1.0}, idf), _vector(b, idf))
    assert with_tag > 0 and score(_vector({"@region:GB": 1.0}, idf), _vector(c, idf)) == 0


def test_a_cue_joined_to_one_figure_does_not_name_another_en():
    d = doc("b.md", "The number of people killed in the 6.4-magnitude earthquake that hit Ostra on Monday "
                    "has risen to 88, officials said.", "2026-05-13", "en")
    quake, toll = annotated(d, ("6.4", "number", 6.4, None), ("88", "number", 88.0, None))
    assert quake.measure == "magnitude"
    assert toll.measure != "magnitude"


def test_a_cue_joined_to_one_figure_does_not_name_another_de():
    d = doc("b.md", "Bei dem Unglück mit sieben Toten wurden nach Angaben der Polizei 31 Menschen verletzt.",
            "2026-05-13")
    dead, hurt = annotated(d, ("sieben", "number", 7.0, None), ("31", "number", 31.0, None))
    assert dead.measure == "deaths"
    assert hurt.measure != "deaths"


def test_a_range_and_a_span_of_years_are_no_score_en():
    d = doc("a.md", "Between 10-12 people were hurt; Buford played here in 1995-99 and won 6-3.", "2026-04-01", "en")
    low, high, first, last, six, three = annotated(d, ("10", "number", 10.0, None), ("12", "number", 12.0, None),
                                                   ("1995", "number", 1995.0, None), ("99", "number", 99.0, None),
                                                   ("6", "number", 6.0, None), ("3", "number", 3.0, None))
    assert not {"pair"} & (set(low.qualifiers) | set(high.qualifiers) | set(last.qualifiers))
    assert "pair" in six.qualifiers and "pair" in three.qualifiers


def test_an_adverb_of_time_opening_a_clause_scopes_its_figure_de():
    d = doc("c.md", "Ursprünglich hatte die Kämmerei im Sommer noch mit einem Loch von 62 Millionen Euro gerechnet.",
            "2026-11-20")
    (gap,) = annotated(d, ("62 Millionen Euro", "money", 62e6, "EUR"))
    assert "prior" in gap.qualifiers


def test_an_adverb_of_time_does_not_reach_past_another_figure_en():
    d = doc("c.md", "Previously the council had spent 12 million on roads and the new plan puts 30 million "
                    "into schools.", "2026-11-20", "en")
    first, second = annotated(d, ("12 million", "number", 12e6, None), ("30 million", "number", 30e6, None))
    assert "prior" in first.qualifiers
    assert "prior" not in second.qualifiers


def test_an_inserted_clause_does_not_push_a_qualifier_away_en():
    d = doc("b.md", "Core inflation, which strips out energy, food, alcohol and tobacco and is watched closely "
                    "by the central bank, slowed to 3.1 per cent.", "2026-05-13", "en")
    (core,) = annotated(d, ("3.1 per cent", "percent", 3.1, "%"))
    assert "core" in core.qualifiers


def test_the_end_of_a_period_is_another_kind_of_date_de_en():
    d = doc("a.md", "Die Schulen bleiben bis Freitag geschlossen, am Dienstag tagt der Krisenstab.", "2026-01-12")
    until, meeting = ids([claim(d, "Freitag", "date", date="2026-01-16"), claim(d, "Dienstag", "date", date="2026-01-13")])
    annotate([d], [until, meeting])
    assert "until" in until.qualifiers and "until" not in meeting.qualifiers
    e = doc("b.md", "Jobs are protected until the end of 2028, with 4,100 staff covered.", "2026-03-09", "en")
    year, staff = ids([claim(e, "2028", "date", date="2028"), claim(e, "4,100", "number", 4100.0)])
    annotate([e], [year, staff])
    assert "until" in year.qualifiers and "until" not in staff.qualifiers


def test_the_base_year_of_an_index_does_not_date_its_value_de():
    d = doc("a.md", "Der Mietindex der Stadt (2020 = 100) erreichte 121,6 Punkte.", "2026-04-01")
    index, = [c for c in annotated(d, ("2020", "number", 2020.0, None), ("100", "number", 100.0, None),
                                   ("121,6", "number", 121.6, None)) if c.surface == "121,6"]
    assert "year:2020" not in index.qualifiers
    e = doc("b.md", "Umsatz (2025) 3,2 Milliarden Euro.", "2026-04-01")
    _, sales = annotated(e, ("2025", "number", 2025.0, None), ("3,2 Milliarden Euro", "money", 3.2e9, "EUR"))
    assert "year:2025" in sales.qualifiers


def test_words_of_one_family_share_their_stem_en_de():
    a = doc("a.md", "The airline cancelled 1,050 flights.", "2026-05-13", "en")
    b = doc("b.md", "Cancellations reached 1,180 flights.", "2026-05-14", "en")
    c = doc("c.md", "Die Zahl der Verletzten stieg auf 26.", "2026-05-14", "de")
    d = doc("d.md", "Verletzt wurden 23 Menschen.", "2026-05-14", "de")
    (x,), (y,) = annotated(a, ("1,050", "number", 1050.0, None)), annotated(b, ("1,180", "number", 1180.0, None))
    (v,), (w,) = annotated(c, ("26", "number", 26.0, None)), annotated(d, ("23", "number", 23.0, None))
    assert "~cancel" in x.about and "~cancel" in y.about
    assert "~verlet" in v.about and "~verlet" in w.about


def test_a_derivation_meets_its_word_though_their_stems_differ_de():
    """Snowball stems "Evakuierung" to "evakuier" and "evakuiert" to "evakuiert": their first
    letters are the family's."""
    a = doc("a.md", "Nach der Evakuierung schliefen 300 Menschen in Turnhallen.", "2026-05-14")
    b = doc("b.md", "Evakuiert wurden am Sonntag 340 Menschen.", "2026-05-14")
    (x,), (y,) = annotated(a, ("300", "number", 300.0, None)), annotated(b, ("340", "number", 340.0, None))
    shared = {f for f in x.about if f.startswith("~")} & {f for f in y.about if f.startswith("~")}
    assert shared == {"~evakui"}


def test_a_hyphenated_compound_meets_its_head_however_rare_its_first_part_de():
    a = doc("a.md", "Die Harvelin-Aktie schloss am Dienstag bei 41,60 Euro.", "2026-05-20")
    b = doc("b.md", "Am Mittwoch schloss die Aktie bei 42,70 Euro.", "2026-05-21")
    (x,), (y,) = annotated(a, ("41,60 Euro", "money", 41.6, "EUR")), annotated(b, ("42,70 Euro", "money", 42.7, "EUR"))
    assert "aktie" in x.about and "aktie" in y.about
    assert "harvelin" in x.about  # the name it is of, a word of its own


def test_another_figure_of_the_sentence_is_named_in_base_units_de_en():
    """"12 Grad" beside one temperature and "54°F" beside another are one anchor in two units."""
    a = doc("a.md", "Beim Start zeigte das Thermometer 12 Grad, am frühen Nachmittag 24 Grad.", "2026-04-26")
    b = doc("b.md", "It was 54°F at the start, but the mercury climbed to 82°F by early afternoon.", "2026-04-27", "en")
    _, x = annotated(a, ("12 Grad", "quantity", 12.0, "degC"), ("24 Grad", "quantity", 24.0, "degC"))
    _, y = annotated(b, ("54°F", "quantity", 54.0, "degF"), ("82°F", "quantity", 82.0, "degF"))
    shared = {f for f in x.about if f.startswith("#")} & {f for f in y.about if f.startswith("#")}
    assert shared == {"#quantity:12[temperature]"}
