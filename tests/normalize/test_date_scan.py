"""The date scan: where it tries its patterns.

Each pattern is tried at its triggers and up to a few words before them. The words
before a trigger are read from a window, not from a list of every word of the text;
the window must give the same words as that list would, whatever the text.
"""

from __future__ import annotations

import bisect
import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from factlint.checker.normalize.dates import find_dates
from factlint.checker.normalize.dates.grammar import WORD_TOKEN
from factlint.checker.normalize.dates.scan import words_before
from factlint.rules.loader import load_pack

PIECES = st.sampled_from(["a", "bb", "Januar", "3", "12", "_", "-", ".", " ", "  ", "\n", " " * 40, "x" * 30,
                          "ä", "İ", "½", "2026", "am", "vor"])


@settings(max_examples=300, deadline=None)
@given(text=st.lists(PIECES, max_size=40).map("".join), n=st.integers(1, 9), data=st.data())
def test_words_before_reads_the_words_a_full_tokenization_finds(text, n, data):
    low = text.lower()
    if len(low) != len(text):
        low = text
    at = data.draw(st.integers(0, len(low)))
    starts = [m.start() for m in WORD_TOKEN.finditer(low)]
    i = bisect.bisect_left(starts, at)
    assert words_before(low, at, n) == starts[max(0, i - n):i]


def test_a_phrase_far_from_the_words_before_its_trigger_is_still_read():
    text = "Das Treffen ist in" + " " * 500 + "3 Wochen."
    assert [c.date for c in find_dates(text, load_pack("de"), dt.date(2026, 2, 11))] == ["2026-03-04"]


def test_dates_need_no_relative_patterns_without_a_published_date():
    """Undated, relative phrases are not matched (nor claimed); absolute dates are."""
    text = "Am Montag, 2. Februar 2026, und in drei Wochen."
    assert [c.surface for c in find_dates(text, load_pack("de"), None)] == ["Montag, 2. Februar 2026"]
