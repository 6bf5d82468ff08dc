"""The pipeline end to end: ingest → extract → context → align → compare → report."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable
from pathlib import Path

from factlint.checker.errors import FactlintError, describe, internal_error
from factlint.checker.model import Claim, Document, FileError, Finding, Report
from factlint.checker.report import build_report
from factlint.checker.engine.cache import Cache, Stored, document_parts, prepared_row
from factlint.checker.engine.lazy import CachedClaims, ClaimList, Source, flat
from factlint.checker.decisions import DecisionStore, default_path as default_decisions_path
from factlint.checker.select import Selection, is_selected, validate

if TYPE_CHECKING:
    from factlint.rules.loader import RuleSet


@dataclass
class Options:
    rules_dirs: tuple[str, ...] = ()
    decisions: Path | None = None
    exclude: tuple[str, ...] = ()  # globs of files and folders not to read (factlint.toml)
    config: Path | None = None  # the factlint.toml in use, if any (checker/config.py)
    follow_symlinks: bool = False  # read files that symbolic links in the corpus point to outside it
    # The corpus root (checker/config.py): document paths and finding ids are relative to it.
    # None: no root was found, and each document is named relative to the PATH that holds it.
    root: Path | None = None
    select: Selection = field(default_factory=Selection)  # --select / select = [...] in factlint.toml
    ignore: Selection = field(default_factory=Selection)  # --ignore / ignore = [...]
    # `check -`: the article read from standard input, as (file name, text).
    stdin: tuple[str, str] | None = None
    # Called as progress(stage, done, total) while the pipeline runs (the review TUI's progress bar).
    progress: Callable[[str, int, int], None] | None = None
    jobs: int | None = None  # processes for the per-document stages: None every core, 1 this one only
    cache: bool = True  # keep and reuse what was made of each file and story (.factlint/cache/, checker/engine/cache.py)
    engine: str = "local"  # "dask": run on a Dask cluster (checker/engine/cluster.py)
    scheduler: str | None = None  # the Dask scheduler's address; None starts a local cluster
    # The report's claims may stay in the cache until read (a ClaimList, checker/engine/lazy.py):
    # for the CLI, which writes them once; a caller that works on the claims wants a list.
    lazy: bool = False


def extract_documents(docs: list[Document], options: Options = Options(), rules: RuleSet | None = None,
                      errors: list[FactlintError] | None = None) -> list[list[Claim]]:
    """The claims of each document, in document order. A bug met in one document gives it no
    claims and an error in `errors` (raised when no list is given); the others go on."""
    from factlint.rules.loader import RuleSet

    rules = rules or RuleSet.load(options.rules_dirs)
    out, packs = [], []
    for n, doc in enumerate(docs):
        if options.progress and n % 50 == 0:
            options.progress("extracting claims", n, len(docs))
        pack = rules.pack(doc.lang)
        out.append(extract_one(doc, pack, errors))
        packs.append(pack)
    settle_years(docs, out, packs)
    return out


def extract(doc: Document, pack) -> list[Claim]:
    """checker/extract.py's `extract` (imported when first needed: a re-check may extract nothing);
    tests replace this name."""
    from factlint.checker.extract import extract as extract_claims

    return extract_claims(doc, pack)


def settle_years(docs, per_doc, packs) -> None:
    from factlint.checker.normalize.dates import settle_years as settle

    settle(docs, per_doc, packs)


def extract_one(doc: Document, pack, errors: list[FactlintError] | None) -> list[Claim]:
    from factlint.checker.normalize.dates import date_unknown_published

    try:
        date_unknown_published(doc, pack)
        return extract(doc, pack)
    except Exception as exc:
        if errors is None:
            raise
        errors.append(internal_error(exc, doc.path))
        return []


def compare_claims(docs: list[Document], claims: Sequence[Claim], rules: RuleSet, cache: Cache | None = None,
                   keys: dict[str, str] | None = None, engine=None,
                   errors: list[FactlintError] | None = None,
                   names: dict[str, tuple[str, list[str] | None]] | None = None, jobs: int | None = None
                   ) -> list[Finding]:
    """align → compare of claims whose ids and context are set, story by story (only claims of
    one story are compared): findings with `id=""` (the report assigns fingerprints, from the
    `bases` each gets here), each named by its story. With a cache and the cache keys of the
    documents, a story none of whose documents changed is not compared again, and its claims
    are not even read (`claims` may be a ClaimList of cached ones). `engine`
    (checker/engine/cluster.py) compares the stories on a cluster. With an `errors` list, a bug
    met comparing one story is an error naming its files (`story_error`) and the other stories
    go on; else it is raised. Stories whose claims are all in the cache are compared on `jobs`
    processes (checker/engine/local.py: `compare_all`), which read them there."""
    from factlint.checker.engine.cache import shared
    from factlint.checker.engine.findings import cached_findings, keep_findings

    (story_of, story_names), langs = story_map(docs, cache, names), {d.path: d.lang for d in docs}
    published = {d.path: d.published.isoformat() for d in docs if d.published}
    groups = story_parts(claims, story_of)
    found: list[list[Finding] | None] = [None] * len(groups)
    keys_of: list[str | None] = [None] * len(groups)
    if cache is not None and keys is not None:
        for i, parts in enumerate(groups):
            own = sorted({keys.get(path) or "" for path, _ in parts})
            keys_of[i] = cache.key("story", *own) if all(own) else None
            found[i] = cached_findings(cache, keys_of[i]) if keys_of[i] else None
    todo = [i for i, f in enumerate(found) if f is None]
    on_cluster = engine is not None and cache is not None and todo and all_cached([groups[i] for i in todo])
    if on_cluster or engine is None and cache is not None and todo and worth_a_pool([groups[i] for i in todo], jobs):
        from factlint.checker.engine.local import compare_all

        # Each task names its documents' entries: the workers read the claims from the cache.
        # (made as the cluster takes them: an archive's client never holds them all)
        tasks = (StoryTask([(path, part.key, len(part)) for path, part in groups[i]], story_of, langs, published,
                           keys_of[i], errors is not None) for i in todo)
        stored = engine.compare_stored(tasks, cache) if on_cluster else compare_all(list(tasks), rules, cache, jobs)
        for i, (result, story_errors) in zip(todo, stored):
            if result is not None or story_errors:  # (None and no error: its claims left the cache meanwhile)
                found[i] = [shared(f) for f in result or ()]
                errors.extend(story_errors)
        todo = [i for i in todo if found[i] is None]
    from factlint.checker.engine.profiles import fill_story

    by_path = {d.path: d for d in docs}
    for i in todo:  # a huge document was prepared without the profiles alignment reads
        fill_story(groups[i], by_path, rules)
    story_claims = ([c for _, part in groups[i] for c in flat(part)] for i in todo)
    if engine is not None and todo:
        story_claims = list(story_claims)
        results = zip(story_claims, engine.compare_stories(story_claims, story_of, langs, published))
    else:
        results = ((own, compare_story(own, rules, story_of, langs, published, errors)) for own in story_claims)
    for i, (own, result) in zip(todo, results):
        found[i] = result or []
        story_bases(found[i], own)
        if keys_of[i] and result is not None:
            keep_findings(cache, keys_of[i], result)
    findings = [f for result in found for f in result]
    for f in findings:
        f.story = story_names.get(story_of.get(f.story, 0)) if f.story is not None else None
    return findings


def story_bases(findings: list[Finding], claims: list[Claim]) -> None:
    """Each finding's id before numbering (`bases`) and its story's first document (named later)."""
    from factlint.checker.fingerprint import finding_bases

    by_id = {c.id: c for c in claims}
    for f in findings:
        f.bases = finding_bases(f, by_id)
        first = by_id.get(f.claims[0]) if f.claims else None
        f.story = first.document if first else None


@dataclass
class StoryTask:
    """One story to compare where its claims are read from the cache: (document, its entry's
    key, its number of claims) per part, the maps `compare` takes (for the story's documents)
    and the key its findings are kept under."""

    parts: list[tuple[str, str, int]]
    story_of: dict[str, int]
    langs: dict[str, str]
    published: dict[str, str]
    key: str | None
    collect: bool  # a bug met comparing it is an error of its files (else raised)

    def __post_init__(self):
        docs = {path for path, _, _ in self.parts}
        self.story_of, self.langs, self.published = ({d: table[d] for d in docs if d in table}
                                                     for table in (self.story_of, self.langs, self.published))


def compare_stored(task: StoryTask, rules: RuleSet, cache: Cache) -> tuple[list[Finding] | None, list[FactlintError]]:
    """A story's findings from its claims in the cache (kept there too): (findings, errors met);
    (None, []) when its claims are not all in the cache, or when one of several documents has
    claims without profiles (a huge one, prepared in pieces: the main process, which has the
    document, makes them: checker/engine/profiles.py)."""
    from factlint.checker.engine.cache import CLAIMS, claims_of
    from factlint.checker.engine.findings import keep_findings

    claims: list[Claim] = []
    for _, key, count in task.parts:
        rows = cache.read_json_part(key, CLAIMS)
        part = claims_of(rows) if rows is not None else None
        if part is None or len(part) != count:
            return None, []
        if len(task.parts) > 1 and part and not any(c.about for c in part):
            return None, []
        claims += part
    errors: list[FactlintError] | None = [] if task.collect else None
    result = compare_story(claims, rules, task.story_of, task.langs, task.published, errors)
    if result is not None:
        story_bases(result, claims)
        if task.key:
            keep_findings(cache, task.key, result)
    return result, errors or []


def worth_a_pool(stories: list[list[tuple[str, Sequence[Claim]]]], jobs: int | None) -> bool:
    """Whether stories are compared on the process pool: enough documents, every one's claims in
    the cache, and more than one process allowed."""
    from factlint.checker.engine.local import POOL_FROM, default_jobs

    if (jobs or default_jobs()) < 2 or sum(len(parts) for parts in stories) < POOL_FROM:
        return False
    return all_cached(stories)


def all_cached(stories: list[list[tuple[str, Sequence[Claim]]]]) -> bool:
    """Whether every document's claims of the stories are in the cache (where workers read them)."""
    return all(isinstance(part, CachedClaims) for parts in stories for _, part in parts)



def story_map(docs: list[Document], cache: Cache | None, known: dict[str, tuple[str, list[str] | None]] | None = None
              ) -> tuple[dict[str, int], dict[int, str]]:
    """Each document's story and each story's name (checker/align/stories.py), from the cache
    when no document's path, title or names (`doc_names`) changed. `known` holds the digest of a
    document's names, and the names where known (made in this run); the others are read from
    its text, only when the stories are grouped again."""
    from factlint.checker.align.stories import doc_names, names_digest, stories, story_names

    known = known or {}
    key = names = None
    if cache is not None:
        names = {d.path: doc_names(d) for d in docs if d.path not in known}
        digests = {d.path: known[d.path][0] if d.path in known else names_digest(names[d.path]) for d in docs}
        key = cache.key("stories", *sorted("\0".join([d.path, d.title or "", digests[d.path]]) for d in docs))
        kept = cache.read(key)
        try:
            story_of, titles = kept["stories"], {int(k): v for k, v in kept["names"].items()}
            if story_of.keys() == {d.path for d in docs}:
                return story_of, titles
        except (AttributeError, KeyError, TypeError, ValueError):
            pass
        names.update((path, ns) for path, (_, ns) in known.items() if ns is not None)
    story_of = stories(docs, names)
    titles = story_names(docs, story_of)
    if key is not None:
        cache.write(key, {"stories": story_of, "names": titles}, compress=False)
    return story_of, titles


def story_parts(claims: Sequence[Claim], story_of: dict[str, int]) -> list[list[tuple[str, Sequence[Claim]]]]:
    """The claims of each story as (document, its claims) parts, stories in their order, claims
    in theirs; a document without claims is in none."""
    if isinstance(claims, ClaimList):
        runs = claims.parts
    else:
        runs = []
        for c in claims:
            if runs and runs[-1][0] == c.document:
                runs[-1][1].append(c)
            else:
                runs.append((c.document, [c]))
    groups: dict[int, list[tuple[str, Sequence[Claim]]]] = {}
    for path, part in runs:
        if len(part):
            groups.setdefault(story_of.get(path, 0), []).append((path, part))
    return [groups[s] for s in sorted(groups)]


def compare_story(claims: list[Claim], rules: RuleSet, story_of: dict[str, int], langs: dict[str, str],
                  published: dict[str, str], errors: list[FactlintError] | None) -> list[Finding] | None:
    """The findings of one story; None after a bug, which `errors` then holds (raised without a list)."""
    from factlint.checker.compare import compare

    try:
        return compare(claims, rules, story_of, langs, published)
    except Exception as exc:
        if errors is None:
            raise
        errors.append(story_error(exc, sorted({c.document for c in claims})))
        return None


def story_error(exc: BaseException, paths: list[str]) -> FactlintError:
    """A bug met comparing the story of `paths`: one line naming its first file and the others."""
    others = ", ".join(paths[1:4]) + (" …" if len(paths) > 4 else "")
    return FactlintError(f"internal error comparing its story{' with ' + others if others else ''}: "
                         f"{describe(exc)} (the other stories go on; please report it)", paths[0])


def by_story(claims: list[Claim], story_of: dict[str, int]) -> list[list[Claim]]:
    """The claims of each story, stories in their order, claims in theirs."""
    groups: dict[int, list[Claim]] = {}
    for c in claims:
        groups.setdefault(story_of.get(c.document, 0), []).append(c)
    return [groups[s] for s in sorted(groups)]


@dataclass
class Plan:
    """What a check settles before it reads any article: the cache, the rule set, the files
    to read with their report paths (checker/ingest) and each file's cache key (from the
    manifest: a file's `stat`, else its bytes' hash; None without a cache)."""

    cache: Cache | None
    rules: RuleSet
    ingested: object  # checker.ingest.Ingested
    to_read: list[tuple[Path, str]]
    keys: list[str | None]
    decisions: Path


def plan(paths: list[str | Path], options: Options = Options(), rules: RuleSet | None = None,
         cache: Cache | None | bool = True) -> Plan:
    from factlint.checker import tables
    from factlint.checker.ingest import plan_ingest
    from factlint.rules.loader import RuleSet

    tables.enable(options.cache)
    if cache is True:
        cache = open_cache(paths, options)
    if rules is None:
        # Loaded once; every stage takes this value. Rule files the cache saw validate (the same
        # bytes) are read only when a stage needs them; others are all read and checked now.
        known = cache is not None and cache.rules_known_valid()
        rules = RuleSet.load(options.rules_dirs, lazy=known)
        if cache is not None and not known:
            cache.mark_rules_valid()
    validate_selection(options, rules)
    ingested, to_read = plan_ingest(paths, options.exclude, rules, options.follow_symlinks, root=options.root,
                                    stdin=options.stdin)
    folder_paths = [p for p in paths if str(p) != "-"] or ["."]
    return Plan(cache, rules, ingested, to_read, document_keys(to_read, cache),
                options.decisions or default_decisions_path(folder_paths))


def check(paths: list[str | Path], options: Options = Options(), planned: Plan | None = None) -> Report:
    """The report on the articles under `paths` (a PATH `-` is `options.stdin`), decisions applied."""
    planned = planned or plan(paths, options)
    if options.engine == "dask":
        from factlint.checker.engine.cluster import dask_engine

        with dask_engine(planned.rules, options.scheduler, options.jobs) as engine:
            return _check(paths, options, planned.rules, engine, planned=planned)
    return _check(paths, options, planned.rules, None, planned=planned)


def open_cache(paths: list[str | Path], options: Options) -> Cache | None:
    """The cache of the corpus (None with --no-cache or FACTLINT_NO_CACHE)."""
    if not options.cache or os.environ.get("FACTLINT_NO_CACHE"):
        return None
    folder_paths = [p for p in paths if str(p) != "-"] or ["."]
    return Cache.open(cache_folder(folder_paths, options.root), options.rules_dirs)


def _check(paths: list[str | Path], options: Options, rules: RuleSet, engine, cache: Cache | None | bool = True,
           planned: Plan | None = None) -> Report:
    planned = planned or plan(paths, options, rules, cache)
    cache, ingested = planned.cache, planned.ingested
    docs, claims, errors, warnings, keys, names = prepare_documents(ingested, planned.to_read, options, rules, cache,
                                                                    engine, planned.keys)
    store = DecisionStore.load(planned.decisions)
    extra = {"engine": engine} if engine is not None else {}
    if cache is not None:
        extra.update(cache=cache, keys=keys, names=names, jobs=options.jobs)
    report = report_of(docs, claims, options, rules, errors, store, **extra)
    report.root = str(options.root) if options.root else (str(paths[0]) if len(paths) == 1 else None)
    report.files, report.named = ingested.files, ingested.named
    report.warnings = [FileError(path=w.path or "", message=str(w)) for w in warnings]
    return report


def check_documents(docs: list[Document], options: Options, rules: RuleSet,
                    errors: list[FactlintError] | None = None, store: DecisionStore | None = None) -> Report:
    """Documents → Report: claims with ids, the selected checks' findings with ids, decisions applied."""
    from factlint.checker.context import annotate
    from factlint.checker.fingerprint import assign_claim_ids

    errors = [] if errors is None else errors
    validate_selection(options, rules)
    per_doc = extract_documents(docs, options, rules, errors)
    claims = [c for doc_claims in per_doc for c in doc_claims]
    assign_claim_ids(claims)
    for doc, doc_claims in zip(docs, per_doc):
        try:
            annotate([doc], doc_claims, rules)
        except Exception as exc:  # a bug in one document's context: that file's error, the others go on
            errors.append(internal_error(exc, doc.path))
            failed = {id(c) for c in doc_claims}
            claims = [c for c in claims if id(c) not in failed]
    return report_of(docs, claims, options, rules, errors, store)


def validate_selection(options: Options, rules: RuleSet) -> None:
    for selection in (options.select, options.ignore):
        if selection.entries:
            validate(selection.entries, selection.source, rules.checks)


def report_of(docs: list[Document], claims: list[Claim], options: Options, rules: RuleSet,
              errors: list[FactlintError], store: DecisionStore | None, **compare_options) -> Report:
    """Claims with ids and context → the selected checks' findings with ids, decisions applied."""
    if options.progress:
        options.progress("comparing claims", len(docs), len(docs))
    findings = compare_claims(docs, claims, rules, errors=errors, **compare_options)
    select, ignore = options.select.entries, options.ignore.entries
    if select or ignore:
        findings = [f for f in findings if is_selected(f.code, f.name, select, ignore)]
    file_errors = [FileError(path=e.path or "", message=str(e)) for e in errors]
    in_scope = (lambda code, name: is_selected(code, name, select, ignore)) if select or ignore else None
    return build_report(docs, claims, findings, file_errors, decisions=store, selected=in_scope)


def cache_folder(paths: list[str | Path], root: Path | None = None) -> Path:
    """`.factlint/cache/` at the corpus root, beside the decisions file. A folder that is no
    corpus root yet (no `.factlint/` folder, no factlint.toml) is not written into: its cache
    lives in the user's cache folder (`$XDG_CACHE_HOME/factlint`, else `~/.cache/factlint`),
    where entries keyed by content hash serve any folder."""
    if root:
        return root / ".factlint" / "cache"
    here = default_decisions_path(paths).parent
    if here.is_dir():
        return here / "cache"
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "factlint"


def prepare_documents(ingested, to_read: list[tuple[Path, str]], options: Options, rules: RuleSet,
                      cache: Cache | None = None, engine=None, keys: list[str | None] | None = None
                      ) -> tuple[list[Document], Sequence[Claim], list[FactlintError], list[FactlintError], dict[str, str],
                                 dict[str, tuple[str, list[str] | None]]]:
    """extract → ids → context of the documents `ingested` holds already (an article read from
    standard input) and ingest → extract → ids → context of the files `to_read` (checker/engine),
    from the cache where a file is unchanged, then the years an undated article takes from the
    collection: documents, their claims in document order (a ClaimList with `options.lazy`),
    errors (files that could not be read, then bugs met extracting), warnings, the cache key
    of each document whose entry holds its claims, and of each document the digest of the names
    that tie it to its story and those names where known (align/stories.py: doc_names)."""
    from factlint.checker.engine import annotate_or_drop
    from factlint.checker.engine.prepare import prepare_document

    read_errors: list[FactlintError] = list(ingested.errors)
    warnings: list[FactlintError] = list(ingested.warnings)
    progress = (lambda n, total: options.progress("extracting claims", n, total)) if options.progress else None
    given = [prepare_document(doc, rules, jobs=_jobs(options)) for doc in ingested.documents]
    prepared, keys = cached_documents(to_read, cache, rules, options.lazy, keys)
    missing = [i for i, p in enumerate(prepared) if p is None]
    # With the claims left in the cache (options.lazy), the workers (of the pool or the cluster)
    # write them: they never travel to this process, which reads them story by story.
    stored = (cache, [keys[i] for i in missing]) if options.lazy else ()
    if engine is not None:
        results = engine.prepare_all([to_read[i] for i in missing], rules, options.jobs, progress, *stored)
    elif missing:
        from factlint.checker.engine.local import prepare_all  # a process pool: imported when there is work

        results = prepare_all([to_read[i] for i in missing], rules, options.jobs, progress, *stored)
    else:
        results = ()
    for i, p in zip(missing, results):
        if isinstance(p, Stored):
            cache.index().put(keys[i], p.row)
            path, rel = to_read[i]
            prepared[i] = stored_document(cache, keys[i], path, rel, rules, p)
            continue
        prepared[i] = p
        if keys[i] and (p.annotated or p.doc is None):
            row = prepared_row(p)
            cache.write_parts(keys[i], document_parts(p, row))
            cache.index().put(keys[i], row)
            if options.lazy:
                p.claims = CachedClaims(cache, keys[i], len(p.claims), None, p.claims)
        elif keys[i]:
            keys[i] = None  # its claims wait for the collection's years: not kept, and its story neither
    if cache is not None:
        cache.manifest().save()
        cache.index().save()
    extract_errors: list[FactlintError] = []
    for p in given + prepared:
        warnings += p.warnings
        if p.read_error:
            read_errors.append(p.read_error)
        if p.extract_error:
            extract_errors.append(p.extract_error)
    doc_keys = {p.rel: k for p, k in zip(prepared, keys) if k and p.doc is not None}
    prepared = [p for p in given + prepared if p.doc is not None]
    names = {p.doc.path: (p.names_key, p.names) for p in prepared if p.names_key is not None}
    waiting = [p for p in prepared if not p.annotated]
    if waiting:
        for p in prepared:
            p.claims = list(p.claims)  # the years are settled from every document's claims
        settle_years([p.doc for p in prepared], [p.claims for p in prepared], [rules.pack(p.doc.lang) for p in prepared])
        for p in waiting:
            annotate_or_drop(p, rules)
            if p.extract_error and p.extract_error not in extract_errors:
                extract_errors.append(p.extract_error)
    if options.lazy:
        claims: Sequence[Claim] = ClaimList([(p.doc.path, p.claims) for p in prepared])
    else:
        claims = [c for p in prepared for c in p.claims]
    return [p.doc for p in prepared], claims, read_errors + extract_errors, warnings, doc_keys, names


def _jobs(options: Options) -> int:
    """The processes `options.jobs` allows (None: every core)."""
    from factlint.checker.engine.local import default_jobs

    return default_jobs() if options.jobs is None else max(1, options.jobs)


def document_keys(found: list[tuple[Path, str]], cache: Cache | None) -> list[str | None]:
    """Each file's cache key: its report path and content (known unchanged by its `stat`, from the
    cache's manifest, else by its bytes' hash); None without a cache or for a file not readable."""
    if cache is None:
        return [None] * len(found)
    manifest = cache.manifest()
    keys: list[str | None] = []
    for path, rel in found:
        try:
            keys.append(cache.key("document", rel, manifest.digest(path)))
        except OSError:  # reported when the file is read
            keys.append(None)
    return keys


def cached_documents(found: list[tuple[Path, str]], cache: Cache | None, rules: RuleSet,
                     lazy: bool = False, keys: list[str | None] | None = None) -> tuple[list, list[str | None]]:
    """What the cache holds for each file (None where it holds nothing), and each file's key.
    With `lazy`, an unchanged file's claims are not read (CachedClaims); its text never is
    until asked for (CachedText)."""
    keys = list(keys) if keys is not None else document_keys(found, cache)
    if cache is None:
        return [None] * len(found), keys
    prepared = [cached_document(cache, key, path, rel, rules, lazy) if key else None
                for (path, rel), key in zip(found, keys)]
    return prepared, keys


def stored_document(cache: Cache, key: str, path: Path, rel: str, rules: RuleSet, stored: Stored):
    """The Prepared of a document whose entries a worker just wrote (`stored`: its entry row and
    its names), its claims and text left in the cache."""
    from factlint.checker.engine.cache import CachedText, prepared_of

    source = Source(path, rel, rules)
    p = prepared_of(stored.row, CachedClaims(cache, key, stored.row["claims"], source), CachedText(cache, key, source))
    p.names = stored.names
    return p


def cached_document(cache: Cache, key: str, path: Path, rel: str, rules: RuleSet, lazy: bool):
    """The Prepared a document's entry holds, or None (no entry, or a damaged one)."""
    from factlint.checker.engine.cache import CLAIMS, CachedText, claims_of, prepared_of

    index = cache.index()
    entry = index.get(key)
    if entry is None:
        entry = cache.read(key)
        if not isinstance(entry, dict):
            return None
        index.put(key, entry)
    if not isinstance(entry.get("claims"), int):
        return None
    source = Source(path, rel, rules)
    if lazy:
        claims = CachedClaims(cache, key, entry["claims"], source)
    else:
        claims = claims_of(cache.read_json_part(key, CLAIMS) or ())
        if claims is None or len(claims) != entry["claims"]:
            return None
    try:
        return prepared_of(entry, claims, CachedText(cache, key, source))
    except (KeyError, TypeError, ValueError):
        return None
