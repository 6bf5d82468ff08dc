"""What the main process (an archive's client) holds for each article stays small: documents and
findings share the values they repeat, the index keeps entries as text, a cluster is given a
few tasks ahead, and grouping the stories reads no article's text."""

from __future__ import annotations

import shutil
from concurrent.futures import Future
from pathlib import Path

import pytest

from factlint.checker.engine.cache import Cache, document_of, document_row, shared
from factlint.checker.engine.findings import cached_findings, keep_findings
from factlint.checker.engine.index import DocumentIndex, _load
from factlint.checker.model import TEXT_SOURCE, Document, Finding
from factlint.checker.pipeline import Options, _check, check
from factlint.rules.loader import RuleSet

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


def document(**fields) -> Document:
    return Document(id="a/one.md", path="a/one.md", title="T", source="Der " + "Kurier", lang="d" + "e",
                    format="md", text="Text", scan="Text", **fields)


def test_cached_documents_share_repeated_values_and_stay_apart_when_assigned():
    made = document(url="u", published="2025-01-02", published_from="text", lang_from="detected", headline=(0, 1),
                    body_start=0)
    entry = document_row(made)
    first, second = (document_of([list(entry[0]), list(entry[1])], lambda: ("Text", "Text")) for _ in range(2))
    assert first.model_dump() == second.model_dump() == made.model_dump()
    assert first.lang is second.lang and first.source is second.source and first.id is first.path
    assert first.model_fields_set is second.model_fields_set == set(Document.model_fields)  # every field set: shared
    first.title = "Other"
    assert second.title == "T" and first.title == "Other" and first.text == "Text"
    assert second.model_fields_set == set(Document.model_fields)
    partly = document_row(document())
    one, two = (document_of([list(partly[0]), list(partly[1])], lambda: ("Text", "Text")) for _ in range(2))
    one.url = "u"  # recorded as set in its own record only
    assert "url" in one.model_fields_set and "url" not in two.model_fields_set


def test_findings_share_repeated_values_and_read_back_equal(tmp_path):
    f = Finding(id="", kind="agreement", code="FL" + "301", name="agreement", severity="info",
                claims=["c1", "c2"], message="m", measure="revenue", bases=("abc", None))
    cache = Cache(tmp_path, "salt")
    keep_findings(cache, cache.key("story"), [f])
    [back] = cached_findings(cache, cache.key("story"))
    [read] = cached_findings(cache, cache.key("story"))
    assert read.message == "m" and read == back and repr(read) == repr(back)  # details read, or not yet: equal
    assert back.model_dump() == f.model_dump() and back.bases == f.bases
    other = shared(Finding.model_validate(f.model_dump()))
    assert other.code is back.code and other.kind is back.kind
    other.status = "confirmed"
    assert back.status == "open"


def test_the_index_keeps_made_entries_as_text_and_writes_them_all(tmp_path):
    def write(path, data):
        Path(path).write_bytes(data)

    index = DocumentIndex(tmp_path, write)
    index.put("k1", {"rel": "a.md", "claims": 3, "doc": None})
    assert isinstance(index.used["k1"], bytes)
    index.save()
    again = DocumentIndex(tmp_path, write)
    assert again.get("k1") == {"rel": "a.md", "claims": 3, "doc": None}
    again.put("k2", {"rel": "ü.md", "claims": 0, "doc": None})  # one read from the index, one made
    again.save()
    assert _load(tmp_path / "documents") == {"k1": {"rel": "a.md", "claims": 3, "doc": None},
                                             "k2": {"rel": "ü.md", "claims": 0, "doc": None}}


class FakeClient:
    """Runs each task at once; records how many were submitted and not yet taken back."""

    def __init__(self, workers: int):
        self.workers, self.out, self.most = workers, 0, 0

    def scheduler_info(self):
        return {"workers": {f"w{n}": {} for n in range(self.workers)}}

    def submit(self, fn, batch, pure=False, **kwargs):
        self.out += 1
        self.most = max(self.most, self.out)
        future = Future()
        future.set_result(fn(batch, **kwargs))
        future.release = self.released
        return future

    def released(self):
        self.out -= 1


def test_the_cluster_is_given_a_few_batches_per_worker_ahead_and_results_come_in_order():
    from factlint.checker.engine.cluster import AHEAD, DaskEngine

    client = FakeClient(workers=2)
    engine = DaskEngine(client, RuleSet.load())
    batches = ([n, n + 1] for n in range(0, 200, 2))
    results = list(engine.in_order(lambda batch, plus: [x + plus for x in batch], batches, plus=1))
    assert results == [[n + 1, n + 2] for n in range(0, 200, 2)]
    assert client.most == AHEAD * 2 and client.out == 0


@pytest.fixture
def archive(tmp_path, monkeypatch):
    monkeypatch.delenv("FACTLINT_NO_CACHE", raising=False)
    root = tmp_path / "archive"
    for story in ("qwen-neujahr", "lumora-batteriewerk", "hitzewelle-aubrac"):
        shutil.copytree(CORPUS / story, root / story)
    (root / ".factlint").mkdir()
    return root


def test_a_first_run_with_the_cache_groups_the_stories_without_reading_an_article_text(archive, monkeypatch):
    """The workers (here the process pool's; the cluster's alike) send each document's names with
    its entry: the main process reads no text, and reports what a run without the cache does."""
    from factlint.checker.engine import local

    monkeypatch.setattr(local, "POOL_FROM", 2)
    read = []
    real = Cache.read_json_part
    monkeypatch.setattr(Cache, "read_json_part", lambda self, key, name: read.append(name) or real(self, key, name))
    report = _check([archive], Options(lazy=True, jobs=2, root=archive), RuleSet.load(), None)
    assert report.documents and all(TEXT_SOURCE in d.__dict__ for d in report.documents)  # no text read
    assert b"text" not in read
    plain = check([archive], Options(jobs=1, cache=False, root=archive))
    assert [f.model_dump() for f in report.findings] == [f.model_dump() for f in plain.findings]
