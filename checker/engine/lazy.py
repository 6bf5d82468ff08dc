"""The claims of a report, read from the cache only when something asks for them.

A re-check of an unchanged corpus compares nothing (every story's findings come from the
cache) and writes the JSON report from the text the last run wrote for each document's claims,
so it needs no claim as an object: decoding a quarter of a million of them would cost more than
the rest of the run. `ClaimList` is the report's `claims` then: one part per document, each a
list of claims or the `CachedClaims` of an unchanged document; iterating it reads them.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Iterator

from factlint.checker.model import Claim


class CachedClaims(Sequence):
    """The claims of one unchanged document: `count` of them, read from the cache entry under
    `key` when first asked for. An entry gone or damaged since the run began is no error: the
    claims are made again from the file (`source`; None when the claims are given)."""

    __slots__ = ("cache", "key", "count", "source", "_claims")

    def __init__(self, cache, key: str, count: int, source: "Source | None", claims: list[Claim] | None = None):
        self.cache, self.key, self.count, self.source = cache, key, count, source
        self._claims = claims  # known already: the document was just prepared

    def load(self) -> list[Claim]:
        if self._claims is None:
            from factlint.checker.engine.cache import CLAIMS, claims_of

            rows = self.cache.read_json_part(self.key, CLAIMS)
            claims = claims_of(rows) if rows is not None else None
            self._claims = claims if claims is not None and len(claims) == self.count else self.source.claims()
        return self._claims

    def __len__(self) -> int:
        return self.count if self._claims is None else len(self._claims)

    def __getitem__(self, i):
        return self.load()[i]

    def __iter__(self) -> Iterator[Claim]:
        return iter(self.load())

    def fragment(self) -> memoryview | None:
        """The JSON text the report holds for these claims (`json_fragment`), None if not kept."""
        from factlint.checker.engine.cache import REPORT

        return self.cache.read_part(self.key, REPORT) or self.cache.read_text(self.key + ".json")

    def keep_fragment(self, text: bytes) -> None:
        self.cache.write_text(self.key + ".json", text)


class ClaimList(Sequence):
    """Claims in document order, as `(document path, claims)` parts."""

    def __init__(self, parts: list[tuple[str, Sequence[Claim]]]):
        self.parts = parts
        self._flat: list[Claim] | None = None

    def flat(self) -> list[Claim]:
        if self._flat is None:
            self._flat = [c for _, claims in self.parts for c in claims]
        return self._flat

    def __len__(self) -> int:
        return sum(len(claims) for _, claims in self.parts) if self._flat is None else len(self._flat)

    def __getitem__(self, i):
        return self.flat()[i]

    def __iter__(self) -> Iterator[Claim]:
        return iter(self.flat())

    def __eq__(self, other) -> bool:
        return isinstance(other, (list, ClaimList)) and list(self) == list(other)


def flat(claims: Sequence[Claim]) -> list[Claim]:
    """Claims as a list, whatever held them (a CachedClaims not read yet is read, not kept: a
    story's claims are compared and let go)."""
    if isinstance(claims, CachedClaims) and claims._claims is None:
        claims = CachedClaims(claims.cache, claims.key, claims.count, claims.source)
        return claims.load()
    return claims if isinstance(claims, list) else list(claims)


class Source:
    """Where a cached document came from, to make its claims or read its text again when its
    cache entry went missing mid-run: one small object per document (an archive's client holds
    one for each of its articles), shared by its CachedClaims and CachedText."""

    __slots__ = ("path", "rel", "rules")

    def __init__(self, path: Path, rel: str, rules):
        self.path, self.rel, self.rules = path, rel, rules

    def claims(self) -> list[Claim]:
        from factlint.checker.engine.prepare import prepare

        return prepare(self.path, self.rel, self.rules).claims

    def document(self):
        from factlint.checker.engine.prepare import prepare_read

        return prepare_read(self.path, self.rel, self.rules).doc
