"""Users' own countries, actors, role words, people and verb patterns, in TSV or YAML files.

A TSV file has the columns of the built-in file of its kind (``data/README.md``). An actor file
(``--actors``) is in the ``orgs.tsv`` format unless its first line is a header naming another
actor format's columns, as a plain line or a comment like the built-in files' first lines::

    iso3<TAB>kind<TAB>phrase            countries.tsv: country names, adjectives, capitals
    phrase<TAB>sector                   agents.tsv: role words and titles
    name<TAB>country<TAB>sector<TAB>role  people.tsv: well-known people

A YAML file (``.yaml``/``.yml``) holds lists of entries under any of the keys ``countries``,
``actors`` (orgs.tsv fields), ``agents``, ``people`` and ``verbs`` (verbs.tsv fields);
``object``, ``prep``, ``particle`` and ``flags`` may be lists. Whichever of ``--actors``/
``--verbs`` names a YAML file, every section in it is loaded (:func:`route`). A top-level
``replace`` key (``true``, or a list of section names) makes the file's sections replace the
built-in tables of their kind (:func:`replaced_tables`). Values are read as written
(``country: NO`` is Norway, ``cameo: 042`` keeps its zero). Rows carry ``_line`` like
:func:`~eventcoder.tsv.read_tsv` rows, so every later error names the file and line of the entry.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from eventcoder.errors import DataFileError, Errors
from eventcoder.tsv import read_tsv

Row = dict[str, str | None]

# Each kind of entry (= YAML section): its columns (= YAML fields) and how many of them are
# required. ``from``/``to`` bound the dates an actor or person entry applies (inclusive).
COLUMNS: dict[str, tuple[str, ...]] = {
    "countries": ("iso3", "kind", "phrase"),
    "actors": ("phrase", "code", "country", "sector", "kind", "from", "to"),
    "agents": ("phrase", "sector", "flags"),
    "people": ("name", "country", "sector", "role", "from", "to"),
    "verbs": ("cameo", "verb", "particle", "object", "prep", "flags"),
}
REQUIRED = {"countries": 3, "actors": 2, "agents": 2, "people": 3, "verbs": 2}
ACTOR_KINDS = ("countries", "actors", "agents", "people")
# The built-in tables (in data/) that each section's entries extend, or replace with ``replace``,
# in the order they are read: the field's (petrarch/, converted) before ours, so ours win.
TABLES = {
    "countries": ("petrarch/countries.tsv", "actors/countries.tsv"),
    "actors": ("petrarch/orgs.tsv", "actors/orgs.tsv"),
    "agents": ("actors/agents.tsv",),
    "people": ("petrarch/people.tsv", "actors/people.tsv"),
    "verbs": ("verbs.tsv", "nouns.tsv"),
}
REPLACE = "replace"  # the top-level YAML key that is not a section
# Fields whose TSV cell is a list: how its items are joined in the cell.
LIST_FIELDS = {"particle": "|", "object": "|", "prep": "|", "flags": ","}


def is_yaml(path: str | Path) -> bool:
    return Path(path).suffix.lower() in (".yaml", ".yml")


def route(
    actors: Iterable[str | Path], verbs: Iterable[str | Path]
) -> tuple[list[Path], list[Path]]:
    """The actor files and the verb files to read: a YAML file named by either option is both."""
    actor_files, verb_files = [Path(p) for p in actors], [Path(p) for p in verbs]
    yamls = [p for p in [*actor_files, *verb_files] if is_yaml(p)]
    return list(dict.fromkeys([*actor_files, *yamls])), list(dict.fromkeys([*verb_files, *yamls]))


def actor_rows(path: Path) -> dict[str, list[Row]]:
    """The entries of a user's actor file by kind (``countries``, ``actors``, ``agents``,
    ``people``)."""
    if is_yaml(path):
        sections = read_yaml(path)
        return {kind: sections.get(kind, []) for kind in ACTOR_KINDS}
    kind, header = _header(path)
    rows = [r for r in read_tsv(path, COLUMNS[kind], REQUIRED[kind]) if r["_line"] != header]
    return {k: rows if k == kind else [] for k in ACTOR_KINDS}


def verb_rows(path: Path) -> list[Row]:
    """The verb patterns of a ``verbs.tsv``-format file (a header line is allowed) or YAML file."""
    if is_yaml(path):
        return read_yaml(path).get("verbs", [])
    rows = read_tsv(path, COLUMNS["verbs"], REQUIRED["verbs"])
    return [r for r in rows if (r["cameo"], r["verb"]) != ("cameo", "verb")]


def _header(path: Path) -> tuple[str, str | None]:
    """The actor format of a TSV file, and the number of its header line if it is not a
    comment (a data-looking line that must be skipped)."""
    with open(path, encoding="utf-8") as fh:
        for number, raw in enumerate(fh, 1):
            line = raw.strip()
            if not line:
                continue
            comment = line.startswith("#")
            words = line.lstrip("#").lower().split()
            for kind in ACTOR_KINDS:
                n = 0  # how many of the kind's columns the line names, in order
                while n < min(len(words), len(COLUMNS[kind])) and words[n] == COLUMNS[kind][n]:
                    n += 1
                # A comment header may go on in words; a plain one is nothing but column names.
                if n >= REQUIRED[kind] and (comment or n == len(words)):
                    return kind, None if comment else str(number)
            if not comment and words and words[0] in ("iso3", "phrase", "name", "cameo"):
                known = "; ".join(f"{' '.join(COLUMNS[k])} ({k})" for k in ACTOR_KINDS)
                found = ", ".join(line.split("\t"))
                raise DataFileError(Errors.E078.format(path=path, line=number, found=found,
                                                       known=known))  # fmt: skip
            break
    return "actors", None


def replaced_tables(paths: Iterable[str | Path]) -> set[str]:
    """The sections (``countries``, ``actors``, ``agents``, ``people``, ``verbs``) whose
    built-in tables (:data:`TABLES`) the YAML files among ``paths`` replace: with
    ``replace: true`` every section the file has, with ``replace: [people, actors]`` those named
    (a named section the file lacks leaves that table empty). TSV files replace nothing.

    Raises :class:`DataFileError` naming the file and line of a malformed ``replace``.
    """
    out: set[str] = set()
    for path in paths:
        if is_yaml(path):
            out |= _replaced(Path(path))
    return out


def _replaced(path: Path) -> set[str]:
    import yaml

    root = _compose(path)
    if root is None:
        return set()
    sections = {str(k.value) for k, _ in root.value} & set(COLUMNS)
    known = ", ".join(COLUMNS)
    for key, value in root.value:
        if key.value != REPLACE:
            continue
        line = value.start_mark.line + 1
        if _is_null(value):
            return set()
        if value.tag == "tag:yaml.org,2002:bool":
            return sections if str(value.value).lower() in ("true", "yes", "on") else set()
        if not isinstance(value, yaml.SequenceNode):
            raise DataFileError(
                Errors.E084.format(path=path, line=line, known=known, kind=_node_kind(value))
            )
        named = set()
        for item in value.value:
            name = str(item.value) if isinstance(item, yaml.ScalarNode) else ""
            if name not in COLUMNS:
                where = {"path": path, "line": item.start_mark.line + 1, "known": known}
                if not isinstance(item, yaml.ScalarNode):
                    raise DataFileError(Errors.E084.format(**where, kind=_node_kind(item)))
                raise DataFileError(Errors.E085.format(**where, name=name))
            named.add(name)
        return named
    return set()


def read_yaml(path: Path) -> dict[str, list[Row]]:
    """The sections of a user's YAML file, each a list of rows with the TSV columns as keys
    (the ``replace`` key is read by :func:`replaced_tables`).

    Raises :class:`DataFileError` naming the file, the line, the entry and the problem.
    """
    import yaml  # only users' YAML files need it

    root = _compose(path)
    if root is None:
        return {}
    known = f"{', '.join(COLUMNS)} (and {REPLACE})"
    out: dict[str, list[Row]] = {}
    for key, value in root.value:
        section, line = str(key.value), key.start_mark.line + 1
        if section == REPLACE:
            continue
        if section not in COLUMNS:
            raise DataFileError(Errors.E072.format(path=path, line=line, key=section, known=known))
        if _is_null(value):
            continue  # a section left empty
        if not isinstance(value, yaml.SequenceNode):
            raise DataFileError(
                Errors.E073.format(path=path, line=line, section=section, kind=_node_kind(value))
            )
        rows = out.setdefault(section, [])
        for n, item in enumerate(value.value, 1):
            rows.append(_entry(path, section, n, item))
    return out


def _compose(path: Path) -> Any:
    """The YAML file's top-level mapping node, or None for an empty file."""
    stat = path.stat()
    return _compose_cached(path.resolve(), stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=8)
