"""Dates: absolute, partial and relative to the published date. (placeholder)"""

from __future__ import annotations

import datetime as dt
import re

from checker.model import Claim
from rules.schema import LanguagePack

ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


def find_dates(text: str, pack: LanguagePack, published: dt.date | None) -> list[Claim]:
    out = []
    for m in ISO.finditer(text):
        out.append(Claim(start=m.start(), end=m.end(), surface=m.group(), kind="date", date=m.group()))
    return out
