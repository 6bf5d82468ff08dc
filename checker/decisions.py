"""The reviewed-decisions file: load, match, save atomically.

`.factlint/decisions.json` at the corpus root (or the file given with `--decisions`)
maps finding ids (checker/fingerprint.py) to a reviewer's verdict:

    {
      "decisions": {
        "3fa2c9d1e0b4": {
          "at": "2026-02-20", "by": "Ada <ada@example.org>", "code": "FL102",
          "excerpts": ["a.md: … (rund 420 Millionen Dollar) …", "b.md: …"],
          "kind": "conflict", "name": "conversion-conflict", "note": "…",
          "status": "dismissed", "surfaces": ["rund 420 Millionen Dollar", "431 Mio. US-Dollar"]
        }
      },
      "version": 1
    }

The file is JSON with sorted keys (diffs review well), holds nothing that changes from
run to run (no line numbers, no run timestamps), and keeps fields this version does not
know. It is written atomically (temp file, fsync, rename) under a lock file, re-reading
the file under the lock and applying only this writer's changes, so the review TUI and
the CLI can write at the same time without losing a decision. A damaged file or one of
an unknown version is refused with one line and never overwritten. `check` only reads it.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Iterator, Mapping

from pydantic import TypeAdapter, ValidationError

from factlint.checker.atomic import write_atomic
from factlint.checker.errors import FactlintError
from factlint.checker.model import Claim, Decision, Finding, Report

VERSION = 1
DEFAULT_PATH = Path(".factlint") / "decisions.json"
DECIDED = ("confirmed", "dismissed")
EXCERPT_WIDTH = 160
_DECISIONS = TypeAdapter(dict[str, Decision])
_FIELDS_SORTED = list(Decision.model_fields) == sorted(Decision.model_fields)


class DecisionStore:
    """The decisions of one file, plus the changes this writer has not saved yet.

    `set` records a change and returns the decision it replaces, so a caller can undo by
    setting that back; `save` merges the changes into the file as it is on disk now.
    """

    def __init__(self, path: Path, decisions: dict[str, Decision] | None = None, extra: dict | None = None):
        self.path = Path(path)
        self.decisions: dict[str, Decision] = dict(decisions or {})
        self.extra: dict = dict(extra or {})  # top-level fields this version does not know
        self.pending: dict[str, Decision | None] = {}

    @classmethod
    def load(cls, path: str | Path) -> DecisionStore:
        """The store of `path`; empty when the file does not exist yet."""
        path = Path(path)
        decisions, extra = read(path)
        return cls(path, decisions, extra)

    def get(self, finding_id: str) -> Decision | None:
        return self.decisions.get(finding_id)

    def status(self, finding_id: str) -> str:
        d = self.decisions.get(finding_id)
        return d.status if d else "open"

    def __contains__(self, finding_id: str) -> bool:
        return finding_id in self.decisions

    def __len__(self) -> int:
        return len(self.decisions)

    def set(self, finding_id: str, decision: Decision | None) -> Decision | None:
        """Record `decision` for `finding_id` (None reopens it); returns the previous one."""
        previous = self.decisions.get(finding_id)
        if decision is None:
            self.decisions.pop(finding_id, None)
        else:
            if decision.status not in DECIDED:
                raise ValueError(f"a stored decision is confirmed or dismissed, not {decision.status!r}")
            self.decisions[finding_id] = decision
        self.pending[finding_id] = decision
        return previous

    def stale(self, finding_ids) -> list[str]:
        """Ids of decisions that match none of `finding_ids`, sorted."""
        current = set(finding_ids)
        return sorted(i for i in self.decisions if i not in current)

    def reload(self) -> None:
        """Pick up what other writers saved, keeping this writer's unsaved changes on top."""
        self.decisions, self.extra = read(self.path)
        for fid, d in self.pending.items():
            if d is None:
                self.decisions.pop(fid, None)
            else:
                self.decisions[fid] = d

    def save(self) -> None:
        """Write the pending changes: lock, re-read, merge, write atomically, unlock."""
        if not self.pending:
            return
        self.decisions, self.extra = update(self.path, self.pending)
        self.pending.clear()


