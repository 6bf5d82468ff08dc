"""A huge document (a table flattened to one line of megabytes, a scraped dump) extracted and
annotated in pieces, on the cores `--jobs` allows.

Extraction and context look at a sentence at a time (a window of a long one,
checker/context/windows.py), so a document of more than `HUGE` characters is cut into pieces
of about `PIECE` characters at sentence starts, or, inside a sentence longer than a piece,
after a clause mark before a word. Each piece is extracted and annotated by sentence on its
own, in this process and in forked workers (each taking the next piece when it is free:
checker/engine/ends.py); then the claims are put back in text order, get
their ids, and what the document says as a whole (tables, repeated figures) is annotated over
all of them. Their profiles (`about`, read by the aligner only) are left empty: a huge document
gets them when its story has another document to align with (checker/engine/profiles.py).
The cuts depend on the text alone, never on the number of processes, so every
`--jobs` gives the same claims; a piece never splits a figure, and a cut at a sentence start
keeps the sentences of prose whole (a sentence that starts with a pronoun, which borrows the
measure of the one before, is not cut before).
"""

from __future__ import annotations

import gc
import re

from factlint.checker.model import Claim, Document, Relation
from factlint.rules.loader import RuleSet

PIECE = 250_000  # characters of a piece …
HUGE = 2 * PIECE  # … of a document longer than this
CLAUSE_CUT = re.compile(r"[,;][^\S\n]+(?=[^\W\d_])")  # inside a sentence: after ", " or "; " before a word


def cuts(doc: Document, pack) -> list[int]:
    """Where the pieces of `doc` start (0 first); a single piece for a document up to `HUGE`."""
    text = doc.scan or doc.text
    if len(text) <= HUGE:
        return [0]
    from factlint.checker.extract import sentence_bounds
    from factlint.checker.normalize.breaks import join_broken_quantities

    joined = join_broken_quantities(text, pack)  # what extraction reads: a quantity across a line break is one
    pronouns = {p.lower() for p in pack.context.pronouns}
    starts = [s for s, _ in sentence_bounds(joined, pack.sentences) if _first_word(joined, s) not in pronouns]
    out, i, lo = [0], 0, PIECE
    while lo < len(text) - PIECE // 2:
        while i < len(starts) and starts[i] < lo:
            i += 1
        cut = starts[i] if i < len(starts) and starts[i] < lo + PIECE else None
        if cut is None:  # inside a sentence longer than a piece
            m = CLAUSE_CUT.search(joined, lo, lo + PIECE)
            cut = m.end() if m else None
        if cut is not None and cut < len(text) - PIECE // 2:
            out.append(cut)
            lo = cut + PIECE
        else:
            lo += PIECE
    return out


def _first_word(text: str, at: int) -> str:
    words = text[at:at + 40].split(None, 1)
    return words[0].lower() if words else ""


def prepare_pieces(doc: Document, rules: RuleSet, jobs: int = 1, profiles: bool = False) -> list[Claim]:
    """The claims of `doc` with ids and context (and profiles, with `profiles`), its pieces on up
    to `jobs` processes (this one among them). Raises what a piece raised."""
    threshold = gc.get_threshold()
    gc.set_threshold(100_000, 50, 100)  # claims live to the end of the run: collecting young ones often only costs
    try:
        return _prepare_pieces(doc, rules, jobs, profiles)
    finally:
        gc.set_threshold(*threshold)


def _prepare_pieces(doc: Document, rules: RuleSet, jobs: int, profiles: bool) -> list[Claim]:
    from concurrent.futures import ProcessPoolExecutor

    from factlint.checker.context import annotate
    from factlint.checker.engine.ends import from_both_ends
    from factlint.checker.engine.local import _context
    from factlint.checker.fingerprint import assign_claim_ids

    starts = cuts(doc, rules.pack(doc.lang))
    parts = [Part(doc, lo, hi) for lo, hi in zip(starts, starts[1:] + [len(doc.text)])]
    jobs = max(1, min(jobs, len(parts)))
    if jobs > 1:
        warm_up(doc, rules, profiles)  # what every piece loads first, loaded once for the workers forked next
        with ProcessPoolExecutor(max_workers=jobs - 1, mp_context=_context()) as pool:
            # the workers take pieces from the start, this process from the end, each the next
            # one as it is free: a core that others' work slows does less of it
            pieces = from_both_ends(len(parts), lambda n: piece(parts[n], rules, profiles),
                                    lambda n: pool.submit(_piece, parts[n], rules.dirs, profiles), jobs - 1)
    else:
        pieces = [piece(part, rules, profiles) for part in parts]
    old_ids = [[c.id for c in own] for own in pieces]
    claims = [c for own in pieces for c in own]
    assign_claim_ids(claims, [c.key for c in claims])  # each piece made its claims' keys without the counter
    for own, old in zip(pieces, old_ids):  # a relation names a claim of its own piece, by the piece's id
        new = {o: c.id for o, c in zip(old, own)}
        for c in own:
            if c.relations:
                c.relations = [Relation(type=r.type, other=new.get(r.other, r.other), factor=r.factor)
                               for r in c.relations]
    annotate([doc], claims, rules, part="document", profiles=profiles)
    return claims


class Part:
    """doc.text[lo:hi] as a document of its own, and where it stands in `doc`."""

    def __init__(self, doc: Document, lo: int, hi: int):
        self.lo, self.lines = lo, doc.text.count("\n", 0, lo)
        shift = (lambda x: min(max(0, x - lo), hi - lo))
        headline = (shift(doc.headline[0]), shift(doc.headline[1])) if doc.headline is not None else None
        self.doc = doc.model_copy(update={"text": doc.text[lo:hi], "scan": (doc.scan or doc.text)[lo:hi],
                                          "headline": headline, "body_start": shift(doc.body_start)})



def piece(part: Part, rules: RuleSet, profiles: bool = False) -> list[Claim]:
    """The claims of one part, extracted and annotated by sentence, at their offsets in the whole
    document (their ids are the part's own: their numbers in it, which relations name until
    the document's ids replace them; their keys lack the counter the document's ids add)."""
    from factlint.checker import pipeline  # its `extract` is the one tests replace
    from factlint.checker.context import annotate
    from factlint.checker.fingerprint import claim_key

    claims = pipeline.extract(part.doc, rules.pack(part.doc.lang))
    for n, c in enumerate(claims):
        c.id, c.key = str(n), claim_key(c)
    annotate([part.doc], claims, rules, part="sentences", profiles=profiles)
    for c in claims:
        c.start += part.lo
        c.end += part.lo
        c.sentence_start += part.lo
        c.line += part.lines
    return claims


def _piece(part: Part, dirs: tuple[str, ...], profiles: bool) -> list[Claim]:
    return piece(part, RuleSet.load(dirs), profiles)


WARM_UP = 4000  # characters of a document read before forking workers


def warm_up(doc: Document, rules: RuleSet, profiles: bool) -> None:
    """Read the start of `doc` as a piece and drop its claims, before forking workers: the readers
    each process builds on its first piece (compiled patterns, cue index, the lemmas and word
    frequencies if the text needs them, about 0.7 s) are then built once, and the workers
    inherit them."""
    if profiles:
        from factlint.checker.context.about import lemma_parts

        lemma_parts("Umsatzzahlen", doc.lang)
    piece(Part(doc, 0, min(len(doc.text), WARM_UP)), rules, profiles)
