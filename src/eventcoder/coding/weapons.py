"""The specific code of a violent act from the weapon its clause names (``data/weapons.tsv``).

A verb or noun row gives a general code when the verb says no more ("killed", "attacked",
"carried out strikes": 190; "detonated": 183). CAMEO codes the weapon when the report names it:
aircraft and drones 195, suicide, car and roadside bombs 1831-1833, artillery, tanks and rockets
194, other bombs 183, small arms 193. A code a row only assumes (flag ``weapon``: a strike is
aerial) yields to the weapon named, and a weapon's code to one of higher precedence ("Israeli
jets fired rockets": 195). The weapon is read where a clause names what was used:

- the trigger itself, when it is a noun ("a drone attack on the base");
- the doer: the subject, a passive's by-phrase, the nominal act a modifier of which is the doer
  ("Israeli jets killed", "a suicide bomber killed", "killed by a roadside bomb", "killed in an
  Israeli air strike");
- what the act was done with or in ("attacked the ship with drones", "using rockets", "killed in
  a car bomb explosion");
- the object, when it names the act ("carried out air strikes") or the verb deploys it
  ("detonated a car bomb", "used drones"). The object of other verbs is the target ("shot down a
  drone", "attacked a tank"), never the weapon.

A subjectless participle carrying an act on ("jets struck the town, killing ten") takes the act's
weapon code. The code and the word it rests on are kept on the match (``Match.specific``,
``specific_why``), shown by ``explain`` and in the event's ``pattern``.
"""

from __future__ import annotations

from spacy.tokens import Token

from eventcoder.coding.patterns import Match, PatternBook, Weapon
from eventcoder.coding.tree import children, conjoined, kids, prep_objects

# Codes that say no more than "violence" or "a bombing": a named weapon makes them specific.
GENERAL = frozenset({"18", "180", "183", "19", "190"})
# CAMEO's precedence when a clause names several weapons (195: "when both aerial and other small
# types of weapons are used, this code takes precedence"; 194 before small arms; a suicide car
# bombing is 1831).
PRECEDENCE = ("195", "1831", "1832", "1833", "194", "183", "193")
# Verbs whose object is the weapon used, not the target.
DEPLOY = frozenset(
    {"detonate", "explode", "plant", "set", "use", "launch", "fire", "drop", "deploy", "employ",
     "hurl", "throw", "lob", "rain", "trigger", "unleash"}
)  # fmt: skip
# Nouns naming the act itself: as an object ("carried out air strikes") or the place of a death
# ("killed in an air strike") their words say which weapon.
ACTS = frozenset(
    {"attack", "strike", "airstrike", "raid", "bombing", "bombardment", "shelling", "fire",
     "barrage", "explosion", "blast", "sortie", "assault", "ambush"}
)  # fmt: skip
MODIFIER_DEPS = ("compound", "amod", "nmod")
OF = frozenset({"of"})


def specify(match: Match, book: PatternBook) -> None:
    """Give ``match`` the specific code of the weapon its clause names, when its code is
    general (:data:`GENERAL`) or only the row's assumption (flag ``weapon``: "struck a target"
    is 195 unless the clause names another weapon, "missiles struck" 194)."""
    if match.cameo is not None or not _open(match):
        return
    best: tuple[int, Weapon, Token] | None = None
    for tok in _weapon_words(match):
        row = _row(tok, book)
        if row is None or not row.cameo:
            continue
        rank = PRECEDENCE.index(row.cameo) if row.cameo in PRECEDENCE else len(PRECEDENCE)
        if best is None or rank < best[0]:
            best = (rank, row, tok)
    if best is not None and best[0] < _rank(match):
        _, row, tok = best
        match.specific = row.cameo
        match.specific_why = f"weapon {_phrase(tok, row)!r}, {row.source}"


