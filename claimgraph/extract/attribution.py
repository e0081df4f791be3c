"""AttributionFinder: who says what — source, cue and content spans.

Finds these shapes of attribution and writes them to ``doc._.cg_attributions``
(see ``extensions.py``):

- speech: "X said (that) Y", "“Y,” said X", "Y, X said, Y", "X, saying Y", "X continued: “Y”",
  and quoted sentences that go on after such a quote in the same paragraph
- stance: "X praised the deal" — the act is the claim, X its origin (no separate content)
- according: "according to X, Y"
- noun: "X's claim that Y", "a report by X that Y", "a Ledger report that Y" (speech_nouns)
- block: a line "From X:" followed by quoted paragraphs (X relays them)
- post, signed, headline, title: line-shaped attributions (``attribution_lines.py``)
- back, impersonal: "This was reported by X" naming the sentence before's source, "it was
  reported that Y" naming no one (``attribution_references.py``)

Whether a verb and its subject form a speech or stance attribution is decided by the learned
cue model (``attribution_model.py``, weights in ``models/attribution_cues.json``); the word
lists of ``attribution.yaml`` are among its features.  First- and second-person subjects ("I
think ...", "our staff confirms ...") start no attribution: inside a quotation they belong to
the quoted source's content.

Source names are resolved within the document: a definite mention ("the Zelensky
adviser", "Zelensky's advisor") takes the name of an earlier source with the same head
noun; a bare surname takes the full name; a pronoun takes the previous source's name.
"""

from __future__ import annotations

from typing import Any, Callable, Iterable, Iterator, Optional, Sequence

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from . import extensions
from .attribution_lines import LineShapes
from .attribution_references import IMPERSONAL, ReferenceShapes
from .attribution_model import RELATIVE_TAGS, CueModel, has_double_quote, pair_features
from .component import Component
from .lexicon import AttributionRules, attribution_rules, evidence_rules
from .mention_tagger import is_short_number
from .openers import after_opener
from .quotations import (CLOSE_QUOTES, OPEN_QUOTES, QUOTE_SENTENCES, quote_before, quote_ending_before,
                         quote_opening, quoted_ranges, sentence_index, sides_of, starts_quoted_in_paragraph)
from .source_mentions import SourceNameResolver, SourceNames
from .sources import guess_kind
from .token_ranges import (TIME_ENTITIES, Attribution, attribution_record, bounds_without, is_name_word,
                           subtree_bounds, trim)
CONTENT_DEPS = ("ccomp",)
SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
# a verb without a subject shares the one of the verb it hangs from: "X declined, saying ...",
# "X won by citing ..." (pcomp under the prep "by")
INHERIT_SUBJECT_DEPS = ("advcl", "conj", "xcomp", "pcomp", "prep")
CUE_DEPS = ("aux", "neg", "advmod")
# what describes a source rather than names it: "NEXTA, which first posted the video",
# "Putin, dressed in fatigues", "officials speaking on condition of anonymity"
DESCRIBING_DEPS = ("relcl", "acl")
FINITE_TAGS = ("VBD", "VBZ", "VBP", "MD")
CLOSING_CUE_DEPS = ("prep", "pobj", "npadvmod", "compound", "det", "amod", "poss", "case", "dobj", "dative")
CLOSING_SOURCE_POS = ("DET", "ADJ", "NOUN", "PROPN", "NUM")  # "…, campaign finance records show."
PLACE_ENTITIES = ("GPE", "LOC", "FAC")
QUESTION_MARKS = ("whether", "if")  # a clause opening on one asks, it claims nothing


def subject_of(verb: Token, inherit: tuple[str, ...] = INHERIT_SUBJECT_DEPS,
               deps: tuple[str, ...] = SUBJECT_DEPS) -> Optional[Token]:
    """The verb's subject, or the one it shares with the verb it hangs from
    ("X declined, saying ...", "X advanced ... and took ...")."""
    while True:
        subjects = [c for c in verb.children if c.dep_ in deps]
        if subjects:
            return min(subjects, key=lambda c: abs(c.i - verb.i))
        if verb.dep_ not in inherit or verb.head == verb:
            return None
        verb = verb.head


def passive_agent(verb: Token) -> Optional[Token]:
    """The object of a passive verb's "by" ("the plan was endorsed by X", "a plan that has been
    endorsed by X").  Bare participles ("a video posted by X") propose no pair at all: their
    agent names a publisher as often as a source, and proposing them lowered source F1 on
    held-out PolNeAR train."""
    return next((o for a in verb.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"), None)


def inverted_subject(verb: Token) -> Optional[Token]:
    """"“…,” tweeted another": after its quoted clause, the cue's subject parsed as its object."""
    clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i), None)
    # the clause must be a quotation: "Residents interviewed by media described vehicles" is
    # a misparse of an ordinary subject, and "vehicles" said nothing
    if clause is None or not any(t.is_quote for t in verb.doc[clause.i: verb.i]):
        return None
    return next((c for c in verb.children if c.dep_ in ("dobj", "npadvmod") and c.i > verb.i), None)


def acts_as_verb(token: Token) -> bool:
    """A verb, or a sentence root tagged as a noun that heads a clause ("..., records show.")."""
    return token.pos_ in ("VERB", "AUX") or (token.dep_ == "ROOT" and any(c.dep_ == "ccomp" for c in token.children))


