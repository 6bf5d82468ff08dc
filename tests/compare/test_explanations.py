"""Every check explains itself: the interval each side allows and why, the tolerance it used,
how a relative date was resolved, why a drift is not a conflict, the reference rate."""

from factlint.checker.compare import compare
from factlint.checker.context import annotate
from tests.compare.claims import claim, doc, ids


def messages(docs, specs, code):
    claims = ids([claim(d, s, k, v, u, **(f[0] if f else {})) for d, s, k, v, u, *f in specs])
    annotate(docs, claims)
    published = {d.path: d.published.isoformat() for d in docs if d.published}
    found = [f.message for f in compare(claims, published=published) if f.code == code]
    assert found, f"no {code} finding"
    return found[0]


def test_money_conflict_names_each_sides_interval_and_its_hedge_de():
    a = doc("a.md", "Der Landkreis steckt knapp 80 Millionen Euro in seine Kliniken.", "2026-03-24")
    b = doc("b.md", "Der Landkreis investiert 84 Millionen Euro in die Kliniken.", "2026-03-25")
    text = messages([a, b], [(a, "80 Millionen Euro", "money", 80e6, "EUR",
                              {"upper": 80e6, "approximate": True, "hedge": "knapp"}),
                             (b, "84 Millionen Euro", "money", 84e6, "EUR")], "FL101")
    assert "“knapp 80 Millionen Euro” allows 68 million–80 million EUR (‘knapp’)" in text
    assert "“84 Millionen Euro” allows 83.5 million–84.5 million EUR (written precision)" in text
    assert "tolerance 0 %" in text


def test_count_conflict_with_up_to_says_at_most_de_en():
    a = doc("a.md", "Entstehen sollen bis zu 500 Arbeitsplätze im neuen Werk.", "2026-05-14")
    b = doc("b.md", "The new plant will create 600 jobs.", "2026-05-13", "en")
    text = messages([a, b], [(a, "500", "number", 500.0, None, {"upper": 500.0, "hedge": "bis zu", "counted": "Arbeitsplätze"}),
                             (b, "600", "number", 600.0, None, {"counted": "jobs"})], "FL104")
    assert "(‘bis zu’: at most 500)" in text and "“600” allows 599.5–600.5 (written precision)" in text
    assert "tolerance 0 %" in text


def test_percent_conflict_names_the_rounding_of_each_rate_en():
    a = doc("a.md", "Revenue for the fiscal year grew 7% at the shipping line.", "2026-05-14", "en")
    b = doc("b.md", "The shipping line's revenue for the fiscal year grew 9%.", "2026-05-14", "en")
    text = messages([a, b], [(a, "7%", "percent", 7.0, "%"), (b, "9%", "percent", 9.0, "%")], "FL102")
    assert "“7%” allows 6.5–7.5 % (written precision)" in text and "tolerance 0 %" in text


def test_quantity_conflict_names_the_units_and_the_tolerance_de_en():
    a = doc("a.md", "Die Bohrinsel steht etwa 160 Kilometer vor der Küste.", "2026-08-18")
    b = doc("b.md", "The drilling rig stands about 60 miles off the coast.", "2026-08-18", "en")
    text = messages([a, b], [(a, "160 Kilometer", "quantity", 160.0, "km", {"approximate": True, "hedge": "etwa"}),
                             (b, "60 miles", "quantity", 60.0, "mile", {"approximate": True, "hedge": "about"})], "FL103")
    assert "km (‘etwa’)" in text and "mile (‘about’)" in text and "tolerance 1 %" in text


def test_date_conflict_says_how_a_weekday_was_resolved_en():
    c = doc("c.md", "Brackmoor and Tessanby disclosed the tie-up on Tuesday.", "2026-10-21", "en")
    d = doc("d.md", "Brackmoor and Tessanby disclosed the tie-up on October 15.", "2026-10-22", "en")
    text = messages([c, d], [(c, "Tuesday", "date", None, None, {"date": "2026-10-20"}),
                             (d, "October 15", "date", None, None, {"date": "2026-10-15"})], "FL105")
    assert "“Tuesday” → 2026-10-20, counted back from the publication date 2026-10-21" in text
    assert "“October 15” → 2026-10-15 as written" in text


