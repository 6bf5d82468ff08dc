"""Save docs/review.svg: the review screen (`factlint review`) on one bundled story, as the
README shows it. Textual renders the screen to SVG itself (`App.save_screenshot`), so no
terminal or browser is needed. The story is copied to a temporary folder without its
decisions, so its findings are open; the first one is opened.

    python scripts/screenshot_review.py [--story keldmark-bilanz] [--size 120x36]
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "review.svg"


async def shoot(story: str, width: int, height: int, out: Path) -> None:
    from factlint.checker.config import load_options
    from factlint.tui.app import ReviewApp
    from factlint.tui.screens.findings import FindingsScreen

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        shutil.copytree(ROOT / "corpus" / story, corpus / story)
        (corpus / ".factlint").mkdir()  # the corpus root, as in the repository: the same finding ids
        options = load_options([corpus / story])
        app = ReviewApp([corpus / story], options=options, decisions=options.decisions)
        async with app.run_test(size=(width, height)) as pilot:
            for _ in range(1200):  # the check runs in a worker: wait for the list (at most a minute)
                if isinstance(app.screen, FindingsScreen):
                    break
                await pilot.pause(0.05)
            else:
                raise SystemExit("the findings list did not appear within a minute")
            await pilot.pause()
            await pilot.press("enter")  # open the first open finding
            await pilot.pause(0.5)
            app.save_screenshot(filename=out.name, path=str(out.parent))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--story", default="keldmark-bilanz")
    parser.add_argument("--size", default="120x36", help="terminal size, COLUMNSxROWS")
    args = parser.parse_args()
    width, height = (int(n) for n in args.size.split("x"))
    sys.path.insert(0, str(ROOT))
    asyncio.run(shoot(args.story, width, height, OUT))
    print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
