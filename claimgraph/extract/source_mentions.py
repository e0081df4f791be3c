"""Who a source mention names, read against the document's earlier mentions.

A mention may be the full name ("Mayor Ana Okafor"), a shorter reference to an earlier one
("Okafor", "the mayor", "she"), a relative pronoun ("a senator who said"), or a more precise
name than the one before ("the Russian Defense Ministry" after "The Ministry of Defense").
`SourceNameResolver.resolve` gives each the name of the source it stands for; `SourceNames`
files the mentions met so far by referent key, so a mention finds the latest one it may refer
to without reading them all.  Used by the attribution finder when it writes its records.
"""

from __future__ import annotations

from typing import Mapping, Optional

from spacy.tokens import Span, Token

from .attribution_model import RELATIVE_TAGS
from .lexicon import AttributionRules

DEFINITE = ("the", "this", "that", "these", "those")


class SourceNames:
    """The document's source mentions so far, filed by referent key, so that a mention finds
    the latest earlier one it may refer to without reading them all."""

    def __init__(self) -> None:
        self.last = ""
        self.last_end = 0  # the token after the last mention
        self.count = 0
        self.by_key: dict[tuple[str, str], list[tuple[int, str, str]]] = {}

    def add(self, text: str, keys: list[tuple[str, str]], name: str, end: int = 0) -> None:
        for key in keys:
            self.by_key.setdefault(key, []).append((self.count, text, name))
        self.count += 1
        self.last = name
        self.last_end = end

    def latest(self, keys: list[tuple[str, str]], text: str) -> Optional[str]:
        """The name of the latest mention filed under one of ``keys`` and worded otherwise
        than ``text`` (the same words are the same mention style, not a shorter reference)."""
        found = [next((entry for entry in reversed(self.by_key.get(key, [])) if entry[1] != text), None)
                 for key in keys]
        return max((entry for entry in found if entry), default=(0, "", None))[2]


SUBJECTS = ("nsubj", "nsubjpass")


def subject_since(pronoun: Token, since: int, person_pronouns: frozenset[str]) -> Optional[str]:
    """"Dr. Ana Ruiz was operating at the time. “The ceiling fell,” she said.": a person named as
    a subject after the last source and before a personal pronoun is who it stands for, and so
    is one named beside a subject ("One resident, Ana Ruiz, 64, had walked ...": "One resident,
    Ana Ruiz")."""
    if pronoun.lower_ not in person_pronouns:
        return None
    people = [e for e in pronoun.doc.ents if e.label_ == "PERSON" and since <= e.start and e.end <= pronoun.i
              and subject_of(e.root) is not None]
    if not people:
        return None
    subject = subject_of(people[-1].root)
    return pronoun.doc[subject.left_edge.i: people[-1].end].text  # with a title, or the noun it stands beside


def subject_of(name: Token) -> Optional[Token]:
    """The subject a name is, or stands in apposition to."""
    if name.dep_ in SUBJECTS:
        return name
    return name.head if name.dep_ == "appos" and name.head.dep_ in SUBJECTS else None


class SourceNameResolver:
    """The name each source mention stands for (pronoun and spelling lists from attribution.yaml)."""

    def __init__(self, rules: AttributionRules) -> None:
        self.pronouns: frozenset[str] = rules.pronouns
        self.person_pronouns: frozenset[str] = rules.person_pronouns
        self.spelling_variants: Mapping[str, str] = rules.spelling_variants

    def resolve(self, span: Span, names: SourceNames) -> str:
        """The name ``span`` gives its source: itself, or the earlier mention it refers to."""
        text = span.text.strip()
        if len(span) == 1 and span[0].tag_ in RELATIVE_TAGS and span[0].head.dep_ == "relcl":
            return antecedent(span[0]).text
        if not names.count:
            return text
        if len(span) == 1 and span[0].lower_ in self.pronouns:
            return subject_since(span[0], names.last_end, self.person_pronouns) or names.last
        earlier = names.latest(self.referent_keys(span), span.text)
        return earlier if earlier and not adds_a_name(span, earlier) else text

    def referent_keys(self, span: Span, every: bool = False) -> list[tuple[str, str]]:
        """What an earlier mention must share to name the same source: a name's last word
        ("Okafor" for "Mayor Okafor"), or a definite phrase's head noun ("the adviser");
        ``every`` gives both, as an earlier mention is filed under each (under the names it
        gives its source, see ``own_names``)."""
        keys = []
        if every:
            keys += [("last", name) for name in own_names(span)]
        elif all(t.pos_ == "PROPN" for t in span):
            keys.append(("last", span[-1].text))
        if every or any(t.lower_ in DEFINITE or t.dep_ == "poss" for t in span.root.children):
            keys.append(("head", self.head(span)))
        return keys

    def head(self, span: Span) -> str:
        lemma = span.root.lemma_.lower()
        return self.spelling_variants.get(lemma, lemma)


def antecedent(relative: Token) -> Span:
    """The noun phrase a relative pronoun stands for ("a senator who praised ..." -> "a senator")."""
    noun = relative.head.head
    return relative.doc[noun.left_edge.i: noun.i + 1]


def adds_a_name(span: Span, earlier: str) -> bool:
    """The mention names more than the earlier one with its head: "the Russian Defense
    Ministry" after "The Ministry of Defense" is the more precise name, not a short one."""
    known = earlier.lower()
    return any(t.pos_ in ("PROPN", "ADJ") and t.text[:1].isupper() and t.lower_ not in known for t in span)


def own_names(span: Span) -> list[str]:
    """The last words of the names a mention gives its own source: "Okafor" for "Mayor
    Okafor", "Syrskyi" for "Ukraine's top commander, General Oleksandr Syrskyi", and none for
    "an adviser to President Zelensky", whose name is someone else's."""
    root = span.root
    # the parser hangs an appositive name on the nearest noun as often as on the root
    # ("the mayor of Nova Kakhovka, Vladimir Leontyev")
    names = [root] if root.pos_ == "PROPN" else [t for t in span if t.dep_ == "appos" and t.pos_ == "PROPN"]
    return [name.text for name in names]
