"""Facts: the figures several sources give for one thing are one finding, and the
evidence that ranks candidate partners (values near each other, syntax around a figure)."""

from __future__ import annotations

from pathlib import Path

import pytest

from factlint.checker.align.gates import stamp
from factlint.checker.align.link import Figure, Link, _match, closeness, facts
from factlint.checker.compare.across import Ranges, check_links
from factlint.checker.compare.findings import Checks
from factlint.checker.context import annotate
from factlint.checker.pipeline import check
from factlint.checker.values import interval, overlap
from factlint.rules.loader import RuleSet
from tests.compare.claims import claim, doc, ids


def write(folder: Path, articles: dict[str, tuple[str, str, str]]) -> Path:
    for name, (lang, published, body) in articles.items():
        (folder / name).write_text(f"---\npublished: {published}\nlang: {lang}\n---\n{body}\n", encoding="utf-8")
    return folder


def open_findings(report):
    surface = {c.id: c.surface for c in report.claims}
    return [(f.kind, sorted({surface[i] for i in f.claims})) for f in report.findings if f.kind != "agreement"]


def test_three_outlets_with_three_tolls_give_one_conflict_de(tmp_path):
    write(tmp_path, {
        "a.md": ("de", "2026-05-04", "Beim Einsturz der Brücke von Orlen starben nach Angaben der Feuerwehr 1.204 Menschen."),
        "b.md": ("de", "2026-05-04", "Die Feuerwehr von Orlen zählt nach dem Einsturz der Brücke 1.240 Tote."),
        "c.md": ("de", "2026-05-04", "Nach dem Einsturz der Brücke in Orlen meldet die Feuerwehr 1.420 Tote."),
    })
    assert open_findings(check([tmp_path])) == [("conflict", ["1.204", "1.240", "1.420"])]


def test_an_outlet_repeating_a_known_value_joins_the_fact_en(tmp_path):
    write(tmp_path, {
        "a.md": ("en", "2026-05-04", "Officials in Marrow said the flood displaced 3,400 residents."),
        "b.md": ("en", "2026-05-04", "The flood in Marrow displaced 3,900 residents, officials said."),
        "c.md": ("en", "2026-05-04", "According to officials, 3,400 Marrow residents were displaced by the flood."),
    })
    report = check([tmp_path])
    assert open_findings(report) == [("conflict", ["3,400", "3,900"])]
    (finding,) = [f for f in report.findings if f.kind == "conflict"]
    assert {c.document for c in report.claims if c.id in finding.claims} == {"a.md", "b.md", "c.md"}


def fig(d, surface, value):
    (c,) = ids([claim(d, surface, "number", value)])
    return Figure([c])


def test_a_fact_holds_one_figure_per_document_and_the_weaker_link_yields():
    a = doc("a.md", "Es gab 12 Verletzte und 15 Festnahmen.")
    b = doc("b.md", "Es gab 12 Verletzte.")
    c = doc("c.md", "Es gab 15 Festnahmen.")
    a12, a15, b12, c15 = fig(a, "12", 12.0), fig(a, "15", 15.0), fig(b, "12", 12.0), fig(c, "15", 15.0)
    links = [Link(a12, b12, 0.9, ()), Link(a15, c15, 0.8, ()), Link(b12, c15, 0.2, ())]
    kept = facts(links)
    assert [(l.a.claim.surface, l.b.claim.surface) for l in kept] == [("12", "12"), ("15", "15")]
    assert kept[0].fact != kept[1].fact


def test_figures_written_to_the_same_digit_that_differ_in_it_do_not_fit():
    d = doc("a.md", "Die Inflation lag bei 3,4 Prozent, bei 3,5 Prozent und bei 3,45 Prozent.")
    x, y, z = (claim(d, s, "percent", v, "%") for s, v in (("3,4 Prozent", 3.4), ("3,5 Prozent", 3.5), ("3,45 Prozent", 3.45)))
    assert not overlap(interval(x), interval(y))  # 3.4 reaches up to 3.45, 3.5 down to it: they only touch
    assert overlap(interval(z), interval(y)) and overlap(interval(z), interval(x))  # 3.45 rounds to either


def test_inflation_of_one_decimal_apart_is_reported_en(tmp_path):
    write(tmp_path, {
        "a.md": ("en", "2026-05-04", "Consumer prices in Ostria rose 3.5% in April from a year earlier, the statistics office said."),
        "b.md": ("en", "2026-05-04", "Ostria's statistics office said consumer prices rose 3.4% in April from a year earlier."),
    })
    assert open_findings(check([tmp_path])) == [("conflict", ["3.4%", "3.5%"])]


def test_near_values_are_closer_than_far_ones():
    d = doc("a.md", "Es sind 100 und 104 und 180.")
    a, b, c = (claim(d, s, "number", v) for s, v in (("100", 100.0), ("104", 104.0), ("180", 180.0)))
    assert closeness(a, a) == 1.0
    assert 0.0 < closeness(a, b) < 1.0
    assert closeness(a, c) == 0.0


def core_weight(text: str) -> float:
    d = doc("a.md", text, "2026-05-13", "en")
    (c,) = ids([claim(d, "3.1 per cent", "percent", 3.1, "%")])
    annotate([d], [c])
    return c.about["core"]


