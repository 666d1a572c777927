"""Self-assessment against the handbook's values and fields of action, alone or as a group."""

from calculators.assessment import export, files, view
from calculators.core.tool import Tool

TOOL = Tool(
    name=files.NAME,
    version=files.VERSION,
    compute=view.compute,
    summary=view.summary,
    file_words=export.file_words,
    clean=files.clean,
    operations=files.OPERATIONS,
    tables=export.TABLES,
)
