"""The guide's calculators: pure functions from answers to results, stdlib only.

The same code runs in CPython (tests, command line) and in Pyodide in the browser, where
``calculators.runtime`` is the entry point the page's worker calls.
"""
