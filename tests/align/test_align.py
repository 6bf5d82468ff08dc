"""Alignment: figures of different documents linked by what they are about, blocked on hard distinctions."""

from factlint.checker.align import align, block_key, compatible
from factlint.checker.context import annotate
from tests.compare.claims import claim, doc, ids


def annotated(docs, specs):
    claims = ids([claim(d, s, k, v, u, **(f[0] if f else {})) for d, s, k, v, u, *f in specs])
    annotate(docs, claims)
    return claims


def linked(claims):
    return sorted(tuple(sorted((link.a.claim.surface, link.b.claim.surface))) for link in align(claims))


def test_same_measure_in_two_languages_is_linked():
    a = doc("a.md", "Der Umsatz lag bei 5,3 Mrd. Dollar.", "2026-09-09")
    b = doc("b.md", "Revenue was $5.3bn.", "2026-09-10", "en")
    claims = annotated([a, b], [(a, "5,3 Mrd. Dollar", "money", 5.3e9, "USD"), (b, "$5.3bn", "money", 5.3e9, "USD")])
    assert linked(claims) == [("$5.3bn", "5,3 Mrd. Dollar")]


def test_other_subject_and_other_kind_stay_apart_but_currencies_meet():
    a = doc("a.md", "Der Umsatz lag bei 5,3 Mrd. Dollar. Konkurrent Kinoflux setzte 2 Mrd. Dollar um.", "2026-09-09")
    b = doc("b.md", "Revenue was €4.9bn. The company employs 8,400 people.", "2026-09-10", "en")
    claims = annotated([a, b], [(a, "5,3 Mrd. Dollar", "money", 5.3e9, "USD"), (a, "2 Mrd. Dollar", "money", 2e9, "USD"),
                                (b, "€4.9bn", "money", 4.9e9, "EUR"), (b, "8,400", "number", 8400.0, None)])
    assert claims[1].subject == "other:kinoflux"
    assert linked(claims) == [("5,3 Mrd. Dollar", "€4.9bn")]  # compared at the reference rate


def test_converted_amount_is_left_to_the_conversion_check():
    a = doc("a.md", "Das Budget: 3 Mrd. Yuan (rund 420 Mio. Dollar).", "2026-02-07")
    b = doc("b.md", "The budget is $431 million.", "2026-02-03", "en")
    claims = annotated([a, b], [(a, "3 Mrd. Yuan", "money", 3e9, "CNY"), (a, "420 Mio. Dollar", "money", 4.2e8, "USD"),
                                (b, "$431 million", "money", 4.31e8, "USD")])
    assert "420 Mio. Dollar" not in {s for pair in linked(claims) for s in pair}


def test_claims_without_a_lexicon_measure_are_aligned_by_their_words_en():
    a = doc("a.md", "The ferry operator said 14 crossings were cancelled on Friday.", "2026-02-09", "en")
    b = doc("b.md", "Storm Elna forced the ferry operator to cancel 17 crossings, it said.", "2026-02-09", "en")
    claims = annotated([a, b], [(a, "14", "number", 14.0, None, {"counted": "crossings"}),
                                (b, "17", "number", 17.0, None, {"counted": "crossings"})])
    assert block_key(claims[0]) is not None
    assert linked(claims) == [("14", "17")]


def test_a_year_read_as_a_number_is_not_aligned():
    a = doc("a.md", "Seit 2024 wächst der Umsatz.", "2026-02-09")
    (c,) = annotated([a], [(a, "2024", "number", 2024.0, None)])
    assert block_key(c) is None


def test_years_must_match_when_both_state_one():
    a = doc("a.md", "Revenue in 2025 was $5.3 billion.", "2026-09-09", "en")
    b = doc("b.md", "Revenue in 2024 was $4.8 billion. Revenue was $5.3 billion.", "2026-09-09", "en")
    _, x, _, y, z = annotated([a, b], [(a, "2025", "date", None, None, {"date": "2025"}),
                                      (a, "$5.3 billion", "money", 5.3e9, "USD"),
                                      (b, "2024", "date", None, None, {"date": "2024"}),
                                      (b, "$4.8 billion", "money", 4.8e9, "USD"),
                                      (b, "$5.3 billion", "money", 5.3e9, "USD")])
    assert not compatible(x, y)
    assert compatible(x, z)  # 2025 is the year before b's 2026


def test_links_grow_with_documents_not_with_their_pairs():
    from factlint.checker.align import NEIGHBOURS

    docs = [doc(f"d{i:03}.md", f"Der Umsatz lag bei {i} Mrd. Euro.", f"2026-05-{1 + i % 28:02}") for i in range(1, 301)]
    claims = annotated(docs, [(d, f"{i} Mrd. Euro", "money", i * 1e9, "EUR") for i, d in enumerate(docs, 1)])
    assert len(align(claims)) <= 300 * NEIGHBOURS


