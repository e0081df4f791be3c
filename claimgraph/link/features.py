"""What linking needs to know about one claim, computed once per claim.

Tokens are lower-cased words with stop words removed and a light suffix stemmer
(no spaCy here: linking must handle 100k claims in seconds).  Beside the words, a claim
carries what tells one happening from another in the same story (see `pairs.py`): its event
type, the kinds of happening its words name (`happening_words` in linking.yaml: a death toll,
an evacuation, a request ...), the kinds it gives a number for, when it says the happening
took place, where, which facility, and where it stands in its article.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from itertools import islice
from typing import Mapping, Optional

import numpy as np

from claimgraph.link.meaning import load_meaning
from claimgraph.link.quantities import unit_of
from claimgraph.link.rules import LinkRules
from claimgraph.model import Claim, Document, Place, TimeSpan
from claimgraph.rules import typed_rules

WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)
# Longest first; a suffix is removed only if a stem of at least four letters remains.
SUFFIXES = ("ements", "ement", "ings", "ing", "ies", "ied", "ed", "es", "s")
CYRILLIC = re.compile("[а-яё]")
SPECIFIC_PRECISIONS = {"point", "town", None}
DATED_PRECISIONS = {"day", "hour"}  # a claim's own time this precise dates the happening
UNDAYED_PRECISIONS = {"month", "year"}  # a time this coarse names no day (its first day would be made up)
DIGIT = re.compile(r"\d")
# a stop before a lower-case word or a number ends an abbreviation ("on Aug. 7", "U.S. officials"), not a sentence
SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+(?![a-zа-яё0-9])|\n+")


def russian_endings() -> tuple[str, ...]:
    """linking.yaml's `russian_endings`, longest first (read apart from LinkRules, whose word
    lists are built with this stemmer)."""
    return typed_rules("claimgraph.link", "data/linking.yaml", _russian_endings)


def _russian_endings(raw: dict) -> tuple[str, ...]:
    return tuple(sorted(raw["russian_endings"], key=len, reverse=True))


@lru_cache(maxsize=65536)  # a corpus repeats a small vocabulary
def stem(word: str) -> str:
    word = word.lower().replace("’", "'").removesuffix("'s")
    if CYRILLIC.match(word):
        return _stripped(word.replace("ё", "е"), russian_endings())
    return _stripped(word, SUFFIXES)


def _stripped(word: str, suffixes: tuple[str, ...]) -> str:
    for suffix in suffixes:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4 and not word.endswith("ss"):
            return word[: -len(suffix)]
    return word


@lru_cache(maxsize=65536)  # a corpus repeats a small vocabulary
def facility_kind(word: str, rules: LinkRules) -> Optional[str]:
    """The kind of facility a lower-case word names, if any (the first kind listing it)."""
    return next((kind for kind, listed in rules.facilities.items() if listed.holds(word)), None)


QUALIFIED_REACH = 2  # words from a qualifier ("hydroelectric") to the facility noun it qualifies


@lru_cache(maxsize=4096)  # a sentence is read again for each of its claims
def facilities_of(text: str, rules: LinkRules) -> frozenset[str]:
    """Kinds of facility a text names ("any" for a facility of unknown kind).  A qualifier
    (`facility_qualifiers`) names its kind, and a noun it qualifies names no other: "the
    hydroelectric power plant" is a dam."""
    words = WORD.findall(text.lower())
    kinds = set()
    qualified_until = -1  # the last word a qualifier reaches
    for index, word in enumerate(words):
        qualifier = rules.facility_qualifiers.get(word)
        if qualifier is not None:
            kinds.add(qualifier)
            qualified_until = index + QUALIFIED_REACH
            continue
        kind = facility_kind(word, rules)
        if kind is not None and index > qualified_until:
            kinds.add(kind)
    return frozenset(kinds)


def measures_extent(claim: Claim, rules: LinkRules) -> bool:
    """Does the claim measure how much ground a side holds ("1,000 km²", "12 kilometres deep")?"""
    extent = rules.extent
    return any(unit in extent.units or (unit == extent.depth_unit and bool(extent.depth_cues.search(claim.text)))
               for unit in (unit_of(q) for q in claim.quantities))


