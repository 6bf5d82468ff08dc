"""The cache of a corpus, as ruff keeps one: what the per-document stages made of each file and
the findings of each story, under `.factlint/cache/` at the corpus root, so that a re-check
reads and compares only what changed.

Entries are keyed by the content they were made from: a document's by its report path and
its bytes, a story's by the keys of its documents; every key also holds the cache's `salt`,
a hash of factlint's version, its engine's source and every rule file of the run (shipped and
the corpus's own), so a changed rule, check or engine never reads an entry made by another.

Entries are compressed JSON, never pickle: a cache committed into a corpus by a pull request
could otherwise run code. An entry is written to a temporary file and renamed into place, so
runs at once (CI jobs sharing the folder) see a whole entry or none; one that does not read
back is a miss. A full disk or a read-only corpus just leaves the cache as it is.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import math
import os
import shutil
import sys
import tempfile
import zlib
from importlib import resources
from pathlib import Path

import orjson

from factlint.checker.errors import FactlintError
from factlint.checker.model import LAZY_TEXT, TEXT_SOURCE, Claim, Document, Finding, Relation

FORMAT = "6"  # the layout of entries; part of the salt
GITIGNORE = "# written by factlint: the cache is rebuilt from the articles, never committed\n*\n"


class Cache:
    def __init__(self, folder: Path, salt: str):
        self.folder = folder
        self._folder = str(folder)
        self.salt = salt
        self._manifest = None
        self._index = None

    @classmethod
    def open(cls, folder: Path, rule_dirs: tuple[str, ...] = ()) -> "Cache":
        return cls(folder, salt(rule_dirs))

    def key(self, *parts: str | bytes) -> str:
        h = hashlib.blake2b(self.salt.encode(), digest_size=20)
        for p in parts:
            data = p.encode("utf-8", "surrogateescape") if isinstance(p, str) else p
            h.update(len(data).to_bytes(8, "little"))
            h.update(data)
        return h.hexdigest()

    def _path(self, key: str) -> str:
        return os.path.join(self._folder, key[:2], key[2:])

    def read(self, key: str):
        """The value stored under `key`, or None (missing, or damaged: a miss, never an error)."""
        try:
            with open(self._path(key), "rb") as f:
                data = f.read()
            if data.startswith(PARTS_MARK):  # a document's parts: its entry is the first
                data = _part(data, ENTRY, len(data))
                if data is None:
                    return None
            return decode(data)
        except (OSError, ValueError, zlib.error):
            return None

    def write_parts(self, key: str, parts: dict[bytes, bytes]) -> None:
        """Keep a document's parts (its entry, claims, text, the report's JSON text of its claims)
        in one file under `key`: one file made per document, not one per part (a first run makes
        tens of thousands, and making a file is most of what writing one costs)."""
        header = b" ".join(b"%s:%d" % (name, len(data)) for name, data in parts.items())
        self.write_file(self._path(key), PARTS_MARK + header + b"\n" + b"".join(parts.values()))

    def read_part(self, key: str, name: bytes) -> memoryview | None:
        """The bytes of part `name` of the document file under `key`, or None (no such file or
        part, or a damaged file). Only the file's head is read when the part lies there."""
        try:
            with open(self._path(key), "rb") as f:
                data = f.read(PART_HEAD)
                if not data.startswith(PARTS_MARK):
                    return None
                size = len(data) if len(data) < PART_HEAD else os.fstat(f.fileno()).st_size  # (read whole)
                found = _span(data, name, size)
                if found is None:
                    return None
                start, end = found
                if end > len(data):
                    data += f.read(end - len(data))
                    if len(data) < end:
                        return None
                return memoryview(data)[start:end]
        except (OSError, ValueError):
            return None

    def read_parts(self, key: str) -> dict[bytes, memoryview] | None:
        """Every part of the file under `key` (`write_parts`), or None (no such file, or a damaged one)."""
        try:
            with open(self._path(key), "rb") as f:
                data = f.read()
        except OSError:
            return None
        if not data.startswith(PARTS_MARK):
            return None
        try:
            spans = _spans(data, len(data))
        except ValueError:
            return None
        view = memoryview(data)
        return None if spans is None else {name: view[start:end] for name, (start, end) in spans.items()}

    def read_json_part(self, key: str, name: bytes):
        """Part `name` of a document's file as JSON data (`write_parts` of `encode`d data), or None."""
        data = self.read_part(key, name)
        try:
            return None if data is None else decode(bytes(data))
        except (ValueError, zlib.error):
            return None

    def write(self, key: str, value, compress: bool = True) -> None:
        """Keep `value` (JSON data) under `key`: compressed, unless it is read on every re-check
        (a document's entry, a story's findings), where decompressing would cost more than
        reading the larger file."""
        self.write_file(self._path(key), encode(value, compress))

    def read_text(self, key: str) -> memoryview | None:
        """The text stored under `key` by `write_text` (UTF-8, a view of the bytes read: a JSON
        report copies 200 MB of them), or None."""
        try:
            with open(self._path(key), "rb") as f:
                data = f.read()
        except OSError:
            return None
        if not (data.startswith(TEXT_MARK) and data.endswith(TEXT_END)):
            return None
        return memoryview(data)[len(TEXT_MARK):len(data) - len(TEXT_END)]

    def write_text(self, key: str, text: bytes) -> None:
        """Keep UTF-8 text as it is, uncompressed: it is read back at the speed of a file copy
        (a JSON report's claims). A mark at each end tells a whole entry from a damaged one."""
        if TEXT_END in text:
            return
        self.write_file(self._path(key), TEXT_MARK + text + TEXT_END)

    def write_file(self, path: Path | str, data: bytes) -> None:
        """Write `data` to a temporary file and rename it into place (runs at once see a whole
        file or none); a read-only corpus or a full disk leaves the cache as it is."""
        write_file(self.folder, path, data)

    def rules_known_valid(self) -> bool:
        """Whether a run validated the rule files of this cache's salt (their very bytes)."""
        return os.path.exists(self._path(self.key("rules valid")))

    def mark_rules_valid(self) -> None:
        self.write(self.key("rules valid"), {"rules": "valid"}, compress=False)

    def manifest(self):
        """The files' hashes of the last run, by `stat` (checker/engine/manifest.py)."""
        if self._manifest is None:
            from factlint.checker.engine.manifest import Manifest

            self._manifest = Manifest(self.folder, functools.partial(write_file, self.folder))
        return self._manifest

    def index(self):
        """The documents' entries of the last runs in one file (checker/engine/index.py)."""
        if self._index is None:
            from factlint.checker.engine.index import DocumentIndex

            self._index = DocumentIndex(self.folder, functools.partial(write_file, self.folder))
        return self._index

    def __getstate__(self):  # sent to a worker (a document's text read there): without what was loaded
        return {"folder": self.folder, "_folder": self._folder, "salt": self.salt, "_manifest": None, "_index": None}