def test_a_small_collection_is_one_story():
    from factlint.checker.align import stories

    docs = [doc(f"d{i}.md", f"Der Umsatz von Firma{i} stieg.", "2026-05-19") for i in range(5)]
    assert set(stories(docs).values()) == {0}


def test_a_large_collection_splits_into_stories_by_shared_names():
    from factlint.checker.align import stories

    docs = []
    for s in range(30):
        for k in range(2):
            docs.append(doc(f"s{s}-{k}.md", f"Heute meldet Norvik{s} Holding aus Talberg{s} neue Zahlen, sagte Anna Lind{s}.",
                            "2026-05-19"))
    story_of = stories(docs)
    assert len(set(story_of.values())) == 30
    assert story_of["s7-0.md"] == story_of["s7-1.md"] != story_of["s8-0.md"]


def test_a_large_block_compares_each_document_with_its_neighbours_only():
    from factlint.checker.align import NEIGHBOURS, document_pairs

    docs = {f"d{i:03}.md": [] for i in range(200)}
    pairs = document_pairs(docs)
    assert len(pairs) <= 200 * NEIGHBOURS
    assert ("d000.md", "d001.md") in pairs and ("d000.md", "d150.md") not in pairs


def test_story_folders_are_stories_but_language_folders_are_not():
    from factlint.checker.align import stories

    organised = [doc(f"{s}/{k}.md", "Text.", "2026-05-19") for s in ("a", "b", "c") for k in ("x", "y")]
    story_of = stories(organised)
    assert story_of["a/x.md"] == story_of["a/y.md"] != story_of["b/x.md"]
    languages = [doc("de/x.md", "Text.", "2026-05-19"), doc("en/y.md", "Text.", "2026-05-19"), doc("z.txt", "Text.")]
    assert set(stories(languages).values()) == {0}


def test_figures_of_different_quarters_are_not_compared_de_en():
    a = doc("a.md", "Der Umsatz lag im dritten Quartal bei 4,6 Billionen Yen.", "2026-10-29")
    b = doc("b.md", "Second-quarter revenue was 4.35 trillion yen. Revenue was 4.35 trillion yen.", "2026-10-30", "en")
    x, y, z = annotated([a, b], [(a, "4,6 Billionen Yen", "money", 4.6e12, "JPY"), (b, "4.35 trillion yen", "money", 4.35e12, "JPY"),
                                 (b, "4.35 trillion yen", "money", 4.35e12, "JPY", {"occurrence": 2})])
    assert "period:q3" in x.qualifiers and "period:q2" in y.qualifiers
    assert not compatible(x, y)


# Alignment on invented stories: the words around a figure decide, not a cue list.

def test_the_figure_a_sentence_is_about_pairs_with_its_counterpart_not_with_its_neighbour_en():
    a = doc("a.md", "The dam operator released 340 cubic metres per second, and 1,200 residents were moved to shelters.",
            "2026-06-02", "en")
    b = doc("b.md", "About 1,500 residents spent the night in shelters after the operator opened the spillway.",
            "2026-06-02", "en")
    claims = annotated([a, b], [(a, "1,200", "number", 1200.0, None, {"counted": "residents"}),
                                (b, "1,500", "number", 1500.0, None, {"approximate": True, "counted": "residents"})])
    assert linked(claims) == [("1,200", "1,500")]


def test_german_compound_meets_its_head_de():
    a = doc("a.md", "Die Versicherer schätzen die Hochwasserschäden auf 410 Millionen Euro.", "2026-06-02")
    b = doc("b.md", "Die Schäden belaufen sich nach Angaben der Versicherer auf 480 Millionen Euro.", "2026-06-03")
    claims = annotated([a, b], [(a, "410 Millionen Euro", "money", 4.1e8, "EUR"), (b, "480 Millionen Euro", "money", 4.8e8, "EUR")])
    assert any(f in claims[1].about for f in claims[0].about if not f.startswith(("=", "#")))
    assert linked(claims) == [("410 Millionen Euro", "480 Millionen Euro")]


def test_two_counts_of_different_things_stay_apart_even_when_one_side_has_one_figure_en():
    a = doc("a.md", "Organisers counted 52,000 visitors over the weekend.", "2026-08-10", "en")
    b = doc("b.md", "The festival employed 900 stewards, a spokeswoman for the council said.", "2026-08-10", "en")
    claims = annotated([a, b], [(a, "52,000", "number", 52000.0, None, {"counted": "visitors"}),
                                (b, "900", "number", 900.0, None, {"counted": "stewards"})])
    assert linked(claims) == []


