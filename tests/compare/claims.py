"""Hand-built documents and claims for stage tests of context, align and compare.

Extraction has its own tests; these build the claims it would produce, so a context or
comparison test fails only for reasons of its own stage.
"""

from __future__ import annotations

import datetime as dt

from factlint.checker.extract import sentence_bounds
from factlint.checker.fingerprint import assign_claim_ids
from factlint.checker.model import Claim, Document


def doc(path: str, text: str, published: str | None = None, lang: str = "de") -> Document:
    return Document(id=path, path=path, text=text, scan=text, lang=lang,
                    published=dt.date.fromisoformat(published) if published else None)


def claim(d: Document, surface: str, kind: str, value: float | None = None, unit: str | None = None,
          occurrence: int = 1, **fields) -> Claim:
    """The claim `surface` (its occurrence-th match in the document) with the given normalized value."""
    start = -1
    for _ in range(occurrence):
        start = d.text.index(surface, start + 1)
    end = start + len(surface)
    s, e = next((s, e) for s, e in sentence_bounds(d.text) if s <= start < e)
    return Claim(document=d.path, start=start, end=end, surface=surface, kind=kind, value=value, unit=unit,
                 sentence=" ".join(d.text[s:e].split()), sentence_start=s, line=d.text.count("\n", 0, start) + 1,
                 **fields)


def ids(claims: list[Claim]) -> list[Claim]:
    assign_claim_ids(claims)
    return claims
