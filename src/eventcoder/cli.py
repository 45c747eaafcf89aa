"""The ``eventcoder`` command. Each command is a thin layer over a library function."""

from __future__ import annotations

import errno
import json
import logging
import os
import sys
import traceback
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from eventcoder import __version__, analysis, plot
from eventcoder.analysis import reading
from eventcoder.coding.speech import Reported
from eventcoder.errors import DataFileError, Errors, InputError, ModelError
from eventcoder.evaluate import evaluate as run_evaluate
from eventcoder.explain import explain as run_explain
from eventcoder.explain import render as render_explanation
from eventcoder.export import default_output, is_stdout
from eventcoder.export import export as run_export
from eventcoder.interrupts import Interrupted, Stopped, deferred, interruptible
from eventcoder.io.readers import Article, CsvColumns, Rejected, read_inputs
from eventcoder.io.writers import EventWriter, QuoteWriter, check_format, check_output
from eventcoder.petrarch import KINDS, summary, write_report, write_yaml
from eventcoder.petrarch import convert as convert_petrarch
from eventcoder.pipeline import load
from eventcoder.progress import RunProgress
from eventcoder.provenance import DatedBy, date_events
from eventcoder.quotes import Quote
from eventcoder.records import Actor, Event
from eventcoder.runner import Coded, PipelineSpec, part_dir, pipeline_for, remove_parts, run
from eventcoder.store import Store
from eventcoder.terminal import printable

app = typer.Typer(
    help="Political event data from news text: who did what to whom, in PLOVER and CAMEO.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,  # plain help: wraps at any width, flags shown as flags (test_cli_help)
)


class _Out(Console):
    """Standard output, where a reader that stops early (``| head -1``) ends the run quietly."""

    def on_broken_pipe(self) -> None:
        # Rich would exit 1 ("records rejected") itself; let the one rule in main() decide.
        raise BrokenPipeError(errno.EPIPE, "standard output closed")


out = _Out()
err = Console(stderr=True, soft_wrap=True)


def _version(value: bool) -> None:
    if value:
        out.print(f"eventcoder {__version__}")
        raise typer.Exit()


@app.callback()
def _options(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version."),
    ] = False,
) -> None:
    """Political event data from news text: who did what to whom, in PLOVER and CAMEO."""


ModelOption = Annotated[
    str | None,
    typer.Option(
        "--model", metavar="NAME", help="Installed spaCy pipeline [env: EVENTCODER_MODEL]."
    ),
]
ActorsOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--actors",
        metavar="FILE",
        help="Extra actors: orgs.tsv format, countries/agents/people.tsv format with a header "
        "line, or YAML; repeatable.",
    ),
]
BuiltinActorsOption = Annotated[
    bool,
    typer.Option(
        "--builtin-actors/--no-builtin-actors",
        show_default=False,
        help="Use the built-in actor tables (data/actors/), the default; leave them out to have "
        "only the --actors files name actors.",
    ),
]
BuiltinVerbsOption = Annotated[
    bool,
    typer.Option(
        "--builtin-verbs/--no-builtin-verbs",
        show_default=False,
        help="Use the built-in verb and noun patterns, the default; leave them out to have only "
        "the --verbs files code events.",
    ),
]


ReportedOption = Annotated[
    Reported,
    typer.Option(
        "--reported",
        help="What 'X said that Y attacked Z' gives: the act and, when X is a party to it, X's "
        "accusation of Y (both); the act only; or the accusation only.",
    ),
]
VerbsOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--verbs",
        metavar="FILE",
        help="Extra verb patterns (verbs.tsv format or YAML); repeatable.",
    ),
]
SpeechOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--speech", metavar="FILE", help="Extra speech cues (speech.tsv format); repeatable."
    ),
]
InputsArgument = Annotated[
    list[str],
    typer.Argument(
        metavar="INPUT",
        help="Files (.txt .jsonl .html .csv .tsv .rss .atom .xml .warc .warc.gz), directories "
        "of them, or - for stdin.",
    ),
]
DatedByOption = Annotated[
    DatedBy,
    typer.Option(
        "--date-events-by",
        help="Date each event by its own date (what its sentence says) or, as GDELT and ICEWS "
        "do, by its article's publication date (docs/dates.md). The store keeps both dates.",
    ),
]
ClassifierOption = Annotated[
    bool,
    typer.Option(
        "--classifier",
        help="Add the learned fallback's events where the patterns are silent (docs/accuracy.md).",
    ),
]
RawCsvOption = Annotated[
    bool,
    typer.Option(
        "--raw-csv",
        help="CSV: write cells as they are. Default: a text cell starting with = + - @ gets a "
        "leading ' so that spreadsheets show it and do not run it (docs/reliability.md).",
    ),
]
DateOption = Annotated[
    str | None,
    typer.Option("--date", metavar="YYYY-MM-DD", help="Publication date for undated input."),
]


