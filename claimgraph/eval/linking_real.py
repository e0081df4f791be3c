"""Event linking on real multi-outlet reporting: `claimgraph eval linking-real [PATH]`.

Each episode folder of ``../shared/eval/linking-real`` (articles/ and gold.yaml, format in its
README) is ingested into a fresh SQLite ledger the way a user would, and the ledger is scored
against the gold events:

- **linking**: CoNLL F1 (mean of MUC, B³, CEAF-e) over the gold mentions; a mention maps to the
  claim whose span overlaps its quote most (one claim per mention, one mention per claim); an
  unmatched mention is a singleton.  Beside it the singleton, one-cluster and per-document
  baselines over the same mentions.
- **events**, aligned gold -> system by the CEAF-e alignment (an unaligned gold event counts
  wrong): clean (≥80% of its mentions in one system event that is ≥80% this event's),
  independent-origin count exact and within one, sides, event status and event type.
- **mentions**: status, origin and event type (its gold event's type) of the matched claim;
  and its own day (``link.features.dated_day``, what linking separates happenings by): how many
  matched claims give one (``mentions.own_day``), and how many of those with a gold date fall
  in it, a day of slack each side (``mentions.own_day_right``: night events cross midnight and
  some publication dates are inferred).
- **given gold events**: the same event figures for events built (``link.events_of_clusters``)
  from the gold clusters (matched claims by gold event, every other claim alone), so that what
  the event layer makes of an event (origins, status, type, place) is measured apart from how
  claims were clustered (``linking_real.given_gold_events.*``).
- **places**: each found event's position (``resolve.position``) within 161 km of its gold
  place (``events.place_161km``, over found events with a gold place: one without a position
  counts wrong), and each matched claim's location within 161 km of its gold event's place
  (``mentions.place_161km``, over the claims that carry one; ``mentions.placed`` says how many do).

Per episode and pooled (the union of the episodes).  Nothing of the corpus enters the repository.
"""

from __future__ import annotations

import re
import tempfile
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Hashable, Mapping, Optional, Sequence

import yaml

from claimgraph.eval import DEFAULT_DATA, Metric
from claimgraph.eval.linking import Clustering, ceafe_alignment, overlap, scores
from claimgraph.link import events_of_clusters
from claimgraph.link.features import dated_day, parse_day
from claimgraph.model import Claim, Document, Event, Place
from claimgraph.resolve.actors import ActorCatalogue
from claimgraph.resolve.geoparse import distance_km
from claimgraph.resolve.position import claim_place, event_position
from claimgraph.settings import Settings

POOLED = "all"
CLEAN_SHARE = 0.8  # a clean event: this share of its mentions in one system event this pure
NEUTRAL = {None, "neutral"}
UNCOUNTED_KINDS = {"unspecified", "author"}
PARENTHESIS = re.compile(r"\s*\([^)]*\)")
PLACE_KM = 161  # a place this close to the gold place is right (the geoparsing convention)
GENERIC_WORDS = frozenset({"unspecified", "resident", "recording", "statement"})
DAY_SLACK = 1  # days either side of a gold date that still count: nights, inferred publication dates


@dataclass(frozen=True)
class GoldMention:
    id: str  # "<event>#<n>"
    file: str
    quote: str
    event: str
    status: str
    origins: tuple[str, ...]  # "author" or names of the episode's sources; a joint attribution lists several
    event_type: str  # the type of the event it speaks of


@dataclass(frozen=True)
class GoldEvent:
    id: str
    event_type: str
    status: str
    independent_sources: int
    sides: frozenset[str]
    mentions: tuple[GoldMention, ...]
    point: Optional[tuple[float, float]] = None  # (lat, lon) of its gold place
    days: Optional[tuple[int, int]] = None  # first and last day (ordinals) of its gold date


@dataclass(frozen=True)
class Episode:
    name: str
    articles: Path
    events: tuple[GoldEvent, ...]
    sources: Mapping[str, Mapping[str, Optional[str]]]  # canonical name -> {side, kind}

    @property
    def mentions(self) -> list[GoldMention]:
        return [m for event in self.events for m in event.mentions]


def as_tuple(value: object) -> tuple[str, ...]:
    if value is None:
        return ()
    return tuple(map(str, value)) if isinstance(value, (list, tuple)) else (str(value),)


