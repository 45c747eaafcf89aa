"""The ``eventcoder`` command. Each command is a thin layer over a library function."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from eventcoder.errors import DataFileError, InputError, ModelError
from eventcoder.evaluate import evaluate as run_evaluate
from eventcoder.io.readers import Article, Rejected, read_inputs
from eventcoder.io.writers import EventWriter, check_format
from eventcoder.pipeline import load
from eventcoder.records import Event
from eventcoder.runner import code_inputs

app = typer.Typer(
    help="Political event data from news text: who did what to whom, in PLOVER and CAMEO.",
    no_args_is_help=True,
    add_completion=False,
)
out = Console()
err = Console(stderr=True, soft_wrap=True)

ModelOption = Annotated[
    str | None,
    typer.Option("--model", help="Installed spaCy pipeline [env: EVENTCODER_MODEL]."),
]
ActorsOption = Annotated[
    list[Path] | None,
    typer.Option("--actors", help="Extra actor dictionary (orgs.tsv format); repeatable."),
]
VerbsOption = Annotated[
    list[Path] | None,
    typer.Option("--verbs", help="Extra verb patterns (verbs.tsv format); repeatable."),
]


def _fail(message: str, code: int = 2) -> None:
    err.print(f"[bold red]error:[/] {message}", highlight=False)
    raise typer.Exit(code)


def _actor_cell(actor: object) -> str:
    if actor is None:
        return "-"
    code = getattr(actor, "code", "")
    text = getattr(actor, "text", "")
    return f"[bold]{code}[/]\n{text}"


def _table(article: Article, events: list[Event]) -> Table:
    title = f"{article.id}  {article.date or ''}  {len(events)} events"
    table = Table(title=title, show_lines=True, expand=True)
    table.add_column("actor", ratio=2, min_width=10)
    table.add_column("event", ratio=2, min_width=11)
    table.add_column("recipient", ratio=2, min_width=10)
    table.add_column("trigger", ratio=1, min_width=9, overflow="fold")
    table.add_column("evidence (trigger in bold)", ratio=5)
    for e in events:
        event = f"[bold]{e.event_type or '-'}[/] {e.mode or ''}\nCAMEO {e.cameo} ({e.goldstein:+g})"
        if e.negated:
            event += "\n[red]negated[/]"
        evidence = Text(e.sentence)
        at = e.sentence.find(e.trigger.text)
        if at >= 0:
            evidence.stylize("bold underline", at, at + len(e.trigger.text))
        table.add_row(
            _actor_cell(e.actor),
            event,
            _actor_cell(e.recipient),
            e.trigger.text,
            evidence,
        )
    return table


@app.command()
def code(
    inputs: Annotated[
        list[str], typer.Argument(help=".txt or .jsonl files, directories of them, or - for stdin.")
    ],
    output: Annotated[
        Path | None,
        typer.Option(
            "-o", "--output", help="Write events to .jsonl, .csv or .parquet ('-': JSONL)."
        ),
    ] = None,
    date: Annotated[
        str | None, typer.Option("--date", help="Publication date (YYYY-MM-DD) for undated input.")
    ] = None,
    model: ModelOption = None,
    actors: ActorsOption = None,
    verbs: VerbsOption = None,
    keep_negated: Annotated[
        bool, typer.Option("--keep-negated", help="Keep negated events, marked negated.")
    ] = False,
) -> None:
    """Code articles into events: a table on the terminal, or a file with -o."""
    to_stdout = output is not None and str(output) == "-"
    if output is not None and not to_stdout:
        try:
            check_format(output)
        except InputError as e:
            _fail(str(e))
    try:
        nlp = load(model, actors or (), verbs or (), keep_negated=keep_negated)
        items = read_inputs(inputs, date)
        if output is None:
            summary = code_inputs(
                nlp,
                items,
                lambda article, doc: out.print(_table(article, doc._.events)),
                _report_reject,
            )
        elif to_stdout:

            def emit(article: Article, doc: object) -> None:
                for event in doc._.events:  # type: ignore[attr-defined]
                    sys.stdout.write(json.dumps(event.to_dict(), ensure_ascii=False) + "\n")

            summary = code_inputs(nlp, items, emit, _report_reject)
        else:
            with EventWriter(output) as writer:
                summary = code_inputs(
                    nlp, items, lambda article, doc: writer.write(doc._.events), _report_reject
                )
    except (InputError, ModelError, DataFileError) as e:
        _fail(str(e))
        return
    where = f" -> {output}" if output is not None and not to_stdout else ""
    err.print(
        f"coded {summary.coded} article(s), {summary.empty} empty, "
        f"{len(summary.rejected)} rejected; {summary.events} event(s){where}",
        highlight=False,
    )
    if not summary.ok:
        raise typer.Exit(1)


def _report_reject(item: Rejected) -> None:
    err.print(f"[yellow]rejected:[/] {item.reason}", highlight=False)


@app.command()
def evaluate(
    file: Annotated[Path, typer.Argument(help="Labelled JSONL (see docs/evaluation.md).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
    worst: Annotated[int, typer.Option(help="How many worst documents to list.")] = 10,
    model: ModelOption = None,
    actors: ActorsOption = None,
    verbs: VerbsOption = None,
) -> None:
    """Score the coder against labelled data: type, actor and triple P/R/F1, quad accuracy."""
    if not file.exists():
        _fail(f"{file}: no such file.")
    try:
        nlp = load(model, actors or (), verbs or ())
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


def main() -> None:
    app()