def is_bare_participle(token: Token) -> bool:
    """A past participle with no auxiliary of its own: its "subject" is what it describes
    ("units believed to be fighting"), not who speaks.  Coordinated participles share the
    first one's auxiliary ("has criticized X and praised Y") and are not bare, and neither is a
    clause head with its own subject ("Trump tweeted that ...", "Regulators worried that ..."):
    a past tense the tagger took for a participle, unless an infinitive follows at once, as
    after a participle of belief ("units believed to be fighting")."""
    own_auxiliaries = any(c.dep_ in ("aux", "auxpass") for c in token.children)
    raising = any(c.dep_ == "xcomp" and c.left_edge.i == token.i + 1 for c in token.children)
    finite = token.dep_ in ("ROOT", "ccomp") and any(c.dep_ == "nsubj" for c in token.children) and not raising
    return token.tag_ == "VBN" and not own_auxiliaries and not finite and token.dep_ != "conj"


def apposed_speaker(cue: Token) -> Optional[Token]:
    """"It was not a one-off -- Zakharova, a spokeswoman, told TASS ...": a finite cue with
    no subject of its own right after an apposition that the parser hung on an earlier noun;
    the apposition names the speaker (the inner one of a chain, or the name an inner common
    noun describes)."""
    if cue.tag_ not in FINITE_TAGS or any(c.dep_ in SUBJECT_DEPS for c in cue.children):
        return None
    doc, end = cue.doc, cue.i
    while end > cue.sent.start and (doc[end - 1].is_punct or doc[end - 1].ent_type_ in TIME_ENTITIES):
        end -= 1
    apposed = [t for t in doc[cue.sent.start: end] if t.dep_ == "appos" and end - 1 <= t.right_edge.i < cue.i]
    if not apposed:
        return None
    speaker = apposed[-1]
    named = speaker.head.dep_ == "appos" and speaker.head.pos_ == "PROPN" and speaker.pos_ == "NOUN"
    return speaker.head if named else speaker


def absolute_speaker(cue: Token) -> Optional[Token]:
    """"Fighting went on, with Russian bloggers saying the town was nearly surrounded": in a
    "with" phrase, the noun a participle describes is who speaks.  So is a sentence's root noun
    before ", adding that ..." when the parser found no verb to head the sentence (a long
    relative clause after the subject misleads it: "The group, whose ..., called it a crime,
    adding that ...")."""
    noun = cue.head
    if cue.tag_ == "VBN":
        return verbless_root_before(cue)
    if cue.tag_ != "VBG" or cue.dep_ != "acl":
        return None
    in_with_phrase = noun.dep_ == "pobj" and noun.head.lower_ == "with"
    after_verbless_root = noun.dep_ == "ROOT" and noun.pos_ in ("NOUN", "PROPN") and after_punctuation(cue)
    return noun if in_with_phrase or after_verbless_root else None


def after_punctuation(clause: Token) -> bool:
    """Does the clause of ``clause`` follow a punctuation mark (", adding that ...")?"""
    return clause.left_edge.i > 0 and clause.doc[clause.left_edge.i - 1].is_punct


def verbless_root_before(cue: Token) -> Optional[Token]:
    """"Hamas, whose attack ... sparked the war, called the strike a massacre": the parser, led
    astray by the relative clause, found no verb for the sentence and took the cue after the
    comma for a participle on the root noun or inside its clause.  That noun speaks."""
    if cue.dep_ != "acl" or cue.tag_ != "VBN" or not after_punctuation(cue):
        return None
    root = cue.sent.root
    holds = cue.head == root or any(c.dep_ == "relcl" and c.is_ancestor(cue) for c in root.children)
    return root if root.pos_ in ("NOUN", "PROPN") and holds else None


def tells_of_a_place(clause: Token) -> bool:
    """"a camp where scores of detainees died in a blast": a relative clause on a place that
    tells, in the past tense and with a subject of its own, the harm done there
    (`place_clause_verbs`).  It is a claim of its own, and the writer's: a stance naming the
    place ("the agency sought to inspect a camp where ...") does not voice it."""
    return (clause.dep_ == "relcl" and clause.tag_ == "VBD" and clause.left_edge.lower_ == "where"
            and clause.lemma_ in attribution_rules().place_clause_verbs
            and any(c.dep_ in SUBJECT_DEPS and c.pos_ != "PRON" for c in clause.children))


def opens_question(verb: Token, deps: tuple[str, ...] = ("ccomp",)) -> bool:
    """A clause of the verb (of ``deps``) that opens on "whether" or "if": a question, not a claim."""
    return any(clause.dep_ in deps and any(m.dep_ == "mark" and m.lower_ in QUESTION_MARKS for m in clause.children)
               for clause in verb.children)


def leaves_open(cue: Token) -> bool:
    """"The air force did not say whether any missiles were intercepted": a question the
    speaker left open is no claim of theirs."""
    return any(c.dep_ == "neg" for c in cue.children) and opens_question(cue)


def fused_nouns(cue: Token) -> list[Token]:
    """Nouns the parser fused into a cue it took for a noun ("records" in "records show")."""
    return [c for c in cue.children if c.dep_ == "compound" and c.i < cue.i]