def migrate(store: DecisionStore, findings) -> list[tuple[str, str]]:
    """Move decisions recorded under a finding's former id (`Finding.previous_id`, see
    checker/fingerprint.py) to its id now, in `store` (saved with the store's next save).
    A decision already under the new id, or a former id another finding holds now, stays
    where it is: nothing is overwritten or dropped. Returns the (old, new) ids moved."""
    current = {f.id for f in findings}
    moved = []
    for f in findings:
        old = f.previous_id
        if old and old != f.id and old not in current and f.id not in store and old in store:
            store.set(f.id, store.get(old))
            store.set(old, None)
            moved.append((old, f.id))
    return moved


# path -> (bytes, decisions, extra) as last read or written by this process, so a writer
# that saves on every key press re-reads the file (cheap) but does not re-parse and
# re-validate it (slow on a large file) when it is unchanged.
_CACHE: dict[str, tuple[bytes, dict[str, Decision], dict]] = {}


def read(path: Path) -> tuple[dict[str, Decision], dict]:
    """(decisions, unknown top-level fields) of `path`; raise FactlintError if damaged."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return {}, {}
    except OSError as exc:
        raise FactlintError(f"cannot read decisions file: {exc.strerror}", str(path)) from None
    cached = _CACHE.get(str(path))
    if cached and cached[0] == raw:
        return dict(cached[1]), dict(cached[2])
    decisions, extra = parse(raw, str(path))
    _CACHE[str(path)] = (raw, dict(decisions), dict(extra))
    return decisions, extra


def parse(raw: bytes, label: str) -> tuple[dict[str, Decision], dict]:
    try:
        data = json.loads(raw.decode("utf-8").removeprefix("\ufeff"), parse_constant=_not_json)
    except UnicodeDecodeError:
        raise FactlintError("decisions file is not UTF-8; fix it or remove it", label) from None
    except json.JSONDecodeError as exc:
        raise FactlintError(f"decisions file is not valid JSON ({exc.msg} at line {exc.lineno} "
                            f"column {exc.colno}); fix it or remove it", label) from None
    except ValueError as exc:  # NaN, Infinity
        raise FactlintError(f"decisions file is not valid JSON ({exc}); fix it or remove it", label) from None
    except RecursionError:
        raise FactlintError("decisions file is nested too deeply to be a decisions file; fix it or remove it",
                            label) from None
    if not isinstance(data, dict):
        raise FactlintError("decisions file: expected a JSON object at the top level", label)
    version = data.get("version")
    if version != VERSION:
        raise FactlintError(f"decisions file: version: {version!r} is not a version this factlint "
                            f"reads ({VERSION}); upgrade factlint", label)
    entries = data.get("decisions", {})
    if not isinstance(entries, dict):
        raise FactlintError("decisions file: decisions: expected an object of finding id → decision", label)
    decisions: dict[str, Decision] = {}
    for fid, entry in entries.items():
        try:
            d = Decision.model_validate(entry)
        except ValidationError as exc:
            e = exc.errors()[0]
            key = ".".join(str(p) for p in ("decisions", fid, *e["loc"]))
            raise FactlintError(f"decisions file: {key}: {e['msg']}", label) from None
        if d.status not in DECIDED:
            raise FactlintError(f"decisions file: decisions.{fid}.status: must be 'confirmed' or "
                                f"'dismissed' (an open finding has no entry)", label)
        decisions[fid] = d
    extra = {k: v for k, v in data.items() if k not in ("version", "decisions")}
    return decisions, extra


def _not_json(constant: str):
    """NaN and Infinity: Python's json reads them, JSON has no such numbers."""
    raise ValueError(f"{constant} is not a JSON number")