def test_rates_per_different_units_never_pair_de_en():
    a = doc("a.md", "Das Werk soll 40.000 Wafer im Monat fertigen.", "2026-02-03")
    b = doc("b.md", "The plant will make 480,000 wafers a year.", "2026-02-03", "en")
    claims = annotated([a, b], [(a, "40.000", "number", 40000.0, None, {"counted": "Wafer"}),
                                (b, "480,000", "number", 480000.0, None, {"counted": "wafers"})])
    assert "per:month" in claims[0].qualifiers and "per:year" in claims[1].qualifiers
    assert linked(claims) == []


def test_a_period_adverb_after_a_figure_names_its_denominator_de_en():
    a = doc("a.md", "Der Streik kostet die Reederei 17 Millionen Euro täglich.", "2026-04-14")
    b = doc("b.md", "The carrier says the strike costs it €15m daily.", "2026-04-14", "en")
    c = doc("c.md", "Die Reederei verliert durch den Streik 400 Millionen Euro jährlich.", "2026-04-14")
    daily, daily_en, yearly = annotated([a, b, c], [(a, "17 Millionen Euro", "money", 1.7e7, "EUR"),
                                                    (b, "€15m", "money", 1.5e7, "EUR"),
                                                    (c, "400 Millionen Euro", "money", 4e8, "EUR")])
    assert "per:day" in daily.qualifiers and "per:day" in daily_en.qualifiers and "per:year" in yearly.qualifiers
    assert compatible(daily, daily_en) and not compatible(daily, yearly)


def test_a_rate_per_a_noun_meets_the_same_rate_in_another_language_de_en():
    a = doc("a.md", "Hanvo zahlt eine Quartalsdividende von 361 Won je Stammaktie.", "2026-04-29")
    b = doc("b.md", "Hanvo raised its quarterly dividend to 367 won per common share.", "2026-04-29", "en")
    claims = annotated([a, b], [(a, "361 Won", "money", 361.0, "KRW"), (b, "367 won", "money", 367.0, "KRW")])
    assert compatible(*claims)
    # within one language, different nouns still tell two rates apart; a period always does
    c = doc("c.md", "Hanvo zahlt 361 Won je Vorzugsaktie.", "2026-04-29")
    d = doc("d.md", "Hanvo zahlt 361 Won je Tag.", "2026-04-29")
    per_share, per_preferred, per_day = annotated([a, c, d], [(a, "361 Won", "money", 361.0, "KRW"),
                                                              (c, "361 Won", "money", 361.0, "KRW"),
                                                              (d, "361 Won", "money", 361.0, "KRW")])
    assert not compatible(per_share, per_preferred)
    assert not compatible(per_share, per_day) and not compatible(claims[1], per_day)


def test_the_day_a_state_began_is_an_event_but_a_year_after_since_is_a_baseline_de_en():
    a = doc("a.md", "Die Brücke ist seit Samstag, 12. September, gesperrt. Es ist die längste Sperrung seit 2011.",
            "2026-09-15")
    b = doc("b.md", "The bridge has been closed since 11 September 2026.", "2026-09-15", "en")
    x, year, y = annotated([a, b], [(a, "Samstag, 12. September", "date", None, None, {"date": "2026-09-12"}),
                                    (a, "2011", "date", None, None, {"date": "2011"}),
                                    (b, "11 September 2026", "date", None, None, {"date": "2026-09-11"})])
    assert "since" in x.qualifiers and "since" in y.qualifiers
    assert block_key(x) == block_key(y) is not None
    assert block_key(year) is None


def test_a_cue_of_a_count_or_an_amount_never_names_a_duration_en():
    a = doc("a.md", "The swap takes about 45 minutes, and dealers will prioritise customers.", "2026-06-04", "en")
    (c,) = annotated([a], [(a, "45 minutes", "quantity", 45.0, "minute")])
    assert c.measure != "subscribers"


def test_a_total_over_several_years_meets_a_figure_of_no_year_en():
    a = doc("a.md", "Between 2021 and 2024 the company failed to report 1,840 spills.", "2026-05-20", "en")
    b = doc("b.md", "The company failed to report 1,480 spills, the regulator found.", "2026-05-20", "en")
    c = doc("c.md", "In 2021 the company failed to report 380 spills.", "2026-05-20", "en")
    _, _, x, y, _, z = annotated([a, b, c], [(a, "2021", "date", None, None, {"date": "2021"}),
                                             (a, "2024", "date", None, None, {"date": "2024"}),
                                             (a, "1,840", "number", 1840.0, None),
                                             (b, "1,480", "number", 1480.0, None),
                                             (c, "2021", "date", None, None, {"date": "2021"}),
                                             (c, "380", "number", 380.0, None)])
    assert {"year:2021", "year:2024"} <= set(x.qualifiers)
    assert compatible(x, y)  # a total of four years, of no one year
    assert not compatible(z, y)  # 2021's figure is not this year's
