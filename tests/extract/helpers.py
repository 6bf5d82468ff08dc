"""Run the extractor the way the pipeline does: a Document of one language through `extract`."""

from __future__ import annotations

import datetime as dt

from factlint.checker.extract import extract
from factlint.checker.ingest import parse_document
from factlint.checker.model import Claim
from factlint.rules.loader import load_pack


def claims_of(text: str, lang: str, published: str | None = None) -> list[Claim]:
    day = dt.date.fromisoformat(published) if published else None
    doc = parse_document(text, "example.txt", "txt", lang=lang, published=day)
    return extract(doc, load_pack(lang))


def claim_at(text: str, lang: str, surface: str) -> Claim:
    """The claim whose surface is `surface` (fails listing what was found instead)."""
    found = claims_of(text, lang)
    for c in found:
        if c.surface == surface:
            return c
    raise AssertionError(f"no claim {surface!r} in {text!r}; found {[(c.surface, c.kind) for c in found]}")


def row(lang: str, text: str, surface: str, kind: str, value: float | None, unit: str | None, xfail: str = ""):
    """One example: text in; surface, kind, value, unit out (a known gap is a strict xfail)."""
    import pytest

    marks = [pytest.mark.xfail(reason=xfail, strict=True)] if xfail else []
    return pytest.param(lang, text, surface, kind, value, unit, marks=marks, id=f"{lang}-{surface}")


def check_row(lang: str, text: str, surface: str, kind: str, value: float | None, unit: str | None) -> None:
    import math

    c = claim_at(text, lang, surface)
    assert (c.kind, c.unit) == (kind, unit), f"{surface!r}: {c.kind} {c.unit}"
    assert c.value is not None and math.isclose(c.value, value, rel_tol=1e-9, abs_tol=1e-12), f"{surface!r}: {c.value}"
