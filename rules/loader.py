"""Load and validate rule files. Every error names the file and the key.

Packs ship inside the installed `rules` package (read through importlib.resources);
a corpus may add its own folder (`--rules DIR` or `factlint.toml`), whose files are
merged over the shipped ones, table by table.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable

from pydantic import BaseModel, ValidationError

from factlint.checker.errors import FactlintError

if TYPE_CHECKING:
    from factlint.rules.schema import CheckRule, ContextRules, CurrencyTable, LanguagePack, MeasureTable, UnitTable


def _schema():
    """The rule models (rules/schema.py), imported when a rule file is first read: a re-check
    that reads none spares building them."""
    from factlint.rules import schema

    return schema


class RuleError(FactlintError):
    """A rule file that cannot be read or does not validate."""


def read_toml(path: Path | Any, label: str) -> dict:
    """Parse one TOML file (a Path or an importlib Traversable)."""
    import tomllib

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
    return resources.files("factlint.rules")


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
    return validate(_schema().LanguagePack, data, f"rules/lang/{lang}", origin)


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


# ------------------------------------------------------------- checks and measures

def _rule_files(sub: str, extra: tuple[str, ...]) -> Iterable[tuple[Any, str]]:
    """`rules/<sub>/*.toml` shipped, then the same folder of each extra rule dir."""
    base = shipped_root() / sub
    if base.is_dir():
        for f in sorted(base.iterdir(), key=lambda t: t.name):
            if f.name.endswith(".toml"):
                yield f, f"rules/{sub}/{f.name}"
    for d in extra:
        folder = Path(d) / sub
        if folder.is_dir():
            for f in sorted(folder.glob("*.toml")):
                yield f, str(f)


@lru_cache(maxsize=None)
def load_checks(extra: tuple[str, ...] = ()) -> dict[str, CheckRule]:
    """The code table: code → check, from every check file. A code or name used twice is refused,
    except that a corpus's own folder may redefine a shipped check (same code and name)."""
    table: dict[str, CheckRule] = {}
    names: dict[str, str] = {}
    origin: dict[str, str] = {}
    for path, label in _rule_files("checks", extra):
        rule = validate(_schema().CheckRule, read_toml(path, label), label)
        _check_template(rule, label)
        shipped = origin.get(rule.code, "").startswith("rules/checks/")
        overrides = shipped and not label.startswith("rules/checks/") and table[rule.code].name == rule.name
        if rule.code in table and not overrides:
            raise RuleError(f"code: {rule.code} is already used by {origin[rule.code]}", label)
        for name in (rule.name, *rule.aliases):
            if names.get(name, rule.code) != rule.code:
                raise RuleError(f"name: {name} is already used by {names[name]}", label)
            names[name] = rule.code
        table[rule.code] = rule
        origin[rule.code] = label
    return dict(sorted(table.items()))


MESSAGE_FIELDS = {"a": "“1” (a.md)", "b": "“2” (b.md)", "delta_pct": 1.0, "detail": "", "also": ""}


def _check_template(rule: CheckRule, label: str) -> None:
    try:
        rule.message.format(**MESSAGE_FIELDS)
    except KeyError as exc:
        raise RuleError(f"message: unknown field {{{exc.args[0]}}} (known: {', '.join(MESSAGE_FIELDS)})", label) from None
    except (ValueError, IndexError) as exc:
        raise RuleError(f"message: not a valid template: {exc}", label) from None


def check_by_name(name_or_code: str, extra: tuple[str, ...] = ()) -> CheckRule | None:
    """A check by its code, name or a former name."""
    for rule in load_checks(extra).values():
        if name_or_code in (rule.code, rule.name, *rule.aliases):
            return rule
    return None


@lru_cache(maxsize=None)
def load_measures(extra: tuple[str, ...] = ()) -> MeasureTable:
    """rules/measures.toml (and any `measures.toml` of the extra dirs, merged over it)."""
    data: dict = {}
    label = "rules/measures.toml"
    shipped = shipped_root() / "measures.toml"
    if shipped.is_file():
        merge(data, read_toml(shipped, label))
    for d in extra:
        f = Path(d) / "measures.toml"
        if f.is_file():
            label = str(f)
            merge(data, read_toml(f, label))
    return validate(_schema().MeasureTable, data, label)


@lru_cache(maxsize=None)
def load_context(lang: str, extra: tuple[str, ...] = ()) -> ContextRules:
    """Only the `context` facet of a language pack (what checker/context reads), validated on its
    own, so the context stage needs nothing else of the pack. An unknown language has no cues."""
    data: dict = {}
    label = f"rules/lang/{lang}"
    for path, file_label in _pack_files(lang, extra):
        content = read_toml(path, file_label)
        if "context" in content:
            label = file_label
            merge(data, content["context"])
    return validate(_schema().ContextRules, data, label, None)