def source_bounds(subject: Token, cue: Token) -> tuple[int, int]:
    """The subject's words, with the nouns fused into the cue ("FEC records" show), after
    a dateline that the parser took into the subject."""
    start, end = subject_bounds(subject)
    if subject.dep_ == "ROOT":  # a verbless sentence's noun: its name, not what describes it
        start, end = subject.left_edge.i, subject.i + 1
    elif start <= cue.i < end:  # "with bloggers saying X", or an apposition after the cue
        start, end = trim(subject.doc, start, cue_bounds(cue)[0])
    fused = [c.i for c in fused_nouns(cue)]
    start, end = min([start, *fused]), max([end, *(i + 1 for i in fused)])
    return after_opener(subject.doc, start, end), end


def name_end(span: Span, naming_verbs: set[str]) -> int:
    """Where the source's name ends: before a clause, a time or an age that describes the source
    ("NEXTA, which first posted the video", "the General Staff on Sunday"), so that one
    source gets one name; a clause that gives a name ("a blogger writing as Northern Front")
    stays."""
    def describes(token: Token) -> bool:
        describing = token.dep_ in DESCRIBING_DEPS and token.lemma_ not in naming_verbs
        return describing or is_time_phrase(token) or is_age(token)

    return end_before(span, describes)


def end_before(span: Span, describes: Callable[[Token], bool]) -> int:
    """Where ``span`` ends when it stops before the first of its dependents that ``describes``
    it (and that dependent's words); its own end when none does, or nothing would be left."""
    for token in span[1:]:
        if span.start <= token.head.i < span.end and token.head != token and describes(token):
            start, end = trim(span.doc, span.start, token.left_edge.i)
            return end if end > start else span.end
    return span.end


def is_age(token: Token) -> bool:
    """"a ferryman, Petro, 61, said": a number set beside a name gives its age, no part of it."""
    return token.dep_ == "appos" and is_short_number(token)


def is_time_phrase(token: Token) -> bool:
    """"on Sunday", "Friday": a time modifying a noun (not the verb of a clause describing the
    source: "Hamas, whose raid last week killed ..." is named "Hamas")."""
    if token.head.pos_ not in ("NOUN", "PROPN"):
        return False
    if token.dep_ == "npadvmod":
        return token.ent_type_ in TIME_ENTITIES
    return token.dep_ == "prep" and any(c.dep_ == "pobj" and c.ent_type_ in TIME_ENTITIES for c in token.children)


def containing_attributions(doc: Doc, index: int) -> list[dict[str, Any]]:
    """Attributions whose content holds token ``index``, innermost first; of two with one content,
    the one whose cue is nearer to it ("X echoed accusations by Y that Z": Y's accusation, X
    relaying it).  A stance does not hold a place's clause in it (`tells_of_a_place`)."""
    place = tells_of_a_place(doc[index])
    found = [a for a in doc._.cg_attributions or [] if a["content"][0] <= index < a["content"][1]
             and not (place and a["kind"] == "stance")]
    return sorted(found, key=lambda a: (a["content"][1] - a["content"][0], cue_distance(a)))


def cue_distance(record: dict[str, Any]) -> int:
    """Tokens between an attribution's cue and the nearer edge of its content."""
    (start, end), cue = record["content"], record["cue"][0]
    return min(abs(start - cue), abs(end - cue))


def is_free_relative(child: Token) -> bool:
    """"what he called X": the verb names no stance of its own (unlike "who praised X")."""
    return child.tag_ in RELATIVE_TAGS and child.i < child.head.i and child.dep_ not in SUBJECT_DEPS


def noun_complements(cue: Token) -> list[Token]:
    """Clauses completing the cue's object noun: "dismissed concerns that X", "rejected the
    idea that X", "cited no evidence that X"."""
    return [clause for noun in cue.children if noun.dep_ == "dobj" for clause in noun.children
            if clause.dep_ in ("acl", "ccomp") and has_that(clause)]


def clause_bounds(clause: Token, cue: Token) -> tuple[int, int]:
    """The clause's words; a clause after its cue whose subject or object came before it
    ("donations, which he said were legal", "what the senators said was a scheme") starts
    after the cue, or the content would hold its own cue and give no claim of its own (the
    claim keeps the fronted word through the clause's subtree).  A dateline the parser hung on
    a clause opening the story ("KHARKIV (Wire) — Russian forces struck ..., the governor
    said") is not part of it."""
    start, end = subtree_bounds(clause)
    return (cue.i + 1, end) if start <= cue.i < clause.i else (after_opener(clause.doc, start, end), end)


def has_that(clause: Token) -> bool:
    """The clause opens with the complementiser "that" (a relative clause has "that" as its
    subject or object instead, so a "relcl" with it is a complement the parser mislabelled)."""
    return any(c.lower_ == "that" and c.dep_ == "mark" for c in clause.children)


def cue_bounds(verb: Token) -> tuple[int, int]:
    """The cue verb with the auxiliaries and adverbs right before it ("has also said")."""
    start = verb.i
    while start > verb.sent.start and verb.doc[start - 1].head == verb and verb.doc[start - 1].dep_ in CUE_DEPS:
        start -= 1
    return start, verb.i + 1


def relayed_from(blocks: list[Attribution], sent: Span) -> int:
    """Where the relayed block holding the sentence starts (0 when none does)."""
    return next((b["content"][0] for b in blocks if b["content"][0] < sent.end and sent.start < b["content"][1]), 0)