def write_file(folder: Path, path: Path | str, data: bytes) -> None:
    """`Cache.write_file` of the cache in `folder` (a function of its own: the manifest and the
    index keep it without keeping the cache, which keeps them)."""
    try:
        if not folder.is_dir():
            folder.mkdir(parents=True, exist_ok=True)
            (folder / ".gitignore").write_text(GITIGNORE, encoding="utf-8")
        parent = os.path.dirname(path)
        if not os.path.isdir(parent):
            os.mkdir(parent)
        fd, tmp = tempfile.mkstemp(dir=parent, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(data)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError:
        pass  # the run goes on without the entry


TEXT_MARK = b"factlint text\n"
TEXT_END = b"\n\x1e"  # never in JSON text (a control character), so never inside an entry
PARTS_MARK = b"factlint parts\n"  # then a line "name:bytes name:bytes …" and the parts one after another
PART_HEAD = 64 * 1024  # bytes read first: the header and the small parts of a document
ENTRY, CLAIMS, TEXT, REPORT = b"entry", b"claims", b"text", b"json"  # a document's parts (its report text last: the largest)


def encode(value, compress: bool = True, finite: bool = True) -> bytes:
    """JSON data as `Cache.write` keeps it: compressed, or plain.

    orjson writes it, in a fifth of the json module's time, when it can write the data as
    they are: `finite` tells that no float in them is NaN or infinite (orjson writes those as
    null). Otherwise (or for an integer beyond 64 bits, a lone surrogate, which orjson refuses)
    the json module writes it after a blank (`JSON_MODULE`), which tells `decode` to read it
    with the json module too (orjson would read such an integer as a float)."""
    data = None
    if finite:
        try:
            data = orjson.dumps(value)
        except TypeError:
            pass
    if data is None:
        data = JSON_MODULE + json.dumps(value, separators=(",", ":"), allow_nan=True).encode("utf-8")
    return zlib.compress(data, 1) if compress else data


JSON_MODULE = b" "  # the first byte of data the json module wrote (`encode`)


def decode(data: bytes):
    if data[:1] not in b"{[ ":
        data = zlib.decompress(data)
    return json.loads(data) if data.startswith(JSON_MODULE) else orjson.loads(data)


def all_finite(claims) -> bool:
    """Whether every float of the claims' rows (`claim_row`) is finite: their sum is NaN or
    infinite when one is (and perhaps, in theory, when they are huge: then `encode` just takes
    the slower way)."""
    total = 0.0
    for c in claims:
        total += sum(v for v in (c.value, c.lower, c.upper, c.low, c.high) if v is not None)
        total += sum(c.about.values()) + sum(r.factor for r in c.relations if r.factor is not None)
    return math.isfinite(total)


def _span(data: bytes, name: bytes, size: int) -> tuple[int, int] | None:
    """[start, end) of part `name` in a document's file of `size` bytes starting with `data`;
    None when it holds no such part, or its parts do not fill the file (a damaged file)."""
    spans = _spans(data, size)
    return None if spans is None else spans.get(name)


def _spans(data: bytes, size: int) -> dict[bytes, tuple[int, int]] | None:
    """[start, end) of each part of a file of `size` bytes starting with `data`; None when its
    parts do not fill the file (a damaged file)."""
    line_end = data.find(b"\n", len(PARTS_MARK))
    if line_end < 0:
        return None
    offset, found = line_end + 1, {}
    for item in data[len(PARTS_MARK):line_end].split():
        part, _, length = item.partition(b":")
        found[part] = (offset, offset + int(length))
        offset += int(length)
    return found if offset == size else None


def _part(data: bytes, name: bytes, size: int) -> bytes | None:
    found = _span(data, name, size)
    return None if found is None else data[found[0]:found[1]]


def clear(folder: Path) -> int:
    """Remove the cache folder; the number of entries it held."""
    if not folder.is_dir():
        return 0
    entries = sum(1 for p in folder.rglob("*") if p.is_file() and p.name != ".gitignore")
    shutil.rmtree(folder)
    return entries


def salt(rule_dirs: tuple[str, ...] = ()) -> str:
    """What every entry was made with: factlint's version and source, and every rule file."""
    from factlint.checker import __version__

    h = hashlib.blake2b(f"{FORMAT}|{__version__}".encode(), digest_size=16)
    for package in ("factlint.checker", "factlint.rules"):
        _hash_tree(h, Path(str(resources.files(package))), (".py", ".toml"))
    for d in rule_dirs:
        _hash_tree(h, Path(d), (".toml",))
    return h.hexdigest()


def _hash_tree(h, root: Path, suffixes: tuple[str, ...]) -> None:
    if not root.is_dir():
        return
    for p in sorted(root.rglob("*")):
        if p.suffix in suffixes and p.is_file() and "__pycache__" not in p.parts:
            h.update(p.relative_to(root).as_posix().encode("utf-8", "surrogateescape"))
            h.update(p.read_bytes())


# ------------------------------------------------------------------- entries as JSON

# A document's entry holds every field but its text, kept apart (`text_row`) and read only when
# asked for (model.py: Document.__getattr__): a re-check writing the JSON report never needs it.
DOCUMENT_FIELDS = tuple(f for f in Document.model_fields if f not in LAZY_TEXT)
CLAIM_FIELDS = tuple(Claim.model_fields)
FINDING_FIELDS = tuple(f for f in Finding.model_fields if f != "text")  # (its text is a part of its own: findings.py)


def document_row(doc: Document) -> list:
    row = [getattr(doc, f) for f in DOCUMENT_FIELDS]
    row[DOCUMENT_FIELDS.index("published")] = doc.published.isoformat() if doc.published else None
    return [row, sorted(doc.model_fields_set)]


def document_of(entry: list, text) -> Document:
    """The document of an entry; `text` gives its (text, scan) when first asked for.

    An archive's client holds one for each of its articles, so they share what they can: the
    values many documents have (language, format, source, where a date came from) and their
    path and id when equal are one string, and the record of the fields set is one set when
    it holds every field (assigning a field then adds nothing to it)."""
    row, fields_set = entry
    values = dict(zip(DOCUMENT_FIELDS, row, strict=True))
    for name in SHARED_VALUES:
        if type(values[name]) is str:
            values[name] = sys.intern(values[name])
    if values["id"] == values["path"]:
        values["id"] = values["path"]
    if values["published"] is not None:
        values["published"] = dt.date.fromisoformat(values["published"])
    if values["headline"] is not None:
        values["headline"] = tuple(values["headline"])
    values[TEXT_SOURCE] = text
    doc = Document.__new__(Document)  # as model_construct makes it, at a fraction of its cost
    object.__setattr__(doc, "__dict__", values)
    fields_set = set(fields_set)
    object.__setattr__(doc, "__pydantic_fields_set__", _ALL_FIELDS if fields_set == _ALL_FIELDS else fields_set)
    object.__setattr__(doc, "__pydantic_extra__", None)
    object.__setattr__(doc, "__pydantic_private__", None)
    return doc


SHARED_VALUES = ("source", "published_from", "lang", "lang_from", "format")
_ALL_FIELDS = set(Document.model_fields)  # shared by every document with all its fields set


def text_row(doc: Document) -> list:
    return [doc.text, None if doc.scan == doc.text else doc.scan]


class CachedText:
    """The (text, scan) of a cached document, from its `.text` entry; read again from the file
    (`source`: lazy.Source) when that entry is gone or damaged (as CachedClaims does for claims)."""

    __slots__ = ("cache", "key", "source")

    def __init__(self, cache: "Cache", key: str, source):
        self.cache, self.key, self.source = cache, key, source

    def __call__(self) -> tuple[str, str]:
        row = self.cache.read_json_part(self.key, TEXT)
        if isinstance(row, list) and len(row) == 2 and isinstance(row[0], str) and isinstance(row[1], (str, type(None))):
            return row[0], row[0] if row[1] is None else row[1]
        doc = self.source.document()
        return (doc.text, doc.scan) if doc is not None else ("", "")


def claim_row(c: Claim) -> list:
    row = [getattr(c, f) for f in CLAIM_FIELDS]
    row[RELATIONS] = [[r.type, r.other, r.factor] for r in c.relations]
    return row


RELATIONS = CLAIM_FIELDS.index("relations")


def claim_of(row: list) -> Claim:
    values = dict(zip(CLAIM_FIELDS, row, strict=True))
    values["relations"] = [Relation.model_construct(type=t, other=o, factor=f) for t, o, f in values["relations"]]
    return Claim.from_fields(values)


# The values findings repeat: an archive's report holds a few findings per article, each read
# from the cache or sent by a worker with its own copy of each string.
SHARED_FINDING_VALUES = ("kind", "code", "name", "severity", "status", "subject", "measure")
NOTHING_SET: set = set()  # a Lean model's record of fields set stays empty (model.py)


def shared(f: Finding) -> Finding:
    """`f` holding one string for each value findings repeat (its own copies let go)."""
    values = f.__dict__
    for name in SHARED_FINDING_VALUES:
        if type(values[name]) is str:
            values[name] = sys.intern(values[name])
    if not f.__pydantic_fields_set__:
        object.__setattr__(f, "__pydantic_fields_set__", NOTHING_SET)
    return f


def claims_of(rows) -> list[Claim] | None:
    """The claims of a document's `.claims` entry; None when it is not one."""
    try:
        return [claim_of(r) for r in rows]
    except (TypeError, ValueError):
        return None


def error_row(e: FactlintError | None) -> list | None:
    return None if e is None else [str(e), e.path]


def error_of(row: list | None) -> FactlintError | None:
    if row is None:
        return None
    text, path = row
    error = FactlintError(text)
    error.path = path
    return error


def prepared_row(p) -> dict:
    """A prepared document's entry, without its claims (kept apart: `claims_row`) and its text
    (`text_row`), so that a re-check reads only what it needs of an unchanged document."""
    return {"rel": p.rel, "doc": document_row(p.doc) if p.doc else None, "claims": len(p.claims),
            "warnings": [error_row(w) for w in p.warnings], "read_error": error_row(p.read_error),
            "extract_error": error_row(p.extract_error), "annotated": p.annotated, "names_key": p.names_key}


def claims_row(p) -> list:
    return [claim_row(c) for c in p.claims]


class Stored:
    """A prepared document whose entries were written where it was prepared (a worker): only its
    entry row travels back, with the names that tie it to its story (grouping the stories would
    otherwise read every text back from the cache, in the main process while the workers wait),
    and its claims and text are read from the cache when needed."""

    __slots__ = ("row", "names")

    def __init__(self, row: dict, names: list[str] | None = None):
        self.row, self.names = row, names


def store(p, cache: Cache, key: str) -> Stored | None:
    """Write the entries of a prepared document: its claims, text, the report's JSON text of its
    claims and its entry. None (nothing written) for one whose context waits for the
    collection's years."""
    if not (p.annotated or p.doc is None):
        return None
    from factlint.checker.render.json import claims_fragment

    row = prepared_row(p)
    cache.write_parts(key, document_parts(p, row, claims_fragment(p.claims) if p.claims else None))
    return Stored(row, p.names)


def document_parts(p, row: dict, report_text: bytes | None = None) -> dict[bytes, bytes]:
    """The parts of a prepared document's file (`Cache.write_parts`): its entry `row`, claims and
    text, and the report's JSON text of its claims when given."""
    parts = {ENTRY: encode(row, compress=False), CLAIMS: encode(claims_row(p), finite=all_finite(p.claims))}
    if p.doc is not None:
        parts[TEXT] = encode(text_row(p.doc))
    if report_text is not None:
        parts[REPORT] = report_text
    return parts


def prepared_of(entry: dict, claims, text):
    """The Prepared of an entry, with `claims` (a list, or the CachedClaims read on demand) and
    `text` (CachedText: the document's text, read on demand)."""
    from factlint.checker.engine.prepare import Prepared

    names_key = entry["names_key"]
    if names_key is not None and not isinstance(names_key, str):
        raise ValueError("names_key")
    doc, rel = document_of(entry["doc"], text) if entry["doc"] else None, entry["rel"]
    return Prepared(rel=doc.path if doc is not None and doc.path == rel else rel, doc=doc,
                    claims=claims, warnings=[error_of(w) for w in entry["warnings"]],
                    read_error=error_of(entry["read_error"]), extract_error=error_of(entry["extract_error"]),
                    annotated=entry["annotated"], names_key=names_key)
