"""Dask scale-out: extraction on a local Dask cluster of 1 worker against one of N workers.

Both runs go through Dask (`Settings.dask`), so the ratio is Dask against Dask; a plain
in-process run is timed too, to show what a cluster costs (starting it, loading the model
in each worker, shipping JSON).  Each run is the whole of `ClaimGraph.extract` over the
documents, cluster start included.  The documents are made from the sample corpus in a
temporary folder: each joins three sample articles, picked at random, under a numbered
headline, so no two are the same and each is about the length of a news article.  The runs
take turns for ``--rounds`` rounds and each counts its fastest round.

    .venv/bin/python bench/dask_scale.py [--documents 260] [--workers 2] [--rounds 2] [--json]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from pathlib import Path
from typing import Callable

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from claimgraph.app import ClaimGraph  # noqa: E402
from claimgraph.model import Document  # noqa: E402
from claimgraph.settings import Settings  # noqa: E402
from paired import best_seconds  # noqa: E402

SAMPLES = REPO / "samples" / "kursk" / "articles"
JOINED = 3  # sample articles per document
SPEEDUP_TARGET = 1.7


def write_corpus(folder: Path, count: int, seed: int = 1) -> None:
    """``count`` documents in ``folder``, each three sample articles under its own headline."""
    rng = random.Random(seed)
    texts = [path.read_text(encoding="utf-8") for path in sorted(SAMPLES.glob("*.txt"))]
    for number in range(count):
        body = "\n\n".join(rng.sample(texts, JOINED))
        (folder / f"dispatch-{number:04d}.txt").write_text(f"Dispatch {number}\n\n{body}", encoding="utf-8")


def read_documents(folder: Path) -> list[Document]:
    return [item for item in ClaimGraph(Settings.load()).read([folder]) if isinstance(item, Document)]


def extraction(settings: Settings, documents: list[Document]) -> Callable[[], int]:
    def run() -> int:
        return sum(1 for _ in ClaimGraph(settings).extract(documents))
    return run


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=260)
    parser.add_argument("--workers", type=int, default=2, help="workers of the larger cluster")
    parser.add_argument("--rounds", type=int, default=2, help="timed rounds per run; the fastest counts")
    parser.add_argument("--json", action="store_true", help="also print the figures as one JSON line")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="dask-scale-") as folder:
        write_corpus(Path(folder), args.documents)
        documents = read_documents(Path(folder))
    settings = Settings.load(dask=True)
    many = f"dask on {args.workers}"
    seconds = best_seconds({
        "in process": extraction(Settings.load(), documents),
        "dask on 1": extraction(settings.with_(workers=1), documents),
        many: extraction(settings.with_(workers=args.workers), documents),
    }, args.rounds, warm_up=False)
    speedup, overhead = seconds["dask on 1"] / seconds[many], seconds["dask on 1"] - seconds["in process"]
    words = sum(len(doc.text.split()) for doc in documents)
    print(f"documents           {len(documents)} ({words} words), made from {SAMPLES}")
    for name, value in seconds.items():
        print(f"{name:<20}{value:8.1f} s  {len(documents) / value:6.1f} documents/s")
    print(f"speed-up            {speedup:8.2f}x  dask on {args.workers} against dask on 1 (target {SPEEDUP_TARGET})")
    print(f"cluster cost        {overhead:8.1f} s  dask on 1 against in process")
    if args.json:
        print(json.dumps({"figures": [
            {"name": f"dask on {args.workers} / dask on 1, {len(documents)} docs", "value": speedup, "unit": "x",
             "target": f">= {SPEEDUP_TARGET}"},
            {"name": f"dask on {args.workers} throughput", "value": len(documents) / seconds[many],
             "unit": "docs/s", "target": ""},
            {"name": "dask on 1 minus in process", "value": overhead, "unit": "s", "target": ""},
        ]}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
