"""CueModel: a logistic regression deciding whether a word and its subject form an attribution.

PolNeAR marks far more cues than any word list holds ("vetoed", "relishes", "is hoping"), and
whether a verb attributes depends on its context ("asked whether ..." vs "asked X to leave").
So the AttributionFinder proposes every (cue word, subject) pair and keeps the pairs this model
accepts.  The features are symbolic (lemmas, tags, dependency labels, quotation context, the
rule lexicons' verdicts); the weights are learned from PolNeAR train by
``python -m claimgraph.eval.train_attribution`` and committed as
``models/attribution_cues.json`` (feature weights only, no corpus text).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from spacy.tokens import Span, Token

MODEL_PATH = Path(__file__).resolve().parent / "models" / "attribution_cues.json"
DOUBLE_QUOTES = "“”\"«»"
OPENING_QUOTES, CLOSING_QUOTES = "“«", "”»"
QUOTE_LOOKBACK = 300  # tokens searched back for the quotation mark that opens a quotation
RELATIVE_TAGS = ("WP", "WDT")
WH_TAGS = ("WP", "WDT", "WRB", "IN")  # "how X will respond", "whether X agrees"
ARGUMENT_DEPS = ("xcomp", "prep", "prt", "dobj", "acomp", "ccomp")  # read with the cue's lemma
AUXILIARY_DEPS = ("aux", "auxpass", "neg")
LONGEST_SUBJECT = 6  # subject lengths from here on share one feature


def inside_quotation(token: Token, floor: int = 0) -> bool:
    """Is the token inside a quotation, by the double quotation marks before it within its
    paragraph and from token ``floor`` on?  A curly mark says which way it goes; each straight
    mark after the nearest curly one turns the quotation the other way, so a curly quotation
    closed by a straight mark (“We will look into it," he said) is closed."""
    straight = 0
    for index in range(token.i - 1, max(token.i - QUOTE_LOOKBACK, floor) - 1, -1):
        earlier = token.doc[index]
        if "\n" in earlier.text_with_ws:
            break
        if earlier.text in OPENING_QUOTES or earlier.text in CLOSING_QUOTES:
            return (earlier.text in OPENING_QUOTES) != (straight % 2 == 1)
        straight += earlier.text == '"'
    return straight % 2 == 1


def cue_word_features(cue: Token) -> list[str]:
    """The cue's lemma, tags, dependency and arguments, alone and with the lemma."""
    lemma = cue.lemma_.lower()
    deps = {c.dep_ for c in cue.children}
    found = [f"lemma={lemma}", f"tag={cue.tag_}", f"dep={cue.dep_}", f"pos={cue.pos_}"]
    found += [f"child={dep}" for dep in sorted(deps)]
    found += [f"lemma={lemma}|clause={bool(deps & {'ccomp', 'parataxis'})}", f"lemma={lemma}|dobj={'dobj' in deps}"]
    for child in cue.children:
        if child.dep_ in ARGUMENT_DEPS:
            found.append(f"lemma={lemma}|{child.dep_}={child.lemma_.lower()}")
        elif child.dep_ in AUXILIARY_DEPS:
            found.append(f"aux={child.lemma_.lower()}")
        elif child.tag_ in WH_TAGS and child.i < cue.i:
            found.append(f"wh={child.lower_}")
        if child.dep_ == "xcomp":
            found += [f"lemma={lemma}|xcomp_child={c.dep_}" for c in child.children if c.dep_ in ("ccomp", "dobj")]
    if cue.dep_ != "ROOT":
        found += [f"head={cue.head.lemma_.lower()}", f"dep={cue.dep_}|head={cue.head.lemma_.lower()}"]
    return found


def subject_link(cue: Token, subject: Token) -> str:
    """How the subject hangs on the cue: its own argument, a passive's "by" agent, an
    apposition just before it, the noun the cue describes, or the subject of a verb the cue
    depends on."""
    if subject.head == cue:
        return "argument"
    if cue.head == subject:
        return "described"
    if subject.dep_ == "appos" and subject.i < cue.i:
        return "apposed"
    return "agent" if subject.head.head == cue and subject.head.dep_ == "agent" else "inherited"


def subject_features(cue: Token, subject: Token) -> list[str]:
    """What the subject is and how it attaches: pronoun or noun, entity type, length, side
    of the cue."""
    is_pronoun = subject.pos_ == "PRON" or subject.tag_ in RELATIVE_TAGS
    length = subject.right_edge.i - subject.left_edge.i + 1
    link = subject_link(cue, subject)
    found = [f"link={link}", f"link={link}|dep={cue.dep_}",
             f"subject_dep={subject.dep_}", f"subject_tag={subject.tag_}", f"subject_ent={subject.ent_type_}",
             f"subject_pos={subject.pos_}", f"lemma={cue.lemma_.lower()}|subject_pos={subject.pos_}",
             f"subject_pronoun={subject.lower_}" if is_pronoun else f"subject_head={subject.lemma_.lower()}",
             f"subject_length={min(length, LONGEST_SUBJECT)}",
             "subject_before" if subject.i < cue.i else "subject_after"]
    if subject.tag_ in RELATIVE_TAGS and cue.dep_ == "relcl":
        found += [f"antecedent_head={cue.head.lemma_.lower()}", f"antecedent_ent={cue.head.ent_type_}"]
    if link != "argument":  # the lemma alone already speaks for a cue's own subject
        found.append(f"lemma={cue.lemma_.lower()}|link={link}")
    entities = {t.ent_type_ for t in subject.subtree} & {"PERSON", "ORG", "NORP", "GPE"}
    return found + [f"subject_has={label}" for label in sorted(entities)]


def has_double_quote(sentence: Span) -> bool:
    """Whether the sentence holds a double quotation mark; read once per sentence by the
    caller, since building a sentence's text is dear next to the features of one pair."""
    text = sentence.text
    return any(mark in text for mark in DOUBLE_QUOTES)


def quotation_features(cue: Token, sentence_quoted: bool, floor: int) -> list[str]:
    inside = inside_quotation(cue, floor)
    return [f"sentence_quoted={sentence_quoted}", f"inside_quotation={inside}",
            f"lemma={cue.lemma_.lower()}|inside_quotation={inside}"]


def pair_features(cue: Token, subject: Token, sentence_quoted: bool, quotation_floor: int = 0) -> list[str]:
    """Every feature of one (cue word, subject) pair, "bias" first, each once;
    ``sentence_quoted`` is `has_double_quote` of the cue's sentence; quotation marks before
    token ``quotation_floor`` are not read."""
    found = ["bias", *cue_word_features(cue), *subject_features(cue, subject),
             *quotation_features(cue, sentence_quoted, quotation_floor)]
    return list(dict.fromkeys(found))


@dataclass(frozen=True)
class CueModel:
    """Feature weights and the probabilities from which a pair counts as an attribution.

    ``threshold`` holds for a cue that reports a clause or a quotation; a cue with neither is
    a stance ("X praised the deal") and makes its subject the origin of the whole clause, so
    a verb that no rule lexicon lists as a stance must reach ``unlisted_stance_threshold``
    ("forces made advances" stays the writer's own claim).
    """

    weights: dict[str, float]
    threshold: float
    unlisted_stance_threshold: float

    def probability(self, features: Iterable[str]) -> float:
        score = sum(self.weights.get(name, 0.0) for name in features)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))

    def accepts(self, features: Iterable[str]) -> bool:
        return self.probability(features) >= self.threshold

    def to_json(self, about: str) -> str:
        fields = {"about": about, "threshold": self.threshold,
                  "unlisted_stance_threshold": self.unlisted_stance_threshold, "weights": self.weights}
        return json.dumps(fields, indent=0, sort_keys=True)

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> "CueModel":
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(weights=data["weights"], threshold=data["threshold"],
                   unlisted_stance_threshold=data["unlisted_stance_threshold"])
