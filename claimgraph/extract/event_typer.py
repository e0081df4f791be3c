"""EventTyper: the spec's event_type for each claim, from the words and rules of ``events.yaml``
(read by ``event_words.py``).

A claim's words are tried from the most telling to the least, and the first word with a type
decides (the YAML header defines the types and gives the order with examples):

1. frames on the predicate chain (the head and the verbs it passes on to): judgements are
   statements, requests and obligations requests, and blame, reports and denials take the type
   of what they are about;
2. the chain's verbs, typed by their patient where the type depends on it ("captured 300
   soldiers" are prisoners, "the dam collapsed" is infrastructure);
3. the subject and the objects, each noun phrase without its relative clauses;
4. the other words, background phrases ("after the destruction of the dam") and relative
   clauses last.

Steps 2-4 run first over words naming a happening, then over words naming things ("Marines
took forty prisoners").  When no word has a type, a claim whose predicate is a speech or stance
act ("X backed the plan", the ``stance`` attributions of ``attribution.py``) is a
``statement``.  Any other claim naming no happening ("Israel disputes this figure", "the
circumstances are under investigation") speaks of one named before it (``in_context``): the
last claim of its paragraph naming one, else the document's first (its headline or lead);
with none, ``other``.
"""

from __future__ import annotations

from typing import Any, Iterable, Iterator, Optional

from spacy.language import Language
from spacy.tokens import Doc, Token

from . import extensions
from .component import Component
from .event_words import (
    HAPPENINGS, PREP_DEPS, THINGS, VERB_MARK, VERB_POS, COMPLEMENT_DEPS, DocWords, TypeLexicon, children,
    complements, is_background, lookup_keys,
)
from .lexicon import evidence_rules, type_lexicon

CHAIN_DEPS = ("xcomp", "ccomp", "acomp")
SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj", "csubjpass")
OBJECT_DEPS = ("dobj", "attr", "oprd", "acomp", "dative")
PATIENT_DEPS = ("dobj", "nsubjpass")
NOUN_PATIENT_DEPS = ("poss", "compound")  # "the dam's destruction", "the dam destruction"
NOUN_PATIENT_PREPS = frozenset({"of", "to"})  # "destruction of the dam", "damage to the grid"
PARTICIPLE_DEPS = ("amod", "acl")  # "drowned people", "prisoners killed in the attack"
# what a report or denial is about ("called the strike a massacre": the parser's oprd)
CONTENT_DEPS = ("dobj", "oprd", "ccomp", "xcomp", "pcomp")
NOUN_POS = ("NOUN", "PROPN", "PRON", "NUM")
OF = frozenset({"of"})
ABOUT = frozenset({"of", "about"})
ACT_PREPS = frozenset({"of", "for"})  # the parser may hang the act on the blamed: "accused the rebels of it"


def predicate_chain(head: Token) -> list[Token]:
    """The head and the verbs it passes on to ("appeared to show" -> appeared, show)."""
    chain = [head]
    while True:
        nxt = next((c for c in chain[-1].children if c.dep_ in CHAIN_DEPS), None)
        if nxt is None:
            return chain
        chain.append(nxt)


def stance_cues(doc: Doc) -> set[int]:
    """Verbs of stance acts that took place ("X praised the deal"), not of a purpose or plan
    ("X met to discuss the calendar")."""
    verbs = (doc[a["cue"][1] - 1] for a in doc._.cg_attributions or [] if a["kind"] == "stance")
    return {v.i for v in verbs if not any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children)}


def raised_subjects(verb: Token) -> list[Token]:
    """The subject a passive infinitive shares with its head ("trucks appear to have been destroyed")."""
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    return children([verb.head], ("nsubj",)) if passive and verb.dep_ == "xcomp" else []


def is_modifier(token: Token) -> bool:
    """An adjective or participle describing a noun ("Ukrainian and Russian-controlled areas"),
    not a clause of its own the parser hung on a noun ("claims that troops had been encircled")."""
    modifier = token if token.dep_ in PARTICIPLE_DEPS else token.head if token.dep_ == "conj" else None
    if modifier is None or modifier.dep_ not in PARTICIPLE_DEPS:
        return False
    return not any(c.dep_ in SUBJECT_DEPS + ("aux", "auxpass") for c in modifier.children)