# Exit codes (README, docs/reliability.md): 0 all read records coded or empty, 1 some rejected,
# 2 usage or environment (a bad option, file, output or store), 3 a crash (a bug of ours).
EXIT_REJECTED = 1
EXIT_USAGE = 2
EXIT_CRASH = 3
EXIT_CLOSED = 0  # the reader of standard output stopped early (| head): its choice, no error


def _fail(message: str, code: int = EXIT_USAGE) -> None:
    err.print(f"[bold red]error:[/] {_shown(message)}", highlight=False)
    raise typer.Exit(code)


def _shown(text: str) -> str:
    """``text`` from input or the system as a Rich markup string that prints as it is, with no
    escape sequence reaching the terminal (:func:`eventcoder.terminal.printable`)."""
    return escape(printable(text))


def _output_problem(output: Path | None) -> None:
    """Exit (2) with one line when ``-o`` cannot be written, before any coding."""
    if output is not None and str(output) != "-":
        try:
            check_format(output)
            check_output(output)
        except InputError as e:
            _fail(str(e))


def _actor_cell(actor: Actor | None) -> Text:
    if actor is None:
        return Text("-")
    cell = Text(actor.code, style="bold")
    cell.append(f"\n{printable(actor.text)}")
    if actor.kind in ("pronoun", "memory", "speaker") and actor.name:
        # who "it" or "the spokesperson" is
        cell.append(f" = {printable(actor.name)}", style="italic")
    if actor.kind in ("inferred", "domestic"):
        cell.append(f" ({actor.kind})", style="italic")
    return cell


def _table(article: Article, events: list[Event]) -> Table:
    title = _shown(f"{article.id}  {article.date or ''}  {len(events)} events")
    table = Table(title=title, show_lines=True, expand=True)
    table.add_column("actor", ratio=2, min_width=10)
    table.add_column("event", ratio=2, min_width=11)
    table.add_column("recipient", ratio=2, min_width=10)
    table.add_column("trigger", no_wrap=True)
    table.add_column("when / where", ratio=2, min_width=10)
    table.add_column("evidence (trigger in bold)", ratio=5)
    for e in events:
        event = f"[bold]{e.event_type or '-'}[/] {e.mode or ''}\nCAMEO {e.cameo} ({e.goldstein:+g})"
        if e.negated:
            event += "\n[red]negated[/]"
        trigger = printable(e.trigger.text)
        evidence = Text(printable(e.sentence))
        at = evidence.plain.find(trigger)
        if at >= 0:
            evidence.stylize("bold underline", at, at + len(trigger))
        when = Text(e.date or "-")
        if e.date_text:
            when.append(f'\n"{printable(e.date_text)}"', style="italic")
        if e.location:
            when.append(f"\n{printable(e.location['full_name'] or '')}")
        if e.quote is not None:
            when.append(f"\nquote {e.quote}", style="dim")
        table.add_row(
            _actor_cell(e.actor),
            event,
            _actor_cell(e.recipient),
            Text(trigger),
            when,
            evidence,
        )
    return table


def _csv_column(field: str, what: str) -> Any:
    """The option naming the CSV column that holds an article's ``field`` (``--text-column``)."""
    return typer.Option(f"--{field}-column", metavar="NAME", help=f"CSV: {what} column.")


