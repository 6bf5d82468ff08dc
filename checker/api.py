"""The Python API's engine side (`factlint.extract`, `factlint.check_texts`): articles given
as text run through the same stages as files do."""

from __future__ import annotations

import datetime as dt
from pathlib import PurePosixPath
from typing import Mapping

from factlint.checker.errors import FactlintError
from factlint.checker.fingerprint import assign_claim_ids
from factlint.checker.ingest import SUFFIXES, parse_document
from factlint.checker.model import Claim, Report
from factlint.checker.pipeline import Options, check_documents, extract_documents
from factlint.checker.select import Selection
from factlint.rules.loader import RuleSet

TEXT_NAME = "text"


def extract_text(text: str, lang: str | None = None, published: dt.date | None = None) -> list[Claim]:
    """The claims of one text (document name `text`), with ids."""
    if not isinstance(text, str):
        raise FactlintError(f"text: expected a string, got {type(text).__name__}")
    rules = RuleSet.load()
    doc = parse_document(text, TEXT_NAME, "txt", lang=lang, published=published, rules=rules)
    claims = extract_documents([doc], Options(), rules)[0]
    assign_claim_ids(claims)
    return claims


def check_text_map(texts: Mapping[str, str], published: Mapping[str, dt.date | None], lang: str | None,
                   select: tuple[str, ...], ignore: tuple[str, ...]) -> Report:
    """The report on `{name: text}`; an error (one line) names the article it is about."""
    rules = RuleSet.load()
    docs = []
    for name, text in texts.items():
        if not isinstance(text, str):
            raise FactlintError(f"expected the article's text as a string, got {type(text).__name__}", name)
        fmt = SUFFIXES.get(PurePosixPath(name).suffix.lower(), "txt")
        docs.append(parse_document(text, name, fmt, lang=lang, published=published.get(name), rules=rules))
    options = Options(select=Selection(select, "select"), ignore=Selection(ignore, "ignore"))
    errors: list[FactlintError] = []
    report = check_documents(docs, options, rules, errors)
    return report
