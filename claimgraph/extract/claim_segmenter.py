"""ClaimSegmenter: one claim per checkable proposition.

For each sentence the claim heads are the sentence root and the root of every
attribution content in it, minus the attribution cues themselves; coordinated
predicates ("advanced ..., took ..., and captured ...") become claims of their own that
share the subject, and so do a relative clause carrying its own hedge ("a convoy that
reportedly contained ...") and a clause the writer infers ("..., which suggests the column
was hit": hedged by "suggests", which the claim lists under ``hedges``). A second happening
told in a clause of its own is a claim too: a toll or an outcome after a comma (", killing
12", ", unleashing a flood"), the attack that caused a harm ("when shells hit the plant"), and
an adverbial clause with its own subject on a claim's predicate ("since the army began its
offensive"). A claim's words are its head's subtree minus the other claims and attribution
frames inside it.

A sentence that only comments on the one before ("However, this claim remains
unverified.", "We compared the place with the frames.") is no claim: its range is added
to the previous sentence's claims under ``retro`` so that later components read its cues.
Results: ``doc._.cg_claims`` (see ``extensions.ClaimRecord``).
"""

from __future__ import annotations

from typing import Iterable, Optional

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from . import extensions
from .attribution import SUBJECT_DEPS, infers_with_which, subject_of, tells_of_a_place
from .component import Component
from .lexicon import attribution_rules, status_rules
from .openers import after_opener, is_opener
from .token_ranges import trim

Claim = extensions.ClaimRecord
CONTENT_POS = ("VERB", "NOUN", "PROPN", "NUM", "ADJ", "AUX")
PREDICATE_POS = ("VERB", "AUX")
EDGE_DEPS = ("cc", "mark", "prep")
RELATIVE_TAGS = ("WDT", "WP")


def attribution_sets(doc: Doc) -> tuple[set[int], set[int], list[tuple[int, int]]]:
    """Cue tokens, frame tokens (source + cue) and content ranges of the doc's attributions."""
    cues, frames, contents, stances = set(), set(), [], set()
    for record in doc._.cg_attributions or []:
        # a stance verb is its own claim's predicate, even when it also reports a quotation
        # ("X accused Y of Z, “...”"); a statement noun ("the mayor's claim that ...") stays the
        # object of the clause that names it
        if record["kind"] == "stance":
            stances.update(range(*record["cue"]))
        elif record["kind"] != "noun":
            cues.update(range(*record["cue"]))
        for start, end in record["frame"]:
            frames.update(range(start, end))
        contents.append(tuple(record["content"]))
    both = cues & stances  # a verb that reports a quotation and is an act of stance too
    return cues - both, frames - both, contents


def claim_subject(head: Token) -> Optional[tuple[int, int]]:
    """Bounds of the claim's subject: its own, a coordinated predicate's, or the noun a
    relative clause describes ("a convoy that reportedly contained" -> "a convoy"); a
    dateline the parser took into it ("KURSK (Desk) — The governor") is left out."""
    # a subject the parser hung on the head's auxiliary ("at least 12 schools were closed")
    on_auxiliary = (s for a in head.children if a.dep_ in ("aux", "auxpass") for s in a.children
                    if s.dep_ in SUBJECT_DEPS)
    subject = subject_of(head, inherit=()) or next(on_auxiliary, None) or subject_of(head, inherit=("conj",))
    if subject is None:
        return None
    if subject.tag_ in RELATIVE_TAGS and head.dep_ == "relcl":
        noun = head.head
        return noun.left_edge.i, noun.i + 1
    start, end = trim(head.doc, subject.left_edge.i, subject.right_edge.i + 1)
    return after_opener(head.doc, start, end), end


def own_subject(head: Token) -> Optional[Token]:
    return next((c for c in head.children if c.dep_ in SUBJECT_DEPS), None)


def reports_content(sent: Span, cues: set[int]) -> bool:
    """The sentence is an attribution with a clause of its own ("The report notes that the
    line was cut"): new content, not a comment on the claim before."""
    root = sent.root
    return root.i in cues and any(c.dep_ == "ccomp" for c in root.children)


