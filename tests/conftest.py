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


@pytest.fixture(scope="session")
def _user_cache(tmp_path_factory):
    return tmp_path_factory.mktemp("user-cache")


@pytest.fixture(autouse=True)
def _no_cache(monkeypatch, _user_cache):
    """Tests run without the corpus cache (checker/engine/cache.py): a test that replaces a stage
    must not leave its made-up claims or findings for the next test to read. The cache's own
    tests turn it on; the tables kept between runs (checker/tables.py) then go to a folder of
    the test session, never the user's."""
    monkeypatch.setenv("FACTLINT_NO_CACHE", "1")
    monkeypatch.setenv("XDG_CACHE_HOME", str(_user_cache))
