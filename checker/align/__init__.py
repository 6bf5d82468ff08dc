"""Claims across documents → links between figures that state the same fact.

stories (documents → stories) → gates (blocks: what must be shared) → link (pairs scored
by what the figures are about, taken one-to-one, strongest first); misdated (a date whose
weekday does not fit it, linked to another article's date of that weekday).
"""

from factlint.checker.align.gates import block_key, compatible, is_derived
from factlint.checker.align.link import NEIGHBOURS, Figure, Link, align, document_pairs, figures
from factlint.checker.align.stories import stories

__all__ = ["NEIGHBOURS", "Figure", "Link", "align", "block_key", "compatible", "document_pairs", "figures", "is_derived",
           "stories"]
