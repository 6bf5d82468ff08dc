"""Word lists as regular expressions: one compiled trie per list, matched at a position.

A rule file lists phrases ("mehr als", "US-Dollar", "km/h"). A `PhraseTable` compiles
them once into a prefix trie, so finding the longest phrase at a position costs one
regex match however long the list is, and cannot backtrack beyond the phrase itself.
Inside a phrase a space matches any run of blanks or a hyphen ("US-Dollar" ≙ "us dollar").
"""

from __future__ import annotations

import re
from functools import cached_property, lru_cache
from typing import Generic, Iterable, TypeVar

V = TypeVar("V")

BLANK = r"[^\S\n]"
SEPARATOR = rf"(?:{BLANK}*-{BLANK}*|{BLANK}+)"
_SPLIT = re.compile(rf"{SEPARATOR}")


@lru_cache(maxsize=8192)  # called for every phrase a table matches: the same few words again and again
def normal(phrase: str) -> str:
    """The key of a phrase: lower case, words joined by one space (hyphens count as spaces)."""
    return " ".join(w for w in _SPLIT.split(phrase.strip().lower()) if w)


def trie_pattern(phrases: Iterable[str], whole: bool = True) -> str:
    """A regex alternation of `phrases` factored as a prefix trie (longest first).

    A phrase ending in a letter or digit must not be followed by one ("m" does not match
    the start of "mit"); a phrase ending in a sign must not be followed by a letter.
    With `whole=False` a phrase may also be the start of a longer word (zwei|hundert).
    """
    trie: dict = {}
    for p in phrases:
        if not p:
            continue
        node = trie
        for ch in p:
            node = node.setdefault(ch, {})
        node[""] = p[-1]

    def build(node: dict) -> str:
        alts = []
        for ch in sorted((k for k in node if k), key=lambda k: (k == " ", k)):
            alts.append((SEPARATOR if ch == " " else re.escape(ch)) + build(node[ch]))
        if "" in node:
            alts.append("" if not whole else r"(?!\w)" if node[""].isalnum() else r"(?![^\W\d_])")
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return build(trie) if trie else "(?!)"


_LEAD_AT = re.compile(rf"{BLANK}*([^\W\d_]*)")


_last_tail: list = [None, -1, ""]  # (text, pos, tail): several tables ask about the same position


def _tail_before(text: str, pos: int) -> str:
    """The letters (or the sign) right before `pos`, blanks and a final period skipped, lower case."""
    if _last_tail[0] is text and _last_tail[1] == pos:
        return _last_tail[2]
    lo = max(0, pos - 30)
    i = pos - 1
    while i >= lo and text[i] in " \t\u00a0\u202f":
        i -= 1
    if i > lo and text[i] == "." and text[i - 1].isalpha():
        i -= 1
    j = i
    while j >= lo and text[j].isalpha():
        j -= 1
    tail = text[j + 1:i + 1].lower() if j < i else text[i:i + 1].lower()
    _last_tail[:] = [text, pos, tail]
    return tail


_last_head: list = [None, -1, -1, ""]  # (text, pos, end, head): several tables ask about the same position


def _head_at(text: str, pos: int, end: int) -> str:
    """The letters at `pos` (after blanks), lower case, or the sign there."""
    if _last_head[0] is text and _last_head[1] == pos and _last_head[2] == end:
        return _last_head[3]
    m = _LEAD_AT.match(text, pos, end)
    head = m.group(1).lower() if m.group(1) else text[m.end():m.end() + 1]
    _last_head[:] = [text, pos, end, head]
    return head


def _head(key: str) -> str:
    """The letters a phrase starts with, or its first sign ("us dollar" → us, "€" → €)."""
    return _LEAD_AT.match(key).group(1) or key[:1]  # the same letters `at` reads from the text


def _tail(key: str) -> str:
    """The letters a phrase ends with (before a final period), or its last sign."""
    k = key[:-1] if key.endswith(".") and len(key) > 1 and key[-2].isalpha() else key
    i = len(k)
    while i > 0 and k[i - 1].isalpha():
        i -= 1
    return k[i:] if i < len(k) else k[-1:]


class PhraseTable(Generic[V]):
    """Phrases → values: `names` ignore case, `symbols` match exactly as written."""

    def __init__(self, names: dict[str, V] | None = None, symbols: dict[str, V] | None = None):
        self.names = {normal(k): v for k, v in (names or {}).items()}
        self.symbols = dict(symbols or {})
        # Cheap prechecks: the letters a phrase starts or ends with, or its first or last sign.
        keys = [k.lower() for k in (*self.names, *self.symbols)]
        self._heads = {_head(k) for k in keys}
        self._tails = {_tail(k) for k in keys}

    # The patterns are compiled when first needed (most tables of a run never match a phrase
    # past their prechecks, and compiling them all cost a short run most of its time).
    @cached_property
    def _names_at(self) -> re.Pattern:
        return re.compile(rf"{BLANK}*({trie_pattern(self.names)})", re.I)

    @cached_property
    def _symbols_at(self) -> re.Pattern:
        return re.compile(rf"{BLANK}*({trie_pattern(self.symbols)})")

    @cached_property
    def _names_before(self) -> re.Pattern:
        return re.compile(rf"(?<![^\W\d_])({trie_pattern(self.names)}){BLANK}*\Z", re.I)

    @cached_property
    def _symbols_before(self) -> re.Pattern:
        return re.compile(rf"({trie_pattern(self.symbols)}){BLANK}*\Z")

    @property
    def heads(self) -> set[str]:
        """What the text at a position must start with for any phrase to match (see `at`)."""
        return self._heads

    def __bool__(self) -> bool:
        return bool(self.names or self.symbols)

    def at(self, text: str, pos: int, end: int | None = None) -> tuple[V, int, int] | None:
        """The longest phrase starting at `pos` (after blanks): (value, start, end)."""
        end = len(text) if end is None else end
        if _head_at(text, pos, end) not in self._heads:
            return None
        best = None
        m = self._symbols_at.match(text, pos, end) if self.symbols else None
        if m:
            best = (self.symbols[m.group(1)], m.start(1), m.end(1))
        m = self._names_at.match(text, pos, end) if self.names else None
        if m and (best is None or m.end(1) > best[2]):
            best = (self.names[normal(m.group(1))], m.start(1), m.end(1))
        return best

    def before(self, text: str, pos: int, reach: int = 40) -> tuple[V, int, int] | None:
        """The phrase ending at `pos` (before blanks): (value, start, end)."""
        lo = max(0, pos - reach)
        if _tail_before(text, pos) not in self._tails:
            return None
        best = None
        m = self._symbols_before.search(text, lo, pos) if self.symbols else None
        if m:
            best = (self.symbols[m.group(1)], m.start(1), m.end(1))
        m = self._names_before.search(text, lo, pos) if self.names else None
        if m and (best is None or m.start(1) < best[1]):
            best = (self.names[normal(m.group(1))], m.start(1), m.end(1))
        return best
