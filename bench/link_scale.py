"""Linking at scale: time and peak memory of `relink` on 10k and 100k synthetic claims.

Claims are resampled from the sample corpus's gold claims (their sentences, event types,
dates and towns): each synthetic event copies one gold event to a random date and a random
place, with its own town names, and draws its claims from that event's sentences.  The
period covered grows with the number of claims (a bigger ledger covers a longer war), so
the claims per day stay constant.  Each size runs in a fresh process for a clean peak RSS.

    .venv/bin/python bench/link_scale.py            # 10k and 100k, prints a table
    .venv/bin/python bench/link_scale.py --size 5000
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from claimgraph.eval.linking import SAMPLES  # noqa: E402
from claimgraph.link import relink  # noqa: E402
from claimgraph.model import Claim, Document, Place, SourceRef, TimeSpan  # noqa: E402

CLAIMS_PER_DAY = 50
CLAIMS_PER_DOCUMENT = 5
# Towns of the sample corpus with approximate coordinates (lat, lon).
TOWNS = {"Sudzha": (51.19, 35.27), "Glushkovo": (51.34, 34.63), "Zvannoe": (51.33, 34.73),
         "Korenevo": (51.41, 34.91), "Oktyabrskoye": (51.64, 35.07), "Tolpino": (51.47, 35.25)}
SOURCES = [("Ministry of Defence", "Russia"), ("General Staff", "Ukraine"), ("Regional governor", "Russia"),
           ("Wire service", None), ("OSINT channel", None), ("Military blogger", "Russia")]
SENTENCE = re.compile(r"[^.!?\n]*[.!?]?")


def sentence_with(text: str, quote: str) -> str:
    start = text.index(quote)
    return next(m.group().strip() for m in SENTENCE.finditer(text) if m.start() <= start < m.end())


def templates() -> list[tuple[str, list[tuple[str, str]]]]:
    """(event_type, [(sentence, date)]) per gold event."""
    raw = yaml.safe_load((SAMPLES / "gold_events.yaml").read_text(encoding="utf-8"))
    result = []
    for event in raw["events"]:
        members = []
        for member in event["claims"]:
            text = (SAMPLES / "articles" / member["file"]).read_text(encoding="utf-8")
            published = text.split()[1]
            members.append((sentence_with(text, member["quote"]), published))
        result.append((event["event_type"], members))
    return result


def synthetic_claims(size: int, seed: int = 7) -> tuple[list[Claim], dict[str, Document]]:
    rng = random.Random(seed)
    base = date(2022, 2, 24)
    days = max(1, size // CLAIMS_PER_DAY)
    patterns, claims, documents = templates(), [], {}
    instance = 0
    while len(claims) < size:
        event_type, members = rng.choice(patterns)
        start = base + timedelta(days=rng.randrange(days))
        shift = (rng.uniform(-6, 6), rng.uniform(-10, 10))
        for sentence, _ in rng.choices(members, k=min(size - len(claims), rng.randint(2, 8))):
            doc_id = f"s{len(claims) // CLAIMS_PER_DOCUMENT}"
            documents.setdefault(doc_id, Document(id=doc_id, text="", published=str(start)))
            claims.append(synthetic_claim(f"{doc_id}:{len(claims)}", sentence, event_type, start, shift, instance, rng))
        instance += 1
    return claims, documents


def synthetic_claim(claim_id: str, sentence: str, event_type: str, day: date, shift: tuple[float, float],
                    instance: int, rng: random.Random) -> Claim:
    """One resampled claim: the town names are made unique to the event instance."""
    places = [Place(text=name, span=(0, 0), name=f"{name}-{instance}", lat=lat + shift[0], lon=lon + shift[1],
                    precision="town") for name, (lat, lon) in TOWNS.items() if name in sentence]
    text = sentence
    for name in TOWNS:
        text = text.replace(name, f"{name}{instance}")
    source, side = rng.choice(SOURCES)
    when = str(day + timedelta(days=rng.randrange(3)))
    return Claim(id=claim_id, text=text, span=(0, len(text)), sentence_span=(0, len(text)), event_type=event_type,
                 status="reported", places=places, time=TimeSpan(text=when, start=when, resolved=True),
                 source_chain=[SourceRef(name=source, canonical=source, kind="official", side=side)])


def measure(size: int) -> dict[str, float]:
    claims, documents = synthetic_claims(size)
    started = time.perf_counter()
    events = relink(claims, documents)
    seconds = time.perf_counter() - started
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"claims": size, "events": len(events), "seconds": round(seconds, 2), "peak_mib": round(peak_mib, 1)}


def run_child(size: int) -> dict[str, float]:
    output = subprocess.run([sys.executable, __file__, "--size", str(size)], capture_output=True, text=True, check=True)
    return json.loads(output.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, help="measure one size in this process and print JSON")
    parser.add_argument("--sizes", type=int, nargs=2, default=(10_000, 100_000), metavar=("SMALL", "LARGE"),
                        help="the two sizes compared (default 10000 100000)")
    parser.add_argument("--json", action="store_true", help="also print the figures as one JSON line")
    args = parser.parse_args()
    if args.size:
        print(json.dumps(measure(args.size)))
        return
    rows = [run_child(size) for size in args.sizes]
    growth = rows[1]["seconds"] / rows[0]["seconds"]
    print(f"{'claims':>8} {'events':>8} {'seconds':>8} {'peak MiB':>9}")
    for row in rows:
        print(f"{row['claims']:>8} {row['events']:>8} {row['seconds']:>8} {row['peak_mib']:>9}")
    print(f"growth {rows[0]['claims']} -> {rows[1]['claims']}: {growth:.1f}x time (target <= 12x, < 60 s at 100k)")
    if args.json:
        print(json.dumps({"figures": figures(rows, growth)}))


def figures(rows: list[dict], growth: float) -> list[dict]:
    timed = [{"name": f"link {row['claims']} claims", "value": float(row["seconds"]), "unit": "s",
              "target": "< 60" if row["claims"] == 100_000 else ""} for row in rows]
    memory = [{"name": f"link {rows[1]['claims']} claims, peak memory", "value": float(rows[1]["peak_mib"]),
               "unit": "MiB", "target": ""}]
    return timed + memory + [{"name": "link growth (10x claims)", "value": growth, "unit": "x", "target": "<= 12"}]


if __name__ == "__main__":
    main()
