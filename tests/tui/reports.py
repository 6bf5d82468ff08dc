"""A hand-built report for the review app: two small articles (EN, DE), three findings."""

from __future__ import annotations

import datetime as dt

from factlint.checker.fingerprint import assign_claim_ids
from factlint.checker.model import Claim, Document, Finding, RateCheck, Report

HARBOUR_EN = """---
title: Harbour expansion approved
published: 2026-03-02
---
The city council approved the harbour expansion on Monday.
The project will cost 240 million euros, the port authority said, and about 1,200 jobs are expected by 2030.

Work starts in the spring; the first berth should open in 2028.
"""

HARBOUR_DE = """---
title: Hafenausbau beschlossen
published: 2026-03-03
---
Der Stadtrat hat den Ausbau des Hafens beschlossen.
Die Kosten liegen nach Angaben der Hafenbehörde bei 260 Millionen Euro (rund 283 Mio. Dollar).
Rund 1200 Arbeitsplätze sollen bis 2030 entstehen.
"""


def doc(path: str, text: str, published: str, lang: str) -> Document:
    return Document(id=path, path=path, format="md", text=text, scan=text, lang=lang,
                    title=text.split("title: ", 1)[1].split("\n", 1)[0], published=dt.date.fromisoformat(published))


def claim(d: Document, surface: str, kind: str, value: float | None, unit: str | None = None, **extra) -> Claim:
    start = d.text.index(surface)
    line_start = d.text.rfind("\n", 0, start) + 1
    line_end = d.text.find("\n", start)
    return Claim(document=d.path, start=start, end=start + len(surface), line=d.line_of(start), surface=surface,
                 kind=kind, value=value, unit=unit, sentence=d.text[line_start:line_end],
                 sentence_start=line_start, **extra)


def harbour_report() -> Report:
    a = doc("harbour-en.md", HARBOUR_EN, "2026-03-02", "en")
    b = doc("harbour-de.md", HARBOUR_DE, "2026-03-03", "de")
    claims = [
        claim(a, "240 million euros", "money", 240e6, "EUR", low=235e6, high=245e6, subject="harbour expansion",
              measure="cost"),
        claim(a, "about 1,200", "number", 1200, approximate=True, hedge="about", low=1100, high=1300,
              counted="jobs", measure="jobs"),
        claim(a, "2030", "date", None, date="2030"),
        claim(a, "2028", "date", None, date="2028"),
        claim(b, "260 Millionen Euro", "money", 260e6, "EUR", low=255e6, high=265e6, subject="Hafenausbau",
              measure="cost"),
        claim(b, "rund 283 Mio. Dollar", "money", 283e6, "USD", approximate=True, hedge="rund"),
        claim(b, "Rund 1200", "number", 1200, approximate=True, hedge="Rund", counted="Arbeitsplätze"),
        claim(b, "2030", "date", None, date="2030"),
    ]
    assign_claim_ids(claims)
    c = {x.surface: x.id for x in claims}
    findings = [
        Finding(id="f1conflict00", kind="conflict", code="FL101", name="money-conflict", severity="error", story="harbour",
                claims=[c["240 million euros"], c["260 Millionen Euro"]], subject="harbour expansion",
                measure="cost", message="240 million euros and 260 Millionen Euro differ by 8.3 %"),
        Finding(id="f2conversion", kind="conflict", code="FL102", name="conversion-conflict", severity="error", story="harbour",
                claims=[c["260 Millionen Euro"], c["rund 283 Mio. Dollar"]], subject="harbour expansion",
                measure="cost", message="the conversion does not fit the reference rate",
                rate_check=RateCheck(source_claim=c["260 Millionen Euro"], rate_date="2026-03-03",
                                     from_currency="EUR", to_currency="USD", reference_value=281.5e6,
                                     supported=[], deviations={c["rund 283 Mio. Dollar"]: 0.5})),
        Finding(id="f3agreement0", kind="agreement", code="FL301", name="count-agreement", severity="info", story="harbour",
                claims=[c["about 1,200"], c["Rund 1200"]], subject="harbour expansion", measure="jobs",
                message="both sources state about 1 200 jobs"),
    ]
    return Report(root=".", documents=[a, b], claims=claims, findings=findings)
