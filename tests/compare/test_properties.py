"""Context and comparison never fail on odd input, and findings only cite claims they were given."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from factlint.checker.compare import compare
from factlint.checker.context import annotate
from tests.compare.claims import doc, ids
from factlint.checker.model import Claim

WORDS = ["Umsatz", "revenue", "rund", "about", "(", ")", "–", "bis", "to", "als", "than", "wie", "bei", "Huoshan",
         "dreimal", "twice", "Konkurrent", "rival", "Vorjahr", "last", "year", "2023", "Aktie", "shares", "closed",
         "am", "Montag", "on", "Monday", ":", ",", ".", "um", "by", "auf", "at", "Sie", "It", "|", "\n", "-", "Euro",
         "Tote", "killed", "weltweit", "in", "Deutschland", "Germany", "knapp", "mehr", "more", "sieben", "Tagen"]
KINDS = ["money", "number", "percent", "quantity", "date"]
UNITS = {"money": ["EUR", "USD", "CNY", None], "number": [None], "percent": ["%", "pp"], "quantity": ["km", "mile", "xyz"],
         "date": [None]}


@st.composite
def documents(draw):
    texts = [" ".join(draw(st.lists(st.one_of(st.sampled_from(WORDS), st.integers(0, 99999).map(str)), max_size=40)))
             for _ in range(draw(st.integers(1, 3)))]
    docs = [doc(f"d{i}.md", t, draw(st.sampled_from([None, "2026-02-02", "2026-02-03"])), draw(st.sampled_from(["de", "en", "fr"])))
            for i, t in enumerate(texts)]
    claims = []
    for d in docs:
        for m in re.finditer(r"\d+", d.text):
            kind = draw(st.sampled_from(KINDS))
            value = None if kind == "date" else float(m.group())
            claims.append(Claim(document=d.path, start=m.start(), end=m.end(), surface=m.group(), kind=kind, value=value,
                                unit=draw(st.sampled_from(UNITS[kind])), date="2026-02-02" if kind == "date" else None,
                                approximate=draw(st.booleans()), lower=draw(st.sampled_from([None, value])),
                                sentence=d.text, sentence_start=0))
    return docs, ids(claims)


@settings(max_examples=60, deadline=None)
@given(documents())
def test_context_and_compare_never_raise(data):
    docs, claims = data
    annotate(docs, claims)
    known = {c.id for c in claims}
    for f in compare(claims):
        assert f.claims and set(f.claims) <= known
        assert f.kind in ("conflict", "drift", "agreement", "inconsistency") and "\n" not in f.message
