"""The engine never imports the UI: `checker` stays free of textual and rich."""

from __future__ import annotations

import subprocess
import sys


def test_engine_and_cli_import_without_textual_or_rich():
    code = ("import sys, checker.pipeline, checker.cli, checker.decisions, checker.report; "
            "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich', 'tui')); "
            "print(','.join(bad))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
