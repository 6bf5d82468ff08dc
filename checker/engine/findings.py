"""A story's findings in the cache, kept where the story was compared (a worker, mostly).

One file per story, of two parts (`Cache.write_parts`): the findings as JSON rows, and each
finding's text in the JSON report (render/json.py: `pieces`), raw. A re-check copies that text
into its report instead of serializing tens of thousands of findings again; the report writes
around it only what the run sets (ids, the story's name, decisions).

A row holds only the fields a run reads of every finding (its kind, code, id bases…); the
others (model.py: `DETAILS`, the message, claims, subject, measure and rate check: most of a
finding's bytes) are in its text, and read from it only when something asks for one of them
(a format that prints the message): a re-check writing the JSON report never decodes them.
"""

from __future__ import annotations

import json
import sys
import zlib

from factlint.checker.engine.cache import NOTHING_SET, Cache, decode, encode
from factlint.checker.model import DETAILS, DETAILS_SOURCE, Finding, RateCheck

ROWS, TEXT = b"entry", b"text"
SEPARATOR = b"\x1e"  # between the pieces of text: never in JSON text (a control character)
HEAD, RATE = b'\n      "kind": ', b'\n      "rate_check": '  # how the two pieces of a finding's text start
ROW = ("kind", "code", "name", "severity", "story", "per_fact", "bases")  # a row's fields
# The fields the report sets (ids, decisions), as a story's comparison leaves them: not kept.
BLANK = {"id": "", "status": "open", "note": None, "decided_by": None, "decided_at": None, "previous_id": None}
assert {*ROW, *BLANK, *DETAILS, "text"} == set(Finding.model_fields), "Finding's fields changed: update ROW"


def keep_findings(cache: Cache, key: str, findings: list[Finding]) -> None:
    """Keep a story's findings under `key`, each with its text (set on the findings too)."""
    from factlint.checker.render.json import pieces

    for f, text in zip(findings, pieces(findings)):
        f.text = text
    rows = encode([[getattr(f, name) for name in ROW] for f in findings], compress=False)
    text = SEPARATOR.join(piece for f in findings for piece in f.text)
    cache.write_parts(key, {ROWS: rows, TEXT: text})


def cached_findings(cache: Cache, key: str) -> list[Finding] | None:
    """The findings kept under `key`, each with its text, their details left in it; None when
    there are none (no such entry, or a damaged one)."""
    parts = cache.read_parts(key)
    if parts is None or ROWS not in parts or TEXT not in parts:
        return None
    try:
        rows = decode(bytes(parts[ROWS]))
        texts = bytes(parts[TEXT]).split(SEPARATOR) if rows else []
        if len(texts) != 2 * len(rows):
            return None
        heads, rates = texts[::2], texts[1::2]
        if not all(h.startswith(HEAD) for h in heads) or not all(r.startswith(RATE) for r in rates):
            return None  # (read when a detail is asked for, long after: damaged text is a miss now)
        return [stored_finding(row, text) for row, text in zip(rows, zip(heads, rates))]
    except (TypeError, ValueError, zlib.error):  # (damaged rows that do not start as JSON are decompressed)
        return None


def stored_finding(row: list, text: tuple[bytes, bytes]) -> Finding:
    """The finding of a row, its details left in its `text`. The values findings repeat are one
    string each (as cache.py's `shared` makes them: an archive's report holds millions)."""
    kind, code, name, severity, story, per_fact, bases = row
    values = dict(BLANK, kind=sys.intern(kind), code=sys.intern(code), name=sys.intern(name),
                  severity=sys.intern(severity), story=story, per_fact=per_fact,
                  bases=tuple(bases) if bases is not None else None, text=text)
    values[DETAILS_SOURCE] = details
    return Finding.from_fields(values, NOTHING_SET)


def details(text: tuple[bytes, bytes]) -> dict:
    """The DETAILS of a finding from its report text: the JSON of its fields from kind to
    measure, and of its rate_check, each with the comma after it (render/json.py: `pieces`)."""
    head, rate = text
    values = json.loads(b"{%s%s}" % (head, rate.rstrip(b",")))
    out = {name: values[name] for name in DETAILS}
    for name in ("subject", "measure"):
        if type(out[name]) is str:
            out[name] = sys.intern(out[name])
    if out["rate_check"] is not None:
        out["rate_check"] = RateCheck.model_validate(out["rate_check"])
    return out
