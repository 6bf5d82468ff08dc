"""Comparison: intervals, conflicts, drift, agreements, conversions, inconsistencies."""

import pytest

from checker.compare import compare
from checker.values import interval
from checker.context import annotate
from tests.compare.claims import claim, doc, ids


def run(docs, specs):
    """specs: (doc, surface, kind, value, unit, fields) → findings of every check."""
    claims = ids([claim(d, s, k, v, u, **(f[0] if f else {})) for d, s, k, v, u, *f in specs])
    annotate(docs, claims)
    return claims, compare(claims)


def kinds(findings):
    return sorted((f.code, f.kind) for f in findings if f.kind != "agreement")


def surfaces(claims, finding):
    by_id = {c.id: c.surface for c in claims}
    return sorted(by_id[i] for i in finding.claims)


@pytest.mark.parametrize("surface, value, fields, low, high", [
    ("420 Millionen", 420e6, {"approximate": True}, 415e6, 425e6),
    ("431 Mio.", 431e6, {}, 430.5e6, 431.5e6),
    ("rund 15.000", 15000, {"approximate": True}, 14500, 15500),
    ("14.800", 14800, {}, 14799.5, 14800.5),
    ("2,34 %", 2.34, {}, 2.335, 2.345),
])
def test_interval_from_written_precision_and_hedge(surface, value, fields, low, high):
    d = doc("a.md", f"Es sind {surface}.")
    lo, hi = interval(claim(d, surface, "number", value, None, **fields))
    assert lo == pytest.approx(low) and hi == pytest.approx(high)


def test_more_than_is_open_upwards():
    d = doc("a.md", "mehr als eine Million Abonnenten")
    c = claim(d, "eine Million", "number", 1e6, None, lower=1e6)
    lo, hi = interval(c)
    assert lo == 1e6 and hi == float("inf")


def test_just_under_reaches_only_a_little_below():
    d = doc("a.md", "knapp 500 Staffeln")
    c = claim(d, "500", "number", 500.0, None, upper=500.0, approximate=True)
    lo, hi = interval(c)
    assert 400 < lo < 500 and hi == 500


def test_different_amounts_conflict_de_en():
    a = doc("a.md", "Die Stadt investiert knapp 140 Millionen Euro in ihre Schulen.", "2026-11-04")
    b = doc("b.md", "Die Stadt investiert 146 Millionen Euro in Schulen.", "2026-11-05")
    claims, findings = run([a, b], [(a, "140 Millionen Euro", "money", 140e6, "EUR", {"upper": 140e6, "approximate": True}),
                                    (b, "146 Millionen Euro", "money", 146e6, "EUR")])
    assert kinds(findings) == [("FL101", "conflict")]


def test_hedge_inside_bounds_is_not_a_conflict_en():
    a = doc("a.md", "The company employs about 12,000 people.", "2026-05-19", "en")
    b = doc("b.md", "The company has 12,300 staff.", "2026-05-20", "en")
    _, findings = run([a, b], [(a, "12,000", "number", 12000.0, None, {"approximate": True}),
                               (b, "12,300", "number", 12300.0, None)])
    assert kinds(findings) == []
    assert [f.code for f in findings] == ["FL301"]


def test_figure_matched_on_the_other_side_leaves_the_rest_alone_en():
    a = doc("a.md", "The offer is a 32% premium to the last close and 45% above the 90-day average.", "2026-05-19", "en")
    b = doc("b.md", "The offer carries a premium of 32% to the last close.", "2026-05-20", "en")
    _, findings = run([a, b], [(a, "32%", "percent", 32.0, "%"), (a, "45%", "percent", 45.0, "%"),
                               (b, "32%", "percent", 32.0, "%")])
    assert kinds(findings) == []


def test_time_varying_measure_at_different_dates_is_drift_de():
    a = doc("a.md", "Die Aktie schloss am Montag bei 135,80 Euro.", "2026-02-03")
    b = doc("b.md", "Die Aktie schloss am Dienstag bei 142,00 Euro.", "2026-02-04")
    _, findings = run([a, b], [(a, "Montag", "date", None, None, {"date": "2026-02-02"}),
                               (a, "135,80 Euro", "money", 135.8, "EUR"),
                               (b, "Dienstag", "date", None, None, {"date": "2026-02-03"}),
                               (b, "142,00 Euro", "money", 142.0, "EUR")])
    assert kinds(findings) == [("FL201", "drift")]


def test_time_varying_measure_on_the_same_day_conflicts_en():
    a = doc("a.md", "The shares closed on Wednesday at $214.50.", "2026-01-22", "en")
    b = doc("b.md", "The stock ended regular trading on January 21 at $209.80.", "2026-01-22", "en")
    _, findings = run([a, b], [(a, "Wednesday", "date", None, None, {"date": "2026-01-21"}),
                               (a, "$214.50", "money", 214.5, "USD"),
                               (b, "January 21", "date", None, None, {"date": "2026-01-21"}),
                               (b, "$209.80", "money", 209.8, "USD")])
    assert kinds(findings) == [("FL101", "conflict")]