def carry_on(match: Match, found: dict[int, Match]) -> None:
    """A subjectless participle that carries an act on ("struck the town, killing ten") takes
    the weapon code of the act it hangs on (in ``found``, the Doc's matches by token)."""
    tok = match.token
    if match.cameo is not None or not _open(match) or match.specific is not None:
        return
    if tok.tag_ != "VBG" or tok.dep_ not in ("advcl", "conj", "xcomp") or children(tok, "nsubj"):
        return
    act = found.get(tok.head.i)
    if act is not None and act.code in PRECEDENCE and _rank(act) < _rank(match):
        match.specific = act.code
        match.specific_why = f"carries on {act.token.text!r} ({act.code})"


def _open(match: Match) -> bool:
    """Whether the weapon may decide ``match``'s code: a general code, a row's assumption, or
    a weapon's code that a weapon of higher precedence overrides ("jets fired rockets": 195)."""
    return match.code in GENERAL or match.code in PRECEDENCE or "weapon" in match.pattern.flags


def _rank(match: Match) -> int:
    """The place of ``match``'s code in :data:`PRECEDENCE` (lower wins); a general code or a
    row's assumption (``weapon`` flag) ranks below every weapon."""
    code = match.code
    if code in PRECEDENCE and (match.specific is not None or "weapon" not in match.pattern.flags):
        return PRECEDENCE.index(code)
    return len(PRECEDENCE)


def _weapon_words(match: Match) -> list[Token]:
    """The nouns that may name the weapon of ``match`` (module docstring), with their
    conjuncts, what they are made of ("hundreds of drones") and their noun modifiers ("car" in
    "car bomb explosion")."""
    tok = match.token
    words: list[Token] = [tok] if match.kind == "noun" else []
    doers = [*children(tok, "nsubj"), *match.actor_heads]
    # "killed in an Israeli air strike": the doer is a modifier of the nominal act.
    doers += [h.head for h in match.actor_heads if h.dep_ in (*MODIFIER_DEPS, "poss")]
    words += doers + prep_objects(tok, frozenset({"with", "by"}))
    words += [p for p in prep_objects(tok, frozenset({"in"}))
              if {t.lemma_.lower() for t in [p, *prep_objects(p, OF)]} & ACTS]  # fmt: skip
    words += [o for c in kids(tok) if c.lemma_ == "use" and c.dep_ in ("advcl", "xcomp", "acl")
              for o in children(c, "dobj")]  # fmt: skip
    for obj in children(tok, "dobj"):
        if tok.lemma_.lower() in DEPLOY or obj.lemma_.lower() in ACTS:
            words.append(obj)
    out: list[Token] = []
    for word in words:
        for w in conjoined(word):
            for t in [w, *prep_objects(w, OF)]:
                out += [t, *(c for c in children(t, "compound") if c.pos_ in ("NOUN", "PROPN"))]
    return [t for t in out if t.pos_ in ("NOUN", "PROPN")]


def _row(tok: Token, book: PatternBook) -> Weapon | None:
    """The weapons row ``tok`` fits: one whose modifier it has, else the word's bare row."""
    rows = book.weapons.get(tok.lemma_.lower()) or book.weapons.get(tok.lower_)
    if not rows:
        return None
    modifiers = {c.lemma_.lower() for c in children(tok, *MODIFIER_DEPS)}
    modifiers |= {c.lower_ for c in children(tok, *MODIFIER_DEPS)}
    if tok.i >= 2 and tok.nbor(-1).text == "-":
        modifiers.add(tok.nbor(-2).lower_)  # "car-bomb", tokenised car - bomb
    return next((r for r in rows if not r.modifiers or r.modifiers & modifiers), None)


def _phrase(tok: Token, row: Weapon) -> str:
    """The weapon's words as written: the noun and the modifier its row asks for ("suicide
    bomber"), or the noun alone ("jets")."""
    mods = [c for c in children(tok, *MODIFIER_DEPS) if c.i < tok.i and c.lower_ in row.modifiers]
    start = min([tok.i, *(c.i for c in mods)])
    return tok.doc[start : tok.i + 1].text
