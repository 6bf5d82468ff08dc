"""Which files are articles, and their bytes as text.

`discover` walks the paths given (hidden entries and `exclude` globs left out) and
names each file relative to its root; `decode` turns a file's bytes into text (UTF-8,
byte-order mark removed, newlines unchanged) or a one-line error naming the file.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from checker.errors import FactlintError

SUFFIXES = {".txt": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".xhtml": "html"}
CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13))  # never in text but tab, LF, FF, CR


def discover(paths: list[str | Path], exclude: tuple[str, ...] = (),
             errors: list[FactlintError] | None = None) -> list[tuple[Path, str]]:
    """Article files under `paths` with their report path (relative, '/' separators).

    A folder is searched recursively (hidden files and folders and `exclude` globs
    left out); a file given directly is named by its file name. A report path that
    two roots would share is prefixed with its root as given. A subfolder that cannot
    be listed goes to `errors` (raised when no list is given); the others go on.
    """
    found: list[tuple[Path, str]] = []
    seen_files: set[Path] = set()
    seen_names: set[str] = set()
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            entries = [(f, f.relative_to(p).as_posix()) for f in _walk(p, exclude, errors)]
        elif p.is_file():
            entries = [(p, p.name)]
        elif p.exists():
            raise FactlintError("not a regular file or folder", str(raw))
        else:
            raise FactlintError("no such file or folder", str(raw))
        for f, rel in entries:
            resolved = f.resolve()
            if resolved in seen_files:
                continue
            seen_files.add(resolved)
            if rel in seen_names:
                rel = (Path(raw).as_posix().rstrip("/") + "/" + rel) if p.is_dir() else f.as_posix()
            seen_names.add(rel)
            found.append((f, rel))
    return found


def _walk(root: Path, exclude: tuple[str, ...], errors: list[FactlintError] | None) -> list[Path]:
    matchers = [glob_matcher(g) for g in exclude]
    out: list[Path] = []

    def excluded(rel: str) -> bool:
        return any(m(rel) for m in matchers)

    def onerror(exc: OSError) -> None:
        error = FactlintError(f"cannot read folder: {exc.strerror}", exc.filename)
        if errors is None:
            raise error
        errors.append(error)

    for dirpath, dirnames, filenames in os.walk(root, onerror=onerror):
        base = Path(dirpath)
        rel_base = base.relative_to(root).as_posix()
        prefix = "" if rel_base == "." else rel_base + "/"
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and not excluded(prefix + d))
        for name in sorted(filenames):
            if name.startswith(".") or Path(name).suffix.lower() not in SUFFIXES:
                continue
            if not excluded(prefix + name):
                out.append(base / name)
    return out


def glob_matcher(pattern: str):
    """A predicate on '/'-separated relative paths for a gitignore-like glob.

    `*` stays inside one path segment, `**` spans segments; a pattern without '/'
    matches any single segment (`drafts`, `*.htm`); one with '/' matches from the root.
    """
    pattern = pattern.strip().rstrip("/")
    anchored = "/" in pattern  # gitignore: a '/' anywhere but at the end ties the pattern to the root
    pattern = pattern.lstrip("/")
    regex = ""
    i = 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            regex += "(?:.*/)?"
            i += 3
        elif pattern.startswith("**", i):
            regex += ".*"
            i += 2
        elif pattern[i] == "*":
            regex += "[^/]*"
            i += 1
        elif pattern[i] == "?":
            regex += "[^/]"
            i += 1
        else:
            regex += re.escape(pattern[i])
            i += 1
    compiled = re.compile(regex + r"\Z")
    if anchored:
        return lambda rel: bool(compiled.match(rel))
    return lambda rel: any(compiled.match(part) for part in rel.split("/"))


def decode(data: bytes, label: str) -> str:
    """UTF-8 bytes → text without byte-order mark; anything else is a one-line error."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise FactlintError("UTF-16 text; factlint reads UTF-8 (save the file as UTF-8)", label)
    head = data[:8192]
    controls = len(head) - len(head.translate(None, CONTROL_BYTES))
    if b"\x00" in head or controls > len(head) // 20:
        raise FactlintError("binary file, not text", label)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise FactlintError(
            f"not UTF-8 (byte 0x{data[exc.start]:02x} on line {line}; Latin-1 or Windows-1252? save it as UTF-8)",
            label) from None
    return text[1:] if text.startswith("\ufeff") else text
