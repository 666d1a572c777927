"""Hypothesis' settings for the run under Pyodide, which reads no conftest.py (tests/conftest.py
imports the build's modules, which need CPython's packages). No deadline, as there (properties
assert what is computed, not how fast); a fifth of the examples: Python runs several times slower
in WebAssembly, and the CPython layer explores each property in full."""

from hypothesis import settings

settings.register_profile("pyodide", deadline=None, max_examples=20)
settings.load_profile("pyodide")