@app.command(short_help="Code articles into events: a table, a file (-o) or a store.")
def code(
    inputs: InputsArgument,
    output: Annotated[
        Path | None,
        typer.Option(
            "-o",
            "--output",
            metavar="FILE",
            help="Write events to .jsonl, .csv or .parquet ('-': JSONL on stdout).",
        ),
    ] = None,
    db: Annotated[
        Path | None,
        typer.Option(
            "--db",
            metavar="FILE",
            help="Store documents and events in this DuckDB file; resumes. Readers can query "
            "or export it while the run codes (docs/store.md).",
        ),
    ] = None,
    date: DateOption = None,
    model: ModelOption = None,
    actors: ActorsOption = None,
    builtin_actors: BuiltinActorsOption = True,
    verbs: VerbsOption = None,
    builtin_verbs: BuiltinVerbsOption = True,
    reported: ReportedOption = Reported.both,
    speech: SpeechOption = None,
    classifier: ClassifierOption = False,
    keep_negated: Annotated[
        bool, typer.Option("--keep-negated", help="Keep negated events, marked negated.")
    ] = False,
    workers: Annotated[
        int, typer.Option("--workers", min=1, metavar="N", help="Processes on this machine.")
    ] = 1,
    dask: Annotated[
        str | None,
        typer.Option(
            "--dask",
            metavar="ADDRESS",
            help="Dask scheduler address (tcp://host:8786) or 'local' (docs/scaling.md).",
        ),
    ] = None,
    batch_size: Annotated[
        int,
        typer.Option(
            "--batch-size", min=1, metavar="N", help="Articles a batch (one store transaction)."
        ),
    ] = 256,
    text_column: Annotated[str, _csv_column("text", "text")] = "text",
    id_column: Annotated[str, _csv_column("id", "id")] = "id",
    date_column: Annotated[str, _csv_column("date", "date")] = "date",
    source_column: Annotated[str, _csv_column("source", "outlet")] = "source",
    url_column: Annotated[str, _csv_column("url", "URL")] = "url",
    title_column: Annotated[str, _csv_column("title", "title")] = "title",
    date_events_by: DatedByOption = DatedBy.event,
    raw_csv: RawCsvOption = False,
    verbose: Annotated[
        bool, typer.Option("-v", "--verbose", help="Log each finished batch on stderr.")
    ] = False,
) -> None:
    """Code articles into events: a table on the terminal, a file with -o, a store with --db."""
    if verbose:
        logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s", stream=sys.stderr)
    to_stdout = output is not None and str(output) == "-"
    _output_problem(output)
    spec = PipelineSpec(
        model,
        tuple(map(str, actors or ())),
        tuple(map(str, verbs or ())),
        keep_negated,
        tuple(map(str, speech or ())),
        classifier,
        builtin_actors,
        builtin_verbs,
        reported.value,
    )
    columns = CsvColumns(
        text=text_column,
        id=id_column,
        date=date_column,
        source=source_column,
        url=url_column,
        title=title_column,
    )
    kept = _Kept()
    store: Store | None = None
    try:
        with interruptible(), ExitStack() as stack:
            # The store first: a store another run is coding stops us before the model loads.
            store = stack.enter_context(Store(db)) if db is not None else None
            progress = stack.enter_context(RunProgress(err, output or db, inputs))
            if workers == 1 and dask is None:
                pipeline_for(spec)  # fail early on a bad model; the run reuses this pipeline
            progress.coding()
            items = read_inputs(inputs, date, columns)
            writer = (
                stack.enter_context(EventWriter(output, raw_csv=raw_csv))
                if output is not None and not to_stdout
                else None
            )
            # On a cluster, results bound only for the store stay on the workers' file system
            # as Parquet; results also bound for a file or the terminal come back to this process.
            parts = part_dir(db) if dask is not None and db is not None and output is None else None

            def on_batch(coded: list[Coded], rejected: list[Rejected]) -> None:
                # The store keeps each event's own date; export chooses how to date them.
                events = date_events((e for c in coded for e in c.events), date_events_by)
                if store is not None:
                    store.write(
                        [] if parts else [(c.article, c.events) for c in coded],
                        rejected,
                        [q for c in coded for q in c.quotes],
                    )
                if writer is not None:
                    writer.write(events)
                if to_stdout:
                    for event in events:
                        sys.stdout.write(json.dumps(event.to_dict(), ensure_ascii=False) + "\n")
                if output is None and db is None:
                    for c in coded:
                        if c.events:  # an article without events prints nothing
                            out.print(_table(c.article, date_events(c.events, date_events_by)))
                kept.add(coded, rejected, len(events), stored=not parts)

            try:
                summary = run(
                    spec,
                    items,
                    on_batch,
                    workers=workers,
                    dask=dask,
                    batch_size=batch_size,
                    skip=store.unseen if store is not None else None,
                    on_reject=_report_reject,
                    parts=parts,
                    on_article=lambda c: progress.advance([c]),
                )
            finally:
                if store is not None and parts is not None:
                    # Interrupted too: the batches the workers finished are kept, as without Dask.
                    with deferred():
                        kept.articles += store.load_parts(parts)
                        remove_parts(parts)
    except Interrupted as stop:
        if store is not None:
            with deferred():
                kept.total = store.count("documents")
        _interrupted(stop, kept, output, db)
        return
    except (InputError, ModelError, DataFileError) as e:
        _fail(str(e))
        return
    where = ", ".join(str(p) for p in (output, db) if p is not None and str(p) != "-")
    skipped = f", {summary.skipped} already stored" if db is not None else ""
    if summary.duplicates:  # docs/reliability.md, Document ids
        skipped += f", {summary.duplicates} repeated (same id and text, counted once)"
    err.print(
        f"read {summary.read} record(s): coded {summary.coded} article(s), {summary.empty} empty, "
        f"{len(summary.rejected)} rejected{skipped}; {summary.events} event(s)"
        + (f" -> {where}" if where else ""),
        highlight=False,
    )
    if not summary.ok:
        raise typer.Exit(EXIT_REJECTED)


