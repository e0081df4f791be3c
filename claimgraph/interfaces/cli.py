"""The `claimgraph` command.  Each command turns options into one library call.

Exit codes: 0 everything worked; 1 some input or evaluation failed (the rest was
processed); 2 usage error (bad option, unreachable database, missing file or ledger, port in
use), always with a one-line message and never a traceback (`--verbose` shows it).
"""

from __future__ import annotations

import json
import logging
import os
import sys
from datetime import date
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.padding import Padding
from rich.table import Table

from claimgraph.interfaces.cli_help import Typer
from claimgraph.model import ReadFailure
from claimgraph.settings import SETTINGS, Settings, environment_name

app = Typer(
    help="claimgraph: a ledger of claims from war and crisis reporting — who says what happened, "
    "where, when, how sure, and how many independent sources back it.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
eval_app = Typer(help="Measure accuracy on public corpora (read from ../shared/eval or PATH).",
                       no_args_is_help=True)
gazetteer_app = Typer(help="Build the place index or import a GeoNames dump.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")
app.add_typer(gazetteer_app, name="gazetteer")

out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)  # one line per message, whatever the width
EVENT_TABLE_WIDTH = 170  # columns of `eval linking-real --events`: a row per event reads only unwrapped

@app.callback()
def configure(verbose: bool = typer.Option(False, "--verbose", "-v",
                                           help="Log progress details and the traceback of each failure.")):
    logging.basicConfig(level=logging.DEBUG if verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")


DbOption = typer.Option(None, "--db", metavar="DB",
                        help="Ledger: a SQLite file (default ./claimgraph.db) or a URL (sqlite:///…, postgresql://…).")
WorkersOption = typer.Option(None, metavar="N", help="Extraction processes; more than 1 starts a local Dask cluster.")
SchedulerOption = typer.Option(None, metavar="ADDRESS",
                               help="Extract on a running Dask scheduler, e.g. tcp://10.0.0.5:8786.")
DaskOption = typer.Option(None, "--dask", help="Extract on a local Dask cluster even with one worker.")
PathsArgument = typer.Argument(..., metavar="PATH...", show_default=False,
                               help="Files, folders (read recursively) or - for standard input.")


def _graph(db: Optional[str] = None, existing: bool = False, **overrides):
    """The ClaimGraph over ``db``; ``existing``: the command reads a ledger, which must be there."""
    from claimgraph.app import ClaimGraph

    return ClaimGraph(Settings.load(db=db, **overrides), create_ledger=not existing)


def _usage_error(message: str) -> typer.Exit:
    """Print ``message`` as the one error line (the traceback of the error being handled, if
    any, only with --verbose); the caller raises the returned Exit (code 2)."""
    logging.getLogger("claimgraph").debug("usage error", exc_info=sys.exc_info()[1] is not None)
    err.print(f"[red]error[/red]: {escape(message)}", highlight=False)
    return typer.Exit(2)


def _print_failure(failure: ReadFailure) -> None:
    err.print(f"[red]error[/red]: {escape(failure.origin)}: {escape(failure.message)}", highlight=False)


@app.command()
def extract(paths: list[str] = PathsArgument,
            format: str = typer.Option("jsonl", "--format", metavar="FORMAT",
                                       help="jsonl (one object per line) or json (indented)."),
            workers: Optional[int] = WorkersOption, scheduler: Optional[str] = SchedulerOption,
            dask: Optional[bool] = DaskOption):
    """Read documents and print their claims as JSON, one object per document (no database)."""
    graph = _graph(workers=workers, scheduler=scheduler, dask=dask)
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
           workers: Optional[int] = WorkersOption, scheduler: Optional[str] = SchedulerOption,
           dask: Optional[bool] = DaskOption):
    """Extract documents into the ledger, then link their claims into events. Idempotent."""
    from claimgraph.interfaces.progress import IngestProgress
    from claimgraph.read.paths import expand_paths
    from claimgraph.timing import split_text

    files = list(expand_paths(paths))
    with _graph(db, workers=workers, scheduler=scheduler, dask=dask) as graph, \
            IngestProgress(err, len(files), on_failure=_print_failure) as progress:
        report = graph.ingest(files, progress=progress)
    _print_ingest_report(report)
    err.print(f"stages: {split_text(report.stage_seconds)}", highlight=False)
    raise typer.Exit(0 if report.ok else 1)


