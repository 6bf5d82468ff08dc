"""A ratio one article states in words against the two figures another article gives.

Article X says a figure tripled, doubled, halved, or is "dreimal so hoch" as another (a ratio
relation, checker/context/relations.py). Article Y states the same fact's figure (the aligner
linked them, checker/align) and the other end of the ratio: the figure the aligner links to the
other end when X states it (in the sentence or, as the ratio check inside one article finds it,
in an earlier one), else the one other figure of the same kind, unit, subject and
measure in Y's sentence that no figure of X states ("stieg von 150 auf 300 Millionen Euro").
When Y's two figures are a factor apart that X's ratio does not allow (the ratio check's
tolerance beyond the written precision), the articles contradict each other: a conflict that
names X's claims, Y's two figures, the factor, the value it implies and the factor Y's figures make.

Which end of X's ratio a figure of Y stands for is read from the sizes ("tripled" makes the
later figure the larger), so a link to the wrong end of Y's "from … to" still tests the ratio;
a ratio X states for a figure in the opposite direction (a fall to a third for a tripling) is
therefore not caught. Whether X's figure is a ratio's result ("verdreifacht auf 300": the other
was 100) or its base ("dreimal so viel wie die 100 …") the relation says (checker/context/relations.py).
Only a ratio tied to two figures of X's sentence, or to a figure that is a change's result (right
after a level word: "auf", "to"), is read: a ratio word that merely stands near a figure ("seven
points in the first half", "a double-digit lead of eight") is too loose a tie to contradict.
"""

from __future__ import annotations

from collections import defaultdict

from factlint.checker.align import Figure, Link
from factlint.checker.compare import explain
from factlint.checker.compare.findings import Checks, make, message
from factlint.checker.compare.inside import implicit_partner
from factlint.checker.model import Claim, Finding
from factlint.checker.values import interval, point

CLAUSE = 80  # characters between the two figures a ratio word ties: "5 Mrd. Yuan ist dreimal so groß wie bei Huoshan (1 Mrd."
TIED = ("range", "conversion")  # figures of one range or one amount in two currencies: no two ends of a ratio


def check_ratio_links(claims: list[Claim], links: list[Link], checks: Checks) -> list[Finding]:
    if not links:
        return []  # every finding names a figure of another document linked to one of these
    by_id = {c.id: c for c in claims}
    linked: dict[str, list[Figure]] = defaultdict(list)  # claim id → figures of other documents linked to its figure
    for link in links:
        for one, other in ((link.a, link.b), (link.b, link.a)):
            for c in one.claims:
                linked[c.id].append(other)
    mates: dict[tuple, list[Claim]] = defaultdict(list)
    for c in claims:
        mates[(c.document, c.sentence_start)].append(c)
    out, seen = [], set()
    for b in claims:
        for r in b.relations:
            if r.type != "ratio" or not r.factor or b.value is None or not (r.other or "level" in b.qualifiers):
                continue  # a ratio word near a figure that is neither tied to another nor a change's result
                # ("scored seven points in the first half") says nothing another article can contradict
            a = by_id.get(r.other) if r.other else implicit_partner(b, claims)
            if a is not None and (a.start > b.start and r.other or a.value is None):
                continue  # a tie X states both ends of is read once, from its second figure
            if r.other and (b.start - a.end > CLAUSE or not _same_measure(a.measure, b.measure)):
                continue  # "led 54-46 a short time later … of the second half … ahead by eight": no one ratio
            rule = checks.pick("ratio-across", b.kind)
            if rule is None:
                continue
            factor = r.factor  # b = factor × the other end (checker/context/relations.py)
            for ya, yb in _pairs(b, a, linked, mates):
                if (b.id, ya.document) in seen:
                    continue
                seen.add((b.id, ya.document))
                finding = _check(rule, b, a, factor, ya, yb)
                if finding is not None:
                    out.append(finding)
    return out


