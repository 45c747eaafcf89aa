"""Verb and noun patterns over the dependency parse: from a parsed sentence to coded events.

The patterns are data (``data/verbs.tsv``, ``data/nouns.tsv``, see ``data/README.md``). For each
token that matches a pattern this module finds the actor (subject, passive ``by`` agent, the
subject inherited from a governing clause, or a possessor for nouns) and the recipient (direct
object, passive subject, or the object of a pattern preposition), resolves both through
:class:`~eventcoder.actors.DocActors`, and builds :class:`~eventcoder.records.Event` records.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from eventcoder.actors import (
    ARMED_SECTORS,
    PRONOUNS_FIRST,
    PRONOUNS_GROUP,
    PRONOUNS_PERSON,
    DocActors,
    parse_depth,
)
from eventcoder.custom import verb_rows
from eventcoder.errors import DataFileError, Errors
from eventcoder.ontology import Ontology
from eventcoder.quotes import Quote, quote_at
from eventcoder.records import Actor, Event, Trigger
from eventcoder.tsv import data_path, read_tsv

RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
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
    }
)
# Prepositions whose object can be the place an event happens in (see the `where` flag).
PLACE_PREPS = frozenset(
    {"in", "at", "near", "outside", "around", "across", "through", "along", "inside", "into", "to"}
)
# Object heads that only say an act is under way: "ended mediation efforts", "a peace process".
LIGHT_OBJECTS = frozenset({"effort", "attempt", "bid", "process", "initiative"})
# "is willing to", "stands ready to": the act that follows is intended, not done.
INTENT_ADJECTIVES = frozenset({"willing", "ready", "prepared", "eager", "determined", "keen"})
FUTURE_AUX = frozenset({"will", "would", "shall", "'ll", "wo"})
# "could attack", "might impose sanctions": a possibility, not an act.
HYPOTHETICAL_AUX = frozenset({"could", "might", "may"})
# "if Pakistan attacks India": a condition states no act.
CONDITIONAL_MARKS = frozenset({"if", "unless"})
# "Israel announced it would free prisoners": a speaker's own future act is an intention (03).
ANNOUNCING = frozenset(
    {"say", "announce", "tell", "state", "declare", "confirm", "insist", "add", "pledge",
     "promise", "vow", "reiterate", "affirm", "reaffirm", "indicate", "signal", "warn"}
)  # fmt: skip
# "failed to reach a deal": the act did not come about.
FAILING = frozenset({"fail"})
# "X said Y must do": a demand on Y (CAMEO 100).
DEMANDING_AUX = frozenset({"must"})
DEMAND = "100"
# "a report alleged that X attacked": an allegation does not tell that the act happened.
ALLEGING = frozenset({"allege", "claim"})
# "denied that its troops attacked": the act is what is denied.
DENYING = frozenset({"deny"})
# "hit by a missile fired by rebels": a weapon is the instrument; the actor is who fired it.
WEAPON_NOUNS = frozenset(
    {"missile", "rocket", "shell", "bomb", "mortar", "grenade", "mine", "drone", "bullet",
     "projectile", "torpedo", "artillery", "shot", "airstrike", "device"}
)  # fmt: skip
# "gave permission to Russia to help Israel": the help is what is allowed, not an act.
PERMISSION_NOUNS = frozenset(
    {"permission", "approval", "consent", "authorisation", "authorization", "mandate", "licence",
     "license", "clearance", "access"}
)  # fmt: skip
# "victims killed by the crash": an accident or disaster is no one's act.
ACCIDENT_NOUNS = frozenset(
    {"crash", "accident", "collision", "earthquake", "quake", "flood", "storm", "cyclone",
     "hurricane", "typhoon", "landslide", "avalanche", "fire", "blaze", "wildfire", "disease",
     "illness", "heatwave", "drought", "tsunami", "lightning", "virus"}
)  # fmt: skip
# Prepositions on a verb's object that name the other party when the pattern names none.
FALLBACK_PREPS = frozenset({"with", "against", "to", "toward", "towards"})
# Nouns that are no trigger of their own (a "strike" may be a labour strike) but, as what a victim
# was killed or wounded "in", are someone's attack: "killed in an Israeli air strike".
ATTACKS = frozenset(
    {"strike", "operation", "offensive", "barrage", "bombardment", "fire", "crossfire", "gunfire"}
)
# Violence by people protesting is a violent protest (CAMEO 145): beatings, clashes, storming,
# property damage ("torched a police station"), not bombings or missile fire, which stay what they
# are. Violence by security forces or the government against them is violent repression (175).
VIOLENT_ROOTS = frozenset({"18", "19", "20"})
RIOTING = frozenset({"171", "1711", "1712", "180", "182", "1823", "190"})
RIOT, REPRESSION = "145", "175"
VERBAL_CONFLICT_ROOTS = frozenset({"09", "10", "11", "12", "13"})
# The state's own bodies: their domestic acts are aimed at the country's people (_domestic).
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})
# Modifiers that make a nominal act one not (yet) done: "threatened tariffs", "a planned
# offensive".
UNREALISED = frozenset(
    {"threatened", "planned", "proposed", "possible", "potential", "prospective", "looming"}
)
# Nouns whose to-infinitive is not done ("refusal to send weapons", "calls to free him") and
# whose that-clause is not told as done ("reports that Cairo had offered").
REFUSALS = frozenset({"refusal", "failure", "reluctance", "unwillingness", "inability"})
CALLS = frozenset({"call", "demand", "request", "appeal", "plea", "pressure", "ultimatum"})
HEARSAY = frozenset(
    {"report", "claim", "rumour", "rumor", "speculation", "suggestion", "allegation"}
)
# Verbs by which a body issues a text that then speaks for it ("passed a resolution condemning").
ISSUING = frozenset(
    {"pass", "adopt", "issue", "publish", "release", "approve", "unveil", "present", "submit",
     "table", "sign", "deliver", "send", "circulate", "draft"}
)  # fmt: skip
# Participles on an object that say what it carries ("a ship carrying tents").
CARRYING = frozenset({"carry", "transport", "bear", "load"})
# "ordered X to leave the country": an expulsion.
ORDERING = frozenset({"order", "tell", "instruct", "direct", "force"})
LEAVING = frozenset({"leave", "quit", "depart", "exit", "vacate"})
DIPLOMATS = frozenset({"ambassador", "envoy", "diplomat", "attache", "consul", "charge"})
# Verbs whose "from" + gerund is not done: "refrain from sending troops".
REFRAINING = frozenset({"refrain", "abstain", "desist"})
# Prepositions that give the topic of talks or information ("talks on ending the war").
TOPIC_PREPS = frozenset({"on", "about", "regarding", "concerning"})
# Nouns whose "of" phrase is what someone is charged with, not an act: "charges of attacking".
CHARGE_NOUNS = frozenset(
    {"charge", "accusation", "allegation", "suspicion", "count", "conviction", "crime"}
)


@dataclass(frozen=True)
class Pattern:
    """One row of ``verbs.tsv`` or ``nouns.tsv``.

    cameo: the CAMEO code it gives. lemma: the verb or noun lemma. particles, objects, preps: the
    sets of required particles, required object lemmas and recipient prepositions (empty = none).
    norecip: the event never has a recipient. person_code: the code used instead when the actor
    is not an armed body. source: ``file:line``. flags: the row's other flags (``FLAGS``).
    alone_code: the code used instead when the event has no recipient.
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
    claimed_by: Actor | None = None  # the speaker of the quote that states this act (112)
    mutual: bool = False  # conjoined actors are each other's recipients (the row's or intended)
    # For a row with ``alone=``: the places the act happens in, whose country is the recipient
    # of the alone code when it is not the actor's own ("exercises in Alaska").
    place_heads: list[Token] = field(default_factory=list)

    @property
    def code(self) -> str:
        return self.cameo or self.pattern.cameo


@dataclass(frozen=True)
class Step:
    """One decision on a trigger, recorded only while tracing (``eventcoder explain``).

    token: the trigger's index in the Doc. outcome: ``rejected``, ``matched``, ``chosen``,
    ``outscored`` (rows tried), ``dropped`` (a match or event given up), ``duplicate``.
    reason: why, in words. pattern: the row concerned. score: a matching row's specificity.
    event: the event concerned, for ``duplicate`` and subsumed ``dropped`` steps.
    """

    token: int
    outcome: str
    reason: str = ""
    pattern: Pattern | None = None
    score: int | None = None
    event: Event | None = None


@dataclass
class Trace:
    """What the coder tried on the Docs it coded while :attr:`EventCoder.trace` was set."""

    steps: list[Step] = field(default_factory=list)
    actors: DocActors | None = None  # the last Doc's actors, as the coder resolved them


def _split(cell: str | None) -> frozenset[str]:
    return frozenset(p.strip().lower() for p in (cell or "").split("|") if p.strip())


class PatternBook:
    """All verb and noun patterns, indexed by lemma.

    ontology: used to check that every pattern's CAMEO code exists. extra_verbs: users' own files
    in the ``verbs.tsv`` format, added after the built-in rows.
    """

    def __init__(self, ontology: Ontology, extra_verbs: Iterable[Path] = ()) -> None:
        self.verbs: dict[str, list[Pattern]] = {}
        self.nouns: dict[str, list[Pattern]] = {}
        for path in [data_path("verbs.tsv"), *map(Path, extra_verbs)]:
            if not path.exists():
                raise DataFileError(Errors.E005.format(path=path))
            for row in verb_rows(path):  # verbs.tsv format, or the verbs of a YAML file
                pattern = self._pattern(ontology, path, row, row["verb"], row["particle"])
                self.verbs.setdefault(pattern.lemma, []).append(pattern)
        path = data_path("nouns.tsv")
        for row in read_tsv(path, ("cameo", "noun", "prep", "flags"), required=2):
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

    @staticmethod
    def _pattern(
        ontology: Ontology,
        path: Path,
        row: dict[str, str | None],
        lemma: str | None,
        particle: str | None,
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
        )

    def __len__(self) -> int:
        return sum(map(len, self.verbs.values())) + sum(map(len, self.nouns.values()))


class _Tree:
    """The children of every token of the Doc being coded, built once by DocActors: Token.children
    builds new Token objects on every access, and the coder asks for children many times."""

    doc: Doc | None = None
    kids: list[list[Token]] = []  # noqa: RUF012


_TREE = _Tree()


