"""PETRARCH verb dictionaries (``CAMEO.2.0.txt``) to our verb patterns (``verbs``).

The file has synonym sets (``&NAME`` and ``+ITEM`` lines), then verb blocks: a header
``--- NAME [CODE] ---``, verbs (``BRING {BRINGS BROUGHT}``, ``+CARRY_OUT [0xx]``), patterns
(``- * (TO BORDER) [154]``, read by :mod:`~eventcoder.petrarch.patterns`) and transformations
(``~ ...``). Every pattern of a block applies
to every verb of the block, so a block gives one row per verb and pattern, and one bare row per
verb with a code (its own or the block's; ``[---]`` gives none). How a pattern maps to a row
(our rows are described in ``data/README.md``, "Event patterns"):

- the verb: the ``+`` word of a multi-word verb, lower case, as spaCy lemmatises it (an
  inflected form listed as a verb of its own is read as the block's base verb). A word after it
  that can be a particle (``CARRY_OUT``, ``GIVE_IN``) is a required particle; a preposition
  (``ASK_FOR``) is the row's ``prep``, preferred but not required (reported); a noun
  (``TAKE_LEAVE``) the object; a word before it (``WIRE_+TAP``) a particle, as our matcher
  reads the first part of a hyphenated verb ("wire-tapped");
- ``* NOUN`` and ``* {ADJ NOUN}``, ``* &SET``: the object (lemmas; a set gives its items). A
  modifier that is a noun joins the head as our matcher reads compounds (``{PEACE PLAN}`` is
  ``peaceplan``, ``AIR_STRIKE`` ``airstrike``); another modifier (``{HUMANITARIAN AID}``) cannot
  be required: the row keeps the head and is reported as an approximation, and is left out when
  the bare head has another code in the block (``* AID [023]``); a set item with such a modifier
  is left out of the set (reported once);
- ``* (PREP NOUN)``: object NOUN with ``prep`` PREP; our matcher reads the preposition's object
  only when the verb has no direct object ("looked into the allegations", not "accused X of
  corruption"), so these are reported as approximations;
- ``* (PREP)``, ``* (PREP +)``: ``prep`` PREP, the preposition whose object is the target, with
  flag ``recip`` (a row's ``prep`` only ranks rows, so ``recip`` keeps the row to sentences with
  a recipient, as the pattern needs the phrase); ``* +`` (the target as object) gets ``recip``
  too, and is reported when the verb's own bare row has another code (it could never win);
  ``* NOUN (PREP)``: both; ``$ *``: the source as subject, our default; ``* OUT NOUN``,
  ``* (ASIDE NOUN)``: a particle;
- codes: ``[---]`` is ``cameo: "-"`` (a no-event row); a paired code ``[X:Y]`` (X source to
  target, Y target to source) keeps X and reports Y as left out; codes must be in cameo.tsv.

Reported and left out: nouns before the verb (a subject constraint: ``&MILITARY *``), the target
before the verb or after an object, the source after the verb (``$`` after ``*``), skips ``^``,
compound actors ``%``, a prepositional object beside a direct object (two required nouns),
word sequences our columns have no place for (TABARI-style ``* TROOP TOWARD +``), undefined sets,
codes we do not have, ``[:Y]`` codes, transformations.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from eventcoder.petrarch.patterns import (
    NO_EVENT,
    PURE_PARTICLES,
    Shape,
    Synsets,
    Unexpressible,
    noun_lemma,
    read_pattern,
    split_codes,
)
from eventcoder.petrarch.source import Line, Note, Row, read_lines

# Words after a multi-word verb's verb read as its particle ("GIVE_IN", "TAKE_OVER").
PARTICLES = PURE_PARTICLES | frozenset({
    "over", "in", "on", "behind", "around", "about", "along", "through"
})  # fmt: skip
# Prepositions: after a verb, our row's prep (preferred, not required).
PREPOSITIONS = frozenset({
    "for", "with", "at", "to", "into", "of", "from", "against", "upon", "after", "onto", "toward",
    "towards", "by", "across", "among", "between", "under", "within", "without", "before",
    "beyond", "near"
})  # fmt: skip
CONJUNCTIONS = frozenset({"and", "or"})
# Forms of "be" and "have" a multi-word verb may start with (``+IS_DETERMINED``).
IRREGULAR = {"is": "be", "are": "be", "was": "be", "were": "be", "been": "be", "am": "be",
             "has": "have", "had": "have"}  # fmt: skip


@dataclass(frozen=True)
class Verb:
    """A verb of a block: its lemma, what a multi-word verb adds, and its own code."""

    line: int
    lemma: str
    particle: str | None = None
    prep: str | None = None
    object: str | None = None
    code: str | None = None


@dataclass
class Block:
    """A verb block: its name and code (None: no event), verbs, patterns and verb forms."""

    name: str
    code: str | None
    verbs: list[Verb] = field(default_factory=list)
    shapes: list[Shape] = field(default_factory=list)
    forms: dict[str, str] = field(default_factory=dict)  # an inflected form -> the base verb


def convert_verbs(path: Path, rows: dict[str, list[Row]], notes: list[Note]) -> None:
    """Add the patterns of a verb file to ``rows["verbs"]`` and its problems to ``notes``."""
    synsets = Synsets()
    in_set: str | None = None
    block: Block | None = None
    blocks: list[Block] = []
    for line in read_lines(path):
        text = line.text.strip()
        entry = line.raw.strip()
        header = re.fullmatch(r"---\s*(.*?)\s*(?:\[([^\]]*)\])?\s*---", text)
        if header:
            in_set = None
            code = _code(path, line, header[2], notes) if header[2] else None
            block = Block(header[1], None if code == NO_EVENT else code)
            blocks.append(block)
        elif re.fullmatch(r"&\S+", text):
            in_set = text[1:].rstrip("_")
            synsets.items[in_set] = []
        elif text.startswith("+") and in_set is not None:
            words = [w for w in re.split(r"[\s_]+", text[1:]) if w]
            if words:
                synsets.items[in_set].append((line.number, words))
        elif text.startswith("~"):
            notes.append(Note(path, line.number, entry, "verb transformation"))
        elif text.startswith("-"):
            if block is None:
                notes.append(Note(path, line.number, entry, "pattern outside a verb block"))
                continue
            shape = read_pattern(path, line, synsets, notes)
            if shape is not None:
                block.shapes.append(shape)
        elif block is not None:
            in_set = None
            verb = _verb(path, line, block, notes)
            if verb is not None:
                block.verbs.append(verb)
        else:
            notes.append(Note(path, line.number, entry, "line outside a verb block"))
    for block in blocks:
        rows["verbs"].extend(_rows(path, block, notes))


def _verb(path: Path, line: Line, block: Block, notes: list[Note]) -> Verb | None:
    """A verb line: ``WORD {FORMS} [CODE]``, ``+WORD_PARTICLE``, ``WORD_+WORD``."""
    entry = line.raw.strip()
    found = re.fullmatch(r"(\S+)\s*(?:\{([^}]*)\})?\s*(?:\[([^\]]*)\])?.*", line.text.strip())
    if found is None:
        notes.append(Note(path, line.number, entry, "verb line we cannot read"))
        return None
    words = [w for w in found[1].split("_") if w]
    at = next((i for i, w in enumerate(words) if w.startswith("+")), 0)
    base = words[at].lstrip("+").lower()
    lemma = IRREGULAR.get(base) or block.forms.get(base) or _base(base, block)
    for form in (found[2] or "").split():
        parts = form.split("_")
        verb = next((p for p in parts if p.startswith("+")), parts[0])
        block.forms.setdefault(verb.lstrip("+").lower(), lemma)
    particle = prep = obj = None
    if at:
        particle = "-".join(words[:at]).lower()  # "wire-tapped": the first part of the verb
    for word in (w.lower() for w in words[at + 1 :]):
        if word in CONJUNCTIONS:
            notes.append(Note(path, line.number, entry, "verb phrase with a conjunction", word))
            return None
        if particle is None and obj is None and word in PARTICLES:
            particle = word
        elif prep is None and word in PREPOSITIONS:
            prep = word
            detail = f"{word} (a row's prep ranks rows, it does not restrict them)"
            notes.append(Note(path, line.number, entry, "preposition not required", detail, True))
        elif obj is None and prep is None:
            obj = noun_lemma(word)
        else:
            notes.append(Note(path, line.number, entry, "verb phrase too long", word))
            return None
    code = None
    if found[3] is not None:
        code = _code(path, line, found[3], notes)
        if code is None:
            return None
    return Verb(line.number, lemma, particle, prep, obj, code)


def _code(path: Path, line: Line, cell: str, notes: list[Note]) -> str | None:
    """The code of a block header or verb (``---`` for none), or None (and a note) when it
    cannot be used."""
    try:
        code, reverse = split_codes(cell)
    except Unexpressible as problem:
        notes.append(Note(path, line.number, line.raw.strip(), problem.reason, problem.detail))
        return None
    if reverse:
        detail = f"{reverse} (target to source)"
        notes.append(
            Note(path, line.number, line.raw.strip(), "reverse event left out", detail, True)
        )
    return NO_EVENT if code == "-" else code


def _base(word: str, block: Block) -> str:
    """The block's verb of which ``word`` is a regular inflection, else ``word``."""
    for verb in [v.lemma for v in block.verbs]:
        stem = verb[:-1]
        forms = {verb + "s", verb + "es", verb + "ed", verb + "d", verb + "t", verb + "ing",
                 stem + "ing", stem + "ied", stem + "ies", verb + verb[-1:] + "ed",
                 verb + verb[-1:] + "ing"}  # fmt: skip
        if word in forms:
            return verb
    return word


