"""A corpus's own configuration: `factlint.toml` at its root, merged with the command line.

```toml
# factlint.toml
rules = ["my-rules"]                     # extra rule folders, relative to this file
decisions = ".factlint/decisions.json"   # the reviewed-decisions file, relative to this file
exclude = ["drafts", "**/*.draft.md"]    # globs of files and folders not to read
```

The file is validated with pydantic; an error names the file and the key. Folders
given with `--rules DIR` come after the file's (and so win where both set a value);
`--decisions FILE` replaces the file's.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from factlint.checker.errors import FactlintError

CONFIG_NAME = "factlint.toml"


class CorpusConfig(BaseModel):
    """The keys of factlint.toml."""

    model_config = ConfigDict(extra="forbid")

    rules: list[str] = Field(default_factory=list, description="extra rule folders, relative to factlint.toml")
    decisions: str | None = Field(default=None, description="decisions file, relative to factlint.toml")
    exclude: list[str] = Field(default_factory=list, description="globs of files and folders to leave out")

    @field_validator("exclude", "rules")
    @classmethod
    def _not_blank(cls, values: list[str]) -> list[str]:
        for v in values:
            if not v.strip():
                raise ValueError("must not be an empty string")
        return values


def find_config(paths: list[str | Path]) -> Path | None:
    """The corpus's factlint.toml: in the first PATH (a folder, or a file's folder) that has one."""
    for raw in paths:
        p = Path(raw)
        root = p if p.is_dir() else p.parent
        candidate = root / CONFIG_NAME
        if candidate.is_file():
            return candidate
    return None


def load_config(path: Path) -> CorpusConfig:
    """Read and validate one factlint.toml; errors are one line naming the file and the key."""
    label = str(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise FactlintError(f"cannot read: {exc.strerror or exc}", label) from None
    except UnicodeDecodeError:
        raise FactlintError("not UTF-8 text", label) from None
    except tomllib.TOMLDecodeError as exc:
        raise FactlintError(f"not valid TOML: {exc}", label) from None
    try:
        return CorpusConfig.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        key = ".".join(str(p) for p in err["loc"]) or "(top level)"
        msg = "unknown key (known: rules, decisions, exclude)" if err["type"] == "extra_forbidden" else err["msg"]
        raise FactlintError(f"{key}: {msg}", label) from None


def resolve(paths: list[str | Path], rules: list[str] | tuple[str, ...] = (), decisions: str | None = None,
            config: str | Path | None = None) -> tuple[tuple[str, ...], Path | None, tuple[str, ...], Path | None]:
    """Rule folders, decisions file, exclude globs and the config file used, for a run over `paths`.

    `rules` and `decisions` come from the command line; `config` names a factlint.toml
    explicitly (else the corpus root's is used, if there is one).
    """
    cfg_path = Path(config) if config else find_config(paths)
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
    decisions_path = Path(decisions) if decisions else (base / cfg.decisions if cfg.decisions else None)
    return tuple(dirs), decisions_path, tuple(cfg.exclude), cfg_path


def load_options(paths: list[str | Path], rules: list[str] | tuple[str, ...] = (), decisions: str | None = None,
                 config: str | Path | None = None):
    """Pipeline Options for a run over `paths`: command line merged over the corpus's factlint.toml."""
    from factlint.checker.pipeline import Options

    dirs, decisions_path, exclude, cfg_path = resolve(paths, rules, decisions, config)
    return Options(rules_dirs=dirs, decisions=decisions_path, exclude=exclude, config=cfg_path)
