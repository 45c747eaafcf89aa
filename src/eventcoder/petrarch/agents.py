"""PETRARCH/TABARI agent dictionaries (``*.agents.txt``) to our role words (``agents``).

An entry is ``PHRASE {PLURAL} [~CODE]``: words joined by ``_`` must be consecutive, a blank lets
other words come between; ``{...}`` gives an irregular plural (``{}``: none); the code is a role
after the actor's code (``~GOV``) or a type before it (``NGO~``). ``!NAME! = A, B`` defines a
substitution set, and every entry with ``!NAME!`` stands for one entry per item
(``CONGRESS!PERSON!``: congressman, congressmen, ...).

Role words match in any case and by the lemma of their last word, so a phrase is written in
lower case and regular plurals need no row; an irregular plural gets a row of its own. The code
gives the sector (:func:`~eventcoder.petrarch.codes.split_role`); a blank between words (our
phrases' words are consecutive) and later roles of a compound code (``~GOVMED``: GOV) are
approximations, a role we have no sector for is reported.
"""

from __future__ import annotations

import re
from pathlib import Path

from eventcoder.petrarch.codes import split_role
from eventcoder.petrarch.source import Note, Row, read_lines

MARKER = re.compile(r"!([^!\s]+)!")


def convert_agents(path: Path, rows: dict[str, list[Row]], notes: list[Note]) -> None:
    """Add the role words of an agent file to ``rows["agents"]`` and its problems to ``notes``."""
    sets: dict[str, list[str]] = {}
    for line in read_lines(path):
        text = line.text.strip()
        entry = line.raw.strip()
        definition = re.fullmatch(r"!([^!\s]+)!\s*=\s*(.*)", text)
        if definition:
            sets[definition[1]] = [w.strip() for w in definition[2].split(",") if w.strip()]
            continue
        code = re.search(r"\[([^\]}]*)[\]}]", text)  # "[~ENV}" is a typo the files have
        if code is None:
            notes.append(Note(path, line.number, entry, "no code"))
            continue
        head = text[: code.start()]
        plural = re.search(r"\{([^}]*)\}", head)
        phrase = head[: plural.start()] if plural else head
        forms = [phrase] + ([plural[1]] if plural and plural[1].strip() else [])
        role = split_role(code[1])
        if role.problem:
            notes.append(Note(path, line.number, entry, role.problem, role.detail))
            continue
        unknown = [m for form in forms for m in MARKER.findall(form) if m not in sets]
        if unknown:
            notes.append(Note(path, line.number, entry, "undefined substitution set", unknown[0]))
            continue
        if role.dropped:
            detail = f"{code[1].strip()} is {role.sector}, without {''.join(role.dropped)}"
            notes.append(Note(path, line.number, entry, "secondary role left out", detail, True))
        expanded = [out for form in forms for out in _expand(form, sets)]
        if any(len(form.split()) > 1 for form in expanded):
            detail = "our phrases' words are consecutive"
            notes.append(Note(path, line.number, entry, "words may stand apart", detail, True))
        for form in dict.fromkeys(expanded):
            words = [w for w in re.split(r"[\s_]+", form) if w]
            if words:
                phrase = " ".join(words).lower()
                rows["agents"].append({"phrase": phrase, "sector": role.sector, "flags": None})


def _expand(form: str, sets: dict[str, list[str]]) -> list[str]:
    """A phrase with every ``!NAME!`` replaced by each item of its set, in all combinations."""
    marker = MARKER.search(form)
    if marker is None:
        return [form.strip()]
    return [
        out
        for item in sets[marker[1]]
        for out in _expand(form[: marker.start()] + item + form[marker.end() :], sets)
    ]
