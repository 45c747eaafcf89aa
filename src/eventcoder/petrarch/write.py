"""Writing a :class:`~eventcoder.petrarch.convert.Conversion`: a users' YAML file, the report of
what was not converted (TSV), and a summary for the terminal."""

from __future__ import annotations

import csv
import json
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from eventcoder.petrarch.convert import COLUMNS, Conversion
from eventcoder.petrarch.source import Row

# A scalar YAML reads back as the same text when written plain: no leading digit or sign
# (042, -1), no YAML word (NO, null, yes), nothing YAML gives a meaning (": ", " #", quotes).
PLAIN = re.compile(r"[A-Za-z][\w .'/&-]*")
YAML_WORDS = frozenset({
    "y", "n", "yes", "no", "on", "off", "true", "false", "null"
})  # fmt: skip
REPORT_COLUMNS = ("file", "line", "entry", "reason")


@contextmanager
def _opened(out: str | Path | TextIO) -> Iterator[TextIO]:
    """``out`` as a text stream: a path opened for writing, ``-`` for stdout, or a stream."""
    if not isinstance(out, str | Path):
        yield out
    elif str(out) == "-":
        yield sys.stdout
    else:
        with open(out, "w", encoding="utf-8", newline="") as fh:
            yield fh


def write_yaml(conversion: Conversion, out: str | Path | TextIO) -> None:
    """Write the converted rows as a users' YAML file (``data/README.md``, "Users' own files").

    out: a path, ``-`` for stdout, or a text stream. Each entry is one line, its fields in the
    order of the built-in table's columns; empty fields are left out. A header comment names
    the source files and their licence.
    """
    with _opened(out) as fh:
        fh.write(_header(conversion))
        for section, columns in COLUMNS.items():
            rows = conversion.rows.get(section, [])
            if not rows:
                continue
            fh.write(f"{section}:\n")
            for row in rows:
                fh.write(f"  - {_mapping(row, columns)}\n")


def _header(conversion: Conversion) -> str:
    lines = ["# Converted by eventcoder (dictionaries import-petrarch) from:"]
    lines += [f"#   {path.name} ({kind})" for path, kind in conversion.sources]
    lines += [
        "# The facts keep the licence of their source: if it is PETRARCH's (the MIT licence of",
        "# the Open Event Data Alliance), its copyright and permission notice apply to this file.",
    ]
    notices = [line for path, _ in conversion.sources for line in _notices(path)]
    lines += [f"# {line}" for line in dict.fromkeys(notices)]
    return "\n".join(lines) + "\n"


def _notices(path: Path) -> list[str]:
    """The copyright lines (``Copyright (c) 2014 ...``) of a source file's header comments."""
    out = []
    with open(path, encoding="utf-8", errors="replace") as fh:
        for raw in fh:
            if raw.strip() and not raw.startswith("#"):
                break  # the header comments are over
            text = raw.lstrip("#").strip()
            if re.match(r"copyright\s*(\(c\)|©|\d{4})", text, re.IGNORECASE):
                out.append(text)
    return out


def _mapping(row: Row, columns: tuple[str, ...]) -> str:
    cells = [f"{c}: {_value(row[c])}" for c in columns if row.get(c) not in (None, [])]
    return "{" + ", ".join(cells) + "}"


def _value(value: str | list[str] | None) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(_scalar(v) for v in value) + "]"
    return _scalar(value or "")


def _scalar(text: str) -> str:
    if PLAIN.fullmatch(text) and text.lower() not in YAML_WORDS and not text.endswith(" "):
        return text
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a double-quoted YAML scalar


def write_tsv(
    conversion: Conversion,
    section: str,
    out: str | Path | TextIO,
    what: str = "",
    preamble: str = "",
) -> None:
    """Write one section's rows as a table in the package's TSV format (``data/README.md``):
    a ``#`` header naming the columns and saying ``what`` the rows are (the first line, as in
    the built-in tables, so the file also reads as a user's ``--actors``/``--verbs`` file),
    ``preamble`` (comment lines), then a row a line, list cells joined as the built-in tables
    join them (``a|b``; flags ``a,b``), empty cells ``-``."""
    columns = COLUMNS[section]
    with _opened(out) as fh:
        fh.write("# " + "\t".join(columns) + (f" — {what}" if what else "") + "\n")
        fh.write(preamble)
        for row in conversion.rows.get(section, []):
            fh.write("\t".join(_cell(row.get(c), c) for c in columns) + "\n")


def _cell(value: str | list[str] | None, column: str) -> str:
    if isinstance(value, list):
        value = ("," if column == "flags" else "|").join(value)
    return value or "-"


def write_report(conversion: Conversion, out: str | Path | TextIO) -> None:
    """Write every entry not converted, or converted approximately, as TSV with the columns
    file, line, entry, reason (approximations' reasons start with ``approximated:``)."""
    with _opened(out) as fh:
        writer = csv.writer(fh, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        writer.writerow(REPORT_COLUMNS)
        for note in conversion.notes:
            writer.writerow([note.path.name, note.line, note.entry, note.message])


def summary(conversion: Conversion, examples: int = 5) -> list[str]:
    """Lines for the terminal: rows per section, entries skipped and approximated per reason,
    and the first ``examples`` skipped entries."""
    counts = conversion.counts()
    lines = ["converted: " + ", ".join(f"{n} {s}" for s, n in counts.items() if n)]
    if not any(counts.values()):
        lines[0] = "converted: nothing"
    for label, converted in (("skipped", False), ("approximated", True)):
        reasons = conversion.reasons(converted)
        if reasons:
            total = sum(reasons.values())
            lines.append(f"{label}: {total} entr{'y' if total == 1 else 'ies'}")
            lines += [f"  {n:6d}  {reason}" for reason, n in reasons.most_common()]
    skipped = conversion.skipped
    if skipped and examples:
        lines.append(f"first skipped entries ({min(examples, len(skipped))} of {len(skipped)}):")
        for note in skipped[:examples]:
            lines.append(f"  {note.path.name}:{note.line}: {note.entry}  ({note.message})")
    return lines
