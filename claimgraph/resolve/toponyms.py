"""Finding toponyms: the gazetteer names NER missed, found in capitalised runs of the text.

A run qualifies when the gazetteer knows it as a country or region, or as a town large enough
(a smaller one after a locative: "in Sudzha"); institutions yield the place they are named
after ("Paris Police Department" -> Paris); the place opening an outlet's or an organisation's
name ("the Washington Post") is found marked `in_name`, a toponym that never says where
a claim or an event is; the document's surnames ("Bill Moore" ... "Moore
said") are left out, and so are media, organisations, weapons and units ("Deep State", "PA",
"Mi-28": ``never_a_place``, which also holds for the places NER tags).  Resolving the names
found is ``geoparse``'s work.  Rules and word lists: ``data/toponyms.yaml``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import accumulate
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS

from claimgraph.model import Place, Span
from claimgraph.resolve.gazetteer import Gazetteer
from claimgraph.resolve.names import is_district
from claimgraph.rules import typed_rules

WORD = r"[A-Z](?:[\w'’-]|\.(?=[A-Za-z]))*"  # "Kursk", "U.S", "Ivano-Frankivsk"; no sentence-final dot
JOINING_WORDS = "of|de|du|la|al|el|on|upon"  # "Stratford upon Avon", "Bank of England"
CAPITALISED_RUN = re.compile(rf"{WORD}(?:(?:[ -]|[ ](?:{JOINING_WORDS})[ ]){WORD})*")
POSSESSIVE = re.compile(r"['’ʼ]s$")  # ʼ (U+02BC): Ukrainian outlets' apostrophe
# one character between the parts of a run: a hyphen, a space after capitals or after a possessive
PART_BREAK = re.compile(r"-(?=[A-Z])|(?<=[A-Z]{2}) (?=[A-Z][a-z])|(?<=['’ʼ]s) (?=[A-Z])")
JOINER = re.compile(rf" (?:{JOINING_WORDS}) ")
LEADING_THE = re.compile(r"^[Tt]he\s+")


@dataclass(frozen=True)
class ToponymRules:
    """toponyms.yaml: which capitalised runs are tried as places, and the words around them
    that tell a place from a person, an organisation or a unit."""
    skip_leading: frozenset[str]  # "In Kursk": dropped from the start of a run
    not_places: frozenset[str]  # more often something else in news text
    never_places: frozenset[str]  # media, organisations, weapons: never a place
    never_place_endings: frozenset[str]  # "Black Sea Fleet"
    designator: re.Pattern[str]  # a model name ("Mi-28")
    unit_words: frozenset[str]  # "the Azov battalion": a unit
    titles: frozenset[str]  # "President Jackson": a person
    org_heads: frozenset[str]  # "Washington Post": an organisation or a street
    name_heads: frozenset[str]  # "Oman Film Society": with org_heads, a name a place opens
    institution_heads: frozenset[str]  # "Paris Police Department": named after a place
    generic_words: frozenset[str]  # words of a facility's name that are no place
    town_unit_words: frozenset[str]  # "Readington Township": the town Readington
    locative: frozenset[str]  # "in Sudzha": a likely place
    shared_region_words: frozenset[str]  # "the Kherson and Zaporizhzhia regions": each name a region
    min_population: int
    min_population_after_locative: int


WORD_LISTS = ("skip_leading", "not_places", "never_places", "never_place_endings", "unit_words", "titles",
              "org_heads", "name_heads", "institution_heads", "generic_words", "town_unit_words", "locative",
              "shared_region_words")


def toponym_rules() -> ToponymRules:
    return typed_rules("claimgraph.resolve", "data/toponyms.yaml", _toponym_rules)


def _toponym_rules(raw: dict[str, Any]) -> ToponymRules:
    return ToponymRules(designator=re.compile(raw["designator"]), min_population=raw["min_population"],
                        min_population_after_locative=raw["min_population_after_locative"],
                        **{name: frozenset(raw[name]) for name in WORD_LISTS})


def find_toponyms(text: str, gazetteer: Gazetteer, taken: list[Span] = ()) -> list[Place]:
    """Gazetteer matches over ``text`` outside the ``taken`` spans (NER places, people, orgs):
    each capitalised run, else the shorter names inside it (``_parts``)."""
    found, surnames, overlaps_taken = [], _surnames(text, gazetteer), _overlap_test(taken)

    def places_of(start: int, run: str) -> list[Place]:
        run = POSSESSIVE.sub("", run)  # "Gainesville’s" names Gainesville
        span = (start, start + len(run))
        if not run or overlaps_taken(span) or not _plausible(text, span, run):
            return []
        if _is_surname(text, span, run, surnames):
            return []
        if gazetteer.demonym(run) is not None:
            return [Place(text=run, span=span, role="demonym")]
        if _qualifies(text, span, run, gazetteer):
            return [Place(text=run, span=span)]
        return _institution_place(text, span, run, gazetteer) or _opening_name(text, span, run, gazetteer)

    for match in CAPITALISED_RUN.finditer(text):
        start, run = _drop_leading(match.start(), match.group())
        found.extend(places_of(start, run) or [place for part in _parts(start, run) for place in places_of(*part)])
    return found


def _parts(start: int, run: str) -> list[tuple[int, str]]:
    """The shorter names inside a run that names nothing as a whole: those a hyphen joins
    ("Amsterdam-London", "the DPRK-South Korea summit": NER often tags only one of them), a
    heading's capitals before the words after it ("OKLAHOMA CITY The Latest"), else the words
    before a joining word ("Tamil Nadu on Saturday")."""
    pieces = PART_BREAK.split(run)
    if len(pieces) == 1:
        joined = JOINER.search(run)
        return [(start, run[:joined.start()])] if joined else []
    offsets = accumulate((len(piece) + 1 for piece in pieces[:-1]), initial=start)
    return list(zip(offsets, pieces))


def _institution_place(text: str, span: Span, run: str, gazetteer: Gazetteer) -> list[Place]:
    """The place an institution is named after: the longest start of the words before its last
    head word ("Kansas City Police Department" -> Kansas City, "the Georgia State Ethics
    Commission" -> Georgia State), else the name after its last 'of' ("Central Bank of Malta")."""
    words = run.split(" ")
    head = max((i for i, word in enumerate(words) if i and word in toponym_rules().institution_heads), default=0)
    starts = [(0, " ".join(words[:size])) for size in range(head, 0, -1)]
    if " of " in run:
        tail = run.rsplit(" of ", 1)[1]
        starts.append((len(run) - len(tail), tail))
    for offset, name in starts:
        place = (span[0] + offset, span[0] + offset + len(name))
        before, _ = _words_around(text, place)
        if name in toponym_rules().not_places or before in toponym_rules().titles or gazetteer.demonym(name):
            continue
        if _qualifies(text, place, name, gazetteer):
            return [Place(text=name, span=place)]
    return []


def _opening_name(text: str, span: Span, run: str, gazetteer: Gazetteer) -> list[Place]:
    """The place or demonym opening the name of an outlet, an organisation or a street ("the
    Washington Post", "Oman Film Society", "the Russian Ministry of Defence"): the longest start
    of its words before its first head word.  It is a toponym (GeoWebNews marks it) but the
    thing named is not there, so the place is marked `in_name`, which never locates a claim
    or an event."""
    words = run.split(" ")
    listed = toponym_rules()
    heads = listed.org_heads | listed.name_heads | listed.institution_heads
    head = next((i for i, word in enumerate(words) if i and POSSESSIVE.sub("", word) in heads), 0)
    for size in range(head, 0, -1):
        name = " ".join(words[:size])
        place = (span[0], span[0] + len(name))
        if name in listed.not_places:
            continue
        if gazetteer.demonym(name) is not None:
            return [Place(text=name, span=place, role="demonym")]
        if _qualifies(text, place, name, gazetteer):
            return [Place(text=name, span=place, in_name=True)]
    return []


def _surnames(text: str, gazetteer: Gazetteer) -> set[str]:
    """Last words of the document's two-word names that are no place ("Bill Moore", "Marsha J.
    Moore" make a later bare "Moore" a person, not Moore, Oklahoma)."""
    pairs = re.findall(rf"(?<![\w.])({WORD})(?: [A-Z]\.)? ({WORD})(?! [A-Z])", text)
    return {last for first, last in pairs
            if first not in toponym_rules().skip_leading and not gazetteer.candidates(f"{first} {last}")}


def without_surnames(text: str, places: list[Place], gazetteer: Gazetteer) -> list[Place]:
    """NER places minus the document's surnames that no gazetteer knows ("Mikheil Saakashvili"
    ... "Saakashvili said", tagged as a place)."""
    surnames = _surnames(text, gazetteer)
    return [p for p in places if not p.locates or not _is_surname(text, p.span, p.text, surnames)
            or gazetteer.candidates(p.text)]


def _is_surname(text: str, span: Span, run: str, surnames: set[str]) -> bool:
    """A surname of the document, not after a locative ("in Moore" is still the town)."""
    return run in surnames and _words_around(text, span)[0].lower() not in toponym_rules().locative


def _drop_leading(start: int, run: str) -> tuple[int, str]:
    words = run.split(" ")
    while words and words[0] in toponym_rules().skip_leading:
        start += len(words[0]) + 1
        words = words[1:]
    return start, " ".join(words)


def _overlap_test(spans: Iterable[Span]) -> Callable[[Span], bool]:
    """Whether a span overlaps one of ``spans``: by bisection over their starts and the
    furthest end reached so far (a scan of all of them per run made a long text quadratic)."""
    ordered = sorted(spans)
    starts = [start for start, _ in ordered]
    reach = list(accumulate((end for _, end in ordered), max))

    def overlaps(span: Span) -> bool:
        before_end = bisect_left(starts, span[1])  # the spans starting before `span` ends
        return before_end > 0 and reach[before_end - 1] > span[0]

    return overlaps


def _words_around(text: str, span: Span) -> tuple[str, str]:
    """The words right before and after a span; no word before across punctuation
    ("Orchard St., Alexandria": "St" is no title of Alexandria)."""
    before = re.search(r"([\w.]+)\s+$", text[max(0, span[0] - 30): span[0]])
    after = re.findall(r"\w+", text[span[1]: span[1] + 30])
    return (before.group(1).rstrip(".") if before else ""), (after[0] if after else "")


def never_a_place(name: str) -> bool:
    """A medium, an organisation, a weapon, a unit or a model name (data/toponyms.yaml):
    never a place, whoever tagged it ("Deep State", "PA", "Black Sea Fleet", "Mi-28")."""
    bare = LEADING_THE.sub("", POSSESSIVE.sub("", name.strip()))
    listed = toponym_rules()
    return (bare in listed.never_places or listed.designator.match(bare) is not None
            or any(bare == ending or bare.endswith(f" {ending}") for ending in listed.never_place_endings))


def names_a_unit(text: str, span: Span) -> bool:
    """A name right before a unit word ("the Azov battalion", "Azov fighters"): the unit."""
    after = re.match(r"\s+(\w+)", text[span[1]: span[1] + 30])
    return after is not None and after.group(1).lower() in toponym_rules().unit_words


def not_a_place(text: str, place: Place) -> bool:
    """A mention that names something else however it was tagged: a medium, an organisation,
    a weapon, a unit (``never_a_place``, ``names_a_unit``)."""
    return never_a_place(place.text) or names_a_unit(text, place.span)


def _plausible(text: str, span: Span, run: str) -> bool:
    before, after = _words_around(text, span)
    listed = toponym_rules()
    if run in listed.not_places or run.lower() in STOP_WORDS or never_a_place(run) or names_a_unit(text, span):
        return False
    if before in listed.titles or after in listed.org_heads:
        return False
    # a capitalised word after a run means the run is part of a longer name ("Jackson Smith"),
    # but not a word in lower case after a run in capitals ("OKLAHOMA CITY The Latest": a heading)
    following = re.match(r"\s([A-Z])(\S?)", text[span[1]:span[1] + 3])
    return following is None or (run.isupper() and following.group(2).islower())


def _qualifies(text: str, span: Span, run: str, gazetteer: Gazetteer) -> bool:
    """A country or region, a county marked as one ("Henry County"), or a town large enough;
    a county's name alone is a common word or surname more often than a place, unless a town
    shares it ("Toronto", "Liverpool": the town is tried)."""
    candidates = gazetteer.candidates(run)
    if any(c.feature == "ADM2" for c in candidates) and is_district(run):
        return True
    best = next((c for c in candidates if c.feature != "ADM2"), None)
    if best is None:
        return False
    if best.precision in ("country", "region"):
        return True
    before, _ = _words_around(text, span)
    listed = toponym_rules()
    threshold = listed.min_population_after_locative if before.lower() in listed.locative else listed.min_population
    return best.population >= threshold
