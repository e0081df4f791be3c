"""HTTP API under load: p50/p99 latency and achieved rate on a 100k-claim ledger.

Builds (once, then reuses) a synthetic SQLite ledger: documents of four sentences drawn
from a few hand-written templates, with resampled places, dates, sources and numbers, and
events clustering claims of one template at one place in one week.  Then it starts the
server in a separate process on 127.0.0.1 and sends an open-loop load (requests start on a
fixed schedule, whatever the replies do) over a mix of endpoints and filters.  Bounded:
at most 60 s and 1000 req/s, loopback only.

    .venv/bin/python bench/api_load.py                       # 100k claims, 200 req/s, 20 s
    .venv/bin/python bench/api_load.py --claims 10000 --rate 100 --seconds 5
    .venv/bin/python bench/api_load.py --handlers 20         # CPU ms of each endpoint alone
    .venv/bin/python bench/api_load.py --cache-seconds 0 --db sqlite:////tmp/copy.db
    .venv/bin/python bench/api_load.py --responses main.txt   # then the same on a branch; diff

It also prints the CPU time per request of the server and of the load generator (which
shares the machine).  ``--handlers N`` sends no load: it times N requests of each endpoint
of the mix one at a time, straight into the app in this process (no HTTP, no response
cache), in CPU time, which other work on the machine disturbs far less than latency.
``--responses FILE`` sends no load either: it writes each distinct URL of a plan of the mix
with its status, content type and body digest, so two code versions' files, written on the
same ledger, show any response that changed (``diff main.txt branch.txt``).
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import http.client
import json
import queue
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections import Counter, defaultdict
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from claimgraph.model import Claim, Cue, Document, Event, Place, Quantity, SourceRef, TimeSpan  # noqa: E402
from claimgraph.read.normalise import document_id  # noqa: E402
from claimgraph.settings import CACHE_DIR  # noqa: E402

MAX_SECONDS = 60
MAX_RATE = 1000
WORKERS = 32  # client connections: enough to keep the schedule while the server is slow
CLAIMS_PER_DOCUMENT = 4
FIRST_DAY = date(2024, 8, 1)
DAYS = 120
SEED = 20240806

PLACES = [  # name, lat, lon (rounded; written by hand)
    ("Sudzha", 51.19, 35.27), ("Korenevo", 51.41, 34.91), ("Glushkovo", 51.34, 34.63),
    ("Tetkino", 51.27, 34.29), ("Lgov", 51.66, 35.26), ("Rylsk", 51.57, 34.68),
    ("Belgorod", 50.60, 36.59), ("Kharkiv", 49.99, 36.23), ("Sumy", 50.91, 34.80),
    ("Pokrovsk", 48.28, 37.18), ("Toretsk", 48.40, 37.85), ("Kupiansk", 49.71, 37.61),
    ("Zaporizhzhia", 47.84, 35.14), ("Kherson", 46.64, 32.61), ("Bakhmut", 48.59, 38.00),
]
SOURCES = [  # canonical, kind, side, as written
    ("General Staff of Ukraine", "official", "Ukraine", "The General Staff"),
    ("Ministry of Defence of Russia", "official", "Russia", "The defence ministry in Moscow"),
    ("Office of the President of Ukraine", "official", "Ukraine", "An adviser to the president"),
    ("Governor of Kursk Oblast", "official", "Russia", "The regional governor"),
    ("Eastern Studies Institute", "expert", "neutral", "Analysts at the Eastern Studies Institute"),
    ("Frontline Courier Z", "social", "Russia", "A military blogger"),
    ("Harbour Times", "media", "neutral", "A Harbour Times reporter"),
    ("Local residents", "witness", None, "Residents"),
]
ACTORS = ["Ukrainian forces", "Russian forces", "Assault units", "Border guards"]
# kind, event type, claim status, template, status cue, attributed?, unit of {n}
TEMPLATES = [
    ("strike", "strike", "reported", "{source} said {actor} struck a fuel depot near {place}.", "said", True, None),
    ("advance", "territorial_change", "hedged", "{actor} reportedly captured positions outside {place}.",
     "reportedly", False, None),
    ("losses", "casualties", "denied", "{source} denied that {n} soldiers were killed near {place}.", "denied",
     True, "killed"),
    ("bridge", "infrastructure", "confirmed", "Satellite images show damage to a bridge in {place}.",
     "Satellite images show", False, None),
    ("evacuation", "evacuation", "reported", "{source} said {n} residents were evacuated from {place}.", "said",
     True, "evacuated"),
    ("drones", "strike", "reported", "According to {source}, {n} drones were shot down over {place}.",
     "According to", True, "drones"),
]
SEARCH_WORDS = ["bridge", "drones", "evacuated", "depot", "fuel", "soldiers", "killed", "positions", "residents",
                "satellite", "damage", "captured", "shot", "struck"] + [name for name, _, _ in PLACES]
RESPONSE_REQUESTS = 3000  # requests of the mix whose distinct URLs --responses writes
PAGES = 20  # pages of a list asked for: offsets 0 .. (PAGES - 1) x limit
# Every request of the mix may differ from the others (page, filter values, ids, words), as
# a crowd of readers would send them: a response cache keyed by URL helps little with it.
ENDPOINT_MIX = [  # (weight, name, path builder)
    (3, "events", lambda r, k: f"/api/events?limit=50&{k.page(r, 50)}&order={r.choice(['oldest', 'newest'])}"),
    (2, "events status", lambda r, k: f"/api/events?status={r.choice(['disputed', 'claimed', 'confirmed'])}"
                                      f"&{k.page(r, 50)}"),
    (2, "events bbox+dates", lambda r, k: f"/api/events?{k.bbox(r)}&{k.period(r, r.randrange(3, 30))}"),
    (2, "event by id", lambda r, k: f"/api/events/{r.choice(k.event_ids)}"),
    (3, "claims", lambda r, k: f"/api/claims?limit=50&{k.page(r, 50)}"),
    (2, "claims status", lambda r, k: f"/api/claims?status={r.choice(['hedged', 'denied', 'confirmed'])}"
                                      f"&{k.page(r, 50)}"),
    (2, "claims source", lambda r, k: f"/api/claims?source={r.choice(SOURCES)[0].replace(' ', '+')}"
                                      f"&{k.page(r, 50)}"),
    (2, "claims side+dates", lambda r, k: f"/api/claims?side={r.choice(['Russia', 'Ukraine'])}"
                                          f"&{k.period(r, r.randrange(3, 30))}"),
    (2, "claims q", lambda r, k: f"/api/claims?q={'+'.join(r.sample(SEARCH_WORDS, r.choice([1, 1, 2])))}"
                                 f"&{k.page(r, 50, pages=3)}"),
    (2, "claims of event", lambda r, k: f"/api/claims?event_id={r.choice(k.event_ids)}&context=true"),
    (2, "claim by id", lambda r, k: f"/api/claims/{r.choice(k.claim_ids)}"),
    (1, "sources", lambda r, k: f"/api/sources?limit={r.choice([10, 50])}"),
    (1, "documents", lambda r, k: f"/api/documents?limit=20&{k.page(r, 20)}"),
    (1, "stats", lambda r, k: "/api/stats"),
]


# -- the synthetic ledger ------------------------------------------------------------------


def synthetic_document(rng: random.Random, number: int) -> tuple[Document, list[tuple[str, Claim]]]:
    """One document of CLAIMS_PER_DOCUMENT sentences; returns (document, [(event key, claim)])."""
    published = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
    picks = [(rng.choice(TEMPLATES), rng.choice(PLACES), rng.choice(SOURCES)) for _ in range(CLAIMS_PER_DOCUMENT)]
    header = f"Dispatch {number}. "
    sentences, offset = [], len(header)
    for template, place, source in picks:
        text = template[3].format(source=source[3], actor=rng.choice(ACTORS), place=place[0], n=rng.randrange(2, 900))
        sentences.append((offset, text))
        offset += len(text) + 1
    text = header + " ".join(sentence for _, sentence in sentences)
    doc = Document(id=document_id(text), text=text, published=published.isoformat(), outlet=f"Outlet {number % 40}",
                   url=f"https://example.org/dispatch/{number}", language="en")
    claims = [synthetic_claim(doc, i, start, sentence, *pick, published)
              for i, ((start, sentence), pick) in enumerate(zip(sentences, picks))]
    return doc, claims


def synthetic_claim(doc: Document, index: int, start: int, sentence: str, template: tuple, place: tuple,
                    source: tuple, published: date) -> tuple[str, Claim]:
    """The claim that is sentence `sentence` (at `start` in the document), keyed by its event."""
    kind, event_type, status, _, cue, attributed, unit = template
    local = sentence.index(cue)
    said_by = start + sentence.find(source[3])
    chain = [SourceRef(name=source[3], canonical=source[0], kind=source[1], side=source[2], cue=cue,
                       span=(said_by, said_by + len(source[3])))] if attributed else []
    at = start + sentence.index(place[0])
    number = next((w for w in sentence.split() if w.isdigit()), None)
    claim = Claim(
        id=f"{doc.id}:{index}", text=sentence, span=(start, start + len(sentence)),
        sentence_span=(start, start + len(sentence)), event_type=event_type, status=status,
        status_cues=[Cue(text=cue, span=(start + local, start + local + len(cue)))], source_chain=chain,
        places=[Place(text=place[0], span=(at, at + len(place[0])), name=place[0], lat=place[1], lon=place[2],
                      precision="town")],
        time=TimeSpan(text="published", start=published.isoformat(), end=published.isoformat(), precision="day",
                      anchor="published", resolved=True),
        quantities=[Quantity(text=number, min=float(number), max=float(number), unit=unit)] if unit else [],
        document_id=doc.id)
    week = (published - FIRST_DAY).days // 7
    return f"{kind}|{place[0]}|{week}", claim


def synthetic_event(key: str, claims: list[Claim]) -> Event:
    origins = sorted({c.origin.canonical for c in claims if c.origin})
    sides = sorted({c.origin.side for c in claims if c.origin and c.origin.side})
    dates = sorted(c.time.start for c in claims)
    statuses = {c.status for c in claims}
    status = ("disputed" if "denied" in statuses else "confirmed" if "confirmed" in statuses
              else "corroborated" if len(origins) > 1 and len(sides) > 1 else "claimed")
    return Event(id="e" + hashlib.sha256(key.encode()).hexdigest()[:12], event_type=claims[0].event_type,
                 summary=claims[0].text.rstrip("."), claims=[c.id for c in claims],
                 documents=len({c.document_id for c in claims}), origins=origins,
                 independent_sources=max(1, len(origins)), sides=sides, status=status,
                 first_seen=dates[0], last_seen=dates[-1], places=claims[0].places[:1])


def build_ledger(url: str, claims_wanted: int) -> int:
    """Writes the ledger; returns the number of events."""
    from claimgraph.store import Store

    rng = random.Random(SEED)
    grouped: dict[str, list[Claim]] = defaultdict(list)
    with Store(url) as store:
        for number in range(claims_wanted // CLAIMS_PER_DOCUMENT):
            doc, keyed = synthetic_document(rng, number)
            store.add_document(doc, [claim for _, claim in keyed])
            for key, claim in keyed:
                grouped[key].append(claim)
        events = [synthetic_event(key, claims) for key, claims in grouped.items()]
        for i in range(0, len(events), 1000):
            store.save_events(events[i:i + 1000])
    return len(events)


def copy_ledger(built: str, url: str) -> None:
    """Copies the built SQLite ledger into the empty database at `url` (PostgreSQL: COPY, which
    takes minutes where storing 100k claims one document at a time takes most of an hour)."""
    from sqlalchemy import text

    from claimgraph.store import Store
    from claimgraph.store.schema import LEDGER_TABLES

    with Store(built) as source, Store(url) as target, source.engine.connect() as read, \
            target.engine.connect() as write:
        cursor = write.connection.dbapi_connection.cursor()
        for table in LEDGER_TABLES:  # in foreign-key order: documents, events before claims
            names = ", ".join(column.name for column in table.columns)
            with cursor.copy(f"COPY {table.name} ({names}) FROM STDIN") as copy:
                for row in read.exec_driver_sql(f"SELECT {names} FROM {table.name}").cursor:
                    copy.write_row(row)
        write.commit()
        write.execute(text("UPDATE ledger_version SET version = version + 1"))
        write.commit()
    with target.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("VACUUM ANALYZE"))


def ledger_url(claims: int) -> tuple[str, Path]:
    path = CACHE_DIR / "bench" / f"api_load-{claims}.db"
    return f"sqlite:///{path}", path


# -- server and load -------------------------------------------------------------------------


def serve(url: str, port: int, cache_seconds: float, workers: int) -> None:
    """The server as `claimgraph serve` runs it: processes build the app from the environment."""
    import os

    import uvicorn

    os.environ.update({"CLAIMGRAPH_DB": url, "CLAIMGRAPH_API_CACHE_SECONDS": str(cache_seconds)})
    uvicorn.run("claimgraph.interfaces.api:app_from_environment", factory=True, host="127.0.0.1", port=port,
                workers=workers, log_level="warning", access_log=False)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(base: str, process: subprocess.Popen, timeout: float = 60) -> None:
    import httpx

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"server exited with code {process.returncode}")
        try:
            httpx.get(f"{base}/api/stats", timeout=5).raise_for_status()
            return
        except httpx.HTTPError:
            time.sleep(0.2)
    raise SystemExit("server did not come up")


class Keys:
    """Ids to ask for, sampled from the ledger (`events`: a page of /api/events)."""

    def __init__(self, events: list[dict]):
        self.event_ids = [e["id"] for e in events]
        self.claim_ids = [c for e in events for c in e["claims"]]

    @staticmethod
    def page(rng: random.Random, limit: int, pages: int = PAGES) -> str:
        return f"offset={rng.randrange(pages) * limit}"

    @staticmethod
    def bbox(rng: random.Random) -> str:
        """A box around a random place, 0.5 to 3 degrees across."""
        _, lat, lon = rng.choice(PLACES)
        half = rng.uniform(0.25, 1.5)
        return f"bbox={lon - half:.2f},{lat - half:.2f},{lon + half:.2f},{lat + half:.2f}"

    def period(self, rng: random.Random, days: int) -> str:
        start = FIRST_DAY + timedelta(days=rng.randrange(DAYS - days))
        return f"date_from={start.isoformat()}&date_to={(start + timedelta(days=days)).isoformat()}"


def request_plan(keys: Keys, count: int, seed: int) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    weights = [w for w, _, _ in ENDPOINT_MIX]
    picks = rng.choices(ENDPOINT_MIX, weights=weights, k=count)
    return [(name, build(rng, keys)) for _, name, build in picks]


def run_load(port: int, plan: list[tuple[str, str]], rate: float) -> tuple[list[tuple[str, float, int]], float]:
    """Open loop: request i is due at start + i/rate; its latency counts from then, so a
    server that falls behind is charged for the queue (no coordinated omission)."""
    due: queue.Queue = queue.Queue()
    results: list[tuple[str, float, int]] = []
    workers = [threading.Thread(target=load_worker, args=(port, due, results), daemon=True) for _ in range(WORKERS)]
    for worker in workers:
        worker.start()
    start = time.perf_counter()
    for i, (name, path) in enumerate(plan):
        time.sleep(max(0.0, start + i / rate - time.perf_counter()))
        due.put((start + i / rate, name, path))
    for _ in workers:
        due.put(None)
    for worker in workers:
        worker.join()
    return results, time.perf_counter() - start


def load_worker(port: int, due: queue.Queue, results: list) -> None:
    """Sends the due requests on one keep-alive connection (stdlib client: little CPU)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    while (item := due.get()) is not None:
        scheduled, name, path = item
        try:
            connection.request("GET", path)
            response = connection.getresponse()
            response.read()
            status = response.status
        except (OSError, http.client.HTTPException):
            connection.close()
            status = 0
        results.append((name, (time.perf_counter() - scheduled) * 1000, status))
    connection.close()


