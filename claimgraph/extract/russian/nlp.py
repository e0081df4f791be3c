"""Russian text -> tokens with lemmas, parts of speech, a dependency parse and named entities.

natasha's models, shipped inside its wheel (nothing is downloaded): razdel cuts tokens and
sentences, slovnet tags morphology (UD parts of speech and features), parses (UD dependencies)
and finds PER/LOC/ORG, all over navec embeddings.  Lemmas come from pymorphy3: natasha's own
``MorphVocab`` subclasses pymorphy2, which fails on Python 3.11 (``inspect.getargspec``).
The result is plain data (``RuText``), not a spaCy Doc: the Russian path reads tokens and
sentences directly, and nothing downstream needs spaCy's objects.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any, Optional

# pymorphy3's part-of-speech tags -> UD's, to pick the analysis slovnet's tag agrees with
OPENCORPORA_UD = {"NOUN": "NOUN", "ADJF": "ADJ", "ADJS": "ADJ", "COMP": "ADJ", "VERB": "VERB",
                  "INFN": "VERB", "PRTF": "VERB", "PRTS": "VERB", "GRND": "VERB", "NUMR": "NUM",
                  "ADVB": "ADV", "NPRO": "PRON", "PREP": "ADP", "CONJ": "CCONJ", "PRCL": "PART"}
NOMINATIVE_POS = {"NOUN", "PROPN", "ADJ"}
# UD's case and number -> pymorphy3's grammemes
UD_GRAMMEMES = {"Nom": "nomn", "Gen": "gent", "Dat": "datv", "Acc": "accs", "Ins": "ablt", "Loc": "loct",
                "Sing": "sing", "Plur": "plur"}


@dataclass(frozen=True)
class RuToken:
    text: str
    start: int  # character offsets into the document
    end: int
    pos: str  # UD part of speech
    feats: dict[str, str]
    head: Optional[int]  # index of the head token in the document, None for a root
    rel: str  # UD dependency label
    lemma: str


@dataclass
class RuText:
    """A parsed document: its tokens, its sentences as token ranges, its entities."""
    text: str
    tokens: list[RuToken] = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)  # [start, end) token indices
    entities: list[tuple[str, int, int]] = field(default_factory=list)  # (type, start char, end char)
    _starts: list[int] = field(default_factory=list, repr=False)  # the tokens' starts, for bisection

    def entities_within(self, start: int, end: int) -> list[tuple[str, int, int]]:
        """The entities inside characters [start, end) (``entities`` is in text order)."""
        first = bisect_left(self.entities, start, key=lambda entity: entity[1])
        last = bisect_left(self.entities, end, key=lambda entity: entity[1])
        return [entity for entity in self.entities[first:last] if entity[2] <= end]

    def tokens_within(self, start: int, end: int) -> list[int]:
        """The indices of the tokens inside characters [start, end)."""
        first = bisect_left(self.starts, start)
        return [i for i in range(first, bisect_left(self.starts, end)) if self.tokens[i].end <= end]

    @property
    def starts(self) -> list[int]:
        if len(self._starts) != len(self.tokens):
            self._starts = [token.start for token in self.tokens]
        return self._starts

    def children(self, index: int, within: tuple[int, int]) -> list[int]:
        """The token's dependants inside the token range ``within`` (its sentence)."""
        return [i for i in range(*within) if self.tokens[i].head == index]

    def subtree(self, index: int, within: tuple[int, int]) -> set[int]:
        """The token and its dependants, inside ``within``."""
        covered, todo = {index}, [index]
        while todo:
            for child in self.children(todo.pop(), within):
                if child not in covered:
                    covered.add(child)
                    todo.append(child)
        return covered


@cache
def _models() -> dict[str, Any]:
    """natasha's models and a pymorphy3 analyser, loaded once per process (about 4 s)."""
    import pymorphy3
    from natasha import NewsEmbedding, NewsMorphTagger, NewsNERTagger, NewsSyntaxParser, Segmenter

    embedding = NewsEmbedding()
    return {"segmenter": Segmenter(), "morph": NewsMorphTagger(embedding),
            "syntax": NewsSyntaxParser(embedding), "ner": NewsNERTagger(embedding),
            "analyser": pymorphy3.MorphAnalyzer()}