def _pairs(b: Claim, a: Claim | None, linked: dict[str, list[Figure]], mates: dict[tuple, list[Claim]]):
    """(Y's figure for one end, Y's figure for the other end), per other document Y."""
    for fig in linked.get(b.id, []):
        y = fig.claim
        other = _linked_in(a, y.document, linked) if a is not None else _mate(y, b.document, mates, linked)
        if other is not None:
            yield other, y


def _linked_in(c: Claim, document: str, linked: dict[str, list[Figure]]) -> Claim | None:
    return next((f.claim for f in linked.get(c.id, []) if f.document == document), None)


def _mate(y: Claim, x_document: str, mates: dict[tuple, list[Claim]], linked: dict[str, list[Figure]]) -> Claim | None:
    """The one other figure of y's sentence that can be the other end of a ratio: same kind,
    unit, subject and measure, another value, not tied to y as a range or a conversion, and
    stated by no figure of X (X's own figures are other facts than the end X leaves unstated)."""
    tied = {r.other for r in y.relations if r.type in TIED}
    found: dict[float, Claim] = {}
    for m in mates[(y.document, y.sentence_start)]:
        if (m.id == y.id or m.id in tied or m.kind != y.kind or m.unit != y.unit or m.subject != y.subject
                or not _same_measure(m.measure, y.measure) or m.value is None or m.value == y.value
                or any(r.type in TIED and r.other != y.id for r in m.relations if r.other)):
            continue
        if any(f.document == x_document for f in linked.get(m.id, [])):
            continue
        found.setdefault(m.value, m)
    return next(iter(found.values())) if len(found) == 1 else None


def _same_measure(m: str | None, n: str | None) -> bool:
    """The same measure; a counted noun's label as inflected ("noun:räder", "noun:rädern") is one."""
    if m == n:
        return True
    if m and n and m.startswith("noun:") and n.startswith("noun:"):
        short, long_ = sorted((m, n), key=len)
        return long_.startswith(short) and len(long_) - len(short) <= 2
    return False


def _check(rule, b: Claim, a: Claim | None, factor: float, y1: Claim, y2: Claim) -> Finding | None:
    """Y's figures, the smaller standing for the smaller end of X's ratio, against X's factor."""
    p1, p2 = point(y1), point(y2)
    i1, i2 = interval(y1), interval(y2)
    if not p1 or not p2 or p1 < 0 or p2 < 0 or i1 is None or i2 is None or i1[0] <= 0 or i2[0] <= 0:
        return None
    if p1 == p2:
        return None
    small, large = sorted((y1, y2), key=point)
    (slo, shi), (llo, lhi) = (i1, i2) if p1 < p2 else (i2, i1)
    big = max(factor, 1 / factor)  # X's figures' factor, larger over smaller
    tol = rule.params.tolerance_pct / 100
    lowest, highest = llo / shi, lhi / slo  # what Y's figures allow, written precision included
    if highest >= big * (1 - tol) and lowest <= big * (1 + tol):
        return None
    y_factor = point(large) / point(small)
    unit = f" {b.unit}" if b.unit else ""
    if a is not None:
        said = f"{b.document} makes {explain.quoted(b)} {_times(factor)} {explain.quoted(a)}"
    else:
        said = (f"{b.document} makes {explain.quoted(b)} {_times(factor)} another figure, "
                f"which puts that one at {explain.amount(b.value / factor)}{unit}")
    ends = sorted((y1, y2), key=lambda c: c.start)
    detail = (f"{said}; {y1.document} states {explain.quoted(ends[0])} and {explain.quoted(ends[1])}, "
              f"a factor of {y_factor:.3g}, not {big * (1 - tol):.3g}–{big * (1 + tol):.3g} "
              f"({explain.tolerance_words(rule.params.tolerance_pct)} for a ratio in words)")
    told = [b] + ([a] if a is not None else []) + ends
    return make(rule, told, message(rule, b, y2, detail=detail))


def _times(f: float) -> str:
    if f >= 1:
        return f"{f:.3g} ×"
    return f"1/{1 / f:.3g} of"
