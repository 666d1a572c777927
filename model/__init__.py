"""The handbook's model: the schema of ``content/`` and its loader.

The build, the command line and the tests use it; it needs pydantic and PyYAML, so it stays out
of ``calculators/`` (the browser's Python gets the validated model as JSON).
"""