@lru_cache(maxsize=4096)  # a sentence is read again for each of its claims
def kinds_of(text: str, rules: LinkRules) -> frozenset[str]:
    """The kinds of happening a text's words name (`happening_words`), by word stems.  A word
    naming a facility with the noun after it ("power plant", "detention centre", "water intake
    station") names a thing, not a happening."""
    words = WORD.findall(text.lower())
    found: frozenset[str] = frozenset()
    for word, after in zip(words, words[1:] + [""]):
        if facility_kind(after, rules) is None:
            found |= kinds_of_word(word, rules)
    return found


@lru_cache(maxsize=65536)  # a corpus repeats a small vocabulary
def kinds_of_word(word: str, rules: LinkRules) -> frozenset[str]:
    stemmed = stem(word)
    return frozenset(kind for kind, listed in rules.happening_words.items() if listed.holds(stemmed))


def tells_of_pattern(text: str, dated: Optional[int], towns: set[str], rules: LinkRules) -> bool:
    """Does a word of repetition stand shortly before a word naming an attack ("kept launching
    attacks", "frequent shelling"), in a claim giving no day and naming no town of its own?
    Such a claim tells of a run of attacks, not of one.  A run told of one day or night
    ("repeated shelling overnight") is that day's happening, and a run on a named town ("the
    town is still being shelled") is that town's shelling, as an event-coding project codes it."""
    if dated is not None or towns:
        return False
    return any(any("attack" in kinds_of_word(after.group().lower(), rules)
                   for after in islice(WORD.finditer(text, cue.end()), rules.pattern.reach))
               for cue in rules.pattern.words.finditer(text))


def tokens(text: str, stopwords: frozenset[str]) -> list[str]:
    return list(stemmed_words(text, stopwords))


@lru_cache(maxsize=4096)  # a claim's sentence, paragraph and speakers are read again for its neighbours
def stemmed_words(text: str, stopwords: frozenset[str]) -> tuple[str, ...]:
    return tuple(stem(w) for w in WORD.findall(text) if w.lower() not in stopwords and len(w) > 1)


def parse_day(value: Optional[str]) -> Optional[int]:
    """ISO date (or datetime) -> proleptic ordinal day; None when absent or unreadable."""
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10]).toordinal()
    except ValueError:
        return None


def claim_day(claim: Claim, document: Optional[Document]) -> Optional[int]:
    """When the claimed happening took place: the resolved time, else the publication date."""
    resolved = claim.time.start if claim.time else None
    return parse_day(resolved) or parse_day(document.published if document else None)


def dated_day(claim: Claim) -> Optional[int]:
    """The day the claim itself gives for the happening ("on August 5", "on Friday"), if it
    gives one that precise: one day (or a night across two), not a span of days ("the past 40
    years" names no day)."""
    time = claim.time
    if not (time and time.resolved and time.precision in DATED_PRECISIONS):
        return None
    start, end = parse_day(time.start), parse_day(time.end or time.start)
    return start if start is not None and (end is None or end - start <= 1) else None


def names_a_night(time: Optional[TimeSpan], rules: LinkRules) -> bool:
    """Does the claim's time name a night ("overnight", "last night": `night_words`)?"""
    return time is not None and bool(rules.night_words.search(time.text or ""))


def evening_of(day: Optional[int], night: bool, published: Optional[int]) -> Optional[int]:
    """A claim's own day, a night's dated by the evening it begins: a night an article dates on
    its own day ("Tonight, the army struck ..." in a morning report) is the one that began the
    evening before, as "last night" is."""
    return day - 1 if night and day is not None and day == published else day


def retrospective_day(claims: list["ClaimFeatures"], window: int) -> Optional[int]:
    """The day an article looking back tells of: the day most of its dated sentences give (of a
    tie, the one it gives first), when that day is well before its date (more than `window`
    days) and fewer of its sentences give recent days than give that one ("an explosion at a
    hospital on Oct. 17", in a report of six weeks later that also says what was asked two
    weeks ago).  Its other claims then tell of that day too ("the findings of its investigation")."""
    published = claims[0].published if claims else None
    # one vote a sentence: a sentence cut into three claims gives its day once
    by_sentence = {(c.claim.sentence_span, c.dated): c.dated for c in sorted(claims, key=lambda c: c.claim.span)
                   if c.dated is not None}
    days = list(by_sentence.values())
    if published is None:
        return None
    recent = sum(1 for day in days if day >= published - window)
    earlier = Counter(day for day in days if day < published - window)  # in the order first given
    if not earlier:
        return None
    day = max(earlier, key=earlier.__getitem__)  # max keeps the first of a tie
    return day if recent < earlier[day] else None


