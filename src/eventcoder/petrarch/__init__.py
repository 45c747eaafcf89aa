"""PETRARCH and TABARI dictionaries converted to eventcoder's tables.

::

    from eventcoder.petrarch import convert, write_yaml, write_report

    conversion = convert(["Phoenix.Countries.actors.txt", "CAMEO.2.0.txt"])
    conversion.rows["people"][0]   # {"name": ..., "country": ..., "sector": ..., "from": ...}
    conversion.skipped[0]          # Note(path, line, entry, reason, detail)
    write_yaml(conversion, "mine.yaml")        # for --actors/--verbs
    write_report(conversion, "skipped.tsv")

Rows are dicts keyed by our column names (:data:`COLUMNS`), so writing the package's TSV tables
from them takes a join per list cell. One module a kind of file: :mod:`.actors`, :mod:`.agents`,
:mod:`.verbs`; :mod:`.codes` splits actor codes, :mod:`.names` writes names in the case our
matcher needs, :mod:`.convert` detects kinds and runs them, :mod:`.write` writes the results.
"""

from eventcoder.petrarch.convert import COLUMNS, KINDS, SECTIONS, Conversion, convert, detect_kind
from eventcoder.petrarch.source import Note, Row
from eventcoder.petrarch.write import summary, write_report, write_tsv, write_yaml

__all__ = [
    "COLUMNS",
    "KINDS",
    "SECTIONS",
    "Conversion",
    "Note",
    "Row",
    "convert",
    "detect_kind",
    "summary",
    "write_report",
    "write_tsv",
    "write_yaml",
]