def test_competitor_amounts_do_not_conflict_de():
    a = doc("a.md", "Lanxing hat ein Budget von 4 Milliarden Yuan eingeplant.", "2026-02-07")
    b = doc("b.md", "Das Budget ist doppelt so groß wie bei Huoshan (2 Mrd. Yuan) und klar über Miaoke (700 Mio. Yuan).",
            "2026-02-03")
    _, findings = run([a, b], [(a, "4 Milliarden Yuan", "money", 4e9, "CNY"), (b, "2 Mrd. Yuan", "money", 2e9, "CNY"),
                               (b, "700 Mio. Yuan", "money", 7e8, "CNY")])
    assert kinds(findings) == []


def test_other_year_does_not_conflict_en():
    a = doc("a.md", "The club paid a fee of €72m for him.", "2026-07-08", "en")
    b = doc("b.md", "In 2023 the club paid a fee of €9m for him.", "2026-07-08", "en")
    _, findings = run([a, b], [(a, "€72m", "money", 72e6, "EUR"), (b, "2023", "date", None, None, {"date": "2023"}),
                               (b, "€9m", "money", 9e6, "EUR")])
    assert kinds(findings) == []


def test_units_are_compared_after_conversion_en_de():
    a = doc("a.md", "Der Windpark liegt etwa 95 Kilometer vor der Küste.", "2026-06-03")
    b = doc("b.md", "The wind farm lies about 45 miles off the coast.", "2026-06-03", "en")
    _, findings = run([a, b], [(a, "95 Kilometer", "quantity", 95.0, "km", {"approximate": True}),
                               (b, "45 miles", "quantity", 45.0, "mile", {"approximate": True})])
    assert kinds(findings) == [("FL103", "conflict")]


def test_converted_units_that_fit_agree():
    a = doc("a.md", "Das Exportkabel ist 110 Kilometer lang.", "2026-06-03")
    b = doc("b.md", "The export cable is 68 miles long.", "2026-06-03", "en")
    _, findings = run([a, b], [(a, "110 Kilometer", "quantity", 110.0, "km"), (b, "68 miles", "quantity", 68.0, "mile")])
    assert [f.code for f in findings] == ["FL301"]


def test_conversion_conflict_names_the_value_the_reference_supports():
    a = doc("a.md", "Lanxing hat 4 Milliarden Yuan (rund 560 Millionen Dollar) eingeplant.", "2026-02-07")
    b = doc("b.md", "Am 2. Februar gab Lanxing 4 Milliarden Yuan (umgerechnet 576 Mio. US-Dollar) frei.", "2026-02-03")
    claims, findings = run([a, b], [
        (a, "4 Milliarden Yuan", "money", 4e9, "CNY"), (a, "560 Millionen Dollar", "money", 5.6e8, "USD", {"approximate": True}),
        (b, "2. Februar", "date", None, None, {"date": "2026-02-02"}),
        (b, "4 Milliarden Yuan", "money", 4e9, "CNY"), (b, "576 Mio. US-Dollar", "money", 5.76e8, "USD")])
    (conflict,) = [f for f in findings if f.code == "FL106"]
    by_id = {c.id: c for c in claims}
    check = conflict.rate_check
    assert check.rate_date == "2026-02-02" and check.from_currency == "CNY" and check.to_currency == "USD"
    assert check.reference_value == pytest.approx(576e6, rel=0.005)
    assert [by_id[i].surface for i in check.supported] == ["576 Mio. US-Dollar"]
    assert "560 Millionen Dollar is 2.8 % off" in conflict.message
    assert "576 Mio. US-Dollar fits" in conflict.message


def test_conversion_far_from_the_reference_is_an_inconsistency():
    a = doc("a.md", "Lanxing hat 4 Milliarden Yuan (rund 500 Millionen Dollar) eingeplant.", "2026-02-02")
    _, findings = run([a], [(a, "4 Milliarden Yuan", "money", 4e9, "CNY"),
                            (a, "500 Millionen Dollar", "money", 5e8, "USD", {"approximate": True})])
    assert kinds(findings) == [("FL403", "inconsistency")]


def test_weekday_that_does_not_fit_is_flagged():
    a = doc("a.md", "Das Rennen fand am Sonntag, 20. April 2026 statt.", "2026-04-19")
    _, findings = run([a], [(a, "Sonntag, 20. April 2026", "date", None, None,
                             {"date": "2026-04-20", "weekday": "Sonntag", "weekday_mismatch": True})])
    assert kinds(findings) == [("FL401", "inconsistency")]


def test_ratio_that_does_not_fit_its_figures_is_flagged_en():
    a = doc("a.md", "Its budget of $500 million is three times the $100 million of its rival.", "2026-02-02", "en")
    _, findings = run([a], [(a, "$500 million", "money", 5e8, "USD"), (a, "$100 million", "money", 1e8, "USD")])
    assert kinds(findings) == [("FL402", "inconsistency")]


