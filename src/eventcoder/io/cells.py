"""What a cell of a CSV or TSV output may hold, so that opening the file cannot attack its reader.

A spreadsheet runs a cell that starts with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage
return before one) as a formula: ``=HYPERLINK(...)`` in an article's URL or title becomes a link,
or worse, once the file is opened (CSV injection). Following OWASP, such a text cell is written
with a leading apostrophe, which spreadsheets show as text and do not run. A cell that is just a
number (``-2.0``, ``-5``) is left alone: it cannot run, and ids and scores stay as they were.
The rule is written once, here, in Python (:func:`neutralise`, for rows we write) and in SQL
(:func:`neutralise_sql`, for files DuckDB writes), from the same two patterns.

TSV fields (GDELT) also lose every character a reader may take for the end of a field or a
line (:func:`one_line_sql`): tabs and newlines, and the vertical tab, form feed, NEL and the
Unicode line and paragraph separators that ``str.splitlines`` and many parsers split on too.
"""

from __future__ import annotations

import re
from typing import Any

# A cell a spreadsheet would run: a formula sign first, or a tab or CR before one (OWASP).
FORMULA_START = r"^[=+\-@\t\r]"
# A plain number: harmless, and kept as it is written.
PLAIN_NUMBER = r"^[+-]?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?$"
# Runs of what ends a field or a line in a TSV reader: whitespace, VT, FF, NEL, U+2028/2029
# (RE2's syntax, for DuckDB: Python's re has no \x{...}).
LINE_BREAKS = r"[\s\x{0b}\x{0c}\x{85}\x{2028}\x{2029}]+"

_FORMULA = re.compile(FORMULA_START)
_NUMBER = re.compile(PLAIN_NUMBER)


def neutralise(value: Any) -> Any:
    """``value`` as a spreadsheet will show but not run it: a text cell a spreadsheet would take
    for a formula gets a leading ``'``; anything else (numbers, None, plain text) is returned
    unchanged."""
    if isinstance(value, str) and _FORMULA.match(value) and not _NUMBER.match(value):
        return "'" + value
    return value


def neutralise_row(row: dict[str, Any]) -> dict[str, Any]:
    """A flat row with :func:`neutralise` applied to every cell."""
    return {key: neutralise(value) for key, value in row.items()}


def neutralise_sql(expr: str) -> str:
    """SQL (DuckDB) for :func:`neutralise` of the text expression ``expr``."""
    return (
        f"CASE WHEN regexp_matches({expr}, '{FORMULA_START}') "
        f"AND NOT regexp_matches({expr}, '{PLAIN_NUMBER}') "
        f"THEN '''' || {expr} ELSE {expr} END"
    )


def one_line_sql(expr: str) -> str:
    """SQL for the text ``expr`` on one line of one field: every run of :data:`LINE_BREAKS`
    becomes one space, the ends are trimmed, and empty text is NULL."""
    return f"nullif(trim(regexp_replace({expr}, '{LINE_BREAKS}', ' ', 'g')), '')"
