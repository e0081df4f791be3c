"""Resolving toponyms: every place mention to a gazetteer entry, in the document's context.

Resolution scores each candidate first by its prior alone (population, feature, whether
the mention names a region or a county, whether it matched the entry's own name), then,
over a few passes, one name after another, adds the document's context: the countries and
first-level regions the other names' choices lie in (a local paper's home state), the
first-level regions it names, "Town, Region" pairs, regions named as such earlier
("the Kursk region" ... "Kursk"), other names with a candidate nearby (Paris + Henry County
-> Paris, Tennessee) and distance to the other places chosen.  A name is one decision: its
repeated mentions neither vote for themselves nor outvote the rest of the document.  The
passes run from several starts (each name's likeliest place alone, its place other names lie
near, and its place in a first-level region where most names have one: a local paper's
small towns), and the reading whose choices agree better with each other wins.  A settlement
with a namesake in the document's focus region (where most of its confident places lie) is
then that namesake.  A name no
gazetteer knows ("Riverbanks"), or one read through a part that lands far from the local
place the document is about ("Shawnee Park" -> a distant Shawnee), is placed at that place,
with no GeoNames id and region precision, when most of the document's places lie in its area.
Finding the mentions is ``toponyms``' work.  Rules and word lists: ``data/toponyms.yaml``,
``data/place_names.yaml``.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field

from spacy.lang.en.stop_words import STOP_WORDS

from claimgraph.model import Place, Span
from claimgraph.resolve.gazetteer import REGION_FEATURES, Candidate, Gazetteer
from claimgraph.resolve.names import is_district, name_key, name_rules
from claimgraph.resolve.toponyms import POSSESSIVE, toponym_rules

MAX_CANDIDATES = 40


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


def is_toponym(place: Place) -> bool:
    """Places always count (a village may be missing from the gazetteer), and so do places named
    inside a longer name (`in_name`); a group word that is no demonym of a country
    ("Republicans", "Catholics") does not."""
    return place.role != "demonym" or place.geonameid is not None


@dataclass
class Mention:
    place: Place
    candidates: list[Candidate]
    region: bool = False  # names a first-level region ("the Kursk region")
    district: bool = False  # names a county/district
    within: Candidate | None = None  # "Alexandria, Louisiana": the region after the comma
    partial: bool = False  # the candidates are those of a part of the name ("Shawnee Park" -> Shawnee)
    support: dict[int, int] = field(default_factory=dict)  # candidate id -> other places with a candidate nearby
    best: Candidate | None = None
    namesake_regions: set[int] = field(default_factory=set)
    priors: dict[int, float] = field(default_factory=dict)  # candidate id -> prior(), computed once

    @property
    def name(self) -> str:
        return self.place.text.lower()

    @property
    def reading(self) -> tuple:
        """Mentions that read alike are one decision."""
        return self.name, self.region, self.district, self.within


CONTEXT_PASSES = 3  # each pass re-reads the document's context from the choices made so far


def resolve_places(text: str, places: list[Place], gazetteer: Gazetteer) -> list[Place]:
    """``places`` with their gazetteer fields filled (unknown names are left as mentions)."""
    mentions = [_mention(text, p, gazetteer) for p in places]
    # a place inside a longer name ("the Washington Post") is resolved in the same context
    toponyms = [m for m in mentions if m.place.role != "demonym" and m.candidates]
    share_qualifiers(toponyms)
    add_support(toponyms)
    for m in toponyms:
        m.priors = {c.geonameid: prior(m, c) for c in m.candidates}
    # two readings of the document, each settled in context: from each name's likeliest place
    # alone, and from its place that other names lie near (a large town drags a county to its
    # own state, where a smaller town and that county lying together are both in another);
    # the reading that agrees better with itself wins
    readings: list[tuple[float, list[Candidate]]] = []
    for start in (prior, supported_prior, *home_region_starts(toponyms)):
        first = [max(m.candidates, key=lambda c: start(m, c)) for m in toponyms]
        if any(first == bests for _, bests in readings):
            continue  # a reading from here is already known
        readings.append(settle(toponyms, first))
    if readings:
        _, bests = max(readings, key=lambda reading: reading[0])
        for m, best in zip(toponyms, bests):
            m.best = best
    keep_in_focus_region(toponyms)
    vicinity = _vicinity([m for m in toponyms if not m.partial])
    return [_near_vicinity(m, vicinity) if _astray(m, vicinity) else _filled(m) for m in mentions]


FOCUS_REGION_NAMES = 2  # a document's focus region holds the places of at least this many confident names
SETTLEMENT_POPULATION = 100_000  # a place smaller than this is a settlement that may have namesakes


def keep_in_focus_region(mentions: list[Mention]) -> None:
    """A settlement resolves inside the document's focus region when it has a namesake there:
    Pokrovskoye in a report on the Kursk region is the Kursk Pokrovskoye, not Rostov's, however
    the passes scored them."""
    focus = focus_region(mentions)
    if focus is None:
        return
    for m in mentions:
        best = m.best
        if best is None or best.admin1_code == focus or not _settlement(best) or m.within is not None:
            continue
        # bearing the name itself: a place whose alternate name it is may be named otherwise
        inside = [c for c in m.candidates if c.admin1_code == focus and _settlement(c) and c.primary]
        if inside:
            m.best = max(inside, key=lambda c: m.priors[c.geonameid])


def focus_region(mentions: list[Mention]) -> str | None:
    """The first-level region most of the document's confident places fall in: regions named
    as such ("the Kursk region") and names with one candidate; None unless it holds at least
    FOCUS_REGION_NAMES of them and more than half."""
    confident = {m.name: m.best for m in mentions
                 if m.best is not None and not m.partial and (m.region or len(m.candidates) == 1)}
    regions = Counter(c.admin1_code for c in confident.values() if c.admin1_code)
    region, count = regions.most_common(1)[0] if regions else (None, 0)
    return region if count >= FOCUS_REGION_NAMES and count > len(confident) / 2 else None


def _settlement(candidate: Candidate) -> bool:
    return candidate.precision == "town" and candidate.feature != "PPLC" and candidate.population < SETTLEMENT_POPULATION


VICINITY_SHARE = 0.5  # more than this share of a document's places in one area makes it a local story
PART_REACH_KM = 161  # a name read through a part, chosen farther than this from the document's vicinity, is astray


def _astray(mention: Mention, vicinity: Candidate | None) -> bool:
    """A name no gazetteer knows ("Riverbanks"), or one read through a part whose choice lies
    far from the local place the document is about ("Shawnee Park" in a story about one town,
    read as a Shawnee across the country): it is better placed at the document's vicinity."""
    if not mention.place.locates or vicinity is None:
        return False
    if not mention.candidates:
        return True
    best = mention.best
    if not mention.partial or best is None or not _local(best):
        return False
    if _local(vicinity):
        return distance_km(best.lat, best.lon, vicinity.lat, vicinity.lon) > PART_REACH_KM
    return vicinity.feature == "ADM1" and best.admin1_code != vicinity.admin1_code