def fronted_content(cue: Token, subject: Token) -> Optional[tuple[int, int]]:
    """"Shelling hit the city's north overnight, the governor said.": a speech verb closing
    its clause after a comma reports the words before the comma, even when the parser did
    not make them its clause (it took "Shelling" for a gerund hanging on "said").  Up to the
    next comma the cue may only take a time, a place or whom it told ("a commander told the
    newspaper, adding ...")."""
    doc, start = cue.doc, subject.left_edge.i
    if not cue.sent.start < start - 1 or doc[start - 1].text != "," or subject.i > cue.i:
        return None
    after = []
    for token in doc[cue.i + 1: cue.sent.end]:
        if token.text == ",":
            break
        after += [] if token.is_punct or token.is_space else [token]
    if any(t.head.i < cue.i or t.dep_ not in CLOSING_CUE_DEPS for t in after):
        return None  # the cue goes on ("the governor said the bridge held"): not a closing clause
    hung_on_cue = any(c.i < start for c in cue.children if c.dep_ != "punct")
    # "X are massing, a commander told the newspaper": the parser coordinates the cue with the
    # words before and hangs its speaker on them as an apposition
    coordinated = subject.dep_ == "appos" and cue.dep_ == "conj" and cue.head.i < start
    if not (hung_on_cue or coordinated):
        return None  # the words before belong to another verb ("X fell, and the governor said")
    content = trim(doc, cue.sent.start, start - 1)
    # a finite verb makes it a report; "Speaking on television, the governor said" is none
    return content if any(t.tag_ in FINITE_TAGS for t in doc[content[0]: content[1]]) else None


def joins_words(token: Token) -> bool:
    """A hyphen inside a word the tokenizer split ("Lieutenant-General")."""
    return token.text == "-" and not token.whitespace_ and token.i > 0 and not token.doc[token.i - 1].whitespace_


def without_closing_time(words: list[Token]) -> list[Token]:
    """The words before a time phrase closing the sentence ("..., the agency reported on
    Sunday"): it dates the report and does not hide its cue."""
    end = len(words)
    while end and (words[end - 1].ent_type_ in TIME_ENTITIES or
                   (words[end - 1].pos_ == "ADP" and end < len(words) and words[end].ent_type_ in TIME_ENTITIES)):
        end -= 1
    return words[:end]


def is_fragment(doc: Doc, content: tuple[int, int]) -> bool:
    """A quoted word or phrase without a verb ("called them “deplorables”", "condemned the
    test as “a grave threat”"): no claim of its own, so a cue the finder takes as a stance
    reads as one, its clause carrying the phrase."""
    return not any(t.pos_ in ("VERB", "AUX") for t in doc[content[0]: content[1]])