@dataclass
class _Kept:
    """What an interrupted run had already written: articles stored (or coded, without a
    store), rejects, events; and the articles in the store, from this run and earlier ones."""

    articles: int = 0
    rejected: int = 0
    events: int = 0
    total: int = 0

    def add(self, coded: list[Coded], rejected: list[Rejected], events: int, stored: bool) -> None:
        """Count a batch once it is written; with Dask parts, articles count when loaded."""
        self.articles += len(coded) if stored else 0
        self.rejected += len(rejected)
        self.events += events


def _interrupted(stop: Interrupted, kept: _Kept, output: Path | None, db: Path | None) -> None:
    """Say in one line what an interrupted run kept and how to go on; exit 130 or 143."""
    name = stop.signal_name
    written = output is not None
    where = "standard output" if written and str(output) == "-" else str(output)
    if db is not None:
        also = f"; {kept.events} event(s) in {where} (a re-run writes there only what it codes)"
        message = Errors.E175.format(
            signal=name,
            articles=kept.articles,
            db=db,
            rejected=kept.rejected,
            total=kept.total,
            output=also if written else "",
        )
    elif written:
        message = Errors.E176.format(
            signal=name, events=kept.events, articles=kept.articles, output=where
        )
    else:
        message = Errors.E177.format(signal=name, articles=kept.articles)
    err.print(f"[bold yellow]{_shown(message)}[/]", highlight=False)
    raise typer.Exit(stop.exit_code)


def _report_reject(item: Rejected) -> None:
    err.print(f"[yellow]rejected:[/] {_shown(item.reason)}", highlight=False)


def _quote_table(article: Article, quotes: list[Quote]) -> Table:
    table = Table(title=_shown(f"{article.id}  {len(quotes)} quotes"), show_lines=True, expand=True)
    table.add_column("speaker", ratio=2, min_width=12)
    table.add_column("cue", no_wrap=True)
    table.add_column("said", ratio=6)
    for q in quotes:
        speaker = Text("-")
        if q.speaker is not None:
            info = q.speaker.to_dict()
            speaker = Text(info["code"] or "?", style="bold")
            speaker.append(f"\n{printable(q.speaker.text)}")
            if info["name"] and info["name"] != q.speaker.text:
                speaker.append(f" = {printable(info['name'])}", style="italic")
        said = Text(printable(q.text if q.direct else f"(reported) {q.text}"))
        table.add_row(speaker, Text(printable(q.cue or "-")), said)
    return table


@app.command(short_help="List who said what: quotes and reported speech.")
def quotes(
    inputs: InputsArgument,
    output: Annotated[
        Path | None,
        typer.Option(
            "-o",
            "--output",
            metavar="FILE",
            help="Write quotes to .jsonl, .csv or .parquet ('-': JSONL on stdout).",
        ),
    ] = None,
    date: DateOption = None,
    model: ModelOption = None,
    actors: ActorsOption = None,
    builtin_actors: BuiltinActorsOption = True,
    speech: SpeechOption = None,
    workers: Annotated[
        int, typer.Option("--workers", min=1, metavar="N", help="Processes on this machine.")
    ] = 1,
    raw_csv: RawCsvOption = False,
) -> None:
    """List who said what: direct quotes and reported speech with their speakers."""
    to_stdout = output is not None and str(output) == "-"
    spec = PipelineSpec(
        model,
        tuple(map(str, actors or ())),
        speech=tuple(map(str, speech or ())),
        builtin_actors=builtin_actors,
    )
    count = 0
    _output_problem(output)
    try:
        with ExitStack() as stack:
            if workers == 1:
                pipeline_for(spec)
            writer = (
                stack.enter_context(QuoteWriter(output, raw_csv=raw_csv))
                if output is not None and not to_stdout
                else None
            )

            def on_batch(coded: list[Coded], rejected: list[Rejected]) -> None:
                nonlocal count
                for c in coded:
                    count += len(c.quotes)
                    if writer is not None:
                        writer.write(c.quotes)
                    elif to_stdout:
                        for quote in c.quotes:
                            sys.stdout.write(json.dumps(quote.to_dict(), ensure_ascii=False) + "\n")
                    elif c.quotes:  # like code's table: nothing for an article without any
                        out.print(_quote_table(c.article, c.quotes))

            summary = run(
                spec, read_inputs(inputs, date), on_batch, workers=workers, on_reject=_report_reject
            )
    except (InputError, ModelError, DataFileError) as e:
        _fail(str(e))
        return
    where = f" -> {output}" if output is not None and not to_stdout else ""
    err.print(
        f"read {summary.coded} article(s), {summary.empty} empty, {len(summary.rejected)} "
        f"rejected; {count} quote(s){where}",
        highlight=False,
    )
    if not summary.ok:
        raise typer.Exit(EXIT_REJECTED)


