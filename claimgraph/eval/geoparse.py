"""Geoparsing evaluation on GeoWebNews and LGL (read from the eval data folder, never copied).

For each corpus:
- toponym recognition, end to end (spaCy NER + gazetteer matching, as the product runs):
  precision / recall / F1, a prediction matching a gold toponym when their spans overlap
  (each gold toponym matched at most once);
- resolution given the GOLD spans: accuracy@161 km, median and mean error in km (a gold
  toponym left unresolved counts as a miss, with the largest possible error, 20,038 km);
- resolution accuracy@161 km over the predicted toponyms that overlap a gold one
  (``e2e.acc161``: how well what was found is resolved), and over every gold toponym with
  coordinates, one not found counting wrong (``e2e.all_gold.acc161``: found and within 161 km).

Annotation conventions differ: both corpora mark adjectival demonyms ("Canadian officials"),
LGL also marks group nouns ("Canadians") but GeoWebNews never does, so for GeoWebNews plural
demonyms are left out of the predictions (see ``PEOPLE_DEMONYMS``).
"""

from __future__ import annotations

import statistics
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from claimgraph.eval import DEFAULT_DATA, Metric, prf
from claimgraph.model import Place, Span
from claimgraph.resolve.gazetteer import Gazetteer
from claimgraph.resolve.geoparse import distance_km, is_toponym, resolve_places
from claimgraph.resolve.toponyms import find_toponyms, without_surnames
from claimgraph.settings import Settings

ACCURACY_KM = 161
WORST_KM = 20038.0  # half the Earth's circumference: the error of an unresolved toponym
NER_LABELS = {"GPE": "place", "LOC": "place", "FAC": "place", "NORP": "demonym"}
PEOPLE_DEMONYMS = {"geowebnews": False, "lgl": True}  # does the corpus annotate "Canadians"?


@dataclass(frozen=True)
class GoldToponym:
    span: Span
    text: str
    lat: float | None
    lon: float | None


@dataclass(frozen=True)
class GoldDocument:
    text: str
    toponyms: list[GoldToponym]


def geowebnews(folder: Path) -> Iterator[GoldDocument]:
    """gold.txt line N <-> files/N.txt; toponyms 'name,,surface,,lat,,lon,,start,,end' joined by '||'."""
    lines = (folder / "gold.txt").read_text("utf-8").splitlines()
    for number, line in enumerate(lines):
        text = (folder / "files" / f"{number}.txt").read_text("utf-8")
        toponyms = []
        for entry in filter(None, line.split("||")):
            name, surface, lat, lon, start, end = entry.split(",,")
            toponyms.append(GoldToponym((int(start), int(end)), surface, float(lat), float(lon)))
        yield GoldDocument(text, toponyms)


def lgl(path: Path) -> Iterator[GoldDocument]:
    """LGL XML: article text and toponyms with start/end/phrase and an optional gaztag."""
    for article in ET.parse(path).getroot().iter("article"):
        toponyms = []
        for toponym in article.iter("toponym"):
            gaztag = toponym.find("gaztag")
            lat = float(gaztag.findtext("lat")) if gaztag is not None and gaztag.findtext("lat") else None
            lon = float(gaztag.findtext("lon")) if gaztag is not None and gaztag.findtext("lon") else None
            span = (int(toponym.findtext("start")), int(toponym.findtext("end")))
            toponyms.append(GoldToponym(span, toponym.findtext("phrase") or "", lat, lon))
        yield GoldDocument(article.findtext("text") or "", toponyms)


def predict_toponyms(text: str, nlp, gazetteer: Gazetteer, people: bool = True) -> list[Place]:
    """What the product finds: NER places and demonyms (less the document's unknown surnames),
    plus gazetteer matches NER missed (also inside spans NER took for people or organisations,
    as the resolver only sees places); without ``people``, demonyms naming people ("Canadians")
    are left out."""
    ner = [Place(text=e.text, span=(e.start_char, e.end_char), role=NER_LABELS[e.label_])
           for e in nlp(text).ents if e.label_ in NER_LABELS]
    places = without_surnames(text, ner, gazetteer)
    places += find_toponyms(text, gazetteer, taken=[p.span for p in places])
    resolved = resolve_places(text, sorted(places, key=lambda p: p.span), gazetteer)
    return [p for p in resolved if is_toponym(p) and (people or not _names_people(p))]


def _names_people(place: Place) -> bool:
    """'Canadians', 'Brits': a plural demonym (not 'Swiss')."""
    return place.role == "demonym" and place.text.endswith("s") and not place.text.endswith("ss")


