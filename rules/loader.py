"""Load and validate rule files. Every error names the file and the key.

Packs ship inside the installed `rules` package (read through importlib.resources);
a corpus may add its own folder (`--rules DIR` or `factlint.toml`), whose files are
merged over the shipped ones, table by table.
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Iterable

from pydantic import BaseModel, ValidationError

from checker.errors import FactlintError
from rules.schema import LanguagePack


class RuleError(FactlintError):
    """A rule file that cannot be read or does not validate."""


def read_toml(path: Path | Any, label: str) -> dict:
    """Parse one TOML file (a Path or an importlib Traversable)."""
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise RuleError("not UTF-8 text", label) from None
    except tomllib.TOMLDecodeError as exc:
        raise RuleError(f"not valid TOML: {exc}", label) from None


def validate(model: type[BaseModel], data: dict, label: str, origin: dict[str, str] | None = None):
    """Validate `data`; on failure raise one line: `<file>: <key.path>: <problem>`."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        key = ".".join(str(p) for p in err["loc"]) or "(top level)"
        # The file that last set the longest matching key path (a.b.c, then a.b, then a) is to blame.
        parts = [str(p) for p in err["loc"]]
        where = next(((origin or {})[".".join(parts[:n])] for n in range(len(parts), 0, -1)
                      if ".".join(parts[:n]) in (origin or {})), label)
        raise RuleError(f"{key}: {err['msg']}", where) from None


def shipped_root():
    return resources.files("rules")


def merge(into: dict, new: dict) -> None:
    """Merge `new` into `into`, tables recursively, other values replaced."""
    for key, value in new.items():
        if isinstance(value, dict) and isinstance(into.get(key), dict):
            merge(into[key], value)
        else:
            into[key] = value


def _pack_files(lang: str, extra: tuple[str, ...]) -> Iterable[tuple[Any, str]]:
    base = shipped_root() / "lang" / lang
    if base.is_dir():
        for f in sorted(base.iterdir(), key=lambda t: t.name):
            if f.name.endswith(".toml"):
                yield f, f"rules/lang/{lang}/{f.name}"
    for d in extra:
        folder = Path(d) / "lang" / lang
        if folder.is_dir():
            for f in sorted(folder.glob("*.toml")):
                yield f, str(f)


@lru_cache(maxsize=None)
def load_pack(lang: str, extra: tuple[str, ...] = ()) -> LanguagePack:
    """The language pack for `lang`, shipped rules merged with those of `extra` folders."""
    data: dict = {"code": lang}
    origin: dict[str, str] = {}
    found = False
    for path, label in _pack_files(lang, extra):
        found = True
        content = read_toml(path, label)
        _record_origin(origin, content, label)
        merge(data, content)
    if not found:
        raise RuleError(f"no language pack for {lang!r}", "rules/lang")
    return validate(LanguagePack, data, f"rules/lang/{lang}", origin)


def _record_origin(origin: dict[str, str], content: dict, label: str, prefix: str = "") -> None:
    """Remember which file last set each key path (tables recursively), for error messages."""
    for key, value in content.items():
        path = prefix + str(key)
        origin[path] = label
        if isinstance(value, dict):
            _record_origin(origin, value, label, path + ".")


def available_languages(extra: tuple[str, ...] = ()) -> list[str]:
    langs = {p.name for p in (shipped_root() / "lang").iterdir() if p.is_dir()}
    for d in extra:
        folder = Path(d) / "lang"
        if folder.is_dir():
            langs |= {p.name for p in folder.iterdir() if p.is_dir()}
    return sorted(langs)
