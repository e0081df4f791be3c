"""Who a source or actor name stands for: canonical name, kind and side.

The catalogue is ``data/actors.yaml`` merged with the user's ``actors_file`` setting, so
users add outlets, officials and spellings without touching code.  See the YAML header for
the matching rules (word map, then bag-of-words patterns; most words wins).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable

import yaml

from claimgraph.resolve.names import ascii_fold
from claimgraph.rules import packaged_yaml
from claimgraph.settings import Settings

POSSESSIVE = re.compile(r"['’]s\b")
NON_WORD = re.compile(r"[^\w@]+")
FILLER = {"the", "a", "an", "of", "to", "for", "and", "s"}
CYRILLIC = re.compile("[а-яёіїєґ]")
ARTICLES = {"the", "a", "an"}
CONJUNCTION = re.compile(r"\s+(?:and|&)\s+", re.IGNORECASE)


@lru_cache(maxsize=65536)  # linking asks for the key of each origin many times
def source_name_key(name: str) -> str:
    """The grouping key for a name the catalogue does not know: 'A local resident,' and
    'local resident' group together, and so do "Ukraine's air force" and "Ukraine air force"."""
    words = NON_WORD.sub(" ", POSSESSIVE.sub("", name.lower())).split()
    while words and words[0] in ARTICLES:
        words = words[1:]
    return " ".join(words)


@dataclass(frozen=True)
class Seat:
    """Where a body speaks from: a town's name and its ISO country code."""
    place: str
    country: str


@dataclass(frozen=True)
class Entity:
    canonical: str
    kind: str | None = None
    side: str | None = None
    seat: Seat | None = None


@dataclass(frozen=True)
class Pattern:
    words: frozenset[str]
    entity: Entity
    order: int
    roles: frozenset[str] = frozenset()  # person roles that still name the entity ("the channel Rybar")
    exact: bool = False  # the name must hold these words and no others ("Kyiv", not "Kyiv residents")

    def matches(self, words: set[str], roles: set[str]) -> bool:
        if self.exact:
            return words == self.words
        return self.words <= words and roles <= self.words | self.roles


class ActorCatalogue:
    """Look up names against the alias file(s)."""

    def __init__(self, data: dict[str, Any]):
        self.words: dict[str, str] = {str(k).lower(): str(v) for k, v in (data.get("words") or {}).items()}
        self.abbreviations = abbreviation_pattern(data.get("abbreviations") or {})
        self.person_roles = frozenset(str(w).lower() for w in data.get("person_roles") or [])
        self.side_words: dict[str, str] = {str(k).lower(): str(v) for k, v in (data.get("side_words") or {}).items()}
        self.side_kinds = frozenset(data.get("side_kinds") or [])
        self.pronouns = frozenset(str(w).lower() for w in data.get("pronouns") or [])
        self.generic_bodies = frozenset(str(w).lower() for w in data.get("generic_bodies") or [])
        self.messages = frozenset(str(w).lower() for w in data.get("messages") or [])
        self.local_bodies = frozenset(str(w).lower() for w in data.get("local_bodies") or [])
        self.joint_names = frozenset(source_name_key(str(w)) for w in data.get("joint_names") or [])
        self._words_of: dict[str, tuple[str, ...]] = {}
        self.patterns = self._patterns(data.get("entities") or [])
        self._found: dict[str, Entity | None] = {}

    @classmethod
    def load(cls, settings: Settings | None = None) -> "ActorCatalogue":
        data = packaged_yaml("claimgraph.resolve", "data/actors.yaml")
        if settings is not None and settings.actors_file:
            data = merge(data, yaml.safe_load(Path(settings.actors_file).read_text("utf-8")) or {})
        return cls(data)

    def _patterns(self, entries: list[dict[str, Any]]) -> list[Pattern]:
        patterns = []
        for order, entry in enumerate(entries):
            seat = entry.get("seat")
            entity = Entity(entry["canonical"], entry.get("kind"), entry.get("side"),
                            Seat(str(seat["place"]), str(seat["country"])) if seat else None)
            roles = frozenset(str(w).lower() for w in entry.get("roles") or [])
            for text in [entry["canonical"], *(entry.get("patterns") or [])]:
                words = frozenset(self.tokens(str(text)))
                if words:
                    patterns.append(Pattern(words, entity, order, roles))
            patterns += [Pattern(frozenset(self.tokens(str(text))), entity, order, exact=True)
                         for text in entry.get("names") or []]
        # most specific first; among equals the entity listed first
        return sorted(patterns, key=lambda p: (-len(p.words), p.order))

    def tokens(self, name: str) -> list[str]:
        """Lower-cased words with possessives, filler and the word map applied; a Cyrillic word
        the map does not hold is romanised ("Гладков" -> gladkov), as the gazetteer's keys are.
        Worked out once for each name, as `lookup` is: linking compares each source's name with
        the others of its event many times."""
        if name not in self._words_of:
            words = NON_WORD.sub(" ", POSSESSIVE.sub("", self.abbreviations(name.lower()))).split()
            mapped = " ".join(self.words[w] if w in self.words else romanised(w) for w in words).split()
            self._words_of[name] = tuple(w for w in mapped if w not in FILLER)
        return list(self._words_of[name])

    def lookup(self, name: str) -> Entity | None:
        """The catalogue's entity for a name (each name is looked up once: a document, and a
        ledger, name few sources many times, and the patterns are many)."""
        if name not in self._found:
            words = set(self.tokens(name))
            roles = words & self.person_roles  # "a Russian military blogger" is a person, not the army
            self._found[name] = next((p.entity for p in self.patterns if p.matches(words, roles)), None)
        return self._found[name]

    def lookup_joint(self, name: str) -> Entity | None:
        """The first party the catalogue knows of a joint name ("Ukrainian and Russian
        authorities", "separatist authorities and Russian officials"): the chain holds one
        origin, and a joint attribution is matched by any of its parties."""
        return next((entity for part in conjuncts(name) if (entity := self.lookup(part))), None)

    def side_of_entity(self, name: str) -> str | None:
        """The side of the catalogue's entity for ``name`` (None when it knows none)."""
        entity = self.lookup(name)
        return entity.side if entity else None

    def side_of(self, name: str, kind: str | None) -> str | None:
        """The side the words of an unknown name give it ("Ukrainian officials"), if its kind
        takes a side and the words name only one."""
        if kind not in self.side_kinds:
            return None
        sides = {self.side_words[w] for w in self.tokens(name) if w in self.side_words}
        return sides.pop() if len(sides) == 1 else None

    def canonical(self, name: str) -> Entity:
        """The known entity, or one named by the normalised form of ``name``."""
        return self.lookup(name) or Entity(source_name_key(name))