def dumps(decisions: Mapping[str, Decision], extra: Mapping | None = None) -> str:
    """The file's text: sorted keys, two-space indent, UTF-8 as is, final newline."""
    ordered = dict(sorted(decisions.items()))
    if extra or not _FIELDS_SORTED or any(d.model_extra for d in ordered.values()):
        data = dict(extra or {})
        data["version"] = VERSION
        data["decisions"] = {fid: d.model_dump(mode="json", exclude_none=True) for fid, d in ordered.items()}
        return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False, allow_nan=False) + "\n"
    # The same text, fast: Decision's fields are declared in sorted order, and pydantic's
    # serializer (unlike the json module's indenting encoder) is not pure Python.
    inner = _DECISIONS.dump_json(ordered, indent=2, exclude_none=True).decode("utf-8")
    return '{\n  "decisions": ' + inner.replace("\n", "\n  ") + f',\n  "version": {VERSION}\n}}\n'


def update(path: str | Path, changes: Mapping[str, Decision | None]) -> tuple[dict[str, Decision], dict]:
    """Apply `changes` (None removes) to the file as it is now, under the lock.

    A changed decision keeps the fields of the stored one that this version does not
    know. Returns the merged (decisions, extra).
    """
    path = Path(path)
    with locked(path):
        decisions, extra = read(path)
        for fid, new in changes.items():
            if new is None:
                decisions.pop(fid, None)
            else:
                decisions[fid] = _merge(decisions.get(fid), new)
        _remove_leftovers(path)
        text = dumps(decisions, extra)
        write_atomic(path, text)
        _CACHE[str(path)] = (text.encode("utf-8"), dict(decisions), dict(extra))
    return decisions, extra


def _remove_leftovers(path: Path) -> None:
    """Temp files of a writer killed mid-write (only writers holding the lock make them)."""
    for leftover in path.parent.glob(f".{path.name}.*.tmp"):
        try:
            leftover.unlink()
        except OSError:
            pass


def _merge(old: Decision | None, new: Decision) -> Decision:
    if old is None:
        return new
    known = set(Decision.model_fields)
    unknown = {k: v for k, v in old.model_dump().items() if k not in known}
    return Decision.model_validate({**unknown, **new.model_dump()})


def _ignore_lock_files(folder: Path) -> None:
    """In factlint's own `.factlint/` folder, keep the lock file and temp files out of git."""
    ignore = folder / ".gitignore"
    if folder.name == DEFAULT_PATH.parent.name and not ignore.exists():
        try:
            ignore.write_text("# written by factlint: the decisions file is shared, its lock is not\n*.lock\n*.tmp\n",
                              encoding="utf-8")
        except OSError:
            pass


def lock_path(path: Path) -> Path:
    return path.with_name(path.name + ".lock")


