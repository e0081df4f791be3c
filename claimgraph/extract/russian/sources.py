"""Who a Russian sentence says says it: its source chain, origin first.

Shapes read (word lists in lexicons/ru.yaml, ``attribution``):
- a speech verb and its subject ("Гладков заявил, что ...", "как сообщает ТАСС"); a speech
  verb without one names the body in its "в" phrase ("сообщили в пресс-службе МЧС");
- a frame and the name after it ("по словам губернатора", "по данным Минобороны");
- a name and a colon opening the sentence ("Гладков: ...");
- a relay: "X со ссылкой на Y" puts Y first, X after it.
Names are given in the nominative ("по словам Вячеслава Гладкова" -> "Вячеслав Гладков"), so
one source is one name across a document's sentences.  An outlet that relays another source
is put after it: an agency passes on what an official said.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from claimgraph.model import SourceRef

from .nlp import RuText, nominative
from .rules import RussianRules

Range = tuple[int, int]  # [start, end) token indices
NAME_POS = {"NOUN", "PROPN"}
AGREEING = {"amod", "det", "appos", "flat:name", "flat", "flat:foreign"}
MAX_NAME_TOKENS = 12
SPEAKER_ENTITIES = {"PER", "ORG"}
QUOTES = re.compile("[«»\"„“”]")  # a quoted name ("Госкомпания «Энергоатом»") is named without them


@dataclass(frozen=True)
class Attribution:
    source: list[int]  # the name's token indices
    cue: Range
    deny: bool = False

    @property
    def tokens(self) -> set[int]:
        """Every token that only attributes (the name and the cue): no part of the claim."""
        return set(self.source) | set(range(*self.cue))


def words(parsed: RuText, index: int) -> tuple[str, str]:
    token = parsed.tokens[index]
    return token.lemma, token.text.lower()


def sequence_at(parsed: RuText, start: int, end: int, sequence: tuple[str, ...]) -> bool:
    """The tokens from ``start`` are ``sequence``, by lemma or by written form."""
    return start + len(sequence) <= end and all(
        word in words(parsed, start + n) for n, word in enumerate(sequence))


def name_tokens(parsed: RuText, head: int, sentence: Range, rules: RussianRules) -> list[int]:
    """The name a head noun stands for: its dependants up to the first stop word, a verb or a
    clause (a comma; "который"), contiguous from the head's left edge."""
    covered = {i for i in parsed.subtree(head, sentence) if parsed.tokens[i].rel != "case" or i > head}
    start = min(covered)
    taken = []
    for index in range(start, max(covered) + 1):
        token = parsed.tokens[index]
        if index > head and (index not in covered or token.text.lower() in rules.name_stops
                             or token.lemma in rules.name_stops or token.pos in ("VERB", "AUX")):
            break
        if index in covered and token.text.lower() not in rules.name_stops:
            taken.append(index)
    return taken[:MAX_NAME_TOKENS]


def name_after(parsed: RuText, index: int, sentence: Range, rules: RussianRules) -> Optional[list[int]]:
    """The name starting at ``index``: the first noun from there and its dependants, or a
    pronoun (claims.py gives it the source named before)."""
    for position in range(index, min(sentence[1], index + 4)):
        if parsed.tokens[position].lemma in rules.pronouns:
            return [position]
        if parsed.tokens[position].pos in NAME_POS:
            return [i for i in name_tokens(parsed, position, sentence, rules) if i >= index] or None
    return None


def agreeing(parsed: RuText, indices: list[int], sentence: Range) -> set[int]:
    """The name's head and the words that agree with it (adjectives, appositions, the parts of a
    person's name), so only they are put in the nominative."""
    inside = set(indices)
    head = next(i for i in indices if parsed.tokens[i].head not in inside)
    found, todo = {head}, [head]
    while todo:
        for child in parsed.children(todo.pop(), sentence):
            if child in inside and parsed.tokens[child].rel in AGREEING and child not in found:
                found.add(child)
                todo.append(child)
    return found


def speech_attributions(parsed: RuText, sentence: Range, rules: RussianRules) -> list[Attribution]:
    found = []
    for index in range(*sentence):
        token = parsed.tokens[index]
        if token.pos != "VERB" or token.lemma not in rules.speech_verbs:
            continue
        source = _subject(parsed, index, sentence, rules)
        if source:
            found.append(Attribution(source, (index, index + 1), token.lemma in rules.deny_verbs))
            found += _told(parsed, index, sentence, rules)
    return found


def _told(parsed: RuText, verb: int, sentence: Range, rules: RussianRules) -> list[Attribution]:
    """The outlet a speaker speaks to ("сообщил РИА Новости", "рассказал ТАСС"): a relay."""
    for child in parsed.children(verb, sentence):
        token = parsed.tokens[child]
        if token.feats.get("Case") == "Dat" and token.rel in ("iobj", "obl", "obj") and token.pos in NAME_POS:
            name = name_tokens(parsed, child, sentence, rules)
            if source_kind(parsed, name, rules) == "media":
                return [Attribution(name, (verb, verb + 1))]
    return []