def _print_ingest_report(report) -> None:
    table = Table(title="ingest", show_header=False)
    for label, value in (("documents added", report.documents_added), ("claims added", report.claims_added),
                         ("exact duplicates", report.duplicates), ("already stored", report.already_stored),
                         ("near-duplicates", report.near_duplicates),
                         ("events written", report.events_changed), ("failures", len(report.failures))):
        table.add_row(label, str(value))
    err.print(table)


@app.command()
def link(db: Optional[str] = DbOption,
         full: bool = typer.Option(False, "--full", help="Re-cluster the whole ledger instead of new claims only.")):
    """Link claims into events (ingest does this for new claims already)."""
    with _graph(db, existing=True) as graph, err.status("linking claims into events…"):
        written = graph.link(full=full)
    err.print(f"{written} events written")


@app.command()
def export(format: str = typer.Option(..., "--format", metavar="FORMAT",
                                     help="json, jsonl, csv, geojson or parquet."),
           output: Optional[Path] = typer.Option(None, "--output", "-o", metavar="FILE",
                                                 help="File, or a folder to get every table of csv and parquet "
                                                      "(events, claims); default standard output."),
           db: Optional[str] = DbOption):
    """Export the ledger: claims-v1 JSON, ACLED-compatible tables (csv, parquet) or GeoJSON."""
    from claimgraph.interfaces.export import FORMATS, export as run_export

    if format not in FORMATS:
        raise _usage_error(f"unknown format {format!r}; choose one of {', '.join(FORMATS)}")
    if format == "parquet" and output is None:
        raise _usage_error("parquet needs --output")
    with _graph(db, existing=True) as graph:
        run_export(graph.store, format, output if output is not None else sys.stdout.buffer, graph.settings)


@app.command()
def stats(db: Optional[str] = DbOption):
    """Counts of documents, claims, events and sources in the ledger."""
    with _graph(db, existing=True) as graph:
        figures = graph.store.stats()
    out.print_json(data=figures)


@app.command()
def report(since: Optional[str] = typer.Option(None, metavar="DATE",
                                               help="Only events last seen on or after this date: 2024-08-06, "
                                                    "'6 August 2024', 'last week' (anything dateparser reads)."),
           until: Optional[str] = typer.Option(None, metavar="DATE",
                                               help="Only events first seen on or before this date."),
           place: Optional[str] = typer.Option(None, metavar="NAME", help="Only events at this place."),
           format: str = typer.Option("md", "--format", metavar="FORMAT",
                                      help="md, html or pdf (pdf needs WeasyPrint)."),
           output: Optional[Path] = typer.Option(None, "--output", "-o", metavar="FILE",
                                                 help="File; default standard output."),
           db: Optional[str] = DbOption):
    """A situation report: key takeaways, then events by area and date, each line citing its documents."""
    from claimgraph.interfaces.report import PdfUnavailable, render_report

    try:
        since, until = _date_option("--since", since), _date_option("--until", until)
        with _graph(db, existing=True) as graph:
            text = render_report(graph.store, graph.settings, since=since, until=until, place=place, fmt=format)
    except (ValueError, PdfUnavailable) as error:
        raise _usage_error(str(error)) from None
    data = text.encode("utf-8") if isinstance(text, str) else text
    if output is None:
        sys.stdout.buffer.write(data)
    else:
        output.write_bytes(data)
        err.print(f"report written to {output}")


def _date_option(name: str, value: Optional[str]) -> Optional[str]:
    """``value`` as YYYY-MM-DD, saying how it was read when it was written otherwise."""
    day = read_date(value, name)
    if value and day != value:
        err.print(f"reading {name} {value!r} as {day}", highlight=False)
    return day


