"""A huge document is extracted and annotated in pieces (checker/engine/pieces.py): the same
claims whatever the number of processes, prose cut only between sentences (so its claims are
those of the whole document), and every claim of a long line where it stands."""

from __future__ import annotations

import datetime as dt
import importlib
import random

import pytest

from factlint.checker.engine.prepare import prepare_document
from factlint.checker.engine.profiles import fill_profiles, lacks_profiles
from factlint.checker.ingest import parse_document
from factlint.checker.model import Document
from factlint.rules.loader import RuleSet

pieces = importlib.import_module("factlint.checker.engine.pieces")

PROSE = [
    "Die Stadt zahlte 12 Millionen Euro für die Brücke, rund 13 Millionen Dollar.",
    "Sie kostet damit 20 Prozent mehr als geplant.",  # a pronoun: borrows the measure before
    "Der Umsatz stieg im Jahr 2025 um 4,5 Prozent auf 3,2 Mrd. Euro.",
    "Konkurrent Taiming kam auf 2,9 Mrd. Euro, dreimal so viel wie vor zehn Jahren.",
    "Am 3. März zählte der Verband 41.000 Mitglieder in Österreich.",
    "| Jahr | Umsatz |\n|---|---|\n| 2024 | 3,1 Mrd. Euro |\n| 2025 | 3,2 Mrd. Euro |",
]


@pytest.fixture
def small_pieces(monkeypatch):
    monkeypatch.setattr(pieces, "PIECE", 6_000)
    monkeypatch.setattr(pieces, "HUGE", 12_000)


def prose(n: int, seed: int = 5) -> str:
    rng = random.Random(seed)
    paragraphs = [" ".join(rng.choice(PROSE[:5]) for _ in range(4)) if i % 5 else PROSE[5] for i in range(n)]
    return "---\npublished: 2026-03-02\nlang: de\n---\n\n" + "\n\n".join(paragraphs) + "\n"


def long_line(n: int, seed: int = 6) -> str:
    rng = random.Random(seed)
    words = ("Umsatz", "Kosten", "Kunden", "Euro", "Prozent", "und", "bei", "im", "Jahr")
    body = " ".join(f"{rng.choice(words)} {rng.randint(1, 999_999)} {rng.choice(words)}," for _ in range(n))
    return "---\npublished: 2026-03-02\nlang: de\n---\n\n" + body + "\n"


def claims_of(text: str, jobs: int = 1, profiles: bool = False):
    """The claims `prepare_document` makes of `text` (with the profiles a story of several
    documents would give a huge one, with `profiles`)."""
    doc = parse_document(text, "a.md", "md")
    out = prepare_document(doc, RuleSet.load(), jobs=jobs)
    assert out.extract_error is None
    if profiles and lacks_profiles(doc, out.claims):
        fill_profiles(doc, out.claims, RuleSet.load())
    return doc, [(c.model_dump(), c.about) for c in out.claims]


def test_prose_cut_in_pieces_has_the_claims_of_the_whole_document(small_pieces, monkeypatch):
    text = prose(120)
    doc = parse_document(text, "a.md", "md")
    assert len(pieces.cuts(doc, RuleSet.load().pack("de"))) > 3
    _, cut = claims_of(text, profiles=True)
    monkeypatch.setattr(pieces, "HUGE", len(text) + 1)
    _, whole = claims_of(text)
    assert len(cut) > 500 and cut == whole
    assert sum(1 for _, about in whole if about) > 500  # the profiles were compared too


@pytest.mark.parametrize("make", [prose, long_line])
def test_pieces_give_the_same_claims_on_one_process_or_several(small_pieces, make):
    text = make(400 if make is long_line else 120)
    assert claims_of(text, jobs=1) == claims_of(text, jobs=3)


def test_a_long_line_in_pieces_keeps_every_claim_where_it_stands(small_pieces):
    text = long_line(3000)
    doc, claims = claims_of(text, jobs=2)
    assert len(pieces.cuts(doc, RuleSet.load().pack("de"))) > 5
    assert len(claims) == 3000  # one claim per number, none lost or doubled at a cut
    ids = {c["id"] for c, _ in claims}
    assert len(ids) == len(claims)
    starts = [c["start"] for c, _ in claims]
    assert starts == sorted(starts)
    for c, _ in claims:
        assert c["surface"] == text[c["start"]:c["end"]]
        assert c["line"] == text.count("\n", 0, c["start"]) + 1
        assert all(r["other"] in ids for r in c["relations"])