def _overlap(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _error_km(place: Place, gold: GoldToponym) -> float:
    if place.lat is None or place.lon is None:
        return WORST_KM
    return distance_km(place.lat, place.lon, gold.lat, gold.lon)


@dataclass
class Tally:
    predicted: int = 0
    gold: int = 0
    matched: int = 0
    gold_errors: list[float] = None
    e2e_errors: list[float] = None

    def __post_init__(self):
        self.gold_errors, self.e2e_errors = [], []


def score_document(document: GoldDocument, nlp, gazetteer: Gazetteer, tally: Tally, people: bool) -> None:
    predicted = predict_toponyms(document.text, nlp, gazetteer, people)
    tally.predicted += len(predicted)
    tally.gold += len(document.toponyms)
    unmatched = list(predicted)
    for gold in document.toponyms:
        hit = next((p for p in unmatched if _overlap(p.span, gold.span)), None)
        if hit is None:
            continue
        unmatched.remove(hit)
        tally.matched += 1
        if gold.lat is not None:
            tally.e2e_errors.append(_error_km(hit, gold))
    located = [g for g in document.toponyms if g.lat is not None]
    given = [Place(text=document.text[g.span[0]:g.span[1]], span=g.span) for g in located]
    for place, gold in zip(resolve_places(document.text, given, gazetteer), located):
        tally.gold_errors.append(_error_km(place, gold))


def corpus_metrics(name: str, documents: Iterator[GoldDocument], nlp, gazetteer: Gazetteer,
                   people: bool = True) -> list[Metric]:
    """``people``: whether the corpus annotates demonyms naming people (PEOPLE_DEMONYMS)."""
    tally = Tally()
    for document in documents:
        score_document(document, nlp, gazetteer, tally, people)
    precision, recall, f1 = prf(tally.matched, tally.predicted, tally.gold)
    counts = f"{tally.matched} matched / {tally.predicted} predicted / {tally.gold} gold"
    prefix = f"geoparse.{name}"
    return [
        Metric(f"{prefix}.toponym.precision", precision, counts),
        Metric(f"{prefix}.toponym.recall", recall, counts),
        Metric(f"{prefix}.toponym.f1", f1, counts),
        *_resolution(f"{prefix}.resolution.gold_spans", tally.gold_errors),
        Metric(f"{prefix}.resolution.e2e.acc161", _accuracy(tally.e2e_errors),
               f"{len(tally.e2e_errors)} correctly found toponyms with coordinates"),
        Metric(f"{prefix}.resolution.e2e.all_gold.acc161", _found_and_right(tally),
               f"of {len(tally.gold_errors)} gold toponyms with coordinates, found and within {ACCURACY_KM} km"),
    ]


def _found_and_right(tally: Tally) -> float:
    """Every gold toponym with coordinates (``gold_errors`` has one error each) counts: one
    not found is wrong."""
    right = sum(e <= ACCURACY_KM for e in tally.e2e_errors)
    return right / len(tally.gold_errors) if tally.gold_errors else 0.0


def _accuracy(errors: list[float]) -> float:
    return sum(e <= ACCURACY_KM for e in errors) / len(errors) if errors else 0.0


def _resolution(prefix: str, errors: list[float]) -> list[Metric]:
    detail = f"{len(errors)} gold toponyms with coordinates; {sum(e == WORST_KM for e in errors)} unresolved"
    return [
        Metric(f"{prefix}.acc161", _accuracy(errors), detail),
        Metric(f"{prefix}.median_km", statistics.median(errors) if errors else 0.0, detail),
        Metric(f"{prefix}.mean_km", statistics.fmean(errors) if errors else 0.0, detail),
    ]


def evaluate(data_dir: Path = DEFAULT_DATA, settings: Settings | None = None) -> list[Metric]:
    """Metrics for every geoparsing corpus present under ``data_dir/geoparsing``."""
    from claimgraph.extract.language import load_spacy

    settings = settings or Settings.load()
    gazetteer = Gazetteer(settings.gazetteer)
    nlp = load_spacy(settings.spacy_model)
    folder = Path(data_dir) / "geoparsing"
    metrics = []
    if (folder / "geowebnews" / "gold.txt").exists():
        metrics += corpus_metrics("geowebnews", geowebnews(folder / "geowebnews"), nlp, gazetteer,
                                  PEOPLE_DEMONYMS["geowebnews"])
    if (folder / "lgl" / "lgl.xml").exists():
        metrics += corpus_metrics("lgl", lgl(folder / "lgl" / "lgl.xml"), nlp, gazetteer, PEOPLE_DEMONYMS["lgl"])
    return metrics
