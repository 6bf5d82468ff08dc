"""Numbers with what they measure: money, percent, physical quantities, counts. (placeholder)"""

from __future__ import annotations

import re

from checker.model import Claim
from rules.schema import LanguagePack

NUMBER = re.compile(r"\d+")


def find_quantities(text: str, pack: LanguagePack, published=None) -> list[Claim]:
    return [Claim(start=m.start(), end=m.end(), surface=m.group(), kind="number", value=float(m.group()))
            for m in NUMBER.finditer(text)]
