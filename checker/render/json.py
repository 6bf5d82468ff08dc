"""The JSON report of ../shared/eval/CONTRACT.md: schema_version, documents, claims,
findings (and extra fields, described by docs/report.schema.json).

Documents are named as the contract says, relative to the folder scanned (or by file
name when a file is given), even where a corpus root above that folder names them
otherwise in ids and in the other formats (`report.named`).

`write` streams the report: the text is that of `report.model_dump_json(indent=2)`,
but each document, claim and finding is serialized by itself and written at once, so
the report of a large corpus (ten times its size) is never one string in memory.
"""

from __future__ import annotations

import io
from typing import TextIO

from pydantic import BaseModel
from pydantic_core import to_json

from factlint.checker.engine.lazy import CachedClaims, ClaimList
from factlint.checker.model import Claim, Document, Finding, Report
from factlint.checker.render import RenderOptions
from factlint.checker.visible import json_escaped, json_escaped_utf8


def render(report: Report, options: RenderOptions = RenderOptions()) -> str:
    out = io.StringIO()
    write(report, out, options)
    return out.getvalue()


def write(report: Report, out: TextIO, options: RenderOptions = RenderOptions()) -> None:
    """Stream the report into `out`; C1 controls and bidi overrides from article text are
    written as escapes (checker/visible.py), so the file is safe to show in a terminal."""
    out = _Escaping(out)
    fields = [(name, f) for name, f in Report.model_fields.items() if not f.exclude]
    out.write("{")
    for n, (name, _) in enumerate(fields):
        out.write(("," if n else "") + "\n  " + to_json(name).decode() + ": ")
        value = getattr(report, name)
        if isinstance(value, ClaimList):
            if value:
                out.write("[")
                _write_claims(value, out, report.named)
                out.write("\n  ]")
            else:
                out.write("[]")  # documents without a figure
        elif isinstance(value, list) and value:
            out.write("[")
            memo: dict = {}
            for at in range(0, len(value), CHUNK):
                items = value[at:at + CHUNK]
                if name == "findings" and all(f.text is not None for f in items):
                    out.write_raw((b"," if at else b"") + b",".join(_finding_text(f, memo) for f in items))
                    continue
                if report.named:
                    items = [_as_scanned(item, report.named) for item in items]
                out.write(("," if at else "") + _items(items))
            out.write("\n  ]")
        else:
            out.write(_json(value, 2).replace("\n", "\n  "))
    out.write("\n}\n")


CHUNK = 1000  # items serialized at once: one call costs far less than one per item, and no list is ever one string


def _items(items: list) -> str:
    """`"\\n    " + item` for each item, joined by commas, each item as `_json(item, 2)` with its
    lines indented four more spaces: the list's JSON with its brackets cut off (pydantic
    serializes a list of models in one call at a fraction of the cost of one call per model)."""
    return _items_utf8(items).decode()


def _items_utf8(items: list) -> bytes:
    """`_items` as UTF-8, as the serializer writes it."""
    return to_json(items, indent=2)[1:-2].replace(b"\n", b"\n  ")  # b"[\n  {…},\n  {…}\n]"


# A finding's text as `_items` writes it: the fields its story's comparison fixes (`pieces`)
# between those the run sets, in the order of the model's fields.
FIXED = ("kind", "code", "name", "severity", "claims", "message", "subject", "measure", "rate_check")
SET_BY_RUN = ("id", "story", "status", "note", "decided_by", "decided_at")
assert [n for n, f in Finding.model_fields.items() if not f.exclude] == [
    "id", *FIXED[:-1], "story", "rate_check", *SET_BY_RUN[2:]], "Finding's fields changed: update _finding_text"
LINE = b"\n      "  # a field of a finding in the report


def pieces(findings: list[Finding]) -> list[tuple[bytes, bytes]]:
    """Each finding's `text`: the report's JSON text (UTF-8, escaped: checker/visible.py) of its
    fields from kind to measure, and of its rate_check, each line with the comma after it."""
    text = json_escaped_utf8(_items_utf8(findings))
    out, at = [], 0
    for _ in findings:
        kind = text.index(b'%s"kind": ' % LINE, at)
        story = text.index(b'%s"story": ' % LINE, kind)
        rate = text.index(b'%s"rate_check": ' % LINE, story)
        at = text.index(b'%s"status": ' % LINE, rate)
        out.append((text[kind:story], text[rate:at]))
    return out


def _finding_text(f: Finding, memo: dict) -> bytes:
    """`_items` of one finding (UTF-8) from its `text` and the fields this run set; `memo` keeps
    the text of what findings share (a story's name, the decision's fields: most have none)."""
    head, rate = f.text
    ident = to_json(f.id)
    if not ident.isascii():
        ident = _escaped(ident)
    story = memo.get(f.story)
    if story is None:
        story = memo[f.story] = b"null" if f.story is None else _escaped(to_json(f.story))
    decided = (f.status, f.note, f.decided_by, f.decided_at)
    tail = memo.get(decided)
    if tail is None:
        tail = memo[decided] = _escaped(b",".join(b'%s"%s": %s' % (LINE, name.encode(), to_json(value))
                                                  for name, value in zip(SET_BY_RUN[2:], decided)))
    return b'\n    {%s"id": %s,%s%s"story": %s,%s%s\n    }' % (LINE, ident, head, LINE, story, rate, tail)


def _escaped(text: bytes) -> bytes:
    return json_escaped(text.decode("utf-8")).encode("utf-8")


def claims_fragment(claims) -> bytes:
    """The report's JSON text of one document's claims (as `_write_claims` writes and keeps it)."""
    return json_escaped_utf8(_items_utf8(list(claims)))


def _write_claims(claims: ClaimList, out: "_Escaping", named: dict[str, str]) -> None:
    """The claims of each document from the text the cache keeps for them (written by the run
    that made them, escaped already), or serialized here, and then kept."""
    first = True
    for path, part in claims.parts:
        if not len(part):
            continue
        cached = isinstance(part, CachedClaims) and path not in named
        text = part.fragment() if cached else None
        if text is None:
            text = claims_fragment((_as_scanned(c, named) for c in part) if path in named else part)
            if cached:
                part.keep_fragment(text)
        if not first:
            out.write_raw(b",")
        out.write_raw(text)
        first = False


def _as_scanned(item, named: dict[str, str]):
    """A document or claim named relative to the folder scanned (the contract's `path`/`document`)."""
    if isinstance(item, Document) and item.path in named:
        return item.model_copy(update={"path": named[item.path], "id": named[item.path]})
    if isinstance(item, Claim) and item.document in named:
        return item.model_copy(update={"document": named[item.document]})
    return item


class _Escaping:
    def __init__(self, out: TextIO):
        self.out = out

    def write(self, text: str) -> None:
        self.out.write(json_escaped(text))

    def write_raw(self, text: bytes | memoryview) -> None:
        """UTF-8 text escaped already: straight to the file's bytes where it has them."""
        buffer = getattr(self.out, "buffer", None)
        if buffer is not None and (getattr(self.out, "encoding", "") or "").lower().replace("-", "") == "utf8":
            self.out.flush()
            buffer.write(text)
        else:
            self.out.write(str(text, "utf-8"))


def _json(value, indent: int) -> str:
    if isinstance(value, BaseModel):
        return value.model_dump_json(indent=indent)
    return to_json(value, indent=indent).decode()