def _that_clause(tok: Token) -> bool:
    """Whether ``tok`` has a finite clausal complement ("agreed with France that ...")."""
    return any(
        c.dep_ == "ccomp" and not any(g.dep_ == "aux" and g.lower_ == "to" for g in _kids(c))
        for c in _kids(tok)
    )


def _kids(tok: Token) -> list[Token]:
    if tok.doc is _TREE.doc:
        return _TREE.kids[tok.i]
    return list(tok.children)


def _children(tok: Token, *deps: str) -> list[Token]:
    return [c for c in _kids(tok) if c.dep_ in deps]


def _conjoined(tok: Token) -> list[Token]:
    """``tok`` and the words conjoined with it ("India and Pakistan"), also when the parser hangs
    the conjunct on another word of the same name ("Barack Obama and Vladimir Putin")."""
    out = [tok]
    name = [c for c in _kids(tok) if c.ent_iob_ == "I" and c.ent_type_ == tok.ent_type_]
    for word in [tok, *name]:
        for child in _kids(word):
            if child.dep_ == "conj" and child.pos_ in ("PROPN", "NOUN", "PRON"):
                out.extend(_conjoined(child))
    return out


def _lemma_forms(tok: Token) -> set[str]:
    """A noun's lemma, and with its compound modifiers closed up or hyphenated: "air strikes"
    is also "airstrike", "cease-fire" (tokenised cease - fire) also "ceasefire"."""
    lemma = tok.lemma_.lower()
    compounds = [c for c in _kids(tok) if c.dep_ == "compound" and c.i < tok.i]
    if tok.i >= 2 and tok.nbor(-1).text == "-" and tok.i - 2 not in {c.i for c in compounds}:
        compounds.append(tok.nbor(-2))
    parts = [c.lower_ for c in sorted(compounds, key=lambda c: c.i)]
    if not parts:
        return {lemma}
    joined = "".join(parts)
    return {lemma, joined + lemma, "-".join([*parts, lemma])}


def _wielder(agent: Token) -> list[Token]:
    """The agent itself, or for a weapon that a participle says someone fired ("a missile
    believed to be fired by rebels", "a rocket launched by militants"), whoever fired it."""
    if agent.lemma_.lower() not in WEAPON_NOUNS:
        return [agent]
    for tok in agent.subtree:
        if tok.dep_ == "agent" and tok.head.tag_ == "VBN":
            return _children(tok, "pobj") or [agent]
    return [agent]


def _reciprocal(tok: Token) -> bool:
    """Whether ``tok`` heads "each other" or "one another"."""
    words = {tok.lower_} | {c.lower_ for c in _kids(tok) if c.dep_ in ("det", "amod", "nummod")}
    return words >= {"each", "other"} or words >= {"one", "another"}


