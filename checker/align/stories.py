"""Documents → stories: only claims of one story are compared.

A collection organised in story folders has a story per folder; a large unorganised one is
split by the rare names its documents share.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter, defaultdict

from factlint.checker.model import Document


NAME = re.compile(r"(?<=[a-zäöüß0-9,;] )[A-ZÄÖÜ][\w-]{2,}")
SHARED_NAMES = 2  # names two documents must share to be one story
ONE_STORY = 50  # a collection this small is one story: too few documents to tell names from nouns
STORY_DOCS = 8  # a name in more documents than a story has (or a quarter of the square root of the collection) is too common to link them


def stories(docs: list[Document], names: dict[str, list[str]] | None = None) -> dict[str, int]:
    """Group documents into stories; only claims of one story are compared.

    A collection organised in story folders (three or more top-level folders holding two or
    more documents each, as corpus/ is) has a story per folder. Within a folder (or an
    unorganised collection), up to ONE_STORY documents are one story: too few to tell names
    from nouns. Beyond that, two documents belong together when they share at least two
    names (capitalised words inside sentences) that are no more common than a story can be.
    `names` holds each document's `doc_names` where known already (kept in the cache)."""
    groups: dict[str, list[Document]] = defaultdict(list)
    folders = Counter(d.path.split("/")[0] for d in docs if "/" in d.path)
    by_folder = sum(1 for n in folders.values() if n >= 2) >= 3
    for d in docs:
        groups[d.path.split("/")[0] if by_folder and "/" in d.path else ""].append(d)
    out: dict[str, int] = {}
    for _, members in sorted(groups.items()):
        base = len(set(out.values()))
        for path, story in _name_stories(members, names or {}).items():
            out[path] = base + story
    return out


def doc_names(doc: Document) -> list[str]:
    """The names that may tie a document to others of its story, each once, sorted."""
    return sorted(set(NAME.findall(doc.scan or doc.text)))


def names_digest(names: list[str]) -> str:
    """A short hash of a document's `doc_names`: the same names, the same digest."""
    return hashlib.blake2b("\0".join(names).encode("utf-8", "surrogateescape"), digest_size=16).hexdigest()


def _name_stories(docs: list[Document], known: dict[str, list[str]]) -> dict[str, int]:
    if len(docs) <= ONE_STORY:
        return {d.path: 0 for d in docs}
    names = {d.path: known[d.path] if d.path in known else doc_names(d) for d in docs}
    df = Counter(n for ns in names.values() for n in ns)
    limit = max(STORY_DOCS, int(math.sqrt(len(docs)) / 4))
    holders: dict[str, list[str]] = defaultdict(list)
    for path, ns in names.items():
        for n in ns:
            if 2 <= df[n] <= limit:
                holders[n].append(path)
    shared: Counter = Counter()
    for paths in holders.values():
        for i, a in enumerate(paths):
            for b in paths[i + 1:]:
                shared[(a, b)] += 1
    parent = {d.path: d.path for d in docs}

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for (a, b), k in shared.items():
        if k >= SHARED_NAMES:
            parent[find(a)] = find(b)
    roots: dict[str, int] = {}
    return {d.path: roots.setdefault(find(d.path), len(roots)) for d in docs}


def story_names(docs: list[Document], story_of: dict[str, int]) -> dict[int, str]:
    """A name a person recognises for each story: the folder all its documents share, else the
    title of its first titled document (by path), else its first document's path."""
    members: dict[int, list[Document]] = defaultdict(list)
    for d in sorted(docs, key=lambda d: d.path):
        members[story_of.get(d.path, 0)].append(d)
    names = {}
    for story, ds in members.items():
        folders = {d.path.split("/")[0] if "/" in d.path else "" for d in ds}
        folder = folders.pop() if len(folders) == 1 else ""
        titled = next((d.title for d in ds if d.title), None)
        names[story] = folder or (" ".join(titled.split()) if titled else ds[0].path)
    return names
