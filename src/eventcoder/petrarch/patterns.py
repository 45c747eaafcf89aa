"""A line of a PETRARCH verb dictionary's patterns in our verb rows' terms.

A pattern ``- [NOUNS] * [PARTICLE] [NOUN] [(PREP NOUN)] [(PREP)] [CODE]`` says what must stand
around the verb (``*``): :func:`read_pattern` gives the particle, object lemmas and recipient
prepositions of our row (:class:`Shape`), or raises :class:`Unexpressible` with the reason the
row cannot say it. The mapping is described in :mod:`eventcoder.petrarch.verbs`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from eventcoder.petrarch.source import Line, Note
from eventcoder.tsv import data_path, read_tsv

NO_EVENT = "---"
# Words that are only particles, never prepositions: required (spaCy's prt, or advmod).
PURE_PARTICLES = frozenset({
    "up", "down", "out", "off", "away", "back", "aside", "forward", "forth", "together", "apart",
    "ahead"
})  # fmt: skip
# Modifiers of an object noun that cannot be required: our matcher reads a compound noun
# before the object ("peace plan": peaceplan), never an adjective or a determiner.
ADJECTIVE_WORDS = frozenset({
    "no", "not", "the", "a", "an", "and", "or", "for", "in", "as", "of", "another", "more", "most",
    "few", "little", "many", "much", "some", "any", "all", "new", "old", "real", "full", "free",
    "joint", "mock", "mass", "main", "hard", "harsh", "sharp", "strong", "cold", "red", "green",
    "blue", "dead", "direct", "fair", "next", "secret", "severe", "solemn", "special", "wary",
    "brief", "broken", "bitter", "common", "covert", "human", "further", "future", "united",
    "closer", "prime", "safe", "super", "unusual", "possible", "probable", "early", "late", "open",
    "final", "first", "last", "major", "minor", "top", "key", "high", "low", "big", "small",
    "great", "good", "bad", "young", "long", "short", "wide", "total", "heavy", "fresh", "close",
    "scathing", "stinging", "fawning", "written", "hidden", "stolen", "frozen"
})  # fmt: skip
ADJECTIVE_ENDINGS = (
    "al", "ic", "ive", "ous", "ful", "less", "able", "ible", "ary", "ory", "ian", "ese",
    "ish", "ed", "est", "ly", "ent", "ant", "ern",
)  # fmt: skip
# Nouns with an adjective ending.
NOUNS_LIKE_ADJECTIVES = frozenset({
    "withdrawal", "proposal", "approval", "arrival", "trial", "rival", "signal", "capital",
    "hospital", "journal", "referral", "removal", "renewal", "dismissal", "denial", "refusal",
    "survival", "tribunal", "terminal", "festival", "scandal", "material", "government",
    "parliament", "agreement", "settlement", "statement", "movement", "deployment", "investment",
    "development", "treatment", "student", "agent", "president", "resident", "incident",
    "accident", "event", "ministry", "border"
})  # fmt: skip
# Plural-looking nouns whose lemma keeps the s, and irregular plurals.
NOUN_LEMMAS = {"news": "news", "series": "series", "species": "species", "crises": "crisis",
               "analyses": "analysis", "people": "people", "police": "police",
               "children": "child", "knives": "knife", "lives": "life", "wives": "wife",
               "thieves": "thief", "halves": "half", "shelves": "shelf"}  # fmt: skip


@lru_cache(maxsize=1)
def cameo_codes() -> frozenset[str]:
    """The CAMEO codes of our cameo.tsv."""
    columns = ("code", "name", "goldstein", "root", "quad_class")
    return frozenset(row["code"] or "" for row in read_tsv(data_path("cameo.tsv"), columns))


def noun_lemma(word: str) -> str:
    """The lemma spaCy gives a noun written in the plural or singular (``SANCTIONS``:
    sanction, ``RALLIES`` rally, ``CEASE-FIRES`` cease-fire), by the English plural endings."""
    word = word.lower()
    if "-" in word:
        first, _, last = word.rpartition("-")
        return f"{first}-{noun_lemma(last)}"
    if word in NOUN_LEMMAS:
        return NOUN_LEMMAS[word]
    if word.endswith("men") and len(word) > 4:
        return word[:-3] + "man"  # servicemen, policemen
    if word.endswith(("ss", "us", "is", "ics", "ous")) or len(word) <= 3:
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes", "zes")):
        return word[:-2]
    return word[:-1] if word.endswith("s") else word


def requirable(word: str) -> bool:
    """Whether a modifier of an object noun can be required: a noun, which our matcher reads
    as a compound before the object, and not an adjective, number or determiner."""
    word = word.lower()
    if word in NOUNS_LIKE_ADJECTIVES:
        return True
    if word in ADJECTIVE_WORDS or not re.fullmatch(r"[a-z][a-z'-]*", word):
        return False
    return not word.endswith(ADJECTIVE_ENDINGS) or word.endswith("ment")


@dataclass
class Synsets:
    """The ``&NAME`` sets read so far: each item as words, with its line (for notes)."""

    items: dict[str, list[tuple[int, list[str]]]] = field(default_factory=dict)
    # items already reported as not expressible, so each is reported once
    reported: set[tuple[str, int]] = field(default_factory=set)


@dataclass(frozen=True)
class Shape:
    """What a pattern asks for, in our columns; dropped: the object's modifiers left out."""

    line: int
    entry: str
    code: str
    particle: str | None = None
    objects: tuple[str, ...] = ()
    preps: tuple[str, ...] = ()
    recip: bool = False
    dropped: tuple[str, ...] = ()