def paragraph_of(text: str, doc: Doc, claim: dict[str, Any]) -> int:
    """Where the claim's paragraph starts: the last line break of the doc's `text` before it (-1
    for the first).  The text is passed in: `Doc.text` joins every token anew on each call."""
    return text.rfind("\n", 0, doc[claim["start"]].idx)


def in_context(paragraphs: list[int], own: list[Optional[str]], rules: TypeLexicon) -> list[str]:
    """Each claim's type; in a report of happenings (at least ``context_share`` of its claims
    name one), one naming no happening (None) takes the type of the last claim before it in
    its paragraph that names one, else the document's main happening: its first claim naming
    one (a news text opens with it), an outcome (a toll) only when nothing else is named.
    ``context_skips`` name no happening (statements, requests).  Else it is other."""
    named = [(i, paragraph) for i, (paragraph, found) in enumerate(zip(paragraphs, own))
             if found is not None and found not in rules.context_skips]
    if len(named) < rules.context_share * len(own):
        return [found or "other" for found in own]
    mains = [own[i] for i, _ in named]
    main = next((t for t in mains if t not in rules.context_outcomes), mains[0] if mains else None)
    types = []
    for i, (paragraph, found) in enumerate(zip(paragraphs, own)):
        before = [j for j, p in named if j < i and p == paragraph]
        types.append(found or (own[before[-1]] if before else main) or "other")
    return types


def counts(noun: Token) -> bool:
    """A noun given with a number ("53 prisoners", "73 were hospitalised")."""
    return noun.like_num or any(c.dep_ == "nummod" for c in noun.children)