def _compose_cached(path: Path, mtime_ns: int, size: int) -> Any:
    # A file named by both --actors and --verbs, and its replace key, are read once; a
    # converted PETRARCH dictionary is megabytes, which the C parser reads ten times faster.
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        root = yaml.compose(path.read_text(encoding="utf-8"), Loader=loader)
    except (yaml.YAMLError, UnicodeDecodeError) as err:
        raise DataFileError(Errors.E070.format(path=path, reason=err)) from None
    if root is not None and not isinstance(root, yaml.MappingNode):
        known = ", ".join(COLUMNS)
        raise DataFileError(Errors.E071.format(path=path, known=known, kind=_node_kind(root)))
    return root


def _entry(path: Path, section: str, n: int, item: Any) -> Row:
    import yaml

    columns = COLUMNS[section]
    where = {"path": path, "line": item.start_mark.line + 1, "n": n, "section": section}
    if not isinstance(item, yaml.MappingNode):
        raise DataFileError(
            Errors.E074.format(**where, fields=", ".join(columns), kind=_node_kind(item))
        )
    row: Row = dict.fromkeys(columns)
    no_event = False
    for key, value in item.value:
        name = str(key.value)
        if name not in columns:
            raise DataFileError(Errors.E075.format(**where, field=name, fields=", ".join(columns)))
        listed = isinstance(value, yaml.SequenceNode) and name in LIST_FIELDS
        scalars = value.value if listed else [value]
        if not all(isinstance(s, yaml.ScalarNode) for s in scalars):
            raise DataFileError(Errors.E077.format(**where, field=name, kind=_node_kind(value)))
        cells = [str(s.value).strip() for s in scalars if not _is_null(s)]
        cell = LIST_FIELDS.get(name, "").join(c for c in cells if c not in ("", "-"))
        row[name] = cell or None
        if (section, name, cells) == ("verbs", "cameo", ["-"]):
            no_event = True  # a no-event row ("met the deadline"), as in verbs.tsv
    for name in columns[: REQUIRED[section]]:
        if row[name] is None and not (name == "cameo" and no_event):
            raise DataFileError(Errors.E076.format(**where, field=name))
    row["_line"] = str(where["line"])
    return row


def _is_null(node: Any) -> bool:
    return bool(node.tag == "tag:yaml.org,2002:null")


def _node_kind(node: Any) -> str:
    import yaml

    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    return f"the value {node.value!r}"