def _subject(parsed: RuText, verb: int, sentence: Range, rules: RussianRules) -> Optional[list[int]]:
    """The verb's subject; without one, the body named in its "в" phrase ("сообщили в МЧС",
    "в Киеве опровергли"): a proper name or a word of a source kind, so "в четверг" is none."""
    children = parsed.children(verb, sentence)
    for child in children:
        if parsed.tokens[child].rel.startswith("nsubj") and parsed.tokens[child].pos in NAME_POS:
            return name_tokens(parsed, child, sentence, rules)
    for child in children:
        token = parsed.tokens[child]
        if token.rel == "obl" and (token.pos == "PROPN" or source_kind(parsed, [child], rules)) and any(
                parsed.tokens[c].lemma == "в" for c in parsed.children(child, sentence)):
            return name_tokens(parsed, child, sentence, rules)
    return None


def frame_attributions(parsed: RuText, sentence: Range, rules: RussianRules) -> list[Attribution]:
    """"по словам X", and "по его словам": a pronoun inside the frame is its source."""
    found = []
    for index in range(*sentence):
        for frame in rules.frames:
            if sequence_at(parsed, index, sentence[1], frame):
                source = name_after(parsed, index + len(frame), sentence, rules)
                if source:
                    found.append(Attribution(source, (index, index + len(frame))))
            elif _pronoun_inside(parsed, index, sentence, frame, rules):
                found.append(Attribution([index + 1], (index, index + len(frame) + 1)))
    return found


def _pronoun_inside(parsed: RuText, index: int, sentence: Range, frame: tuple[str, ...], rules: RussianRules) -> bool:
    return (index + 1 < sentence[1] and parsed.tokens[index + 1].lemma in rules.pronouns
            and sequence_at(parsed, index, index + 1, frame[:1])
            and sequence_at(parsed, index + 2, sentence[1], frame[1:]))


def colon_attribution(parsed: RuText, sentence: Range, rules: RussianRules) -> list[Attribution]:
    """"Гладков: ..." -- a person or an organisation (an entity or proper names only, so "Обстрел
    Шебекино: ..." is no source) and a colon opening the sentence."""
    if not rules.headline_colon:
        return []
    for index in range(sentence[0], min(sentence[1], sentence[0] + 6)):
        if parsed.tokens[index].text == ":":
            name = list(range(sentence[0], index))
            if name and (_is_speaker(parsed, parsed.tokens[name[0]].start, parsed.tokens[name[-1]].end)
                         or all(parsed.tokens[i].pos == "PROPN" for i in name)):
                return [Attribution(name, (index, index + 1))]
            return []
    return []


def _is_speaker(parsed: RuText, start: int, end: int) -> bool:
    return any(kind in SPEAKER_ENTITIES and start <= s and e <= end for kind, s, e in parsed.entities)


def relay_origin(parsed: RuText, sentence: Range, rules: RussianRules) -> Optional[Attribution]:
    for index in range(*sentence):
        if sequence_at(parsed, index, sentence[1], rules.relay):
            source = name_after(parsed, index + len(rules.relay), sentence, rules)
            if source:
                return Attribution(source, (index, index + len(rules.relay)))
    return None


def source_kind(parsed: RuText, source: list[int], rules: RussianRules) -> Optional[str]:
    """The kind its first word of a kind names ("директор агентства": the director, an
    official); an adjective only when no noun names one ("местные власти" are authorities,
    officials, though "местный" alone is a local witness)."""
    kinds = [(parsed.tokens[index].pos == "ADJ", word_kind(parsed, index, rules)) for index in source]
    named = [(adjective, kind) for adjective, kind in kinds if kind]
    return min(named, key=lambda found: found[0])[1] if named else None


def word_kind(parsed: RuText, index: int, rules: RussianRules) -> Optional[str]:
    words = {parsed.tokens[index].lemma, parsed.tokens[index].text.lower()}
    return next((kind for kind, listed in rules.source_kinds if words & listed), None)


def attributions(parsed: RuText, sentence: Range, rules: RussianRules) -> list[Attribution]:
    """The sentence's attributions, origin first: a relay's origin, then who else is named,
    an outlet that passes it on last."""
    found = speech_attributions(parsed, sentence, rules) + frame_attributions(parsed, sentence, rules) \
        + colon_attribution(parsed, sentence, rules)
    origin = relay_origin(parsed, sentence, rules)
    found = [a for a in found if origin is None or not set(a.source) & set(origin.source)]
    found.sort(key=lambda a: (source_kind(parsed, a.source, rules) == "media", a.cue[0]))
    return ([origin] if origin else []) + found


def source_ref(parsed: RuText, attribution: Attribution, sentence: Range, rules: RussianRules) -> SourceRef:
    tokens, cue = parsed.tokens, parsed.tokens[attribution.cue[0]: attribution.cue[1]]
    source = attribution.source
    name = QUOTES.sub("", nominative(parsed, source, agreeing(parsed, source, sentence)))
    return SourceRef(name=" ".join(name.split()),
                     kind=source_kind(parsed, source, rules),
                     cue=" ".join(t.text for t in cue),
                     span=(tokens[source[0]].start, tokens[source[-1]].end),
                     cue_span=(cue[0].start, cue[-1].end))


def source_chain(parsed: RuText, found: list[Attribution], sentence: Range, rules: RussianRules) -> list[SourceRef]:
    """One link per name, in the order of ``found``."""
    chain: list[SourceRef] = []
    for attribution in found:
        ref = source_ref(parsed, attribution, sentence, rules)
        if all(ref.name != other.name for other in chain):
            chain.append(ref)
    return chain


def points_back(parsed: RuText, sentence: Range, rules: RussianRules) -> bool:
    """"Об этом сообщил X": the sentence attributes the one before it."""
    return any(sequence_at(parsed, i, sentence[1], rules.points_back) for i in range(*sentence))