def supported_prior(mention: Mention, candidate: Candidate) -> float:
    """The prior, plus the support of the other names with a candidate nearby."""
    return mention.priors[candidate.geonameid] + _support_bonus(mention, candidate)


HOME_REGION_NAMES = 2  # a first-level region holding candidates of this many names may be the home
HOME_REGION_STARTS = 3  # of the regions holding the most names, this many (best first) are tried


def home_region_starts(mentions: list[Mention]) -> list:
    """More starts, for a local paper naming small namesakes ("Brandon", "Albany", "Douglas
    County", each likelier elsewhere alone): each name's likeliest place in a first-level
    region where the most names have a candidate of their own name (by their summed priors
    and support there, best first)."""
    names: dict[str, dict[str, float]] = {}  # name -> region code -> its best score there
    for m in mentions:
        regions = names.setdefault(m.name, {})
        for c in m.candidates:
            if c.admin1_code and c.precision != "country" and not _stray(m, c):
                regions[c.admin1_code] = max(regions.get(c.admin1_code, -math.inf), supported_prior(m, c))
    coverage: dict[str, tuple[int, float]] = {}
    for regions in names.values():
        for code, score in regions.items():
            count, total = coverage.get(code, (0, 0.0))
            coverage[code] = (count + 1, total + score)
    most = max((count for count, _ in coverage.values()), default=0)
    if most < HOME_REGION_NAMES:
        return []
    homes = sorted((code for code, (count, _) in coverage.items() if count == most),
                   key=lambda code: -coverage[code][1])
    return [_in_region(home) for home in homes[:HOME_REGION_STARTS]]