def test_an_inserted_clause_does_not_push_the_subject_away_en():
    insertion = "which strips out energy, food, alcohol and tobacco and is watched closely by the central bank"
    enclosed = core_weight(f"Core inflation, {insertion}, slowed to 3.1 per cent.")
    plain = core_weight("Core inflation slowed to 3.1 per cent.")
    run_on = core_weight(f"Core inflation {insertion.replace(',', '')} slowed to 3.1 per cent.")
    assert plain > enclosed > 0.5 * plain and enclosed > run_on


def test_a_byline_with_a_time_zone_is_a_stamp_not_an_event_en():
    d = doc("a.md", "February 29, 2012 3:24 PM PST\n\nThe chip maker bought the start-up on Wednesday.", "2012-02-29", "en")
    byline = claim(d, "February 29, 2012", "date", date="2012-02-29")
    event = claim(d, "Wednesday", "date", date="2012-02-29")
    ids([byline, event])
    annotate([d], [byline, event])
    assert stamp(byline) and not stamp(event)


def test_a_place_and_date_line_is_a_stamp_not_an_event_de():
    d = doc("a.md", "Harwick, 27. April 2026\n\nDer Marathon fand am 26. April statt.", "2026-04-27")
    dateline = claim(d, "27. April 2026", "date", date="2026-04-27")
    event = claim(d, "26. April", "date", date="2026-04-26")
    ids([dateline, event])
    annotate([d], [dateline, event])
    assert stamp(dateline) and not stamp(event)  # capitalised nouns are no words of an event's sentence


def test_ages_of_two_named_people_are_not_one_fact_en(tmp_path):
    write(tmp_path, {
        "a.md": ("en", "2010-05-05", "\"We cannot live on this,\" said 61-year-old Anargo Bizanis, a retired postman."),
        "b.md": ("en", "2010-05-05", "\"We will not stop,\" said 76-year-old Kostas Doranis, a retired farmer."),
    })
    assert open_findings(check([tmp_path])) == []


def test_the_age_of_one_named_person_is_compared_de(tmp_path):
    write(tmp_path, {
        "a.md": ("de", "2010-05-05", "Der Angeklagte Anton Lacamir, 38, schwieg vor Gericht."),
        "b.md": ("de", "2010-05-05", "Vor Gericht schwieg der 36-jährige Anton Lacamir."),
    })
    assert open_findings(check([tmp_path])) == [("conflict", ["36", "38"])]


def test_a_figure_with_several_alike_candidates_links_to_none_en(tmp_path):
    write(tmp_path, {
        "a.md": ("en", "2013-03-08", "Marek Olden scored 14 points for the Herons."),
        "b.md": ("en", "2013-03-08", "For the Herons, Tavi Brun scored 12 points and Lio Sarn scored 16 points."),
    })
    assert open_findings(check([tmp_path])) == []


def test_the_one_clear_counterpart_is_linked_en(tmp_path):
    write(tmp_path, {
        "a.md": ("en", "2013-03-08", "Marek Olden scored 14 points for the Herons."),
        "b.md": ("en", "2013-03-08", "Marek Olden scored 16 points for the Herons, Tavi Brun grabbed 9 rebounds."),
    })
    assert open_findings(check([tmp_path])) == [("conflict", ["14", "16"])]


def test_a_figure_whose_best_partner_is_taken_by_a_stronger_pair_links_to_its_next():
    # (score, figure of a, figure of b): a0–b0 is the strongest pair; a1 likes b0 too, but b0 is
    # taken, and a1's next candidate b1 has no free rival: a1–b1 is linked.
    scored = [(0.9, 0, 0), (0.5, 1, 0), (0.4, 1, 1)]
    assert _match(scored) == [(0.9, 0, 0), (0.4, 1, 1)]


def test_a_pair_that_can_be_no_link_is_no_rival():
    # a0 is a little more like b1 (a figure twenty times its value, never one fact with it)
    # than like b0: a0–b0 still stands out among the pairs that can be links.
    scored = [(0.55, 0, 1), (0.56, 0, 0)]
    assert _match(scored) == []
    assert _match(scored, never={(0, 1)}) == [(0.56, 0, 0)]


def test_a_far_apart_lookalike_does_not_hide_the_running_count_de():
    # b's 312 animals killed statewide share nearly as many words with a's 14 attacks as b's
    # 19 attacks do, too many for 14–19 to stand out; but 312 is twenty times 14 and only
    # weakly alike: never one fact with it, so no rival either. 14 and 19 are one fact.
    from factlint.checker.align import align
    from tests.compare.claims import claim, doc, ids

    a = doc("a.md", "Seit Jahresbeginn zählt der Landkreis 14 Übergriffe auf Nutztiere.", "2026-03-05")
    b = doc("b.md", "Bislang 19 Übergriffe im Landkreis. Landesweit rissen Wölfe 312 Nutztiere.", "2026-03-09")
    x = claim(a, "14", "number", 14.0, about={"übergriff": 1.0, "landkreis": 0.6, "nutztier": 0.8, "jahresbeginn": 0.6})
    y = claim(b, "19", "number", 19.0, about={"übergriff": 1.0, "bislang": 0.8, "landkreis": 0.5})
    z = claim(b, "312", "number", 312.0, about={"nutztier": 1.0, "landkreis": 0.9, "wolf": 0.8, "landesweit": 0.5})
    assert [(link.a.claim.surface, link.b.claim.surface) for link in align(ids([x, y, z]))] == [("14", "19")]


