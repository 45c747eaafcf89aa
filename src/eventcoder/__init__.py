"""eventcoder: political event data from news text, coded in PLOVER 2.0 and CAMEO.

import eventcoder
events = eventcoder.code(text, date="2016-09-09")      # list of Event
nlp = eventcoder.load(); doc = nlp(text); doc._.events  # the spaCy way
doc = nlp(eventcoder.make_doc(nlp, text, date="2016-09-09"))  # with the article's date
nlp.pipe([(text, {"date": "2016-09-09", "id": "a1"})], as_tuples=True)  # or as spaCy's context
eventcoder.to_dataframe(events)                         # a pandas DataFrame, one row an event
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from spacy.language import Language

from eventcoder.chunks import max_article
from eventcoder.errors import DataFileError, Errors, InputError, ModelError
from eventcoder.io.readers import Article
from eventcoder.pipeline import load, make_doc, pipe
from eventcoder.records import Actor, Event, Trigger

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "Actor", "Article", "DataFileError", "Event", "InputError", "ModelError", "Trigger", "code",
    "load", "make_doc", "pipe", "to_dataframe",
]  # fmt: skip
__version__ = "0.1.0"


@lru_cache(maxsize=4)
def _default_nlp(model: str | None) -> Language:
    return load(model)


def code(
    text: str,
    date: str | None = None,
    doc_id: str = "",
    model: str | None = None,
    nlp: Language | None = None,
) -> list[Event]:
    """Code one article and return its events.

    text: the article. date: its publication date (YYYY-MM-DD), copied into the events.
    doc_id: an identifier copied into the events. model: the spaCy pipeline to use (loaded once
    and cached). nlp: a pipeline from :func:`load` to use instead. A text longer than
    :data:`~eventcoder.chunks.PIECE_CHARS` is coded in pieces (:mod:`eventcoder.chunks`); one over
    :func:`~eventcoder.chunks.max_article` characters raises :class:`InputError` (E170).
    """
    limit = max_article()
    if len(text) > limit:
        raise InputError(Errors.E170.format(where=doc_id or "text", size=len(text), limit=limit))
    pipeline = nlp if nlp is not None else _default_nlp(model)
    doc = next(pipe(pipeline, [Article(id=doc_id, text=text, date=date)]))
    return list(doc._.events)


def to_dataframe(events: Iterable[Event | dict[str, Any]]) -> pd.DataFrame:
    """Events as a pandas DataFrame of the flat columns: :func:`eventcoder.analysis.to_dataframe`.

    A wrapper, so that ``import eventcoder`` loads neither pandas nor the analysis module.
    """
    from eventcoder.analysis import to_dataframe as frame

    return frame(events)
