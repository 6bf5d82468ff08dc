"""Which files are articles, and their bytes as text.

`discover` walks the paths given (hidden entries and `exclude` globs left out) and
names each file relative to its root; `decode` turns a file's bytes into text (UTF-8,
byte-order mark removed, newlines unchanged) or a one-line error naming the file.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from factlint.checker.errors import FactlintError

SUFFIXES = {".txt": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".xhtml": "html"}
CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13))  # never in text but tab, LF, FF, CR


def discover(paths: list[str | Path], exclude: tuple[str, ...] = (),
             errors: list[FactlintError] | None = None, follow_symlinks: bool = False) -> list[tuple[Path, str]]:
    """Article files under `paths` with their report path (relative, '/' separators).

    A folder is searched recursively (hidden files and folders and `exclude` globs
    left out); a file given directly is named by its file name. A report path that
    two roots would share is prefixed with its root as given. Only regular files are
    read (a FIFO named `x.md` would block the run), and a symbolic link in a folder is
    followed only to a file inside that folder, unless `follow_symlinks` (a link out of
    the corpus would quote a file the corpus does not hold). A file or subfolder that
    cannot be used goes to `errors` (raised when no list is given); the others go on.
    """
    found: list[tuple[Path, str]] = []
    seen_files: set[str] = set()
    seen_names: set[str] = set()

    def report(error: FactlintError) -> None:
        if errors is None:
            raise error
        errors.append(error)

    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            entries = _walk(p, exclude, report)
        elif p.is_file():
            entries = [(p, p.name)]
        elif p.exists():
            raise FactlintError("not a regular file or folder", printable_path(str(raw)))
        else:
            raise FactlintError("no such file or folder", printable_path(str(raw)))
        root = p.resolve() if p.is_dir() else None
        for f, raw_rel in entries:
            rel = printable_path(raw_rel)
            resolved = plain_file(f, raw_rel, root)
            if resolved is None:
                problem = unusable(f, root, follow_symlinks)
                if problem:
                    report(FactlintError(problem, rel))
                    continue
                resolved = str(f.resolve())
            if resolved in seen_files:
                continue
            seen_files.add(resolved)
            if rel in seen_names:
                rel = printable_path((Path(raw).as_posix().rstrip("/") + "/" + rel) if p.is_dir() else f.as_posix())
            seen_names.add(rel)
            found.append((f, rel))
    return found


def plain_file(f: Path, rel: str, root: Path | None) -> str | None:
    """The resolved path of `f`, found as `rel` by walking a folder (resolved: `root`), when it
    is a regular file and no symbolic link: the walk follows no linked folder, so it is `root`
    joined with `rel`, and no `resolve` (a system call per path component) is needed.
    None: a link, or anything else, which `unusable` then looks at."""
    if root is None:
        return None
    try:
        mode = os.lstat(f).st_mode
    except OSError:
        return None
    return os.path.join(root, rel) if stat.S_ISREG(mode) else None


def unusable(f: Path, root: Path | None, follow_symlinks: bool) -> str | None:
    """Why a file found in the folder `root` is not read (None: it is read)."""
    try:
        if not stat.S_ISREG(f.stat().st_mode):
            return "not a regular file (a FIFO, socket or device), skipped"
        target = f.resolve(strict=True)
    except (OSError, RuntimeError) as exc:  # a dangling link, a link loop (RuntimeError before Python 3.13)
        return f"cannot read: {getattr(exc, 'strerror', None) or 'symbolic link loop'}"
    if root is not None and not follow_symlinks and not target.is_relative_to(root):
        return "symbolic link to a file outside the corpus, not followed (--follow-symlinks reads it)"
    return None


def printable_path(name: str) -> str:
    """A file name as text: bytes that are not UTF-8 (kept by Python as lone surrogates,
    which no UTF-8 output can carry) shown as `\\xff`."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _walk(root: Path, exclude: tuple[str, ...], report) -> list[tuple[Path, str]]:
    """The article files under `root`, each with its path relative to it ('/' separators)."""
    matchers = [glob_matcher(g) for g in exclude]
    out: list[tuple[Path, str]] = []

    def excluded(rel: str) -> bool:
        return any(m(rel) for m in matchers)

    def onerror(exc: OSError) -> None:
        report(FactlintError(f"cannot read folder: {exc.strerror}", printable_path(str(exc.filename))))

    for dirpath, dirnames, filenames in os.walk(root, onerror=onerror):
        base = Path(dirpath)
        rel_base = base.relative_to(root).as_posix()
        prefix = "" if rel_base == "." else rel_base + "/"
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and not excluded(prefix + d))
        for name in sorted(filenames):
            if name.startswith(".") or Path(name).suffix.lower() not in SUFFIXES:
                continue
            if not excluded(prefix + name):
                out.append((base / name, prefix + name))
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
    controls = len(data) - len(data.translate(None, CONTROL_BYTES))  # the whole file: a text head hides nothing
    if b"\x00" in data or controls > len(data) // 20:
        raise FactlintError("binary file, not text", label)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise FactlintError(
            f"not UTF-8 (byte 0x{data[exc.start]:02x} on line {line}; Latin-1 or Windows-1252? save it as UTF-8)",
            label) from None
    return text[1:] if text.startswith("\ufeff") else text
