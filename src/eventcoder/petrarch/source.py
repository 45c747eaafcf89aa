"""What every PETRARCH reader shares: the source lines, the rows it makes and the notes it reports.

PETRARCH and TABARI dictionaries are plain text, one entry or part of an entry a line; ``#``
starts a comment (TABARI files also use ``;``), and blank lines are ignored. A reader turns the
entries into :data:`Row` dicts keyed by our column names, and records a :class:`Note` for every
entry it could not express, or could express only approximately.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

# A converted entry: our column names to text, a list of texts (particle, object, prep, flags)
# or None (an empty cell).
Row = dict[str, str | list[str] | None]


@dataclass(frozen=True)
class Note:
    """One entry the converter could not express, or expressed only approximately.

    path: the source file. line: the entry's line (1-based). entry: the entry as written.
    reason: the kind of problem, a fixed text to count by ("role we have no sector for"). detail:
    what in this entry ("DEV"). converted: True when the entry was converted all the same,
    without what the reason names (an approximation); False when it was left out.
    """

    path: Path
    line: int
    entry: str
    reason: str
    detail: str = ""
    converted: bool = False

    @property
    def message(self) -> str:
        """The reason and detail as one text, marked ``approximated`` when converted."""
        text = f"{self.reason}: {self.detail}" if self.detail else self.reason
        return f"approximated: {text}" if self.converted else text


@dataclass(frozen=True)
class Line:
    """A source line: its number, its text without the comment, and the raw line."""

    number: int
    text: str
    raw: str


def read_lines(path: Path, comments: str = "#;") -> Iterator[Line]:
    """The non-blank lines of a dictionary file with their comments removed.

    path: the file; read as UTF-8, or Latin-1 if it is not UTF-8 (older TABARI files).
    comments: the characters that start a comment.
    """
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    comment = re.compile(f"[{re.escape(comments)}]")
    for number, raw in enumerate(text.splitlines(), 1):
        body = comment.split(raw, 1)[0]
        if body.strip():
            yield Line(number, body, raw.rstrip())
