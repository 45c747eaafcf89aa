"""Batch coding: articles in, events out, every input accounted for (coded, empty or rejected).

One entry point, :func:`run`, serves a single process, ``--workers N`` processes on one machine
and a Dask cluster; all three give the same events for the same input, because each article is
coded by the same pipeline independently of the others. With a :class:`~eventcoder.store.Store`
the run resumes: articles already stored with the same content hash are skipped. Within a run
an id names one document (:func:`distinct`): a repeat with the same text is counted once, one
with another text is rejected.
"""

from __future__ import annotations

import contextlib
import gc
import itertools
import logging
import os
import shutil
import uuid
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.language import Language

from eventcoder.chunks import max_article
from eventcoder.coding.speech import REPORTED_DEFAULT
from eventcoder.errors import Errors
from eventcoder.interrupts import worker_init
from eventcoder.io.readers import Article, Rejected
from eventcoder.pipeline import load, pipe
from eventcoder.quotes import Quote
from eventcoder.records import Event


@dataclass
class Coded:
    """One coded article: its events and quotes (empty when a worker wrote them to Parquet
    itself), how many events there are, and how many sentences it has."""

    article: Article
    events: list[Event]
    n_events: int
    n_sentences: int
    quotes: list[Quote] = field(default_factory=list)
    # Why coding this article failed (a bug of ours, E174), or None: it is then rejected.
    failure: str | None = None


@dataclass(frozen=True)
class PipelineSpec:
    """Everything a worker process needs to build the same pipeline as the caller."""

    model: str | None = None
    actors: tuple[str, ...] = ()
    verbs: tuple[str, ...] = ()
    keep_negated: bool = False
    speech: tuple[str, ...] = ()
    classifier: bool = False
    builtin_actors: bool = True
    builtin_verbs: bool = True
    reported: str = REPORTED_DEFAULT

    def load(self) -> Language:
        return load(
            self.model,
            self.actors,
            self.verbs,
            keep_negated=self.keep_negated,
            speech=self.speech,
            classifier=self.classifier,
            builtin_actors=self.builtin_actors,
            builtin_verbs=self.builtin_verbs,
            reported=self.reported,
        )


@dataclass
class Summary:
    """What a run did: records read; of them, articles coded, empty, skipped (already stored),
    duplicates (an id and text met before in the run, counted once) and rejected; events found.
    ``read`` is counted as the records arrive, apart from the rest, so that ``read == coded +
    empty + skipped + duplicates + len(rejected)`` checks that none was lost."""

    read: int = 0
    coded: int = 0
    empty: int = 0
    skipped: int = 0
    duplicates: int = 0
    events: int = 0
    sentences: int = 0
    rejected: list[Rejected] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.rejected


_PIPELINES: dict[PipelineSpec, Language] = {}
log = logging.getLogger(__name__)


def pipeline_for(spec: PipelineSpec) -> Language:
    """The pipeline for ``spec``, loaded once per process (workers reuse it across batches)."""
    if spec not in _PIPELINES:
        _PIPELINES[spec] = spec.load()
        # The pipeline, dictionaries and gazetteer live as long as the process: keep the garbage
        # collector from walking their million objects again on every full collection.
        gc.freeze()
    return _PIPELINES[spec]


def code_batch(
    spec: PipelineSpec,
    articles: Sequence[Article],
    parts: Path | None = None,
    index: int = 0,
    on_article: Callable[[Coded], None] | None = None,
) -> list[Coded]:
    """Code ``articles`` with the pipeline for ``spec``; returns them in order with their events.

    parts: a directory to write the batch's documents and events to as Parquet
    (``documents/part-<index>.parquet``, ``events/part-<index>.parquet``) instead of returning
    the events: on a cluster the results stay on the shared file system, not in the scheduler.
    on_article: told of each article as soon as it is coded (in this process only).
    """
    nlp = pipeline_for(spec)
    coded = []
    for one in _coded(nlp, articles):
        coded.append(one)
        if on_article is not None and one.failure is None:
            on_article(one)
    if parts is not None:
        from eventcoder.store import write_parts

        kept = [c for c in coded if c.failure is None]
        write_parts(
            parts,
            index,
            [(c.article, c.events) for c in kept],
            [q for c in kept for q in c.quotes],
        )
        for c in coded:
            c.events, c.quotes = [], []
    return coded


