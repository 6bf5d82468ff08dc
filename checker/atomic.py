"""Files factlint writes (reports, the decisions file) appear whole or not at all.

The text goes to a temp file beside the target, is synced, and replaces the target in
one rename: a reader, a crash or a full disk leaves the old file or the new one, never
a truncated one. A failure is a one-line FactlintError naming the target.

A report is made again by running again, so it is not synced (`durable=False`): a reader or a
full disk still sees the old file or the new one, and a crash of the machine may lose it (the
sync of a 270 MB JSON report cost a re-check a tenth of its time). The decisions file, which
holds what a person wrote, always is.

Nor is a report renamed over the old one: ext4 takes a rename over an existing file for a
save that must survive a crash and allocates the new file's blocks there and then (its
auto_da_alloc: 0.1–0.25 s for a 270 MB report, a tenth of a re-check again). On Linux the
two files are exchanged in one step instead (renameat2's RENAME_EXCHANGE, what `mv
--exchange` does) and the old one, now under the temporary name, is removed: a reader still
sees the old file or the new one at every moment. Where that call is missing, it is a rename.
"""

from __future__ import annotations

import os
import sys
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
        if not durable and _exchanged(tmp, path):
            _remove_old(tmp)
        else:
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


def _exchanged(tmp: str, path: Path) -> bool:
    """Whether `tmp` and an existing `path` were exchanged in one step (Linux: renameat2 with
    RENAME_EXCHANGE); False where there is no such call, the filesystem has none, or no `path`."""
    if not sys.platform.startswith("linux") or not os.path.exists(path):
        return False
    try:
        import ctypes

        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):  # no C library to load, or one without the call (glibc < 2.28)
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    at_cwd, exchange = -100, 2  # AT_FDCWD, RENAME_EXCHANGE
    return renameat2(at_cwd, os.fsencode(tmp), at_cwd, os.fsencode(path), exchange) == 0


def _remove_old(tmp: str) -> None:
    """Remove the old file, exchanged to the temporary name; one that cannot be is left there
    (a hidden file beside the new one), as the new file is in place."""
    try:
        os.unlink(tmp)
    except OSError:
        pass


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
