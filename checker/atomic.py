"""Files factlint writes (reports, the decisions file) appear whole or not at all.

The text goes to a temp file beside the target, is synced, and replaces the target in
one rename: a reader, a crash or a full disk leaves the old file or the new one, never
a truncated one. A failure is a one-line FactlintError naming the target.

A report is made again by running again, so it is not synced (`durable=False`): a reader or a
full disk still sees the old file or the new one, and a crash of the machine may lose it (the
sync of a 270 MB JSON report cost a re-check a tenth of its time). The decisions file, which
holds what a person wrote, always is.
"""

from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, TextIO

from factlint.checker.errors import FactlintError


@contextmanager
def atomic_writer(path: str | Path, durable: bool = True) -> Iterator[TextIO]:
    """A text file to write into; it replaces `path` when the block ends without an error (on
    disk before it does, when `durable`)."""
    path = Path(path)
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise FactlintError(f"cannot write: {exc.strerror or exc}", str(path)) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            yield f
            f.flush()
            if durable:
                os.fsync(f.fileno())
        os.chmod(tmp, _mode_of(path))
        os.replace(tmp, path)
    except OSError as exc:
        _unlink(tmp)
        raise FactlintError(f"cannot write: {exc.strerror or exc} (the file is unchanged)", str(path)) from None
    except BaseException:
        _unlink(tmp)
        raise
    if durable:
        _fsync_dir(path.parent)


def write_atomic(path: str | Path, text: str) -> None:
    """Replace `path` by `text` so that a reader (or a crash) sees the old file or the new one."""
    with atomic_writer(path) as f:
        f.write(text)


def _mode_of(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o777
    except FileNotFoundError:
        return 0o644


def _unlink(tmp: str) -> None:
    try:
        os.unlink(tmp)
    except FileNotFoundError:
        pass


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # not possible on every platform (Windows); the rename is still atomic
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