def _rows(path: Path, block: Block, notes: list[Note]) -> Iterator[Row]:
    """The rows of a block: each verb bare, and each verb with each pattern."""
    shapes = _without_clashes(path, block.shapes, notes)
    shadowed: set[int] = set()
    for verb in block.verbs:
        code = verb.code or block.code
        if code is not None and code != NO_EVENT:
            yield _row(code, verb.lemma, verb.particle, (verb.object,) if verb.object else (),
                       (verb.prep,) if verb.prep else (), False)  # fmt: skip
        for shape in shapes:
            if verb.particle and shape.particle and verb.particle != shape.particle:
                continue  # PETRARCH can never match both either
            if verb.object and shape.objects:
                continue
            if not (shape.particle or shape.objects or shape.preps) and code not in (
                None,
                NO_EVENT,
                shape.code,
            ):
                # "* +": the verb with its target as object; our row cannot ask for an
                # object, so it would be the verb's own row with another code, never chosen.
                if shape.line not in shadowed:
                    shadowed.add(shape.line)
                    detail = f"{verb.lemma} has code {code} and this pattern {shape.code}"
                    notes.append(Note(path, shape.line, shape.entry, "the verb's own row", detail))
                continue
            preps = tuple(dict.fromkeys(((verb.prep,) if verb.prep else ()) + shape.preps))
            objects = shape.objects or ((verb.object,) if verb.object else ())
            yield _row(shape.code, verb.lemma, verb.particle or shape.particle, objects, preps,
                       shape.recip)  # fmt: skip


