"""A report file that is up to date is not written again, as `make` leaves a target alone.

`factlint check --output FILE` records in the cache what the report it wrote was made from:
the cache's salt (factlint's version and source, every rule file), each article's report path
and content key, what ingest said (skipped files, errors), the decisions file's bytes, the
options that shape the report and FILE's path — together with FILE's `stat` once written and
what the run printed and returned. A later run from the same inputs whose FILE still has that
`stat` (nobody wrote to it since) prints the same, returns the same and leaves FILE alone:
the report it would write is the one FILE holds, byte for byte.
"""

from __future__ import annotations

import os
from pathlib import Path


def output_stat(path: str) -> list[int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return [st.st_mtime_ns, st.st_size, st.st_ino, st.st_ctime_ns]


def inputs_key(cache, documents: list[tuple[str, str]], ingest_notes: list[str], decisions: Path,
               shape: tuple, output: str) -> str | None:
    """The key of everything the report is made from; None when a part cannot be known."""
    try:
        with open(decisions, "rb") as f:
            decided = f.read()
    except FileNotFoundError:
        decided = b"(no decisions file)"
    except OSError:
        return None
    parts = ["report", os.path.abspath(output), repr(shape), *ingest_notes, decided]
    for rel, key in documents:
        parts += [rel, key]
    return cache.key(*parts)


def recorded(cache, key: str, output: str) -> dict | None:
    """What the run that wrote `output` from these inputs printed and returned, if `output` is
    still the file it wrote."""
    entry = cache.read(key)
    if not isinstance(entry, dict) or entry.get("stat") is None or entry.get("stat") != output_stat(output):
        return None
    if not (isinstance(entry.get("out"), list) and isinstance(entry.get("err"), list) and isinstance(entry.get("code"), int)):
        return None
    return entry


def record(cache, key: str, output: str, out: list[str], err: list[str], code: int) -> None:
    stat = output_stat(output)
    if stat is not None:
        cache.write(key, {"stat": stat, "out": out, "err": err, "code": code}, compress=False)
