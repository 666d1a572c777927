"""SoImpact: draft indicators along the chain, review them, and follow them over time.

The worksheet follows the ten steps of SoCentral's SoImpact (the handbook's "SolImpact",
ch. 6, p. 49–51): ``plan`` reads the answers, ``review`` checks them against the five
recommendations for indicators, ``progress`` follows each indicator from baseline to target.
"""

from calculators.core.tool import Tool
from calculators.soimpact import export, files, state, view

TOOL = Tool(
    name=files.NAME,
    version=files.VERSION,
    compute=view.compute,
    summary=view.summary,
    file_words=export.file_words,
    clean=state.clean,
    operations=files.OPERATIONS,
    tables=export.TABLES,
)
