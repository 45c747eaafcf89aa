"""The actors of one Doc: :class:`DocActors`, built once per document, which the event coder,
quotes and explain ask who a word or phrase names.

It holds what every rule needs, computed once (the dictionary phrases by token, sentences,
PERSON entities, the article's main country, the memory of people and titles), answers the
cheap questions itself (is this word a country name, does this phrase name protesters) and
hands the rules to their modules: one noun phrase to :mod:`~eventcoder.actors.phrase`, lists
and pairs to :mod:`~eventcoder.actors.lists`, pronouns to :mod:`~eventcoder.actors.pronouns`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable

from spacy.tokens import Doc, Span, Token

from eventcoder.actors import lists, phrase, pronouns
from eventcoder.actors.countries import choose_countries, main_country
from eventcoder.actors.dictionary import ActorDictionary, Mention
from eventcoder.actors.people import Memory
from eventcoder.actors.words import NP_DEPS, QUANTITIES
from eventcoder.dates import as_date
from eventcoder.records import Actor

# How many phrases may wait on one another's resolution (docs/reliability.md, "Bounded time"):
# news text needs a few; Python's stack holds about 40 at the depth the coder calls from.
MAX_NESTING = 24


class DocActors:
    """Actor resolution for one Doc, with its memory of people and titles.

    doc: the parsed Doc. dictionary: the :class:`ActorDictionary` to use. documents: nouns for
    texts that speak for whoever issued them (``document`` rows of speech.tsv). date: the
    article's date (YYYY-MM-DD, an ISO date-time or a ``datetime.date``), which chooses among
    date-ranged dictionary entries; None for an undated article. dateline: the character offset
    where the text after the article's dateline begins (:mod:`eventcoder.datelines`); nothing
    before it names an actor. text: ``doc.text`` if the caller has it already.
    Raises :class:`~eventcoder.errors.InputError` for a malformed date.
    """

    def __init__(
        self,
        doc: Doc,
        dictionary: ActorDictionary,
        documents: Collection[str] = (),
        date: dt.date | str | None = None,
        dateline: int = 0,
        text: str | None = None,
    ) -> None:
        day = as_date(date)
        self.date = day.isoformat() if day is not None else None
        self.doc = doc
        self.documents = documents
        self.text = doc.text if text is None else text  # Doc.text joins every token anew
        # Every token once: iterating or indexing a Doc builds new Token objects each time.
        self.tokens: list[Token] = list(doc)
        self.kids: list[list[Token]] = [[] for _ in self.tokens]  # children, in order
        for i, offset in enumerate(doc.to_array("HEAD").view("int64").tolist()):
            if dateline and self.tokens[i].idx < dateline:
                continue  # "KABUL (AP) - Gunmen attacked": the dateline is no one's subject
            if offset:  # the head as an offset from the token; 0 for a sentence root
                self.kids[i + offset].append(self.tokens[i])
        self.affiliated: dict[int, bool] = {}  # mention start -> only an affiliation (phrase.py)
        self.dictionary = dictionary
        found = dictionary.match(doc, self.tokens, self.date)
        if dateline:
            found = [m for m in found if self.tokens[m.start].idx >= dateline]
        self.mentions = choose_countries(found)
        self.mention_at: dict[int, Mention] = {}
        for mention in self.mentions:
            for i in range(mention.start, mention.end):
                self.mention_at[i] = mention
        self.memory = Memory(dictionary, self.date)
        self._cache: dict[int, Actor | None] = {}
        self._resolving: set[int] = set()  # phrases being resolved, each waiting on the next
        # Token index -> the resolved speaker of the direct quote the token is in (quotes.py).
        self.speakers: dict[int, Actor] = {}
        # Head token index -> the country (ISO alpha-3) of a town or region the gazetteer found
        # there (places.py); set by the pipeline before anything is resolved.
        self.located: dict[int, str] = {}
        # Where acts happen, for roles the text gives no country (coding/unnamed.py), set by the
        # pipeline: (head token index, country) of each locative place, and the dateline's
        # country.
        self.sites: list[tuple[int, str]] = []
        self.dateline_country: str | None = None
        # Sentences and entities by token, computed once: Token.sent and Doc.ents scan the Doc.
        self.sents: list[Span] = list(doc.sents)
        self.sentence_of: list[int] = [0] * len(doc)
        for k, sent in enumerate(self.sents):
            for i in range(sent.start, sent.end):
                self.sentence_of[i] = k
        self._sentence_texts: dict[int, str] = {}
        self.persons = [e for e in doc.ents if e.label_ == "PERSON" and e.start_char >= dateline]
        self.person_at = {i: e for e in self.persons for i in range(e.start, e.end)}
        self.main_country = main_country(self.mentions)

    def sentence_text(self, k: int) -> str:
        """The text of sentence ``k``, stripped (Span.text joins its tokens on each access)."""
        if k not in self._sentence_texts:
            sent = self.sents[k]
            start = sent[0].idx
            end = sent[-1].idx + len(sent[-1].text)
            self._sentence_texts[k] = self.text[start:end].strip()
        return self._sentence_texts[k]

    # -- who a phrase names ----------------------------------------------------------------------

    def resolve(self, head: Token) -> Actor | None:
        """The actor named by the noun phrase headed by ``head``, or None."""
        if head.i in self._cache:
            return self._cache[head.i]
        if head.i in self._resolving or len(self._resolving) >= MAX_NESTING:
            # A phrase that leads back to itself ("the talks" repeating "the talks" whose place
            # is the first) names no one that way; a chain of phrases each resolved through
            # the next ("the officials ... the officials ...", thousands in one unpunctuated
            # "sentence") stops here instead of overflowing Python's stack.
            return None
        self._resolving.add(head.i)
        try:
            self._cache[head.i] = phrase.resolve_phrase(self, head)
        finally:
            self._resolving.discard(head.i)
        return self._cache[head.i]

    def resolve_all(self, head: Token) -> list[Actor]:
        """Every actor the phrase names: one, or several for "US and British activists", "the
        two sides" and lists in apposition ("the US, Russia and Switzerland")."""
        return lists.resolve_all(self, head)

    def resolve_pronoun(self, pronoun: Token, exclude: str | None = None) -> Actor | None:
        """The actor a pronoun most likely refers to, or None; ``exclude`` is a code that
        cannot be the answer (see :func:`eventcoder.actors.pronouns.resolve_pronoun`)."""
        return pronouns.resolve_pronoun(self, pronoun, exclude)

    # -- the words of a phrase ----------------------------------------------------------------

    def np_tokens(self, head: Token) -> list[Token]:
        """The head and the words that describe it: compounds, modifiers, possessors, ``of``."""
        out = [head]
        stack = [head]
        while stack:
            tok = stack.pop()
            for child in tok.children:
                keep = child.dep_ in NP_DEPS or (child.dep_ == "prep" and child.lower_ == "of")
                if child.dep_ == "appos" and self.names_country(child):
                    keep = False  # "the US, Russia and Switzerland" is a list, not one actor
                if tok.dep_ == "prep" and child.dep_ == "pobj":
                    keep = True
                if keep:
                    out.append(child)
                    stack.append(child)
        out.sort(key=lambda t: t.i)
        return out

    def names_actor_itself(self, head: Token) -> bool:
        """Whether the word ``head`` itself names an actor (a name, role word, organisation or
        person), not only a modifier of it ("Taiwan independence" names none)."""
        return head.i in self.mention_at or head.i in self.person_at or head.pos_ == "PRON"

    def names_country(self, tok: Token) -> bool:
        """Whether ``tok`` is part of a country's name, adjective or capital."""
        m = self.mention_at.get(tok.i)
        return m is not None and m.entry.kind in ("country", "adjective", "capital")

    def places(self, tok: Token, preps: frozenset[str]) -> list[Token]:
        """Country and capital names in ``tok``'s prepositional phrases ("in Kandahar",
        "near its border with Ukraine", "outside the French consulate in Karachi")."""
        out = []
        towns = []  # "exercises in Alaska": a town or region stands for its country, if nothing
        # nearer names one ("outside the French consulate in Karachi" is aimed at France)
        for prep in tok.children:
            if prep.dep_ != "prep":
                continue
            subtree: Iterable[Token] = ()
            if prep.lower_ in preps:
                subtree = prep.subtree
            elif prep.lower_ in ("from", "during", "on", "against"):
                # "abducted pupils from a school in Kebbi state", "shot during a rally in
                # Guerrero", "strikes on nine sites in Pakistan": the place is what an "in"
                # under the phrase names.
                subtree = [
                    t for p in prep.subtree if p.dep_ == "prep" and p.lower_ in ("in", "at")
                    for t in p.subtree
                ]  # fmt: skip
            if subtree:
                for t in subtree:
                    m = self.mention_at.get(t.i)
                    if m is None and t.i in self.located and t.dep_ == "pobj":
                        towns.append(t)
                    if m is not None and m.entry.country and t.i == m.end - 1:
                        if m.entry.kind in ("country", "capital") or t.pos_ == "NOUN":
                            out.append(t)
                        elif self.resolve(t.head) is not None and t.head.pos_ == "NOUN":
                            out.append(t.head)  # "the French consulate"
        return out or towns

    def protesting(self, head: Token) -> bool:
        """Whether the phrase headed by ``head`` names people protesting ("rioters", "thousands
        of demonstrators"): a role word flagged ``protest`` in agents.tsv."""
        m = self.mention_at.get(head.i)
        if m is None and head.lemma_.lower() in QUANTITIES:
            return any(
                self.protesting(obj)
                for prep in head.children
                if prep.dep_ == "prep" and prep.lower_ == "of"
                for obj in prep.children
                if obj.dep_ == "pobj"
            )
        return m is not None and m.entry.protest and m.start <= head.i < m.end

    def is_actor(self, tok: Token) -> bool:
        """Whether ``tok`` heads a phrase naming an actor, a person or a role ("the mayor")."""
        m = self.mention_at.get(tok.i)
        return (
            tok.ent_type_ == "PERSON"
            or (m is not None and m.entry.kind == "agent")
            or self.resolve(tok) is not None
        )

    def lemmas(self, mention: Mention) -> str:
        """A mention's words as lemmas ("deputy spokesperson"): how titles are remembered."""
        return " ".join(t.lemma_.lower() for t in self.doc[mention.start : mention.end])

    # -- building actors ------------------------------------------------------------------------

    def actor_at(
        self,
        tokens: list[Token],
        code: str,
        country: str | None,
        sector: str | None,
        name: str | None,
        kind: str,
    ) -> Actor:
        """An actor whose text is the stretch of the article ``tokens`` cover."""
        start = min(t.idx for t in tokens)
        end = max(t.idx + len(t.text) for t in tokens)
        return Actor(self.text[start:end], code, country, sector, name, start, end, kind)

    def span_actor(
        self, tokens: list[Token], actor: Actor, name: str | None, kind: str = "person"
    ) -> Actor:
        """``actor`` as named by ``tokens`` here (a surname, a title, a pronoun)."""
        return self.actor_at(
            tokens, actor.code, actor.country, actor.sector, name or actor.name, kind
        )
