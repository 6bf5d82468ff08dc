"""The engine never imports the UI: `import checker` (and a pipeline run) leaves Textual and Rich out."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_engine_does_not_import_textual_or_rich(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Der Umsatz stieg am 2026-02-06 um 3 Prozent auf 12,4 Mrd. Euro.\n", encoding="utf-8")
    code = textwrap.dedent(f"""
        import sys
        import factlint.checker, factlint.checker.cli, factlint.checker.pipeline, factlint.checker.ingest, factlint.checker.extract, factlint.checker.jsonl, factlint.checker.config
        from factlint.checker.pipeline import check
        check([{str(article)!r}])
        loaded = sorted(m for m in sys.modules if m.split(".")[0] in ("textual", "rich"))
        print(",".join(loaded))
    """)
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""