def _in_region(home: str):
    """A start choosing each name's best supported place in ``home`` when it has one there."""
    def start(mention: Mention, candidate: Candidate) -> tuple[bool, float]:
        return candidate.admin1_code == home, supported_prior(mention, candidate)
    return start


def settle(mentions: list[Mention], first: list[Candidate]) -> tuple[float, list[Candidate]]:
    """From the ``first`` choices, let each mention re-choose in the document's context over a
    few passes; returns the agreement of the result (see ``agreement``) and the choices."""
    for m, best in zip(mentions, first):
        m.best = best
    alike: dict[tuple, list[Mention]] = {}
    for m in mentions:
        alike.setdefault(m.reading, []).append(m)
    for _ in range(CONTEXT_PASSES):
        context = pass_start = Context.of(mentions)
        # one name after another: names reading each other's old choices could swap forever
        for group in alike.values():
            best = _best_candidate(group[0], context)
            if any(best != m.best for m in group):
                for m in group:
                    m.best = best
                context = Context.of(mentions)
        if context is pass_start:
            break  # a pass that changed nothing would be repeated exactly
    return agreement(mentions), [m.best for m in mentions]


def agreement(mentions: list[Mention]) -> float:
    """How well the mentions' choices fit together: the sum of their scores in context."""
    context = Context.of(mentions)
    names = {m.name: m for m in mentions}.values()  # a name is one decision, however often it is named
    return sum(m.priors[m.best.geonameid] + contextual(m, m.best, context, context.view(m)) for m in names)


def _best_candidate(mention: Mention, context: Context) -> Candidate:
    view = context.view(mention)
    taken = context.named_otherwise(mention)
    candidates = [c for c in mention.candidates if not (c.geonameid in taken and _stray(mention, c))]
    return max(candidates or mention.candidates,
               key=lambda c: mention.priors[c.geonameid] + contextual(mention, c, context, view))


DEMONYM_OVER_TOWN = 100_000  # "Canadian" is the demonym, not Canadian, Texas; a big city keeps its name


def _mention(text: str, place: Place, gazetteer: Gazetteer) -> Mention:
    if place.locates and gazetteer.demonym(place.text):
        towns = gazetteer.candidates(place.text)
        if not any(c.population >= DEMONYM_OVER_TOWN for c in towns):
            place = place.model_copy(update={"role": "demonym"})  # NER tags "Ukrainian" as GPE at times
    if place.role == "demonym":
        # a group word that is no demonym ("Democrat", "Christians") would only match namesake towns
        country = gazetteer.demonym(place.text)
        return Mention(place, [country] if country else [], best=country)
    name = POSSESSIVE.sub("", place.text)
    region_word = _named_as_region(text, place.span[1], name)
    key = name_key(name)
    candidates = gazetteer.candidates(name)
    partial = not candidates
    candidates = (candidates or _town_unit_candidates(name, gazetteer)
                  or _part_candidates(name, gazetteer))[:MAX_CANDIDATES]
    return Mention(place, candidates, region=key.region or region_word, district=is_district(name),
                   partial=partial,
                   within=_within(text, place.span, gazetteer),
                   namesake_regions=_namesake_regions(candidates))


def share_qualifiers(mentions: list[Mention]) -> None:
    """"New Haven, Conn." ... "New Haven": the region or country given after one mention of a
    name holds for its other mentions."""
    within: dict[str, Candidate] = {}
    for m in mentions:
        if m.within is not None:
            within.setdefault(m.name, m.within)
    for m in mentions:
        m.within = m.within or within.get(m.name)


