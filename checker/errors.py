"""Exit codes and the one-line errors factlint reports to users."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0  # no open discrepancy
    FINDINGS = 1  # at least one open discrepancy (or a bad JSON line in extract --jsonl)
    ERROR = 2  # usage or input error, one line on stderr
    INTERRUPTED = 130  # Ctrl-C (128 + SIGINT)
    BROKEN_PIPE = 141  # the reader of stdout went away, e.g. `| head` (128 + SIGPIPE)


class FactlintError(Exception):
    """An error the user can fix; its message is one line naming the file and the problem."""

    def __init__(self, message: str, path: str | None = None):
        self.path = path
        super().__init__(f"{path}: {message}" if path else message)

    def __reduce__(self):  # sent between processes (checker/engine) with its path
        return _rebuild, (type(self), str(self), self.path)


def _rebuild(cls: type[FactlintError], text: str, path: str | None) -> FactlintError:
    error = cls.__new__(cls)
    Exception.__init__(error, text)
    error.path = path
    return error


def describe(exc: BaseException) -> str:
    """An unexpected exception as `Type: message` on one line."""
    return f"{type(exc).__name__}: {' '.join(str(exc).split())}".rstrip(": ")


def internal_error(exc: BaseException, path: str) -> FactlintError:
    """A bug met while handling one file: that file's one-line error, so the others go on."""
    return FactlintError(f"internal error: {describe(exc)} (the other files go on; please report it)", path)
