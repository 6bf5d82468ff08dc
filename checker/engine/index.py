"""The entries of the documents of the last runs in one file, read at once.

A document's cache entry (what the per-document stages made of it, without its claims and
text: `prepared_row`) is its own file, the one that counts. A re-check of 10 000 articles
would open 10 000 of them; the index holds a copy of each, keyed as they are, in one
compressed file. An entry the index lacks is read from its own file, and the index is
written again when a run read or made more such entries than STALE_SHARE of its own (or a
run's first), so a re-check after a few edits does not rewrite it.

Runs at once each write the whole index by renaming a temporary file into place: the last
one wins, and an entry another run added and this one lost only costs reading its own file.
Entries are keyed by content (a document's path and bytes, and the cache's salt), so a stale
one is never found; the index keeps the entries of the run that wrote it (a run on another
part of the corpus makes the next full run read some entries from their own files once).
"""

from __future__ import annotations

import json
import zlib
from pathlib import Path

STALE_SHARE = 0.02  # entries a run may read from their own files before it writes the index again
NAME = "documents"


class DocumentIndex:
    def __init__(self, folder: Path, write_bytes):
        self.path = folder / NAME
        self.write_bytes = write_bytes  # Cache.write_file: atomic, and silent on a read-only folder
        self.entries = _load(self.path)
        self.used: dict[str, dict] = {}
        self.missing = 0

    def get(self, key: str) -> dict | None:
        entry = self.entries.get(key)
        if isinstance(entry, dict):
            self.used[key] = entry
            return entry
        return None

    def put(self, key: str, entry: dict) -> None:
        """An entry this run read from its own file or made: kept as its JSON text, a tenth of
        the memory of the dict (a first run on an archive makes one per article)."""
        self.used[key] = _text(entry)
        self.missing += 1

    def save(self) -> None:
        """Write this run's entries as the index (nothing when it held nearly all of them)."""
        if not self.missing or (self.entries and self.missing <= STALE_SHARE * len(self.used)):
            return
        out = zlib.compressobj(1)
        chunks = [out.compress(b"{")]
        for n, (key, entry) in enumerate(self.used.items()):
            text = entry if isinstance(entry, bytes) else _text(entry)
            chunks.append(out.compress(b"%s%s:%s" % (b"," if n else b"", _text(key), text)))
        chunks.append(out.compress(b"}") + out.flush())
        self.write_bytes(self.path, b"".join(chunks))
        self.missing = 0


def _text(value) -> bytes:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode("utf-8", "surrogateescape")


def _load(path: Path) -> dict:
    try:
        entries = json.loads(zlib.decompress(path.read_bytes()).decode("utf-8", "surrogateescape"))
    except (OSError, ValueError, zlib.error):
        return {}
    return entries if isinstance(entries, dict) else {}
