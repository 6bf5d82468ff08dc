"""Stable identities for claims and findings. (first version; see issue 4)"""

from __future__ import annotations

import hashlib

from checker.model import Claim


def assign_claim_ids(claims: list[Claim]) -> None:
    """Give every claim an id that does not depend on its position in the text."""
    seen: dict[str, int] = {}
    for c in claims:
        key = claim_key(c)
        seen[key] = seen.get(key, 0) + 1
        c.id = _short(f"{key}#{seen[key]}")


def claim_key(c: Claim) -> str:
    canonical = c.date if c.kind == "date" else f"{c.value!r} {c.unit or ''}"
    return f"v1:{c.document}:{c.kind}:{canonical}"


def finding_id(code: str, claims: list[Claim]) -> str:
    return _short(code + "|" + "|".join(sorted(claim_key(c) for c in claims)))


def _short(s: str) -> str:
    return hashlib.sha1(s.encode("utf-8")).hexdigest()[:12]
