"""Extraction speed: articles/s of bare spaCy ``nlp.pipe`` vs ``Extractor.extract_many``.

All run in one process on the same texts (after one warm-up pass each), taking turns for
``--rounds`` rounds; each rate is from its fastest round, as timeit does, because on a shared
machine a slow round says more about the neighbours than about the code (single rounds of the
same code gave ratios from 0.61 to 0.97 on 2026-12-02).  The ratio extract / bare must stay
>= 0.6.  Also measured: the whole of `claimgraph extract`
(extraction + resolution, `ClaimGraph.extract`), the cold start of the command on one
file (a new process: imports, model load, gazetteer open, one file's claims), and the
process's peak RSS.

    .venv/bin/python bench/extract_speed.py [FOLDER_OF_TXT] [--limit N] [--rounds R] [--json]

FOLDER defaults to ../shared/eval/attribution/polnear/dev/text (read at run time).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

from claimgraph.app import ClaimGraph
from claimgraph.extract import Extractor
from claimgraph.extract.language import load_private
from claimgraph.model import Document
from claimgraph.read.document import find_openers
from claimgraph.settings import Settings
from paired import best_seconds

DEFAULT_FOLDER = Path(__file__).resolve().parents[2] / "shared" / "eval" / "attribution" / "polnear" / "dev" / "text"
RATIO_FLOOR = 0.6


def documents(texts: list[str]) -> list[Document]:
    """The texts as annotated, with the openers reading would find (as the Extractor gets them)."""
    return [Document(id=hashlib.sha256(t.encode()).hexdigest()[:16], text=t, openers=find_openers(t)) for t in texts]


def cold_start(path: Path) -> float:
    """Seconds for `claimgraph extract PATH` in a new process."""
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "claimgraph.interfaces.cli", "extract", str(path)],
                   check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT_FOLDER)
    parser.add_argument("--limit", type=int, default=60)
    parser.add_argument("--rounds", type=int, default=3, help="timed rounds per run; the fastest counts")
    parser.add_argument("--json", action="store_true", help="also print the figures as one JSON line")
    args = parser.parse_args(argv)
    paths = sorted(args.folder.glob("*.txt"))[: args.limit]
    texts = [p.read_text(encoding="utf-8") for p in paths]
    if not texts:
        print(f"no .txt files in {args.folder}", file=sys.stderr)
        return 2
    settings = Settings.load()
    cold = cold_start(paths[0])
    bare_nlp, extractor, graph = load_private(settings.spacy_model), Extractor(settings), ClaimGraph(settings)
    seconds = best_seconds({
        "bare": lambda: list(bare_nlp.pipe(texts, batch_size=32)),
        "extract": lambda: list(extractor.extract_many(documents(texts), batch_size=32)),
        "whole": lambda: list(graph.extract(documents(texts))),
    }, args.rounds)
    bare, extract, whole = (len(texts) / seconds[name] for name in ("bare", "extract", "whole"))
    words = sum(len(t.split()) for t in texts)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"texts               {len(texts)} articles, {words} words ({args.folder})")
    print(f"bare nlp.pipe       {bare:8.2f} articles/s")
    print(f"extract_many        {extract:8.2f} articles/s  ratio {extract / bare:.2f} (floor {RATIO_FLOOR})")
    print(f"extract + resolve   {whole:8.2f} articles/s  ratio {whole / bare:.2f}")
    print(f"cold start          {cold:8.2f} s (`claimgraph extract` on one file, new process)")
    print(f"peak RSS            {peak_mb:8.0f} MB")
    if args.json:
        print(json.dumps({"figures": [
            {"name": "bare spaCy nlp.pipe", "value": bare, "unit": "art/s", "target": ""},
            {"name": "extract_many / bare", "value": extract / bare, "unit": "ratio", "target": f">= {RATIO_FLOOR}"},
            {"name": "extract + resolve / bare", "value": whole / bare, "unit": "ratio", "target": ""},
            {"name": "cold start, one file", "value": cold, "unit": "s", "target": ""},
            {"name": "peak RSS", "value": peak_mb, "unit": "MB", "target": ""},
        ]}))
    return 0 if extract / bare >= RATIO_FLOOR else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
