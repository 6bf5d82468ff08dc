"""Write docs/report.schema.json, the JSON Schema of `factlint check --format json`.

The schema is generated from the pydantic models (serialization mode); a test
regenerates it and fails when the committed file differs. After changing
checker/model.py, run:  python scripts/write_schema.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCHEMA_PATH = ROOT / "docs" / "report.schema.json"


def schema_text() -> str:
    from factlint.checker.report import report_schema

    return json.dumps(report_schema(), indent=2, ensure_ascii=False) + "\n"


def main() -> int:
    sys.path.insert(0, str(ROOT))
    SCHEMA_PATH.write_text(schema_text(), encoding="utf-8")
    print(f"wrote {SCHEMA_PATH.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
