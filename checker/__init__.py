"""factlint's engine: ingest → extract → normalize → context → align → compare → report.

The engine never imports Textual or Rich and never prints; `checker.cli` is the only
module that writes to standard output or standard error.
"""

__version__ = "0.1.0"