def cpu_seconds(pid: int) -> float:
    """CPU time used so far by a process and its children (the server and its workers)."""
    import psutil

    root = psutil.Process(pid)
    return sum(sum(process.cpu_times()[:2]) for process in (root, *root.children(recursive=True)))


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def print_table(results: list[tuple[str, float, int]], elapsed: float, rate: float) -> None:
    by_name: dict[str, list[float]] = defaultdict(list)
    for name, ms, _ in results:
        by_name[name].append(ms)
    print(f"{'endpoint':<20}{'n':>6}{'p50 ms':>9}{'p99 ms':>9}{'max ms':>9}")
    for name, values in sorted(by_name.items()):
        print(f"{name:<20}{len(values):>6}{statistics.median(values):>9.1f}{percentile(values, 99):>9.1f}"
              f"{max(values):>9.1f}")
    latencies = [ms for _, ms, _ in results]
    errors = Counter(status for _, _, status in results if status != 200)  # 0: no reply (timeout, refused)
    print(f"{'ALL':<20}{len(latencies):>6}{statistics.median(latencies):>9.1f}{percentile(latencies, 99):>9.1f}"
          f"{max(latencies):>9.1f}")
    print(f"target {rate:.0f} req/s, achieved {len(results) / elapsed:.1f} req/s over {elapsed:.1f} s; "
          f"non-200 replies: {sum(errors.values())} {dict(errors) if errors else ''}")


