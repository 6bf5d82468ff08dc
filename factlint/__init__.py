"""factlint: check that the numbers several articles give for one story agree.

The installed package holds the engine (`factlint.checker`), the rule files and their
loader (`factlint.rules`) and the review TUI (`factlint.tui`); in the repository they are
the top-level folders `checker/`, `rules/` and `tui/`.
"""

from factlint.checker import __version__

__all__ = ["__version__"]