def _coded(nlp: Language, articles: Sequence[Article]) -> Iterator[Coded]:
    """``articles`` coded in batches; should coding raise (a bug of ours), those not yet coded
    are coded one by one, and only the article that raises again is given up, with its
    reason, so that one article never costs the others (docs/reliability.md)."""
    done = 0
    try:
        for doc in pipe(nlp, articles, batch_size=64):
            done += 1
            yield _of(doc)
    except Exception:  # each article not yet coded is tried again alone, just below
        for article in articles[done:]:
            try:
                yield _of(next(pipe(nlp, [article])))
            except Exception as crash:  # reported as this article's rejection
                # The traceback, for the report the rejection asks for: shown with -v.
                log.info("coding %s failed", article.origin or article.id, exc_info=True)
                yield Coded(article, [], 0, 0, failure=f"{type(crash).__name__}: {crash}")


def _of(doc: Any) -> Coded:
    return Coded(
        doc._.meta["article"],
        list(doc._.events),
        len(doc._.events),
        _sentences(doc),
        list(doc._.quotes),
    )


def _failed(coded: Coded) -> Rejected:
    """The rejection of an article whose coding raised (E174)."""
    source, line, where = _where(coded.article.origin or coded.article.id)
    reason = Errors.E174.format(where=where, doc_id=coded.article.id, reason=coded.failure)
    return Rejected(source, line, reason)


def _sentences(doc: Any) -> int:
    # A long article's Doc holds no tokens, only its pieces' count (pipeline.code_long).
    if doc._.sentences is not None:
        return int(doc._.sentences)
    return sum(1 for _ in doc.sents)


def distinct(
    items: Iterable[Article | Rejected], on_duplicate: Callable[[Article], None]
) -> Iterator[Article | Rejected]:
    """``items`` with each id once, so that two documents are never stored as one.

    An article whose id was met before with the same text (content hash) is the same document:
    it is passed to ``on_duplicate`` and dropped. With another text it is a different document
    under a taken id: it becomes a :class:`Rejected` (E150) naming where the id was first
    given. The first keeps the id, so a re-run keeps the same one. An article over
    :func:`~eventcoder.chunks.max_article` characters becomes a :class:`Rejected` (E170).
    Memory: an id, a hash and an origin for each article of the run.
    """
    seen: dict[str, tuple[str, str]] = {}
    limit = max_article()
    for item in items:
        if isinstance(item, Article) and len(item.text) > limit:
            item = _too_long(item, limit)
        if isinstance(item, Article):
            first = seen.get(item.id)
            if first is None:
                seen[item.id] = (item.content_hash, item.origin)
            elif first[0] == item.content_hash:
                on_duplicate(item)
                continue
            else:
                item = _taken(item, first[1])
        yield item


def _too_long(article: Article, limit: int) -> Rejected:
    """The rejection of ``article``, longer than ``limit`` characters (chunks.max_article)."""
    source, line, where = _where(article.origin)
    reason = Errors.E170.format(where=where, size=len(article.text), limit=limit)
    return Rejected(source, line, reason)


def _taken(article: Article, first: str) -> Rejected:
    """The rejection of ``article``, whose id the article read at ``first`` already has."""
    source, line, where = _where(article.origin)
    reason = Errors.E150.format(where=where, doc_id=article.id, first=_where(first)[2])
    return Rejected(source, line, reason)


