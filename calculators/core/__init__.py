"""What every calculator shares: result blocks, words, SVG, saved files, CSV and errors.

Nothing here knows a tool; the tools import it, never the other way round.
"""
