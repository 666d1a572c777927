"""The handbook's model: the schema of ``content/`` and its loader (used by the build, the
command line and the tests; it needs pydantic, so the browser never gets it)."""
