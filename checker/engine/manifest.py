"""Which files changed since the last run, from their `stat` alone, as git's index tells.

The manifest (one file in the cache folder) maps each file's absolute path to its modification
time, size, inode and change time when last read, and to the hash of its bytes then. A file
whose `stat` still matches is not read again: its hash is the one kept. A file changed within
RACY_NS of the moment its entry was made could change again without its time moving (a
timestamp is coarser than a write), so such a file gets no entry and is read and hashed on
every run until it is older (git's "racily clean" files).

Runs at once each write the whole manifest by renaming a temporary file into place: the last
one wins, and an entry another run made and this one lost only costs that file being read.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
import zlib
from pathlib import Path

RACY_NS = 2_000_000_000
MAX_ENTRIES = 2_000_000  # a user's cache folder serves every folder checked: beyond this, only this run's files are kept
NAME = "manifest"


class Manifest:
    def __init__(self, folder: Path, write_bytes):
        self.path = folder / NAME
        self.write_bytes = write_bytes  # Cache.write_file: atomic, and silent on a read-only folder
        self.entries = _load(self.path)
        self.made: dict[str, list] = {}
        self.started = time.time_ns()

    def digest(self, path: Path) -> str:
        """The hash of the file's bytes (OSError when it cannot be read)."""
        name = os.path.abspath(path)
        st = os.stat(name)
        sig = [st.st_mtime_ns, st.st_size, st.st_ino, st.st_ctime_ns]
        entry = self.entries.get(name)
        if type(entry) is list and len(entry) == 5 and entry[:4] == sig and type(entry[4]) is str:
            return entry[4]
        with open(name, "rb") as f:
            h = hashlib.blake2b(f.read(), digest_size=20).hexdigest()
        if max(st.st_mtime_ns, st.st_ctime_ns) < self.started - RACY_NS:
            self.made[name] = [*sig, h]
        return h

    def save(self) -> None:
        """Write the entries made in this run into the manifest (nothing when none were)."""
        if not self.made:
            return
        entries = _load(self.path)  # another run may have saved since this one began
        if len(entries) + len(self.made) > MAX_ENTRIES:
            entries = {}
        entries.update(self.made)
        self.write_bytes(self.path, zlib.compress(json.dumps(entries, separators=(",", ":")).encode("utf-8", "surrogateescape"), 1))
        self.made = {}


def _load(path: Path) -> dict:
    try:
        entries = json.loads(zlib.decompress(path.read_bytes()).decode("utf-8", "surrogateescape"))
    except (OSError, ValueError, zlib.error):
        return {}
    return entries if isinstance(entries, dict) else {}