def test_drift_names_both_as_of_dates_where_they_came_from_and_the_cue_en():
    a = doc("a.md", "Rescuers said on Monday that 31 people had been pulled from the rubble so far.", "2026-04-13", "en")
    b = doc("b.md", "The number of people pulled from the rubble has risen to 44, rescuers said.", "2026-04-14", "en")
    text = messages([a, b], [(a, "31", "number", 31.0, None, {"counted": "people"}),
                             (b, "44", "number", 44.0, None)], "FL201")
    assert "Drift, not conflict:" in text and "running figure" in text
    assert "“44” as of 2026-04-14, the article's publication date" in text
    assert "“31” allows 30.5–31.5 (written precision)" in text and "tolerance 0 %" in text


def test_agreement_names_the_common_interval_and_its_tolerance_de_en():
    a = doc("a.md", "Der Straßentunnel ist 24 Kilometer lang.", "2026-08-18")
    b = doc("b.md", "The road tunnel is 14.9 miles long.", "2026-08-18", "en")
    text = messages([a, b], [(a, "24 Kilometer", "quantity", 24.0, "km"),
                             (b, "14.9 miles", "quantity", 14.9, "mile")], "FL301")
    assert "every value fits 23.7789–24.1796 km" in text and "km with tolerance 0.5 %" in text


def test_date_agreement_counts_its_sources_de_en():
    a = doc("a.md", "Die Fusion wurde am Mittwoch bekannt gegeben.", "2026-10-15")
    b = doc("b.md", "The merger was announced on October 14.", "2026-10-15", "en")
    text = messages([a, b], [(a, "Mittwoch", "date", None, None, {"date": "2026-10-14"}),
                             (b, "October 14", "date", None, None, {"date": "2026-10-14"})], "FL302")
    assert "2 sources" in text


def test_conversion_conflict_names_the_reference_and_the_tolerance_de():
    a = doc("a.md", "Lanxing hat 4 Milliarden Yuan (rund 560 Millionen Dollar) eingeplant.", "2026-02-07")
    b = doc("b.md", "Am 2. Februar gab Lanxing 4 Milliarden Yuan (umgerechnet 576 Mio. US-Dollar) frei.", "2026-02-03")
    text = messages([a, b], [
        (a, "4 Milliarden Yuan", "money", 4e9, "CNY"), (a, "560 Millionen Dollar", "money", 5.6e8, "USD", {"approximate": True}),
        (b, "2. Februar", "date", None, None, {"date": "2026-02-02"}),
        (b, "4 Milliarden Yuan", "money", 4e9, "CNY"), (b, "576 Mio. US-Dollar", "money", 5.76e8, "USD")], "FL106")
    assert "at the ECB reference rate" in text and "tolerance 0.5 %" in text


def test_conversion_off_the_reference_names_the_allowed_spread_de():
    a = doc("a.md", "Lanxing hat 4 Milliarden Yuan (rund 500 Millionen Dollar) eingeplant.", "2026-02-02")
    text = messages([a], [(a, "4 Milliarden Yuan", "money", 4e9, "CNY"),
                          (a, "500 Millionen Dollar", "money", 5e8, "USD", {"approximate": True})], "FL403")
    assert "% off" in text and "more than the 2.5 %" in text


def test_ratio_names_the_values_it_expected_and_the_tolerance_en():
    a = doc("a.md", "Its budget of $500 million is three times the $100 million of its rival.", "2026-02-02", "en")
    text = messages([a], [(a, "$500 million", "money", 5e8, "USD"), (a, "$100 million", "money", 1e8, "USD")], "FL402")
    assert "that would be 270 million–330 million" in text and "tolerance 10 %" in text


def test_weekday_names_the_day_the_date_falls_on_de():
    a = doc("a.md", "Das Abschlusskonzert fand am Samstag, 15. November 2026 statt.", "2026-11-16")
    text = messages([a], [(a, "Samstag, 15. November 2026", "date", None, None,
                           {"date": "2026-11-15", "weekday": "Samstag", "weekday_mismatch": True})], "FL401")
    assert "2026-11-15 is a Sunday, not a Samstag" in text


def test_a_fact_of_three_values_lists_them_grouped_by_value_en():
    a = doc("a.md", "The quake killed 1,204 people, officials said.", "2026-03-02", "en")
    b = doc("b.md", "The quake killed 1,240 people, officials said.", "2026-03-02", "en")
    c = doc("c.md", "The quake killed 1,420 people, officials said.", "2026-03-02", "en")
    text = messages([a, b, c], [(a, "1,204", "number", 1204.0, None, {"counted": "people"}),
                                (b, "1,240", "number", 1240.0, None, {"counted": "people"}),
                                (c, "1,420", "number", 1420.0, None, {"counted": "people"})], "FL104")
    assert "Values: “1,204” in a.md · “1,240” in b.md · “1,420” in c.md." in text