def load_episode(folder: Path) -> Episode:
    raw = yaml.safe_load((folder / "gold.yaml").read_text(encoding="utf-8"))
    sources = raw.get("sources") or {}
    events = []
    for entry in raw["events"]:
        mentions = tuple(GoldMention(f"{entry['id']}#{n}", m["file"], m["quote"], entry["id"], m["status"],
                                     as_tuple(m.get("origin")) or ("author",), entry["event_type"])
                         for n, m in enumerate(entry.get("mentions") or []))
        sides = frozenset(s for s in ((sources.get(o) or {}).get("side") for o in entry.get("origins") or [])
                          if s not in NEUTRAL)
        events.append(GoldEvent(entry["id"], entry["event_type"], entry["status"],
                                int(entry.get("independent_sources", len(entry.get("origins") or []))), sides,
                                mentions, gold_point(entry.get("place")), gold_days(entry.get("date"))))
    return Episode(folder.name, folder / "articles", tuple(events), sources)


def gold_point(place: Optional[Mapping[str, object]]) -> Optional[tuple[float, float]]:
    if not place or place.get("lat") is None or place.get("lon") is None:
        return None
    return float(place["lat"]), float(place["lon"])  # type: ignore[arg-type]


def gold_days(value: Optional[str]) -> Optional[tuple[int, int]]:
    """"2022-08-06" or a range "2022-08-05/2022-08-06" -> (first, last) day ordinals."""
    if not value:
        return None
    first, _, last = str(value).partition("/")
    start, end = parse_day(first), parse_day(last or first)
    return (start, end) if start is not None and end is not None else None


def load_episodes(root: Path) -> list[Episode]:
    return [load_episode(folder) for folder in sorted(root.iterdir()) if (folder / "gold.yaml").is_file()]


# --- running the product -------------------------------------------------------------------

@dataclass
class Ledger:
    """What an ingest left: documents, claims (with event ids) and events."""
    documents: dict[str, Document]
    claims: list[Claim]
    events: list[Event]


Run = Callable[[Episode, Settings], Ledger]


def ingest_episode(episode: Episode, settings: Settings) -> Ledger:
    """`claimgraph ingest EPISODE/articles` into a fresh SQLite file, read back."""
    from claimgraph.app import ClaimGraph

    with tempfile.TemporaryDirectory(prefix="claimgraph-eval-") as folder:
        with ClaimGraph(settings.with_(db=f"sqlite:///{folder}/ledger.db", workers=1, scheduler="")) as graph:
            graph.ingest([episode.articles])
            store = graph.store
            return Ledger({d.id: d for d in store.all_documents()}, list(store.all_claims()),
                          list(store.all_events()))


# --- matching claims to gold mentions ------------------------------------------------------

def file_name(document: Document) -> Optional[str]:
    return Path(document.origin.split("#")[0]).name if document.origin else None


def match_mentions(episode: Episode, ledger: Ledger) -> dict[str, Claim]:
    """Gold mention id -> the claim whose span overlaps its quote most, one to one: a claim
    overlapping several mentions goes to the one it overlaps most."""
    by_file = {file_name(d): d for d in ledger.documents.values()}
    claims_of: dict[str, list[Claim]] = {}
    for claim in ledger.claims:
        claims_of.setdefault(claim.document_id or claim.id.rsplit(":", 1)[0], []).append(claim)
    pairs = []  # (overlap, mention, claim)
    for mention in episode.mentions:
        document = by_file.get(mention.file)
        if document is None or mention.quote not in document.text:
            continue
        start = document.text.index(mention.quote)
        quote = (start, start + len(mention.quote))
        pairs += [(overlap(c.span, quote), mention.id, c) for c in claims_of.get(document.id, [])
                  if overlap(c.span, quote)]
    matched: dict[str, Claim] = {}
    taken: set[str] = set()
    for _, mention_id, claim in sorted(pairs, key=lambda p: (-p[0], p[1], p[2].id)):
        if mention_id not in matched and claim.id not in taken:
            matched[mention_id] = claim
            taken.add(claim.id)
    return matched


# --- origins: the system's names against the episode's canonical names ----------------------