KM_PER_DEGREE = 111.2  # of latitude
SUPPORT_KM = 60  # two differently named places this close are likely meant together
SUPPORT_CANDIDATES = 10  # of each other name, only the likeliest candidates lend support
SUPPORT_BONUS, SUPPORT_CAP = 2.0, 4.0


def add_support(mentions: list[Mention]) -> None:
    """Paris + Henry County -> Paris, Tennessee: count, for each candidate, the other places
    in the document that have a candidate nearby (whatever those are resolved to).  Names
    with the same candidates ("D.C.", "Washington D.C.") are one place."""
    by_name: dict[str, list[Candidate]] = {}
    for m in mentions:
        by_name.setdefault(m.name, m.candidates)
    group = {name: tuple(c.geonameid for c in cands) for name, cands in by_name.items()}
    points = {group[name]: [c for c in cands[:SUPPORT_CANDIDATES] if c.precision != "country"]
              for name, cands in by_name.items()}
    support: dict[tuple[str, int], int] = {}
    for name, candidates in by_name.items():
        for candidate in candidates:
            if candidate.precision == "country":
                continue
            support[(name, candidate.geonameid)] = sum(
                any(_near(candidate, other) or _contains(candidate, other) for other in others)
                for key, others in points.items() if key != group[name])
    for m in mentions:
        m.support = {c.geonameid: support.get((m.name, c.geonameid), 0) for c in m.candidates}


def _contains(region: Candidate, other: Candidate) -> bool:
    """Texas supports Paris, Texas: a first-level region holding another name's candidate."""
    return (region.feature == "ADM1" and other.admin1_code == region.admin1_code
            and other.geonameid != region.geonameid)


def _near(a: Candidate, b: Candidate) -> bool:
    """Within SUPPORT_KM, by a flat-earth approximation (fine at this scale)."""
    dlat = a.lat - b.lat
    if abs(dlat) > 1:
        return False
    dlon = (a.lon - b.lon) * math.cos(math.radians(a.lat))
    return a.geonameid != b.geonameid and KM_PER_DEGREE * math.hypot(dlat, dlon) < SUPPORT_KM


LIST_WORD = re.compile(r"[\w’'-]+|[^\w\s]")


def _named_as_region(text: str, end: int, name: str) -> bool:
    """A region word follows the name ("Kursk region"), or the name is one of a list that
    shares a plural one ("the Kherson and Zaporizhzhia regions"; names, commas and "and" up to
    it) or ends in one itself."""
    shared = toponym_rules().shared_region_words
    following = LIST_WORD.findall(text[end: end + 80])
    if name.lower().split()[-1:] and name.lower().split()[-1] in shared:
        return True
    if following and following[0].lower().strip("'’") in name_rules().region_words:
        return True
    for word in following:
        if word.lower() in shared:
            return True
        if not (word in (",", "and") or word[:1].isupper()):
            return False
    return False


def _namesake_regions(candidates: list[Candidate]) -> set[int]:
    """Regions sharing the name of a town inside them (Kursk Oblast / Kursk) or of their
    country's capital (Washington state / Washington, D.C.): the town is meant unless the
    mention names a region."""
    towns = [c for c in candidates if c.precision == "town" and (c.primary or c.population >= ALTERNATE_CITY)]
    town_regions = {c.admin1_code for c in towns}
    capital_countries = {c.country for c in towns if c.feature == "PPLC"}
    return {c.geonameid for c in candidates if c.feature == "ADM1"
            and (c.admin1_code in town_regions or c.country in capital_countries)}


def _town_unit_candidates(name: str, gazetteer: Gazetteer) -> list[Candidate]:
    """'Readington Township' -> the places named Readington (see town_unit_words)."""
    town, _, unit = name.rpartition(" ")
    return gazetteer.candidates(town) if town and unit in toponym_rules().town_unit_words else []


