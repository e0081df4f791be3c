"""One long article: `claimgraph extract` on 1,000,000 characters, in ≤ 60 s and ≤ 1.5 GB.

The article is the bundled sample corpus (samples/kursk, written by the team) repeated to the
length asked.  It is extracted (extraction and resolution, `claimgraph extract`) in a new
process, which reports its time (wall clock and CPU) and peak RSS; the same process then times
bare spaCy ``nlp.pipe`` over the article's sections, so a slow spell of a shared machine shows
as such.
Sizes below the longest also show that cost grows linearly with length.

    .venv/bin/python bench/long_document.py [--sizes 250000 1000000] [--json]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

SAMPLES = Path(__file__).resolve().parents[1] / "samples" / "kursk" / "articles"
SECONDS_TARGET, MEMORY_TARGET_MB = 60.0, 1536


def article(size: int) -> str:
    """Sample bodies (after their header line), one after another, cut to ``size`` characters."""
    bodies = [path.read_text("utf-8").split("\n\n", 1)[1].strip() for path in sorted(SAMPLES.glob("*.txt"))]
    text, number = "", 0
    while len(text) < size:
        text += bodies[number % len(bodies)] + "\n\n"
        number += 1
    return text[:size]


def measure(size: int) -> dict:
    """Run in a process of its own: time and peak memory of one long document's extraction."""
    from claimgraph.app import ClaimGraph
    from claimgraph.extract.sections import section_bounds
    from claimgraph.model import ExtractedDocument
    from claimgraph.read.document import make_document
    from claimgraph.settings import Settings

    document = make_document(article(size), "long.txt", "text")
    graph = ClaimGraph(Settings.load())
    nlp = graph.stage.extractor.nlp
    graph.stage.resolver  # loaded before the clock starts, as a warm process has them
    started, cpu_started = time.perf_counter(), time.process_time()
    [result] = list(graph.extract([document]))
    seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu_started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    bare_started = time.perf_counter()
    for _ in nlp.pipe([document.text[start:end] for start, end in section_bounds(document.text)], batch_size=8):
        pass
    return {"size": size, "seconds": seconds, "cpu_seconds": cpu_seconds, "peak_mb": peak_mb,
            "bare_seconds": time.perf_counter() - bare_started,
            "claims": len(result.claims) if isinstance(result, ExtractedDocument) else f"failed: {result.message}"}


def in_new_process(size: int) -> dict:
    done = subprocess.run([sys.executable, __file__, "--one", str(size)], capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def figures(results: list[dict]) -> list[dict]:
    rows = []
    for result in results:
        label = f"{result['size']:,} characters"
        target = result["size"] >= 1_000_000
        rows += [{"name": f"{label}: extract", "value": round(result["seconds"], 1), "unit": "s",
                  "target": f"<= {SECONDS_TARGET:.0f} s" if target else ""},
                 {"name": f"{label}: extract, CPU time", "value": round(result["cpu_seconds"], 1), "unit": "s",
                  "target": ""},
                 {"name": f"{label}: bare spaCy, same sections", "value": round(result["bare_seconds"], 1), "unit": "s",
                  "target": ""},
                 {"name": f"{label}: peak memory", "value": round(result["peak_mb"]), "unit": "MB",
                  "target": f"<= {MEMORY_TARGET_MB} MB" if target else ""},
                 {"name": f"{label}: claims", "value": result["claims"], "unit": "", "target": ""}]
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[250_000, 1_000_000])
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON line (bench/run)")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # the measuring child process
    options = parser.parse_args()
    if options.one:
        print(json.dumps(measure(options.one)))
        return
    rows = figures([in_new_process(size) for size in options.sizes])
    if options.json:
        print(json.dumps({"figures": rows}))
        return
    for row in rows:
        print(f"{row['name']:<45}{row['value']:>10} {row['unit']:<4} {row['target']}")


if __name__ == "__main__":
    main()