@app.command(short_help="Export the store: GDELT, PLOVER, Parquet or CSV.")
def export(
    db: Annotated[
        Path,
        typer.Option(
            "--db",
            metavar="FILE",
            help="The DuckDB store written by `code --db`; it may still be coding.",
        ),
    ],
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            metavar="FORMAT",
            help="gdelt, plover, parquet or csv. Default: what -o's ending names (.tsv gdelt, "
            ".jsonl/.json plover, .parquet, .csv), else gdelt.",
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "-o",
            "--output",
            metavar="FILE",
            help="Output file, or - for standard output. Default: events.tsv, .jsonl, .parquet "
            "or .csv after the format.",
            show_default=False,
        ),
    ] = None,
    window: Annotated[
        int,
        typer.Option(
            "--window", min=1, metavar="DAYS", help="Days within which the same event merges."
        ),
    ] = 1,
    merged: Annotated[
        bool, typer.Option("--merged", help="parquet/csv: merged events, not mentions.")
    ] = False,
    date_events_by: DatedByOption = DatedBy.event,
    raw_csv: RawCsvOption = False,
    safe_tsv: Annotated[
        bool,
        typer.Option(
            "--safe-tsv",
            help="gdelt: neutralise cells a spreadsheet would run as formulas, as CSV does.",
        ),
    ] = False,
) -> None:
    """Export the store: GDELT 2.0 event + mentions tables, PLOVER JSONL, Parquet or CSV
    (docs/export.md)."""
    if not db.exists():
        _fail(f"{db}: no such store; create it with `eventcoder code ... --db {db}`.")
    try:
        target = output if output is not None else default_output(fmt)
        counts = run_export(
            db,
            fmt,
            target,
            window_days=window,
            merged=merged,
            dated_by=date_events_by,
            raw_csv=raw_csv,
            safe_tsv=safe_tsv,
        )
    except (InputError, ValueError) as e:
        _fail(str(e))
        return
    where = "standard output" if is_stdout(target) else target
    err.print(
        ", ".join(f"{n} {what}" for what, n in counts.items()) + f" -> {where}", highlight=False
    )


