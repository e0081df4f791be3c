"""Stories: the topic threads that hold events.

A story is what one-topic coverage shares (the Kakhovka dam, the Olenivka prison, control of
Sudzha): reports of it name the same places and things over days or months, while its events
are the separate happenings inside it (the breach, the flooding, each evacuation, the toll).
Articles join stories first, by the words they share (IDF-weighted, the title counting more,
places as words of their own); a claim's event is then chosen among its story's events only,
so two strikes on one day in two stories never meet.

An article joins the story whose articles' summed vectors it is most alike (cosine) when that
reaches `stories.threshold` and the story's latest article is at most `stories.window_days`
older; a short article that misses it joins the best-fitting story naming one of its towns
within `stories.town_days` (from `stories.town_threshold` up); a report in a language none of a
story's articles is in, sharing no words with it, joins the story whose places fit its own
(from `stories.place_threshold` up); otherwise it opens a story.
Candidates come from an inverted index over each story's words, so an article is compared with
a few stories only.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Optional

from claimgraph.link.features import is_specific, parse_day, place_key, tokens, without_dateline
from claimgraph.link.rules import LinkRules
from claimgraph.link.similarity import Idf, TokenProfile
from claimgraph.model import Document

PLACE_WORD = "@"  # places count as words of their own: "@538555"


def story_id(first_document: str) -> str:
    return "s" + hashlib.sha1(first_document.encode("utf-8")).hexdigest()[:10]


def towns_of(vector: dict[str, float]) -> list[str]:
    return [word for word in vector if word.startswith(PLACE_WORD)]


def places_of(vector: dict[str, float]) -> dict[str, float]:
    """The place words of a vector, scaled to unit length (empty when it names none)."""
    places = {town: vector[town] for town in towns_of(vector)}
    norm = sum(weight * weight for weight in places.values()) ** 0.5
    return {town: weight / norm for town, weight in places.items()} if norm else {}


def article_words(document: Document, rules: LinkRules) -> list[str]:
    """What an article is about: its words (the title's count `title_weight` times) and places."""
    title = tokens(document.title or "", rules.stopwords) * rules.stories.title_weight
    text = tokens(without_dateline(document.text, 0, document), rules.stopwords)
    places = [PLACE_WORD + place_key(p) for p in document.places if is_specific(p)]
    return title + text + places


@dataclass
class Story:
    id: str
    words: TokenProfile = field(default_factory=TokenProfile)  # sum of its articles' unit vectors
    places: TokenProfile = field(default_factory=TokenProfile)  # sum of their place words' unit vectors
    last_day: Optional[int] = None
    towns: dict[str, int] = field(default_factory=dict)  # place word -> the latest day an article named it
    languages: set[Optional[str]] = field(default_factory=set)  # of its articles

    def add(self, vector: dict[str, float], day: Optional[int], language: Optional[str] = None) -> None:
        self.languages.add(language)
        self.words.add(vector)
        self.places.add(places_of(vector))
        if day is not None:
            self.last_day = day if self.last_day is None else max(self.last_day, day)
            for town in towns_of(vector):
                self.towns[town] = max(self.towns.get(town, day), day)

    def names_town_near(self, towns: list[str], day: Optional[int], days: int) -> bool:
        """Did an article of the story name one of `towns` at most `days` from `day`?"""
        return day is not None and any(abs(self.towns[t] - day) <= days for t in towns if t in self.towns)

    def cosine(self, vector: dict[str, float]) -> float:
        return self.words.cosine(vector)

    def place_cosine(self, places: dict[str, float]) -> float:
        """How alike an article's places (`places_of`) and the story's are, other words left out."""
        return self.places.cosine(places)


class Stories:
    """The stories of one linking run: stored ones in play, then new articles as they come."""

    def __init__(self, idf: Idf, rules: LinkRules):
        self.idf, self.rules = idf, rules
        self.stories: dict[str, Story] = {}
        self.of_article: dict[str, str] = {}
        self.index: dict[str, list[str]] = defaultdict(list)  # word -> stories holding it among their heaviest

    def vector(self, document: Document) -> dict[str, float]:
        """The article's unit tf-idf vector, cut to its heaviest words (bounds the cost)."""
        words = article_words(document, self.rules)
        kept = set(self.idf.heaviest(words, self.rules.stories.words_per_article))
        return self.idf.vector([w for w in words if w in kept])

    def restore(self, story: str, document: Document) -> None:
        """An article of a stored story (an event in play names the story)."""
        if document.id not in self.of_article:
            self._add(story, document)

    def assign(self, document: Document) -> str:
        """The story the article belongs to: one it was given, the best-fitting one, or a new one."""
        if document.id in self.of_article:
            return self.of_article[document.id]
        vector, day = self.vector(document), parse_day(document.published)
        candidates = self._candidates(vector, day)
        scored = [(self.stories[s].cosine(vector), s) for s in candidates]
        chosen = (self._fitting(scored, vector, day) or self._by_places(candidates, vector, day, document.language)
                  or story_id(document.id))
        self._add(chosen, document, vector)
        return chosen

    def _fitting(self, scored: list[tuple[float, str]], vector: dict[str, float],
                 day: Optional[int]) -> Optional[str]:
        """The best-fitting story from `threshold` up, else the best-fitting one whose articles
        named a town the article names within `town_days` of it, from `town_threshold` up."""
        rules = self.rules.stories
        score, best = max(scored, default=(0.0, None))
        if best is not None and score >= rules.threshold:
            return best
        towns = towns_of(vector)
        near = [(score, story) for score, story in scored if score >= rules.town_threshold
                and self.stories[story].names_town_near(towns, day, rules.town_days)]
        return max(near, default=(0.0, None))[1]

    def _by_places(self, candidates: list[str], vector: dict[str, float], day: Optional[int],
                   language: Optional[str]) -> Optional[str]:
        """A report in a language none of a story's articles is in shares no words with it, only
        places: it joins the story whose places fit its own best, from `place_threshold` up,
        when the story named one of its towns within `town_days`."""
        rules = self.rules.stories
        if language is None:
            return None
        towns, places = towns_of(vector), places_of(vector)
        scored = [(self.stories[s].place_cosine(places), s) for s in candidates
                  if language not in self.stories[s].languages
                  and self.stories[s].names_town_near(towns, day, rules.town_days)]
        score, best = max(scored, default=(0.0, None))
        return best if score >= rules.place_threshold else None

    def _add(self, story: str, document: Document, vector: Optional[dict[str, float]] = None) -> None:
        vector = self.vector(document) if vector is None else vector
        held = self.stories.setdefault(story, Story(story))
        fresh = [w for w in vector if w not in held.words.weights]
        held.add(vector, parse_day(document.published), document.language)
        for word in fresh:
            self.index[word].append(story)
        self.of_article[document.id] = story

    def _candidates(self, vector: dict[str, float], day: Optional[int]) -> list[str]:
        """Stories sharing the most words with the article, still open on its day."""
        recent = self.rules.stories.recent_per_word
        shared: Counter[str] = Counter(s for word in vector for s in self.index.get(word, ())[-recent:])
        window = self.rules.stories.window_days
        return [s for s, _ in shared.most_common(self.rules.stories.candidates)
                if day is None or self.stories[s].last_day is None or self.stories[s].last_day >= day - window]