def _part_candidates(name: str, gazetteer: Gazetteer) -> list[Candidate]:
    """A name the gazetteer lacks, read through its longest known part: 'Dubai World Cup' ->
    Dubai, 'Colorado State University' -> Colorado (a mention is a toponym, so a place inside
    it is the best guess we have)."""
    every_word = re.split(r"[\s/]+", name)
    words = [w for w in every_word if w not in toponym_rules().generic_words]
    for size in range(min(len(words), len(every_word) - 1), 0, -1):
        for start in range(len(words) - size + 1):
            part = " ".join(words[start:start + size])
            if part.lower() in STOP_WORDS or part in toponym_rules().not_places or not part[:1].isupper():
                continue
            floor = toponym_rules().min_population_after_locative
            candidates = [c for c in gazetteer.candidates(part)
                          if c.precision in ("country", "region") or c.population >= floor]
            if candidates:
                return candidates
    return []


def _within(text: str, span: Span, gazetteer: Gazetteer) -> Candidate | None:
    """'Alexandria, Louisiana' / 'Sudzha, Russia': the region or country after the comma."""
    after = re.match(r",\s*([A-Z][\w.]+(?:\s[A-Z][\w.]+)?)", text[span[1]: span[1] + 40])
    if not after:
        return None
    for candidate in gazetteer.candidates(after.group(1))[:5]:
        if candidate.precision in ("country", "region"):
            return candidate
    return None


@dataclass
class Context:
    """What the previous pass says about the document as a whole.  Each name counts once, and
    never as context for itself: eight "Paris" mentions are one decision, not eight votes; and
    each place counts once ("U.S." and "United States" are one vote for the US)."""

    choices: dict[str, Candidate]  # name -> its current choice
    mentions: Counter  # name -> how often the document names it (a country named often is its focus)
    regions_named: set[int]  # regions named as such ("the Kursk region"): a bare "Kursk" later is the same
    users: Counter = field(init=False)  # place id -> how many names chose it
    countries: Counter = field(init=False)  # distinct places chosen, by country
    regions: Counter = field(init=False)  # distinct places chosen, by first-level region code
    named_regions: Counter = field(init=False)  # first-level regions chosen, by code
    towns: list[Candidate] = field(init=False)  # local places chosen (see _local)
    views: dict[str, View] = field(default_factory=dict)  # by name

    def __post_init__(self):
        places = _distinct(self.choices.values())
        self.users = Counter(c.geonameid for c in self.choices.values())
        self.countries = Counter(c.country for c in places if c.country)
        self.regions = Counter(c.admin1_code for c in places if c.admin1_code)
        self.named_regions = Counter(c.admin1_code for c in places if c.feature == "ADM1" and c.admin1_code)
        self.towns = [c for c in places if _local(c)]

    @classmethod
    def of(cls, mentions: list[Mention]) -> "Context":
        return cls(
            choices={m.name: m.best for m in mentions if m.best is not None},
            mentions=Counter(m.name for m in mentions),
            regions_named={m.best.geonameid for m in mentions if m.region and m.best and m.best.feature == "ADM1"},
        )

    def view(self, mention: Mention) -> View:
        if mention.name not in self.views:
            choice = self.choices.get(mention.name)
            own = choice if choice is not None and self.users[choice.geonameid] == 1 else None
            towns = [c for c in self.towns if c is not own]
            self.views[mention.name] = View(self, own, towns, self.focus(mention))
        return self.views[mention.name]

    def named_otherwise(self, mention: Mention) -> set[int]:
        """Places the document calls by another name, unless that name lengthens this one:
        with "Mount Gilead" named, "Youngstown" is not Mount Gilead's alternate name (but
        "Avondale" may still shorten "Avondale Estates")."""
        return {c.geonameid for name, c in self.choices.items()
                if name != mention.name and not name.startswith(mention.name)}

    def focus(self, mention: Mention) -> str | None:
        """The country at least FOCUS_SHARE of the other names' mentions are placed in."""
        counts = Counter()
        for name, choice in self.choices.items():
            if name != mention.name and choice.country:
                counts[choice.country] += self.mentions[name]
        country, count = counts.most_common(1)[0] if counts else (None, 0)
        return country if count >= FOCUS_SHARE * sum(counts.values()) else None