def analysis(word: str, pos: str, feats: Optional[dict[str, str]] = None) -> Any:
    """pymorphy3's analysis of ``word`` that agrees best with slovnet's part of speech, then its
    case and number ("службы": plural, not genitive singular, when slovnet says so)."""
    grammemes = frozenset(UD_GRAMMEMES[value] for value in (feats or {}).values() if value in UD_GRAMMEMES)
    return _analysis(word, pos, grammemes)


@lru_cache(maxsize=65536)  # a text repeats its words
def _analysis(word: str, pos: str, grammemes: frozenset[str]) -> Any:
    parses = _models()["analyser"].parse(word)
    wanted = "NOUN" if pos == "PROPN" else pos

    def agreement(parse: Any) -> tuple[bool, int]:
        return OPENCORPORA_UD.get(str(parse.tag.POS)) == wanted, len(grammemes & set(parse.tag.grammemes))

    return max(parses, key=agreement)  # max keeps the first (most likely) of equals


def lemma_of(word: str, pos: str) -> str:
    if not any(ch.isalpha() for ch in word):
        return word
    return analysis(word, pos).normal_form.replace("ё", "е")


def parse(text: str) -> RuText:
    """``text`` tokenised, tagged, parsed and its entities found (paragraph by paragraph, so a
    line break always ends a sentence: headlines and captions carry no final stop)."""
    from natasha import Doc
    from threadpoolctl import threadpool_limits

    parsed, models, offset = RuText(text), _models(), 0
    # slovnet multiplies small matrices: with more than one BLAS thread a busy machine spends
    # most of its time waiting for the threads (15 times slower, measured on 2 loaded cores)
    with threadpool_limits(limits=1, user_api="blas"):
        for paragraph in text.split("\n"):
            if paragraph.strip():
                doc = Doc(paragraph)
                doc.segment(models["segmenter"])
                doc.tag_morph(models["morph"])
                doc.parse_syntax(models["syntax"])
                doc.tag_ner(models["ner"])
                _add_paragraph(parsed, doc, offset)
            offset += len(paragraph) + 1
    return parsed


def _add_paragraph(parsed: RuText, doc: Any, offset: int) -> None:
    for sent in doc.sents:
        first = len(parsed.tokens)
        ids = {token.id: first + n for n, token in enumerate(sent.tokens)}
        for token in sent.tokens:
            parsed.tokens.append(RuToken(
                text=token.text, start=offset + token.start, end=offset + token.stop, pos=token.pos,
                feats=dict(token.feats or {}), head=ids.get(token.head_id), rel=token.rel,
                lemma=lemma_of(token.text, token.pos)))
        parsed.sentences.append((first, len(parsed.tokens)))
    parsed.entities += [(span.type, offset + span.start, offset + span.stop) for span in doc.spans]


def nominative(parsed: RuText, indices: list[int], inflected: Optional[set[int]] = None) -> str:
    """The words at ``indices`` in the nominative, as a heading names them ("Белгородской
    области" -> "Белгородская область"; an adjective agrees with the noun after it), spaced as
    written.  ``inflected``: the only indices to inflect (a name's head and what agrees with it:
    "губернатора Белгородской области" keeps "области" as it is); all by default."""
    words, gender = [], None
    for index in reversed(indices):
        token = parsed.tokens[index]
        if inflected is None or index in inflected:
            word, gender = _nominative_word(token, gender)
        else:
            word = token.text
        words.append(word)
    words.reverse()
    tokens = [parsed.tokens[i] for i in indices]
    return "".join(w + " " * (nxt.start - tok.end) for w, tok, nxt in zip(words, tokens, tokens[1:])) + words[-1]


def _nominative_word(token: RuToken, gender: Optional[str]) -> tuple[str, Optional[str]]:
    """The word in the nominative and the gender an adjective before it agrees with."""
    if token.pos not in NOMINATIVE_POS or not token.text.replace("-", "").isalpha():
        return token.text, gender
    parsed = analysis(token.text, token.pos, token.feats)
    if token.pos != "ADJ":
        gender = parsed.tag.gender
    if token.feats.get("Case") == "Nom":
        return token.text, gender
    grammemes = {"nomn", parsed.tag.number or "sing"}
    if token.pos == "ADJ" and gender and parsed.tag.number != "plur":
        grammemes.add(gender)
    inflected = parsed.inflect(grammemes)
    return _cased_as(inflected.word if inflected else token.text, token.text), gender


def _cased_as(word: str, model: str) -> str:
    if model.isupper() and len(model) > 1:
        return word.upper()
    return word[:1].upper() + word[1:] if model[:1].isupper() else word
