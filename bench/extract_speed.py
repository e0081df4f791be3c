"""Extraction speed: articles/s of bare spaCy ``nlp.pipe`` vs ``Extractor.extract_many``.

Both run in one process on the same texts (after one warm-up pass each); the ratio
extract / bare must stay >= 0.6.  Also prints the cold start (new Extractor, pipeline
load and first file's claims) and the process's peak RSS.

    .venv/bin/python bench/extract_speed.py [FOLDER_OF_TXT] [--limit N]

FOLDER defaults to ../shared/eval/attribution/polnear/dev/text (read at run time).
"""

from __future__ import annotations

import argparse
import hashlib
import resource
import sys
import time
from pathlib import Path

from claimgraph.extract import Extractor
from claimgraph.extract.language import load_private
from claimgraph.model import Document
from claimgraph.settings import Settings

DEFAULT_FOLDER = Path(__file__).resolve().parents[2] / "shared" / "eval" / "attribution" / "polnear" / "dev" / "text"
RATIO_FLOOR = 0.6


def documents(texts: list[str]) -> list[Document]:
    return [Document(id=hashlib.sha256(t.encode()).hexdigest()[:16], text=t) for t in texts]


def cold_start(settings: Settings, text: str) -> float:
    started = time.perf_counter()
    Extractor(settings).extract(documents([text])[0])
    return time.perf_counter() - started


def rate(run, count: int) -> float:
    run()  # warm-up
    started = time.perf_counter()
    run()
    return count / (time.perf_counter() - started)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT_FOLDER)
    parser.add_argument("--limit", type=int, default=60)
    args = parser.parse_args(argv)
    texts = [p.read_text(encoding="utf-8") for p in sorted(args.folder.glob("*.txt"))[: args.limit]]
    if not texts:
        print(f"no .txt files in {args.folder}", file=sys.stderr)
        return 2
    settings = Settings.load()
    cold = cold_start(settings, texts[0])
    bare_nlp, extractor = load_private(settings.spacy_model), Extractor(settings)
    bare = rate(lambda: list(bare_nlp.pipe(texts, batch_size=32)), len(texts))
    extract = rate(lambda: list(extractor.extract_many(documents(texts), batch_size=32)), len(texts))
    words = sum(len(t.split()) for t in texts)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"texts            {len(texts)} articles, {words} words ({args.folder})")
    print(f"bare nlp.pipe    {bare:8.2f} articles/s")
    print(f"extract_many     {extract:8.2f} articles/s")
    print(f"ratio            {extract / bare:8.2f} (floor {RATIO_FLOOR})")
    print(f"cold start       {cold:8.2f} s (new Extractor, load, one file)")
    print(f"peak RSS         {peak_mb:8.0f} MB")
    return 0 if extract / bare >= RATIO_FLOOR else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