def test_two_alike_free_candidates_give_no_pair():
    assert _match([(0.50, 0, 0), (0.48, 0, 1)]) == []
    assert _match([(0.50, 0, 0), (0.48, 1, 0)]) == []


def test_a_finding_lists_every_figure_of_its_fact_also_one_linked_only_to_its_agreeing_twin():
    # a's 14 is linked to c's 12 only; b's 12 is linked to c's 12 (they agree). The conflict of
    # the fact names b's 12 too: it states the same figure, and b is a place to fix as well.
    a = doc("a.md", "Der Sturm hat 14 Menschen verletzt.", "2026-05-04")
    b = doc("b.md", "Der Sturm hat 12 Menschen verletzt.", "2026-05-04")
    c = doc("c.md", "Bei dem Sturm wurden 12 Menschen verletzt.", "2026-05-04")
    a14, b12, c12 = (fig(d, s, v) for d, s, v in ((a, "14", 14.0), (b, "12", 12.0), (c, "12", 12.0)))
    links = facts([Link(b12, c12, 0.9, ("story", "number")), Link(a14, c12, 0.5, ("story", "number"))])
    rules = RuleSet.load()
    claims = [a14.claim, b12.claim, c12.claim]
    conflicts = [f for f in check_links(links, Checks(rules.checks), Ranges(claims)) if f.kind == "conflict"]
    assert [sorted(f.claims) for f in conflicts] == [sorted(c.id for c in claims)]


def test_a_weak_link_does_not_pull_a_third_outlets_figure_into_a_fact_it_is_unlike():
    a = doc("a.md", "Es gab 12 Festnahmen.")
    b = doc("b.md", "Es gab 12 Festnahmen.")
    c = doc("c.md", "Es gab 41 Festnahmen.")
    a12, b12, c41 = fig(a, "12", 12.0), fig(b, "12", 12.0), fig(c, "41", 41.0)
    strong, weak = Link(a12, b12, 0.9, ()), Link(b12, c41, 0.1, ())
    alike = {(id(a12), id(b12)): 0.9, (id(b12), id(c41)): 0.1}  # a's 12 and c's 41 share nothing
    assert facts([strong, weak], alike) == [strong]
    alike[(id(a12), id(c41))] = 0.3  # … unless they are alike too
    assert facts([Link(a12, b12, 0.9, ()), Link(b12, c41, 0.1, ())], alike)[1].b is c41


def test_a_figure_far_from_the_others_does_not_join_their_fact_en(tmp_path):
    write(tmp_path, {
        "a.md": ("en", "2026-03-03", "The flood in Marrow killed at least 40 people, and 1,400 rescuers were sent to Marrow."),
        "b.md": ("en", "2026-03-04", "Marrow flood: the death toll passes 100 as rescuers search the valley."),
        "c.md": ("en", "2026-03-05", "The death toll from the Marrow flood has risen to 203, officials said."),
    })
    report = check([tmp_path])
    found = open_findings(report)
    assert found and all("1,400" not in surfaces for _, surfaces in found)


def test_the_parts_of_a_score_are_compared_only_with_parts_of_scores_en(tmp_path):
    write(tmp_path, {
        "a.md": ("en", "2026-03-08", "Halvorsen won 65-53 over Drake. Carter had 12 points for Drake."),
        "b.md": ("en", "2026-03-08", "Halvorsen improved to 25-7 on the season. Carter scored 14 points for Drake."),
    })
    report = check([tmp_path])
    claims = {c.surface: c for c in report.claims}
    assert "pair" in claims["65"].qualifiers and "pair" in claims["7"].qualifiers
    assert "pair" not in claims["12"].qualifiers
    assert ("conflict", ["12", "14"]) in open_findings(report)
    assert all(not {"7", "53"} & set(surfaces) for _, surfaces in open_findings(report))


def test_a_running_tally_that_grew_stays_linked_but_one_that_shrank_tenfold_does_not(tmp_path):
    from factlint.checker.align.link import unlikely

    a = doc("a.md", "So far 12 images have arrived.", "2026-03-03", "en")
    b = doc("b.md", "By now 400 images have arrived.", "2026-03-09", "en")
    x, y = ids([claim(a, "12", "number", 12.0), claim(b, "400", "number", 400.0)])
    annotate([a, b], [x, y])
    assert "running" in y.qualifiers
    assert not unlikely(x, y, 0.3, across=False)
    x.as_of, y.as_of = y.as_of, x.as_of  # 400 first, 12 later: no tally shrinks like that
    assert unlikely(x, y, 0.3, across=False)


