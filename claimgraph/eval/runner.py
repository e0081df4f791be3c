"""Run evaluations and hold them to the pinned floors in `baseline.json`.

The floors sit a little under what the code measured when they were set.  Lowering a floor
is a deliberate, explained commit; raising it when results improve is the habit.
"""

from __future__ import annotations

import importlib
import json
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Optional

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from claimgraph.eval import DEFAULT_DATA, Metric

if TYPE_CHECKING:
    from claimgraph.eval.linking_real import EventRow

BASELINE = Path(__file__).with_name("baseline.json")
SAMPLES = Path(__file__).resolve().parents[2] / "samples"


@dataclass(frozen=True)
class Evaluation:
    name: str
    module: str
    default_data: Path
    needs: str  # what must exist under the data folder, for a clear message
    options: dict = field(default_factory=dict)  # keyword arguments of evaluate()

    def run(self, data: Optional[Path]) -> list[Metric]:
        folder = data or self.default_data
        if not (folder / self.needs).exists():
            raise FileNotFoundError(f"{self.name}: evaluation data not found at {folder / self.needs}")
        evaluate: Callable[..., list[Metric]] = importlib.import_module(self.module).evaluate
        return [self._named(metric) for metric in evaluate(folder, **self.options)]

    def _named(self, metric: Metric) -> Metric:
        """Metrics carry the evaluation's name first (``linking_heldout.conll.f1``)."""
        family, _, rest = metric.name.partition(".")
        return metric if family == self.name else replace(metric, name=f"{self.name}.{rest}")


EVALUATIONS = {
    "attribution": Evaluation("attribution", "claimgraph.eval.attribution", DEFAULT_DATA, "attribution/polnear"),
    "geoparse": Evaluation("geoparse", "claimgraph.eval.geoparse", DEFAULT_DATA, "geoparsing"),
    "status": Evaluation("status", "claimgraph.eval.status", DEFAULT_DATA, "attribution/polnear"),
    # the linking gold sets live with the sample corpora, written by the team
    "linking": Evaluation("linking", "claimgraph.eval.linking", SAMPLES / "kursk", "gold_events.yaml"),
    "linking_incremental": Evaluation("linking_incremental", "claimgraph.eval.linking", SAMPLES / "kursk",
                                      "gold_events.yaml", {"incremental": True}),
    "linking_heldout": Evaluation("linking_heldout", "claimgraph.eval.linking", SAMPLES / "heldout",
                                  "gold_events.yaml"),
    # real multi-outlet reporting, one ledger per episode folder (gold.yaml + articles/)
    "linking_real": Evaluation("linking_real", "claimgraph.eval.linking_real", DEFAULT_DATA / "linking-real", "."),
    # the same episodes, each scored by a pair model fitted without it (leave one episode out)
    "linking_real_held_out": Evaluation("linking_real_held_out", "claimgraph.eval.train_linking", DEFAULT_DATA,
                                        "linking-real"),
}
# evaluations that read ../shared/eval (or `eval all --data FOLDER`), and their folder in it
CORPUS_EVALUATIONS = {"attribution": ".", "geoparse": ".", "status": ".", "linking_real": "linking-real",
                      "linking_real_held_out": "."}


def reads_default(name: str, folder: Optional[Path]) -> bool:
    """The evaluation reads the corpus its floors are pinned for (none given, or that one)."""
    return folder is None or folder.resolve() == EVALUATIONS[name].default_data.resolve()


def load_floors(path: Path = BASELINE) -> dict[str, float]:
    return {name: float(entry["floor"]) for name, entry in json.loads(path.read_text())["floors"].items()}


def check_floors(metrics: list[Metric], floors: dict[str, float]) -> list[str]:
    """One message per measured metric that is under its pinned floor."""
    measured = {m.name: m.value for m in metrics}
    problems = [f"{name} = {measured[name]:.3f} is under its floor {floor:.3f}"
                for name, floor in floors.items() if name in measured and measured[name] < floor]
    return problems