def _where(origin: str) -> tuple[str, int, str]:
    """(file, line, "file, line N") of an article's ``origin`` ("file:line", or "file" for a
    one-article file, whose line is 0 and not said)."""
    source, _, line = origin.rpartition(":")
    if not line.isdigit():
        return origin, 0, origin
    return source, int(line), f"{source}, line {line}"


def batches(
    items: Iterable[Article | Rejected], size: int
) -> Iterator[tuple[list[Article], list[Rejected]]]:
    """Group a stream into batches of up to ``size`` articles, with the rejects met on the way."""
    articles: list[Article] = []
    rejected: list[Rejected] = []
    for item in items:
        if isinstance(item, Rejected):
            rejected.append(item)
            continue
        articles.append(item)
        if len(articles) >= size:
            yield articles, rejected
            articles, rejected = [], []
    if articles or rejected:
        yield articles, rejected


def run(
    spec: PipelineSpec,
    items: Iterable[Article | Rejected],
    on_batch: Callable[[list[Coded], list[Rejected]], None],
    workers: int = 1,
    dask: str | None = None,
    batch_size: int = 256,
    skip: Callable[[list[Article]], list[Article]] | None = None,
    on_reject: Callable[[Rejected], None] | None = None,
    parts: Path | None = None,
    on_article: Callable[[Coded], None] | None = None,
) -> Summary:
    """Code every article of ``items``, calling ``on_batch`` with each coded batch, in order.

    spec: the pipeline to use. workers: processes on this machine (1 = this process).
    dask: a Dask scheduler address (``tcp://host:8786``) or ``local`` for a LocalCluster.
    batch_size: articles a batch. skip: drops articles from a batch before coding (the store's
    resume check). on_reject: told of each rejected input as it is met. parts: with ``dask``, a
    shared directory where the workers write their results as Parquet (see :func:`code_batch`);
    the batches handed to ``on_batch`` then carry counts but no events. on_article: told of
    each coded article, for progress: as soon as it is coded in this process, or with its batch
    when workers code it.
    """
    summary = Summary()

    def duplicate(article: Article) -> None:
        summary.duplicates += 1

    def counted(stream: Iterable[Article | Rejected]) -> Iterator[Article | Rejected]:
        for item in stream:
            summary.read += 1
            yield item

    def planned() -> Iterator[tuple[list[Article], list[Rejected]]]:
        for articles, rejected in batches(distinct(counted(items), duplicate), batch_size):
            for item in rejected:
                summary.rejected.append(item)
                if on_reject is not None:
                    on_reject(item)
            todo = skip(articles) if skip is not None else articles
            summary.skipped += len(articles) - len(todo)
            yield todo, rejected

    batch_numbers = itertools.count(1)

    in_process = dask is None and workers <= 1

    def account(coded: list[Coded], rejected: list[Rejected]) -> None:
        failed = [_failed(c) for c in coded if c.failure is not None]
        if failed:
            coded = [c for c in coded if c.failure is None]
            rejected = [*rejected, *failed]
            for item in failed:
                summary.rejected.append(item)
                if on_reject is not None:
                    on_reject(item)
        if on_article is not None and not in_process:
            for c in coded:
                on_article(c)
        for c in coded:
            if c.article.text.strip():
                summary.coded += 1
            else:
                summary.empty += 1
            summary.events += c.n_events
            summary.sentences += c.n_sentences
        on_batch(coded, rejected)
        log.info(
            "batch %d done: %d articles, %d rejected; %d articles so far",
            next(batch_numbers),
            len(coded),
            len(rejected),
            summary.coded + summary.empty,
        )

    if dask is not None:
        _run_dask(spec, planned(), account, dask, workers, parts)
    elif not in_process:
        _run_processes(spec, planned(), account, workers)
    else:
        for articles, rejected in planned():
            account(code_batch(spec, articles, on_article=on_article) if articles else [], rejected)
    return summary


