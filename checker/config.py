"""A corpus's root and its own configuration, merged with the command line.

The corpus root is found as ruff and Vale find their configuration: walking up from each
PATH (a folder, or a file's folder) to the nearest folder holding `factlint.toml`, a
`.factlint/` folder (the decisions) or a `pyproject.toml` with a `[tool.factlint]` table;
the walk stops at the top of a git repository. Document paths, and so finding ids, are
relative to that root, so `check corpus/story`, `check corpus/` and a check of a few
changed files name every article the same way and find the same decisions.

```toml
# factlint.toml (or the same keys under [tool.factlint] in pyproject.toml)
rules = ["my-rules"]                     # extra rule folders, relative to this file
decisions = ".factlint/decisions.json"   # the reviewed-decisions file, relative to this file
exclude = ["drafts", "**/*.draft.md"]    # globs of files and folders not to read
select = ["FL1", "FL201"]                # only these checks (codes, code prefixes or names)
ignore = ["FL301"]                       # never these
```

The file is validated with pydantic; an error names the file and the key. Folders
given with `--rules DIR` come after the file's (and so win where both set a value);
`--decisions FILE`, `--select` and `--ignore` replace the file's.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from factlint.checker.errors import FactlintError
from factlint.checker.select import Selection

CONFIG_NAME = "factlint.toml"
PYPROJECT = "pyproject.toml"
MARKER_FOLDER = ".factlint"
KEYS = "rules, decisions, exclude, select, ignore"


class CorpusConfig(BaseModel):
    """The keys of factlint.toml."""

    model_config = ConfigDict(extra="forbid")

    rules: list[str] = Field(default_factory=list, description="extra rule folders, relative to factlint.toml")
    decisions: str | None = Field(default=None, description="decisions file, relative to factlint.toml")
    exclude: list[str] = Field(default_factory=list, description="globs of files and folders to leave out")
    select: list[str] = Field(default_factory=list, description="only these checks: codes, code prefixes (FL1) or names")
    ignore: list[str] = Field(default_factory=list, description="never these checks: codes, code prefixes or names")

    @field_validator("exclude", "rules", "select", "ignore")
    @classmethod
    def _not_blank(cls, values: list[str]) -> list[str]:
        for v in values:
            if not v.strip():
                raise ValueError("must not be an empty string")
        return values


@dataclass(frozen=True)
class Root:
    """A corpus root: the folder and the configuration file found there (None: only `.factlint/`)."""

    folder: Path
    config: Path | None


def find_root(path: str | Path) -> Root | None:
    """The nearest folder at or above `path` that marks a corpus root, or None."""
    start = Path(os.path.abspath(path))
    folder = start if start.is_dir() else start.parent
    for d in (folder, *folder.parents):
        if (d / CONFIG_NAME).is_file():
            return Root(_shown(d), _shown(d) / CONFIG_NAME)
        if (d / PYPROJECT).is_file() and has_tool_table(d / PYPROJECT):
            return Root(_shown(d), _shown(d) / PYPROJECT)
        if (d / MARKER_FOLDER).is_dir():
            return Root(_shown(d), None)
        if (d / ".git").exists():  # the top of a repository: a corpus root is never above it
            break
    return None


def corpus_root(paths: list[str | Path]) -> Root | None:
    """The one root of all `paths`; None when none of them has one; an error when they differ."""
    found: dict[Root | None, str] = {}
    for p in paths:
        found.setdefault(find_root(p), str(p))
    if not found or set(found) == {None}:
        return None
    if len(found) > 1:
        (a, pa), (b, pb) = list(found.items())[:2]
        where = lambda r: f"the corpus at {r.folder}" if r else "no corpus root"  # noqa: E731
        raise FactlintError(f"the PATHs belong to different corpora ({pa}: {where(a)}; {pb}: {where(b)}); "
                            "check each corpus on its own")
    return next(iter(found))


def _shown(folder: Path) -> Path:
    """`folder` relative to the working directory when it lies inside it (as the user would write it)."""
    rel = os.path.relpath(folder)
    return Path(rel) if not rel.startswith("..") else folder


def has_tool_table(pyproject: Path) -> bool:
    """Whether a pyproject.toml holds a [tool.factlint] table (read only when it mentions one)."""
    try:
        text = pyproject.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    return "tool.factlint" in text and "factlint" in _toml(pyproject, text).get("tool", {})


def find_config(paths: list[str | Path]) -> Path | None:
    """The configuration file of the corpus root of `paths`, if any."""
    root = corpus_root(paths)
    return root.config if root else None


def _toml(path: Path, text: str | None = None) -> dict:
    label = str(path)
    try:
        if text is None:
            text = path.read_text(encoding="utf-8")
        return tomllib.loads(text)
    except OSError as exc:
        raise FactlintError(f"cannot read: {exc.strerror or exc}", label) from None
    except UnicodeDecodeError:
        raise FactlintError("not UTF-8 text", label) from None
    except tomllib.TOMLDecodeError as exc:
        raise FactlintError(f"not valid TOML: {exc}", label) from None


def load_config(path: Path) -> CorpusConfig:
    """Read and validate one factlint.toml (or the [tool.factlint] table of a pyproject.toml);
    errors are one line naming the file and the key."""
    data = _toml(path)
    prefix = ""
    if path.name == PYPROJECT:
        data, prefix = data.get("tool", {}).get("factlint", {}), "tool.factlint."
    try:
        return CorpusConfig.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        key = prefix + (".".join(str(p) for p in err["loc"]) or "(top level)")
        msg = f"unknown key (known: {KEYS})" if err["type"] == "extra_forbidden" else err["msg"]
        raise FactlintError(f"{key}: {msg}", str(path)) from None


def load_options(paths: list[str | Path], rules: list[str] | tuple[str, ...] = (), decisions: str | None = None,
                 config: str | Path | None = None, select: list[str] | None = None,
                 ignore: list[str] | None = None):
    """Pipeline Options for a run over `paths`: the command line merged over the corpus's configuration.

    `rules`, `decisions`, `select` and `ignore` come from the command line (None: not given);
    `config` names a configuration file explicitly (else the corpus root's is used, if any).
    """
    from factlint.checker.pipeline import Options

    root = corpus_root(paths)
    cfg_path = Path(config) if config else (root.config if root else None)
    if config and not cfg_path.is_file():
        raise FactlintError("no such configuration file", str(config))
    cfg = load_config(cfg_path) if cfg_path else CorpusConfig()
    base = cfg_path.parent if cfg_path else Path(".")
    dirs: list[str] = []
    for i, d in enumerate(cfg.rules):
        folder = base / d
        if not folder.is_dir():
            raise FactlintError(f"rules[{i}]: no such folder: {folder}", str(cfg_path))
        dirs.append(str(folder))
    for d in rules:
        if not Path(d).is_dir():
            raise FactlintError("--rules: no such folder", str(d))
        dirs.append(str(d))
    if decisions:
        decisions_path = Path(decisions)
    elif cfg.decisions:
        decisions_path = base / cfg.decisions
    else:
        decisions_path = root.folder / MARKER_FOLDER / "decisions.json" if root else None
    return Options(rules_dirs=tuple(dirs), decisions=decisions_path, exclude=tuple(cfg.exclude), config=cfg_path,
                   root=root.folder if root else None,
                   select=Selection.of(select, cfg.select, "--select", cfg_path),
                   ignore=Selection.of(ignore, cfg.ignore, "--ignore", cfg_path))