def _is_infinitive(tok: Token) -> bool:
    """Whether ``tok`` is a to-infinitive ("to attack")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in _kids(tok))


def _is_request(code: str) -> bool:
    """Whether a CAMEO code is an appeal (02) or a demand (10): its "that" clause is what the
    addressee is asked to do."""
    return code[:2] in ("02", "10")


def _object_clause(tok: Token) -> Token | None:
    """The to-infinitive clause with a subject of its own: "wants Putin to attack" (a ccomp)."""
    for child in _kids(tok):
        if child.dep_ == "ccomp" and _is_infinitive(child) and _children(child, "nsubj"):
            return child
    return None


def _is_passive(tok: Token) -> bool:
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in _kids(tok)):
        return True
    # "were arrested in March and released by the police": a participle sharing the passive.
    return (
        tok.dep_ == "conj"
        and tok.tag_ == "VBN"
        and tok.head.i != tok.i
        and any(c.dep_ in ("nsubjpass", "auxpass") for c in _kids(tok.head))
        and not _children(tok, "nsubj", "dobj")
    )


def _gerund_after(noun: Token, verb: Token) -> bool:
    """Whether ``noun`` is followed by a subjectless gerund hanging on ``verb`` or on it: a
    nominal act the parser took for a verb ("in Israeli tank shelling")."""
    doc = noun.doc
    if noun.i + 1 >= len(doc):
        return False
    nxt = doc[noun.i + 1]
    return (
        nxt.tag_ == "VBG"
        and nxt.dep_ in ("advcl", "acl", "xcomp")
        and nxt.head.i in (verb.i, noun.i)
        and not _children(nxt, "nsubj", "dobj")
    )


def _nominal_doers(noun: Token) -> list[Token]:
    """Who did a nominal act: its possessor and its by-phrase ("Modi's attack", "the killing of
    two soldiers by Indian troops")."""
    return _children(noun, "poss") + [
        p for b in _children(noun, "prep") if b.lower_ == "by" for p in _children(b, "pobj")
    ]


def _patients(tok: Token) -> list[Token]:
    """The subject of a passive verb: its own, or for a conjunct with none, the subject the
    conjuncts share ("were arrested and released", "civilians detained in May were released")."""
    own = _children(tok, "nsubjpass")
    if own or tok.dep_ != "conj" or _children(tok, "nsubj"):
        return own
    return _children(tok.head, "nsubjpass", "nsubj")[:1]


def _prep_objects(tok: Token, preps: frozenset[str]) -> list[Token]:
    out = []
    for child in _kids(tok):
        if child.dep_ in ("prep", "agent", "dative") and child.lower_ in preps:
            out.extend(_children(child, "pobj", "pcomp"))
        elif _compound_prep(child):
            # "pulled out of Gaza": the parser hangs "of" on "out".
            out.extend(p for g in _children(child, "prep") if g.lower_ in preps
                       for p in _children(g, "pobj", "pcomp"))  # fmt: skip
    return out


def _compound_prep(tok: Token) -> bool:
    """Whether ``tok`` is the first word of a two-word preposition ("out of", "away from"): a
    preposition with no object of its own but a preposition under it."""
    return (
        tok.dep_ == "prep" and not _children(tok, "pobj", "pcomp") and bool(_children(tok, "prep"))
    )


def _subject(tok: Token, event_nouns: Collection[str] = (), seen: int = 0) -> list[Token]:
    """The subject of ``tok``'s clause, its own or inherited from the clause it depends on.

    event_nouns: lemmas of nominal triggers, whose actor is the actor of a passive verb with no
    by-phrase ("killed in an Israeli air strike").
    """
    if seen > 6:
        return []
    if _is_passive(tok):
        agents = [
            p
            for a in _children(tok, "agent")
            for p in _children(a, "pobj")
            if p.lemma_.lower() not in ACCIDENT_NOUNS  # "killed by the crash": no one's act
        ]
        agents = [w for a in agents for w in _wielder(a)]
        if not agents:
            # "killed in an Israeli air strike (by government forces)": who did that act;
            # "rockets were fired from Gaza": where they came from.
            for prep in _children(tok, "prep"):
                for noun in _children(prep, "pobj"):
                    lemma = noun.lemma_.lower()
                    if prep.lower_ in ("in", "by") and (lemma in event_nouns or lemma in ATTACKS):
                        by = [p for b in _children(noun, "prep") if b.lower_ == "by" for p in
                              _children(b, "pobj")]  # fmt: skip
                        agents += (
                            by
                            or _children(noun, "poss")
                            or [c for c in _kids(noun) if c.dep_ in ("amod", "compound")]
                        )
                    elif prep.lower_ == "from" and noun.pos_ == "PROPN":
                        agents.append(noun)
                    elif prep.lower_ == "in" and _gerund_after(noun, tok):
                        # "killed in Israeli tank shelling", parsed as "in Israeli tank" and a
                        # verb "shelling": the phrase before the gerund names who shelled.
                        agents.append(noun)
        return agents
    subjects = _children(tok, "nsubj", "csubj")
    if subjects:
        subj = subjects[0]
        if subj.lower_ in RELATIVE_PRONOUNS and tok.dep_ == "relcl":
            return [tok.head]
        # "drones launched by the RSF struck fuel depots": whoever fired the weapon
        return _wielder(subj)
    head = tok.head
    if head.i == tok.i:
        return []
    if tok.dep_ == "acl" and tok.tag_ == "VBG" and head.pos_ in ("NOUN", "PRON"):
        # "a ruling ordering the release", "troops guarding the border": the noun acts; in
        # "India is a country destabilising Pakistan" the noun is said of the subject
        if head.dep_ == "attr" and head.head.i != head.i:
            return _subject(head.head, event_nouns, seen + 1)
        return [head]
    if tok.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN") and _children(tok, "dobj"):
        # "Israeli air strikes killed 30 people", parsed as a noun with a participle: a
        # participle with a direct object is active, and the noun is its subject.
        return [head]
    if tok.dep_ in ("acl", "advcl") and tok.tag_ == "VBN":
        # "a member jailed by Israel", "when asked, Toner said": a passive participle; its
        # actor is only the by-phrase, never the subject of the clause around it.
        return [
            p
            for a in _children(tok, "agent")
            for p in _children(a, "pobj")
            if p.lemma_.lower() not in ACCIDENT_NOUNS
        ]
    if tok.dep_ == "pcomp" and head.dep_ == "prep":
        # "accused India of financing terror": India finances (object control through "of").
        verb = head.head
        objects = _children(verb, "dobj") if verb.pos_ in ("VERB", "AUX") else []
        if objects:
            return objects[:1]
    if tok.dep_ == "xcomp":
        # Object control: in "urged Pakistan to act", Pakistan is the one to act.
        objects = _children(head, "dobj")
        if objects:
            return objects[:1]
        if _is_passive(head) and not _children(head, "agent"):
            return _children(head, "nsubjpass")  # "Obama is scheduled to attend"
        return _subject(head, event_nouns, seen + 1)
    if tok.dep_ in ("conj", "advcl", "ccomp", "pcomp", "acl", "prep", "pobj", "dobj", "acomp"):
        while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
            head = head.head
        if head.pos_ in ("VERB", "AUX"):
            return _subject(head, event_nouns, seen + 1)
    return []


class EventCoder:
    """Finds pattern matches in a Doc and turns them into events.

    ontology: CAMEO/PLOVER tables. patterns: the :class:`PatternBook`. keep_negated: keep negated
    events (marked ``negated``) instead of dropping them.
    """

    def __init__(
        self,
        ontology: Ontology,
        patterns: PatternBook,
        keep_negated: bool = False,
        unnamed: Collection[str] = (),
    ):
        self.ontology = ontology
        self.patterns = patterns
        self.keep_negated = keep_negated
        self.unnamed = frozenset(unnamed)
        # Set to a Trace to record every row tried and every match dropped (explain.py).
        self.trace: Trace | None = None

    def _note(
        self,
        token: int,
        outcome: str,
        reason: str = "",
        pattern: Pattern | None = None,
        score: int | None = None,
        event: Event | None = None,
    ) -> None:
        if self.trace is not None:
            self.trace.steps.append(Step(token, outcome, reason, pattern, score, event))

    # -- matching ------------------------------------------------------------------------------

    def _verb_match(self, tok: Token, actors: DocActors) -> Match | None:
        patterns = self.patterns.verbs.get(tok.lemma_.lower())
        if not patterns:
            return None
        kids = [(c, c.dep_, c.lower_) for c in _kids(tok)]  # _kids(Token) builds anew
        particles = {w for _, d, w in kids if d in ("prt", "advmod")}
        particles |= {w for c, _, w in kids if _compound_prep(c)}  # "pulled out of"
        if tok.i >= 2 and tok.nbor(-1).text == "-" and tok.nbor(-2).head.i == tok.i:
            particles.add(tok.nbor(-2).lower_)  # "test-fired": the first part as a particle
        strict_particles = {w for _, d, w in kids if d == "prt"}
        passive = _is_passive(tok)
        obj = next(iter(_patients(tok) if passive else _children(tok, "dobj")), None)
        objs = _conjoined(obj) if obj is not None else []
        # "allowed aid trucks to enter Gaza", parsed as a clause: its subject is what is let,
        # for rows that constrain the object
        clause_obj = None
        if obj is None and (clause := _object_clause(tok)) is not None:
            clause_obj = next(iter(_children(clause, "nsubj")), None)
        clause_lemmas = (
            {f for t in _conjoined(clause_obj) for f in _lemma_forms(t)} if clause_obj else set()
        )
        # "a new package of air defence missiles": the missiles are what is delivered; but in
        # "a suspension of aid" the suspension is what is done, a nominal event of its own.
        for _ in range(2):  # "three of the dozens of hostages"
            objs += [
                c
                for o in objs
                if o.lemma_.lower() not in self.patterns.nouns
                for p in _prep_objects(o, frozenset({"of"}))
                for c in _conjoined(p)  # "hundreds of drones and missiles"
                if c not in objs
            ]
        # "ended mediation efforts": the compound before a light head names what is done.
        objs += [
            c for o in objs if o.lemma_.lower() in LIGHT_OBJECTS for c in _children(o, "compound")
        ]
        # "dispatched a ship carrying tents and medicine": what the carrier carries
        objs += [
            d
            for o in objs
            for a in _children(o, "acl")
            if a.lemma_.lower() in CARRYING
            for d in _conjoined(next(iter(_children(a, "dobj")), a))
            if d is not a
        ]
        obj_lemmas = {form for t in objs for form in _lemma_forms(t)}
        # "supplied the army with armoured vehicles", "provided Samoa with 20 million dollars":
        # the object is whom it goes to, the with-phrase what is given
        given: list[Token] = []
        if obj is not None and not passive and actors.is_actor(obj):
            given = [
                c
                for w in _prep_objects(tok, frozenset({"with"}))
                + _prep_objects(obj, frozenset({"with"}))
                for t in [w, *_prep_objects(w, frozenset({"of", "in"}))]
                for c in _conjoined(t)
            ]
        given_lemmas = {form for t in given for form in _lemma_forms(t)}
        preps = {w for _, d, w in kids if d in ("prep", "agent", "dative", "prt")}
        preps |= {g.lower_ for c, _, _ in kids if _compound_prep(c) for g in _children(c, "prep")}
        if obj is not None:
            preps |= {c.lower_ for c in _kids(obj) if c.dep_ == "prep"}
        deps = {d for _, d, _ in kids}
        obj_is_actor = obj is not None and actors.is_actor(obj)
        best: tuple[int, Pattern, list[Token] | None] | None = None
        for pattern in patterns:
            score = 0
            if pattern.particles:
                if not pattern.particles & particles:
                    if self.trace is not None:
                        self._note(tok.i, "rejected", f"particle {_words(pattern.particles)} "
                                   f"missing (found {_words(particles)})", pattern)  # fmt: skip
                    continue
                score += 2
            elif strict_particles - pattern.preps:
                if self.trace is not None:
                    self._note(tok.i, "rejected", f"particle {_words(strict_particles)} not in "
                               "the row", pattern)  # fmt: skip
                continue  # "call off" is not "call"
            if pattern.objects:
                lemmas, targets = obj_lemmas, objs
                if obj is None and pattern.preps:
                    # "took part in joint exercises": without a direct object, the object of
                    # the row's preposition is what is done.
                    targets = _prep_objects(tok, pattern.preps)
                    lemmas = {f for p in targets for f in _lemma_forms(p)}
                if obj is None and pattern.objects & clause_lemmas:
                    lemmas = clause_lemmas
                elif pattern.objects & given_lemmas and not pattern.objects & lemmas:
                    lemmas = given_lemmas
                if not (
                    pattern.objects & lemmas
                    or ("@actor" in pattern.objects and obj_is_actor)
                    or (  # "protested to Tokyo": no direct object, the preposition's is an actor
                        "@actor" in pattern.objects
                        and obj is None
                        and any(actors.is_actor(t) for t in targets)
                    )
                    or ("@igo" in pattern.objects and _names_igo(actors, targets))
                ):
                    if self.trace is not None:
                        self._note(tok.i, "rejected", f"object constraint {_words(pattern.objects)}"
                                   f" not met (objects: {_words(lemmas)})", pattern)  # fmt: skip
                    continue
                score += 2
            if "xcomp" in pattern.flags and "xcomp" not in deps:
                self._note(tok.i, "rejected", "xcomp flag: no to-infinitive complement", pattern)
                continue
            if "objcomp" in pattern.flags and not (
                {"xcomp", "dobj"} <= deps or _object_clause(tok)
            ):
                self._note(tok.i, "rejected", "objcomp flag: no 'X to do' complement", pattern)
                continue
            if "ccomp" in pattern.flags and "ccomp" not in deps:
                self._note(tok.i, "rejected", "ccomp flag: no clausal complement", pattern)
                continue
            if "that" in pattern.flags:
                if not _that_clause(tok):
                    self._note(tok.i, "rejected", "that flag: no that-clause", pattern)
                    continue
                score += 1  # a clause constraint met makes the row more specific
            if "intrans" in pattern.flags and obj is not None and not passive:
                # "fired on protesters" is shooting, "fired the minister" a dismissal.
                self._note(tok.i, "rejected", "intrans flag: the verb has an object", pattern)
                continue
            heads = None
            if "recip" in pattern.flags:
                heads = self._recipient_heads(tok, pattern, obj, passive, actors)
                if not heads:
                    self._note(tok.i, "rejected", "recip flag: no actor recipient", pattern)
                    continue  # "spoke with reporters" is no event; "spoke with Netanyahu" is
            if pattern.preps & preps:
                score += 1
            if self.trace is not None:
                self._note(tok.i, "matched", "", pattern, score)
            if best is None or score > best[0]:
                best = (score, pattern, heads)
        if best is None:
            return None
        _, pattern, heads = best
        if not pattern.cameo:
            # "met the deadline", "attacked the problem": a row that says the use is no event.
            reason = "the most specific matching row: no event"
            self._note(tok.i, "chosen", reason, pattern, best[0])
            return None
        self._note(tok.i, "chosen", "the most specific matching row", pattern, best[0])
        match = Match(tok, pattern, "verb", mutual="mutual" in pattern.flags)
        if obj is None and clause_obj is not None and pattern.objects & clause_lemmas:
            obj = clause_obj
        if (
            obj is not None
            and given
            and pattern.objects & given_lemmas
            and not pattern.objects & obj_lemmas
        ):
            heads = heads or [obj]  # the object is the recipient
            obj = given[0]
        if obj is None and pattern.objects:
            # "pulled out of the grain deal with Ukraine": the preposition's object is what is
            # done, and the other party may hang on it.
            obj = next(
                (p for p in _prep_objects(tok, pattern.preps) if _lemma_forms(p) & pattern.objects),
                None,
            )
        match.object_token = obj if pattern.objects else None
        match.actor_heads = _subject(tok, self.patterns.nouns)
        if (
            passive
            and not match.actor_heads
            and (pattern.cameo[:2] == "17" or pattern.cameo.startswith("084"))
        ):
            # "a British couple has been detained in Iran", "two nationals detained in China
            # were released": only a state detains, jails, expels or frees; where it happened
            # says which.
            held = [a for p in _patients(tok) for a in _children(p, "acl") if a.tag_ == "VBN"]
            shared = [tok.head] if tok.dep_ == "conj" else []  # "rounded up in X and expelled"
            match.actor_heads = [
                p for a in [tok, *held, *shared] for p in actors.places(a, frozenset({"in"}))
            ][:1]
        head = tok.head
        if (
            tok.dep_ == "acl"
            and tok.tag_ == "VBG"
            and match.actor_heads == [head]
            and actors.resolve(head) is None
            and head.lemma_.lower() not in actors.documents
        ):
            # "maintained pressure on Islamabad urging it to act": a noun that names no one
            # (and no text that speaks for someone) does not act; the clause's subject does
            verb = head
            while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
                verb = verb.head
            match.actor_heads = _subject(verb, self.patterns.nouns) if verb is not head else []
        if (
            tok.dep_ == "acl"
            and tok.tag_ == "VBG"
            and head.dep_ == "dobj"
            and head.head.lemma_.lower() in ISSUING
            and head.lemma_.lower() in actors.documents
            and actors.resolve(head) is None
        ):
            # "the Senate passed a resolution condemning China": whoever issued the text
            match.actor_heads = _subject(head.head, self.patterns.nouns)
        if heads is not None:
            match.recipient_heads = heads
        elif not pattern.norecip:
            match.recipient_heads = self._recipient_heads(tok, pattern, obj, passive, actors)
        if pattern.alone_code and not match.recipient_heads:
            match.place_heads = [
                p for a in [tok] + ([obj] if obj is not None else []) for p in
                actors.places(a, PLACE_PREPS)
            ]  # fmt: skip
        preps_all = pattern.preps | FALLBACK_PREPS
        clause = _object_clause(tok) if "objcomp" in pattern.flags else None
        if clause is not None:
            # "wants Putin to attack": Putin, the subject of the wanted act, is asked.
            match.recipient_heads = _children(clause, "nsubj")
        if not match.recipient_heads and any(
            _reciprocal(t) for t in [*_children(tok, "dobj"), *_prep_objects(tok, preps_all)]
        ):
            # "both sides accused each other": the conjoined or paired actors are each
            # other's recipients, as for a mutual row.
            match.mutual = True
        if "inverse" in pattern.flags:
            # "received weapons from X": X gave, the subject received.
            match.actor_heads, match.recipient_heads = match.recipient_heads, match.actor_heads
        return match

    def _recipient_heads(
        self, tok: Token, pattern: Pattern, obj: Token | None, passive: bool, actors: DocActors
    ) -> list[Token]:
        """The recipient's phrase heads: the first of these places that names an actor."""
        # "fired on its border posts": a hostile act's target may be named by its owner only
        owners = pattern.cameo[:2] in ("14", "15", "16", "17", "18", "19", "20")
        with_obj = [tok] + ([obj] if obj is not None else [])
        # "mediated a round of talks between X and Y", "captured the village of Yalta in
        # Ukraine": what the object is a part or an instance of carries the other party
        inner = _prep_objects(obj, frozenset({"of", "in"})) if obj is not None else []
        with_obj += inner
        # "demanded that Maduro step down", "urged that Iran halt": who is asked.
        clause = None
        if _is_request(pattern.cameo):
            clause = next(
                (c for c in _kids(tok) if c.dep_ == "ccomp" and _children(c, "nsubj")), None
            )
        prt_preps = {c.lower_ for c in _kids(tok) if c.dep_ == "prt"} & pattern.preps
        groups: list[list[Token]] = [
            [p for a in with_obj for p in _prep_objects(a, pattern.preps)],
            _children(tok, "dobj") if prt_preps else [],
        ]
        if not pattern.objects:
            core = _patients(tok) if passive else _children(tok, "dobj")
            groups.append(core + _children(tok, "dative"))
        elif obj is not None:
            groups.append(_children(tok, "dative"))  # "gave Sri Lanka a loan"
            # "expelled a Pakistani diplomat": the object is the recipient; "froze the assets of
            # four Russian banks": or whose it is
            # What is given or sent is not whom it goes to ("sent warships"), unless a country
            # names it ("gave Ukraine tanks", parsed as one phrase).
            given = pattern.cameo[:2] in ("07", "15")
            if not given or (pattern.cameo[:2] == "07" and _names_actor(actors, obj, True)):
                groups.append([obj])
            if not given:
                groups.append([p for p in inner if p.dep_ == "pobj" and p.head.lower_ == "of"])
        let = _object_clause(tok) if pattern.objects and not _children(tok, "dobj") else None
        if let is not None:
            # "allowed aid trucks to enter Gaza": where or to whom the let act goes
            groups.append(_children(let, "dobj") + _prep_objects(let, PLACE_PREPS))
        if tok.dep_ in ("acl", "advcl") and tok.tag_ == "VBN" and not _children(tok, "dobj"):
            groups.append([tok.head])  # "a Hamas member jailed last year"
        # "ratified an agreement with the EU": the other party named on the object or verb;
        # "spoke by telephone with Pezeshkian": or on the verb's prepositional object.
        groups.append([p for a in with_obj for p in _prep_objects(a, FALLBACK_PREPS)])
        if obj is not None:
            # "rejected a plan put forward by the UN envoy", "calls from trade unions": who
            # made what is accepted or rejected
            groups.append(
                [p for a in _children(obj, "acl") for b in _children(a, "agent")
                 for p in _children(b, "pobj")]
                + _prep_objects(obj, frozenset({"from", "by"}))
            )  # fmt: skip
        groups.append(
            [
                p
                for a in _prep_objects(tok, frozenset({"by", "over", "on", "in", "via"}))
                for p in _prep_objects(a, frozenset({"with"}))
            ]
        )
        if "where" in pattern.flags:
            # Protests are aimed at the authorities of the place they happen in; troops massed
            # near a border face the country across it; a strike hits the country it lands in;
            # the place may be named on the actor ("protesters in the capital rallied").
            groups.append([p for a in with_obj for p in actors.places(a, PLACE_PREPS)])
            groups.append([p for a in _subject(tok) for p in actors.places(a, PLACE_PREPS)])
            # "seized control of Goma": the place taken
            groups.append([p for p in inner if actors.names_country(p) or p.i in actors.located])
        if clause is not None:
            groups.insert(0, _children(clause, "nsubj"))
        act = next(iter(_children(tok, "dobj")), None)
        if (
            pattern.cameo[:2] in ("09", "11", "12", "14")
            and act is not None
            and act.lemma_.lower() in self.patterns.nouns
        ):
            # "condemned the killing of two soldiers by Indian troops": whoever did the act
            groups.insert(0, _nominal_doers(act))
        # A recipient with a known country beats one without ("14 worshippers" in Kandahar).
        for known_only in (True, False):
            for group in groups:
                if any(_names_actor(actors, h, known_only, owners) for h in group):
                    return group
        return []

    def _noun_match(self, tok: Token, actors: DocActors) -> Match | None:
        patterns = self.patterns.nouns.get(tok.lemma_.lower())
        if not patterns:
            return None
        preps = {c.lower_ for c in _kids(tok) if c.dep_ == "prep"}
        pattern = max(patterns, key=lambda p: bool(p.preps & preps))
        if self.trace is not None:
            for other in patterns:
                why = f"preposition here: {_words(preps)}"
                self._note(tok.i, "chosen" if other is pattern else "outscored", why, other)
        if not pattern.cameo:
            return None  # a no-event row
        match = Match(tok, pattern, "noun", mutual="mutual" in pattern.flags)
        heads = _nominal_doers(tok)
        if not heads:
            # "the Israeli attack": a country or organisation, not a role word ("official visit")
            heads = [
                c
                for c in _kids(tok)
                if c.dep_ in ("amod", "compound", "nmod")
                and _names_actor(actors, c, known_only=True)
            ]
        supported = False
        recipients = []
        if not pattern.norecip:
            # "the attack by the Prime Minister on Islamabad": the parser often hangs the target
            # on the by-phrase instead of the noun.
            recipients = [p for a in [tok, *heads] for p in _prep_objects(a, pattern.preps)]
            if not any(_names_actor(actors, r) for r in recipients):
                # "a suspension of aid to Uganda": the target hangs on what is suspended.
                recipients += [
                    p
                    for o in _prep_objects(tok, frozenset({"of"}))
                    for p in _prep_objects(o, pattern.preps - {"of"})
                ]
        if not heads and tok.dep_ in ("dobj", "nsubjpass"):
            verb = tok.head
            if verb.lemma_.lower() in self.patterns.support_verbs:
                heads = _subject(verb, self.patterns.nouns)
                supported = True
                if not recipients and not pattern.norecip:
                    # "issued warrants for two men": the target hangs on the support verb.
                    recipients = _prep_objects(verb, pattern.preps)
        elif not heads and tok.dep_ == "pobj" and tok.head.lower_ in ("in", "for", "on"):
            # "engaged Filipino peacekeepers in a firefight": the verb's object is the target;
            # "arrived in Dhaka for a visit to Bangladesh": the visitor is the verb's subject.
            verb = tok.head.head
            if verb.lemma_.lower() in self.patterns.support_verbs:
                heads = _subject(verb, self.patterns.nouns)
                recipients = recipients or _children(verb, "dobj")
                if not recipients and pattern.cameo[:2] == "04":
                    # "arrived in Baghdad for talks": talks with whoever governs there
                    recipients = actors.places(verb, frozenset({"in", "to", "at"}))
                supported = True
        match.actor_heads = heads
        match.recipient_heads = recipients
        # A noun alone ("China's assistance") is often background, not news: code it only
        # when it names its target, or when a verb like "launch" makes it the clause's act.
        partners = "mutual" in pattern.flags and len([a for h in heads for a in _conjoined(h)]) > 1
        if (
            not supported
            and not partners
            and not any(actors.resolve(h) for h in match.recipient_heads)
        ):
            reason = "noun with no resolved target, no support verb and no mutual partners"
            self._note(tok.i, "dropped", reason, pattern)
            return None
        return match

    def matches(self, doc: Doc | Span, actors: DocActors) -> list[Match]:
        """Every pattern match in ``doc``, with suppression and negation decided."""
        found: dict[int, Match] = {}
        for tok in actors.tokens if isinstance(doc, Doc) else doc:
            match = None
            if tok.pos_ in ("VERB", "AUX"):
                match = self._verb_match(tok, actors)
            if match is None and tok.pos_ in ("NOUN", "PROPN"):
                match = self._noun_match(tok, actors)
            if match is not None:
                found[tok.i] = match
        for match in found.values():
            supported = self._supported(match, found)
            if supported is not None:
                # "approved the deployment of troops": the deployment is the act.
                match.suppressed_by = supported
                match.suppressed_reason = "support verb of a nominal event"
            obj = match.object_token
            blocking = match.code == "129" or match.code[:2] == "16"  # veto, block, halt
            # "condemned the killing of", "protesting the beating of", "investigate the attack":
            # what is condemned, protested or investigated is told as the speaker's view
            judging = match.code[:2] in ("09", "11", "14") and match.kind == "verb"
            if obj is None and (blocking or judging) and match.kind == "verb":
                obj = next(iter(_children(match.token, "dobj")), None)
            if obj is not None:
                inner = []
                if blocking or judging:
                    # "blocked a package of EU sanctions": what is blocked is not done
                    inner = [
                        c for p in _prep_objects(obj, frozenset({"of"})) for c in _conjoined(p)
                    ]
                for o in _conjoined(obj) + inner:
                    if o.i in found and found[o.i].kind == "noun":
                        found[o.i].suppressed_by = match.token.i
                        found[o.i].suppressed_reason = "object of another trigger"
            tok = match.token
            governing = _complement_head(tok, found)
            if governing is not None:
                # "threatened to impose sanctions": the threat is the event, not the sanctions,
                # and it is aimed where the sanctions would be.
                match.suppressed_by = governing.token.i
                match.suppressed_reason = "complement of a governing trigger"
                if not governing.recipient_heads and not governing.pattern.norecip:
                    governing.recipient_heads = list(match.recipient_heads)
                threat = self.patterns.intent.get(match.code[:2], "")
                if governing.code == "130" and governing.cameo is None and threat[:2] == "13":
                    # "threatened to strike Seoul" is a threat of force (138), not just a threat
                    governing.cameo = threat
            match.negated = _negated(tok)
            if _failed(tok) and not match.negated:
                # "failed to reach a deal": cooperation that did not come about is a
                # rejection (120); a failed hostile act is no act, as if negated.
                if self.ontology[match.code].quad_class <= 2:
                    match.cameo = "120"
                else:
                    match.negated = True
            if tok.dep_ == "relcl" and match.suppressed_by is None:
                # "the group that seized Mosul": background to the sentence, not its news.
                match.suppressed_by = tok.head.i
                match.suppressed_reason = "relative clause"
            verbal = self.ontology[match.code].quad_class in (1, 3)
            governor = _governing_trigger(tok, found, verbal, match.code[:2] == "14")
            if governor is not None and match.suppressed_by is None:
                # "jailed for helping militants", "pressure to help Iran", "permission to help":
                # the reason for an act or the content of a request is not itself an event.
                match.suppressed_by = governor
                match.suppressed_reason = "reason or purpose clause"
            if match.suppressed_by is None:
                background = _background(tok, found)
                if background is not None:
                    match.suppressed_by, match.suppressed_reason = background
        for match in list(found.values()):
            if "intent" in match.pattern.flags:
                self._intent(match, found)
        for match in list(found.values()):
            if "claim" in match.pattern.flags or "ccomp" in match.pattern.flags:
                self._claim(match, found, actors)
            elif match.code[:2] == "13" and match.kind == "verb":
                self._warning(match, actors)
        for match in found.values():
            self._expulsion(match, actors)
            self._willing(match)
            self._modality(match)
            if match.code[:2] == "13" and not any(
                _names_actor(actors, h) for h in match.recipient_heads
            ):
                # "warned it would use nuclear weapons if the US crossed its red lines": the
                # threat is aimed at whoever the condition is about
                scope = [match.token, *_children(match.token, "xcomp", "ccomp")]
                match.recipient_heads = [
                    s
                    for t in scope
                    for c in _kids(t)
                    if c.dep_ == "advcl"
                    and any(m.dep_ == "mark" and m.lower_ in CONDITIONAL_MARKS for m in _kids(c))
                    for s in _children(c, "nsubj", "nsubjpass")
                ]
            hypothetical = _hypothetical(match.token)
            if hypothetical is not None and match.suppressed_by is None:
                # "Iran could attack Israel", "if Pakistan attacks India": no act is reported.
                match.suppressed_by = hypothetical
                match.suppressed_reason = "hypothetical (modal verb or condition)"
        return sorted(found.values(), key=lambda m: m.token.i)

    def _supported(self, match: Match, found: dict[int, Match]) -> int | None:
        """The nominal event that ``match``, a support verb's row with no object constraint,
        has as its object ("approved the deployment of troops"), or None."""
        tok, pattern = match.token, match.pattern
        if match.kind != "verb" or pattern.objects or "intent" in pattern.flags:
            return None
        if tok.lemma_.lower() not in self.patterns.support_verbs:
            return None
        nouns = [o.i for o in _children(tok, "dobj") if o.i in found and found[o.i].kind == "noun"]
        return nouns[0] if nouns else None

    def _willing(self, match: Match) -> None:
        """'The US is willing to provide loans' is an intention (033), not the act."""
        head = match.token.head
        if match.token.dep_ == "xcomp" and head.lemma_.lower() in INTENT_ADJECTIVES:
            intended = self.patterns.intent.get(match.code[:2])
            if intended is not None and match.cameo is None:
                match.cameo = intended

    def _intent(self, match: Match, found: dict[int, Match]) -> None:
        """'Obama wants to attack X' is a threat; 'wants to help X' an intent to cooperate."""
        inner = next(
            (found[c.i] for c in _kids(match.token) if c.dep_ == "xcomp" and c.i in found),
            None,
        )
        code = self.patterns.intent.get(inner.code[:2]) if inner is not None else None
        if inner is None or code is None:
            if inner is not None:
                inner.suppressed_by = inner.suppressed_reason = None
            why = "intended act has no intent code" if inner else "no coded act is intended"
            self._note(match.token.i, "dropped", f"intent row: {why}", match.pattern)
            del found[match.token.i]
            return
        match.cameo = code
        match.recipient_heads = list(inner.recipient_heads)
        match.mutual = inner.mutual  # "India and Pakistan plan to hold talks": with each other
        inner.suppressed_by = match.token.i
        inner.suppressed_reason = "intended act (intent rewrite)"

    def _expulsion(self, match: Match, actors: DocActors) -> None:
        """'Niger ordered the Red Cross to leave the country': an order to leave is an
        expulsion (174), of an international or aid body a withdrawal forced on it (166)."""
        tok = match.token
        if match.kind != "verb" or match.code[:2] != "10" or tok.lemma_.lower() not in ORDERING:
            return
        clause = _object_clause(tok)
        complements = _children(tok, "xcomp") + ([clause] if clause is not None else [])
        complements = [c for x in complements for c in [x, *_children(x, "conj")]]
        if not any(c.lemma_.lower() in LEAVING for c in complements):
            return
        targets = [a for h in match.recipient_heads for a in self._resolve(actors, h)]
        bodies = any(a.code.startswith("IGO") or a.sector == "NGO" for a in targets)
        envoys = any(h.lemma_.lower() in DIPLOMATS for h in match.recipient_heads)
        # expelling an envoy reduces relations (161), as the CAMEO codebook has it
        match.cameo = "166" if bodies else "161" if envoys else "174"

    def _warning(self, match: Match, actors: DocActors) -> None:
        """'Somalia warned that al-Shabaab could retake territory': a warning about what a third
        party may do is no threat by the speaker. A threat's clause is about the speaker's own
        act ("warned that it would retaliate") or the warned side ("warned Iran that it would
        pay"); a clause whose subject is another actor is news, not a threat."""
        if match.suppressed_by is not None:
            return
        doers = [a for h in match.actor_heads for a in self._resolve(actors, h)]
        warned = [a for h in match.recipient_heads for a in self._resolve(actors, h)]
        sides = {_party(a) for a in doers + warned}
        for clause in _children(match.token, "ccomp"):
            for subject in _children(clause, "nsubj", "nsubjpass"):
                if not actors.names_actor_itself(subject):
                    continue  # "warned that Taiwan independence means war"
                # an actor of no known country ("its fighters") may be anyone's
                about = [a for a in self._resolve(actors, subject) if not a.code.startswith("---")]
                if about and sides and not {_party(a) for a in about} & sides:
                    match.suppressed_by = subject.i
                    match.suppressed_reason = "a warning about a third party's act, no threat"
                    return

    def _modality(self, match: Match) -> None:
        """A refused cooperative act is a rejection: "he would not provide support" is 120. An
        announced future act is an intention: "Israel said it would free prisoners" is 035,
        "said it will launch missiles" a threat (138)."""
        if match.cameo is not None or not _is_future(match.token):
            return
        if match.negated:
            if self.ontology[match.code].quad_class <= 2:
                match.cameo, match.negated = "120", False
            return
        tok = match.token
        if tok.dep_ == "ccomp" and tok.head.lemma_.lower() in ANNOUNCING:
            intended = self.patterns.intent.get(match.code[:2])
            if intended is not None:
                match.cameo = intended

    def _claim(self, match: Match, found: dict[int, Match], actors: DocActors) -> None:
        """'X said that Y attacked Z': the speaker's claim is the speaker's event, an
        accusation by X against Y (CAMEO 112), unless X is the media reporting it or Y is X.

        The first conflictual event inside the verb's clausal complement gives the recipient and
        is suppressed. A ``ccomp`` row without such a complement does not match at all.
        """
        # "accused India of financing terror": what X is accused of is the claim, not an event.
        for prep in _kids(match.token):
            if prep.dep_ == "prep" and prep.lower_ in ("of", "for", "by"):
                for tok in prep.subtree:
                    if tok.i in found and found[tok.i] is not match:
                        found[tok.i].suppressed_by = match.token.i
                        found[tok.i].suppressed_reason = "what the actor is accused of"
        speakers = [a for h in match.actor_heads for a in self._resolve(actors, h)]
        # The media reporting, or "officials" of no known side, only attribute the news.
        reporting = not speakers or any(
            a.sector == "JRN" or a.code.startswith("---") for a in speakers
        )
        if not reporting and self._demand(match, found, actors, speakers):
            return
        for clause in _children(match.token, "ccomp"):
            for tok in clause.subtree:
                inner = found.get(tok.i)
                if inner is None or inner is match or inner.suppressed_by is not None:
                    continue
                if not _on_main_chain(tok, clause):
                    continue  # "victims killed by the crash" is background to the claim
                if self.ontology[inner.code].quad_class < 3 or not inner.actor_heads:
                    continue
                if "claim" in inner.pattern.flags or inner.negated:
                    continue
                accused = [a for h in inner.actor_heads for a in self._resolve(actors, h)]
                if (
                    reporting
                    or not accused
                    or {_side(a) for a in accused} & set(map(_side, speakers))
                ):
                    break
                match.recipient_heads = list(inner.actor_heads)
                inner.suppressed_by = match.token.i
                inner.suppressed_reason = "claim: the speaker's accusation"
                # "said Russia fired 800 drones, killing 12": all of it is the claim
                for t in clause.subtree:
                    other = found.get(t.i)
                    if (
                        other is not None
                        and other is not match
                        and other.suppressed_by is None
                        and self.ontology[other.code].quad_class >= 3
                        and not _children(t, "nsubj", "nsubjpass")
                    ):
                        other.suppressed_by = match.token.i
                        other.suppressed_reason = "claim: part of the speaker's accusation"
                return
        if match.token.lemma_.lower() in ALLEGING:
            # "a report alleged that France helped carry out killings": an allegation does not
            # tell that the act happened, nor does a side's claim of its own act ("the rebels
            # claimed that they had attacked the base"): both are statements. Another side
            # the clause is about is the one accused ("alleged that France was aware").
            if not match.recipient_heads and not reporting:
                for clause in _children(match.token, "ccomp"):
                    subjects = _children(clause, "nsubj", "nsubjpass")
                    about = [a for h in subjects for a in self._resolve(actors, h)]
                    if about and not {_side(a) for a in about} & set(map(_side, speakers)):
                        match.recipient_heads = subjects
                        break
            for clause in _children(match.token, "ccomp"):
                for tok in clause.subtree:
                    inner = found.get(tok.i)
                    if inner is None or inner is match or inner.suppressed_by is not None:
                        continue
                    inner.suppressed_by = match.token.i
                    inner.suppressed_reason = "alleged, not reported as done"
        if "ccomp" in match.pattern.flags:
            reason = "ccomp flag: no conflictual claim by another side in the complement"
            self._note(match.token.i, "dropped", reason, match.pattern)
            del found[match.token.i]

    def _demand(
        self, match: Match, found: dict[int, Match], actors: DocActors, speakers: list[Actor]
    ) -> bool:
        """'Russia said Israel must end the strikes': what another side must do is demanded
        of it (CAMEO 100), not reported as done. Returns whether the claim was a demand."""
        for clause in _children(match.token, "ccomp"):
            if not any(c.dep_ == "aux" and c.lower_ in DEMANDING_AUX for c in _kids(clause)):
                continue
            subjects = _children(clause, "nsubj")
            asked = [a for h in subjects for a in self._resolve(actors, h)]
            if not asked or {_side(a) for a in asked} & set(map(_side, speakers)):
                continue  # "Pakistan said it must defend itself" is no demand
            match.cameo = DEMAND
            match.recipient_heads = subjects
            for tok in clause.subtree:
                inner = found.get(tok.i)
                if inner is not None and inner is not match and inner.suppressed_by is None:
                    inner.suppressed_by = match.token.i
                    inner.suppressed_reason = "what is demanded, not done"
            return True
        return False

    # -- quotes --------------------------------------------------------------------------------

    def _quoted_claim(self, match: Match, actors: DocActors) -> None:
        """A hostile act a direct quote says someone else did is the speaker's accusation of
        them (112), as with "X said that Y attacked Z" (docs/quotes.md)."""
        speaker = actors.speakers.get(match.token.i)
        if speaker is None or match.suppressed_by is not None or match.negated:
            return
        if self.ontology[match.code].quad_class < 3 or "claim" in match.pattern.flags:
            return
        doers = [
            a for h in match.actor_heads for c in _conjoined(h) for a in self._resolve(actors, c)
        ]
        if doers and all(_side(a) != _side(speaker) for a in doers):
            match.claimed_by = speaker

    def _inferred(
        self,
        doc: Doc,
        actors: DocActors,
        quotes: Sequence[Quote],
        events: list[Event],
        doc_id: str,
        date: str | None,
    ) -> list[Event]:
        """Hostile acts a speaker aims at a party they do not name ("sanction this instigator"),
        read as aimed at the recipient of the speaker's hostile act just before the quote. The
        recipient is marked ``inferred``. An act with no doer is the speaker's call for it,
        coded as criticism (111); one the speaker's own side does keeps its code."""
        out: list[Event] = []
        for quote in quotes:
            speaker = quote.speaker.actor if quote.direct and quote.speaker else None
            target = self._lead_target(quote, speaker, events) if speaker else None
            if speaker is None or target is None:
                continue
            span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
            done: set[str] = set()
            for tok in span if span is not None else ():
                found = self._hostile_pattern(tok)
                unnamed = self._unnamed_party(tok, actors) if found else None
                if found is None or unnamed is None:
                    continue
                doers = [a for h in _subject(tok) for a in self._resolve(actors, h)]
                if any(_side(a) != _side(speaker) for a in doers):
                    continue  # someone else's act is coded the usual way
                cameo = found.cameo if doers else "111"
                if cameo in done:
                    continue
                done.add(cameo)
                words = actors.np_tokens(unnamed)
                start, end = words[0].idx, words[-1].idx + len(words[-1].text)
                recipient = Actor(actors.text[start:end], target.code, target.country,
                                  target.sector, target.name, start, end, "inferred")  # fmt: skip
                index = actors.sentence_of[tok.i]
                sentence = actors.sentence_text(index)
                out.append(
                    self._event(
                        tok, speaker, recipient, cameo, index, sentence, doc_id, date,
                        pattern=f"{found.source} (call against an unnamed party)",
                    )
                )  # fmt: skip
        return out

    @staticmethod
    def _lead_target(quote: Quote, speaker: Actor, events: list[Event]) -> Actor | None:
        """The recipient of the speaker's last hostile act told just before the quote."""
        for event in reversed(events):
            if event.trigger.start >= quote.start or event.recipient is None:
                continue
            if event.sentence_index < quote.sentence_index - 2:
                break
            recipient = event.recipient
            if (
                event.quad_class >= 3
                and _side(event.actor) == _side(speaker)
                and recipient.country is not None
                and recipient.kind != "inferred"
            ):
                return recipient
        return None

    def _hostile_pattern(self, tok: Token) -> Pattern | None:
        """A bare pattern of ``tok``'s lemma with a conflictual code, if any."""
        table = self.patterns.verbs if tok.pos_ == "VERB" else self.patterns.nouns
        for pattern in table.get(tok.lemma_.lower(), ()):
            bare = not pattern.objects and not pattern.particles and "intent" not in pattern.flags
            bare = bare and bool(pattern.cameo)  # a no-event row ("-") is never hostile
            if bare and self.ontology[pattern.cameo].quad_class >= 3:
                return pattern
        return None

    def _unnamed_party(self, tok: Token, actors: DocActors) -> Token | None:
        """The object of ``tok`` when it is a party described but not named ("this country")."""
        candidates = _children(tok, "dobj", "nsubjpass")
        if not candidates and tok.dep_ == "conj":
            candidates = _children(tok.head, "dobj")  # "isolate and sanction this instigator"
        candidates += _prep_objects(tok, frozenset({"against", "on", "upon"}))
        for obj in candidates:
            if obj.pos_ not in ("NOUN", "PROPN") or obj.lemma_.lower() not in self.unnamed:
                continue
            named = actors.resolve(obj)
            if named is None or (named.country is None and named.code.startswith("---")):
                return obj  # "this regime" is a government, but whose?
        return None

    # -- events --------------------------------------------------------------------------------

    def code(
        self,
        doc: Doc,
        actors: DocActors,
        doc_id: str = "",
        date: str | None = None,
        quotes: Sequence[Quote] = (),
    ) -> tuple[list[Event], list[Match]]:
        """Code ``doc``: returns the events and every pattern match (for explanation).

        quotes: the document's quotes (:mod:`eventcoder.quotes`); events stated in a direct quote
        are the speaker's (docs/quotes.md) and every event records the quote it came from.
        """
        _TREE.doc, _TREE.kids = doc, actors.kids
        try:
            return self._code(doc, actors, doc_id, date, quotes)
        finally:
            _TREE.doc, _TREE.kids = None, []

    def _code(
        self,
        doc: Doc,
        actors: DocActors,
        doc_id: str,
        date: str | None,
        quotes: Sequence[Quote],
    ) -> tuple[list[Event], list[Match]]:
        if self.trace is not None:
            self.trace.actors = actors
        all_matches = self.matches(doc, actors)
        for match in all_matches:
            self._quoted_claim(match, actors)
        events: list[Event] = []
        seen: set[tuple[object, ...]] = set()
        for match in all_matches:
            if match.suppressed_by is not None:
                continue
            if match.negated and not self.keep_negated:
                continue
            for event in self._events(match, actors, doc_id, date):
                key = (event.sentence_index, event.trigger.start, event.actor.code,
                       event.recipient.code if event.recipient else None, event.cameo)  # fmt: skip
                if key not in seen:
                    seen.add(key)
                    events.append(event)
                else:
                    self._note(match.token.i, "duplicate", "same event as before", event=event)
        kept = _drop_subsumed(events)
        if self.trace is not None:
            for event in (e for e in events if all(e is not k for k in kept)):
                token = doc.char_span(event.trigger.start, event.trigger.end)
                why = "subsumed: the same actor has this event type with a recipient"
                self._note(token.start if token else -1, "dropped", why, event=event)
        events = kept
        events += self._inferred(doc, actors, quotes, events, doc_id, date)
        events.sort(key=lambda e: (e.trigger.start, e.actor.start))
        _reactions(events)
        _mark_roots(doc, events)
        for event in events:
            quote = quote_at(quotes, event.trigger.start)
            event.quote = quote.index if quote is not None else None
        for n, event in enumerate(events):
            event.event_id = f"{doc_id}-{n}" if doc_id else str(n)
        return events, all_matches

    def _resolve(self, actors: DocActors, tok: Token, exclude: str | None = None) -> list[Actor]:
        if tok.pos_ == "PRON":
            word = tok.lower_
            if word in PRONOUNS_PERSON or word in PRONOUNS_GROUP or word in PRONOUNS_FIRST:
                actor = actors.resolve_pronoun(tok, exclude)
                return [actor] if actor is not None else []
            return []
        found = actors.resolve_all(tok)
        if exclude is not None and not found:
            # "fired on its border posts": the target is the posts' owner, not the actor
            for poss in _children(tok, "poss"):
                if poss.pos_ == "PRON" and poss.lower_ in PRONOUNS_GROUP | PRONOUNS_PERSON:
                    other = actors.resolve_pronoun(poss, exclude)
                    return [other] if other is not None else []
        if exclude is not None and any(a.code == exclude for a in found):
            # "the Taliban fired on its border posts": a possessive that would make the target
            # the actor's own refers to someone else (the army that said so).
            for poss in _children(tok, "poss"):
                own = actors.resolve_pronoun(poss) if poss.pos_ == "PRON" else None
                if own is not None and own.code == exclude:
                    other = actors.resolve_pronoun(poss, exclude)
                    return [other] if other is not None else found
        return found

    def _events(
        self,
        match: Match,
        actors: DocActors,
        doc_id: str,
        date: str | None,
    ) -> Iterator[Event]:
        tok = match.token
        index = actors.sentence_of[tok.i]
        sent = actors.sentence_text(index)
        subjects = [a for h in match.actor_heads for a in _conjoined(h)]
        verbal = self.ontology[match.code].quad_class in (1, 3)
        found = [
            a
            for h in subjects
            for a in self._resolve(actors, h)
            # "a report alleged": a text speaks for its author, in its own clause; it does not
            # act ("the statement comes ... seeking to mend ties").
            if a.kind != "author" or (verbal and h.head.i == tok.i)
        ]
        if not found and self.trace is not None:
            heads = ", ".join(h.text for h in subjects)
            why = f"no resolvable actor ({heads} name no actor)" if heads else "no actor found"
            self._note(tok.i, "dropped", why, match.pattern)
        if match.claimed_by is not None:
            # '"India is destabilising Pakistan," Zakaria said': Zakaria accuses India.
            speaker = match.claimed_by
            for accused in found:
                if _side(accused) != _side(speaker):
                    yield self._event(
                        tok, speaker, accused, "112", index, sent, doc_id, date,
                        pattern=f"{match.pattern.source} (quoted claim)",
                    )  # fmt: skip
            return
        protesting = any(actors.protesting(h) for h in subjects)
        # "fired on demonstrators in Nairobi": the recipient may be the place, the act is still
        # aimed at protesters.
        targets = [*match.recipient_heads, *_children(tok, "dobj", "nsubjpass")]
        targets += _prep_objects(tok, match.pattern.preps | FALLBACK_PREPS | {"on", "at"})
        protested = any(actors.protesting(c) for h in targets for c in _conjoined(h))
        for actor in found:
            recipients: list[Actor | None] = [
                r
                for h in match.recipient_heads
                for c in _conjoined(h)
                for r in self._resolve(actors, c, actor.code)
                if r.code != actor.code
            ]
            known = [r for r in recipients if r and not r.code.startswith("---")]
            if actor.country is None and actor.code.startswith("---") and not known:
                if self.trace is not None:
                    why = f"unknown-country actor {actor.code} with no recipient of known country"
                    self._note(tok.i, "dropped", why, match.pattern)
                continue  # "militants killed people": no country on either side says too little
            if match.mutual and len(found) > 1 and not known:
                recipients = []
            if not recipients and match.mutual:
                # "India and Pakistan agreed": each agreed with the other.
                recipients = [other for other in found if other.code != actor.code]
            for recipient in recipients or [None]:
                cameo = match.code
                pattern = match.pattern
                source = pattern.source
                if protesting and cameo in RIOTING:
                    # "rioters attacked the embassy": a riot, not an assault (nor, by a civilian
                    # body, the criticism a person's "attack" is).
                    cameo, source = RIOT, f"{source} (violence by protesters)"
                elif (
                    match.cameo is None
                    and pattern.person_code
                    and (
                        actor.kind == "person"
                        or (actor.sector and actor.sector not in ARMED_SECTORS)
                    )
                ):
                    cameo = pattern.person_code
                    if (
                        cameo == RIOT
                        and match.mutual
                        and recipient is not None
                        and recipient.sector in ("COP", "MIL")
                    ):
                        # "students clashed with riot police": a violent protest, and the
                        # police's part of the clash is repression
                        yield self._event(
                            tok, recipient, actor, REPRESSION, index, sent, doc_id, date,
                            match.negated, f"{source} (force against protesters)",
                        )  # fmt: skip
                elif match.cameo is None and pattern.alone_code and recipient is None:
                    cameo = pattern.alone_code  # "Russia held exercises": alone, a show of force
                    # "held exercises in Alaska": a show of force to the country it happens in
                    recipient = next(
                        (
                            r
                            for h in match.place_heads
                            for r in self._resolve(actors, h)
                            if r.country and r.country != actor.country
                        ),
                        None,
                    )
                if (
                    not protesting
                    and protested
                    and cameo[:2] in VIOLENT_ROOTS
                    and (actor.sector in ARMED_SECTORS or actor.sector == "GOV")
                ):
                    # "police clashed with rioters": repression; in a clash, both sides act.
                    cameo, source = REPRESSION, f"{source} (force against protesters)"
                    if match.mutual and recipient is not None:
                        yield self._event(
                            tok, recipient, actor, RIOT, index, sent, doc_id, date,
                            match.negated, f"{match.pattern.source} (violence by protesters)",
                        )  # fmt: skip
                recipient = _domestic(actor, recipient, cameo, tok)
                yield self._event(
                    tok, actor, recipient, cameo, index, sent, doc_id, date,
                    match.negated, source,
                )  # fmt: skip

    def _event(
        self,
        tok: Token,
        actor: Actor,
        recipient: Actor | None,
        cameo: str,
        index: int,
        sentence: str,
        doc_id: str,
        date: str | None,
        negated: bool = False,
        pattern: str = "",
    ) -> Event:
        """The event ``actor`` -> ``cameo`` -> ``recipient`` triggered by ``tok``."""
        return build_event(
            self.ontology, cameo, tok, actor, recipient, index, sentence, pattern,
            doc_id=doc_id, date=date, negated=negated,
        )  # fmt: skip


def build_event(
    ontology: Ontology,
    cameo: str,
    tok: Token,
    actor: Actor,
    recipient: Actor | None,
    index: int,
    sentence: str,
    pattern: str,
    doc_id: str = "",
    date: str | None = None,
    negated: bool = False,
    is_root: bool = False,
) -> Event:
    """An :class:`Event` coded ``cameo`` (its PLOVER type, mode, context, QuadClass and
    Goldstein value from ``ontology``), triggered by ``tok`` in sentence ``index``."""
    info = ontology[cameo]
    return Event(
        event_id="",
        doc_id=doc_id,
        sentence_index=index,
        date=date,
        actor=actor,
        recipient=recipient,
        event_type=info.event_type,
        mode=info.mode,
        context=info.context,
        cameo=cameo,
        cameo_root=info.root,
        quad_class=info.quad_class,
        goldstein=info.goldstein,
        trigger=Trigger(tok.text, tok.idx, tok.idx + len(tok.text)),
        sentence=sentence,
        is_root=is_root,
        negated=negated,
        pattern=pattern,
    )


def _enclosing_prep(tok: Token) -> Token | None:
    """The preposition whose phrase ``tok`` is in: "over [its support for the rebels]", "on
    [ending the war]", "on [soldiers deployed to Kursk]"."""
    for _ in range(4):
        if tok.dep_ in ("pobj", "pcomp") and tok.head.dep_ in ("prep", "agent"):
            return tok.head
        if tok.dep_ not in ("conj", "acl", "compound", "amod") or tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _background(tok: Token, found: dict[int, Match]) -> tuple[int, str] | None:
    """Whether the trigger ``tok`` is background to another act, not news of its own; returns
    (index of the word that makes it so, reason) or None.

    - the reason something is done over: "froze aid over its support for the rebels";
    - the topic of talks or of information: "held talks on ending the war", "shared
      information on soldiers deployed to Kursk";
    - what someone is charged with: "sentenced on charges of attacking the state";
    - a condition: "free the hostages in exchange for an Israeli withdrawal";
    - any attempt or move: "would resist any attempt to seize its weapons".
    """
    if (
        tok.dep_ == "acl"
        and _is_infinitive(tok)
        and any(c.dep_ == "det" and c.lower_ == "any" for c in _kids(tok.head))
    ):
        return tok.head.i, "what any attempt would do, not an act"
    holder = tok.head
    if (
        tok.dep_ == "advcl"
        and _is_infinitive(tok)
        and any(o.lemma_.lower() in CALLS for o in _children(holder, "dobj"))
    ):
        # "rejected calls from Armenia to free X", the infinitive hung on the verb
        return holder.i, "what is asked, not done"
    if tok.dep_ in ("acl", "ccomp") and holder.pos_ == "NOUN" and holder.i != tok.i:
        word = holder.lemma_.lower()
        if _is_infinitive(tok) and word in REFUSALS:
            return holder.i, "what is refused or failed, not done"  # "refusal to send weapons"
        if _is_infinitive(tok) and word in CALLS:
            return holder.i, "what is asked, not done"  # "calls from Armenia to free X"
        if word in HEARSAY:
            return holder.i, "what reports say, not told as done"  # "reports that Cairo offered"
    if tok.pos_ == "NOUN":
        unreal = [c for c in _kids(tok) if c.dep_ == "amod" and c.lower_ in UNREALISED]
        if unreal:
            return unreal[0].i, "a threatened or planned act, not done"  # "threatened tariffs"
        verb = tok.head
        if tok.dep_ == "dobj" and verb.dep_ in ("xcomp", "ccomp") and verb.head.i in found:
            asking = found[verb.head.i]
            if _is_request(asking.code) and verb.i not in found:
                # "urged Tbilisi to reverse its crackdown": what the request is about
                return asking.token.i, "what a request is about"
    if tok.dep_ == "acl" and tok.tag_ == "VBN" and not _children(tok, "agent"):
        # "shared information on soldiers deployed to Kursk", the participle hung on the
        # information: what the information or talks are about
        other = found.get(tok.head.head.i) if tok.head.dep_ == "dobj" else None
        if other is not None and other.token.i != tok.i and _is_topical(other.code):
            return other.token.i, "the topic of talks or information"
    prep = _enclosing_prep(tok)
    if prep is None:
        return None
    word, holder = prep.lower_, prep.head
    # The trigger the phrase hangs on, directly or through the phrases around it ("talks with
    # a Hamas delegation on ending the war": "on" hangs on "delegation").
    if word == "from" and holder.lemma_.lower() in REFRAINING:
        return holder.i, "what is refrained from, not done"
    chain = [holder]
    while len(chain) < 5 and chain[-1].dep_ in ("dobj", "pobj", "prep", "conj", "appos", "xcomp"):
        chain.append(chain[-1].head)
    governor = next((t for t in chain if t.i in found and t.i != tok.i), None)
    if governor is None:
        return None
    if word == "over" and (tok.pos_ != "VERB" or tok.dep_ == "pcomp"):
        return governor.i, "the reason the act is done over"
    if word in TOPIC_PREPS and _is_topical(found[governor.i].code):
        return governor.i, "the topic of talks or information"
    code = found[governor.i].code
    if (
        word in ("against", "from")
        and tok.dep_ == "pcomp"
        and (_is_request(code) or code[:2] in VERBAL_CONFLICT_ROOTS)
    ):
        return governor.i, "what is warned or urged against"
    if word == "of" and holder.lemma_.lower() in CHARGE_NOUNS:
        return holder.i, "what someone is charged with"
    if word == "for" and holder.lower_ in ("exchange", "return") and holder.dep_ == "pobj":
        return holder.i, "a condition, not an act"
    return None


def _is_topical(code: str) -> bool:
    """Whether acts coded ``code`` have a topic rather than a target: statements (01), talks
    and meetings (04), sharing information (064)."""
    return code[:2] in ("01", "04") or code.startswith("064")


def _reactions(events: list[Event]) -> None:
    """Give a reaction with no recipient the party it reacts to (``kind: "inferred"``).

    "The EU imposed sanctions on Russian officers ... Moscow said it would retaliate": a
    threat, accusation or rejection (CAMEO 09-13) with no recipient answers the last hostile act
    against the actor's side in this or the two sentences before, else the last hostile act by
    another side there; praise or a welcome (050-052) answers the last act by another party
    ("Congo's government welcomed the move"). ``events`` is in document order; changed in place.
    """
    for k, event in enumerate(events):
        root = event.cameo[:2]
        praise = event.cameo[:3] in ("050", "051", "052")  # praise, welcome, defend
        if event.recipient is not None or not (praise or root in VERBAL_CONFLICT_ROOTS):
            continue
        side = _side(event.actor)
        recent = [e for e in events[:k] if e.sentence_index >= event.sentence_index - 2]
        earlier = [e for e in recent if _side(e.actor) != side]
        if praise:
            # "rights groups welcomed the (government's) decision": another party will do
            candidates = [e for e in recent if _party(e.actor) != _party(event.actor)]
        else:
            hostile = [e for e in earlier if e.quad_class >= 3]
            against = [e for e in hostile if e.recipient and _side(e.recipient) == side]
            candidates = against or hostile
        if not candidates or candidates[-1].actor.code.startswith("---"):
            continue
        source = candidates[-1].actor
        event.recipient = Actor(source.text, source.code, source.country, source.sector,
                                source.name, source.start, source.end, "inferred")  # fmt: skip


def _domestic(actor: Actor, recipient: Actor | None, cameo: str, tok: Token) -> Actor | None:
    """The recipient of a domestic act, when the text names none of known country.

    A protest or strike by a country's people with no target named is aimed at its authorities
    ("Greek workers walked off the job"); a state's concession, restriction or repression with
    no target named, or aimed at people of no stated country, is aimed at its own people ("Nepal
    reversed its ban", "Kenyan police arrested 40 protesters"), except easing sanctions, letting
    outsiders in and de-escalating (085-087), and, for a bare country name, yielding other than
    easing restrictions or dissent and acceding to demands (081-083). The recipient takes the
    actor's country (and the role's sector), ``kind: "domestic"``. Armies are left out: they
    often act abroad.
    """
    if actor.country is None or (recipient is not None and not recipient.code.startswith("---")):
        return recipient
    root = cameo[:2]
    if root == "14":
        if recipient is not None or actor.sector in STATE_SECTORS:
            return recipient
    elif root not in ("08", "17") or (actor.sector and actor.sector not in STATE_SECTORS):
        return recipient
    elif cameo[:3] in ("085", "086", "087"):
        return recipient  # easing sanctions, letting outsiders in, de-escalating: international
    elif root == "08" and actor.sector is None and cameo[:3] not in ("081", "082", "083"):
        return recipient  # "Hungary dropped its objections": a country yields to someone
    if actor.sector == "MIL":
        return recipient
    sector = recipient.sector if recipient is not None else None
    code = actor.country + (sector or "")
    if recipient is not None:
        return Actor(recipient.text, code, actor.country, sector, recipient.name,
                     recipient.start, recipient.end, "domestic")  # fmt: skip
    return Actor("", code, actor.country, None, None, tok.idx, tok.idx, "domestic")


def _complement_head(tok: Token, found: dict[int, Match]) -> Match | None:
    """The trigger ``tok`` is the complement of: "threatened to impose", "agreed to meet and
    sign", "wants Putin to attack", "demanded that Maduro step down" (and "hand over their
    weapons" conjoined to it)."""
    head = tok.head
    dep = tok.dep_
    if dep == "conj" and head.dep_ in ("xcomp", "ccomp"):
        dep = head.dep_
        head = head.head
    if dep == "ccomp":
        demand = head.i in found and _is_request(found[head.i].code)
        denial = head.lemma_.lower() in DENYING  # "denied that its troops attacked"
        if not demand and not denial and _object_clause(head) is None:
            return None
    elif dep != "xcomp":
        return None
    for _ in range(2):
        # "urged Turkey to help fund the mission", "agreed to begin pulling back": through
        # verbs that are no triggers themselves
        if head.i in found or head.dep_ != "xcomp" or head.head.i == head.i:
            break
        head = head.head
    return found.get(head.i) if head.i != tok.i else None


def _governing_trigger(
    tok: Token, found: dict[int, Match], verbal: bool = False, protest: bool = False
) -> int | None:
    """The trigger whose reason (``for``/``of`` + gerund) or purpose/content (to-infinitive on it
    or on its object) ``tok`` is, if any. verbal: ``tok``'s act is a verbal one (quad class 1
    or 3), which a purpose clause states through the governing act; protest: it is a protest
    (root 14), which a verbal conflict act ("summoned the ambassador to protest") makes."""
    head = tok.head
    if tok.dep_ == "pcomp" and head.lower_ in ("for", "of") and head.head.i in found:
        return head.head.i
    if not _is_infinitive(tok) or tok.dep_ not in ("xcomp", "acl", "relcl", "advcl"):
        return None
    if tok.dep_ == "advcl":
        # "pressured by Congress to help Iran", "gave permission to Russia to help Israel": what
        # is asked or allowed; "marched to demand", "summoned the envoy to protest": the message
        # of the act. Material purposes ("deployed troops to help the government") stay events.
        asking = found.get(head.i)
        if asking is None or head.i == tok.i:
            return None
        obj = asking.object_token
        allowed = obj is not None and obj.lemma_.lower() in PERMISSION_NOUNS
        protesting = protest and asking.code[:2] in VERBAL_CONFLICT_ROOTS
        return head.i if verbal or _is_request(asking.code) or allowed or protesting else None
    if protest and head.dep_ == "dobj" and head.head.i in found:
        # "summoned Iraq's ambassador to protest": the summons is the protest
        return head.head.i if found[head.head.i].code[:2] in VERBAL_CONFLICT_ROOTS else None
    if head.i in found and head.i != tok.i:
        return head.i
    if head.dep_ in ("dobj", "pobj", "nsubjpass") and head.head.i in found:
        return head.head.i
    if head.dep_ == "pobj" and head.head.head.i in found:
        return head.head.head.i
    return None


def _on_main_chain(tok: Token, clause: Token) -> bool:
    """Whether ``tok`` is ``clause`` or hangs from it through conjuncts and complements only."""
    while tok.i != clause.i:
        # "fired 800 drones, killing 12": a participle clause carries the act on
        participle = tok.dep_ == "advcl" and tok.tag_ == "VBG" and not _children(tok, "nsubj")
        if (tok.dep_ not in ("conj", "xcomp", "ccomp") and not participle) or tok.head.i == tok.i:
            return False
        tok = tok.head
    return True


def _party(actor: Actor) -> str:
    """A party to a conflict: its side, with rebels, the opposition, parties and NGOs apart
    from their country's government ("al-Shabaab" is not Somalia's government)."""
    if actor.country and actor.sector in ("REB", "OPP", "PTY", "NGO"):
        return actor.country + actor.sector
    return _side(actor)


def _side(actor: Actor) -> str:
    """The country (or organisation) an actor speaks for: USAGOV and USA are one side."""
    return actor.country or actor.code


def _is_future(tok: Token) -> bool:
    """Whether the trigger's clause is about the future ("will meet", "would free")."""
    return any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in _kids(tok))


