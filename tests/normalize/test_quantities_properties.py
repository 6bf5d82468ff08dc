"""Properties of the number finder on arbitrary input: it never raises, its claims are
well formed, and its work grows linearly with the length of the text.

Work is counted, not timed: every token read, phrase looked up and claim attempted goes
through one of the counted functions below, and each of those does a bounded amount of
work (its regexes run on a window of bounded length). A quadratic path would show as
work per character rising with the length of the input.
"""

from __future__ import annotations

import math
from contextlib import contextmanager

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factlint.checker.extract import extract
from factlint.checker.ingest import parse_document
from factlint.checker.normalize import numbers, phrases, quantities
from factlint.checker.normalize.quantities import find_quantities
from factlint.rules.loader import load_pack

KINDS = {"money", "percent", "quantity", "number", "date"}

# Characters that matter to the finder, so that random text hits its paths often.
ALPHABET = st.sampled_from(list("0123456789.,'’ \u00a0\u202f-–/:%$€£¥½") + [
    "\n", "Mio.", "Mrd.", " Millionen", " Euro", " Dollar", " km", " bis ", " und ", "rund ", "mehr als ",
    "zwei", "hundert", "ein", "und", "zwanzig", " Drittel", "half", " a ", "dozen", " million", " and ",
    "USD", "HK$", "k", "m", "bn", "°C", " Prozent", " pounds", "+", "(", ")", "x", "Q",
])


def texts(max_size: int = 300):
    return st.lists(ALPHABET, max_size=max_size).map("".join)


@contextmanager
def counted():
    """Count calls of the finder's unit-cost steps while the block runs."""
    count = {"n": 0}
    targets = [
        (numbers.NumberReader, "_next"),
        (numbers.NumberReader, "digit_numbers"),
        (phrases.PhraseTable, "at"),
        (phrases.PhraseTable, "before"),
        (quantities, "read_claim"),
    ]
    saved = [(owner, name, getattr(owner, name)) for owner, name in targets]

    def wrap(fn):
        def counting(*args, **kwargs):
            count["n"] += 1
            return fn(*args, **kwargs)
        return counting

    for owner, name, fn in saved:
        setattr(owner, name, wrap(fn))
    try:
        yield count
    finally:
        for owner, name, fn in saved:
            setattr(owner, name, fn)


def work(text: str, lang: str) -> int:
    with counted() as count:
        find_quantities(text, load_pack(lang))
    return count["n"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts(), lang=st.sampled_from(["de", "en"]))
def test_extraction_never_raises_and_claims_are_well_formed(text, lang):
    doc = parse_document(text, "fuzz.txt", "txt", lang=lang)
    for c in extract(doc, load_pack(lang)):
        assert 0 <= c.start < c.end <= len(text)
        assert c.surface == text[c.start:c.end]
        assert c.kind in KINDS
        assert c.value is None or math.isfinite(c.value)
        if c.low is not None and c.high is not None:
            assert c.low <= c.high


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(unit=texts(40).filter(lambda s: s.strip()), lang=st.sampled_from(["de", "en"]))
def test_work_grows_linearly_with_repetitions_of_any_input(unit, lang):
    """Past the few tokens a number may look ahead, eight times the text is about eight times the work."""
    small, large = unit * 16, unit * 128
    assert work(large, lang) <= 8 * 1.25 * work(small, lang) + 64


ADVERSARIAL = [
    "1" * 4000,
    "1." * 2000,
    "1," * 2000,
    "1 " * 2000,
    "1'" * 2000,
    "12.345," * 600,
    "- " * 2000 + "5",
    "1/" * 2000,
    "$" * 2000 + "1",
    "einund" * 700 + "zwanzig",
    "zwei " * 800,
    "a a a " * 400 + "dozen",
    "one and " * 500,
    "5 Mio. " * 500,
    "rund mehr als " * 300 + "3",
    "3 " + "bis " * 1000 + "4 km",
    "hundert" * 600,
]


@pytest.mark.parametrize("pattern", ADVERSARIAL, ids=[p[:12].strip() or repr(p[:6]) for p in ADVERSARIAL])
@pytest.mark.parametrize("lang", ["de", "en"])
def test_adversarial_runs_cost_work_linear_in_length(pattern, lang):
    """Eight times the text costs at most about eight times the work."""
    one, eight = work(pattern, lang), work(pattern * 8, lang)
    assert eight <= 8 * one * 1.25 + 64
    find_quantities(pattern * 8, load_pack(lang))  # and never raises


def test_a_long_line_without_stops_keeps_sentences_short():
    """Claims in a text with no sentence ends carry a bounded excerpt, not the whole line."""
    text = "Wert 12 Euro und " * 2000
    claims = extract(parse_document(text, "long.txt", "txt", lang="de"), load_pack("de"))
    assert len(claims) == 2000
    assert max(len(c.sentence) for c in claims) < 800
    c = claims[1000]
    assert text[c.sentence_start:].startswith(c.sentence.split(" ")[0])
