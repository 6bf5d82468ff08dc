"""Dates: example tables (text in; surface and date out), German and English.

Relative dates are read against a stated published date; a date without a year takes
the year nearest it; a weekday written beside a date is checked against the calendar.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factlint.checker.model import Claim, Document
from factlint.checker.normalize.dates import find_dates, infer_published, settle_years
from factlint.rules.loader import RuleError, load_pack

WED_2026_02_11 = dt.date(2026, 2, 11)
FRI_2026_03_13 = dt.date(2026, 3, 13)


def dates(text: str, lang: str, published: dt.date | None) -> list[tuple[str, str | None]]:
    return [(c.surface, c.date) for c in find_dates(text, load_pack(lang), published)]


# (text, expected [(surface, date)]) read with published = Wednesday 2026-02-11
GERMAN = [
    ("Die Aktion startet am 6. Februar 2026.", [("6. Februar 2026", "2026-02-06")]),
    ("Analyse vom 07. Februar liefert", [("07. Februar", "2026-02-07")]),
    ("Frist: 06.02.2026, Beginn 6.2.2026", [("06.02.2026", "2026-02-06"), ("6.2.2026", "2026-02-06")]),
    ("Laut Bericht vom 2026-02-06 stieg", [("2026-02-06", "2026-02-06")]),
    ("Seit Februar 2026 gilt", [("Februar 2026", "2026-02")]),
    ("Im Jahr 2025 stieg der Umsatz", [("2025", "2025")]),
    ("Das Werk läuft seit 2019.", [("2019", "2019")]),
    ("Die Aufseher genehmigten Ende Januar den Kauf", [("Januar", "2026-01")]),
    ("Am 3. Feb. war es kalt", [("3. Feb.", "2026-02-03")]),
    ("Ausgabe 05/2016 erschien", [("05/2016", "2016-05")]),
    ("Ich komme am 15.1.2011 zurück.", [("15.1.2011", "2011-01-15")]),
    ("Ostern 2018 war spät", [("Ostern 2018", "2018-04-01")]),
    ("am dritten Dienstag im September 2014", [("am dritten Dienstag im September 2014", "2014-09-16")]),
    ("Freitag, der 18. Juli 14", [("Freitag, der 18. Juli 14", "2014-07-18")]),
    ("am 18. Juli 14 Menschen", [("18. Juli", "2026-07-18")]),
    ("14te April 15", [("14te April 15", "2015-04-14")]),
    ("sonntag der letzten woche", [("sonntag der letzten woche", "2026-02-08")]),
    # relative to the published date
    ("Das wurde heute bekannt", [("heute", "2026-02-11")]),
    ("gestern Abend und vorgestern", [("gestern", "2026-02-10"), ("vorgestern", "2026-02-09")]),
    ("Das Ergebnis kommt morgen, übermorgen die Analyse", [("morgen", "2026-02-12"), ("übermorgen", "2026-02-13")]),
    ("Das teilte der Konzern am Montag mit", [("Montag", "2026-02-09")]),
    ("Am Freitag soll die Entscheidung fallen", [("Freitag", "2026-02-13")]),
    ("Die Lage am Mittwochabend", [("Mittwochabend", "2026-02-11")]),
    ("Das war Dienstag vergangener Woche", [("Dienstag vergangener Woche", "2026-02-03")]),
    ("Übernächste Woche am Freitag ist er da", [("Übernächste Woche am Freitag", "2026-02-27")]),
    ("Letzten September war es warm", [("Letzten September", "2025-09")]),
    ("Der Umsatz im letzten Monat", [("im letzten Monat", "2026-01")]),
    ("nächstes Jahr wird gebaut", [("nächstes Jahr", "2027")]),
    ("Das ist in drei Wochen fertig", [("in drei Wochen", "2026-03-04")]),
    ("Das war vor zwei Tagen", [("vor zwei Tagen", "2026-02-09")]),
    ("Der Umsatz in den letzten drei Wochen", []),
    ("die Regenfälle der vergangenen Tage", []),
    ("Seit 2019 stieg der Umsatz", [("2019", "2019")]),
    ("Die Messe läuft vom 3. bis 5. März 2026.", [("3", "2026-03-03"), ("5. März 2026", "2026-03-05")]),
    ("Um 18 bis 5. März", [("5. März", "2026-03-05")]),
    ("Gewählt wird am Freitag, den 13.", [("Freitag, den 13.", "2026-02-13")]),
    ("Die Zahl von 1500 Mitarbeitern", []),
    ("am Augsburger Friedensfest letzten Jahres", [("Augsburger Friedensfest letzten Jahres", "2025-08-08")]),
    # arithmetic on a weekday: the weekday as it stands alone (past, or next when the clause looks ahead), moved
    ("Der Bau begann drei Tage nach Dienstag.", [("drei Tage nach Dienstag", "2026-02-13")]),
    ("Das Werk öffnete zwei Jahre nach 2011.", [("zwei Jahre nach 2011", "2013-01-01")]),
    ("Der Bau soll zwei Wochen nach Montag beginnen.", [("zwei Wochen nach Montag", "2026-03-02")]),
    ("Die Frist endete zwei Tage vor Freitag.", [("zwei Tage vor Freitag", "2026-02-04")]),
    # numeric forms and an apostrophe year
    ("Am 4. März '26 begann es.", [("4. März '26", "2026-03-04")]),
    ("Das Heft 03/2026 erschien.", [("03/2026", "2026-03")]),
]

NOT_DATES_GERMAN = [
    "Der Vorsitzende August Müller sprach",  # a month name that is a first name
    "Was läuft am Morgen",
    "guten Morgen",
    "Rund 2000 Mitarbeiter verlieren ihre Stelle",
    "Das waren 123,45 sek",
    "Der Chip Zhenwu 810E erreicht die Leistung des H20",
    "Version 4.5.6 ist erschienen",
]


@pytest.mark.parametrize(("text", "expected"), GERMAN, ids=[t for t, _ in GERMAN])
def test_german_dates(text, expected):
    assert dates(text, "de", WED_2026_02_11) == expected


@pytest.mark.parametrize("text", NOT_DATES_GERMAN)
def test_german_non_dates(text):
    assert dates(text, "de", WED_2026_02_11) == []


# (text, expected) read with published = Friday 2026-03-13
ENGLISH = [
    ("The offer closes Feb. 6, 2026.", [("Feb. 6, 2026", "2026-02-06")]),
    ("Shares debut on February 6", [("February 6", "2026-02-06")]),
    ("It was signed on 6 February", [("6 February", "2026-02-06")]),
    ("Filed 02/06/2026 with the SEC", [("02/06/2026", "2026-02-06")]),
    ("Filed 13/02/2026 with the SEC", [("13/02/2026", "2026-02-13")]),
    ("Results for June 2016 were weak", [("June 2016", "2016-06")]),
    ("The plant opened in 2024, and", [("2024", "2024")]),
    ("Show sales of 2007 and 2009", [("2007", "2007"), ("2009", "2009")]),
    ("I'll go back 2019-sep-1.", [("2019-sep-1", "2019-09-01")]),
    ("fourth of july, 1995", [("fourth of july, 1995", "1995-07-04")]),
    ("They arrived 13 Sept nineteen seventy two", [("13 Sept nineteen seventy two", "1972-09-13")]),
    ("two weeks before Christmas", [("two weeks before Christmas", "2025-12-11")]),
    ("yesterday and today", [("yesterday", "2026-03-12"), ("today", "2026-03-13")]),
    ("the companies announced on Monday", [("Monday", "2026-03-09")]),
    ("The deal, announced last Friday, values", [("last Friday", "2026-03-06")]),
    ("Where were you on past Wednesday?", [("past Wednesday", "2026-03-11")]),
    ("See you next Monday", [("next Monday", "2026-03-16")]),
    ("I'll go travelling Tuesday next week", [("Tuesday next week", "2026-03-17")]),
    ("Profits rose this year", [("this year", "2026")]),
    ("Sales fell last month", [("last month", "2026-02")]),
    ("It happened two weeks ago", [("two weeks ago", "2026-02-27")]),
    ("three weeks from tomorrow", [("three weeks from tomorrow", "2026-04-04")]),
    ("the 15th day of next month", [("the 15th day of next month", "2026-04-15")]),
    ("Let's meet wednesday the thirty first.", [("wednesday the thirty first", "2025-12-31")]),
    ("its debut on Friday, September 25, before", [("Friday, September 25", "2026-09-25")]),  # a Friday
    ("I was born in April of 87", [("April of 87", "1987-04")]),
    ("the third month of 2021", [("the third month of 2021", "2021-03")]),
    ("Thanksgiving 2018 fell early", [("Thanksgiving 2018", "2018-11-22")]),
    ("The vote is set for the 27th.", [("for the 27th", "2026-03-27")]),
    ("Tickets for the 27 people sold out", []),
    ("who did I email a few days ago", [("a few days ago", "2026-03-10")]),
    ("I'll go back 08/12,2015", [("08/12,2015", "2015-08-12")]),
    ("the first friday in this month", [("the first friday in this month", "2026-03-06")]),
    ("for the last 3 months and 2 days ago they found it", [("2 days ago", "2026-03-11")]),
    ("Revenue in 2025 rose by a third", [("2025", "2025")]),
    ("Prices fell in 2000 homes", []),
    ("The fair runs March 3-5, 2026.", [("March 3", "2026-03-03"), ("5, 2026", "2026-03-05")]),
    ("On March 3 to 5 people came", [("March 3", "2026-03-03")]),
    ("The vote is on Sunday, March 22.", [("Sunday, March 22", "2026-03-22")]),
    ("Sales have grown since mid-2024, but", [("2024", "2024")]),
    ("Output fell from 2019-2024 overall", []),
    ("I'll go back second Sunday", [("second Sunday", "2026-03-08")]),
    # arithmetic on a weekday, numeric forms and an apostrophe year
    ("The vote will be held two weeks from Monday.", [("two weeks from Monday", "2026-03-30")]),
    ("The plant opened two years after 2011.", [("two years after 2011", "2013-01-01")]),
    ("It happened in two weeks since the year 2011.", [("in two weeks since the year 2011", "2011-01-15")]),
    ("Work began three days after Tuesday.", [("three days after Tuesday", "2026-03-13")]),
    ("It closed two days before Friday.", [("two days before Friday", "2026-03-11")]),
    ("The deal was filed on March 4, '26.", [("March 4, '26", "2026-03-04")]),
    ("The deal was filed on March 4, ’26 in court.", [("March 4, ’26", "2026-03-04")]),
    ("The filing dated 2026-03-04 shows it.", [("2026-03-04", "2026-03-04")]),
    ("Issue 03/2026 is out.", [("03/2026", "2026-03")]),
]

NOT_DATES_ENGLISH = [
    "May I ask what this is for?",
    "deliver 2000 pieces of toys.",
    "The ssn is 123-12-1234",
    "Tel: +86 138-2010-2015",
    "Is this a valid date? 32-2015",
    "Have a great week!",
    "the first trading session since the results",
]


@pytest.mark.parametrize(("text", "expected"), ENGLISH, ids=[t for t, _ in ENGLISH])
def test_english_dates(text, expected):
    assert dates(text, "en", FRI_2026_03_13) == expected


@pytest.mark.parametrize("text", NOT_DATES_ENGLISH)
def test_english_non_dates(text):
    assert dates(text, "en", FRI_2026_03_13) == []


def test_english_numeric_dates_are_month_first_german_day_first():
    assert dates("am 3-7-27", "de", dt.date(2016, 11, 7)) == [("3-7-27", "2027-07-03")]
    assert dates("on 3-7-27", "en", dt.date(2016, 11, 7)) == [("3-7-27", "2027-03-07")]


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("en", "Filed 13/02/2026, heard 04/03/2026.", ["2026-02-13", "2026-03-04"]),  # UK order, as 13/02 shows
    ("en", "Filed 02/13/2026, heard 04/03/2026.", ["2026-02-13", "2026-04-03"]),
    ("en", "Heard 04/03/2026.", ["2026-04-03"]),  # nothing to tell: the language's order
    ("de", "Eingereicht 02/13/2026, verhandelt 04/03/2026.", ["2026-02-13", "2026-04-03"]),  # US order
    ("de", "Eingereicht 13/02/2026, verhandelt 04/03/2026.", ["2026-02-13", "2026-03-04"]),
    ("de", "Verhandelt 04/03/2026.", ["2026-03-04"]),
    ("en", "Filed 02/13/2026, heard 4.3.2026.", ["2026-02-13", "2026-03-04"]),  # dots are day first anyway
])
def test_numeric_dates_follow_the_order_the_articles_unambiguous_ones_show(lang, text, expected):
    assert [d for _, d in dates(text, lang, None)] == expected


def test_without_published_date_two_digit_years_pivot_at_fifty():
    assert dates("am 31.10.74 und am 1.2.03", "de", None) == [("31.10.74", "1974-10-31"), ("1.2.03", "2003-02-01")]


def test_two_digit_years_fall_within_twenty_years_ahead():
    assert dates("05/05/71", "en", dt.date(2016, 11, 7)) == [("05/05/71", "1971-05-05")]
    assert dates("03/18/40", "en", dt.date(2016, 11, 7)) == [("03/18/40", "1940-03-18")]


# --------------------------------------------------------------------------- years

@pytest.mark.parametrize(("published", "text", "expected"), [
    (dt.date(2026, 2, 11), "am 6. Februar", "2026-02-06"),
    (dt.date(2026, 1, 5), "am 20. Dezember", "2025-12-20"),
    (dt.date(2026, 12, 28), "am 5. Januar", "2027-01-05"),
    (dt.date(2026, 7, 1), "am 5. Januar", "2026-01-05"),
])
def test_a_date_without_year_takes_the_year_nearest_the_published_date(published, text, expected):
    assert [d for _, d in dates(text, "de", published)] == [expected]


def test_a_weekday_with_a_date_picks_the_year_it_fits_within_eight_months():
    assert dates("um 19:30 am Fr, 20. Sept.", "de", dt.date(2013, 2, 12)) == [("Fr, 20. Sept.", "2013-09-20")]
    claims = find_dates("on Thursday, April 22", load_pack("en"), dt.date(2026, 3, 13))
    assert [(c.date, c.weekday_mismatch) for c in claims] == [("2026-04-22", True)]  # not 2027


def test_without_published_date_the_articles_own_full_dates_give_the_year():
    text = "Start am 6. Februar. Quartalszahlen: 19. Februar 2026"
    assert dates(text, "de", None) == [("6. Februar", "2026-02-06"), ("19. Februar 2026", "2026-02-19")]


def test_without_published_date_a_lone_date_keeps_its_year_unknown():
    assert dates("Start am 6. Februar. Haushalt 2027", "de", None) == [("6. Februar", None), ("2027", "2027")]
    claims = find_dates("Start am 6. Februar. Haushalt 2027", load_pack("de"), None)
    assert [c.month_day for c in claims] == ["--02-06", None]
    assert [c.month_day for c in find_dates("Voting starts on February 6.", load_pack("en"), None)] == ["--02-06"]


def test_without_published_date_relative_dates_are_not_claimed():
    assert dates("Das teilte der Konzern am Montag mit, gestern", "de", None) == []
    assert dates("It was announced last Friday", "en", None) == []


def test_an_undated_article_takes_the_year_of_its_collection():
    de = load_pack("de")
    dated = Document(id="a", path="a.md", text="", published=dt.date(2026, 11, 4))
    undated = Document(id="c", path="c.txt", text="Am 3. November legte sie den Entwurf vor.")
    claims = [[], find_dates(undated.text, de, None)]
    assert claims[1][0].date is None
    settle_years([dated, undated], claims, [de, de])
    assert claims[1][0].date == "2026-11-03"


def test_an_archive_spanning_years_gives_no_year_to_an_undated_article():
    de = load_pack("de")
    old = Document(id="a", path="a.md", text="", published=dt.date(2019, 5, 2))
    new = Document(id="b", path="b.md", text="", published=dt.date(2026, 11, 4))
    undated = Document(id="c", path="c.txt", text="Am 3. November legte sie den Entwurf vor.")
    claims = [[], [], find_dates(undated.text, de, None)]
    settle_years([old, new, undated], claims, [de, de, de])
    assert claims[2][0].date is None


# ------------------------------------------------------------------------ weekdays

@pytest.mark.parametrize(("lang", "text", "surface", "weekday", "mismatch"), [
    ("de", "Wie am Montag (2. Februar) bekannt wurde", "2. Februar", "Montag", False),
    ("de", "Die Klubs einigten sich am Montag, 6. Juli, auf", "Montag, 6. Juli", "Montag", False),
    ("de", "Am Dienstag, 2. Februar 2026, hieß es", "Dienstag, 2. Februar 2026", "Dienstag", True),
    ("de", "Montag den 15. Januar 2017", "Montag den 15. Januar 2017", "Montag", True),  # a Sunday
    ("en", "The next meeting is on Thursday, April 22", "Thursday, April 22", "Thursday", True),
    ("en", "on Tuesday, March 10, the board", "Tuesday, March 10", "Tuesday", False),
])
def test_weekday_beside_a_date_is_recorded_and_checked(lang, text, surface, weekday, mismatch):
    claims = find_dates(text, load_pack(lang), dt.date(2026, 3, 13))
    assert [(c.surface, c.weekday, c.weekday_mismatch) for c in claims] == [(surface, weekday, mismatch)]


def test_weekday_read_beside_a_date_is_not_claimed_again_on_its_own():
    claims = find_dates("Wie am Montag (2. Februar) bekannt wurde", load_pack("de"), dt.date(2026, 2, 4))
    assert [c.surface for c in claims] == ["2. Februar"]


def test_date_claims_follow_the_contract():
    (claim,) = find_dates("Stand: 11. Februar 2026", load_pack("de"), None)
    assert isinstance(claim, Claim)
    assert (claim.kind, claim.value, claim.unit, claim.date, claim.low, claim.high) == \
        ("date", None, None, "2026-02-11", None, None)
    assert "Stand: 11. Februar 2026"[claim.start:claim.end] == claim.surface


# --------------------------------------------------------------- published date

def doc(text: str) -> Document:
    return Document(id="x", path="x.txt", text=text, scan=text)


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("de", "Orkan: Die Lage\n\nStand: Mittwoch, 11. Februar 2026, 18 Uhr\n\nDie Zahl stieg.", dt.date(2026, 2, 11)),
    ("de", "Marathon\n\nAm Sonntag, 19. April 2026, gewann Wanjiru.", dt.date(2026, 4, 19)),
    ("en", "Results\nPublished: March 13, 2026\n\nThe bank cut rates on Thursday.", dt.date(2026, 3, 13)),
    ("en", "Updated 2026-03-12 14:05\nBank cuts rates", dt.date(2026, 3, 12)),
])
def test_an_article_dates_itself_near_its_top(lang, text, expected):
    assert infer_published(doc(text), load_pack(lang)) == expected


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Titel\n\nAlibaba zieht das Tempo an. Losgehen soll es am 6. Februar.\n"),
    ("de", "Titel\n\nEins.\n\nZwei.\n\nDrei.\n\nVier: Am 6. Februar 2026 beginnt es.\n"),
    ("en", "Pexa bets on price\n\nThe company launched its phone in 2025."),
])
def test_an_article_that_does_not_date_itself_stays_unknown(lang, text):
    assert infer_published(doc(text), load_pack(lang)) is None


# -------------------------------------------------------------------------- rules

def test_a_bad_month_number_names_the_file_and_key(tmp_path):
    folder = tmp_path / "lang" / "de"
    folder.mkdir(parents=True)
    (folder / "dates.toml").write_text("[dates.months]\nbrumaire = 13\n", encoding="utf-8")
    with pytest.raises(RuleError, match=r"dates\.toml.*dates\.months"):
        load_pack("de", (str(tmp_path),))


def test_a_phrase_with_an_unknown_placeholder_is_refused(tmp_path):
    folder = tmp_path / "lang" / "en"
    folder.mkdir(parents=True)
    (folder / "dates.toml").write_text(
        '[[dates.phrases]]\npattern = "{fortnight} ago"\nmeans = "offset"\n', encoding="utf-8")
    with pytest.raises(RuleError, match=r"dates\.phrases.*unknown placeholder"):
        load_pack("en", (str(tmp_path),))


# ---------------------------------------------------------------------- robustness

def test_offsets_survive_letters_that_grow_when_lower_cased():
    text = "İİİ İstanbul, 6. Februar 2026 und am MONTAG, 2. FEBRUAR"
    claims = find_dates(text, load_pack("de"), WED_2026_02_11)
    assert [(text[c.start:c.end], c.date, c.weekday) for c in claims] == [
        ("6. Februar 2026", "2026-02-06", None), ("MONTAG, 2. FEBRUAR", "2026-02-02", "MONTAG")]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789 .,-/:'()MaiJunFebruaryMontagİß\n")), max_size=400))
def test_never_raises_and_spans_point_into_the_text(text):
    for lang in ("de", "en"):
        for claim in find_dates(text, load_pack(lang), dt.date(2026, 2, 11)):
            assert text[claim.start:claim.end] == claim.surface
            assert claim.date is None or len(claim.date) in (4, 7, 10)


@pytest.mark.parametrize("lang,text,surface", [
    ("en", "We met a few weeks ago.", "a few weeks ago"),
    ("en", "They spoke several days ago.", "several days ago"),
    ("de", "Wir trafen uns vor einigen Wochen.", "vor einigen Wochen"),
])
def test_a_duration_counted_without_a_number_gives_an_approximate_day(lang, text, surface):
    from factlint.checker.normalize.dates import find_dates
    from factlint.rules.loader import load_pack

    [c] = find_dates(text, load_pack(lang), dt.date(2012, 2, 29))
    assert c.surface == surface and c.approximate
    [exact] = find_dates(text.replace(surface, "two weeks ago" if lang == "en" else "vor zwei Wochen"),
                         load_pack(lang), dt.date(2012, 2, 29))
    assert not exact.approximate
