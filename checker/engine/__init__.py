"""Running the per-document stages: in process, on all cores (`local`), from the cache (`cache`),
or on a Dask cluster (`dask`).

Every document goes through the same function, `prepare` (checker/engine/prepare.py): read it,
extract its claims, give them their ids and their context. Those stages look at one document
only, so they can run anywhere and be kept between runs; what looks across documents (the years
an undated article takes from the collection, the stories, alignment and comparison) runs after
them in the main process (or per story, on Dask).
"""

from factlint.checker.engine.prepare import Prepared, annotate_claims, annotate_or_drop, prepare

__all__ = ["Prepared", "annotate_claims", "annotate_or_drop", "prepare"]