def _in_order(
    submit: Callable[[list[Article]], Any],
    result: Callable[[Any], list[Coded]],
    plan: Iterator[tuple[list[Article], list[Rejected]]],
    account: Callable[[list[Coded], list[Rejected]], None],
    window: int,
) -> None:
    """Keep up to ``window`` batches in flight and hand results over in input order, so memory
    stays bounded however long the input is."""
    pending: deque[tuple[Any, list[Rejected]]] = deque()
    for articles, rejected in plan:
        pending.append((submit(articles) if articles else None, rejected))
        while len(pending) > window:
            future, rejects = pending.popleft()
            account(result(future) if future is not None else [], rejects)
    while pending:
        future, rejects = pending.popleft()
        account(result(future) if future is not None else [], rejects)


def _run_processes(
    spec: PipelineSpec,
    plan: Iterator[tuple[list[Article], list[Rejected]]],
    account: Callable[[list[Coded], list[Rejected]], None],
    workers: int,
) -> None:
    """Code ``plan`` on ``workers`` processes. The workers die with this process, even by kill -9
    (:func:`~eventcoder.interrupts.worker_init`); when the run stops on an exception (Ctrl-C
    included) they are stopped at once rather than left to finish the batches in flight, whose
    results no one would store."""
    pool = ProcessPoolExecutor(
        max_workers=workers, initializer=worker_init, initargs=(os.getpid(),)
    )

    def submit(articles: list[Article]) -> Future[list[Coded]]:
        return pool.submit(code_batch, spec, articles)

    try:
        _in_order(submit, lambda f: f.result(), plan, account, window=2 * workers)
    except BaseException:
        _stop(pool)
        raise
    pool.shutdown()


def _stop(pool: ProcessPoolExecutor) -> None:
    """Kill ``pool``'s workers and drop its queued batches, without waiting for them."""
    # The executor has no public way to end running calls: terminate its processes.
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.terminate()


def _run_dask(
    spec: PipelineSpec,
    plan: Iterator[tuple[list[Article], list[Rejected]]],
    account: Callable[[list[Coded], list[Rejected]], None],
    address: str,
    workers: int,
    parts: Path | None,
) -> None:
    from dask.distributed import Client, LocalCluster

    cluster = None
    if address == "local":
        cluster = LocalCluster(
            n_workers=max(workers, 1), threads_per_worker=1, processes=True, dashboard_address=None
        )
        client = Client(cluster)
    else:
        client = Client(address)
    try:
        n_workers = max(len(client.scheduler_info().get("workers", {})), 1)

        numbers = itertools.count()

        def submit(articles: list[Article]) -> Any:
            return client.submit(code_batch, spec, articles, parts, next(numbers), pure=False)

        _in_order(submit, lambda f: f.result(), plan, account, window=2 * n_workers)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def part_dir(db: Path) -> Path:
    """A fresh directory for one run's Parquet parts, ``<db>.parts/<pid>-<random>/``.

    Call it while holding the store's run lock (:class:`~eventcoder.store.Store`): then no
    other run codes into ``db``, so any folder already there was left by a run that was killed
    before it loaded its parts, and is removed. Its articles were not stored; this run codes
    them again."""
    root = db.with_name(f"{db.name}.parts")
    if root.is_dir():
        for stale in root.iterdir():
            log.info("removing stale Dask parts %s", stale)
            shutil.rmtree(stale, ignore_errors=True)
    path = root / f"{os.getpid()}-{uuid.uuid4().hex[:8]}"
    path.mkdir(parents=True)
    return path


def remove_parts(parts: Path) -> None:
    """Remove one run's part directory, and ``<db>.parts`` with it once it is empty, so a
    finished run leaves nothing beside the store."""
    shutil.rmtree(parts, ignore_errors=True)
    with contextlib.suppress(OSError):  # not empty: another folder there is not ours to judge
        parts.parent.rmdir()