def test_a_fit_through_an_exchange_rate_weighs_less_than_a_near_price_in_one_currency_en():
    from factlint.checker.align.link import _link

    a, b = doc("a.md", "UK buyers pay £899.", "2026-03-05", "en"), doc("b.md", "UK: £849. Rivals: $1,000.", "2026-03-05", "en")
    (x,), (near, dollars) = ids([claim(a, "£899", "money", 899.0, "GBP")]), ids([claim(b, "£849", "money", 849.0, "GBP"),
                                                                                 claim(b, "$1,000", "money", 1000.0, "USD")])
    xs, ys = [Figure([x])], [Figure([near]), Figure([dollars])]

    def profile(cosine: float, own: str):  # a unit vector at `cosine` to {"p": 1}
        return [({"p": cosine, own: (1 - cosine ** 2) ** 0.5}, 1.0)]

    vectors = {id(xs[0]): [({"p": 1.0}, 1.0)], id(ys[0]): profile(0.25, "q"), id(ys[1]): profile(0.16, "r")}
    fits = lambda one, other: other.unit != one.unit  # only the dollar amount fits, through a rate
    (link,) = _link(xs, ys, vectors, fits, (0, "money", "money", "", ()))
    assert link.b.claim.surface == "£849"


def test_small_counts_are_linked_only_when_strongly_alike_en(tmp_path):
    write(tmp_path, {
        "a.md": ("en", "2026-04-17", "Police said the gunman at the Troy accounting firm shot two managers."),
        "b.md": ("en", "2026-04-17", "The Troy accounting firm employs three people in its tax department, police said."),
    })
    assert open_findings(check([tmp_path])) == []
    write(tmp_path, {
        "a.md": ("en", "2026-04-17", "Two climbers died on the Tasman Glacier at the weekend, police said."),
        "b.md": ("en", "2026-04-17", "Three climbers died on the Tasman Glacier at the weekend, police said."),
    })
    assert open_findings(check([tmp_path])) == [("conflict", ["Three", "Two"])]


def test_a_headline_rounding_the_body_is_told_as_a_mention_of_its_figure_en(tmp_path):
    for name, published, title, body in (
        ("a.md", "2026-06-02", "Ferry disaster: toll passes 40", "The number of people killed when the ferry capsized off Dunmore has risen to 43, the coast guard said on Tuesday."),
        ("b.md", "2026-06-03", "Ferry toll rises to 58", "The coast guard said on Wednesday that 58 people were killed when the ferry capsized off Dunmore."),
    ):
        (tmp_path / name).write_text(f"---\ntitle: \"{title}\"\npublished: {published}\nlang: en\n---\n\n{body}\n",
                                     encoding="utf-8")
    report = check([tmp_path])
    assert open_findings(report) == [("drift", ["40", "43", "58"])]


def test_an_amount_named_by_its_order_yields_to_the_stated_figure_beside_it_en(tmp_path):
    write(tmp_path, {
        "a.md": ("en", "2026-06-02", "The storm killed at least 31 people on Tuesday and left dozens more trapped in their homes."),
        "b.md": ("en", "2026-06-03", "The storm that hit the coast on Tuesday has killed 38 people, officials said."),
    })
    assert open_findings(check([tmp_path])) == [("conflict", ["31", "38"])]


def test_a_tally_that_has_risen_is_linked_across_languages_past_a_part_of_it(tmp_path):
    write(tmp_path, {
        "a.md": ("en", "2026-05-13", "The number of people hurt in the blast has risen to 23, officials "
                                     "said.\n\nThree of the injured remain in a serious condition."),
        "b.md": ("de", "2026-05-13", "Nach der Explosion steigt die Zahl der Verletzten auf 26."),
    })
    assert open_findings(check([tmp_path])) == [("conflict", ["23", "26"])]


def test_a_fit_says_less_the_wider_the_range_a_figure_allows():
    from factlint.checker.align.link import _fit_weight

    d = doc("a.md", "It cancelled 1,180 flights, then 1,180 more, in all more than a thousand.", lang="en")
    exact, other = claim(d, "1,180", "number", 1180.0), claim(d, "1,180", "number", 1180.0, occurrence=2)
    wide = claim(d, "a thousand", "number", 1000.0)
    assert _fit_weight(exact, other) == 1.0
    assert _fit_weight(wide, exact) < 0.5


def test_figures_each_sentence_dates_to_its_own_articles_day_are_readings_of_two_days_de_en(tmp_path):
    write(tmp_path, {
        "a.md": ("de", "2026-03-09", "Die Aktie von Brandlmayr kostete am Montag 66,90 Euro."),
        "b.md": ("en", "2026-03-10", "A Brandlmayr share cost €67.40 on Tuesday."),
    })
    assert open_findings(check([tmp_path])) == [("drift", ["66,90 Euro", "€67.40"])]


def test_the_only_figures_of_their_block_in_two_articles_need_less_alike_profiles():
    from factlint.checker.align.link import THRESHOLD, _link, _vector

    a, b = doc("a.md", "Core output rose to 310 units; 41 banks applied.", lang="en"), \
        doc("b.md", "Core output was 330 units in April.", lang="en")
    x, other, y = fig(a, "310", 310.0), fig(a, "41", 41.0), fig(b, "330", 330.0)
    profiles = {id(x): {**dict.fromkeys("abcdefghij", 1.0), "core": 1.0}, id(other): {"banks": 1.0},
                id(y): {**dict.fromkeys("ABCDEFGHIJ", 1.0), "core": 1.0}}
    idf = {f: 1.0 for p in profiles.values() for f in p}
    vectors = {k: [_vector(p, idf)] for k, p in profiles.items()}
    key = ("story", "number", "n", "", ())
    assert THRESHOLD / 2 < 1 / 11 < THRESHOLD  # the two share one feature of eleven
    assert [(l.a, l.b) for l in _link([x], [y], vectors, None, key)] == [(x, y)]
    assert _link([x, other], [y], vectors, None, key) == []