def test_ratio_that_fits_is_quiet_de():
    a = doc("a.md", "Lanxing gibt 4 Mrd. Yuan aus. Das Budget ist doppelt so groß wie bei Huoshan (2 Mrd. Yuan).",
            "2026-02-02")
    _, findings = run([a], [(a, "4 Mrd. Yuan", "money", 4e9, "CNY"), (a, "2 Mrd. Yuan", "money", 2e9, "CNY")])
    assert kinds(findings) == []


def test_dates_of_one_event_that_differ_conflict():
    a = doc("a.md", "Der Stadtrat will am 10. Dezember über den Haushalt abstimmen.", "2026-11-04")
    b = doc("b.md", "Die Abstimmung im Stadtrat ist für den 17. Dezember geplant.", "2026-11-05")
    _, findings = run([a, b], [(a, "10. Dezember", "date", None, None, {"date": "2026-12-10"}),
                               (b, "17. Dezember", "date", None, None, {"date": "2026-12-17"})])
    assert kinds(findings) == [("FL105", "conflict")]


def test_findings_leave_ids_to_the_report():
    a = doc("a.md", "Die Stadt investiert 140 Millionen Euro in ihre Schulen.", "2026-11-04")
    b = doc("b.md", "Die Stadt investiert 146 Millionen Euro in Schulen.", "2026-11-05")
    _, findings = run([a, b], [(a, "140 Millionen Euro", "money", 140e6, "EUR"), (b, "146 Millionen Euro", "money", 146e6, "EUR")])
    assert findings and all(f.id == "" for f in findings)


def test_seven_day_changes_of_different_weeks_are_neither_conflict_nor_drift_de_en():
    a = doc("a.md", "In den vergangenen sieben Tagen ging es um 6,22 % nach unten.", "2026-02-07")
    b = doc("b.md", "The shares fell 2.34% over the past seven days.", "2026-02-03", "en")
    _, findings = run([a, b], [(a, "6,22 %", "percent", 6.22, "%"), (b, "2.34%", "percent", 2.34, "%")])
    assert kinds(findings) == []


def test_drift_is_shown_even_when_the_other_side_also_states_the_first_day_en():
    a = doc("a.md", "Die Aktie schloss am Montag bei 48,20 Euro.", "2026-06-09")
    b = doc("b.md", "The shares closed at €51.10 on Tuesday. On Monday they had ended the session at €49.20.",
            "2026-06-10", "en")
    _, findings = run([a, b], [(a, "Montag", "date", None, None, {"date": "2026-06-08"}),
                               (a, "48,20 Euro", "money", 48.2, "EUR"),
                               (b, "€51.10", "money", 51.1, "EUR"), (b, "Tuesday", "date", None, None, {"date": "2026-06-09"}),
                               (b, "Monday", "date", None, None, {"date": "2026-06-08"}),
                               (b, "€49.20", "money", 49.2, "EUR")])
    assert kinds(findings) == [("FL101", "conflict"), ("FL201", "drift")]


def test_figures_far_apart_are_two_facts_not_a_conflict_en():
    a = doc("a.md", "Tessanby would pay a $310 million fee.", "2026-05-19", "en")
    b = doc("b.md", "The fee is $31 million.", "2026-05-20", "en")
    _, findings = run([a, b], [(a, "$310 million", "money", 3.1e8, "USD"), (b, "$31 million", "money", 3.1e7, "USD")])
    assert kinds(findings) == []


def test_generic_event_dates_conflict_only_with_a_shared_name_en():
    a = doc("a.md", "The company announced on Monday a new chief executive.", "2026-05-19", "en")
    b = doc("b.md", "Rivals announced on Tuesday that prices would rise.", "2026-05-20", "en")
    _, findings = run([a, b], [(a, "Monday", "date", None, None, {"date": "2026-05-18"}),
                               (b, "Tuesday", "date", None, None, {"date": "2026-05-19"})])
    assert kinds(findings) == []
    c = doc("c.md", "Brackmoor and Tessanby announced the deal on Monday.", "2026-05-19", "en")
    d = doc("d.md", "Brackmoor and Tessanby announced the deal last Friday.", "2026-05-20", "en")
    _, findings = run([c, d], [(c, "Monday", "date", None, None, {"date": "2026-05-18"}),
                               (d, "last Friday", "date", None, None, {"date": "2026-05-15"})])
    assert kinds(findings) == [("FL105", "conflict")]


def test_more_than_does_not_reach_below_its_bound_de_en():
    a = doc("a.md", "Nach Listenpreisen ist der Auftrag mehr als 5 Milliarden Dollar wert.", "2026-07-22")
    b = doc("b.md", "The deal is worth $4.6 billion at list prices.", "2026-07-21", "en")
    _, findings = run([a, b], [(a, "5 Milliarden Dollar", "money", 5e9, "USD", {"lower": 5e9}),
                               (b, "$4.6 billion", "money", 4.6e9, "USD")])
    assert kinds(findings) == [("FL101", "conflict")]