def run_evaluations(data: dict[str, Optional[Path]], console: Console, pinned: bool = True) -> bool:
    """Run each named evaluation on its folder (None: its default), print one table.

    Returns False when an evaluation could not run or a metric is under its floor.  The floors
    are pinned for the default corpora: with ``pinned`` False (a corpus of the caller's own) they
    are neither shown nor checked.
    """
    floors = load_floors() if pinned else {}
    metrics: list[Metric] = []
    problems: list[str] = []
    for name, folder in data.items():
        started = time.perf_counter()
        try:
            results = EVALUATIONS[name].run(folder)
        except FileNotFoundError as missing:
            problems.append(str(missing))
            continue
        metrics += results
        console.print(f"[dim]{name}: {len(results)} metrics in {time.perf_counter() - started:.0f} s[/dim]")
        problems += check_floors(results, floors)
    if any(not m.column for m in metrics):
        console.print(metrics_table(metrics, floors))
    if any(m.column for m in metrics):  # wide: a column per part of the corpus, in a log too
        Console(file=console.file, width=max(console.width, WIDE), soft_wrap=True).print(columns_table(metrics, floors))
    for problem in problems:
        console.print(f"[red]FAIL[/red] {problem}")
    return not problems


def metrics_table(metrics: list[Metric], floors: dict[str, float]) -> Table:
    table = Table("metric", "value", "floor", "")
    for metric in (m for m in metrics if not m.column):
        floor = floors.get(metric.name)
        verdict = "" if floor is None else ("ok" if metric.value >= floor else "[red]under[/red]")
        table.add_row(metric.name, f"{metric.value:.3f}", "" if floor is None else f"{floor:.3f}", verdict)
    return table


def row_name(metric: Metric) -> str:
    """A figure's name without its column ("linking_real.kakhovka-dam-2023.conll.f1" -> "linking_real.conll.f1")."""
    return metric.name.replace(f".{metric.column}.", ".", 1)


WIDE = 170  # characters: the width of a table with a column per part of a corpus


def columns_table(metrics: list[Metric], floors: dict[str, float]) -> Table:
    """Figures measured per part of a corpus: a row per measure, a column per part; a figure
    under its floor is marked."""
    columned = [m for m in metrics if m.column]
    columns = list(dict.fromkeys(m.column for m in columned))
    rows: dict[str, dict[str, Metric]] = {}
    for metric in columned:
        rows.setdefault(row_name(metric), {})[metric.column] = metric
    table = Table("measure", *columns)
    for name, cells in rows.items():
        table.add_row(name, *(cell_text(cells.get(column), floors) for column in columns))
    return table


def cell_text(metric: Optional[Metric], floors: dict[str, float]) -> str:
    if metric is None:
        return ""
    floor = floors.get(metric.name)
    value = f"{metric.value:.3f}" if metric.value <= 1 else f"{metric.value:.1f}"
    if "/" in metric.detail and len(metric.detail) <= 9:  # the counts behind a share: "12/49"
        value += f" ({metric.detail})"
    return value if floor is None or metric.value >= floor else f"[red]{value} < {floor:.3f}[/red]"


def event_rows_table(episode: str, rows: list[EventRow]) -> Table:
    """`claimgraph eval linking-real --events`: each gold event of an episode beside the system
    event aligned with it (its claims, type, origin count, status) and where its mentions went;
    ✗ marks what the summary counts wrong."""
    table = Table(title=episode, title_justify="left")
    for header in ("gold event", "n", "type", "orig", "status", "system", "claims", "type", "orig", "status",
                   "its mentions went to"):
        table.add_column(header, no_wrap=header != "its mentions went to")
    mark = lambda ok: "" if ok else " ✗"  # noqa: E731
    for row in rows:
        gold, system = row.gold, row.system
        went = ", ".join(f"{target[:8]}: {count}" for target, count in row.mentions_in[:4])
        system_cells = ([system.id[:8] + mark(row.clean), str(row.system_claims),
                         system.event_type + mark(system.event_type == gold.event_type),
                         f"{system.independent_sources}{mark(row.origins_ok)}", system.status + mark(row.status_ok)]
                        if system else ["none ✗", "", "", "✗", "✗"])
        table.add_row(escape(gold.id), str(len(gold.mentions)), gold.event_type, str(gold.independent_sources),
                      gold.status, *system_cells, escape(went))
    return table