def read_date(value: str | None, name: str) -> str | None:
    """A date as a person writes it ("2024-08-06", "6 August 2024", "12/08/2024", "last week") as
    YYYY-MM-DD; ValueError naming the option ``name`` if dateparser cannot read it."""
    if not value:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        pass
    import dateparser  # imported here: only dates written otherwise need it

    parsed = dateparser.parse(value, languages=["en"], settings={"PREFER_DATES_FROM": "past"})
    if parsed is None:
        raise ValueError(f"{name}: cannot read {value!r} as a date; give YYYY-MM-DD, a date such as "
                         f"'6 August 2024', or a relative one such as 'last week' or '3 days ago'")
    return parsed.date().isoformat()


@app.command()
def serve(db: Optional[str] = DbOption,
          host: str = typer.Option("127.0.0.1", metavar="ADDRESS", help="Interface to bind; 127.0.0.1 keeps it local."),
          port: int = typer.Option(8000, metavar="PORT", help="TCP port."),
          token: Optional[str] = typer.Option(None, metavar="TOKEN",
                                              help="Enables write endpoints for requests bearing it."),
          web_workers: int = typer.Option(1, "--web-workers", metavar="N",
                                          help="Server processes (use the cores you can spare)."),
          workers: Optional[int] = typer.Option(None, "--workers", metavar="N", hidden=True,
                                                help="Deprecated: --web-workers.")):
    """Serve the HTTP API and the web page (map, timeline, claim cards)."""
    import uvicorn

    from claimgraph.interfaces.api import serving_app
    from claimgraph.store.engine import check_ledger_exists

    if workers is not None:
        err.print("serve --workers is deprecated: use --web-workers (ingest --workers counts extraction "
                  "processes)", highlight=False)
        web_workers = workers
    settings = Settings.load(db=db, api_token=token)
    check_ledger_exists(settings.db)
    _check_port_free(host, port)
    err.print(f"claimgraph on http://{host}:{port}/  (API docs at /docs, schema at /api/openapi.json)")
    if web_workers == 1:
        uvicorn.run(serving_app(settings), host=host, port=port, log_level="warning")
        return
    # uvicorn starts each further process by importing the app factory by name, with no
    # arguments: the environment is the one way settings reach it (api.app_from_environment)
    os.environ.update(settings.environment())
    uvicorn.run("claimgraph.interfaces.api:app_from_environment", factory=True, host=host, port=port,
                workers=web_workers, log_level="warning")


def _check_port_free(host: str, port: int) -> None:
    """Bind ``host:port`` as the server will (SO_REUSEADDR, as uvicorn does) and let it go, so a
    port in use is told before the banner, in one line."""
    import socket

    try:
        family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][0]
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind((host, port))
    except OSError as error:
        raise _usage_error(f"cannot serve on {host}:{port}: {error.strerror or error}") from None


@app.command("settings")
def show_settings():
    """Every setting, its default and the environment variable that overrides it."""
    for setting in SETTINGS:
        out.print(f"[bold]{setting.name}[/bold] = {escape(str(setting.default)) or '(empty)'}"
                  f"  [dim]{environment_name(setting.name)}[/dim]", highlight=False, soft_wrap=True)
        out.print(Padding(escape(setting.help), (0, 0, 0, 4)), highlight=False, soft_wrap=False)


def _run_eval(data: dict[str, Optional[Path]], pinned: Optional[bool] = None) -> None:
    """Run the evaluations.  The floors are pinned for the default corpora: on a PATH of the
    user's own they are not checked, unless ``pinned`` says otherwise."""
    from claimgraph.eval.runner import reads_default, run_evaluations

    if pinned is None:
        pinned = all(reads_default(name, folder) for name, folder in data.items())
    if not pinned:
        out.print("[dim]floors not checked: they are pinned for the default corpora (../shared/eval)[/dim]")
    ok = run_evaluations(data, out, pinned)
    raise typer.Exit(0 if ok else 1)