def _hypothetical(tok: Token) -> int | None:
    """The modal ("could", "might") or conditional ("if") that makes the trigger's clause, or a
    clause it is the complement of, a possibility rather than a report; its index, or None."""
    for _ in range(3):
        for child in _kids(tok):
            if child.dep_ == "aux" and child.tag_ == "MD" and child.lower_ in HYPOTHETICAL_AUX:
                return child.i
            if child.dep_ == "mark" and child.lower_ in CONDITIONAL_MARKS:
                return child.i
        if tok.dep_ not in ("xcomp", "conj") or tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _negated(tok: Token) -> bool:
    """True when the trigger or the clause it is the complement of is negated."""
    for _ in range(3):
        if any(c.dep_ == "neg" for c in _kids(tok)):
            return True
        if tok.dep_ not in ("xcomp", "conj") or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _failed(tok: Token) -> bool:
    """True when the trigger is what someone failed to do ("failed to reach a deal")."""
    for _ in range(3):
        if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in FAILING:
            return True
        if tok.dep_ not in ("xcomp", "conj") or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _words(words: Collection[str]) -> str:
    """A set of words for a trace message: ``a|b``, or ``none``."""
    return "|".join(sorted(words)) or "none"


def _drop_subsumed(events: list[Event]) -> list[Event]:
    """Drop an event without recipient when the same sentence has it with one."""
    with_recipient = {
        (e.sentence_index, e.actor.code, e.event_type) for e in events if e.recipient is not None
    }
    return [
        e
        for e in events
        if e.recipient is not None
        or (e.sentence_index, e.actor.code, e.event_type) not in with_recipient
    ]


