"""Who does an act: the subject of the trigger's clause, its own or inherited from the clause it
depends on, a passive's by-phrase, whoever fired a weapon, the doer of a nominal act.
"""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Token

from eventcoder.coding.tree import children, gerund_after, is_passive, kids

RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
# "hit by a missile fired by rebels": a weapon is the instrument; the actor is who fired it.
WEAPON_NOUNS = frozenset(
    {"missile", "rocket", "shell", "bomb", "mortar", "grenade", "mine", "drone", "bullet",
     "projectile", "torpedo", "artillery", "shot", "airstrike", "device"}
)  # fmt: skip
# "victims killed by the crash": an accident or disaster is no one's act.
ACCIDENT_NOUNS = frozenset(
    {"crash", "accident", "collision", "earthquake", "quake", "flood", "storm", "cyclone",
     "hurricane", "typhoon", "landslide", "avalanche", "fire", "blaze", "wildfire", "disease",
     "illness", "heatwave", "drought", "tsunami", "lightning", "virus"}
)  # fmt: skip
# Nouns that are no trigger of their own (a "strike" may be a labour strike) but, as what a victim
# was killed or wounded "in", are someone's attack: "killed in an Israeli air strike".
ATTACKS = frozenset(
    {"strike", "operation", "offensive", "barrage", "bombardment", "fire", "crossfire", "gunfire"}
)


def subject(tok: Token, event_nouns: Collection[str] = (), seen: int = 0) -> list[Token]:
    """The subject of ``tok``'s clause, its own or inherited from the clause it depends on.

    event_nouns: lemmas of nominal triggers, whose actor is the actor of a passive verb with no
    by-phrase ("killed in an Israeli air strike").
    """
    if seen > 6:
        return []
    if is_passive(tok):
        agents = [
            p
            for a in children(tok, "agent")
            for p in children(a, "pobj")
            if p.lemma_.lower() not in ACCIDENT_NOUNS  # "killed by the crash": no one's act
        ]
        agents = [w for a in agents for w in wielder(a)]
        if not agents:
            # "killed in an Israeli air strike (by government forces)": who did that act;
            # "rockets were fired from Gaza": where they came from.
            for prep in children(tok, "prep"):
                for noun in children(prep, "pobj"):
                    lemma = noun.lemma_.lower()
                    if prep.lower_ in ("in", "by") and (lemma in event_nouns or lemma in ATTACKS):
                        by = [p for b in children(noun, "prep") if b.lower_ == "by" for p in
                              children(b, "pobj")]  # fmt: skip
                        agents += (
                            by
                            or children(noun, "poss")
                            or [c for c in kids(noun) if c.dep_ in ("amod", "compound")]
                        )
                    elif prep.lower_ == "from" and noun.pos_ == "PROPN":
                        agents.append(noun)
                    elif prep.lower_ == "in" and gerund_after(noun, tok):
                        # "killed in Israeli tank shelling", parsed as "in Israeli tank" and a
                        # verb "shelling": the phrase before the gerund names who shelled.
                        agents.append(noun)
        return agents
    # "Israel is opposed to ...": a stance's subject, parsed as a passive one
    subjects = children(tok, "nsubj", "csubj", "nsubjpass")
    if subjects:
        subj = subjects[0]
        if subj.lower_ in RELATIVE_PRONOUNS and tok.dep_ == "relcl":
            return [tok.head]
        inner = children(subj, "nsubj") if subj.tag_ == "VBG" else []
        if inner:
            # "The Red Cross operating in Iraq said", parsed with a clause as the subject:
            # that clause's subject speaks
            subj = inner[0]
        # "drones launched by the RSF struck fuel depots": whoever fired the weapon
        return wielder(subj)
    head = tok.head
    if head.i == tok.i:
        return []
    if tok.dep_ == "acl" and tok.tag_ == "VBG" and head.pos_ in ("NOUN", "PRON"):
        # "a ruling ordering the release", "troops guarding the border": the noun acts; in
        # "India is a country destabilising Pakistan" the noun is said of the subject
        if head.dep_ == "attr" and head.head.i != head.i:
            return subject(head.head, event_nouns, seen + 1)
        return [head]
    if tok.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN") and children(tok, "dobj"):
        # "Israeli air strikes killed 30 people", parsed as a noun with a participle: a
        # participle with a direct object is active, and the noun is its subject.
        return [head]
    if tok.dep_ in ("acl", "advcl") and tok.tag_ == "VBN":
        # "a member jailed by Israel", "when asked, Toner said": a passive participle; its
        # actor is only the by-phrase, never the subject of the clause around it.
        return [
            p
            for a in children(tok, "agent")
            for p in children(a, "pobj")
            if p.lemma_.lower() not in ACCIDENT_NOUNS
        ]
    if tok.dep_ == "pcomp" and head.dep_ == "prep":
        # "accused India of financing terror": India finances (object control through "of").
        verb = head.head
        objects = children(verb, "dobj") if verb.pos_ in ("VERB", "AUX") else []
        if objects:
            return objects[:1]
    if tok.dep_ == "xcomp":
        # Object control: in "urged Pakistan to act", Pakistan is the one to act.
        objects = children(head, "dobj")
        if objects:
            return objects[:1]
        if is_passive(head) and not children(head, "agent"):
            return children(head, "nsubjpass")  # "Obama is scheduled to attend"
        return subject(head, event_nouns, seen + 1)
    if tok.dep_ in ("conj", "advcl", "ccomp", "pcomp", "acl", "prep", "pobj", "dobj", "acomp"):
        while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
            head = head.head
        if head.pos_ in ("VERB", "AUX"):
            return subject(head, event_nouns, seen + 1)
    return []


def wielder(agent: Token) -> list[Token]:
    """The agent itself, or for a weapon that a participle says someone fired ("a missile
    believed to be fired by rebels", "a rocket launched by militants"), whoever fired it."""
    if agent.lemma_.lower() not in WEAPON_NOUNS:
        return [agent]
    for tok in agent.subtree:
        if tok.dep_ == "agent" and tok.head.tag_ == "VBN":
            return children(tok, "pobj") or [agent]
    return [agent]


def nominal_doers(noun: Token) -> list[Token]:
    """Who did a nominal act: its possessor and its by-phrase ("Modi's attack", "the killing of
    two soldiers by Indian troops")."""
    return children(noun, "poss") + [
        p for b in children(noun, "prep") if b.lower_ == "by" for p in children(b, "pobj")
    ]