@app.command(short_help="Score the coder against labelled data.")
def evaluate(
    file: Annotated[
        Path,
        typer.Argument(
            metavar="GOLD.jsonl",
            help="Labelled articles, one JSON object a line (format: docs/evaluation.md).",
        ),
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
    worst: Annotated[
        int, typer.Option("--worst", metavar="N", help="How many worst documents to list.")
    ] = 10,
    model: ModelOption = None,
    actors: ActorsOption = None,
    builtin_actors: BuiltinActorsOption = True,
    verbs: VerbsOption = None,
    builtin_verbs: BuiltinVerbsOption = True,
    reported: ReportedOption = Reported.both,
    classifier: ClassifierOption = False,
) -> None:
    """Score the coder against labelled data: type, actor and triple P/R/F1, quad accuracy.

    The gold format and the scoring rules are in docs/evaluation.md.
    """
    if not file.exists():
        _fail(f"{file}: no such file.")
    try:
        nlp = load(
            model,
            actors or (),
            verbs or (),
            classifier=classifier,
            builtin_actors=builtin_actors,
            builtin_verbs=builtin_verbs,
            reported=reported.value,
        )
        report = run_evaluate(file, nlp, worst=worst)
    except (InputError, ModelError, DataFileError) as e:
        _fail(str(e))
        return
    if as_json:
        sys.stdout.write(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
        return
    table = Table(title=f"{file}  ({report['documents']} documents)")
    for column in ("measure", "precision", "recall", "F1", "tp", "fp", "fn"):
        table.add_column(column, justify="left" if column == "measure" else "right")
    for key in ("event_type", "actor", "triple"):
        if key in report:
            s = report[key]
            table.add_row(
                key,
                f"{s['precision']:.3f}",
                f"{s['recall']:.3f}",
                f"{s['f1']:.3f}",
                str(s["tp"]),
                str(s["fp"]),
                str(s["fn"]),
            )
    if "quad" in report:
        q = report["quad"]
        table.add_row("quad accuracy", "", "", f"{q['accuracy']:.3f}", str(q["correct"]), "", "")
    out.print(table)
    for miss in report["worst"]:
        out.print(f"[bold]{miss['id']}[/] {miss['text']}", highlight=False)
        if miss["missed"]:
            out.print(f"  missed: {miss['missed']}", highlight=False)
        if miss["false"]:
            out.print(f"  false:  {miss['false']}", highlight=False)


@app.command(short_help="Show how a sentence is coded, and why.")
def explain(
    sentence: Annotated[str, typer.Argument(help="The sentence (or text) to explain, quoted.")],
    date: Annotated[
        str | None,
        typer.Option("--date", metavar="YYYY-MM-DD", help="Publication date of the text."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the explanation as JSON.")] = False,
    model: ModelOption = None,
    actors: ActorsOption = None,
    builtin_actors: BuiltinActorsOption = True,
    verbs: VerbsOption = None,
    builtin_verbs: BuiltinVerbsOption = True,
    reported: ReportedOption = Reported.both,
    speech: SpeechOption = None,
    classifier: ClassifierOption = False,
) -> None:
    """Show how a sentence is coded: the parse, the actors, every pattern tried, and why each
    event was or was not coded."""
    spec = PipelineSpec(
        model,
        tuple(map(str, actors or ())),
        tuple(map(str, verbs or ())),
        speech=tuple(map(str, speech or ())),
        classifier=classifier,
        builtin_actors=builtin_actors,
        builtin_verbs=builtin_verbs,
        reported=reported.value,
    )
    try:
        report = run_explain(pipeline_for(spec), sentence, date)
    except (InputError, ModelError, DataFileError) as e:
        _fail(str(e))
        return
    if as_json:
        sys.stdout.write(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
        return
    out.print(render_explanation(report), highlight=False)


@app.command(short_help="Serve the HTTP API and the dashboard.")
def serve(
    db: Annotated[
        Path | None,
        typer.Option(
            "--db", metavar="FILE", help="The store to query (code --db); none: code only."
        ),
    ] = None,
    host: Annotated[
        str, typer.Option("--host", metavar="ADDRESS", help="Address to bind.")
    ] = "127.0.0.1",
    port: Annotated[
        int, typer.Option("--port", min=0, max=65535, metavar="PORT", help="Port to listen on.")
    ] = 8000,
    model: ModelOption = None,
) -> None:
    """Serve the HTTP API (docs/server.md): code articles, query the store. Beyond loopback
    it needs EVENTCODER_TOKEN."""
    import uvicorn

    from eventcoder.server import TOKEN_ENV, check_bind, create_app

    token = os.environ.get(TOKEN_ENV) or None
    try:
        check_bind(host, token)
        if db is not None:
            with reading(db):
                pass  # fail now, not on the first request
    except InputError as e:
        _fail(str(e))
    app_ = create_app(db, lambda: pipeline_for(PipelineSpec(model)), token)
    err.print(f"eventcoder API on http://{host}:{port}/docs", highlight=False)
    uvicorn.run(app_, host=host, port=port, log_level="warning")


DbOption = Annotated[Path, typer.Option("--db", help="The DuckDB store written by `code --db`.")]
FreqOption = Annotated[str, typer.Option("--freq", help="Period: day, week, month or year.")]
UndirectedOption = Annotated[
    bool, typer.Option("--undirected", help="Count A→B and B→A together (A's events either side).")
]
MergedOption = Annotated[
    bool,
    typer.Option("--merged", help="Count merged events (one per act, as export) not mentions."),
]
StartOption = Annotated[str | None, typer.Option("--from", help="First day (YYYY-MM-DD).")]
SeriesDatedByOption = Annotated[
    DatedBy,
    typer.Option(
        "--date-events-by",
        help="Count each event on its own date or on its article's publication date.",
    ),
]
EndOption = Annotated[str | None, typer.Option("--to", help="Last day (YYYY-MM-DD).")]
PlotOutput = Annotated[
    Path, typer.Option("-o", "--output", help=".png (.svg, .pdf) or .html (interactive, offline).")
]
WhoArgument = Annotated[
    str, typer.Argument(help="Country or code prefix (PAK, IGO), code (PAKGOV) or sector:MIL.")
]


@app.command(short_help="A dyad's or actor's events over time: QuadClass, Goldstein.")
def series(
    a: WhoArgument,
    b: Annotated[str | None, typer.Argument(help="The recipient, as A; none: A's events.")] = None,
    db: DbOption = Path("events.duckdb"),
    freq: FreqOption = "month",
    undirected: UndirectedOption = False,
    plover: Annotated[bool, typer.Option("--plover", help="A count per PLOVER type too.")] = False,
    merged: MergedOption = False,
    start: StartOption = None,
    end: EndOption = None,
    date_events_by: SeriesDatedByOption = DatedBy.event,
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Write CSV here ('-': stdout).")
    ] = None,
) -> None:
    """A dyad's (or actor's) events over time: counts per QuadClass, Goldstein sum and mean."""
    try:
        data = analysis.series(
            db,
            a,
            b,
            freq,
            directed=not undirected,
            plover=plover,
            start=start,
            end=end,
            merged=merged,
            date_by=date_events_by.value,
        )
        label = analysis.Selection(a, b, not undirected).label()
        if data.empty:
            err.print(
                f"no events for {label} in {db}; the busiest dyads there: {analysis.busiest(db)}",
                highlight=False,
            )
    except InputError as e:
        _fail(str(e))
        return
    if output is None:
        out.print(_series_table(data, f"{label} per {freq}"))
        return
    data.to_csv(sys.stdout if str(output) == "-" else output, index=False, date_format="%Y-%m-%d")
    if str(output) != "-":
        err.print(f"{len(data)} period(s) -> {output}", highlight=False)


# Short headings, so that a series fits an 80-column terminal; -o gives the full column names.
_SERIES_HEADINGS = {
    "verbal_coop": "v.coop", "material_coop": "m.coop", "verbal_conflict": "v.confl",
    "material_conflict": "m.confl", "n_events": "events", "goldstein_sum": "G.sum",
    "goldstein_mean": "G.mean",
}  # fmt: skip


def _series_table(data: Any, title: str) -> Table:
    table = Table(title=title)
    for column in data.columns:
        heading = _SERIES_HEADINGS.get(column, column)
        table.add_column(heading, justify="left" if column == "period" else "right", no_wrap=True)
    for row in data.itertuples(index=False):
        cells = [row[0].strftime("%Y-%m-%d")]
        cells += ["" if v != v else f"{v:.2f}" if isinstance(v, float) else str(v) for v in row[1:]]
        table.add_row(*cells)
    return table


plots = typer.Typer(help="Pictures of a store: PNG, or interactive HTML that opens offline.")
app.add_typer(plots, name="plot", short_help="Pictures of a store: a dyad, a map, the network.")


def _selection(
    directed: bool, merged: bool, start: str | None, end: str | None, dated_by: DatedBy
) -> dict[str, Any]:
    """The plot commands' options as :class:`eventcoder.analysis.Selection`'s fields."""
    return {
        "directed": directed, "merged": merged, "start": start, "end": end,
        "date_by": dated_by.value,
    }  # fmt: skip


def _draw(draw: Any, output: Path) -> None:
    try:
        drawn = draw()
    except InputError as e:
        _fail(str(e))
        return
    err.print(f"{len(drawn)} row(s) drawn -> {output}", highlight=False)


@plots.command("dyad", short_help="Conflict against cooperation over time.")
def plot_dyad(
    a: WhoArgument,
    b: Annotated[str, typer.Argument(help="The recipient, as A.")],
    output: PlotOutput,
    db: DbOption = Path("events.duckdb"),
    freq: FreqOption = "week",
    undirected: UndirectedOption = False,
    merged: MergedOption = False,
    start: StartOption = None,
    end: EndOption = None,
    date_events_by: SeriesDatedByOption = DatedBy.event,
) -> None:
    """Conflict against cooperation over time: events per QuadClass and mean Goldstein."""
    options = _selection(not undirected, merged, start, end, date_events_by)
    _draw(lambda: plot.dyad(db, a, b, output, freq, **options), output)


@plots.command("map", short_help="Where events happened, on a world map.")
def plot_map(
    output: PlotOutput,
    a: Annotated[str | None, typer.Argument(help="Only this actor's events (as series).")] = None,
    b: Annotated[str | None, typer.Argument(help="Only towards this recipient.")] = None,
    db: DbOption = Path("events.duckdb"),
    undirected: UndirectedOption = False,
    merged: MergedOption = False,
    start: StartOption = None,
    end: EndOption = None,
    date_events_by: SeriesDatedByOption = DatedBy.event,
) -> None:
    """Where events happened: located events on the world's land, sized by count."""
    options = _selection(not undirected, merged, start, end, date_events_by)
    _draw(lambda: plot.map(db, output, a, b, **options), output)


@plots.command("network", short_help="The actor network: who acts on whom, how.")
def plot_network(
    output: PlotOutput,
    db: DbOption = Path("events.duckdb"),
    top: Annotated[int, typer.Option("--top", min=2, help="Actors drawn: the busiest.")] = 20,
    min_events: Annotated[
        int, typer.Option("--min-events", min=1, help="Leave out rarer dyads.")
    ] = 1,
    by: Annotated[str, typer.Option("--by", help="country or code.")] = "country",
    merged: MergedOption = False,
    start: StartOption = None,
    end: EndOption = None,
    date_events_by: SeriesDatedByOption = DatedBy.event,
) -> None:
    """The actor network: arrows as wide as a dyad's events, coloured by mean Goldstein."""
    options = _selection(True, merged, start, end, date_events_by)
    _draw(lambda: plot.network(db, output, top, min_events, by, **options), output)


dictionaries = typer.Typer(
    help="Dictionaries from other coders, converted to eventcoder's files.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(dictionaries, name="dictionaries", short_help="Convert other coders' dictionaries.")


@dictionaries.command(
    "import-petrarch", short_help="PETRARCH/TABARI dictionaries to one YAML file."
)
def import_petrarch(
    files: Annotated[
        list[Path],
        typer.Argument(
            metavar="FILE",
            help="PETRARCH/TABARI actor, agent, verb (or discard) dictionaries.",
        ),
    ],
    output: Annotated[
        str,
        typer.Option(
            "-o", "--output", metavar="FILE", help="The YAML file to write ('-': stdout)."
        ),
    ],
    report: Annotated[
        Path | None,
        typer.Option(
            "--report",
            metavar="FILE",
            help="Write every entry not converted, or approximated, as TSV.",
        ),
    ] = None,
    kind: Annotated[
        str | None,
        typer.Option(
            "--kind",
            metavar="KIND",
            help=f"Read every file as this kind ({', '.join(KINDS)}); default: detected from "
            "each file's content.",
        ),
    ] = None,
) -> None:
    """Convert PETRARCH/TABARI dictionaries to one YAML file for --actors and --verbs.

    Every entry that could not be expressed is reported: a summary here, all with --report.
    """
    try:
        conversion = convert_petrarch(files, kind)
    except DataFileError as e:
        _fail(str(e))
        return
    try:
        if output != "-":
            write_yaml(conversion, output)
        if report is not None:
            write_report(conversion, report)
    except OSError as e:
        _fail(Errors.E092.format(path=e.filename or output, reason=e.strerror or e))
    if output == "-":
        write_yaml(conversion, sys.stdout)
    for line in summary(conversion):
        err.print(line, markup=False, highlight=False)
    written = [str(p) for p in (output, report) if p is not None and str(p) != "-"]
    if written:
        err.print(f"-> {', '.join(written)}", markup=False, highlight=False)


def _stdout_closed() -> bool:
    """Whether the run stopped because standard output's reader went away: Click meets the
    broken pipe (EPIPE) and exits 1 after wrapping ``sys.stdout`` in its PacifyFlushWrapper."""
    return type(sys.stdout).__name__.endswith("PacifyFlushWrapper")


def main() -> None:
    """The ``eventcoder`` command: a crash (a bug of ours) prints its traceback and one line,
    and exits :data:`EXIT_CRASH`, so that scripts tell it from rejected records (1). Ctrl-C or
    SIGTERM prints one line and exits 130 or 143. A reader of standard output that stops early
    (``| head -1``) ends the run quietly, with :data:`EXIT_CLOSED`; the batches stored before
    stay."""
    try:
        with interruptible(Stopped):  # ``code`` says more: it knows what was kept
            app()
    except Stopped as stop:
        err.print(f"[bold red]error:[/] {Errors.E178.format(signal=stop.signal_name)}")
        sys.exit(stop.exit_code)
    except SystemExit:
        if _stdout_closed():
            # Point standard output at /dev/null, so that Python's flush at exit does not fail
            # on the pipe again ("Exception ignored ... BrokenPipeError").
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(EXIT_CLOSED)
        raise
    except Exception as crash:  # every expected error has already become an exit code
        sys.stderr.write(printable(traceback.format_exc()))
        reason = f"{type(crash).__name__}: {crash}"
        err.print(f"[bold red]error:[/] {_shown(Errors.E163.format(reason=reason))}")
        sys.exit(EXIT_CRASH)
