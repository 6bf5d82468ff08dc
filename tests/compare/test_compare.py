"""Comparison: intervals, conflicts, drift, agreements, conversions, inconsistencies."""

import pytest

from factlint.checker.compare import compare
from factlint.checker.values import interval
from factlint.checker.context import annotate
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
    ("rund 8.000", 8000, {"approximate": True}, 7500, 8500),
    ("6.300", 6300, {}, 6299.5, 6300.5),
    ("2,34 %", 2.34, {}, 2.335, 2.345),
])
def test_interval_from_written_precision_and_hedge(surface, value, fields, low, high):
    d = doc("a.md", f"Es sind {surface}.")
    lo, hi = interval(claim(d, surface, "number", value, None, **fields))
    assert lo == pytest.approx(low) and hi == pytest.approx(high)


def test_more_than_means_a_value_near_its_bound():
    d = doc("a.md", "mehr als eine Million Abonnenten, mehr als 140 Nachbeben, bis zu 45.000 Fans")
    lo, hi = interval(claim(d, "eine Million", "number", 1e6, None, lower=1e6))
    assert lo == 1e6 and hi == 2e6  # spelled out: one step of its order of magnitude
    lo, hi = interval(claim(d, "140", "number", 140.0, None, lower=140.0))
    assert lo == 140 and hi == pytest.approx(154)  # a rounding step (10), at least 10 %
    lo, hi = interval(claim(d, "45.000", "number", 45000.0, None, upper=45000.0))
    assert lo == pytest.approx(40500) and hi == 45000  # "bis zu 45.000" does not reach down to 16.000


def test_just_under_reaches_only_a_little_below():
    d = doc("a.md", "knapp 300 Boote")
    c = claim(d, "300", "number", 300.0, None, upper=300.0, approximate=True)
    lo, hi = interval(c)
    assert 240 < lo < 300 and hi == 300


def test_different_amounts_conflict_de_en():
    a = doc("a.md", "Der Landkreis steckt knapp 80 Millionen Euro in seine Kliniken.", "2026-03-24")
    b = doc("b.md", "Der Landkreis investiert 84 Millionen Euro in die Kliniken.", "2026-03-25")
    claims, findings = run([a, b], [(a, "80 Millionen Euro", "money", 80e6, "EUR", {"upper": 80e6, "approximate": True}),
                                    (b, "84 Millionen Euro", "money", 84e6, "EUR")])
    assert kinds(findings) == [("FL101", "conflict")]


def test_hedge_inside_bounds_is_not_a_conflict_en():
    a = doc("a.md", "The airline employs about 5,000 people.", "2026-09-02", "en")
    b = doc("b.md", "The airline has 5,200 staff.", "2026-09-03", "en")
    _, findings = run([a, b], [(a, "5,000", "number", 5000.0, None, {"approximate": True}),
                               (b, "5,200", "number", 5200.0, None)])
    assert kinds(findings) == []
    assert [f.code for f in findings] == ["FL301"]


def test_figure_matched_on_the_other_side_leaves_the_rest_alone_en():
    a = doc("a.md", "The takeover price carries a premium of 27% on the last close and lies 38% above the average of the past quarter.", "2026-09-02", "en")
    b = doc("b.md", "Shareholders are offered 27% more than the last close, a generous premium.", "2026-09-03", "en")
    _, findings = run([a, b], [(a, "27%", "percent", 27.0, "%"), (a, "38%", "percent", 38.0, "%"),
                               (b, "27%", "percent", 27.0, "%")])
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
    a = doc("a.md", "On Friday the shares finished at $87.40.", "2026-10-10", "en")
    b = doc("b.md", "The stock closed on October 9 at $84.95.", "2026-10-10", "en")
    _, findings = run([a, b], [(a, "Friday", "date", None, None, {"date": "2026-10-09"}),
                               (a, "$87.40", "money", 87.4, "USD"),
                               (b, "October 9", "date", None, None, {"date": "2026-10-09"}),
                               (b, "$84.95", "money", 84.95, "USD")])
    assert kinds(findings) == [("FL101", "conflict")]


def test_competitor_amounts_do_not_conflict_de():
    a = doc("a.md", "Lanxing hat ein Budget von 4 Milliarden Yuan eingeplant.", "2026-02-07")
    b = doc("b.md", "Das Budget ist doppelt so groß wie bei Huoshan (2 Mrd. Yuan) und klar über Miaoke (700 Mio. Yuan).",
            "2026-02-03")
    _, findings = run([a, b], [(a, "4 Milliarden Yuan", "money", 4e9, "CNY"), (b, "2 Mrd. Yuan", "money", 2e9, "CNY"),
                               (b, "700 Mio. Yuan", "money", 7e8, "CNY")])
    assert kinds(findings) == []


def test_other_year_does_not_conflict_en():
    a = doc("a.md", "The club paid a fee of €38m for her.", "2026-08-20", "en")
    b = doc("b.md", "In 2022 the club paid a fee of €6m for her.", "2026-08-20", "en")
    _, findings = run([a, b], [(a, "€38m", "money", 38e6, "EUR"), (b, "2022", "date", None, None, {"date": "2022"}),
                               (b, "€6m", "money", 6e6, "EUR")])
    assert kinds(findings) == []


