"""The bounded windows of context annotation (checker/context/nearby.py) miss nothing:
every cue whose cost from a claim is within reach is among those `near` returns."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from factlint.checker.context.cues import Hit
from factlint.checker.context.sentence import Sentence

WORDS = st.lists(st.sampled_from(["Umsatz", "(", ")", ",", ";", "5", "und", "Mio", "–", "x"]), min_size=1, max_size=60)


@settings(max_examples=300, deadline=None)
@given(WORDS, st.data())
def test_near_finds_every_cue_within_reach(words, data):
    text = " ".join(words)
    n = len(words)
    spans = data.draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(1, 4)), max_size=20))
    hits = [Hit("measure", "m", first, min(n - 1, first + k - 1), min(n - 1, first + k - 1) - first + 1)
            for first, k in spans]
    sentence = Sentence(text, 0, len(text), [], lambda *_: hits, None, {})
    i = data.draw(st.integers(0, n - 1))
    j = data.draw(st.integers(i, min(n - 1, i + 3)))
    reach = data.draw(st.sampled_from([1.0, 7.0, 10.0, 24.0]))
    found = {id(h) for h in sentence.near_hits.near(i, j, reach)}
    for h in hits:
        if sentence.cost(h.first, h.last, (i, j), h.words) <= reach:
            assert id(h) in found, (h, i, j, reach)
