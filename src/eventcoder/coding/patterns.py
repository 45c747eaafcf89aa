"""The verb and noun tables (``data/verbs.tsv``, ``data/nouns.tsv``, users' ``--verbs`` files),
indexed by lemma, and the record of a row matched at a token.

:class:`PatternBook` loads and checks the rows (``data/README.md`` explains the columns and
flags); :class:`Match` is what the later steps work on: the trigger, its row and the tokens that
fill its roles. The CAMEO code classes the rules ask about (requests, topical acts) are here too.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Token

from eventcoder.custom import verb_rows
from eventcoder.errors import DataFileError, Errors
from eventcoder.ontology import Ontology
from eventcoder.records import Actor
from eventcoder.tsv import data_path, read_tsv

# Pattern flags (data/README.md explains each).
FLAGS = frozenset(
    {
        "norecip",
        "recip",
        "mutual",
        "where",
        "inverse",
        "intent",
        "xcomp",
        "objcomp",
        "claim",
        "ccomp",
        "intrans",
        "that",
        "weapon",
    }
)
# Verbal conflict: disapprove, reject, demand, accuse, threaten (CAMEO 09-13).
VERBAL_CONFLICT_ROOTS = frozenset({"09", "10", "11", "12", "13"})


@dataclass(frozen=True)
class Pattern:
    """One row of ``verbs.tsv`` or ``nouns.tsv``.

    cameo: the CAMEO code it gives. lemma: the verb or noun lemma. particles, objects, preps: the
    sets of required particles, required object lemmas and recipient prepositions (empty = none).
    norecip: the event never has a recipient. person_code: the code used instead when the actor
    is not an armed body. source: ``file:line``. flags: the row's other flags (``FLAGS``).
    alone_code: the code used instead when the event has no recipient. user: the row is from a
    user's file; a user's fitting row wins over the built-in rows of its verb.
    """

    cameo: str
    lemma: str
    particles: frozenset[str]
    objects: frozenset[str]
    preps: frozenset[str]
    norecip: bool
    person_code: str | None
    source: str
    flags: frozenset[str] = frozenset()
    alone_code: str | None = None
    user: bool = False


@dataclass
class Match:
    """A token that matched a pattern, with the tokens that fill its roles (for ``explain``)."""

    token: Token
    pattern: Pattern
    kind: str  # "verb" or "noun"
    actor_heads: list[Token] = field(default_factory=list)
    recipient_heads: list[Token] = field(default_factory=list)
    object_token: Token | None = None
    suppressed_by: int | None = None
    suppressed_reason: str | None = None  # why, set with suppressed_by ("relative clause")
    negated: bool = False
    cameo: str | None = None  # set when modality changes the pattern's code (intent, refusal)
    # The specific code the weapon named in the clause gives a general violent code (195 for
    # "air strikes killed"), and why, in words (coding/weapons.py).
    specific: str | None = None
    specific_why: str = ""
    claimed_by: Actor | None = None  # the speaker of the quote that states this act (112)
    mutual: bool = False  # conjoined actors are each other's recipients (the row's or intended)
    # For a row with ``alone=``: the places the act happens in, whose country is the recipient
    # of the alone code when it is not the actor's own ("exercises in Alaska").
    place_heads: list[Token] = field(default_factory=list)

    @property
    def code(self) -> str:
        return self.cameo or self.specific or self.pattern.cameo


@dataclass(frozen=True)
class Weapon:
    """One row of ``weapons.tsv``: the word ``lemma`` with one of the modifiers ``modifiers``
    (none: any) names a weapon whose use is coded ``cameo`` ("" : no weapon, "think tank")."""

    cameo: str
    lemma: str
    modifiers: frozenset[str]
    source: str


def _split(cell: str | None) -> frozenset[str]:
    return frozenset(p.strip().lower() for p in (cell or "").split("|") if p.strip())


class PatternBook:
    """All verb and noun patterns, indexed by lemma.

    ontology: used to check that every pattern's CAMEO code exists. extra_verbs: users' own files
    in the ``verbs.tsv`` format (or YAML), whose rows come first for their verb: a user's row
    that fits wins over every built-in row of the verb. builtin: load the built-in event
    patterns (``verbs.tsv``, ``nouns.tsv``); off, only the users' rows code events (the grammar
    tables ``support_verbs.tsv``, ``intent.tsv`` and ``weapons.tsv`` stay).
    """

    def __init__(
        self, ontology: Ontology, extra_verbs: Iterable[Path] = (), builtin: bool = True
    ) -> None:
        self.verbs: dict[str, list[Pattern]] = {}
        self.nouns: dict[str, list[Pattern]] = {}
        builtins = [data_path("verbs.tsv")] if builtin else []
        for path in [*builtins, *map(Path, extra_verbs)]:
            if not path.exists():
                raise DataFileError(Errors.E005.format(path=path))
            user = path not in builtins
            for row in verb_rows(path):  # verbs.tsv format, or the verbs of a YAML file
                pattern = self._pattern(ontology, path, row, row["verb"], row["particle"], user)
                self.verbs.setdefault(pattern.lemma, []).append(pattern)
        path = data_path("nouns.tsv")
        for row in (
            read_tsv(path, ("cameo", "noun", "prep", "flags"), required=2) if builtin else []
        ):
            row = {**row, "object": None}
            pattern = self._pattern(ontology, path, row, row["noun"], None)
            self.nouns.setdefault(pattern.lemma, []).append(pattern)
        self.support_verbs = frozenset(
            row["verb"] or "" for row in read_tsv(data_path("support_verbs.tsv"), ("verb",))
        )
        path = data_path("intent.tsv")
        self.intent: dict[str, str] = {}
        for row in read_tsv(path, ("root", "cameo")):
            if row["cameo"] not in ontology:
                raise DataFileError(
                    Errors.E002.format(path=path, line=row["_line"], code=row["cameo"])
                )
            self.intent[row["root"] or ""] = row["cameo"] or ""
        self.weapons = _weapons(ontology, data_path("weapons.tsv"))

    @staticmethod
    def _pattern(
        ontology: Ontology,
        path: Path,
        row: dict[str, str | None],
        lemma: str | None,
        particle: str | None,
        user: bool = False,
    ) -> Pattern:
        flags = frozenset(f.strip() for f in (row.get("flags") or "").split(",") if f.strip())
        person_code = alone_code = None
        for flag in flags:
            if flag.startswith("person="):
                person_code = flag.split("=", 1)[1]
            elif flag.startswith("alone="):
                alone_code = flag.split("=", 1)[1]
            elif flag not in FLAGS:
                known = ", ".join(sorted(FLAGS)) + ", person=CODE, alone=CODE"
                msg = Errors.E007.format(path=path, line=row["_line"], flag=flag, known=known)
                raise DataFileError(msg)
        for code in (row["cameo"], person_code, alone_code):
            if code is not None and code not in ontology:
                raise DataFileError(Errors.E002.format(path=path, line=row["_line"], code=code))
        return Pattern(
            cameo=row["cameo"] or "",
            lemma=(lemma or "").lower(),
            particles=_split(particle),
            objects=_split(row.get("object")),
            preps=_split(row.get("prep")),
            norecip="norecip" in flags,
            person_code=person_code,
            source=f"{path.name}:{row['_line']}",
            flags=frozenset(f for f in flags if "=" not in f),
            alone_code=alone_code,
            user=user,
        )

    def __len__(self) -> int:
        return sum(map(len, self.verbs.values())) + sum(map(len, self.nouns.values()))


def _weapons(ontology: Ontology, path: Path) -> dict[str, list[Weapon]]:
    """The weapons table, indexed by word; rows with a modifier first (they win)."""
    table: dict[str, list[Weapon]] = {}
    for row in read_tsv(path, ("cameo", "word", "with"), required=2):
        code = row["cameo"] or ""
        if code and code not in ontology:
            raise DataFileError(Errors.E002.format(path=path, line=row["_line"], code=code))
        weapon = Weapon(code, (row["word"] or "").lower(), _split(row["with"]),
                        f"{path.name}:{row['_line']}")  # fmt: skip
        table.setdefault(weapon.lemma, []).append(weapon)
    for rows in table.values():
        rows.sort(key=lambda w: not w.modifiers)
    return table


def is_request(code: str) -> bool:
    """Whether a CAMEO code is an appeal (02) or a demand (10): its "that" clause is what the
    addressee is asked to do."""
    return code[:2] in ("02", "10")


def is_topical(code: str) -> bool:
    """Whether acts coded ``code`` have a topic rather than a target: statements (01), talks
    and meetings (04), sharing information (064)."""
    return code[:2] in ("01", "04") or code.startswith("064")