def _names_actor(
    actors: DocActors, tok: Token, known_only: bool = False, owners: bool = False
) -> bool:
    """Whether the phrase headed by ``tok`` (or a pronoun there) can name an actor; with
    ``known_only``, an actor of known country or organisation (not ``---CVL``)."""
    if tok.pos_ == "PRON":
        word = tok.lower_
        return (
            word in PRONOUNS_PERSON
            or word in PRONOUNS_GROUP
            or (word in PRONOUNS_FIRST and tok.i in actors.speakers)
        )
    for t in _conjoined(tok):
        actor = actors.resolve(t)
        if actor is not None and not (known_only and actor.code.startswith("---")):
            return True
    # "its border posts": the owner the possessive names (resolved when the event is built)
    return (
        owners
        and not known_only
        and any(p.pos_ == "PRON" and p.lower_ in PRONOUNS_GROUP for p in _children(tok, "poss"))
    )


def _names_igo(actors: DocActors, heads: Iterable[Token]) -> bool:
    """Whether one of the phrases headed by ``heads`` names an international organisation."""
    return any(actor.code.startswith("IGO") for head in heads for actor in actors.resolve_all(head))


def _mark_roots(doc: Doc, events: list[Event]) -> None:
    """Mark each sentence's main event: the one whose trigger is nearest the parse root."""
    by_sentence: dict[int, list[tuple[int, Event]]] = {}
    for event in events:
        token = doc.char_span(event.trigger.start, event.trigger.end)
        depth = parse_depth(token.root) if token is not None else 99
        by_sentence.setdefault(event.sentence_index, []).append((depth, event))
    for candidates in by_sentence.values():
        best = min(depth for depth, _ in candidates)
        for depth, event in candidates:
            event.is_root = depth == best