# ------------------------------------------------------------- currencies and units

def _load_global(name: str, model: type[BaseModel], extra: tuple[str, ...]):
    """rules/<name> shipped, with the same file of each extra rule dir merged over it.
    Returns the model and the label of the last file read (the one errors then name)."""
    data: dict = {}
    label = f"rules/{name}"
    shipped = shipped_root() / name
    if shipped.is_file():
        merge(data, read_toml(shipped, label))
    for d in extra:
        f = Path(d) / name
        if f.is_file():
            label = str(f)
            merge(data, read_toml(f, label))
    return validate(model, data, label), label


@lru_cache(maxsize=None)
def load_currencies(extra: tuple[str, ...] = ()) -> CurrencyTable:
    """rules/currencies.toml: every symbol, alias and subunit must name a listed code."""
    table, label = _load_global("currencies.toml", _schema().CurrencyTable, extra)
    known = set(table.codes)
    for key, mapping in (("symbols", table.symbols), ("aliases", table.aliases)):
        for name, code in mapping.items():
            if code not in known:
                raise RuleError(f"{key}.{name}: {code!r} is not in codes", label)
    for key, codes in (("any_case", table.any_case), ("minor", list(table.minor))):
        for code in codes:
            if code not in known and code not in table.aliases:
                raise RuleError(f"{key}: {code!r} is not in codes", label)
    return table


@lru_cache(maxsize=None)
def load_units(extra: tuple[str, ...] = ()) -> UnitTable:
    """rules/units.toml: unit symbols → pint unit strings (checked against pint by the tests)."""
    return _load_global("units.toml", _schema().UnitTable, extra)[0]


# ------------------------------------------------------------- the rule set of a run

class RuleSet:
    """Every rule table a run uses, loaded and validated once at its start and passed down the
    pipeline as one value (as pint's one registry): no stage reads rule files itself.

    `RuleSet.load(dirs)` reads the shipped rules and the corpus's own folders (`--rules`,
    factlint.toml); a broken file stops it with one line naming the file and the key. The
    tables are the loaders' cached values, so two rule sets of the same folders share them.

    `RuleSet.load(dirs, lazy=True)` reads each table when a stage first asks for it: for a run
    that knows these very files validated before (the cache records it, keyed by their bytes),
    so that a re-check which reads no article loads no rule file."""

    __slots__ = ("dirs", "_tables")

    TABLES = ("languages", "packs", "checks", "measures", "currencies", "units")

    def __init__(self, dirs: tuple[str, ...] = (), lazy: bool = False):
        object.__setattr__(self, "dirs", tuple(dirs))
        object.__setattr__(self, "_tables", {})
        if not lazy:
            for name in self.TABLES:
                getattr(self, name)

    def _table(self, name: str, load):
        tables = self._tables
        if name not in tables:
            tables[name] = load()
        return tables[name]

    @property
    def languages(self) -> tuple[str, ...]:
        return self._table("languages", lambda: tuple(available_languages(self.dirs)))

    @property
    def packs(self) -> dict[str, LanguagePack]:
        return self._table("packs", lambda: {lang: load_pack(lang, self.dirs) for lang in self.languages})

    @property
    def checks(self) -> dict[str, CheckRule]:
        return self._table("checks", lambda: load_checks(self.dirs))

    @property
    def measures(self) -> MeasureTable:
        return self._table("measures", lambda: load_measures(self.dirs))

    @property
    def currencies(self) -> CurrencyTable:
        return self._table("currencies", lambda: load_currencies(self.dirs))

    @property
    def units(self) -> UnitTable:
        return self._table("units", lambda: load_units(self.dirs))

    @classmethod
    def load(cls, dirs: tuple[str, ...] | list[str] = (), lazy: bool = False) -> "RuleSet":
        return _rule_set(tuple(dirs), lazy)

    def pack(self, lang: str) -> LanguagePack:
        """The language pack of `lang`; a RuleError naming the language when there is none."""
        packs = self._tables.get("packs")
        found = packs.get(lang) if packs is not None else None
        return found if found is not None else load_pack(lang, self.dirs)

    def context(self, lang: str) -> ContextRules:
        return self.pack(lang).context

    def __setattr__(self, name, value):
        raise AttributeError(f"a RuleSet is immutable: {name}")


@lru_cache(maxsize=8)
def _rule_set(dirs: tuple[str, ...], lazy: bool = False) -> RuleSet:
    return RuleSet(dirs, lazy=lazy)
