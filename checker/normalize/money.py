"""Currencies around a number: symbols, ISO 4217 codes and names, to an ISO code.

Before the number: "$", "HK$", "c $", "aud$", "USD", "rmb", "MEUR" (million euro).
After it: "€", "元", "USD", "Yuan", "US-Dollar", "kanadischen Dollar", "pence" (GBP).
Subunits that follow an amount add to it: "15 dollars 50", "zwei Euro fünfzig",
"thirteen dollars and forty-five cents".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factlint.checker.normalize.phrases import BLANK, PhraseTable, normal
from factlint.rules.loader import RuleError
from factlint.rules.schema import CurrencyTable, MoneyRules, Subunit


@dataclass(slots=True)
class CurrencyMatch:
    code: str
    start: int
    end: int
    factor: float = 1.0  # MEUR → 1e6; pence → 0.01
    subunit: bool = False


_AFTER_MINOR = re.compile(rf"{BLANK}*(?:[.,;:!?)\]]|\n|\Z)")
_OPEN = re.compile(rf"{BLANK}*[(\[]{BLANK}*")
_CLOSE = re.compile(rf"{BLANK}*[)\]]")


class CurrencyReader:
    """Finds the currency before or after a number (rules/currencies.toml, rules/lang/*/money.toml)."""

    def __init__(self, rules: MoneyRules, table: CurrencyTable, connectors: list[str], origin: str = "rules/lang"):
        codes = set(table.codes)
        names: dict[str, CurrencyMatch] = {}
        symbols: dict[str, CurrencyMatch] = {}
        for code in codes:
            symbols[code] = CurrencyMatch(code, 0, 0)
            names[code.lower() + "$"] = CurrencyMatch(code, 0, 0)
            for prefix, factor in table.code_scales.items():
                symbols[prefix + code] = CurrencyMatch(code, 0, 0, factor)
        for alias, code in table.aliases.items():
            symbols[alias] = CurrencyMatch(code, 0, 0)
        for code in table.any_case:
            names[code.lower()] = CurrencyMatch(table.aliases.get(code, code), 0, 0)
        for sym, code in table.symbols.items():
            symbols[sym] = CurrencyMatch(code, 0, 0)
            if len(sym) > 2 and sym[:-1].isalpha() and sym.endswith("$"):  # us$, hk$ (not a$: "a $5 fee")
                names.setdefault(sym.lower(), CurrencyMatch(code, 0, 0))
        # Before a number only signs and codes: a word such as "won" or "rand" there is a word.
        self.prefixes = PhraseTable(dict(names), symbols)
        for key, code in rules.names.items():
            if code not in codes:
                raise RuleError(f"money.names.{key}: {code!r} is not an ISO code of rules/currencies.toml", origin)
            for variant in _expand(key, rules.adjective_endings):
                names[variant] = CurrencyMatch(code, 0, 0)
        self.table = PhraseTable(names, symbols)
        self.subunits: dict[str, Subunit] = {normal(k): v for k, v in rules.subunits.items()}
        self.subunit_table = PhraseTable(dict(rules.subunits))
        self.connectors = PhraseTable({c: True for c in connectors})
        self.minor = dict(table.minor)
        self.adjective = re.compile(rf"{BLANK}*[^\W\d_]+(?:{'|'.join(map(re.escape, rules.adjective_suffixes))})(?=\s)",
                                    re.I) if rules.adjective_suffixes else None

    def before(self, text: str, pos: int) -> CurrencyMatch | None:
        hit = self.prefixes.before(text, pos, reach=12)
        if hit is None and pos > 0 and text[pos - 1].isalpha():
            hit = self._glued(text, pos)
        if hit is None:
            return None
        m, start, end = hit
        if end < pos and text[end:pos].strip():
            return None
        return CurrencyMatch(m.code, start, end, m.factor)

    def _glued(self, text: str, pos: int) -> tuple[CurrencyMatch, int, int] | None:
        """A currency's name written onto its number, as news agencies do ("euro110 billion"):
        before a number with a blank between, a name such as "won" or "rand" is a word, but
        run into the digits it can only be the currency."""
        hit = self.table.before(text, pos, reach=20)
        return hit if hit is not None and hit[2] == pos and pos - hit[1] >= 3 else None

    def after(self, text: str, pos: int, limit: int) -> CurrencyMatch | None:
        hit = self.table.at(text, pos, limit)
        if hit is None and pos < limit and text[pos] == "-":  # siebenhundert-Euro
            hit = self.table.at(text, pos + 1, limit)
        if hit is None and self.adjective is not None:  # 300 bulgarische Lewa: an unlisted adjective
            adj = self.adjective.match(text, pos, limit)
            if adj:
                hit = self.table.at(text, adj.end(), limit)
        if hit is None:  # 209 Milliarden (Euro): the currency alone in brackets
            opened = _OPEN.match(text, pos, limit)
            inner = self.table.at(text, opened.end(), limit) if opened else None
            closed = _CLOSE.match(text, inner[2], limit) if inner else None
            if closed:
                hit = (inner[0], inner[1], closed.end())
        if hit is not None and hit[2] < len(text) and text[hit[2]].isdigit():
            hit = None  # "1 $10": the sign belongs to the next number
        sub = self.subunit_table.at(text, pos, limit)
        if sub is not None and sub[0].currency and (hit is None or sub[2] > hit[2]):
            return CurrencyMatch(sub[0].currency, sub[1], sub[2], sub[0].factor, subunit=True)
        if hit is None:
            return None
        m, start, end = hit
        return CurrencyMatch(m.code, start, end, m.factor)

    def minor_after(self, code: str, text: str, pos: int, limit: int, read_number) -> tuple[float, int] | None:
        """Smaller units after an amount in `code`: (amount they add, end), or None.

        "und fünfundvierzig Cent", "forty-five cents", "50" (cents, when nothing follows),
        "and five mao five" (mao, then fen)."""
        factors = self.minor.get(code, [0.01])
        added, end, level = 0.0, pos, 0
        while level < len(factors):
            p = end
            conn = self.connectors.at(text, p, limit)
            if conn is not None:
                p = conn[2]
            n = read_number(text, p)
            if n is None or n.value != int(n.value) or not 0 < n.value < 100 or n.scale != 1:
                break
            sub = self.subunit_table.at(text, n.end, limit)
            if sub is not None and sub[0].currency in (None, code):
                factor = sub[0].factor
                if factor not in factors[level:]:
                    break
                level = factors.index(factor) + 1
                added += n.value * factor
                end = sub[2]
                continue
            nxt = _AFTER_MINOR.match(text, n.end, limit)
            after_conn = self.connectors.at(text, n.end, limit)
            if nxt is None and after_conn is None:
                break
            added += n.value * factors[level]
            end = n.end
            break
        return (added, end) if end > pos else None


def _expand(key: str, endings: list[str]) -> list[str]:
    """'kanadisch* dollar' → kanadische dollar, kanadischen dollar, …"""
    if "*" not in key:
        return [key]
    words = key.split(" ")
    out = [""]
    for w in words:
        forms = [w[:-1] + e for e in endings] if w.endswith("*") else [w]
        out = [f"{o} {f}".strip() for o in out for f in forms]
    return out