def test_a_day_worked_out_from_a_few_weeks_is_held_against_no_other_en(tmp_path):
    write(tmp_path, {
        "a.md": ("en", "2012-02-29", "Less than a month ago, Intel and Sorrel held a joint press event."),
        "b.md": ("en", "2012-02-29", "Just a few weeks ago the two companies held a joint press event."),
    })
    assert open_findings(check([tmp_path])) == []


def test_a_year_after_since_is_a_baseline_not_an_event_of_the_story_en_de(tmp_path):
    write(tmp_path, {
        "a.md": ("en", "2010-05-05", "They were the first deaths during a protest in Ostland since 1991."),
        "b.md": ("en", "2010-05-05", "It was the worst violence to hit Ostland since riots in 2008."),
        "c.md": ("de", "2010-05-05", "Es war die schwerste Gewalt in Ostland seit 2005."),
    })
    assert open_findings(check([tmp_path])) == []


def test_one_in_eight_is_a_share_not_a_count_of_eight_en_de(tmp_path):
    write(tmp_path, {
        "a.md": ("en", "2026-01-26", "Around 1,400 staff at Tessel, roughly one in eight employees, are losing their jobs."),
        "b.md": ("en", "2026-01-26", "Tessel employs 11,600 people and will cut 1,400 jobs."),
        "c.md": ("de", "2026-01-26", "Bei Tessel verliert einer von 8 Beschäftigten seine Stelle."),
    })
    report = check([tmp_path])
    tags = {c.surface: c.qualifiers for c in report.claims}
    assert "fragment" in tags["eight"] and "fragment" in tags["8"] and "fragment" not in tags["1,400"]
    assert open_findings(report) == []


def test_the_days_two_sources_spoke_are_no_event_of_the_story_en_de(tmp_path):
    # the company spoke on Tuesday, the regulator on Wednesday: two statements, not one
    # event dated twice; the day the breach began is compared
    write(tmp_path, {
        "a.md": ("en", "2026-11-18", "Velmora Health said on Tuesday that hackers had copied the records of 2.1 million patients."
                 " The intruders got into the billing system on November 3."),
        "b.md": ("en", "2026-11-19", "The data protection office said on Wednesday that the attack on Velmora Health affected"
                 " 2.1 million patients. The intruders got into the billing system on November 5."),
        "c.md": ("de", "2026-11-19", "Die Daten von 2,1 Millionen Patienten seien kopiert worden, teilte Velmora Health am"
                 " Dienstag mit."),
    })
    report = check([tmp_path])
    tags = {(c.document[-4:], c.surface): c.qualifiers for c in report.claims}
    assert "said" in tags[("a.md", "Tuesday")] and "said" in tags[("b.md", "Wednesday")]
    assert "said" in tags[("c.md", "Dienstag")] and "said" not in tags[("a.md", "November 3")]
    assert open_findings(report) == [("conflict", ["November 3", "November 5"])]


def test_another_amount_on_a_day_does_not_make_the_day_an_extra_en(tmp_path):
    write(tmp_path, {
        "a.md": ("en", "2026-11-19", "Its stock dropped 6.4 percent on Tuesday and another 2% on Wednesday."),
    })
    tags = {c.surface: c.qualifiers for c in check([tmp_path]).claims}
    assert "extra" in tags["2%"] and "extra" not in tags["Tuesday"] and "extra" not in tags["Wednesday"]


def test_a_deadline_year_is_no_year_of_the_figure_beside_it_de_en(tmp_path):
    # "bis Ende 2028" and "by 2029" say when the cuts are to be done by (a fact of its own),
    # not that 2.500 and 2,800 are figures of two different years
    write(tmp_path, {
        "a.md": ("de", "2027-03-04", "Der Maschinenbauer Tarnholt will bis Ende 2028 in Deutschland 2.500 Arbeitsplätze abbauen."),
        "b.md": ("en", "2027-03-04", "Engineering group Tarnholt will cut 2,800 jobs in Germany by 2029, it said."),
        "c.md": ("en", "2027-03-04", "Tarnholt's sales of $2.6 billion in 2026 fell short of the $2.9 billion of 2025."),
    })
    report = check([tmp_path])
    tags = {c.surface: c.qualifiers for c in report.claims}
    assert not any(t.startswith("year:") for t in tags["2.500"] + tags["2,800"])
    assert "year:2026" in tags["$2.6 billion"]
    assert ("conflict", ["2,800", "2.500"]) in open_findings(report)


