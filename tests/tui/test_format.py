"""How values, intervals, verdicts and sources read in the detail screen."""

from __future__ import annotations

from factlint.checker.model import Claim
from factlint.tui.format import interval, number, rate_verdict, sentence_text, value
from factlint.tui.rows import FindingIndex
from factlint.tui.widgets.claim_card import facts, group_by_sentence


def test_numbers_group_with_commas_so_wrapping_never_splits_them():
    assert number(432_064_226.4) == "432,064,226"
    assert number(6.22) == "6.22" and number(-2.34) == "-2.34" and number(1234.5) == "1,234.5"
    assert number(None) == "?"


def test_value_and_interval_of_a_money_claim(report):
    c = next(c for c in report.claims if c.surface == "240 million euros")
    assert value(c) == "240,000,000 EUR"
    assert interval(c) == "235,000,000 – 245,000,000 EUR"
    assert "as of" not in facts(c).plain and "interval 235,000,000" in facts(c).plain


def test_open_bound_from_a_hedge():
    c = Claim(start=0, end=4, surface="more than 1 million", kind="number", value=1e6, lower=1e6)
    assert interval(c) == "1,000,000 – ∞"


def test_rate_verdict_names_what_the_reference_supports_and_what_is_off(report):
    index = FindingIndex(report)
    text = rate_verdict(index.by_id["f2conversion"].finding, index.claims).plain
    assert text.startswith("Reference rate 2026-03-03: 260 Millionen Euro = 281,500,000 USD (EUR→USD)")
    assert "rund 283 Mio. Dollar is 0.5 % off" in text
    assert rate_verdict(index.by_id["f1conflict00"].finding, index.claims) is None


def test_claims_in_one_sentence_share_a_card_and_are_both_highlighted(report):
    index = FindingIndex(report)
    claims = index.claims_of(index.by_id["f2conversion"].finding)
    groups = group_by_sentence(claims, index.documents)
    assert [[c.surface for c in g] for g in groups] == [["260 Millionen Euro", "rund 283 Mio. Dollar"]]
    text = sentence_text(groups[0][0], index.documents["harbour-de.md"], groups[0])
    marked = [text.plain[span.start:span.end] for span in text.spans if "reverse" in str(span.style)]
    assert marked == ["260 Millionen Euro", "rund 283 Mio. Dollar"]