def figures(results: list[tuple[str, float, int]], elapsed: float, rate: float, claims: int,
            cache_seconds: float) -> dict:
    latencies = [ms for _, ms, _ in results]
    where = f"{claims // 1000}k claims, cache {f'{cache_seconds:g} s' if cache_seconds else 'off'}"
    return {"figures": [
        {"name": f"API p50 at {rate:.0f} req/s, {where}", "value": statistics.median(latencies), "unit": "ms",
         "target": ""},
        {"name": f"API p99 at {rate:.0f} req/s, {where}", "value": percentile(latencies, 99), "unit": "ms",
         "target": "< 50"},
        {"name": f"API achieved rate, {where}", "value": len(results) / elapsed, "unit": "req/s",
         "target": f">= {rate:.0f}"},
    ]}


def handler_times(url: str, repeats: int) -> None:
    asyncio.run(_handler_times(url, repeats))


async def _handler_times(url: str, repeats: int) -> None:
    import httpx

    from claimgraph.interfaces.api import create_app
    from claimgraph.settings import Settings
    from claimgraph.store import Store

    store = Store(url)
    meter = QueryMeter(store.engine)
    app = create_app(store, Settings(), cache_seconds=0)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://bench") as client:
        keys = Keys((await client.get("/api/events", params={"limit": 500})).json()["items"])
        rng = random.Random(SEED)
        medians = []
        print(f"{'endpoint':<20}{'CPU ms':>8}{'db CPU':>8}{'SQL':>6}   (median of {repeats}, one at a time, "
              "no cache, client included; db CPU: the PostgreSQL backends', mean)")
        for weight, name, build in ENDPOINT_MIX:
            times = [await _cpu_ms(client, build(rng, keys), meter) for _ in range(repeats)]
            cpu, database, statements = zip(*times)  # the database's CPU in clock ticks (10 ms): its mean
            medians.append((weight, statistics.median(cpu), statistics.mean(database), statistics.median(statements)))
            print(f"{name:<20}{medians[-1][1]:>8.2f}{medians[-1][2]:>8.2f}{medians[-1][3]:>6.0f}")
    total = sum(weight for weight, *_ in medians)
    means = [sum(weight * row[i] for weight, *row in medians) / total for i in range(3)]
    print(f"{'mix (weighted)':<20}{means[0]:>8.2f}{means[1]:>8.2f}{means[2]:>6.1f}")