def test_the_year_a_level_is_to_reach_is_its_year_de_en(tmp_path):
    # "bis Ende 2027 auf 812 Millionen": the debt at the end of 2027, not the year something is done by
    write(tmp_path, {
        "a.md": ("de", "2026-10-14", "Der Schuldenstand der Stadt Harwick dürfte bis Ende 2027 auf 812 Millionen Euro steigen."),
        "b.md": ("en", "2026-10-15", "Harwick's debt will rise to €790 million by the end of 2026 and to €821 million by the end of 2027."),
    })
    report = check([tmp_path])
    tags = {c.surface: c.qualifiers for c in report.claims}
    assert "year:2027" in tags["812 Millionen Euro"] and "year:2027" in tags["€821 million"]
    assert ("conflict", ["812 Millionen Euro", "€821 million"]) in open_findings(report)


def test_since_opening_a_clause_dates_an_event_en_de(tmp_path):
    # "since it started on Tuesday" is a clause whose day is the fire's outbreak, no baseline
    write(tmp_path, {
        "a.md": ("en", "2027-08-21", "The fire has burned 12,000 hectares since it started on Tuesday."),
        "b.md": ("en", "2027-08-22", "The wildfire broke out on Wednesday in the Corran hills."),
        "c.md": ("de", "2027-08-22", "Seit 2019 hat es im Tal nicht so gebrannt."),
    })
    report = check([tmp_path])
    tags = {c.surface: c.qualifiers for c in report.claims}
    assert "since" not in tags["Tuesday"] and "since" in tags["2019"]
    assert open_findings(report) == [("conflict", ["Tuesday", "Wednesday"])]


@pytest.mark.parametrize("first, later, grown", [
    # A reward of 10.000 Euro on Monday, raised to 25.000 Euro on Thursday: 2.5 times, yet one
    # fact read twice, not two facts (values.far_apart), as a running tally that grew.
    (("de", "Die Polizei setzte eine Belohnung von 10.000 Euro aus.", "2026-02-02", "10.000 Euro", "money", 1e4, "EUR"),
     ("de", "Die Belohnung wurde auf 25.000 Euro erhöht.", "2026-02-05", "25.000 Euro", "money", 2.5e4, "EUR"), True),
    # … unless the later figure is the smaller: no growth
    (("de", "Die Polizei setzte eine Belohnung von 10.000 Euro aus.", "2026-02-02", "10.000 Euro", "money", 1e4, "EUR"),
     ("de", "Die Belohnung wurde auf 25.000 Euro erhöht.", "2026-01-20", "25.000 Euro", "money", 2.5e4, "EUR"), False),
    # "car traffic fell 3%" in May and a share that rose "auf 17 Prozent" in June: a rate's
    # level is too often set against a change of it; far apart, they stay two facts.
    (("en", "Car traffic fell 3% in May.", "2026-05", "3%", "percent", 3.0, "%"),
     ("de", "Der Anteil stieg um 3 Prozentpunkte auf 17 Prozent.", "2026-06-03", "17 Prozent", "percent", 17.0, "%"), False),
])
def test_a_figure_raised_later_is_one_fact_grown_however_far_apart(first, later, grown):
    from factlint.checker.align.link import unlikely
    from tests.compare.claims import claim, doc

    (la, ta, when_a, sa, ka, va, ua), (lb, tb, when_b, sb, kb, vb, ub) = first, later
    x = claim(doc("a.md", ta, "2026-06-02", la), sa, ka, va, ua, as_of=when_a)
    y = claim(doc("b.md", tb, "2026-06-03", lb), sb, kb, vb, ub, as_of=when_b, qualifiers=["level"])
    assert unlikely(x, y, 0.2, False) is not grown


def test_amounts_converted_from_a_currency_whose_sign_was_lost_are_not_compared_en(tmp_path):
    """"? 110-billion ($143-billion)": a scraped page lost the first currency's sign; the amount
    in brackets converts it (perhaps from another currency than the other outlet's, in another
    dollar), so neither bracket meets the other outlet's."""
    write(tmp_path, {
        "a.md": ("en", "2026-05-04", "Lawmakers backed the \ufffd110-billion ($143-billion) rescue loan for Veloria on Sunday."),
        "b.md": ("en", "2026-05-05", "The rescue loan for Veloria is worth \ufffd\ufffd110 billion ($158 billion), lawmakers said."),
    })
    assert open_findings(check([tmp_path])) == []


@pytest.mark.parametrize("first, second, conflict", [
    ("won 65-53 on Friday night", "won 65-52 on Friday night", ["52", "53"]),  # one result, its other part the same
    ("held a 60-46 lead late in the game", "held a 62-20 lead late in the game", None),  # two moments of a game
    ("held a 47-44 lead late in the game", "held a 44-26 lead late in the game", None),  # 44 ahead is not 44 behind
])
def test_a_part_of_a_score_meets_the_part_beside_the_same_other_part_en(tmp_path, first, second, conflict):
    write(tmp_path, {
        "a.md": ("en", "2026-03-07", f"The Harbor City Otters {first} against the Milltown Foxes, coach Dana Reyes said."),
        "b.md": ("en", "2026-03-07", f"Coach Dana Reyes said the Harbor City Otters {second} against the Milltown Foxes."),
    })
    assert open_findings(check([tmp_path])) == ([("conflict", conflict)] if conflict else [])