def romanised(word: str) -> str:
    """A Cyrillic word in Latin letters (the gazetteer's romanisation); any other as it is."""
    return ascii_fold(word) if CYRILLIC.search(word) else word


def conjuncts(name: str) -> list[str]:
    """The parties of a joint name; a lone first adjective shares the last one's noun
    ("Ukrainian and Russian authorities" -> "Ukrainian authorities", "Russian authorities")."""
    parts = [part.strip() for part in CONJUNCTION.split(name) if part.strip()]
    if len(parts) < 2:
        return []
    noun = parts[-1].split()[-1] if len(parts[-1].split()) > 1 else ""
    return [f"{part} {noun}" if noun and len(part.split()) == 1 else part for part in parts]


def abbreviation_pattern(abbreviations: dict[str, str]) -> Callable[[str], str]:
    """A function writing each dotted abbreviation ("u.s.") of a lower-cased name as its word."""
    if not abbreviations:
        return lambda text: text
    forms = sorted(abbreviations, key=len, reverse=True)  # "u.s." before "u.s"
    pattern = re.compile(r"(?<![\w.])(" + "|".join(map(re.escape, forms)) + r")(?![\w])")
    return lambda text: pattern.sub(lambda m: f" {abbreviations[m.group(1)]} ", text)


def merge(packaged: dict[str, Any], user: dict[str, Any]) -> dict[str, Any]:
    """User entries replace packaged ones with the same canonical name and come first."""
    user_entities = user.get("entities") or []
    replaced = {entry["canonical"] for entry in user_entities}
    kept = [e for e in packaged.get("entities") or [] if e["canonical"] not in replaced]
    return {
        "words": {**(packaged.get("words") or {}), **(user.get("words") or {})},
        "person_roles": [*(packaged.get("person_roles") or []), *(user.get("person_roles") or [])],
        "side_words": {**(packaged.get("side_words") or {}), **(user.get("side_words") or {})},
        "abbreviations": {**(packaged.get("abbreviations") or {}), **(user.get("abbreviations") or {})},
        "side_kinds": user.get("side_kinds") or packaged.get("side_kinds") or [],
        "pronouns": user.get("pronouns") or packaged.get("pronouns") or [],
        "generic_bodies": user.get("generic_bodies") or packaged.get("generic_bodies") or [],
        "messages": user.get("messages") or packaged.get("messages") or [],
        "local_bodies": user.get("local_bodies") or packaged.get("local_bodies") or [],
        "joint_names": user.get("joint_names") or packaged.get("joint_names") or [],
        "entities": [*user_entities, *kept],
    }