class OriginMatcher:
    """Does a system origin name the gold origin?  Compared through the product's own actor
    catalogue (so "Kyiv" and "Government of Ukraine" agree) and by words: every content word of
    the gold name ("Energoatom"; "Russian-installed Kherson administration") found among the
    words of the system's name and canonical name."""

    def __init__(self, catalogue: ActorCatalogue):
        self.catalogue = catalogue

    def words(self, name: str) -> set[str]:
        return set(self.catalogue.tokens(PARENTHESIS.sub("", name))) - GENERIC_WORDS

    def matches(self, claim: Claim, gold_origins: tuple[str, ...]) -> bool:
        if not claim.source_chain:
            return "author" in gold_origins
        ref = claim.source_chain[0]
        said = self.words(ref.name) | self.words(ref.canonical or "")
        system_entity = self.catalogue.lookup(ref.canonical or ref.name)
        for gold in gold_origins:
            if gold == "author":
                continue
            gold_words = self.words(gold)
            gold_entity = self.catalogue.lookup(PARENTHESIS.sub("", gold))
            if (gold_words and gold_words <= said) or (gold_entity and gold_entity == system_entity):
                return True
        return False


# --- scoring one episode --------------------------------------------------------------------

@dataclass
class Tally:
    """Counts of one episode (or pooled): numerators and denominators of each figure."""
    counts: Counter[str] = field(default_factory=Counter)
    conll: list[float] = field(default_factory=list)  # per episode (the mean is reported)
    baselines: dict[str, list[float]] = field(default_factory=dict)

    def add(self, other: "Tally") -> None:
        self.counts.update(other.counts)
        self.conll += other.conll
        for name, values in other.baselines.items():
            self.baselines.setdefault(name, []).extend(values)

    def share(self, numerator: str, denominator: str) -> tuple[float, str]:
        n, d = self.counts[numerator], self.counts[denominator]
        return (n / d if d else 0.0), f"{n}/{d}"


def conll(gold: Clustering, response: Clustering) -> float:
    return sum(f for _, _, f in scores(gold, response).values()) / 3


def baselines(episode: Episode) -> dict[str, float]:
    gold = {m.id: m.event for m in episode.mentions}
    return {"singletons": conll(gold, {m: m for m in gold}),
            "one_cluster": conll(gold, {m: "all" for m in gold}),
            "per_document": conll(gold, {m.id: m.file for m in episode.mentions})}


def system_clustering(episode: Episode, matched: Mapping[str, Claim]) -> Clustering:
    clustering: dict[str, Hashable] = {}
    for mention in episode.mentions:
        claim = matched.get(mention.id)
        clustering[mention.id] = claim.event_id if claim and claim.event_id else ("alone", mention.id)
    return clustering


def is_clean(members: frozenset[str], response: Clustering) -> bool:
    """≥80% of the gold event's mentions in one system event that is ≥80% this event's."""
    best, count = Counter(response[m] for m in members).most_common(1)[0]
    if count < CLEAN_SHARE * len(members):
        return False
    size = sum(1 for cluster in response.values() if cluster == best)
    return count >= CLEAN_SHARE * size


def score_episode(episode: Episode, ledger: Ledger, matcher: OriginMatcher) -> Tally:
    tally = Tally()
    matched = match_mentions(episode, ledger)
    gold = {m.id: m.event for m in episode.mentions}
    response = system_clustering(episode, matched)
    tally.conll.append(conll(gold, response))
    for name, value in baselines(episode).items():
        tally.baselines[name] = [value]
    count_mentions(episode, matched, matcher, tally.counts)
    count_events(episode, ledger, response, tally.counts)
    tally.counts["claims"] += len(ledger.claims)
    tally.counts["claims_unmatched"] += len(ledger.claims) - len(matched)
    return tally


def count_mentions(episode: Episode, matched: Mapping[str, Claim], matcher: OriginMatcher,
                   counts: Counter[str]) -> None:
    events = {e.id: e for e in episode.events}
    for mention in episode.mentions:
        counts["mentions"] += 1
        claim = matched.get(mention.id)
        if claim is None:
            continue
        counts["mentions_matched"] += 1
        counts["mention_status_right"] += claim.status == mention.status
        counts["mention_origin_right"] += matcher.matches(claim, mention.origins)
        counts["mention_type_right"] += claim.event_type == mention.event_type
        count_place(claim_place(claim), events[mention.event].point, "mention", counts)
        count_day(dated_day(claim), events[mention.event].days, counts)


