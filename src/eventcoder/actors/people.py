"""People: the PERSON a phrase is about, and a document's memory of the people and titles it
has introduced, so that "Toner" and "the spokesperson" find the Mark Toner named before
(docs/coding.md, actors rule 3).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from spacy.tokens import Token

from eventcoder.actors.dictionary import ActorDictionary, entry_code
from eventcoder.actors.words import HONORIFICS
from eventcoder.records import Actor

if TYPE_CHECKING:
    from eventcoder.actors.document import DocActors


class Memory:
    """The people one document has introduced, by full name and surname, and the titles they
    held, for the rest of the document.

    dictionary: where a surname no one in the document bears is looked up (the people table).
    date: the article's date (YYYY-MM-DD) or None: which of a person's dated entries applies.
    """

    def __init__(self, dictionary: ActorDictionary, date: str | None = None) -> None:
        self.dictionary = dictionary
        self.date = date
        self.people: dict[str, Actor] = {}
        self.titles: dict[str, Actor] = {}

    def remember(self, name: str, actor: Actor, titles: Iterable[str] = ()) -> None:
        """Remember ``actor`` under the full ``name`` and its last word, and under each title
        (lemmas, "deputy spokesperson") and the title's last word ("spokesperson")."""
        self.people[name.lower()] = actor
        self.people[name.split()[-1].lower()] = actor
        for title in titles:
            self.titles[title] = actor
            self.titles[title.split()[-1]] = actor

    def person(self, name: str) -> Actor | None:
        """The actor remembered under ``name`` (a full name or a surname), or None."""
        return self.people.get(name.lower())

    def title(self, title: str) -> Actor | None:
        """The last person remembered holding ``title`` (lemmas), or None."""
        return self.titles.get(title)

    def surname(self, word: str) -> Actor | None:
        """The person a single name refers to: one remembered from this document (kind
        ``memory``), or the only person of that surname in the people dictionary."""
        remembered = self.people.get(word.lower())
        if remembered is not None:
            return Actor(**{**remembered.to_dict(), "kind": "memory"})
        known = self.dictionary.surname(word, self.date)
        code = entry_code(known.country, known.sector, known.code) if known else None
        if known is None or code is None:
            return None
        return Actor(word, code, known.country, known.sector, known.name, kind="person")


def person_name(actors: DocActors, head: Token, indices: set[int]) -> str | None:
    """The PERSON entity the phrase headed by ``head`` (tokens ``indices``) is about: the
    head's own, or an apposition's."""
    ent = actors.person_at.get(head.i)
    if ent is not None:
        return ent.text.removesuffix("'s").strip()
    for ent in actors.persons:
        if ent.root.i in indices and ent.root.dep_ == "appos":
            return ent.text
    return None


def known_person(actors: DocActors, name: str) -> Actor | None:
    """Who the PERSON ``name`` is when nothing around it says: someone remembered by full
    name, or by surname; a single name ("Putin", "Mr. Sisi") may also be a surname in the
    people dictionary ("Michel Suleiman" is not the Suleiman of the dictionary)."""
    words = name.split()
    while len(words) > 1 and words[0].lower().rstrip(".") in HONORIFICS:
        words = words[1:]  # "Mr. Sisi" is Sisi
    memory = actors.memory
    return memory.person(name) or (
        memory.surname(words[0]) if len(words) == 1 else memory.person(words[-1])
    )


def holder_country(actors: DocActors, tokens: list[Token]) -> str | None:
    """The country of a known person whose surname modifies a role: "the Obama
    administration" USA, "Assad's forces" SYR, "Erdogan's spokesman" TUR; else None."""
    for t in tokens:
        if t.dep_ in ("compound", "poss") and t.pos_ == "PROPN" and t.i not in actors.mention_at:
            person = actors.memory.surname(t.text)
            if person is not None and person.country:
                return person.country
    return None