@pytest.mark.parametrize("lang, a, b, c", [
    ("en", "A 52-year-old man from Eastbrook called the police after the shooting at the Tolland office, officers said.",
     "The victim of the shooting at the Tolland office was a 61-year-old woman, officers said.",
     "Officers said the shooting at the Tolland office killed Mara Vell, 61."),
    ("de", "Ein 52-jähriger Mann aus Ostbruck rief nach den Schüssen im Büro in Tolland die Polizei, teilten die Beamten mit.",
     "Opfer der Schüsse im Büro in Tolland war eine 61-jährige Frau, teilten die Beamten mit.",
     "Die Schüsse im Büro in Tolland töteten nach Angaben der Beamten Mara Vell, 61."),
])
def test_the_ages_of_a_man_and_of_a_woman_are_two_peoples(tmp_path, lang, a, b, c):
    """Their sentences alike, the two ages would be one figure misstated; the woman's age
    without her sex in a third article must not join them into one fact either."""
    write(tmp_path, {"a.md": (lang, "2026-04-09", a), "b.md": (lang, "2026-04-09", b), "c.md": (lang, "2026-04-10", c)})
    assert open_findings(check([tmp_path])) == []


@pytest.mark.parametrize("lang, a, b, c", [
    ("en", "Police said 23 people were arrested at the Brackwater show by Sunday morning.",
     "Police reported 41 arrests at the Brackwater show over the weekend.",
     "Police also made 12 arrests at the nearby Elmfield show, mostly for theft."),
    ("de", "Die Polizei nahm beim Brackwasser-Fest bis Sonntag 23 Personen fest.",
     "Beim Brackwasser-Fest gab es nach Angaben der Polizei 41 Festnahmen.",
     "Beim benachbarten Ulmenfeld-Fest gab es nach Angaben der Polizei 12 Festnahmen."),
])
def test_a_figure_of_a_neighbouring_place_is_that_places(tmp_path, lang, a, b, c):
    write(tmp_path, {"a.md": (lang, "2026-07-13", a), "b.md": (lang, "2026-07-13", b), "c.md": (lang, "2026-07-13", c)})
    assert open_findings(check([tmp_path])) == [("conflict", ["23", "41"])]


@pytest.mark.parametrize("lang, a, b", [
    ("en", "**Police say at least six people were killed.**\n\nSix people were killed when a lorry hit the Harwick toll "
           "bridge on Friday, police said.",
     "Police said on Friday that nine people were killed when a lorry hit the Harwick toll bridge."),
    ("de", "**Nach Angaben der Polizei kamen mindestens sechs Menschen ums Leben.**\n\nSechs Menschen kamen ums Leben, "
           "als ein Lastwagen am Freitag die Mautbrücke von Harwick rammte, teilte die Polizei mit.",
     "Neun Menschen kamen ums Leben, als ein Lastwagen am Freitag die Mautbrücke von Harwick rammte, teilte die Polizei mit."),
])
def test_a_hedged_teaser_and_the_body_stating_one_value_are_mentions_of_one_figure(tmp_path, lang, a, b):
    write(tmp_path, {"a.md": (lang, "2026-04-17", a), "b.md": (lang, "2026-04-17", b)})
    report = check([tmp_path])
    (finding,) = [f for f in report.findings if f.kind != "agreement"]
    mentions = sorted(c.surface.lower() for c in report.claims if c.id in finding.claims and c.document == "a.md")
    assert mentions == {"en": ["six", "six"], "de": ["sechs", "sechs"]}[lang]  # the teaser's "at least" one too


@pytest.mark.parametrize("lang, rate, total", [
    ("en", "Volunteers at the Harwick depot are filling about 40,000 sandbags a day, the depot manager said.",
     "So far about 130,000 sandbags have been filled by volunteers at the Harwick depot, the district said."),
    ("de", "Am Bauhof Harwick füllen Helfer derzeit rund 40.000 Sandsäcke am Tag, sagte der Bauhofleiter.",
     "Bislang haben Helfer am Bauhof Harwick rund 130.000 Sandsäcke gefüllt, teilte der Landkreis mit."),
])
def test_a_rate_per_day_is_no_reading_of_the_running_total(tmp_path, lang, rate, total):
    write(tmp_path, {"a.md": (lang, "2026-06-14", rate), "b.md": (lang, "2026-06-14", total)})
    assert open_findings(check([tmp_path])) == []


@pytest.mark.parametrize("lang, rate, total", [
    ("en", "The Tarnow ferry operator puts its lost revenue at €3 million a day, its finance chief said.",
     "The strike has cost the Tarnow ferry operator a total of €5 million in lost revenue, its finance chief said."),
    ("de", "Die Fährgesellschaft in Tarnow beziffert ihren Umsatzausfall auf 3 Millionen Euro pro Tag, sagte die Finanzchefin.",
     "Der Umsatzausfall der Fährgesellschaft in Tarnow summiert sich auf 5 Millionen Euro, sagte die Finanzchefin."),
])
def test_a_rate_per_day_is_no_reading_of_a_sum(tmp_path, lang, rate, total):
    write(tmp_path, {"a.md": (lang, "2026-03-20", rate), "b.md": (lang, "2026-03-20", total)})
    assert open_findings(check([tmp_path])) == []