def count_day(day: Optional[int], gold: Optional[tuple[int, int]], counts: Counter[str]) -> None:
    """Does the claim give its own day, and is it the gold event's (give or take DAY_SLACK)?"""
    if day is None:
        return
    counts["mention_own_day"] += 1
    if gold is not None:
        counts["mention_own_day_gold_dated"] += 1
        counts["mention_own_day_right"] += gold[0] - DAY_SLACK <= day <= gold[1] + DAY_SLACK


def count_place(place: Optional[Place], gold: Optional[tuple[float, float]], kind: str,
                counts: Counter[str]) -> None:
    """Of the system places with a gold place to compare, how many are within PLACE_KM of it."""
    if gold is None:
        return
    counts[f"{kind}_gold_placed"] += 1
    if place is None or place.lat is None or place.lon is None:
        return
    counts[f"{kind}_placed"] += 1
    counts[f"{kind}_place_near"] += distance_km(place.lat, place.lon, *gold) <= PLACE_KM


def count_events(episode: Episode, ledger: Ledger, response: Clustering, counts: Counter[str]) -> None:
    for row in aligned_rows(episode, ledger, response):
        event, system = row.gold, row.system
        counts["events"] += 1
        counts["events_clean"] += row.clean
        if system is None:
            continue
        counts["events_aligned"] += 1
        difference = abs(system.independent_sources - event.independent_sources)
        counts["origins_exact"] += difference == 0
        counts["origins_within_one"] += row.origins_ok
        counts["origins_abs_error"] += difference
        counts["sides_right"] += set(system.sides) - NEUTRAL == set(event.sides)
        counts["status_right"] += row.status_ok
        counts["type_right"] += system.event_type == event.event_type
        count_place(event_position(system), event.point, "event", counts)


# --- event by event ---------------------------------------------------------------------------

@dataclass(frozen=True)
class EventRow:
    """One gold event against the system event the CEAF-e alignment gives it (`--events`): what
    the summary figures count, shown so that a failure can be read off."""
    gold: GoldEvent
    system: Optional[Event]  # None: no system event was aligned with it
    system_claims: int  # claims of the aligned system event
    mentions_in: tuple[tuple[str, int], ...]  # where its mentions went: (system event id or "alone", count), most first
    clean: bool

    @property
    def origins_ok(self) -> bool:
        return self.system is not None and abs(self.system.independent_sources - self.gold.independent_sources) <= 1

    @property
    def status_ok(self) -> bool:
        return self.system is not None and self.system.status == self.gold.status


def event_rows(episode: Episode, ledger: Ledger) -> list[EventRow]:
    """Each gold event of the episode, as `score_episode` aligns and counts it."""
    return aligned_rows(episode, ledger, system_clustering(episode, match_mentions(episode, ledger)))


def aligned_rows(episode: Episode, ledger: Ledger, response: Clustering) -> list[EventRow]:
    """Each gold event beside the system event the CEAF-e alignment of `response` gives it."""
    events = {e.id: e for e in ledger.events}
    sizes = Counter(claim.event_id for claim in ledger.claims)
    key_sets = {e.id: frozenset(m.id for m in e.mentions) for e in episode.events}
    aligned = dict(ceafe_alignment({m: e for e, ms in key_sets.items() for m in ms}, response))
    rows = []
    for gold in episode.events:
        system = events.get(aligned.get(key_sets[gold.id]))  # type: ignore[arg-type]
        went = Counter(response[m] if isinstance(response[m], str) else "alone" for m in key_sets[gold.id])
        rows.append(EventRow(gold, system, sizes[system.id] if system else 0, tuple(went.most_common()),
                             is_clean(key_sets[gold.id], response)))
    return rows


def explain(root: Path = DEFAULT_DATA / "linking-real", settings: Optional[Settings] = None,
            run: Optional[Run] = None) -> dict[str, list[EventRow]]:
    """`claimgraph eval linking-real --events`: the rows of each episode, ingested afresh."""
    settings = settings or Settings.load()
    return {episode.name: event_rows(episode, (run or ingest_episode)(episode, settings))
            for episode in load_episodes(root)}


# --- the metrics ----------------------------------------------------------------------------