def date_articles(claims: list["ClaimFeatures"], window: int) -> None:
    """Claims without their own day take the day their paragraph gave before them; then, in an
    article looking back, the day it tells of."""
    by_article: dict[str, list[ClaimFeatures]] = {}
    for claim in claims:
        by_article.setdefault(claim.document_id, []).append(claim)
    for members in by_article.values():
        date_from_paragraph(members)
        day = retrospective_day(members, window)
        for claim in members if day is not None else ():
            if claim.dated is None and not claim.background:
                claim.day = day


def date_from_paragraph(members: list["ClaimFeatures"]) -> None:
    """An article's claims without a day of their own take the day of the dated claim before
    them in their paragraph: "On August 5 the army fired twice at the plant. The first attack
    came at noon" tells of August 5 twice.  Only the day the pair features compare
    (`dated`) is set: the time window keeps reading the claim's own time or its article's date
    (moving that too cost origins and statuses left out).  Background claims neither give nor
    take a day, nor do claims whose sentence is not in their article's text."""
    last_paragraph, last_day, last_night = None, None, False
    for claim in sorted(members, key=lambda c: c.claim.span):
        if claim.background or claim.paragraph is None:
            continue
        if claim.dated is not None:
            last_paragraph, last_day, last_night = claim.paragraph, claim.dated, claim.night
        elif claim.paragraph == last_paragraph:
            claim.dated, claim.night = last_day, last_night


def is_background(claim: Claim, document: Optional[Document], rules: LinkRules) -> bool:
    """Does the claim tell of something that ended well before the article ("the plant was
    seized in March", "last week's attack")?"""
    time, published = claim.time, parse_day(document.published if document else None)
    ended = parse_day(time.end or time.start) if time and time.resolved else None
    return ended is not None and published is not None and ended < published - rules.background_days


def is_specific(place: Place) -> bool:
    """A town- or point-level place with coordinates: the only kind that can block or conflict."""
    return place.locates and place.lat is not None and place.precision in SPECIFIC_PRECISIONS


def place_key(place: Place) -> str:
    return str(place.geonameid) if place.geonameid else (place.name or place.text).lower()


@dataclass
class ClaimFeatures:
    claim: Claim
    document: Optional[Document]
    day: Optional[int]  # when it happened: the claim's own time, else the publication date
    groups: tuple[str, ...]
    tokens: list[str]  # what the claim says: its words, its sentence's and paragraph's (word_weights)
    own_tokens: list[str] = field(default_factory=list)  # the claim's own words only
    sentence_tokens: list[str] = field(default_factory=list)  # its sentence's words
    points: list[tuple[float, float]] = field(default_factory=list)
    place_keys: frozenset[str] = frozenset()
    speakers: frozenset[str] = frozenset()  # who speaks, when the happening is the speaking
    outcomes: set[str] = field(default_factory=set)
    facilities: frozenset[str] = frozenset()
    place_names: set[str] = field(default_factory=set)  # towns named, located or not
    kinds: frozenset[str] = frozenset()  # kinds of happening its words name
    sentence_kinds: frozenset[str] = frozenset()  # kinds its whole sentence names
    counted: frozenset[str] = frozenset()  # kinds it gives a number for ("40 people were killed")
    dated: Optional[int] = None  # the day its own words give, if that precise
    night: bool = False  # that day is a night's, so it may be the day before or after
    background: bool = False
    pattern: bool = False  # it tells of a run of attacks, not of one (tells_of_pattern)
    sentence: int = 0  # its sentence's number in the article
    paragraph: Optional[int] = None  # where its paragraph starts in the article; None: its sentence is not in the text
    published: Optional[int] = None  # its article's date
    meaning: Optional[np.ndarray] = None  # what the claim itself says (meaning.py); None if no word is known
    # set when linked (pairs.py): unit tf-idf vectors of `own_tokens`, `sentence_tokens` and `tokens`
    vector: dict[str, float] = field(default_factory=dict)
    sentence_vector: dict[str, float] = field(default_factory=dict)
    context_vector: dict[str, float] = field(default_factory=dict)
    happening: Optional[np.ndarray] = None  # square roots of its probabilities over event types (happening.py)

    @property
    def document_id(self) -> str:
        return self.claim.document_id or self.claim.id.rsplit(":", 1)[0]

    def happening_words(self) -> list[str]:
        from claimgraph.link.happening import happening_words

        return happening_words(self.claim.event_type, self.kinds, self.sentence_kinds, self.counted, self.background)


