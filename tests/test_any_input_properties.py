"""Safe on any input (issue 10): random Unicode and number-like text through extraction,
the whole check and every renderer, with any published date.

Asserted for every claim: `surface == text[start:end]`, finite values, low <= high and
lower <= upper; for every run: no exception. The example count is small so CI stays fast;
FACTLINT_FUZZ_EXAMPLES raises it for a long run (docs/robustness.md records one).
"""

from __future__ import annotations

import datetime as dt
import io
import math
import os
import sys

import pytest

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factlint.checker.context import annotate
from factlint.checker.extract import extract
from factlint.checker.fingerprint import assign_claim_ids
from factlint.checker.ingest import parse_document
from factlint.checker.model import Claim
from factlint.checker.normalize.dates import date_unknown_published
from factlint.checker.pipeline import compare_claims
from factlint.checker.report import build_report
from factlint.checker.render import FORMATS, RenderOptions, write
from factlint.rules.loader import RuleSet

EXAMPLES = int(os.environ.get("FACTLINT_FUZZ_EXAMPLES", "40"))
RULES = RuleSet.load()

FRAGMENTS = st.sampled_from([
    "12", "3,5", "1.234,56", "1,234.56", "0,5", "-7", "−3", "+4", "1 000 000", "1'000", "½", "²", "³", "٣", "１２",
    "€", "$", "£", "¥", "EUR ", "US-$", "Mio.", "Mrd.", " million", " billion", "bn", "k", "Prozent", "%", "pp",
    "Prozentpunkte", " km", " kg", "°C", "Grad Celsius", "minus ", "rund ", "knapp ", "mehr als ", "about ",
    "zwischen ", " und ", " bis ", "–", "-", "(", ")", "|", "Am Sonntag", "nächste Woche", "last Friday",
    "vor 3 Jahren", "in 9000 Jahren", "1. Januar 2025", "2026-02-30", "31.12.9999", "Q3 2024", "Ostern",
    "doppelt so hoch wie ", "twice ", "als bei Huoshan", "Konkurrent ", "Umsatz ", "revenue ", "Kosten ",
    "je Tonne", "per share", ". ", ", ", "\n", "\n\n", "| 2024 | 2025 |\n|---|---|\n", "\u202e", "\x1b[2J",
    "\x00", "\x85", "\u200b", "\ufeff", "&nbsp;", "<p>", "**", "e9", "1e308", "9" * 30, "0." + "0" * 20 + "1",
])
TEXTS = st.lists(st.one_of(FRAGMENTS, st.text(max_size=8)), max_size=30).map("".join)
DATES = st.one_of(st.none(), st.dates(), st.sampled_from([dt.date.min, dt.date.max, dt.date(2026, 2, 6)]))
LANGS = st.sampled_from([None, "de", "en"])
FUZZ = settings(max_examples=EXAMPLES, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@pytest.fixture(scope="module", autouse=True)
def count_documents():
    """With FACTLINT_FUZZ_EXAMPLES set, print how many documents the long run fed in."""
    yield
    if "FACTLINT_FUZZ_EXAMPLES" in os.environ:
        print(f"\nfuzz: {DOCUMENTS[0]} documents", file=sys.stderr)


DOCUMENTS = [0]


def claims_of(text: str, lang: str | None, published: dt.date | None, name: str = "a.txt") -> tuple:
    DOCUMENTS[0] += 1
    doc = parse_document(text, name, "txt", lang=lang, published=published, rules=RULES)
    pack = RULES.pack(doc.lang)
    date_unknown_published(doc, pack)
    return doc, extract(doc, pack)


def assert_well_formed(text: str, claims: list[Claim]) -> None:
    for c in claims:
        assert c.surface == text[c.start:c.end], c
        for field in ("value", "low", "high", "lower", "upper"):
            v = getattr(c, field)
            assert v is None or math.isfinite(v), (field, c)
        if c.low is not None and c.high is not None:
            assert c.low <= c.high, c
        if c.lower is not None and c.upper is not None:
            assert c.lower <= c.upper, c


@FUZZ
@given(TEXTS, LANGS, DATES)
def test_extraction_of_any_text(text, lang, published):
    _, claims = claims_of(text, lang, published)
    assert_well_formed(text, claims)


@FUZZ
@given(st.lists(st.tuples(TEXTS, DATES), min_size=2, max_size=3), LANGS)
def test_check_and_render_any_corpus(articles, lang):
    docs, claims = [], []
    for n, (text, published) in enumerate(articles):
        doc, found = claims_of(text, lang, published, f"d{n}.txt")
        assert_well_formed(text, found)
        docs.append(doc)
        claims += found
    assign_claim_ids(claims)
    annotate(docs, claims, RULES)
    findings = compare_claims(docs, claims, RULES)
    report = build_report(docs, claims, findings, [])
    for fmt in FORMATS:
        write(report, fmt, io.StringIO(), RenderOptions())