@dataclass
class View:
    """The document's context as one mention sees it: the places chosen for the OTHER names
    (its own choice is no context for itself, unless another name chose it too), their share
    in each country and in each first-level region (a local paper's home state), and the
    country the document is about."""

    context: Context
    own: Candidate | None  # the place only this name chose
    towns: list[Candidate]  # the local places chosen for the other names
    focus: str | None

    def country_share(self, code: str) -> float:
        return _share(self.context.countries, code, self.own and self.own.country)

    def region_share(self, code: str | None) -> float:
        return _share(self.context.regions, code, self.own and self.own.admin1_code)

    def region_named(self, code: str | None) -> bool:
        """Whether another name is that first-level region."""
        own = self.own is not None and self.own.feature == "ADM1" and self.own.admin1_code == code
        return self.context.named_regions[code] > own


def _share(counts: Counter, code: str | None, own_code: str | None) -> float:
    """Share of the other places under ``code``, shrunk towards 0 when they are few (one
    other place is weak evidence: n / (n + 1))."""
    if not code:
        return 0.0
    total = sum(counts.values()) - bool(own_code) + 1
    return (counts[code] - (own_code == code)) / total


def _distinct(candidates) -> list[Candidate]:
    return list({c.geonameid: c for c in candidates}.values())


def prior(mention: Mention, candidate: Candidate) -> float:
    """How likely a candidate is before looking at the rest of the document."""
    score = math.log10(candidate.population + 10) + _name_match(mention, candidate)
    feature = candidate.feature
    if feature.startswith("PCL") or feature in REGION_FEATURES:
        score += 3  # countries, seas, macro-regions (data/features.yaml) outrank namesake towns
    elif feature == "ADM1":
        # a region's summed population overstates how often its bare name means the region
        score += 2.5 if mention.region else -2 if candidate.geonameid in mention.namesake_regions else -1
    elif feature == "ADM2":
        score += 3 if mention.district else -2
    elif feature == "PPLC":
        score += 1.0  # national capitals are named far more often than their namesakes
    # a region word points away from towns, but "Czech Republic" still names a country
    if mention.region and feature != "ADM1" and not feature.startswith("PCL"):
        score -= 2
    return score


ALTERNATE_TOWN = -2.0  # a town matched on an alternate name when another place bears the name itself
ALTERNATE_CITY = 100_000  # from this size an alternate name is a real short form ("New York")


def _name_match(mention: Mention, candidate: Candidate) -> float:
    """+1 for the entry's own name; alternate names of small towns are often stray (Beeville
    lists "Maryville"), so they count against one when some candidate is named so outright."""
    if candidate.primary:
        return 1.0
    return ALTERNATE_TOWN if _stray(mention, candidate) else 0.0


def _stray(mention: Mention, candidate: Candidate) -> bool:
    """A town matched on an alternate name while some candidate bears the name itself: a small
    town, or any town when a country bears the name ("Mexico" is not Mexico City)."""
    if candidate.primary or candidate.precision != "town":
        return False
    bearers = [c for c in mention.candidates if c.primary]
    small = candidate.population < ALTERNATE_CITY
    return bool(bearers) and (small or any(c.precision == "country" for c in bearers))


FOCUS_SHARE = 0.5  # a document with at least this share of its place mentions in one country is about it
# a candidate in the country / first-level region holding all the other places gains up to this
COUNTRY_WEIGHT, REGION_WEIGHT = 3.0, 3.0


def contextual(mention: Mention, candidate: Candidate, context: Context, view: View) -> float:
    score = (COUNTRY_WEIGHT * view.country_share(candidate.country)
             + REGION_WEIGHT * view.region_share(candidate.admin1_code))
    if (_region_or_capital(candidate) and candidate.country == view.focus
            and candidate.geonameid not in mention.namesake_regions):
        score += 2  # a document about one country names its regions and its capital
    if candidate.feature != "ADM1" and view.region_named(candidate.admin1_code):
        score += 3
    if mention.within is not None and _inside(candidate, mention.within):
        score += 6
    if candidate.geonameid in context.regions_named:
        score += 4
    score += _support_bonus(mention, candidate)
    return score + _proximity(candidate, view.towns)


