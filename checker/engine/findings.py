"""A story's findings in the cache, kept where the story was compared (a worker, mostly).

One file per story, of two parts (`Cache.write_parts`): the findings as JSON rows, and each
finding's text in the JSON report (render/json.py: `pieces`), raw. A re-check decodes the
rows (the run needs the findings) but copies that text into its report instead of
serializing tens of thousands of findings again; the report writes around it only what
the run sets (ids, the story's name, decisions).
"""

from __future__ import annotations

from factlint.checker.engine.cache import Cache, finding_of, finding_row
from factlint.checker.model import Finding

ROWS, TEXT = b"entry", b"text"
SEPARATOR = b"\x1e"  # between the pieces of text: never in JSON text (a control character)


def keep_findings(cache: Cache, key: str, findings: list[Finding]) -> None:
    """Keep a story's findings under `key`, each with its text (set on the findings too)."""
    from factlint.checker.render.json import pieces

    for f, text in zip(findings, pieces(findings)):
        f.text = text
    rows = cache_rows(findings)
    text = SEPARATOR.join(piece for f in findings for piece in f.text)
    cache.write_parts(key, {ROWS: rows, TEXT: text})


def cache_rows(findings: list[Finding]) -> bytes:
    from factlint.checker.engine.cache import encode

    return encode([finding_row(f) for f in findings], compress=False)


def cached_findings(cache: Cache, key: str) -> list[Finding] | None:
    """The findings kept under `key`, each with its text; None when there are none (no such
    entry, or a damaged one)."""
    import json

    parts = cache.read_parts(key)
    if parts is None or ROWS not in parts or TEXT not in parts:
        return None
    try:
        rows = json.loads(bytes(parts[ROWS]))
        texts = bytes(parts[TEXT]).split(SEPARATOR) if rows else []
        if len(texts) != 2 * len(rows):
            return None
        return [finding_of(row, text) for row, text in zip(rows, zip(texts[::2], texts[1::2]))]
    except (TypeError, ValueError):
        return None