DataArgument = typer.Argument(None, metavar="PATH", help="Folder of the evaluation corpora (default ../shared/eval).")


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
def eval_linking(path: Optional[Path] = typer.Argument(None, metavar="PATH", help="A folder with articles/ and gold_events.yaml "
                                                                  "(default: samples/kursk and samples/heldout).")):
    """Event clustering MUC, B-cubed, CEAF-e and CoNLL F1 against hand-made gold events."""
    if path is not None:
        _run_eval({"linking": path})
    _run_eval({"linking": None, "linking_incremental": None, "linking_heldout": None})


@eval_app.command("linking-real")
def eval_linking_real(path: Optional[Path] = typer.Argument(
        None, metavar="PATH", help="A folder of episode folders, each with articles/ and gold.yaml (default "
                   "../shared/eval/linking-real)."),
        held_out: bool = typer.Option(False, "--held-out", help="Also score each episode with a pair model fitted "
                                      "without it (leave one episode out; a few minutes)."),
        events: bool = typer.Option(False, "--events", help="First list each gold event beside the system event "
                                    "aligned with it (with --held-out: as the model fitted without its episode "
                                    "links it).")):
    """Events on real multi-outlet news: CoNLL F1 with baselines, origins, sides, event and mention status."""
    if events:
        _print_event_rows(path, held_out)
    runs: dict[str, Optional[Path]] = {"linking_real": path}
    if held_out:
        runs["linking_real_held_out"] = path.parent if path else None
    _run_eval(runs)


def _print_event_rows(path: Optional[Path], held_out: bool) -> None:
    from claimgraph.eval import DEFAULT_DATA, linking_real, train_linking
    from claimgraph.eval.runner import event_rows_table

    root = path or DEFAULT_DATA / "linking-real"
    explained = train_linking.explain(root.parent) if held_out else linking_real.explain(root)
    wide = Console(width=max(out.width, EVENT_TABLE_WIDTH))
    for episode, rows in explained.items():
        wide.print(event_rows_table(episode, rows))


@eval_app.command("all")
def eval_all(data: Optional[Path] = typer.Option(None, "--data", metavar="PATH", help="Evaluation corpora folder.")):
    """Every evaluation, one table: metric, value, floor (fails when a floor is missed)."""
    from claimgraph.eval.runner import CORPUS_EVALUATIONS, EVALUATIONS

    _run_eval({name: data / CORPUS_EVALUATIONS[name] if data and name in CORPUS_EVALUATIONS else None
               for name in EVALUATIONS}, pinned=True)


@gazetteer_app.command("build")
def gazetteer_build():
    """Build the place index from the packaged GeoNames data (done lazily on first use too)."""
    from claimgraph.resolve.gazetteer import Gazetteer

    gazetteer = Gazetteer(Settings.load().gazetteer)
    gazetteer.build()
    err.print(f"gazetteer ready at {gazetteer.path}")


@gazetteer_app.command("import")
def gazetteer_import(file: Path = typer.Argument(..., exists=True, dir_okay=False, metavar="FILE",
                                                 help="allCountries.txt, cities500.zip or a country file such as RU.txt.")):
    """Add a full GeoNames dump (villages the default lacks)."""
    from claimgraph.resolve.gazetteer_index import import_geonames
    from claimgraph.resolve.geonames_dump import NotADump

    try:
        added = import_geonames(file, Settings.load().gazetteer)
    except NotADump as error:
        raise _usage_error(str(error))
    err.print(f"{added} places imported from {file}")


def main() -> None:
    from sqlalchemy.exc import ArgumentError, OperationalError

    from claimgraph.store.engine import MissingLedger

    try:
        app()
    except BrokenPipeError:  # e.g. `claimgraph extract … | head`
        sys.stderr.close()
    except OperationalError as error:
        _exit_usage(f"cannot use the database: {error.orig}")
    except ArgumentError as error:  # a --db value SQLAlchemy cannot read as a URL
        _exit_usage(f"cannot read the database URL: {error}")
    except MissingLedger as error:
        _exit_usage(str(error))


def _exit_usage(message: str) -> None:
    sys.exit(_usage_error(message).exit_code)


if __name__ == "__main__":
    main()