def outcomes_of(text: str, rules: LinkRules) -> set[str]:
    """Outcome classes named in a text ("retook" -> retaken, "holding back" -> repelled)."""
    return {outcome for outcome, pattern in rules.outcomes.items() if pattern.search(text)}


def text_around(claim: Claim, document: Optional[Document]) -> str:
    """The document's text, or "" when there is none or the claim's sentence is not in it."""
    text = document.text if document is not None else ""
    start, end = claim.sentence_span
    return text if 0 <= start < end <= len(text) else ""


def sentence_of(claim: Claim, document: Optional[Document]) -> str:
    """The claim's whole sentence: extracted claims are often clauses ("had collapsed")."""
    return text_around(claim, document)[slice(*claim.sentence_span)]


def paragraph_of(claim: Claim, document: Optional[Document]) -> tuple[int, str]:
    """Where the paragraph holding the claim's sentence starts, and its text: what "the
    structure" or "the town" is.  A line break ends a paragraph, as it ends a sentence in
    extraction (extract/paragraphs.py): news text holds a paragraph on one line, with or
    without a blank line after it."""
    text, (start, end) = text_around(claim, document), claim.sentence_span
    first, last = text.rfind("\n", 0, start), text.find("\n", end)
    begin = first + 1
    return begin, text[begin:last if last >= 0 else len(text)] if text else ""


def without_dateline(text: str, start: int, document: Optional[Document]) -> str:
    """``text``, found at ``start`` in the document, less what of it is the document's wire
    dateline ("LONDON (Wire) —" says where the writer was, not what happened)."""
    cut = document.dateline[1] - start if document is not None and document.dateline else 0
    return text[cut:] if cut > 0 else text


def sentence_past_dateline(claim: Claim, document: Optional[Document]) -> str:
    sentence = sentence_of(claim, document)
    return without_dateline(sentence, claim.sentence_span[0], document) if sentence else claim.text


def sentence_number(claim: Claim, document: Optional[Document]) -> int:
    """How many sentence ends come before the claim's sentence in its article."""
    text = text_around(claim, document)
    return len(SENTENCE_END.findall(text, 0, claim.sentence_span[0])) if text else 0


def without_speakers(found: list[str], claim: Claim, rules: LinkRules) -> list[str]:
    """What is said, not who says it: the names of a claim's sources tell outlets apart, not
    happenings."""
    speakers = set(tokens(" ".join(ref.name for ref in claim.source_chain), rules.stopwords))
    return [t for t in found if t not in speakers]


def claim_tokens(claim: Claim, document: Optional[Document], paragraph_at: tuple[int, str],
                 rules: LinkRules) -> list[str]:
    """The claim's words, its sentence's and its paragraph's (`paragraph_of`), each counted as
    often as `word_weights` says, less the dateline and the names of its sources."""
    start, paragraph = paragraph_at
    parts = {"claim": claim.text, "sentence": sentence_past_dateline(claim, document),
             "paragraph": without_dateline(paragraph, start, document)}
    found = [t for part, text in parts.items() for t in tokens(text, rules.stopwords) * rules.word_weights[part]]
    return without_speakers(found, claim, rules)


def inside(span: tuple[int, int], outer: tuple[int, int]) -> bool:
    return outer[0] <= span[0] and span[1] <= outer[1]


def stands_for_government(place: Place, text: str, rules: LinkRules) -> bool:
    """A capital named without a locative word before it ("Moscow said", "for Moscow to")."""
    start, end = place.span
    if (place.name or place.text).lower() not in rules.government_seats or text[start:end] != place.text:
        return False
    before = WORD.findall(text[max(0, start - 20):start])
    return not (before and before[-1].lower() in rules.locative_words)


