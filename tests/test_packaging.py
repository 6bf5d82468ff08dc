"""The wheel installs under one `factlint` package: beside the unrelated PyPI package `rules`
in a fresh venv, both import, neither's files are touched, and the installed copy runs."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "corpora" / "units-km-miles"

pytestmark = pytest.mark.packaging


def run(*argv, cwd=None) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("VIRTUAL_ENV", "PYTHONPATH"))}
    done = subprocess.run([str(a) for a in argv], capture_output=True, text=True, cwd=cwd, env=env, timeout=900)
    assert done.returncode == 0, f"{argv}: {done.stdout[-2000:]}{done.stderr[-3000:]}"
    return done.stdout


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    run(sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--wheel-dir", out, ROOT)
    (built,) = out.glob("factlint-*.whl")
    return built


def test_wheel_holds_only_the_factlint_package_with_license_and_types(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    top = {n.split("/")[0] for n in names}
    assert {t for t in top if not t.endswith(".dist-info")} == {"factlint"}
    assert "factlint/py.typed" in names and "factlint/rules/checks/money-conflict.toml" in names
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names)
    meta = next(n for n in names if n.endswith(".dist-info/METADATA"))
    text = zipfile.ZipFile(wheel).read(meta).decode()
    assert "License-Expression: MIT" in text and "Classifier: Typing :: Typed" in text
    assert "Project-URL: Changelog" in text


def test_installs_beside_pypi_rules_and_both_import(wheel, tmp_path):
    venv = tmp_path / "venv"
    run(sys.executable, "-m", "venv", venv)
    python = venv / "bin" / "python"
    run(python, "-m", "pip", "install", "--quiet", "rules", wheel)
    probe = (
        "import pathlib, rules, factlint, factlint.rules.loader as loader\n"
        "site = pathlib.Path(rules.__file__).parent.parent\n"
        "assert not (site / 'checker').exists() and not (site / 'tui').exists(), 'claims checker/ or tui/'\n"
        "assert not (pathlib.Path(rules.__file__).parent / 'loader.py').exists(), 'overwrote rules/'\n"
        "assert callable(rules.add_perm) and rules.test_rule('missing') is False\n"
        "claims = factlint.extract('Der Tunnel ist 34 Kilometer lang.', lang='de')\n"
        "assert [(c.kind, c.value, c.unit) for c in claims] == [('quantity', 34.0, 'km')] and claims[0].id\n"
        "print(factlint.__version__, loader.__file__)\n"
    )
    out = run(python, "-c", probe, cwd=tmp_path)
    assert "site-packages/factlint/rules/loader.py" in out
    report = subprocess.run([venv / "bin" / "factlint", "check", FIXTURE, "--format", "concise"],
                            capture_output=True, text=True, cwd=tmp_path)
    assert report.returncode == 1 and "FL1" in report.stdout, report.stdout + report.stderr
