"""A small hand-built report for the report, render and decisions tests.

Two short articles of our own (one German, one English) and findings built by hand,
so these tests do not depend on what the extraction and comparison engines find.
"""

from __future__ import annotations

from factlint.checker.decisions import DecisionStore
from factlint.checker.fingerprint import assign_claim_ids
from factlint.checker.ingest import parse_document
from factlint.checker.model import Claim, Finding, RateCheck, Report
from factlint.checker.report import build_report

ARTICLE_A = """---
title: Werft baut Fähren
published: 2026-03-04
lang: de
---
Die Nordwerft in Kiel hat einen Auftrag über 2 Milliarden Kronen erhalten.
Umgerechnet sind das rund 180 Millionen Euro.

Die Aktie schloss am Dienstag bei 48,20 Euro.
"""

ARTICLE_B = """---
title: Shipyard wins ferry order
published: 2026-03-06
lang: en
---
Kiel's Nordwerft won an order worth 2 billion crowns (about €176 million), the yard said.
Its shares closed at €51.00 on Thursday, up 6% on the week.
"""


def claim(doc, surface: str, kind: str, value=None, unit=None, nth: int = 0, **extra) -> Claim:
    start = -1
    for _ in range(nth + 1):
        start = doc.text.index(surface, start + 1)
    line_start = doc.text.rfind("\n", 0, start) + 1
    line_end = doc.text.find("\n", start)
    return Claim(document=doc.path, start=start, end=start + len(surface), surface=surface, kind=kind,
                 value=value, unit=unit, line=doc.text.count("\n", 0, start) + 1,
                 sentence=doc.text[line_start:line_end].strip(), sentence_start=line_start, **extra)


def sample_parts():
    a = parse_document(ARTICLE_A, "a.md", "md")
    b = parse_document(ARTICLE_B, "b.md", "md")
    claims = [
        claim(a, "2 Milliarden Kronen", "money", 2e9, "DKK"),
        claim(a, "rund 180 Millionen Euro", "money", 180e6, "EUR", approximate=True, low=175e6, high=185e6),
        claim(a, "48,20 Euro", "money", 48.2, "EUR", as_of="2026-03-03"),
        claim(b, "2 billion crowns", "money", 2e9, "DKK"),
        claim(b, "€176 million", "money", 176e6, "EUR", approximate=True),
        claim(b, "€51.00", "money", 51.0, "EUR", as_of="2026-03-05"),
        claim(b, "6%", "percent", 6.0, "%"),
    ]
    assign_claim_ids(claims)
    ids = [c.id for c in claims]
    findings = [
        Finding(id="", kind="conflict", code="FL102", name="conversion-conflict", severity="error",
                claims=[ids[1], ids[4]], message="rund 180 Millionen Euro and €176 million differ by 2.2 %",
                subject="Nordwerft", measure="order",
                rate_check=RateCheck(source_claim=ids[0], rate_date="2026-03-04", from_currency="DKK",
                                     to_currency="EUR", reference_value=178.1e6, supported=[ids[1]],
                                     deviations={ids[1]: 1.1, ids[4]: -1.2})),
        Finding(id="", kind="drift", code="FL201", name="value-drift", severity="warning",
                claims=[ids[2], ids[5]], message="48,20 Euro (2026-03-03) and €51.00 (2026-03-05)",
                subject="Nordwerft", measure="share price"),
        Finding(id="", kind="agreement", code="FL301", name="agreement", severity="info",
                claims=[ids[0], ids[3]], message="2 sources agree on 2,000,000,000 DKK"),
    ]
    return [a, b], claims, findings


def sample_report(store: DecisionStore | None = None, files: dict[str, str] | None = None) -> Report:
    docs, claims, findings = sample_parts()
    return build_report(docs, claims, findings, [], root="corpus", decisions=store,
                        files=files if files is not None else {"a.md": "corpus/a.md", "b.md": "corpus/b.md"})