def named_again(document: Document, sentence: str, rules: LinkRules) -> list[Place]:
    """The document's towns whose names recur in the sentence where the toponym tagger missed
    them ("Sudzha had been retaken"); capitals are left out (they may stand for governments)."""
    words = set(WORD.findall(sentence))
    return [p for p in document.places if is_specific(p) and p.text in words
            and (p.name or p.text).lower() not in rules.government_seats]


def located_places(claim: Claim, document: Optional[Document], rules: LinkRules) -> list[Place]:
    """Towns the claim is about: its own places and the document's toponyms in its sentence,
    less a dateline's ("LONDON (Wire) —" says where the writer was, not where it happened)
    and capitals that stand for their governments."""
    if document is None:
        return [p for p in claim.places if is_specific(p)]
    dateline_span = document.dateline or (0, 0)
    in_sentence = [p for p in document.places if inside(p.span, claim.sentence_span)]
    tagged = [p for p in claim.places + in_sentence if is_specific(p) and not inside(p.span, dateline_span)
              and not stands_for_government(p, document.text, rules)]
    found = tagged + named_again(document, sentence_past_dateline(claim, document), rules)
    return list({place_key(p): p for p in found}.values())


def place_names(places: list[Place], sentence: str, rules: LinkRules) -> set[str]:
    """Names of the claim's towns, and of settlements its sentence names after a cue."""
    cued = {match.lower() for match in rules.settlement_cue.findall(sentence)}
    return {name.lower() for p in places for name in (p.name, p.text) if name} | cued


def speakers_of(claim: Claim, rules: LinkRules) -> frozenset[str]:
    """Whose statement, request or diplomatic act a claim tells of: its origin, when it has one
    (a claim without a source says nothing of the speaker)."""
    if claim.event_type not in rules.speech_types or not claim.source_chain:
        return frozenset()
    origin = claim.source_chain[0]
    return frozenset({(origin.canonical or origin.name).lower()})


def counted_kinds(claim: Claim, kinds: frozenset[str], extent: bool, rules: LinkRules) -> frozenset[str]:
    """The kinds a claim gives a number for: a number beside casualty words is a toll."""
    if not (claim.quantities or DIGIT.search(claim.text) or rules.number_words.search(claim.text)):
        return frozenset()
    by_type = rules.counted_types.get(claim.event_type)
    return (kinds & rules.counted_kinds) | ({"extent"} if extent else frozenset()) | ({by_type} if by_type else frozenset())


def features(claim: Claim, documents: Mapping[str, Document], rules: LinkRules) -> ClaimFeatures:
    document = documents.get(claim.document_id or claim.id.rsplit(":", 1)[0])
    specific = located_places(claim, document, rules)
    sentence = sentence_of(claim, document) or claim.text
    kinds = kinds_of(claim.text, rules)
    extent = measures_extent(claim, rules)
    paragraph = paragraph_of(claim, document)
    published = parse_day(document.published if document else None)
    night = names_a_night(claim.time, rules)
    dated = evening_of(dated_day(claim), night, published)
    towns = place_names(specific, sentence, rules)
    return ClaimFeatures(
        claim=claim,
        document=document,
        day=claim_day(claim, document),
        groups=rules.groups_of(claim.event_type),
        tokens=claim_tokens(claim, document, paragraph, rules),
        own_tokens=without_speakers(tokens(claim.text, rules.stopwords), claim, rules),
        sentence_tokens=without_speakers(tokens(sentence_past_dateline(claim, document), rules.stopwords), claim, rules),
        points=[(p.lat, p.lon) for p in specific],
        place_keys=frozenset(place_key(p) for p in specific),
        speakers=speakers_of(claim, rules),
        outcomes=outcomes_of(claim.text, rules) if claim.event_type in rules.outcome_types else set(),
        facilities=facilities_of(sentence, rules),
        place_names=towns,
        kinds=kinds | ({"extent"} if extent else frozenset()),
        sentence_kinds=kinds_of(sentence, rules),
        counted=counted_kinds(claim, kinds, extent, rules),
        dated=dated,
        night=dated is not None and night,
        background=is_background(claim, document, rules),
        pattern=tells_of_pattern(claim.text, dated, towns, rules),
        sentence=sentence_number(claim, document),
        paragraph=paragraph[0] if paragraph[1] else None,
        published=published,
        meaning=load_meaning(rules.meaning_file).vector(claim.text),
    )
