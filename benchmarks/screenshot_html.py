"""The HTML report in a real browser: render a corpus with `--format html`, take a headless
Chromium screenshot, and check that the browser drew a page (not a blank or an error page).

    python benchmarks/screenshot_html.py [CORPUS] [--out report.png]

Needs Chromium (Debian: `apt-get install chromium`); it is not part of the test suite because
CI machines need not have a browser. Prints the report's size, the screenshot's size and how
many distinct colours it has; exits 1 when the screenshot is missing or blank.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def browser() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        if shutil.which(name):
            return shutil.which(name)
    return None


def colours(png: bytes, sample: int = 50_000) -> int:
    """Distinct byte triples in the first decoded scanlines of an RGB(A) PNG (a rough 'not blank')."""
    data, at = b"", 8
    while at < len(png):
        length = int.from_bytes(png[at:at + 4], "big")
        kind = png[at + 4:at + 8]
        if kind == b"IDAT":
            data += png[at + 8:at + 8 + length]
        at += 12 + length
    raw = zlib.decompress(data)[:sample * 4]
    return len({raw[i:i + 3] for i in range(0, len(raw) - 3, 4)})


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", default=str(ROOT / "corpus"))
    ap.add_argument("--out", default=None, help="where to keep the screenshot (default: a temp folder)")
    args = ap.parse_args()
    chromium = browser()
    if chromium is None:
        print("no Chromium found (apt-get install chromium)", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "report.html"
        shot = Path(args.out) if args.out else Path(tmp) / "report.png"
        factlint = Path(sys.executable).with_name("factlint")
        subprocess.run([str(factlint), "check", args.corpus, "--format", "html", "-o", str(page)],
                       capture_output=True, text=True)
        if not page.exists():
            print("factlint wrote no report", file=sys.stderr)
            return 1
        subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                        f"--screenshot={shot}", "--window-size=1280,2400", page.as_uri()],
                       capture_output=True, text=True, timeout=120)
        if not shot.exists():
            print("Chromium made no screenshot", file=sys.stderr)
            return 1
        png = shot.read_bytes()
        n = colours(png)
        print(f"report {page.stat().st_size:,} bytes; screenshot {len(png):,} bytes, {n} colours"
              + (f", kept at {shot}" if args.out else ""))
        return 0 if png.startswith(b"\x89PNG") and n > 20 else 1


if __name__ == "__main__":
    sys.exit(main())