class Unexpressible(Exception):
    """A part of a pattern our rows cannot express: reason and detail for the note."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(reason)
        self.reason, self.detail = reason, detail


TOKEN = re.compile(r"\{[^{}]*\}|\([^()]*\)|\*|[^\s{}()*]+|\S")


def read_pattern(path: Path, line: Line, synsets: Synsets, notes: list[Note]) -> Shape | None:
    """A pattern line as a :class:`Shape`, or None (and a note) when it cannot be expressed."""
    entry = line.raw.strip()
    body = line.text.strip()[1:]
    code_match = re.search(r"\[([^\]]*)\]", body)
    if code_match is None:
        notes.append(Note(path, line.number, entry, "pattern without a code"))
        return None
    try:
        code, reverse = split_codes(code_match[1])
        shape = _parse(body[: code_match.start()], synsets, path, notes)
    except Unexpressible as problem:
        notes.append(Note(path, line.number, entry, problem.reason, problem.detail))
        return None
    if reverse:
        detail = f"{reverse} (target to source)"
        notes.append(Note(path, line.number, entry, "reverse event left out", detail, True))
    particle, objects, preps, recip, dropped, prep_object = shape
    if prep_object:
        detail = "our rows read it only when the verb has no direct object"
        notes.append(Note(path, line.number, entry, "object of a preposition", detail, True))
    return Shape(line.number, entry, code, particle, objects, preps, recip, dropped)


def split_codes(cell: str) -> tuple[str, str | None]:
    """The code of a pattern (``-`` for no event) and the reverse code of a paired one."""
    forward, colon, reverse = cell.strip().partition(":")
    forward, reverse = forward.strip(), reverse.strip()
    if not forward:
        raise Unexpressible("only a reverse event", f"[{cell.strip()}] codes target to source only")
    for code in (forward, reverse) if colon else (forward,):
        if code and code != NO_EVENT and code not in cameo_codes():
            raise Unexpressible("CAMEO code we do not have", code)
    return ("-" if forward == NO_EVENT else forward), (reverse or None)


def _parse(
    text: str, synsets: Synsets, path: Path, notes: list[Note]
) -> tuple[str | None, tuple[str, ...], tuple[str, ...], bool, tuple[str, ...], bool]:
    """(particle, objects, preps, recip, dropped modifiers, whether the object is a
    preposition's) of a pattern's words."""
    tokens = TOKEN.findall(text)
    if tokens.count("*") != 1 or any(t in "{}()" for t in tokens):
        raise Unexpressible("pattern we cannot read", text.strip())
    at = tokens.index("*")
    for token in tokens[:at]:
        if token != "$":
            raise Unexpressible(*_before_verb(token))
    particle: str | None = None
    objects: tuple[str, ...] = ()
    preps: list[str] = []
    recip = noun_seen = prep_object = False
    dropped: tuple[str, ...] = ()
    for token in tokens[at + 1 :]:
        if token in ("$", "^", "%"):
            raise Unexpressible(*_marker(token))
        if token == "+":
            if noun_seen or preps:
                raise Unexpressible(
                    "target position we cannot check", "+ after an object or phrase"
                )
            recip = True  # the target as direct object: the pattern needs one
            continue
        if token.startswith("("):
            inner = TOKEN.findall(token[1:-1])
            if not inner:
                raise Unexpressible("pattern we cannot read", token)
            prep, rest = inner[0].lower(), inner[1:]
            if rest and any(t in ("$", "^", "%") for t in rest):
                raise Unexpressible(*_marker(next(t for t in rest if t in ("$", "^", "%"))))
            if not rest or rest == ["+"]:
                preps.append(prep)
                recip = True
                continue
            if noun_seen:
                raise Unexpressible("two required nouns", f"{token} beside an object")
            if "+" in rest:
                raise Unexpressible("target position we cannot check", token)
            if len(rest) > 1:
                raise Unexpressible("word sequence we cannot express", token)
            objects, dropped = _objects(rest[0], synsets, path, notes)
            noun_seen = True
            if prep in PURE_PARTICLES and particle is None:
                particle = prep  # "(ASIDE RIFT)": set aside the rift
            else:
                preps.append(prep)
                prep_object = True
            continue
        if not noun_seen and not preps and particle is None and token.lower() in PURE_PARTICLES:
            particle = token.lower()
            continue
        if noun_seen or preps:
            raise Unexpressible("word sequence we cannot express", token)
        objects, dropped = _objects(token, synsets, path, notes)
        noun_seen = True
    return particle, objects, tuple(dict.fromkeys(preps)), recip, dropped, prep_object


def _before_verb(token: str) -> tuple[str, str]:
    if token == "+":
        return "target before the verb", "+"
    if token in ("^", "%"):
        return _marker(token)
    return "words before the verb (a subject constraint)", token


def _marker(token: str) -> tuple[str, str]:
    return {
        "$": ("source after the verb", "$"),
        "^": ("skipped words", "^"),
        "%": ("compound actor", "%"),
    }[token]


def _objects(
    token: str, synsets: Synsets, path: Path, notes: list[Note]
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The object lemmas a noun, ``{noun phrase}`` or ``&SET`` stands for, and the modifiers
    that had to be dropped."""
    parts = token[1:-1].split() if token.startswith("{") else [token]
    head, modifiers = parts[-1], parts[:-1]
    kept: list[str] = []
    dropped: list[str] = []
    for modifier in modifiers:
        words = modifier.split("_")
        if modifier.startswith("&") or not all(requirable(w) for w in words):
            dropped.append(modifier)
        else:
            kept.extend(w.lower() for w in words)
    forms: list[str] = []
    for words in _alternatives(head, synsets, path, notes):
        form = _compound(words)
        if form is not None:
            forms.append("".join(kept) + form)
    if not forms:
        raise Unexpressible("no object we can express", token)
    return tuple(dict.fromkeys(forms)), tuple(dropped)


def _alternatives(
    token: str, synsets: Synsets, path: Path, notes: list[Note]
) -> Iterator[list[str]]:
    """The words of a head noun, or of each item of a set."""
    if not token.startswith("&"):
        yield [w for w in token.split("_") if w]
        return
    name = token[1:].rstrip("_")
    if name not in synsets.items:
        raise Unexpressible("undefined synonym set", token)
    for line, words in synsets.items[name]:
        if _compound(words) is None:
            if (name, line) not in synsets.reported:
                synsets.reported.add((name, line))
                detail = f"{'_'.join(words)} in &{name}: a modifier we cannot require"
                notes.append(Note(path, line, "+" + "_".join(words), "set item left out", detail))
            continue
        yield words


def _compound(words: list[str]) -> str | None:
    """Our object lemma for a noun written as words (``AIR_STRIKE``: airstrike), or None when
    a modifier cannot be required."""
    words = [w for w in words if w]
    if not words or not all(requirable(w) for w in words[:-1]):
        return None
    return "".join(w.lower() for w in words[:-1]) + noun_lemma(words[-1])