def claim_scope(claim: Claim) -> set[int]:
    """The claim's own tokens and those of the sentences commenting on it."""
    scope = set(claim["tokens"])
    for start, end in claim["retro"]:
        scope.update(range(start, end))
    return scope


def is_edge_filler(token: Token, deps: tuple[str, ...]) -> bool:
    return token.is_punct or token.is_space or token.dep_ in deps


def trim_edges(doc: Doc, tokens: list[int]) -> list[int]:
    """The claim's tokens without punctuation, conjunctions or a complementiser at its edges."""
    tokens = sorted(tokens)
    while tokens and is_edge_filler(doc[tokens[0]], ("cc", "mark")):
        tokens.pop(0)
    while tokens and is_edge_filler(doc[tokens[-1]], EDGE_DEPS):
        tokens.pop()
    return tokens


class ClaimSegmenter(Component):
    """Split sentences into propositions; write ``doc._.cg_claims``."""

    def __init__(
        self,
        *,
        retro_subjects: Iterable[str],
        verify_verbs: Iterable[str],
        first_person: Iterable[str],
        clause_hedges: Iterable[str],
        deny_cues: Iterable[str],
        account_nouns: Iterable[str],
        inference_verbs: Iterable[str],
        consequence_verbs: Iterable[str],
        verdict_verbs: Iterable[str],
        cause_marks: Iterable[str],
        cause_verbs: Iterable[str],
        cause_heads: Iterable[str],
        clause_marks: Iterable[str],
    ) -> None:
        self.clause_marks = set(clause_marks)
        self.consequence_verbs = set(consequence_verbs)
        self.verdict_verbs = set(verdict_verbs)
        self.cause_marks = set(cause_marks)
        self.cause_verbs = set(cause_verbs)
        self.harms = self.consequence_verbs | set(cause_heads)
        self.account_nouns = set(account_nouns)
        self.inference_verbs = set(inference_verbs)
        self.deny_cues = set(deny_cues)
        self.retro_subjects = [phrase.split() for phrase in retro_subjects]
        self.verify_verbs = set(verify_verbs)
        self.first_person = set(first_person)
        self.clause_hedges = set(clause_hedges)
        extensions.register()

    def match(self, doc: Doc) -> list[Claim]:
        cues, frames, contents = attribution_sets(doc)
        claims: list[Claim] = []
        previous: list[Claim] = []
        for sent in doc.sents:
            if previous and ((self._is_retro(sent) and not reports_content(sent, cues)) or self._rejects_previous(sent)):
                for claim in previous:
                    claim["retro"].append([sent.start, sent.end])
                if not self._rejects_previous(sent):
                    continue
            found = self._sentence_claims(sent, cues, frames, contents)
            claims += found
            previous = found or previous
        return claims

    def _is_retro(self, sent: Span) -> bool:
        """Only about the previous claim: "this claim remains ...", "we compared ...", "the
        agency could not verify either side's account"."""
        root = sent.root
        subject = own_subject(root)
        if subject is None:
            return False
        if self._points_back(subject) or self._fails_to_check_an_account(root):
            return True
        return self._is_first_person(subject) and (root.lemma_ in self.verify_verbs or self._checks_back(root))

    def _is_first_person(self, subject: Token) -> bool:
        # pronouns only: "US President Donald Trump" holds no "us"
        return any(t.lower_ in self.first_person and t.pos_ == "PRON" for t in subject.subtree)

    def _checks_back(self, head: Token) -> bool:
        """The writer on what came before: "we have not observed confirmation of this claim"
        (a phrase of its objects points back)."""
        objects = [t for t in head.subtree if t.dep_ in ("dobj", "pobj") and t.head.i >= head.i]
        return any(self._points_back(o) for o in objects)

    def _comments_on_sentence(self, head: Token) -> bool:
        """A clause in which the writer comments on the clauses before it in the sentence:
        "A blogger claimed that X, but we have not observed confirmation of this claim"."""
        subject = own_subject(head)
        return head.dep_ == "conj" and subject is not None and self._is_first_person(subject) \
            and self._checks_back(head)

    def _fails_to_check_an_account(self, root: Token) -> bool:
        """A negated verification of an account ("could not verify either side's account",
        "could not confirm the figures"): it says what the text could not check, not what
        happened."""
        negated = any(c.dep_ == "neg" for c in root.children)
        objects = [c for c in root.children if c.dep_ == "dobj"]
        return negated and root.lemma_ in self.verify_verbs and any(o.lemma_ in self.account_nouns for o in objects)

    def _rejects_previous(self, sent: Span) -> bool:
        """A denial of the previous claim, and a claim itself: "Kyiv dismissed the report"."""
        root = sent.root
        objects = [c for c in root.children if c.dep_ == "dobj"]
        return root.lemma_ in self.deny_cues and any(self._points_back(o) for o in objects)

    def _points_back(self, phrase: Token) -> bool:
        words = [t.lower_ for t in phrase.subtree]
        return any(words[: len(p)] == p and len(words) <= len(p) + 1 for p in self.retro_subjects)

    def _sentence_claims(self, sent: Span, cues: set[int], frames: set[int], contents) -> list[Claim]:
        if is_opener(sent):
            return []
        heads = self._heads(sent, cues, contents)
        comments = self._appended_comments(sent)
        frames = frames | {i for start, end in comments for i in range(start, end)}
        claims = []
        for head in heads:
            claim = self._claim(head, heads, cues, frames, contents)
            if claim is None:
                continue
            if claims and self._comments_on_sentence(head):
                for earlier in claims:
                    earlier["retro"].append([claim["start"], claim["end"]])
            else:
                claims.append(claim)
        for start, end in comments:
            for claim in (c for c in claims if c["start"] < start):
                claim["retro"].append([start, end])
        return sorted(claims + self._orphan_clauses(sent, heads, claims, cues, frames, contents),
                      key=lambda c: c["start"])

    def _appended_comments(self, sent: Span) -> list[tuple[int, int]]:
        """"…, a claim the agency could not verify", "…, a claim Moscow rejects", "…, which the
        group denies": an indefinite statement noun with a relative clause that checks or
        rejects, or such a clause on what came before, comments on the claims before it, as a
        sentence of its own would, and is part of none."""
        found = []
        # the clause checks or rejects: "a report that X was considering Y" is no comment
        checking = self.verify_verbs | self.deny_cues
        for clause in (t for t in sent if t.dep_ == "relcl" and t.lemma_ in checking):
            noun = clause.head
            if noun.lemma_ in self.account_nouns and any(c.dep_ == "det" and c.lower_ in ("a", "an")
                                                         for c in noun.children):
                found.append((noun.left_edge.i, clause.right_edge.i + 1))
            elif self._is_sentential_which(clause):  # "X accuses Y of Z, which Y denies"
                found.append((clause.left_edge.i, clause.right_edge.i + 1))
        return found

    @staticmethod
    def _is_sentential_which(clause: Token) -> bool:
        """", which the group denies": "which" after a comma, standing for what came before."""
        start = clause.left_edge
        return start.lower_ == "which" and start.i > 0 and start.doc[start.i - 1].text == ","

    def _orphan_clauses(self, sent: Span, heads: list[Token], claims: list[Claim], cues: set[int],
                        frames: set[int], contents) -> list[Claim]:
        """Relative clauses no claim holds, because the parser hung them on a cue or a source
        ("Russia says X, a claim contradicted by UN monitors, who have documented thousands of
        deaths"): each is a claim of its own rather than lost."""
        covered = cues | frames | {i for claim in claims for i in claim["tokens"]}
        # "a claim the agency could not verify" comments on a claim and is none
        orphans = [t for t in sent if t.dep_ == "relcl" and t.pos_ in PREDICATE_POS and t.i not in covered
                   and t.head.lemma_ not in self.account_nouns]
        claims = (self._claim(head, heads + orphans, cues, frames, contents) for head in orphans)
        return [claim for claim in claims if claim is not None]

    def _heads(self, sent: Span, cues: set[int], contents) -> list[Token]:
        doc = sent.doc
        roots = [sent.root] + [doc[s:e].root for s, e in contents if sent.start <= s < sent.end and e > s]
        heads: list[Token] = []
        for root in roots:
            for token in self._conjuncts(root):
                if token.i not in cues and token not in heads:
                    heads.append(token)
        heads += [t for t in sent if self._is_hedged_clause(t) and t not in heads]
        heads += [t for t in sent if self._inferring_verb(t) is not None and t not in heads]
        heads += [t for t in sent if (self._is_consequence(t, cues) or self._is_cause(t)) and t not in heads]
        heads += [t for t in sent if self._is_act_beside_a_consequence(t, cues) and t not in heads]
        heads += [t for t in sent if self._is_clause_of_its_own(t, heads, cues) and t not in heads]
        heads += [t for t in sent if tells_of_a_place(t) and t.i not in cues and t not in heads]
        return sorted(heads, key=lambda t: t.i)

    def _is_consequence(self, token: Token, cues: set[int]) -> bool:
        """", killing 40 prisoners": a participle set off by a comma, telling what the clause it
        hangs on did to people (not ", saying ...", whose head is a cue), or ranking it (",
        marking the deadliest strike")."""
        start = token.left_edge.i
        return (token.dep_ == "advcl" and token.tag_ == "VBG" and (token.lemma_ in self.consequence_verbs
                                                                   or self._is_verdict(token))
                and token.i == start and start > 0 and token.doc[start - 1].text == ","
                and token.head.i not in cues)

    def _is_act_beside_a_consequence(self, token: Token, cues: set[int]) -> bool:
        """"..., putting the city under siege and bombarding it": a participle joined to a
        consequence that is no consequence itself tells another act, a claim of its own; one that
        is ("killing 40 and leaving 75 wounded") is the same toll."""
        return (token.dep_ == "conj" and token.tag_ == "VBG" and token.lemma_ not in self.consequence_verbs
                and token.head.lemma_ in self.consequence_verbs and self._is_consequence(token.head, cues))

    def _is_verdict(self, token: Token) -> bool:
        """"marking the deadliest strike", "making it the first": a verdict verb whose objects
        hold a superlative or an ordinal."""
        objects = [c for c in token.children if c.dep_ in ("dobj", "oprd", "attr", "ccomp")]
        return token.lemma_ in self.verdict_verbs and any(
            word.tag_ == "JJS" or word.ent_type_ == "ORDINAL" for o in objects for word in o.subtree)

    def _is_cause(self, token: Token) -> bool:
        """"when shells hit the plant": an attack clause telling what caused the harm told by
        the clause it hangs on ("a worker was wounded")."""
        return (token.dep_ == "advcl" and token.lemma_ in self.cause_verbs
                and token.head.lemma_ in self.harms
                and any(c.dep_ in ("mark", "advmod") and c.lower_ in self.cause_marks for c in token.children))

    def _is_clause_of_its_own(self, token: Token, heads: list[Token], cues: set[int]) -> bool:
        """An adverbial clause led by one of `clause_marks`, with a subject of its own, on a
        claim's predicate or on a cue: it tells of another happening than the clause it hangs on
        ("the blast was the deadliest since the army began its campaign", "homes were flooded
        after the river rose", "as anger spread, the rebels said ...").  One deeper, on a clause
        that is no claim, it is part of that clause's description ("the bombardment that began
        after the raid"), unless a named actor did something in it ("people hoping to evade the
        attacks after Israel ordered them south"); with a pronoun for subject it refers back to
        the clause it hangs on ("before we act"); with a copula it tells a state the happening
        took place in ("struck while the convoy was stationary")."""
        subject = own_subject(token)
        if not (token.dep_ == "advcl" and token.pos_ == "VERB" and token.i not in cues
                and subject is not None and subject.pos_ != "PRON"
                and any(c.dep_ == "mark" and c.lower_ in self.clause_marks for c in token.children)):
            return False
        named_act = subject.pos_ == "PROPN" and token.tag_ == "VBD"
        return (token.head in heads or token.head.i in cues
                or (named_act and any(head.is_ancestor(token) for head in heads)))

    @staticmethod
    def _conjuncts(root: Token) -> list[Token]:
        found, todo = [], [root]
        while todo:
            token = todo.pop()
            found.append(token)
            todo += [c for c in token.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")]
        return found

    def _is_hedged_clause(self, token: Token) -> bool:
        return token.dep_ == "relcl" and any(c.lower_ in self.clause_hedges for c in token.children)

    def _inferring_verb(self, clause: Token) -> Optional[Token]:
        """The verb that infers ``clause`` from what came before: "…, which suggests [the column
        was hit]".  The inferred clause is a claim of its own, hedged by that verb."""
        verb = clause.head
        return verb if clause.dep_ == "ccomp" and infers_with_which(verb, self.inference_verbs) else None

    def _claim(self, head: Token, heads: list[Token], cues: set[int], frames: set[int],
               contents) -> Optional[Claim]:
        removed = set(frames)
        for other in heads:
            if head.is_ancestor(other):
                # an inferred clause takes its "which suggests" along
                inferring = self._inferring_verb(other)
                removed.update(t.i for t in (inferring or other).subtree)
        for token in head.subtree:
            if token.i in cues and head.is_ancestor(token):
                removed.update(t.i for t in token.subtree)
        removed.update(t.i for t in head.children if t.dep_ in SUBJECT_DEPS and t.tag_ in RELATIVE_TAGS)
        # a dateline the parser hung on the story's first clause ("KHARKIV (Wire) — Russian forces struck")
        removed.update(range(head.left_edge.i, after_opener(head.doc, head.left_edge.i, head.right_edge.i + 1)))
        tokens = trim_edges(head.doc, [t.i for t in head.subtree if t.i not in removed])
        attributed = any(start <= head.i < end for start, end in contents)
        if not self._has_content(head.doc, tokens, attributed):
            return None
        claim = self._record(head, tokens)
        inferring = self._inferring_verb(head)
        claim["hedges"] = [[inferring.i, inferring.i + 1]] if inferring is not None else []
        return claim

    @staticmethod
    def _has_content(doc: Doc, tokens: list[int], attributed: bool) -> bool:
        """Two words or more, one of them a verb unless someone is quoted saying them: a
        heading ("Key takeaways from today's assessment") names a topic and claims nothing,
        while a quoted headline ("Mayor: Water Supply Restored") is a claim however tagged."""
        words = [doc[i] for i in tokens if doc[i].is_alpha]
        predicate_pos = CONTENT_POS if attributed else PREDICATE_POS
        return len(words) >= 2 and any(t.pos_ in predicate_pos for t in words)

    @staticmethod
    def _record(head: Token, tokens: list[int]) -> Claim:
        subject = claim_subject(head)
        return {
            "start": tokens[0], "end": tokens[-1] + 1, "head": head.i, "tokens": tokens,
            "subject": list(subject) if subject else None,
            "retro": [], "status": None, "status_cues": [], "event_type": "other",
            "negated": any(c.dep_ == "neg" for c in head.children), "evidence": [],
        }

    def set_annotations(self, doc: Doc, claims: list[Claim]) -> None:
        doc._.cg_claims = claims


@Language.factory("claimgraph_claims_v1", requires=["doc._.cg_attributions"], assigns=["doc._.cg_claims"])
def make_claim_segmenter(nlp: Language, name: str) -> ClaimSegmenter:
    status = status_rules()
    return ClaimSegmenter(
        retro_subjects=status.retro_subjects, verify_verbs=status.verify_verbs,
        first_person=status.first_person, clause_hedges=status.clause_hedges,
        deny_cues=status.deny_cues, account_nouns=status.account_nouns,
        inference_verbs=attribution_rules().inference_verbs,
        consequence_verbs=status.consequence_verbs, verdict_verbs=status.verdict_verbs,
        cause_marks=status.cause_marks,
        cause_verbs=status.cause_verbs, cause_heads=status.cause_heads,
        clause_marks=status.clause_marks,
    )
