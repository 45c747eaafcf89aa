"""The learned fallback: a small spaCy text classifier for sentences the patterns say nothing about.

Off by default; ``eventcoder.load(classifier=True)`` or
``nlp.add_pipe("eventcoder", config={"classifier": True})`` turns it on. For every sentence with
no event and no pattern match (not even a negated or actorless one), the classifier
(``data/classifier/model``, a ``textcat`` trained on sentences we generated,
``scripts/make_training.py``) predicts a PLOVER type or NONE. A type whose probability reaches the
threshold in ``data/classifier/meta.json`` becomes an event between the sentence's actors, coded
with the type's representative CAMEO code (``data/classifier/codes.tsv``) and marked
``pattern: "classifier:ASSAULT p=0.97"``. Figures: docs/accuracy.md, "Learned fallback".
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Token

from eventcoder.actors import PRONOUNS_GROUP, PRONOUNS_PERSON, DocActors
from eventcoder.coding import Match, build_event
from eventcoder.ontology import get_ontology
from eventcoder.quotes import Quote, quote_at
from eventcoder.records import Actor, Event
from eventcoder.tsv import data_path, read_tsv

SUBJECT_DEPS = frozenset({"nsubj", "poss"})
OBJECT_DEPS = frozenset({"dobj", "nsubjpass", "pobj", "dative", "attr"})
# Words inside a larger noun phrase: the phrase's head speaks for them.
INNER_DEPS = frozenset({"compound", "amod", "det", "nmod", "appos"})


@lru_cache(maxsize=2)
def _load_model(path: str) -> Language:
    return spacy.load(path)


class Fallback:
    """The classifier and what it needs to turn a prediction into an event.

    path: the folder with ``model/``, ``meta.json`` and ``codes.tsv`` (default: the shipped one).
    threshold: the lowest probability that proposes an event (default: the one in ``meta.json``,
    chosen on the generated held-back split, never on evaluation data).
    """

    def __init__(self, path: Path | None = None, threshold: float | None = None) -> None:
        folder = path or data_path("classifier")
        self.nlp = _load_model(str(folder / "model"))
        with open(folder / "meta.json", encoding="utf-8") as fh:
            meta = json.load(fh)
        self.threshold: float = meta["threshold"] if threshold is None else threshold
        self.codes = {
            row["event_type"] or "": row["cameo"] or ""
            for row in read_tsv(folder / "codes.tsv", ("event_type", "cameo"))
        }
        self.ontology = get_ontology()

    def predict(self, texts: Sequence[str]) -> list[tuple[str, float]]:
        """The most probable label (a PLOVER type or NONE) and its probability, per text."""
        out = []
        for doc in self.nlp.pipe(texts):
            label = max(doc.cats, key=doc.cats.__getitem__)
            out.append((label, doc.cats[label]))
        return out

    def extend(
        self,
        doc: Doc,
        actors: DocActors,
        events: list[Event],
        matches: Sequence[Match],
        doc_id: str = "",
        date: str | None = None,
        quotes: Sequence[Quote] = (),
    ) -> list[Event]:
        """``events`` plus the classifier's events for the sentences the patterns left silent,
        in text order and numbered again (``doc_id-n``)."""
        spoken = {e.sentence_index for e in events}
        spoken |= {actors.sentence_of[m.token.i] for m in matches if m.suppressed_by is None}
        candidates = []
        for k, sent in enumerate(actors.sents):
            if k in spoken or any(c.dep_ == "neg" for c in sent.root.children):
                continue
            roles = _roles(actors, list(sent))
            if roles is not None:
                candidates.append((k, sent.root, *roles))
        if not candidates:
            return events
        texts = [actors.sentence_text(k) for k, *_ in candidates]
        added = []
        for (k, root, actor, recipient), (label, p) in zip(
            candidates, self.predict(texts), strict=True
        ):
            if label == "NONE" or p < self.threshold or label not in self.codes:
                continue
            event = self._event(root, actor, recipient, label, p, k, actors.sentence_text(k))
            event.doc_id = doc_id
            event.date = date
            quote = quote_at(quotes, event.trigger.start)
            event.quote = quote.index if quote is not None else None
            added.append(event)
        if not added:
            return events
        out = sorted(events + added, key=lambda e: (e.trigger.start, e.actor.start))
        for n, event in enumerate(out):
            event.event_id = f"{doc_id}-{n}" if doc_id else str(n)
        return out

    def _event(
        self,
        root: Token,
        actor: Actor,
        recipient: Actor | None,
        label: str,
        p: float,
        k: int,
        sentence: str,
    ) -> Event:
        """The event ``actor`` -> ``label`` -> ``recipient`` in sentence ``k``; its trigger is the
        sentence's main verb (the classifier reads the whole sentence, not one word)."""
        pattern = f"classifier:{label} p={p:.2f}"
        return build_event(
            self.ontology, self.codes[label], root, actor, recipient, k, sentence, pattern,
            is_root=True,
        )  # fmt: skip


def _roles(actors: DocActors, tokens: list[Token]) -> tuple[Actor, Actor | None] | None:
    """Actor and recipient for a sentence: the subject-like actor and the object-like one, else
    the first two actors in text order; None when no actor of known side is named."""
    found: list[tuple[Token, Actor]] = []
    for tok in tokens:
        if tok.dep_ in INNER_DEPS and tok.head.pos_ in ("NOUN", "PROPN"):
            continue
        actor: Actor | None = None
        if tok.pos_ == "PRON":
            if tok.lower_ in PRONOUNS_PERSON or tok.lower_ in PRONOUNS_GROUP:
                actor = actors.resolve_pronoun(tok)
        elif tok.pos_ in ("NOUN", "PROPN"):
            actor = actors.resolve(tok)
        if actor is not None and all(a.code != actor.code for _, a in found):
            found.append((tok, actor))
    if not found:
        return None
    subject = next((a for t, a in found if _subject_like(t)), None)
    obj = next(
        (a for t, a in found if t.dep_ in OBJECT_DEPS and not _subject_like(t)),
        None,
    )
    if subject is None:
        subject, obj = found[0][1], (found[1][1] if len(found) > 1 else None)
    elif obj is None or obj.code == subject.code:
        obj = next((a for _, a in found if a.code != subject.code), None)
    if subject.code.startswith("---") and (obj is None or obj.code.startswith("---")):
        return None  # as in events.py: an actor of no known side needs a known recipient
    return subject, obj


def _subject_like(tok: Token) -> bool:
    """A subject, a possessor ("Russia's attack"), or a passive's ``by`` agent."""
    if tok.dep_ in SUBJECT_DEPS:
        return True
    return tok.dep_ == "pobj" and tok.head.dep_ == "agent"