def _without_clashes(path: Path, shapes: list[Shape], notes: list[Note]) -> list[Shape]:
    """The block's patterns without the approximate ones that, without their modifier, ask for
    what an exact pattern of the block codes otherwise (``{HUMANITARIAN AID}`` 0233 beside
    ``AID`` 023); each approximate one is reported."""
    exact = [s for s in shapes if not s.dropped]
    kept = []
    for shape in shapes:
        if not shape.dropped:
            kept.append(shape)
            continue
        clash = next(
            (
                e
                for e in exact
                if e.particle == shape.particle
                and e.preps == shape.preps
                and set(e.objects) & set(shape.objects)
                and e.code != shape.code
            ),
            None,
        )
        dropped = " ".join(shape.dropped)
        if clash is None:
            kept.append(shape)
            notes.append(
                Note(path, shape.line, shape.entry, "modifier not required", dropped, True)
            )
        else:
            detail = f"{dropped}; without it the pattern is line {clash.line}'s, code {clash.code}"
            notes.append(Note(path, shape.line, shape.entry, "modifier we cannot require", detail))
    return kept


def _row(
    code: str,
    verb: str,
    particle: str | None,
    objects: tuple[str, ...],
    preps: tuple[str, ...],
    recip: bool,
) -> Row:
    return {
        "cameo": code,
        "verb": verb,
        "particle": [particle] if particle else None,
        "object": list(objects) or None,
        "prep": list(preps) or None,
        "flags": ["recip"] if recip else None,
    }