def write_responses(url: str, out: Path, count: int) -> None:
    asyncio.run(_write_responses(url, out, count))


async def _write_responses(url: str, out: Path, count: int) -> None:
    import httpx

    from claimgraph.interfaces.api import create_app
    from claimgraph.settings import Settings
    from claimgraph.store import Store

    app = create_app(Store(url), Settings(), cache_seconds=0)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://bench") as client:
        keys = Keys((await client.get("/api/events", params={"limit": 500})).json()["items"])
        paths = sorted({path for _, path in request_plan(keys, count, seed=3)})
        with out.open("w") as lines:
            for path in paths:
                response = await client.get(path)
                digest = hashlib.sha256(response.content).hexdigest()
                lines.write(f"{response.status_code} {response.headers.get('content-type')} {digest} {path}\n")
    print(f"{len(paths)} distinct URLs of {count} requests of the mix: {out}")


class QueryMeter:
    """SQL statements sent through `engine`, and the CPU time of its PostgreSQL server
    processes (each connection's backend, found when the connection opens)."""

    def __init__(self, engine):
        from sqlalchemy import event

        self.statements = 0
        self.backends: list = []
        event.listen(engine, "before_cursor_execute", self._count)
        if engine.dialect.name == "postgresql":
            event.listen(engine, "connect", self._remember_backend)
            engine.dispose()  # connections opened before (migrating) are not watched

    def _count(self, *_args) -> None:
        self.statements += 1

    def _remember_backend(self, dbapi_connection, _record) -> None:
        import psutil

        with dbapi_connection.cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid()")
            self.backends.append(psutil.Process(cursor.fetchone()[0]))
        dbapi_connection.rollback()  # idle again, as the pool hands connections out (an isolation level is set then)

    def backend_seconds(self) -> float:
        """CPU seconds of the backends (0 where the server is not readable from here)."""
        import psutil

        try:
            return sum(sum(backend.cpu_times()[:2]) for backend in self.backends)
        except (psutil.AccessDenied, psutil.NoSuchProcess):
            return 0.0


