"""Stable identities for claims and findings.

A claim's key is what it says, not where it sits: its document path, its kind, its
canonical value (amount + ISO code, percent or percentage points, quantity in base
units, ISO date) and a counter among identical keys in that document. No line, offset
or wording goes in, so moving a paragraph, rewording the sentence or writing the same
number another way (431 Mio. → 431 Millionen) keeps the key; a changed value changes it.

A finding's id is a short hash of its check code and the sorted keys of its claims;
findings that would share an id get `:2`, `:3` in report order. It is the finding's
`id` in every report format and the key of the decisions file.

A finding about one fact told by several sources (a conflict or drift of `compare/across.py`)
is identified by what is disputed, not by who repeats it: its check code, the story folder
(the first folder all its documents share) and the set of its distinct canonical values. A
new source repeating a known value keeps the id (the decision stands); a new value changes
it (the fact is reviewed again). Such a finding also carries the id the claim-key scheme
gives it (`previous_id`), so decisions recorded under that id move to the new one
(checker/decisions.py: `migrate`).

Keys are versioned (`v1:`). Changing a canonical form so that keys change is a breaking
change: it ships with a migration of the decisions file.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache

from factlint.checker.model import Claim, Finding
from factlint.checker.tables import UnitTable

KEY_VERSION = "v1"
ID_LENGTH = 12


def assign_claim_ids(claims: list[Claim], bases: list[str] | None = None) -> None:
    """Set `key` and `id` of every claim; claims must come in text order per document. `bases`
    are their `claim_key`s when made already (by the workers that made a huge document's pieces)."""
    seen: dict[str, int] = {}
    for c, base in zip(claims, bases or map(claim_key, claims)):
        seen[base] = seen.get(base, 0) + 1
        c.key = f"{base}#{seen[base]}"
        c.id = short_hash(c.key)


def claim_key(c: Claim) -> str:
    """`v1:<document>:<kind>:<canonical value>`, without the counter."""
    return f"{KEY_VERSION}:{c.document}:{c.kind}:{canonical_value(c)}"


def canonical_value(c: Claim) -> str:
    if c.kind == "date":
        return c.date or _surface(c)
    if c.value is None:
        return _surface(c)
    if c.kind == "quantity" and c.unit:
        value, unit = base_units(c.value, c.unit)
        return f"{number(value)} {unit}"
    if c.kind == "percent":
        return f"{number(c.value)} {c.unit or '%'}"
    return f"{number(c.value)} {c.unit}" if c.unit else number(c.value)


def number(value: float) -> str:
    """A float in a canonical spelling: 12 significant digits, no float noise, no -0."""
    text = format(value + 0.0, ".12g")
    return "0" if text == "-0" else text


def _surface(c: Claim) -> str:
    return "~" + " ".join(c.surface.split())


def base_units(value: float, unit: str) -> tuple[float, str]:
    """`value unit` in pint's base units; the unit as written when pint does not know it."""
    conversion = _to_base(unit)
    if conversion is None:
        return value, unit
    scale, offset, base = conversion
    return value * scale + offset, base


@lru_cache(maxsize=1024)
def _to_base(unit: str) -> tuple[float, float, str] | None:
    """(scale, offset, base unit) with base = value × scale + offset (offset for °C, °F): pint's
    answer, kept between runs (checker/tables.py)."""
    answer = _BASE_UNITS.get(unit, _pint_to_base, _is_base)
    return None if answer is None else (answer[0], answer[1], answer[2])


def _pint_to_base(unit: str) -> list | None:
    import pint

    try:
        zero = _registry().Quantity(0.0, unit).to_base_units()
        one = _registry().Quantity(1.0, unit).to_base_units()
    except (pint.errors.PintError, AssertionError, ValueError, TypeError, AttributeError, KeyError):
        return None
    return [float(one.magnitude - zero.magnitude), float(zero.magnitude), f"{one.units:~}".replace(" ", "")]


def _is_base(answer) -> bool:
    return answer is None or (isinstance(answer, list) and len(answer) == 3 and isinstance(answer[0], float)
                              and isinstance(answer[1], float) and isinstance(answer[2], str))


_BASE_UNITS = UnitTable("base-units")


def _registry():
    from factlint.checker.normalize.units import registry  # the one pint registry of the process

    return registry()


def finding_id(code: str, claims: list[Claim]) -> str:
    """Short hash of the check code and the sorted claim keys (no collision suffix)."""
    keys = sorted(c.key or f"{claim_key(c)}#1" for c in claims)
    return short_hash(code + "|" + "|".join(keys))


def fact_id(code: str, claims: list[Claim]) -> str:
    """Short hash of the check code, the story folder and the distinct canonical values: the same
    while no source brings a new value (no collision suffix)."""
    values = sorted({f"{c.kind}:{canonical_value(c)}" for c in claims})
    return short_hash(f"fact|{code}|{story_folder(claims)}|" + "|".join(values))


def story_folder(claims: list[Claim]) -> str:
    """The first folder of the documents' paths when they all share it, else ""."""
    firsts = {c.document.split("/", 1)[0] if "/" in c.document else "" for c in claims}
    return firsts.pop() if len(firsts) == 1 else ""


def assign_finding_ids(findings: list[Finding], claims: list[Claim]) -> None:
    """Give every finding its fingerprint; the 2nd, 3rd… with the same one get `:2`, `:3`.
    A finding about one fact (`per_fact`) also gets `previous_id`, its id by claim keys.
    A finding whose `bases` were computed already (with its story's claims) needs no claim."""
    by_id: dict[str, Claim] | None = None
    taken: dict[str, int] = {}
    previous: dict[str, int] = {}
    for f in findings:
        if f.bases is None:
            by_id = {c.id: c for c in claims} if by_id is None else by_id
            base, previous_base = finding_bases(f, by_id)
        else:
            base, previous_base = f.bases
        if f.per_fact:
            previous[previous_base] = previous.get(previous_base, 0) + 1
            f.previous_id = _numbered(previous_base, previous[previous_base])
        taken[base] = taken.get(base, 0) + 1
        f.id = _numbered(base, taken[base])


def finding_bases(f: Finding, by_id: dict[str, Claim]) -> tuple[str, str | None]:
    """A finding's id and (for a finding about one fact) its id by claim keys, before numbering."""
    own = identity_claims(f, [by_id[i] for i in f.claims if i in by_id])
    base = finding_id(f.code, own)
    return (fact_id(f.code, own), base) if f.per_fact else (base, None)


def _numbered(base: str, n: int) -> str:
    return base if n == 1 else f"{base}:{n}"


def identity_claims(f: Finding, claims: list[Claim]) -> list[Claim]:
    """The claims a finding is about. A conversion finding disputes the converted figures;
    the amounts they convert are shown for context but are not part of its identity, so
    editing one converted figure reopens only the finding about that figure."""
    if f.rate_check is None:
        return claims
    disputed = [c for c in claims if c.unit != f.rate_check.from_currency]
    return disputed or claims


def short_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:ID_LENGTH]