@contextmanager
def locked(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on `<path>.lock` (the file itself is replaced, so not lockable).
    The folder is made if missing (`.factlint/`), but not its parents: a mistyped
    `--decisions` path is an error, not a tree of new folders."""
    try:
        path.parent.mkdir(exist_ok=True)
    except OSError as exc:
        raise FactlintError(f"cannot make the decisions file's folder: {exc.strerror}", str(path)) from None
    _ignore_lock_files(path.parent)
    try:
        handle = open(lock_path(path), "a+b")
    except OSError as exc:
        raise FactlintError(f"cannot create lock file: {exc.strerror}", str(lock_path(path))) from None
    with handle:
        _lock(handle)
        try:
            yield
        finally:
            _unlock(handle)


try:
    import fcntl

    def _lock(handle) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)

    def _unlock(handle) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)

except ImportError:  # Windows
    import msvcrt

    def _lock(handle) -> None:
        handle.seek(0)
        while True:
            try:
                msvcrt.locking(handle.fileno(), msvcrt.LK_LOCK, 1)
                return
            except OSError:
                continue  # LK_LOCK gives up after 10 s; keep waiting

    def _unlock(handle) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)


# ----------------------------------------------------------------------------- making decisions

def resolve_id(prefix: str, ids) -> str:
    """The one id in `ids` equal to `prefix` or starting with it; else a one-line error."""
    ids = set(ids)
    if prefix in ids:
        return prefix
    hits = sorted(i for i in ids if i.startswith(prefix))
    if len(hits) == 1:
        return hits[0]
    if not hits:
        raise FactlintError(f"no finding has an id starting with {prefix!r} (run 'factlint check PATH' to list them)")
    shown = ", ".join(hits[:4]) + (", …" if len(hits) > 4 else "")
    raise FactlintError(f"id prefix {prefix!r} is ambiguous: {len(hits)} findings match ({shown}); give more of the id")


def default_path(paths: list[str | Path]) -> Path:
    """`.factlint/decisions.json` at the corpus root: the folder checked, a file's folder,
    or the deepest folder that holds all of several paths."""
    folders = [Path(p) if Path(p).is_dir() else Path(p).parent for p in paths]
    if len(folders) == 1:
        root = folders[0]
    else:
        root = Path(os.path.commonpath([os.path.abspath(f) for f in folders]))
    return root / DEFAULT_PATH


def make_decision(finding: Finding, report: Report, status: str, note: str | None = None,
                  by: str | None = None, on: dt.date | None = None,
                  claims: Mapping[str, Claim] | None = None) -> Decision:
    """A decision on `finding` carrying what a reader needs to recognise it (`claims`: the
    report's claims by id, when the caller decides many findings and has them at hand)."""
    claims = claims if claims is not None else {c.id: c for c in report.claims}
    own = [claims[i] for i in finding.claims if i in claims]
    return Decision(
        status=status, note=note or None,
        by=by if by is not None else who(),
        at=(on or dt.date.today()).isoformat(),
        kind=finding.kind, code=finding.code, name=finding.name,
        surfaces=[c.surface for c in own],
        documents=sorted({c.document for c in own}) or None,
        excerpts=list(dict.fromkeys(f"{c.document}: {excerpt(c)}" for c in _one_per_sentence(own))),
    )


def documents_of(d: Decision) -> set[str]:
    """The documents a decision is about: its `documents`, or (written before that field) the
    document each excerpt names (`<document>: <sentence>`); empty when it does not say."""
    if d.documents:
        return set(d.documents)
    return {e.split(": ", 1)[0] for e in d.excerpts if ": " in e}


def _one_per_sentence(claims: list[Claim]) -> list[Claim]:
    """The first claim of each sentence: a conversion's two figures share one excerpt."""
    seen, out = set(), []
    for c in claims:
        if (c.document, c.sentence_start, c.sentence) not in seen:
            seen.add((c.document, c.sentence_start, c.sentence))
            out.append(c)
    return out


def excerpt(c: Claim, width: int = EXCERPT_WIDTH) -> str:
    """The claim's sentence, whitespace collapsed, cut to about `width` around the number."""
    sentence = c.sentence or c.surface
    surface = " ".join(c.surface.split())
    at = sentence.find(surface)
    if len(sentence) <= width or at < 0:
        return sentence if len(sentence) <= width else sentence[:width - 1] + "…"
    left = max(0, at + len(surface) // 2 - width // 2)
    right = min(len(sentence), left + width)
    left = max(0, right - width)
    left, right = word_bounds(sentence, left, right, at, at + len(surface))
    return ("…" if left else "") + sentence[left:right].strip() + ("…" if right < len(sentence) else "")


def word_bounds(text: str, left: int, right: int, keep_from: int, keep_to: int) -> tuple[int, int]:
    """[left, right) shrunk so that it neither starts nor ends inside a word, keeping
    [keep_from, keep_to) inside."""
    if 0 < left < keep_from and not text[left - 1].isspace():
        space = text.find(" ", left, keep_from)
        left = space + 1 if space >= 0 else left
    if keep_to < right < len(text) and not text[right].isspace():
        space = text.rfind(" ", keep_to, right)
        right = space if space >= 0 else right
    return left, right


@lru_cache(maxsize=1)
def who() -> str | None:
    """The reviewer: git's user.name and user.email, else the login name from the environment."""
    name, email = _git_config("user.name"), _git_config("user.email")
    if name and email:
        return f"{name} <{email}>"
    return name or email or os.environ.get("USER") or os.environ.get("USERNAME") or os.environ.get("LOGNAME")


def _git_config(key: str) -> str | None:
    try:
        out = subprocess.run(["git", "config", "--get", key], capture_output=True, text=True, timeout=5)
    except (OSError, subprocess.SubprocessError):
        return None
    return (out.stdout.strip() or None) if out.returncode == 0 else None
