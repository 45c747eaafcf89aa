"""Converting PETRARCH/TABARI dictionaries: which kind a file is, and the whole conversion."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from eventcoder.errors import DataFileError, Errors
from eventcoder.petrarch.actors import convert_actors
from eventcoder.petrarch.agents import convert_agents
from eventcoder.petrarch.source import Note, Row, read_lines
from eventcoder.petrarch.verbs import convert_verbs

KINDS = ("actors", "agents", "verbs", "discards")
# Our sections and their columns: the built-in tables' columns (data/README.md), with the
# inclusive dates of a PETRARCH date restriction on actors and people.
COLUMNS: dict[str, tuple[str, ...]] = {
    "countries": ("iso3", "kind", "phrase"),
    "actors": ("phrase", "code", "country", "sector", "kind", "from", "to"),
    "people": ("name", "country", "sector", "role", "from", "to"),
    "agents": ("phrase", "sector", "flags"),
    "verbs": ("cameo", "verb", "particle", "object", "prep", "flags"),
}
SECTIONS = tuple(COLUMNS)


@dataclass
class Conversion:
    """The result of converting PETRARCH dictionaries.

    sources: the files read, in order, with the kind each was read as. rows: for each section
    of :data:`SECTIONS`, its rows (dicts keyed by the section's :data:`COLUMNS`; list cells are
    lists). notes: the entries not converted or converted approximately, in file and line order.
    """

    sources: list[tuple[Path, str]] = field(default_factory=list)
    rows: dict[str, list[Row]] = field(default_factory=lambda: {s: [] for s in SECTIONS})
    notes: list[Note] = field(default_factory=list)

    @property
    def skipped(self) -> list[Note]:
        """The entries left out."""
        return [n for n in self.notes if not n.converted]

    @property
    def approximated(self) -> list[Note]:
        """The entries converted without something they say."""
        return [n for n in self.notes if n.converted]

    def counts(self) -> dict[str, int]:
        """Rows per section."""
        return {section: len(rows) for section, rows in self.rows.items()}

    def reasons(self, converted: bool = False) -> Counter[str]:
        """How many entries were skipped (or approximated) for each reason."""
        return Counter(n.reason for n in self.notes if n.converted == converted)


Reader = Callable[[Path, dict[str, list[Row]], list[Note]], None]


def _discards(path: Path, rows: dict[str, list[Row]], notes: list[Note]) -> None:
    lines = list(read_lines(path))
    if lines:
        detail = f"{len(lines)} phrases; eventcoder has no discard list"
        notes.append(Note(path, lines[0].number, path.name, "discard list not converted", detail))


READERS: dict[str, Reader] = {
    "actors": convert_actors,
    "agents": convert_agents,
    "verbs": convert_verbs,
    "discards": _discards,
}


CODE = re.compile(r"\[([^\]}]*)[\]}]")
HEADER = re.compile(r"---.*---")
ENOUGH = 200  # coded lines that tell actors from agents


def detect_kind(path: Path) -> str:
    """Which kind of PETRARCH dictionary a file is, from its content (see :data:`KINDS`).

    Verb files have ``--- NAME ---`` block headers; agent codes have a ``~`` (``[~GOV]``,
    ``[NGO~]``), actor codes none (``[PAKGOV]``); discard lists are phrases without codes.
    Raises :class:`DataFileError` when the file is none of these.
    """
    agent = actor = plain = 0
    for line in read_lines(path):
        text = line.text.strip()
        codes = CODE.findall(text)
        if HEADER.fullmatch(text):
            return "verbs"
        if any("~" in c for c in codes):
            agent += 1
        elif codes:
            actor += 1
        elif not text.startswith(("+", "!", "&")):
            plain += 1
        if agent + actor >= ENOUGH:
            break
    if agent or actor:
        return "agents" if agent > actor else "actors"
    if plain:
        return "discards"
    raise DataFileError(Errors.E090.format(path=path, kinds=", ".join(KINDS)))


def convert(paths: Iterable[str | Path], kind: str | None = None) -> Conversion:
    """Convert PETRARCH/TABARI actor, agent and verb dictionaries to our sections.

    paths: the files, each of any kind, detected from its content (:func:`detect_kind`) unless
    ``kind`` names the kind of all of them. Returns a :class:`Conversion`. Raises
    :class:`DataFileError` for a missing file, an unknown ``kind`` or a file of no kind.
    """
    files = [Path(p) for p in paths]
    if kind is not None and kind not in KINDS:
        first = files[0] if files else ""
        raise DataFileError(Errors.E091.format(path=first, kind=kind, kinds=", ".join(KINDS)))
    for path in files:
        if not path.is_file():
            raise DataFileError(Errors.E005.format(path=path))
    conversion = Conversion()
    for path in files:
        file_kind = kind or detect_kind(path)
        conversion.sources.append((path, file_kind))
        notes: list[Note] = []
        READERS[file_kind](path, conversion.rows, notes)
        conversion.notes.extend(sorted(notes, key=lambda n: n.line))
    for section, rows in conversion.rows.items():
        conversion.rows[section] = _unique(rows)
    return conversion


def _unique(rows: list[Row]) -> list[Row]:
    """The rows without repeats (a synonym listed twice, a verb in a block twice), in order."""
    seen: set[tuple[tuple[str, str], ...]] = set()
    out = []
    for row in rows:
        key = tuple((k, repr(v)) for k, v in row.items())
        if key not in seen:
            seen.add(key)
            out.append(row)
    return out
