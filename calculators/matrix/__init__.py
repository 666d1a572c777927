"""Position a project on the thin/thick collaboration matrix (handbook ch. 1, p. 12–15).

The scoring rule is documented in ``score``; the words are in ``view``.
"""

from calculators.core.tool import Tool
from calculators.matrix import export, files, view

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
