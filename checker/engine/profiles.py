"""The profiles of a huge document's claims, made only when its story needs them.

A claim's profile (`about`, checker/context/about.py) is read by the aligner alone, and the
aligner links figures of different documents: a story of one document never reads it. A huge
document (checker/engine/pieces.py: a table flattened to a line of megabytes) is therefore
prepared without profiles, which were about a fifth of its time; when its story turns out to
hold another document (this run, or a later one reading its claims from the cache), the
document is prepared again with them and each claim takes the profile made for it. The
second pass reads the same text with the same rules, so it finds the same claims at the same
places and their profiles are exactly those a single pass would have made.
"""

from __future__ import annotations

from collections.abc import Sequence

from factlint.checker.model import Claim, Document
from factlint.rules.loader import RuleSet


def lacks_profiles(doc: Document, claims: Sequence[Claim]) -> bool:
    """Were `claims` of `doc` made in pieces without their profiles?"""
    from factlint.checker.engine.pieces import HUGE

    # the claims first: a document read from the cache reads its text only when asked for it
    return (len(claims) > 0 and not any(c.about for c in claims) and doc.published is not None
            and len(doc.scan or doc.text) > HUGE)


def fill_profiles(doc: Document, claims: Sequence[Claim], rules: RuleSet) -> None:
    """Give `claims` (of `doc`, made in pieces) their profiles, in place."""
    from factlint.checker.engine.pieces import prepare_pieces

    made = {(c.start, c.end): c.about for c in prepare_pieces(doc, rules, jobs=1, profiles=True)}
    for c in claims:
        c.about = made.get((c.start, c.end), {})


def fill_story(parts: Sequence[tuple[str, Sequence[Claim]]], docs: dict[str, Document], rules: RuleSet) -> None:
    """Before a story of several documents is aligned: profiles for those of its huge documents
    that lack them."""
    if len(parts) < 2:
        return
    for path, claims in parts:
        doc = docs.get(path)
        if doc is not None and lacks_profiles(doc, claims):
            fill_profiles(doc, claims, rules)