def test_units_are_compared_after_conversion_en_de():
    a = doc("a.md", "Die Bohrinsel steht etwa 160 Kilometer vor der Küste.", "2026-08-18")
    b = doc("b.md", "The drilling rig stands about 60 miles off the coast.", "2026-08-18", "en")
    _, findings = run([a, b], [(a, "160 Kilometer", "quantity", 160.0, "km", {"approximate": True}),
                               (b, "60 miles", "quantity", 60.0, "mile", {"approximate": True})])
    assert kinds(findings) == [("FL103", "conflict")]


def test_converted_units_that_fit_agree():
    a = doc("a.md", "Der Straßentunnel ist 24 Kilometer lang.", "2026-08-18")
    b = doc("b.md", "The road tunnel is 14.9 miles long.", "2026-08-18", "en")
    _, findings = run([a, b], [(a, "24 Kilometer", "quantity", 24.0, "km"), (b, "14.9 miles", "quantity", 14.9, "mile")])
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
    a = doc("a.md", "Das Abschlusskonzert fand am Samstag, 15. November 2026 statt.", "2026-11-16")
    _, findings = run([a], [(a, "Samstag, 15. November 2026", "date", None, None,
                             {"date": "2026-11-15", "weekday": "Samstag", "weekday_mismatch": True})])
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
    a = doc("a.md", "Der Kreistag will den Klinikneubau am 24. Februar beschließen.", "2026-01-14")
    b = doc("b.md", "Laut Tagesordnung soll der Kreistag am 3. März über den Neubau der Klinik beschließen.", "2026-01-15")
    _, findings = run([a, b], [(a, "24. Februar", "date", None, None, {"date": "2026-02-24"}),
                               (b, "3. März", "date", None, None, {"date": "2026-03-03"})])
    assert kinds(findings) == [("FL105", "conflict")]


def test_findings_leave_ids_to_the_report():
    a = doc("a.md", "Der Landkreis investiert 80 Millionen Euro in seine Kliniken.", "2026-03-24")
    b = doc("b.md", "Der Landkreis investiert 84 Millionen Euro in die Kliniken.", "2026-03-25")
    _, findings = run([a, b], [(a, "80 Millionen Euro", "money", 80e6, "EUR"), (b, "84 Millionen Euro", "money", 84e6, "EUR")])
    assert findings and all(f.id == "" for f in findings)


def test_seven_day_changes_of_different_weeks_are_neither_conflict_nor_drift_de_en():
    a = doc("a.md", "In den vergangenen sieben Tagen ging es um 6,22 % nach unten.", "2026-02-07")
    b = doc("b.md", "The shares fell 2.34% over the past seven days.", "2026-02-03", "en")
    _, findings = run([a, b], [(a, "6,22 %", "percent", 6.22, "%"), (b, "2.34%", "percent", 2.34, "%")])
    assert kinds(findings) == []


def test_a_reading_pairs_with_the_other_sides_reading_of_the_same_day_en():
    a = doc("a.md", "Die Aktie schloss am Montag bei 48,20 Euro.", "2026-06-09")
    b = doc("b.md", "The shares closed at €51.10 on Tuesday. On Monday they had ended the session at €49.20.",
            "2026-06-10", "en")
    _, findings = run([a, b], [(a, "Montag", "date", None, None, {"date": "2026-06-08"}),
                               (a, "48,20 Euro", "money", 48.2, "EUR"),
                               (b, "€51.10", "money", 51.1, "EUR"), (b, "Tuesday", "date", None, None, {"date": "2026-06-09"}),
                               (b, "Monday", "date", None, None, {"date": "2026-06-08"}),
                               (b, "€49.20", "money", 49.2, "EUR")])
    assert kinds(findings) == [("FL101", "conflict")]


def test_figures_far_apart_are_two_facts_not_a_conflict_en():
    a = doc("a.md", "Tessanby would owe a break fee of $260 million if the deal collapsed.", "2026-09-02", "en")
    b = doc("b.md", "Analysts put the cost of the new terminal at $41 million, the port said.", "2026-09-03", "en")
    _, findings = run([a, b], [(a, "$260 million", "money", 2.6e8, "USD"), (b, "$41 million", "money", 4.1e7, "USD")])
    assert kinds(findings) == []


def test_a_dropped_digit_is_a_likely_typo_even_far_apart_en():
    a = doc("a.md", "Tessanby would owe a $260 million fee.", "2026-09-02", "en")
    b = doc("b.md", "The fee is $26 million.", "2026-09-02", "en")
    _, findings = run([a, b], [(a, "$260 million", "money", 2.6e8, "USD"), (b, "$26 million", "money", 2.6e7, "USD")])
    assert kinds(findings) == [("FL101", "conflict")]
    assert "typo" in next(f.message for f in findings if f.kind == "conflict")


