"""Finders that turn spans of text into normalized claims, one module per family:
numbers (formats, words, scales), money, units, hedges, dates."""
