"""A "sentence" too long to be prose is annotated in windows (checker/context/windows.py):
prose keeps its sentences, a long run is cut between figures into bounded windows, and a
figure away from a cut keeps the context its clause gives it."""

from __future__ import annotations

import datetime as dt
import random

import pytest

import importlib

from factlint.checker.context import annotate
from factlint.checker.context.windows import LONG, WINDOW, windows
from factlint.checker.extract import extract, sentence_bounds
from factlint.checker.fingerprint import assign_claim_ids
from factlint.checker.model import Document
from factlint.rules.loader import load_pack

windowing = importlib.import_module("factlint.checker.context.windows")

CLAUSES = (
    "der Umsatz stieg um {a} Prozent auf {b} Millionen Euro",
    "Konkurrent Taiming meldete {a} Kunden in Österreich",
    "die Kosten lagen mit {b} Mio. Euro (rund {c} Mio. Dollar) höher als bei Huoshan ({a} Mio. Euro)",
    "die Brücke ist {a} Meter lang und kostet {b} Euro je Tonne",
    "im Vorjahr zählte man {a} Besucher",
)


def run_of_clauses(n: int, seed: int = 3) -> str:
    """`n` clauses joined by commas: one sentence without a full stop."""
    rng = random.Random(seed)
    return "Laut Bericht " + ", ".join(
        CLAUSES[i % len(CLAUSES)].format(a=rng.randint(2, 99), b=rng.randint(100, 999), c=rng.randint(100, 999))
        for i in range(n)) + "\n"


def document(text: str) -> Document:
    return Document(id="a.md", path="a.md", text=text, scan=text, lang="de", published=dt.date(2026, 3, 2))


def annotated(text: str):
    d = document(text)
    claims = extract(d, load_pack("de"))
    assign_claim_ids(claims)
    annotate([d], claims)
    return d, claims


def test_sentences_of_prose_are_left_whole():
    text = "Der Umsatz stieg um 5 Prozent auf 300 Millionen Euro. Konkurrent Taiming meldete 40 Kunden in Österreich.\n"
    d, claims = annotated(text)
    bounds = sentence_bounds(text)
    assert windows(text, bounds, claims) == (bounds, set())


def test_a_long_run_is_cut_between_figures_into_bounded_windows():
    text = run_of_clauses(400)
    d, claims = annotated(text)
    (s, e), = [b for b in sentence_bounds(text) if b[1] - b[0] > LONG]
    cut, continued = windows(text, [(s, e)], claims)
    assert len(cut) > 10 and continued == set(range(1, len(cut)))
    assert cut[0][0] == s and cut[-1][1] == e
    assert all(a[1] == b[0] for a, b in zip(cut, cut[1:]))  # contiguous: every figure is in one window
    assert all(not (c.start < w < c.end) for c in claims for _, w in cut)  # no cut inside a figure
    longest_clause = max(len(c) for c in CLAUSES) + 20
    assert max(b - a for a, b in cut) <= WINDOW + 2 * longest_clause


def test_a_figure_away_from_a_cut_keeps_the_context_of_its_clause(monkeypatch):
    text = run_of_clauses(300)
    _, windowed = annotated(text)
    cuts = [w for _, w in windows(text, sentence_bounds(text), windowed)[0]]
    monkeypatch.setattr(windowing, "LONG", len(text) + 1)  # the run read as one sentence
    _, whole = annotated(text)
    far = [i for i, c in enumerate(whole) if all(abs(c.start - w) > 400 for w in cuts)]
    assert len(far) > len(whole) // 3
    for i in far:
        a, b = windowed[i], whole[i]
        assert (a.measure, a.subject, a.as_of, a.qualifiers, a.relations, a.about) == \
               (b.measure, b.subject, b.as_of, b.qualifiers, b.relations, b.about), a.surface
    assert {c.measure for c in windowed} >= {"revenue", "subscribers"}


@pytest.mark.parametrize("text", [run_of_clauses(600), "Umsatz 12 Kosten, " * 20_000])
def test_a_long_line_keeps_its_claims_surfaces(text):
    d, claims = annotated(text)
    assert len(claims) > 1000
    assert all(c.surface == text[c.start:c.end] for c in claims)
    assert all(c.as_of == "2026-03-02" for c in claims)  # every figure was annotated

