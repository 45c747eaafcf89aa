"""Batch coding: articles in, events out, every input accounted for (coded, empty or rejected)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc

from eventcoder.io.readers import Article, Rejected
from eventcoder.pipeline import pipe


@dataclass
class Summary:
    """What a batch run did: how many articles were coded, empty or rejected, and events found."""

    coded: int = 0
    empty: int = 0
    events: int = 0
    rejected: list[Rejected] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.rejected


def code_inputs(
    nlp: Language,
    items: Iterable[Article | Rejected],
    on_doc: Callable[[Article, Doc], None],
    on_reject: Callable[[Rejected], None] | None = None,
    batch_size: int = 32,
) -> Summary:
    """Code every article in ``items`` with ``nlp``, calling ``on_doc`` for each in input order.

    Rejected inputs are counted, passed to ``on_reject`` and skipped; the batch goes on.
    """
    summary = Summary()

    def articles() -> Iterator[Article]:
        for item in items:
            if isinstance(item, Rejected):
                summary.rejected.append(item)
                if on_reject is not None:
                    on_reject(item)
            else:
                yield item

    for doc in pipe(nlp, articles(), batch_size=batch_size):
        article: Article = doc._.meta["article"]
        if article.text.strip():
            summary.coded += 1
        else:
            summary.empty += 1
        summary.events += len(doc._.events)
        on_doc(article, doc)
    return summary
