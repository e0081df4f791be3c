"""The `claimgraph` command.  Each command turns options into one library call.

Exit codes: 0 everything worked; 1 some input or evaluation failed (the rest was
processed); 2 usage error (bad option, unreachable database, missing file).
"""

from __future__ import annotations

import json
import logging
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from claimgraph.model import ReadFailure
from claimgraph.settings import SETTINGS, Settings

app = typer.Typer(
    help="claimgraph: a ledger of claims from war and crisis reporting — who says what happened, "
    "where, when, how sure, and how many independent sources back it.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
eval_app = typer.Typer(help="Measure accuracy on public corpora (read from ../shared/eval or PATH).",
                       no_args_is_help=True)
gazetteer_app = typer.Typer(help="Build the place index or import a GeoNames dump.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")
app.add_typer(gazetteer_app, name="gazetteer")

out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)  # one line per message, whatever the width

@app.callback()
def configure(verbose: bool = typer.Option(False, "--verbose", "-v",
                                           help="Log progress details and the traceback of each failure.")):
    logging.basicConfig(level=logging.DEBUG if verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")


DbOption = typer.Option(None, "--db", help="Database URL (default sqlite:///claimgraph.db; or postgresql://…).")
WorkersOption = typer.Option(None, help="Extraction processes; more than 1 starts a local Dask cluster.")
SchedulerOption = typer.Option(None, help="Extract on a running Dask scheduler, e.g. tcp://10.0.0.5:8786.")
PathsArgument = typer.Argument(..., help="Files, folders (read recursively) or - for standard input.")


def _graph(db: Optional[str] = None, **overrides):
    from claimgraph.app import ClaimGraph

    return ClaimGraph(Settings.load(db=db, **overrides))


def _print_failure(failure: ReadFailure) -> None:
    err.print(f"[red]error[/red]: {escape(failure.origin)}: {escape(failure.message)}", highlight=False)


@contextmanager
def _progress(description: str) -> Iterator:
    """A Rich progress line on stderr (hidden when stderr is not a terminal)."""
    columns = (SpinnerColumn(), TextColumn("{task.description}"), TextColumn("{task.fields[counts]}"),
               TimeElapsedColumn())
    with Progress(*columns, console=err, transient=True) as progress:
        yield progress, progress.add_task(description, total=None, counts="")


@app.command()
def extract(paths: list[str] = PathsArgument,
            format: str = typer.Option("jsonl", "--format", help="jsonl (one object per line) or json (indented)."),
            workers: Optional[int] = WorkersOption, scheduler: Optional[str] = SchedulerOption):
    """Read documents and print their claims as JSON, one object per document (no database)."""
    graph = _graph(workers=workers, scheduler=scheduler)
    failures = []

    def documents():
        for item in graph.read(paths):
            if isinstance(item, ReadFailure):
                _print_failure(item)
                failures.append(item)
            else:
                yield item

    indent = 2 if format == "json" else None
    for extracted in graph.extract(documents()):
        if isinstance(extracted, ReadFailure):
            _print_failure(extracted)
            failures.append(extracted)
            continue
        sys.stdout.write(json.dumps(extracted.to_json(), ensure_ascii=False, indent=indent) + "\n")
        sys.stdout.flush()
    raise typer.Exit(1 if failures else 0)


@app.command()
def ingest(paths: list[str] = PathsArgument, db: Optional[str] = DbOption,
           workers: Optional[int] = WorkersOption, scheduler: Optional[str] = SchedulerOption):
    """Extract documents into the ledger, then link their claims into events. Idempotent."""
    counts = {"read": 0, "stored": 0, "failed": 0}
    with _graph(db, workers=workers, scheduler=scheduler) as graph, _progress("ingesting") as (progress, task):
        def on_progress(what: str, item: object) -> None:
            counts[what] = counts.get(what, 0) + 1
            progress.update(task, counts=f"{counts['read']} read · {counts['stored']} stored · "
                                         f"{counts['failed']} failed")
            if what == "failed":
                _print_failure(item)

        report = graph.ingest(paths, progress=on_progress)
    _print_ingest_report(report)
    raise typer.Exit(0 if report.ok else 1)


def _print_ingest_report(report) -> None:
    table = Table(title="ingest", show_header=False)
    for label, value in (("documents added", report.documents_added), ("claims added", report.claims_added),
                         ("exact duplicates", report.duplicates), ("near-duplicates", report.near_duplicates),
                         ("events written", report.events_changed), ("failures", len(report.failures))):
        table.add_row(label, str(value))
    err.print(table)


@app.command()
def link(db: Optional[str] = DbOption,
         full: bool = typer.Option(False, "--full", help="Re-cluster the whole ledger instead of new claims only.")):
    """Link claims into events (ingest does this for new claims already)."""
    with _graph(db) as graph:
        written = graph.link(full=full)
    err.print(f"{written} events written")


@app.command()
def export(format: str = typer.Option(..., "--format", help="json, jsonl, csv, geojson or parquet."),
           output: Optional[Path] = typer.Option(None, "--output", "-o",
                                                 help="File (or folder for parquet); default standard output."),
           db: Optional[str] = DbOption):
    """Export the ledger per the claims-v1 contract."""
    from claimgraph.interfaces.export import FORMATS, export as run_export

    if format not in FORMATS:
        err.print(f"[red]error[/red]: unknown format {format!r}; choose one of {', '.join(FORMATS)}")
        raise typer.Exit(2)
    if format == "parquet" and output is None:
        err.print("[red]error[/red]: parquet needs --output")
        raise typer.Exit(2)
    with _graph(db) as graph:
        run_export(graph.store, format, output if output is not None else sys.stdout.buffer)


@app.command()
def stats(db: Optional[str] = DbOption):
    """Counts of documents, claims, events and sources in the ledger."""
    with _graph(db) as graph:
        figures = graph.store.stats()
    out.print_json(data=figures)


@app.command()
def report(since: Optional[str] = typer.Option(None, help="Only events last seen on or after this date."),
           until: Optional[str] = typer.Option(None, help="Only events first seen on or before this date."),
           place: Optional[str] = typer.Option(None, help="Only events at this place (name)."),
           format: str = typer.Option("md", "--format", help="md or html."),
           output: Optional[Path] = typer.Option(None, "--output", "-o", help="File; default standard output."),
           db: Optional[str] = DbOption):
    """A situation report: events grouped by status, each citing its documents."""
    from claimgraph.interfaces.report import render_report

    with _graph(db) as graph:
        text = render_report(graph.store, since=since, until=until, place=place, fmt=format)
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")
        err.print(f"report written to {output}")


@app.command()
def serve(db: Optional[str] = DbOption,
          host: str = typer.Option("127.0.0.1", help="Interface to bind; 127.0.0.1 keeps it local."),
          port: int = typer.Option(8000, help="TCP port."),
          token: Optional[str] = typer.Option(None, help="Enables write endpoints for requests bearing it."),
          workers: int = typer.Option(1, "--workers", help="Server processes (use the cores you can spare).")):
    """Serve the HTTP API and the web page (map, timeline, claim cards)."""
    import os

    import uvicorn

    settings = Settings.load(db=db, api_token=token)
    # each server process builds its app from the environment (see api.app_from_environment)
    os.environ.update({"CLAIMGRAPH_DB": settings.db, "CLAIMGRAPH_API_TOKEN": settings.api_token})
    err.print(f"claimgraph on http://{host}:{port}/  (API docs at /docs)")
    uvicorn.run("claimgraph.interfaces.api:app_from_environment", factory=True, host=host, port=port,
                workers=workers, log_level="warning")


@app.command("settings")
def show_settings():
    """Every setting, its default and the environment variable that overrides it."""
    table = Table("setting", "environment variable", "default", "meaning")
    for setting in SETTINGS:
        table.add_row(setting.name, f"CLAIMGRAPH_{setting.name.upper()}", str(setting.default), setting.help)
    out.print(table)


def _run_eval(data: dict[str, Optional[Path]]) -> None:
    from claimgraph.eval.runner import run_evaluations

    ok = run_evaluations(data, out)
    raise typer.Exit(0 if ok else 1)


DataArgument = typer.Argument(None, help="Folder of the evaluation corpora (default ../shared/eval).")


@eval_app.command("attribution")
def eval_attribution(path: Optional[Path] = DataArgument):
    """Source/Cue/Content span F1 on PolNeAR dev."""
    _run_eval({"attribution": path})


@eval_app.command("geoparse")
def eval_geoparse(path: Optional[Path] = DataArgument):
    """Toponym F1 and accuracy@161 km on GeoWebNews and LGL."""
    _run_eval({"geoparse": path})


@eval_app.command("status")
def eval_status(path: Optional[Path] = DataArgument):
    """Claim status and event type macro-F1 on the team's gold test set."""
    _run_eval({"status": path})


@eval_app.command("linking")
def eval_linking(path: Optional[Path] = typer.Argument(None, help="A folder with articles/ and gold_events.yaml "
                                                                  "(default: samples/kursk and samples/heldout).")):
    """Event clustering MUC, B-cubed, CEAF-e and CoNLL F1 against hand-made gold events."""
    if path is not None:
        _run_eval({"linking": path})
    _run_eval({"linking": None, "linking_incremental": None, "linking_heldout": None})


@eval_app.command("linking-real")
def eval_linking_real(path: Optional[Path] = typer.Argument(
        None, help="A folder of episode folders, each with articles/ and gold.yaml (default "
                   "../shared/eval/linking-real).")):
    """Events on real multi-outlet news: CoNLL F1 with baselines, origins, sides, event and mention status."""
    _run_eval({"linking_real": path})


@eval_app.command("all")
def eval_all(data: Optional[Path] = typer.Option(None, "--data", help="Evaluation corpora folder.")):
    """Every evaluation, one table: metric, value, floor (fails when a floor is missed)."""
    from claimgraph.eval.runner import CORPUS_EVALUATIONS, EVALUATIONS

    _run_eval({name: data / CORPUS_EVALUATIONS[name] if data and name in CORPUS_EVALUATIONS else None
               for name in EVALUATIONS})


@gazetteer_app.command("build")
def gazetteer_build():
    """Build the place index from the packaged GeoNames data (done lazily on first use too)."""
    from claimgraph.resolve.gazetteer import Gazetteer

    gazetteer = Gazetteer(Settings.load().gazetteer)
    gazetteer.build()
    err.print(f"gazetteer ready at {gazetteer.path}")


@gazetteer_app.command("import")
def gazetteer_import(file: Path = typer.Argument(..., exists=True, dir_okay=False,
                                                 help="allCountries.txt, cities500.zip or a country file such as RU.txt.")):
    """Add a full GeoNames dump (villages the default lacks)."""
    from claimgraph.resolve.gazetteer import import_geonames

    added = import_geonames(file, Settings.load().gazetteer)
    err.print(f"{added} places imported from {file}")


def main() -> None:
    from sqlalchemy.exc import OperationalError

    try:
        app()
    except BrokenPipeError:  # e.g. `claimgraph extract … | head`
        sys.stderr.close()
    except OperationalError as error:
        err.print(f"[red]error[/red]: cannot use the database: {escape(str(error.orig))}", highlight=False)
        sys.exit(2)


if __name__ == "__main__":
    main()