def test_generic_event_dates_conflict_only_with_a_shared_name_en():
    a = doc("a.md", "The company announced on Tuesday a new finance chief.", "2026-10-21", "en")
    b = doc("b.md", "Rivals announced on Wednesday that fares would rise.", "2026-10-22", "en")
    _, findings = run([a, b], [(a, "Tuesday", "date", None, None, {"date": "2026-10-20"}),
                               (b, "Wednesday", "date", None, None, {"date": "2026-10-21"})])
    assert kinds(findings) == []
    c = doc("c.md", "Brackmoor and Tessanby disclosed the tie-up on Tuesday.", "2026-10-21", "en")
    d = doc("d.md", "Brackmoor and Tessanby disclosed the tie-up last Thursday.", "2026-10-22", "en")
    _, findings = run([c, d], [(c, "Tuesday", "date", None, None, {"date": "2026-10-20"}),
                               (d, "last Thursday", "date", None, None, {"date": "2026-10-15"})])
    assert kinds(findings) == [("FL105", "conflict")]


def test_more_than_does_not_reach_below_its_bound_de_en():
    a = doc("a.md", "Nach Listenpreisen ist der Auftrag mehr als 5 Milliarden Dollar wert.", "2026-07-22")
    b = doc("b.md", "The deal is worth $4.6 billion at list prices.", "2026-07-21", "en")
    _, findings = run([a, b], [(a, "5 Milliarden Dollar", "money", 5e9, "USD", {"lower": 5e9}),
                               (b, "$4.6 billion", "money", 4.6e9, "USD")])
    assert kinds(findings) == [("FL101", "conflict")]


# Drift or conflict is decided per pair from what the sentences say about time.

def test_a_running_tally_on_two_days_is_drift_en():
    a = doc("a.md", "Rescuers said on Monday that 31 people had been pulled from the rubble so far.", "2026-04-13", "en")
    b = doc("b.md", "The number of people pulled from the rubble has risen to 44, rescuers said.", "2026-04-14", "en")
    _, findings = run([a, b], [(a, "31", "number", 31.0, None, {"counted": "people"}),
                               (b, "44", "number", 44.0, None)])
    assert kinds(findings) == [("FL201", "drift")]


def test_a_fixed_fact_on_two_days_is_a_conflict_de():
    a = doc("a.md", "Die neue Brücke über die Saale ist 410 Meter lang.", "2026-04-13")
    b = doc("b.md", "Die neue Saalebrücke hat eine Länge von 440 Metern.", "2026-04-15")
    _, findings = run([a, b], [(a, "410 Meter", "quantity", 410.0, "m"), (b, "440 Metern", "quantity", 440.0, "m")])
    assert kinds(findings) == [("FL103", "conflict")]


def test_the_same_number_in_two_currencies_is_a_likely_mix_up_de_en():
    a = doc("a.md", "Der Bund fördert das Werk mit 1,2 Milliarden Euro.", "2026-02-03")
    b = doc("b.md", "The federal government is backing the plant with $1.2 billion in aid.", "2026-02-03", "en")
    _, findings = run([a, b], [(a, "1,2 Milliarden Euro", "money", 1.2e9, "EUR"), (b, "$1.2 billion", "money", 1.2e9, "USD")])
    (conflict,) = [f for f in findings if f.kind == "conflict"]
    assert "currency" in conflict.message


def test_every_mention_of_a_figure_is_listed_en():
    a = doc("a.md", "Flooding leaves 1,300 homes without power\n\nOn Sunday 1,300 homes were without power, the utility said.",
            "2026-03-02", "en")
    b = doc("b.md", "The utility said 1,800 homes were without power on Sunday.", "2026-03-02", "en")
    claims, findings = run([a, b], [(a, "1,300", "number", 1300.0, None, {"counted": "homes"}),
                                    (a, "1,300", "number", 1300.0, None, {"counted": "homes", "occurrence": 2}),
                                    (b, "1,800", "number", 1800.0, None, {"counted": "homes"})])
    (conflict,) = [f for f in findings if f.kind == "conflict"]
    assert len(conflict.claims) == 3


def test_changes_each_dated_to_its_own_day_are_two_facts_de_en():
    a = doc("a.md", "Die Aktie der Brenner AG legte am Montag um 4,2 Prozent zu.", "2026-02-03")
    b = doc("b.md", "Brenner shares closed down 3.8% on Tuesday.", "2026-02-04", "en")
    specs = [(a, "Montag", "date", None, None, {"date": "2026-02-02"}), (a, "4,2 Prozent", "percent", 4.2, "%"),
             (b, "3.8%", "percent", 3.8, "%"), (b, "Tuesday", "date", None, None, {"date": "2026-02-03"})]
    claims, findings = run([a, b], specs)
    assert kinds(findings) == []
    # the same change read on two days is still compared
    c = doc("c.md", "Brenner shares rose 3.8% on Monday.", "2026-02-04", "en")
    _, findings = run([a, c], specs[:2] + [(c, "3.8%", "percent", 3.8, "%"),
                                           (c, "Monday", "date", None, None, {"date": "2026-02-02"})])
    assert [kind for _, kind in kinds(findings)] == ["conflict"]
