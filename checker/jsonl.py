"""`factlint extract --jsonl`: documents as JSON lines in, claims as JSON lines out (CONTRACT.md §1)."""

from __future__ import annotations

import datetime as dt
import json
from typing import Iterable, Iterator

from checker.extract import extract
from checker.ingest import detect_language, parse_document
from rules.loader import load_pack

CONTRACT_FIELDS = ("start", "end", "surface", "kind", "value", "unit", "date", "approximate", "lower", "upper")


def run(lines: Iterable[str], options) -> Iterator[dict]:
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        yield answer(line, n, options)


def answer(line: str, n: int, options) -> dict:
    try:
        obj = json.loads(line)
    except ValueError as exc:
        return {"id": None, "error": f"line {n}: not JSON: {exc.msg}"}
    if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
        return {"id": obj.get("id") if isinstance(obj, dict) else None, "error": f"line {n}: missing 'text'"}
    doc_id = obj.get("id")
    try:
        published = dt.date.fromisoformat(obj["published"]) if obj.get("published") else None
    except (TypeError, ValueError):
        return {"id": doc_id, "error": f"line {n}: published: not an ISO date: {obj.get('published')!r}"}
    lang = obj.get("lang") or None
    doc = parse_document(obj["text"], str(doc_id), "txt", lang=lang, published=published)
    claims = extract(doc, load_pack(doc.lang, options.rules_dirs))
    return {"id": doc_id, "claims": [c.model_dump(include=set(CONTRACT_FIELDS) | {"line", "hedge", "counted", "low", "high"}) for c in claims]}