def test_a_weak_link_does_not_pull_another_figure_of_its_article_into_a_fact(tmp_path):
    """The chamber's estimate for the whole economy scores a little alike with one outlet's
    figure (both say "Schaden") and not at all with the other's: it is no third reading of the
    ferry operator's loss."""
    write(tmp_path, {
        "a.md": ("de", "2026-03-18", "Seit Montag streiken die Fährleute in Tarnow. Die Reederei Tarnlinie beziffert ihren "
                                     "Umsatzausfall auf rund 12 Millionen Euro pro Tag, der Schaden wachse täglich, sagte ein Sprecher."),
        "b.md": ("de", "2026-03-18", "Der Streik der Fährleute in Tarnow dauert an. Die Tarnlinie verliert nach eigenen Angaben "
                                     "17 Millionen Euro täglich an Umsatz."),
        "c.md": ("de", "2026-03-19", "Nach Berechnungen der Reederei summiert sich ihr Umsatzausfall auf mehr als 40 Millionen Euro. "
                                     "Die Handelskammer schätzt den Schaden für die gesamte Wirtschaft der Insel auf 30 Millionen Euro pro Tag."),
    })
    assert open_findings(check([tmp_path])) == [("conflict", ["12 Millionen Euro", "17 Millionen Euro"])]


@pytest.mark.parametrize("lang, nine_months, full_year", [
    ("en", "Over the first nine months of the year, the Tarnlinie ferry group made a net profit of €140 million.",
     "Tarnlinie kept its outlook for the full year, saying that it still sees net profit of €180 million."),
    ("de", "In den ersten neun Monaten des Jahres erzielte die Reederei Tarnlinie einen Nettogewinn von 140 Millionen Euro.",
     "Für das Gesamtjahr bestätigte die Reederei Tarnlinie ihre Erwartung, sie rechne weiterhin mit einem Nettogewinn von 180 Millionen Euro."),
])
def test_a_reporting_period_scopes_its_sentence(tmp_path, lang, nine_months, full_year):
    """Nine months' profit is not the full year's, however far the period stands from the figure."""
    write(tmp_path, {"a.md": (lang, "2026-10-27", nine_months), "b.md": (lang, "2026-10-27", full_year)})
    assert open_findings(check([tmp_path])) == []


@pytest.mark.parametrize("lang, country, town", [
    ("de", "Nach Angaben des Landesamts stieg der Milchpreis landesweit auf 48,5 Cent je Liter, gut 9 Prozent mehr als im Vorjahr.",
     "Die Molkerei in Tarnow zahlt ihren Bauern inzwischen 51,2 Cent je Liter für ihre Milch, 15 Prozent mehr als im Vorjahr."),
    ("en", "Statewide, the milk price rose to 48.5 cents a litre, the statistics office said, a rise of 9 percent on the year.",
     "The Tarnow dairy now pays its farmers 51.2 cents a litre for their milk, a rise of 15 percent on the year."),
])
def test_a_scope_word_holds_for_the_nearest_figure_of_each_kind(tmp_path, lang, country, town):
    """"landesweit" says where the price and its rise hold: the town's price and rise are other facts."""
    write(tmp_path, {"a.md": (lang, "2026-08-20", country), "b.md": (lang, "2026-08-20", town)})
    assert open_findings(check([tmp_path])) == []


@pytest.mark.parametrize("lang, misdated, other", [
    ("de", "Die Reederei Tarnlinie hat am Dienstag, 15. April, den Fährbetrieb zur Insel eingestellt.",
     "Seit dem 14. April fahren keine Fähren der Tarnlinie mehr zur Insel, wie die Reederei mitteilte."),
    ("en", "The Tarnlinie ferry company halted its island service on Tuesday, April 15, citing the storm.",
     "Tarnlinie ferries have not sailed to the island since April 14, the company said, blaming the storm."),
])
def test_a_weekday_that_does_not_fit_its_date_names_the_day_another_article_states(tmp_path, lang, misdated, other):
    """15 April 2026 was a Wednesday: "Tuesday, April 15" means 14 April or is misdated, and
    the other article's 14 April is the conflict to report, whatever the two sentences share."""
    write(tmp_path, {"a.md": (lang, "2026-04-16", misdated), "b.md": (lang, "2026-04-16", other)})
    report = check([tmp_path])
    conflicts = [f for f in report.findings if f.kind == "conflict" and f.code != "FL401"]
    dates = sorted(c.date for f in conflicts for c in report.claims if c.id in f.claims)
    assert dates == ["2026-04-14", "2026-04-15"]


def test_a_misdated_day_is_no_day_of_posting(tmp_path):
    """Two articles each stating their own day are excused as published apart, unless one
    writes a weekday its date does not fall on: then its date is wrong."""
    write(tmp_path, {
        "a.md": ("de", "2026-04-14", "Die Reederei Tarnlinie hat am Dienstag, 14. April, den Fährbetrieb zur Insel eingestellt."),
        "b.md": ("de", "2026-04-15", "Am Dienstag, 15. April, stellte die Reederei Tarnlinie den Fährbetrieb zur Insel ein."),
    })
    report = check([tmp_path])
    conflicts = [f for f in report.findings if f.kind == "conflict" and f.code != "FL401"]
    assert sorted(c.date for f in conflicts for c in report.claims if c.id in f.claims) == ["2026-04-14", "2026-04-15"]
