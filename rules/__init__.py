"""Declarative knowledge that varies by language and domain, and the code that loads it.

Data files are TOML (hand-edited); `schema.py` holds their pydantic models and
`loader.py` reads and validates them, naming file and key on any error.
"""