class EventTyper(Component):
    """Set ``event_type`` on every claim in ``doc._.cg_claims``."""

    def __init__(self, *, lexicon: TypeLexicon, evidence_nouns: Iterable[str], publish_verbs: Iterable[str]) -> None:
        self.lexicon = lexicon
        self.evidence_nouns = frozenset(evidence_nouns)
        self.publish_verbs = frozenset(publish_verbs)
        self.trigger_words = lexicon.trigger_words()
        self.words: Optional[DocWords] = None  # the document being typed
        extensions.register()

    def match(self, doc: Doc) -> list[str]:
        self.words = DocWords(doc, self.lexicon, self.trigger_words, self.evidence_nouns)
        speech_acts = stance_cues(doc)
        claims = doc._.cg_claims or []
        own = [self._event_type(doc, claim, speech_acts) for claim in claims]
        text = doc.text
        return in_context([paragraph_of(text, doc, claim) for claim in claims], own, self.lexicon)

    def _event_type(self, doc: Doc, claim: dict[str, Any], speech_acts: set[int]) -> Optional[str]:
        """The claim's own type; None when it names no happening and is no speech act (a
        denial or blame naming nothing typed is about a happening, not a statement)."""
        head = doc[claim["head"]]
        subject = doc[claim["subject"][0]: claim["subject"][1]].root if claim["subject"] else None
        judged = self.judged_happening(head, subject)
        if judged is not None:
            return self.own_type(judged, set(claim["tokens"]) | {judged.i})
        if self.blames_with_a_verdict(head) or self.publishes_evidence(head):
            return None
        found = self.clause_type(head, set(claim["tokens"]), subject)
        speech = head.i in speech_acts and self.frame_of(head)[0] is None
        if found is None and not speech and self.own_activity(head):
            return "other"
        return found or ("statement" if speech else None)

    def judged_happening(self, head: Token, subject: Optional[Token]) -> Optional[Token]:
        """The subject a verdict judges ("the shelling was an act of terror", "it was a war
        crime", "this provocation was committed to ..."; `verdict_nouns`), else None.  Its type
        is the claim's; a subject naming no happening leaves the claim to the one named before."""
        if subject is None:
            return None
        called = [c for c in head.children if c.dep_ == "attr"] if head.lemma_ == "be" else []
        called += [o for c in called if c.lemma_ in self.lexicon.verdict_holders for o in complements([c], OF)]
        named = self.is_verdict(subject) and any(
            c.dep_ == "det" and c.lower_ in self.lexicon.verdict_pointers for c in subject.children)
        return subject if named or any(map(self.is_verdict, called)) else None

    def is_verdict(self, word: Token) -> bool:
        """A verdict word (`verdict_nouns`: "crime", "provocation")."""
        return word.lemma_.lower() in self.lexicon.verdict_nouns

    def publishes_evidence(self, head: Token) -> bool:
        """"The army released the intercepted recording": evidence made public is evidence of the
        happening named before, not a happening of its own."""
        return head.lemma_ in self.publish_verbs and any(
            c.dep_ == "dobj" and c.lemma_.lower() in self.evidence_nouns for c in head.children)

    def blames_with_a_verdict(self, head: Token) -> bool:
        """"accused the army of a massacre": blame whose act is only a verdict word is about the
        happening named before."""
        frame, anchor = self.frame_of(head)
        acts = self.blamed_acts(head, anchor) if frame == "blame" else []
        return bool(acts) and all(map(self.is_verdict, acts))

    def blamed_acts(self, verb: Token, anchor: Token) -> list[Token]:
        """The act blame names: its complement ("blamed Y for the attack"), or one the parser
        hung on the blamed ("accused [the rebels of it]")."""
        return (complements({verb, anchor}, self.lexicon.blame_preps)
                or complements(children([verb], ("dobj",)), ACT_PREPS))

    def own_type(self, judged: Token, scope: set[int]) -> Optional[str]:
        """The type a judged subject names, None for a verdict word ("this provocation")."""
        if self.is_verdict(judged):
            return None
        return self.phrase_type(judged, scope, HAPPENINGS)

    def own_activity(self, head: Token) -> bool:
        """A predicate of an activity or state of its own (`own_activity_verbs`), or "take
        refuge"-like: its verb or its object's noun is listed."""
        words = [head] + [c for c in head.children if c.dep_ in ("dobj", "attr")]
        return any(w.lemma_.lower() in self.lexicon.own_activity_verbs for w in words)

    def clause_type(self, head: Token, scope: set[int], subject: Optional[Token] = None,
                    background: bool = True) -> Optional[str]:
        """The first type of the clause's words, most telling first (the module docstring):
        words naming a happening, then words naming things."""
        chain = [v for v in predicate_chain(head) if v.i in scope] or [head]
        found = self.frame_type(chain, scope)
        # only words of the clause, its subject and its objects can give it a type
        reach = scope | {t.i for t in children(chain, ("dobj",))} | ({subject.i} if subject is not None else set())
        late = self.doc_words.late_tokens(scope)
        for tier in (HAPPENINGS, THINGS):
            if found is None and any(self.doc_words.types[tier].get(i) for i in reach):
                found = next((t for t in self._candidates(chain, scope, subject, late, background, tier) if t), None)
        return found

    def _candidates(self, chain: list[Token], scope: set[int], subject: Optional[Token], late: set[int],
                    background: bool, tier: str) -> Iterator[Optional[str]]:
        """Types of the chain's verbs, of its subject and objects, of the other words, and
        (``background``) of the ``late`` ones: background phrases and relative clauses."""
        doc = chain[0].doc
        yield from (self.verb_type(verb, tier) for verb in chain)
        yield from (self.phrase_type(noun, scope, tier) for noun in self.core_nouns(chain, scope, subject))
        yield from (self.word_type(doc[i], tier) for i in sorted((scope - late) & self.doc_words.candidates))
        if background:
            yield from (self.word_type(doc[i], tier) for i in sorted(late & self.doc_words.candidates))

    @property
    def doc_words(self) -> DocWords:
        if self.words is None:
            raise RuntimeError("the event typer reads a document's words in match() first")
        return self.words

    # --- words ---------------------------------------------------------------------------

    def in_phrase(self, compound: Token) -> bool:
        """Is the compound part of a two-word trigger of its head ("detention center")?"""
        key = f"{compound.lemma_.lower()} {compound.head.lemma_.lower()}"
        return any(key in words for words in self.lexicon.words.values())

    def word_type(self, token: Token, tier: str) -> Optional[str]:
        """The word's type, resolved by its patient when the type depends on it; none for a
        descriptive participle ("the occupied city")."""
        event_type = self.doc_words.type_of(token, tier)
        if event_type is None or (token.dep_ == "compound" and self.in_phrase(token)):
            return None
        rule = self.lexicon.by_patient.get(event_type)
        if rule is not None:
            classes = next((c for c in map(self.classes, self.patients(token, rule.subject_is_patient)) if c), [])
            event_type = next((rule.patients[c] for c in classes if c in rule.patients), rule.otherwise)
        if is_modifier(token) and event_type in self.lexicon.descriptive_types:
            return None
        return event_type

    def patients(self, token: Token, subject_is_patient: bool) -> list[Token]:
        """What the word may act on, likeliest first: a verb's object or passive subject, an
        intransitive's subject ("the dam collapsed"), the object of a `patient_preps`
        preposition ("fired on"); a noun's possessor, compound or "of"/"to" complement; the
        noun a participle describes."""
        if token.pos_ in NOUN_POS:
            found = children([token], NOUN_PATIENT_DEPS) + complements([token], NOUN_PATIENT_PREPS)
        else:
            found = (children([token], PATIENT_DEPS) + raised_subjects(token)
                     + (children([token], ("nsubj",)) if subject_is_patient else [])
                     + complements([token], self.lexicon.patient_preps))
        return found + ([token.head] if token.dep_ in PARTICIPLE_DEPS else [])

    def classes(self, noun: Token) -> list[str]:
        """The patient's types, then its classes (equipment, people), then those of its "of"
        complement ("a column of tanks", "most of the central section of the dam")."""
        lemma = noun.lemma_.lower()
        found = [t for t in (self.doc_words.type_of(noun, tier) for tier in (HAPPENINGS, THINGS)) if t]
        found += [name for name, lemmas in self.lexicon.patient_classes.items() if lemma in lemmas]
        return found or next((c for c in map(self.classes, complements([noun], OF)) if c), [])

    # --- 1. frames -----------------------------------------------------------------------

    def frame_type(self, chain: list[Token], scope: set[int]) -> Optional[str]:
        for verb in chain:
            if self.doc_words.type_of(verb, HAPPENINGS) == "request" or self.is_obligation(verb):
                return "request"
            frame, anchor = self.frame_of(verb)
            if frame == "judgement":
                return "statement"
            if frame is not None:
                return self.about(verb, anchor, frame, scope)
        return None

    def is_obligation(self, verb: Token) -> bool:
        """"must have access", "there should be": a modal of obligation after a subject that
        can act; not with a perfect ("must have known" infers) nor before the subject ("should
        there be ...?" asks)."""
        auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
        perfect = any(a.lower_ == "have" for a in auxiliaries) and verb.tag_ == "VBN"
        subjects = children([verb], SUBJECT_DEPS + ("expl",))
        modals = [a for a in auxiliaries if a.lower_ in self.lexicon.request_modals
                  and all(s.i < a.i for s in subjects)]
        return bool(modals) and not perfect and all(self.can_act(s) for s in subjects)

    def can_act(self, subject: Token) -> bool:
        """A subject that can be asked to act: a pronoun, "there", a name, people, a body."""
        lemma = subject.lemma_.lower()
        return (subject.pos_ in ("PRON", "PROPN") or subject.dep_ == "expl" or lemma in self.lexicon.obligation_subjects
                or any(lemma in lemmas for lemmas in self.lexicon.patient_classes.values()))

    def frame_of(self, verb: Token) -> tuple[Optional[str], Token]:
        """The verb's frame, or a blame noun's as its object ("traded blame", "claimed
        responsibility"); only blame words frame as nouns ("a blast" is no judgement), and only
        a verdict after "is" as an adjective ("what happened there is unacceptable")."""
        frame = self.lexicon.frames.get(verb.lemma_.lower())
        verdict = frame == "judgement" and verb.dep_ == "acomp"
        if frame is not None and (frame == "blame" or verb.pos_ in VERB_POS or verdict):
            return frame, verb
        nouns = [c for c in children([verb], OBJECT_DEPS) if self.lexicon.frames.get(c.lemma_.lower()) == "blame"]
        return ("blame", nouns[0]) if nouns else (None, verb)

    def about(self, verb: Token, anchor: Token, frame: str, scope: set[int]) -> Optional[str]:
        """The type of what a blame, report or denial is about: for blame the complement
        naming the act ("blamed Y for the attack"), else the object ("blamed the attack on Y").
        None when a denial or a blamed act names nothing typed ("denied it", "accused them of
        what had happened"): it is about a happening named before (``in_context``)."""
        if frame == "blame":
            acts = self.blamed_acts(verb, anchor)
            if acts:
                return self.first_clause_type(acts, scope)
            blamed = children([verb], ("dobj",))
            # "the army was not responsible" names no one blamed and no act: the act is one named before
            return (self.first_clause_type(blamed, scope) or "statement") if blamed else None
        contents = children([verb], CONTENT_DEPS) + complements([verb], ABOUT)
        found = self.first_clause_type([c for c in contents if c is not anchor], scope)
        return found or (None if frame == "deny" else "statement")

    def first_clause_type(self, heads: list[Token], scope: set[int]) -> Optional[str]:
        for head in heads:
            inner = {t.i for t in head.subtree} & scope
            found = self.clause_type(head, inner, background=False) if inner else None
            if found:
                return found
        return None

    # --- 2. verbs, 3. noun phrases -------------------------------------------------------

    def verb_type(self, verb: Token, tier: str) -> Optional[str]:
        """A light verb yields to an object naming a happening ("delivered a strike"); a
        casualty verb to an attack as its subject, unless it counts the victims."""
        keys = lookup_keys(verb)
        own = next((k for k in keys if k in self.lexicon.words[tier]), "")
        phrase = " " in own and not own.endswith(VERB_MARK)  # "hold back" is no light "hold"
        light = [k for k in keys if k in self.lexicon.light_verbs] if not phrase else []
        if light and tier == HAPPENINGS:
            found = next((t for t in (self.word_type(o, tier) for o in children([verb], ("dobj",))) if t), None)
            if found:
                return found
        if any(" " in k for k in light):
            return None  # "engage in", "carry out": the object names the happening, or nothing does
        event_type = self.word_type(verb, tier)
        causes = self.lexicon.agent_first.get(event_type or "", frozenset())
        patients = self.patients(verb, False)
        if not causes or (patients and counts(patients[0])):
            return event_type
        agents = (self.word_type(s, tier) for s in children([verb], ("nsubj",)))
        return next((a for a in agents if a in causes), event_type)

    def core_nouns(self, chain: list[Token], scope: set[int], subject: Optional[Token]) -> list[Token]:
        """Subjects, objects, then objects of the chain's prepositions (not background); the
        objects first after a verb of causing ("the flooding caused many deaths")."""
        subjects = children(chain, SUBJECT_DEPS) or ([subject] if subject is not None else [])
        objects = [o for o in children(chain, OBJECT_DEPS) if o.i in scope]
        preps = [p for p in children(chain, PREP_DEPS)
                 if p.i in scope and not is_background(p, self.lexicon.background_preps)]
        if any(k in self.lexicon.causal_verbs for verb in chain for k in lookup_keys(verb)):
            return objects + children(preps, COMPLEMENT_DEPS) + subjects
        return subjects + objects + children(preps, COMPLEMENT_DEPS)

    def phrase_type(self, noun: Token, scope: set[int], tier: str) -> Optional[str]:
        """A noun phrase without its relative clauses: participles, the noun, its conjuncts,
        its "of" complement."""
        participles = [c for c in noun.children if c.dep_ in PARTICIPLE_DEPS and c.i in scope]
        for token in participles + [noun]:
            found = self.word_type(token, tier)
            if found:
                return found
        inner = children([noun], ("conj",)) + complements([noun], OF)
        return next((t for t in (self.phrase_type(n, scope, tier) for n in inner if n.i in scope) if t), None)

    def set_annotations(self, doc: Doc, types: list[str]) -> None:
        for claim, event_type in zip(doc._.cg_claims or [], types):
            claim["event_type"] = event_type


@Language.factory("claimgraph_event_typer_v1", requires=["doc._.cg_claims", "doc._.cg_attributions"],
                  assigns=["doc._.cg_claims"])
def make_event_typer(nlp: Language, name: str) -> EventTyper:
    evidence = evidence_rules()
    return EventTyper(lexicon=type_lexicon(), evidence_nouns=evidence.kinds, publish_verbs=evidence.publish_verbs)