class AttributionFinder(Component):
    """Find attributions and resolve source names; results in ``doc._.cg_attributions``."""

    def __init__(
        self,
        *,
        rules: AttributionRules,
        evidence_nouns: Iterable[str] = (),
        cue_model: CueModel,
    ) -> None:
        self.cue_model = cue_model
        self.naming_verbs = rules.naming_verbs
        self.inference_verbs = rules.inference_verbs
        self.according_idioms = rules.according_idioms
        self.refusals = rules.refusals
        self.comment_verbs = rules.comment_verbs
        self.evidence_nouns = set(evidence_nouns)
        self.speech_nouns = rules.speech_nouns
        self.stance_verbs = rules.stance_verbs
        self.mute_subjects = rules.mute_subjects
        self.directive_verbs = rules.directive_verbs
        self.speech_verbs = rules.speech_verbs
        self.question_verbs = rules.question_verbs
        self.according = [phrase.split() for phrase in rules.according]
        self.block_intro = rules.block_intro
        self.line_shapes = LineShapes(social_post=rules.social_post, signed_quote=rules.signed_quote,
                                      signature=rules.signature, headline=rules.headline,
                                      headline_labels=rules.headline_labels,
                                      title_verbs=self.speech_verbs | self.stance_verbs)
        self.references = ReferenceShapes(rules)
        self.unspecified_source = rules.unspecified_source
        self.speakers = rules.speakers
        self.source_names = SourceNameResolver(rules)
        extensions.register()

    # -- matching -------------------------------------------------------------------
    def match(self, doc: Doc) -> list[Attribution]:
        sents = list(doc.sents)
        blocks = self._blocks(sents)
        found: list[Attribution] = []
        for index, sent in enumerate(sents):
            before = sents[max(index - QUOTE_SENTENCES, 0): index]
            found += self._speech(sent, before, sents[index + 1:], relayed_from(blocks, sent))
            found += self._according(sent)
            found += self._noun_cues(sent)
            found += self._closing_report(sent, found)
        found += blocks
        found += self.line_shapes.find(doc, found)
        found = self._with_references(sents, found)
        found += self._continued_quotes(sents, found) + self._opened_quotes(sents, found)
        return sorted(found, key=lambda a: (a["content"][0], -a["content"][1]))

    def _with_references(self, sents: list[Span], found: list[Attribution]) -> list[Attribution]:
        """Back references and impersonal cues (attribution_references.py) in place of what the
        verb pairs made of the same cues ("This was reported by X" read as X reporting "This")."""
        references = self.references.find(sents)
        cues = {tuple(r["cue"]) for r in references}
        return [a for a in found if tuple(a["cue"]) not in cues] + references

    def _continued_quotes(self, sents: list[Span], found: list[Attribution]) -> list[Attribution]:
        """Quoted sentences that go on after an attributed quote in the same paragraph
        (“We held the line,” he said. “Nobody left.”) keep its source."""
        by_sentence = {a["cue"][0]: a for a in found if a["kind"] == "speech"}
        extra, current = [], None
        for sent in sents:
            own = [a for i, a in by_sentence.items() if sent.start <= i < sent.end]
            if own:
                current = own[0] if quoted_ranges(sent) else None
            elif current is not None and starts_quoted_in_paragraph(sent):
                extra.append(dict(current, content=list(trim(sent.doc, sent.start, sent.end)), frame=[]))
            else:
                current = None
        return extra

    def _opened_quotes(self, sents: list[Span], found: list[Attribution]) -> list[Attribution]:
        """Quoted sentences before the one that closes the quotation and names its source
        (“We held the line. Nobody left,” he said.) keep that source."""
        extra = []
        for record in {a["cue"][0]: a for a in found if a["kind"] == "speech"}.values():
            index = sentence_index(sents, record["cue"][0])
            opening = quote_opening(sents[:index], sents[index], record["cue"][0])
            if opening is not None:
                extra.append(dict(record, content=list(trim(sents[index].doc, opening, sents[index].start)), frame=[]))
        return extra

    def _speech(self, sent: Span, before: list[Span], following: list[Span],
                quotation_floor: int = 0) -> list[Attribution]:
        """Pairs the cue model accepts; a sentence of a relayed block is read from
        ``quotation_floor`` on, as if the block's own quotation marks were not there;
        ``before`` holds the sentences before (at most ``QUOTE_SENTENCES``)."""
        found, quoted = [], has_double_quote(sent)
        pairs = [(token, subject, self.cue_model.probability(self.features(token, subject, quoted, quotation_floor)))
                 for token, subject in self.candidates(sent)]
        accepted = {token.i for token, _, probability in pairs
                    if probability >= self.cue_model.threshold or self._is_repaired_cue(token)}
        for token, subject, probability in pairs:
            source, cue = source_bounds(subject, token), cue_bounds(token)
            if not (token.i in accepted or self._reported_speech(token, subject, accepted)) or source[1] <= source[0]:
                continue
            # the subject's words outside the source (a dateline before it) are no claim's either
            framing = (min(subject.left_edge.i, source[0]), source[1])
            contents = (self._speech_contents(token, subject, sent, following)
                        or quote_before(before, sent, source, cue) or quote_ending_before(before, sent, cue))
            records = [attribution_record(source, cue, content, "speech", [framing, cue]) for content in contents]
            if all(is_fragment(sent.doc, content) for content in contents):
                records = self._stance(token, subject, (source, cue), framing, probability) or records
            elif self._is_stance(token) and quoted_ranges(sent):
                records += self._stance_beside_quotation(token, subject, (source, cue), framing, probability, contents)
            found += records
        return found

    def _is_repaired_cue(self, token: Token) -> bool:
        """A listed verb the parser took for a participle of a verbless sentence
        (`verbless_root_before`): the rule lists judge it, as the cue model never saw such parses."""
        return (self._is_cue_verb(token) or self._is_stance(token)) and verbless_root_before(token) is not None

    def _reported_speech(self, cue: Token, subject: Token, accepted: set[int]) -> bool:
        """"X has said that Z, news agencies reported": a speech verb with a clause of its own and
        a named speaker, reported by an accepted cue, is X's speech relayed, whatever the cue
        model makes of a cue inside another's content (PolNeAR rarely marks the inner one).
        Not evidence inferring ("HRW said evidence suggested Z": HRW's claim) nor a pronoun."""
        return (cue.dep_ in CONTENT_DEPS and cue.head.i in accepted and self._is_cue_verb(cue)
                and cue.lemma_ not in self.inference_verbs and subject.pos_ in ("NOUN", "PROPN")
                and subject.lemma_.lower() not in self.evidence_nouns
                and any(child.dep_ in CONTENT_DEPS for child in cue.children))

    def _stance(self, token: Token, subject: Token, frame: tuple[tuple[int, int], tuple[int, int]],
                framing: tuple[int, int], probability: float,
                reported: Sequence[tuple[int, int]] = ()) -> list[Attribution]:
        """A cue that reports no clause: the act is the claim ("X praised the deal"), unless the
        subject is evidence or the verb is no listed stance and the model is unsure."""
        if subject.lemma_.lower() in self.evidence_nouns:
            return []  # "the footage shows a burning depot": evidence, not a stance
        if not self._is_stance(token) and probability < self.cue_model.unlisted_stance_threshold:
            return []
        source, cue = frame
        removed = (set(range(*framing)) | {t.i for c in token.children if self._is_act_of_its_own(c) for t in c.subtree}
                   | {i for start, end in reported for i in range(start, end)})
        # punctuation is left out, or the sentence's full stop would hold a clause removed before it
        content = bounds_without((i for i in range(*subtree_bounds(token)) if not token.doc[i].is_punct), removed)
        # the claim keeps its actor ("Zelensky is asking ..."); only a dateline before it goes
        dateline = [(framing[0], source[0])] if framing[0] < source[0] else []
        content = trim(token.doc, *content) if content else None
        if content is None or self._ends_a_title(token, content):
            return []
        return [attribution_record(source, cue, content, "stance", dateline)]

    @staticmethod
    def _ends_a_title(cue: Token, content: tuple[int, int]) -> bool:
        """"Troops Shell Plant, Officials Say": a cue ending its line with nothing else to it is a
        headline's, which the line shapes read (attribution_lines.py)."""
        following = cue.doc[cue.i + 1] if cue.i + 1 < len(cue.doc) else None
        return content == (cue.i, cue.i + 1) and (following is None or "\n" in following.text)

    def _stance_beside_quotation(self, token: Token, subject: Token, frame: tuple[tuple[int, int], tuple[int, int]],
                                 framing: tuple[int, int], probability: float,
                                 reported: list[tuple[int, int]]) -> list[Attribution]:
        """"X accused Y of shelling the depot, “to hide ...”": the act of stance is a claim beside
        what the cue reports (``reported``: the quotation, a clause), when it tells of a happening
        of its own (a verb besides the cue; "X told Reuters, “...”" and "X said in a statement,
        “...”" add none)."""
        inside = {i for start, end in reported for i in range(start, end)}
        return [record for record in self._stance(token, subject, frame, framing, probability, reported)
                if any(self._tells_a_happening(t) for t in token.doc[record["content"][0]: record["content"][1]]
                       if t.i not in inside)]

    def _tells_a_happening(self, token: Token) -> bool:
        """A verb of the stance's own complement ("accused Y of shelling") that is no speech act
        ("..., adding that ...")."""
        return (token.pos_ == "VERB" and token.dep_ in ("pcomp", "xcomp", "conj", "advcl")
                and token.lemma_ not in self.stance_verbs and not self._is_cue_verb(token))

    def candidates(self, sent: Span) -> Iterator[tuple[Token, Token]]:
        """Every (cue word, subject) pair the cue model judges: verbs with a speaker."""
        for token in sent:
            bare = is_bare_participle(token) and verbless_root_before(token) is None
            if not acts_as_verb(token) or bare or self._refuses_comment(token) \
                    or leaves_open(token) or token.lemma_ in self.directive_verbs:
                continue
            subject = self._speaker(token)
            if subject is not None and subject.lemma_.lower() not in self.mute_subjects:
                yield token, subject

    def _refuses_comment(self, token: Token) -> bool:
        """"X declined to comment" reports nothing X said, neither through "declined" nor
        through "comment"."""
        refusal = token.head if token.dep_ == "xcomp" else token
        return refusal.lemma_ in self.refusals and any(
            c.dep_ == "xcomp" and c.lemma_ in self.comment_verbs for c in refusal.children)

    def features(self, cue: Token, subject: Token, sentence_quoted: bool, quotation_floor: int = 0) -> list[str]:
        """The cue model's features of a pair, with the rule lexicons' verdicts among them
        (``sentence_quoted``: see `pair_features`)."""
        rules = [f"rule_speech={self._is_cue_verb(cue)}", f"rule_stance={self._is_stance(cue)}"]
        return pair_features(cue, subject, sentence_quoted, quotation_floor) + rules

    def _speaker(self, cue: Token) -> Optional[Token]:
        """Who performs the cue: an apposition the parser cut from a subjectless cue, its
        subject (or that of the verb it hangs from), a passive's agent, the noun after a cue
        that closes a quotation (“…,” tweeted another) or the noun a participle describes
        ("with bloggers saying"); None for "there" and first/second person."""
        subject = apposed_speaker(cue) or subject_of(self._sharing_subject_with(cue), deps=("nsubj",))
        subject = subject or passive_agent(cue) or inverted_subject(cue) or absolute_speaker(cue)
        if subject is None and cue.dep_ == "advcl" and self._is_cue_verb(cue.head):
            subject = self._speaker(cue.head)  # "a commander told us, adding that ...": the teller adds
        subject = subject or next(iter(fused_nouns(cue)), None)
        if subject is None or subject.lower_ == "there" or self._is_first_or_second_person(subject):
            return None
        return None if self._is_sentential_which(cue, subject) else subject

    def _is_sentential_which(self, cue: Token, subject: Token) -> bool:
        """"…west of Sudzha, which suggests the column was moving": the relative word stands
        for the clause before it, though the parser hangs it on the place.  The place is
        told by its entity type or, as the tagger takes many towns for people, by a name
        after a preposition ("around Sudzha", "near Kherson")."""
        if subject.lower_ != "which" or not infers_with_which(cue, self.inference_verbs):
            return False
        place = cue.head
        return place.ent_type_ in PLACE_ENTITIES or (place.pos_ == "PROPN" and place.dep_ == "pobj")

    def _sharing_subject_with(self, cue: Token) -> Token:
        """The verb whose subject a subjectless cue shares.  In "X confirmed that the bridge
        fell and said Y" the parser hangs "said" on "fell", the first cue's reported clause,
        but X said it: a speech verb coordinated with a reported clause shares the subject of
        the verb reporting that clause."""
        if cue.dep_ != "conj" or any(c.dep_ in SUBJECT_DEPS for c in cue.children) or not self._is_cue_verb(cue):
            return cue
        reported = cue.head
        return reported.head if reported.dep_ in CONTENT_DEPS and self._is_cue_verb(reported.head) else cue

    def _is_first_or_second_person(self, subject: Token) -> bool:
        """"we", "you", and nouns they own ("our editorial staff"); pronouns only, so "the US"
        and "the US's ambassador" speak."""
        owners = [c for c in subject.children if c.dep_ == "poss"]
        return any(word.lower_ in self.speakers and word.pos_ == "PRON" for word in [subject, *owners])

    def _is_act_of_its_own(self, token: Token) -> bool:
        """A clause coordinated with a stance that is not the stance's: one with a subject of its
        own ("DeepState did not publish an estimate, and our desk could not verify the markings"),
        or an act that is no speech or stance ("X vowed to destroy the group, shelling its
        towns": the writer tells of the shelling, X did it).  A participle counts only when the
        stance has no object: in "X announced a strike on the camp, killing 53" the killing is the
        strike's, and X's announcement tells of it."""
        participle = (token.dep_ == "advcl" and token.tag_ == "VBG"
                      and not any(c.dep_ == "mark" for c in token.children)
                      and not any(c.dep_ == "dobj" for c in token.head.children))
        if token.dep_ != "conj" and not participle:
            return False
        if any(child.dep_ in SUBJECT_DEPS for child in token.children):
            return token.dep_ == "conj"
        return token.pos_ == "VERB" and token.lemma_ not in self.stance_verbs and not self._is_cue_verb(token)

    def _is_stance(self, token: Token) -> bool:
        """A stance act with an object: "X praised the deal", "X called for calm", "the deal
        was praised by X"; a speech verb whose complement the parser did not make a clause
        ("X said legalizing it ...") is read the same way."""
        objects = ("dobj", "xcomp", "prep", "dative", "attr", "intj", "oprd", "agent")
        children = list(token.children)
        if token.lemma_ not in self.stance_verbs or any(is_free_relative(c) for c in children):
            return False
        return any(c.dep_ in objects for c in children)

    def _is_cue_verb(self, token: Token) -> bool:
        if token.lemma_ in self.question_verbs:
            return any(child.dep_ in CONTENT_DEPS for child in token.children)
        return token.lemma_ in self.speech_verbs

    def _speech_contents(
        self, cue: Token, subject: Token, sent: Span, following: list[Span]
    ) -> list[tuple[int, int]]:
        """What the cue reports: its clauses, the quotation around it, or the next sentence."""
        clauses = [child for child in cue.children if child.dep_ in CONTENT_DEPS and child != subject]
        clauses = clauses or noun_complements(cue)
        if clauses:
            return sides_of(sent.doc, cue.i, [clause_bounds(c, cue) for c in clauses])
        if cue.dep_ == "parataxis":
            removed = set(range(*subtree_bounds(cue)))
            span = bounds_without(range(*subtree_bounds(cue.head)), removed)
            return [trim(sent.doc, *span)] if span else []
        quoted = self._quoted_contents(cue, sent, following)
        if quoted or not self._is_cue_verb(cue):
            return quoted
        return [content for content in [fronted_content(cue, subject)] if content]

    def _quoted_contents(self, cue: Token, sent: Span, following: list[Span]) -> list[tuple[int, int]]:
        """Quotation near the cue, or the next sentence when the cue ends with a colon."""
        ranges = quoted_ranges(sent)
        if ranges:
            return sides_of(sent.doc, cue.i, ranges)
        words = [t for t in sent.doc[cue.i + 1: sent.end] if not t.is_space]
        if following and words and words[-1].text == ":":
            return [trim(sent.doc, following[0].start, following[0].end)]
        return []

    def _according(self, sent: Span) -> list[Attribution]:
        found = []
        for token in sent:
            for phrase in (p for p in self.according if p[0] == token.lower_):
                cue_end = token.i + len(phrase)
                words = [t.lower_ for t in sent.doc[token.i: cue_end]]
                if words != phrase or cue_end > sent.end:
                    continue
                found += self._according_record(sent, token.i, cue_end)
        return found

    def _according_record(self, sent: Span, cue_start: int, cue_end: int) -> list[Attribution]:
        objects = [t for t in sent.doc[cue_start:cue_end] for t in t.children if t.dep_ in ("pobj", "dobj")]
        if not objects:
            return []
        source = trim(sent.doc, *subtree_bounds(objects[0]))
        if source[1] <= source[0] or sent.doc[source[0]: source[1]].text.lower() in self.according_idioms:
            return []
        removed = set(range(cue_start, source[1]))
        content = bounds_without(range(sent.start, sent.end), removed)
        if content is None:
            return []
        cue = (cue_start, cue_end)
        return [attribution_record(source, cue, trim(sent.doc, *content), "according", [(cue_start, source[1])])]

    def _noun_cues(self, sent: Span) -> list[Attribution]:
        """"the mayor's claim that X", "a report by the agency that X": a statement named by a
        noun, with its owner and its "that" clause.  No verb says it, so the verb pairs never
        see it; the noun stays in the outer clause ("Critics doubted the mayor's claim that
        X"), whose object it is."""
        found = []
        for noun in sent:
            if noun.pos_ != "NOUN" or noun.lemma_.lower() not in self.speech_nouns:
                continue  # the cheap tests first: this runs on every word
            clauses = [c for c in noun.children if c.dep_ in ("acl", "ccomp", "relcl") and has_that(c)]
            owner = self._noun_owner(noun) if clauses else None
            if owner is None:
                continue
            content = trim(sent.doc, *subtree_bounds(clauses[0]))
            found.append(attribution_record(owner, (noun.i, noun.i + 1), content, "noun", []))
        return found

    def _closing_report(self, sent: Span, found: list[Attribution]) -> list[Attribution]:
        """"…, campaign finance records show.": a sentence that closes on a comma, a noun phrase
        and a speech verb reports the words before the comma, whatever the parser made of the
        verb (here often a noun, "show" in apposition to a date).  Only when no other shape
        took that verb as its cue."""
        words = without_closing_time([t for t in sent if not (t.is_punct or t.is_space)])
        if len(words) < 4 or words[-1].lemma_.lower() not in self.speech_verbs:
            return []
        cue = words[-1]
        if any(a["cue"][0] <= cue.i < a["cue"][1] for a in found):
            return []
        start = cue.i
        while start > sent.start and (sent.doc[start - 1].pos_ in CLOSING_SOURCE_POS or joins_words(sent.doc[start - 1])):
            start -= 1
        names = [t for t in sent.doc[start: cue.i] if t.pos_ in ("NOUN", "PROPN")]
        if not names or start - 1 <= sent.start or sent.doc[start - 1].text != "," or \
                self._is_first_or_second_person(names[-1]):
            return []
        if any(t.lemma_.lower() in self.speech_nouns for t in names[:-1]):
            return []  # "…, a claim Moscow rejects.": a relative clause on the statement, not its source
        content = trim(sent.doc, sent.start, start - 1)
        if is_fragment(sent.doc, content):
            return []
        source, cue_range = (start, cue.i), (cue.i, cue.i + 1)
        return [attribution_record(source, cue_range, content, "speech", [source, cue_range])]

    def _noun_owner(self, noun: Token) -> Optional[tuple[int, int]]:
        """Who owns a statement noun: its possessor ("the mayor's"), its "by" object, or the
        names compounded with it ("a Ledger report", and "Okafor charges that X" when the
        tagger took the verb for a plural noun); None for first/second person."""
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        owner = owner or next((o for p in noun.children if p.dep_ == "prep" and p.lower_ == "by"
                               for o in p.children if o.dep_ == "pobj"), None)
        if owner is not None:
            return None if self._is_first_or_second_person(owner) else subject_bounds(owner)
        names = [c for c in noun.children if c.dep_ == "compound" and c.i < noun.i and is_name_word(c)]
        return trim(noun.doc, names[0].left_edge.i, names[-1].i + 1) if names else None

    def _blocks(self, sents: list[Span]) -> list[Attribution]:
        found = []
        for index, sent in enumerate(sents):
            words = [t for t in sent if not t.is_space]
            if len(words) < 3 or words[0].lower_ not in self.block_intro or words[-1].text != ":":
                continue
            quoted = self._quoted_run(sents[index + 1:])
            if quoted:
                content = trim(sent.doc, quoted[0].start, quoted[-1].end)
                source, cue = (words[1].i, words[-1].i), (words[0].i, words[0].i + 1)
                found.append(attribution_record(source, cue, content, "block", [(sent.start, sent.end)]))
        return found

    @staticmethod
    def _quoted_run(sents: list[Span]) -> list[Span]:
        """The sentences of a quotation that opens at the first one, up to its closing mark."""
        first = sents[0].text.lstrip() if sents else ""
        if not first or first[0] not in OPEN_QUOTES:
            return []
        run = []
        for sent in sents:
            run.append(sent)
            if sent.text.rstrip()[-1:] in CLOSE_QUOTES:
                break
        return run

    # -- annotations ----------------------------------------------------------------
    def set_annotations(self, doc: Doc, found: list[Attribution]) -> None:
        names = SourceNames()
        for record in sorted(found, key=lambda a: a["source"][0]):
            mention = doc[record["source"][0]: record["source"][1]]
            span = doc[mention.start: name_end(mention, self.naming_verbs)]
            record["name"] = (self.unspecified_source if record["kind"] == IMPERSONAL
                              else self.source_names.resolve(span, names))
            record["source_kind"] = "social" if record["kind"] == "post" else guess_kind(record["name"], span)
            names.add(span.text, self.source_names.referent_keys(span, every=True), record["name"], span.end)
        doc._.cg_attributions = [r for r in found if r["content"][1] > r["content"][0]]

def infers_with_which(verb: Token, inference_verbs: set[str]) -> bool:
    """"…, which suggests …": a relative clause whose "which" stands for what came before and
    whose verb infers from it (a word of ``inference_verbs``)."""
    if verb.dep_ != "relcl" or verb.lemma_ not in inference_verbs:
        return False
    return any(c.lower_ == "which" and c.dep_ in SUBJECT_DEPS for c in verb.children)


def subject_bounds(subject: Token) -> tuple[int, int]:
    return trim(subject.doc, *subtree_bounds(subject))


@Language.factory("claimgraph_attribution_v1", requires=["token.dep", "token.lemma"],
                  assigns=["doc._.cg_attributions"])
def make_attribution_finder(nlp: Language, name: str) -> AttributionFinder:
    return attribution_finder(CueModel.load())


def attribution_finder(cue_model: CueModel) -> AttributionFinder:
    """The finder with the project's lexicons and the given cue model."""
    return AttributionFinder(rules=attribution_rules(), evidence_nouns=evidence_rules().kinds,
                             cue_model=cue_model)