def metrics_of(column: str, tally: Tally) -> list[Metric]:
    """The figures of one episode (``linking_real.<episode>.*``) or pooled (``linking_real.*``,
    column "all"; CoNLL there is the mean over episodes)."""
    prefix = "linking_real" if column == POOLED else f"linking_real.{column}"
    metrics = [Metric(f"{prefix}.conll.f1", mean(tally.conll))]
    metrics += [Metric(f"{prefix}.baseline.{name}.conll.f1", mean(v)) for name, v in tally.baselines.items()]
    for name, numerator, denominator in (
            ("events.clean", "events_clean", "events"),
            ("events.origins_exact", "origins_exact", "events"),
            ("events.origins_within_one", "origins_within_one", "events"),
            ("events.sides", "sides_right", "events"),
            ("events.status", "status_right", "events"),
            ("events.type", "type_right", "events_aligned"),
            ("mentions.matched", "mentions_matched", "mentions"),
            ("mentions.status", "mention_status_right", "mentions_matched"),
            ("mentions.origin", "mention_origin_right", "mentions_matched"),
            ("mentions.type", "mention_type_right", "mentions_matched"),
            ("mentions.own_day", "mention_own_day", "mentions_matched"),
            ("mentions.own_day_right", "mention_own_day_right", "mention_own_day_gold_dated"),
            ("events.placed", "event_placed", "event_gold_placed"),
            ("events.place_161km", "event_place_near", "event_gold_placed"),
            ("mentions.placed", "mention_placed", "mention_gold_placed"),
            ("mentions.place_161km", "mention_place_near", "mention_placed")):
        value, detail = tally.share(numerator, denominator)
        metrics.append(Metric(f"{prefix}.{name}", value, detail))
    found = tally.counts["events_aligned"]
    error = tally.counts["origins_abs_error"] / found if found else 0.0
    metrics.append(Metric(f"{prefix}.events.origins_mean_abs_error", error, f"over {found} aligned events"))
    metrics.append(Metric(f"{prefix}.claims_unmatched", float(tally.counts["claims_unmatched"]),
                          f"of {tally.counts['claims']} claims, none matches a gold mention"))
    return [replace(m, column=column) for m in metrics]


def gold_clustered(episode: Episode, ledger: Ledger, settings: Settings) -> Ledger:
    """The ledger's claims clustered as the gold says (matched claims by their gold event, every
    other claim alone), with the events linking builds from those clusters."""
    event_of_mention = {mention.id: mention.event for mention in episode.mentions}
    gold_event = {claim.id: event_of_mention[mention] for mention, claim in match_mentions(episode, ledger).items()}
    claims = [claim.model_copy(update={"event_id": None}) for claim in ledger.claims]
    clusters: dict[str, list[Claim]] = {}
    for claim in claims:
        clusters.setdefault(gold_event.get(claim.id, claim.id), []).append(claim)
    return Ledger(ledger.documents, claims, events_of_clusters(list(clusters.values()), ledger.documents, settings))


GIVEN_GOLD_FIGURES = ("events.origins_exact", "events.origins_within_one", "events.sides", "events.status",
                      "events.type", "events.place_161km")


def given_gold_metrics(column: str, tally: Tally) -> list[Metric]:
    """The event figures of events built from the gold clusters (``linking_real.given_gold_events.*``)."""
    wanted = []
    for metric in metrics_of(column, tally):
        family, _, figure = metric.name.partition(".events.")
        if f"events.{figure}" in GIVEN_GOLD_FIGURES:
            wanted.append(replace(metric, name=f"{family}.given_gold_events.{figure}"))
    return wanted


def mean(values: Sequence[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def evaluate(root: Path = DEFAULT_DATA / "linking-real", settings: Optional[Settings] = None,
             run: Optional[Run] = None, episodes: Optional[Sequence[str]] = None) -> list[Metric]:
    """Per-episode and pooled figures (``linking_real.<episode>.*`` and ``linking_real.*``)."""
    settings = settings or Settings.load()
    matcher = OriginMatcher(ActorCatalogue.load(settings))
    pooled, pooled_given = Tally(), Tally()
    metrics: list[Metric] = []
    for episode in load_episodes(root):
        if episodes and episode.name not in episodes:
            continue
        ledger = (run or ingest_episode)(episode, settings)
        tally = score_episode(episode, ledger, matcher)
        given = score_episode(episode, gold_clustered(episode, ledger, settings), matcher)
        metrics += metrics_of(episode.name, tally) + given_gold_metrics(episode.name, given)
        pooled.add(tally)
        pooled_given.add(given)
    return metrics_of(POOLED, pooled) + given_gold_metrics(POOLED, pooled_given) + metrics
