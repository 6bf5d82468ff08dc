"""`factlint extract --jsonl`: documents as JSON lines in, claims as JSON lines out (CONTRACT.md §1).

One output line per non-blank input line, in order. A line that cannot be used (not
UTF-8, not JSON, not an object, no text, a bad `lang` or `published`) answers
`{"id": …, "error": "…"}` and the run goes on; the caller exits 1 when any line failed.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Iterable, Iterator

from factlint.checker.errors import FactlintError
from factlint.checker.extract import extract
from factlint.checker.ingest import parse_document
from factlint.checker.normalize.dates import date_unknown_published
from factlint.rules.loader import RuleError, RuleSet

CONTRACT_FIELDS = ("start", "end", "surface", "kind", "value", "unit", "date", "approximate", "lower", "upper")
EXTRA_FIELDS = ("line", "hedge", "counted", "low", "high", "weekday", "weekday_mismatch", "headline", "foreign_separator")


class BadLine(Exception):
    """An input line that cannot be used; its message goes into the `error` field."""


def run(lines: Iterable[str | bytes], options) -> Iterator[dict]:
    """One answer per non-blank line of `lines` (text or UTF-8 bytes)."""
    for n, line in enumerate(lines, 1):
        if isinstance(line, bytes):
            try:
                line = line.decode("utf-8")
            except UnicodeDecodeError as exc:
                yield {"id": None, "error": f"line {n}: not UTF-8 (byte 0x{line[exc.start]:02x})"}
                continue
        if n == 1:
            line = line.removeprefix("\ufeff")
        if not line.strip():
            continue
        yield answer(line, n, options)


def answer(line: str, n: int, options) -> dict:
    """The claims of one JSON line, or its error."""
    doc_id = None
    try:
        obj = parse_line(line)
        doc_id = obj.get("id")
        text = document_text(obj)
        lang = language(obj.get("lang"))
        published = published_date(obj.get("published"))
        rules = RuleSet.load(options.rules_dirs)
        doc = parse_document(text, f"line {n}", "txt", lang=lang, published=published, rules=rules)
        pack = rules.pack(doc.lang)
        date_unknown_published(doc, pack)  # only when the line gave no `published`
        claims = extract(doc, pack)
    except BadLine as exc:
        return {"id": doc_id, "error": f"line {n}: {exc}"}
    except RuleError:
        raise  # a broken rule file is the run's error (exit 2), not this line's
    except FactlintError as exc:
        return {"id": doc_id, "error": str(exc)}
    except Exception as exc:  # a bug must not lose the other documents; it is still reported and exits 1
        return {"id": doc_id, "error": f"line {n}: internal error: {type(exc).__name__}: {exc}"}
    return {"id": doc_id, "lang": doc.lang, "claims": [claim_fields(c) for c in claims]}


FIELDS = frozenset(CONTRACT_FIELDS) | frozenset(EXTRA_FIELDS)


def claim_fields(c) -> dict:
    """A claim as the contract writes it; a date stated without a year that nothing settled
    keeps its month and day in ISO 8601's form without year (`--02-06`) rather than null."""
    out = c.model_dump(include=FIELDS)
    if out["date"] is None and c.month_day:
        out["date"] = c.month_day
    return out


def parse_line(line: str) -> dict:
    try:
        obj = json.loads(line)
    except ValueError as exc:
        raise BadLine(f"not JSON: {getattr(exc, 'msg', exc)}") from None
    if not isinstance(obj, dict):
        raise BadLine(f"expected a JSON object, got {type(obj).__name__}")
    return obj


def document_text(obj: dict) -> str:
    if "text" not in obj:
        raise BadLine("missing 'text'")
    if not isinstance(obj["text"], str):
        raise BadLine(f"text: expected a string, got {type(obj['text']).__name__}")
    return obj["text"]


def language(value) -> str | None:
    """`lang` as given: a code, or null/"" to detect it."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise BadLine(f"lang: expected a language code or null, got {value!r}")
    return value


def published_date(value) -> dt.date | None:
    """`published` as an ISO date (a date-time is cut to its date), or null."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise BadLine(f"published: expected an ISO date or null, got {value!r}")
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        raise BadLine(f"published: not an ISO date (YYYY-MM-DD): {value!r}") from None
