"""Shared test settings: the packaging test runs in CI (.ci/run sets FACTLINT_PACKAGING=1); tests
run without the corpus cache unless they test it."""

from __future__ import annotations

import os

import pytest

PACKAGING = "FACTLINT_PACKAGING"


def pytest_collection_modifyitems(config, items):
    """Tests marked `packaging` build the wheel and install it with its dependencies into a
    fresh venv (about a minute): .ci/run runs them; a quick local run leaves them out unless
    FACTLINT_PACKAGING=1."""
    if os.environ.get(PACKAGING) == "1":
        return
    skip = pytest.mark.skip(reason=f"builds and installs the wheel; {PACKAGING}=1 runs it (.ci/run does)")
    for item in items:
        if "packaging" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(autouse=True)
def _no_cache(monkeypatch):
    """Tests run without the corpus cache (checker/engine/cache.py): a test that replaces a stage
    must not leave its made-up claims or findings for the next test to read. The cache's own
    tests turn it on."""
    monkeypatch.setenv("FACTLINT_NO_CACHE", "1")
