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

from factlint.checker.model import Claim, Document, Report
from factlint.checker.render import RenderOptions
from factlint.checker.visible import json_escaped


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
        if isinstance(value, list) and value:
            out.write("[")
            for i, item in enumerate(value):
                if report.named:
                    item = _as_scanned(item, report.named)
                out.write(("," if i else "") + "\n    " + _json(item, 2).replace("\n", "\n    "))
            out.write("\n  ]")
        else:
            out.write(_json(value, 2).replace("\n", "\n  "))
    out.write("\n}\n")


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


def _json(value, indent: int) -> str:
    if isinstance(value, BaseModel):
        return value.model_dump_json(indent=indent)
    return to_json(value, indent=indent).decode()