async def _cpu_ms(client, path: str, meter: QueryMeter) -> tuple[float, float, int]:
    """CPU ms of one request (the app's worker threads included), of the database server for
    it, and the SQL statements it sent."""
    started, backend, statements = time.process_time(), meter.backend_seconds(), meter.statements
    (await client.get(path)).raise_for_status()
    return ((time.process_time() - started) * 1000, (meter.backend_seconds() - backend) * 1000,
            meter.statements - statements)


def ensure_ledger(claims: int) -> str:
    """The ledger's URL, built first if it does not exist yet."""
    url, path = ledger_url(claims)
    if not path.exists():
        building = path.with_suffix(".building")
        building.parent.mkdir(parents=True, exist_ok=True)
        building.unlink(missing_ok=True)
        started = time.perf_counter()
        events = build_ledger(f"sqlite:///{building}", claims)
        building.rename(path)  # only a finished ledger is reused
        print(f"built {path}: {claims} claims, {events} events in {time.perf_counter() - started:.0f} s")
    return url


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--db", metavar="DB_URL", help="load this ledger (a copy of the built one, or PostgreSQL) "
                        "instead of the cached SQLite one; it is migrated first, and an empty PostgreSQL database "
                        "gets a copy of the built one")
    parser.add_argument("--rate", type=float, default=200, help=f"requests per second (max {MAX_RATE})")
    parser.add_argument("--seconds", type=float, default=20, help=f"measured duration (max {MAX_SECONDS})")
    parser.add_argument("--cache-seconds", type=float, default=2.0,
                        help="the server's response cache (create_app's cache_seconds; 0: off)")
    parser.add_argument("--json", action="store_true", help="also print the figures as one JSON line")
    parser.add_argument("--workers", type=int, default=1, help="server processes (claimgraph serve --web-workers)")
    parser.add_argument("--handlers", type=int, metavar="N",
                        help="no load: time N requests of each endpoint in this process (CPU ms)")
    parser.add_argument("--responses", type=Path, metavar="FILE",
                        help="no load: write each distinct URL of 3000 requests of the mix with its status and body "
                        "digest to FILE (compare two code versions: diff the files)")
    parser.add_argument("--serve", metavar="DB_URL", help=argparse.SUPPRESS)
    parser.add_argument("--port", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        return serve(args.serve, args.port, args.cache_seconds, args.workers)
    url = args.db or ensure_ledger(args.claims)
    if args.db and args.db.startswith("postgres") and _empty(args.db):
        copy_ledger(ensure_ledger(args.claims), args.db)
    if args.handlers:
        return handler_times(url, args.handlers)
    if args.responses:
        return write_responses(url, args.responses, RESPONSE_REQUESTS)
    load_test(args, url)


def _empty(url: str) -> bool:
    from claimgraph.store import Store

    with Store(url) as store:
        return store.count_documents() == 0


def load_test(args: argparse.Namespace, url: str) -> None:
    import httpx

    rate, seconds = min(args.rate, MAX_RATE), min(args.seconds, MAX_SECONDS)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([sys.executable, __file__, "--serve", url, "--port", str(port),
                               "--cache-seconds", str(args.cache_seconds), "--workers", str(args.workers)])
    try:
        wait_until_up(base, server)
        keys = Keys(httpx.get(f"{base}/api/events", params={"limit": 500}).json()["items"])
        run_load(port, request_plan(keys, int(rate * 2), seed=1), rate)  # warm-up, not counted
        server_cpu, own_cpu = cpu_seconds(server.pid), time.process_time()
        results, elapsed = run_load(port, request_plan(keys, int(rate * seconds), seed=2), rate)
        server_cpu, own_cpu = cpu_seconds(server.pid) - server_cpu, time.process_time() - own_cpu
        print(f"ledger {url} ({args.claims} claims); server: uvicorn on {base}, {args.workers} process(es), "
              f"response cache {args.cache_seconds:g} s")
        print_table(results, elapsed, rate)
        print(f"CPU per request: server {1000 * server_cpu / len(results):.2f} ms, load generator "
              f"{1000 * own_cpu / len(results):.2f} ms ({server_cpu / elapsed:.2f} and {own_cpu / elapsed:.2f} "
              "of a core)")
        if args.json:
            print(json.dumps(figures(results, elapsed, rate, args.claims, args.cache_seconds)))
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