def _support_bonus(mention: Mention, candidate: Candidate) -> float:
    return min(SUPPORT_CAP, SUPPORT_BONUS * mention.support.get(candidate.geonameid, 0))


def _region_or_capital(candidate: Candidate) -> bool:
    """A first-level region, or the capital by its own name ("Mexico" is the country, not
    Mexico City)."""
    return candidate.feature == "ADM1" or (candidate.feature == "PPLC" and candidate.primary)


def _inside(candidate: Candidate, container: Candidate) -> bool:
    if container.precision == "country":
        return candidate.country == container.country
    return candidate.admin1_code == container.admin1_code and candidate.geonameid != container.geonameid


PROXIMITY = ((50, 3.0), (150, 2.0), (400, 1.0))  # (km, bonus): closer to another mentioned town scores more


def _local(candidate: Candidate) -> bool:
    """Small enough for distance to say something: towns, points and counties."""
    return candidate.precision in ("town", "point") or candidate.feature == "ADM2"


def _proximity(candidate: Candidate, towns: list[Candidate]) -> float:
    """The bonus for the nearest of ``towns`` (the local places chosen for the other names)."""
    if not _local(candidate):
        return 0.0
    reach = PROXIMITY[-1][0] * 1.1 / KM_PER_DEGREE  # a flat-earth bound with room to spare:
    shrink = math.cos(math.radians(candidate.lat))  # only towns within it are measured exactly
    nearest = min((distance_km(candidate.lat, candidate.lon, c.lat, c.lon) for c in towns
                   if c.geonameid != candidate.geonameid
                   and math.hypot(c.lat - candidate.lat, (c.lon - candidate.lon) * shrink) < reach),
                  default=math.inf)
    return next((bonus for km, bonus in PROXIMITY if nearest < km), 0.0)


def _vicinity(mentions: list[Mention]) -> Candidate | None:
    """Where a name no gazetteer knows most likely lies (a local paper's "Riverbanks", "Coffman
    Park", a village of the region a report is about): the local place (see _local) the
    document names most often, else its most named region, else its most named country;
    on a tie the first named.  None unless the document stays in one area: when at most half
    of its places lie in the vicinity's first-level region (its country, for a country), an
    unknown name may be anywhere (a report from Kyiv naming "Emirates" and "Gazprom")."""
    placed = [m.best for m in mentions if m.best is not None]
    counts = Counter(c.geonameid for c in placed)
    scale = {"town": 0, "point": 0, "region": 1, "country": 2}
    vicinity = min(_distinct(placed), key=lambda c: (0 if _local(c) else scale[c.precision], -counts[c.geonameid]),
                   default=None)
    if vicinity is None:
        return None
    def area(c: Candidate) -> tuple:
        return (c.country, c.admin1_code) if vicinity.admin1_code else (c.country,)
    in_area = sum(area(c) == area(vicinity) for c in placed)
    return vicinity if in_area > VICINITY_SHARE * len(placed) else None


def _near_vicinity(mention: Mention, vicinity: Candidate) -> Place:
    """An unknown name placed at the document's vicinity: no GeoNames entry, and at best region
    precision, as it is a guess of the area, not of the place (never more precise than the
    place the guess comes from)."""
    return mention.place.model_copy(update={
        "lat": vicinity.lat, "lon": vicinity.lon, "country": vicinity.country or None,
        "admin1": vicinity.admin1, "precision": "country" if vicinity.precision == "country" else "region",
    })


def _filled(mention: Mention) -> Place:
    best = mention.best
    if best is None:
        return mention.place
    return mention.place.model_copy(update={
        "name": best.name, "geonameid": best.geonameid if best.geonameid > 0 else None,
        "lat": best.lat, "lon": best.lon,
        "country": best.country or None, "admin1": best.admin1, "feature": best.feature,
        "precision": best.precision,
    })
