"""A parsed Russian document -> claims: one per sentence, with its source chain, status, event
type and place mentions.  Times and quantities are found and read by the resolver
(resolve/russian.py), from the claim's text.  Word lists: lexicons/ru.yaml."""

from __future__ import annotations

from typing import Optional

from claimgraph.model import Claim, Cue, Document, Place, SourceRef

from .nlp import RuText, nominative
from .rules import RussianRules, russian_rules
from .sources import Attribution, Range, attributions, points_back, source_chain

MIN_WORDS = 3  # shorter lines (a byline, a photo credit) make no claim
TYPED_FIRST = ("VERB", "AUX")
OPEN_QUOTE, CLOSE_QUOTE = "«", "»"
COMMENTING = {"denied", "unverified"}  # statuses of a sentence that may only comment on the one before


def status_of(parsed: RuText, sentence: Range, found: list[Attribution], rules: RussianRules
              ) -> tuple[str, list[Range]]:
    """The first status of the precedence whose cue holds, with the cue's tokens; a verb in the
    future tense is speculative; otherwise reported (the cue: the origin's) when a source is
    named, else asserted."""
    lemmas = {}
    for index in range(*sentence):
        for word in (parsed.tokens[index].lemma, parsed.tokens[index].text.lower()):
            lemmas.setdefault(word, index)
    for status in rules.status_precedence:
        for cue in rules.status_cues[status]:
            if cue <= lemmas.keys():
                return status, [(lemmas[w], lemmas[w] + 1) for w in sorted(cue, key=lemmas.get)]
        if status == "speculative" and (future := _future_verb(parsed, sentence, found)) is not None:
            return status, [(future, future + 1)]
    return ("reported", [found[0].cue]) if found else ("asserted", [])  # the origin's cue, as in English


def _future_verb(parsed: RuText, sentence: Range, found: list[Attribution]) -> Optional[int]:
    """A verb of the claim (not of its attribution: "заявит" reports) in the future tense."""
    frame = set().union(*(a.tokens for a in found)) if found else set()
    return next((i for i in range(*sentence) if i not in frame
                 and parsed.tokens[i].pos in TYPED_FIRST and parsed.tokens[i].feats.get("Tense") == "Fut"), None)


def event_type(parsed: RuText, sentence: Range, frame: set[int], rules: RussianRules) -> Optional[str]:
    """The type of the claim's first typed verb, else of its first typed word, outside the
    attribution ("заявил" types nothing); else of the attribution's words ("Гросси призвал
    стороны к сдержанности": the call is the happening)."""
    own = [i for i in range(*sentence) if i not in frame]
    ordered = [i for i in own if parsed.tokens[i].pos in TYPED_FIRST] + own + sorted(frame)
    return next((rules.event_types[parsed.tokens[i].lemma] for i in ordered
                 if parsed.tokens[i].lemma in rules.event_types), None)


def places_in(parsed: RuText, span: tuple[int, int], frame_chars: list[tuple[int, int]],
              rules: RussianRules) -> list[Place]:
    """The LOC entities inside ``span`` and outside the source's name ("губернатор Белгородской
    области" says who speaks, not where it happened), each named in the nominative so the
    gazetteer finds it: the mention's ``text`` is that name, its ``span`` where it is written."""
    places = []
    for kind, start, end in parsed.entities_within(*span):
        in_frame = any(s <= start and end <= e for s, e in frame_chars)
        if kind in rules.place_entities and not in_frame:
            indices = parsed.tokens_within(start, end)
            if indices:
                places.append(Place(text=nominative(parsed, indices), span=(start, end)))
    return places


def document_places(parsed: RuText, rules: RussianRules) -> list[Place]:
    return places_in(parsed, (0, len(parsed.text)), [], rules)


def sentence_claim(document: Document, parsed: RuText, number: int, sentence: Range,
                   rules: RussianRules) -> Claim:
    tokens = parsed.tokens
    start, end = tokens[sentence[0]].start, tokens[sentence[1] - 1].end
    found = attributions(parsed, sentence, rules)
    frame = set().union(*(a.tokens for a in found)) if found else set()
    status, cues = status_of(parsed, sentence, found, rules)
    frame_chars = [(tokens[min(a.source)].start, tokens[max(a.source)].end) for a in found]
    return Claim(
        id=f"{document.id}:{number}", document_id=document.id, text=document.text[start:end],
        span=(start, end), sentence_span=(start, end),
        event_type=event_type(parsed, sentence, frame, rules) or "other", status=status,
        status_cues=[Cue(text=document.text[tokens[s].start: tokens[e - 1].end],
                         span=(tokens[s].start, tokens[e - 1].end)) for s, e in cues],
        source_chain=source_chain(parsed, found, sentence, rules),
        places=places_in(parsed, (start, end), frame_chars, rules),
    )


def to_claims(document: Document, parsed: RuText) -> list[Claim]:
    """One claim per sentence of at least ``MIN_WORDS`` words; a sentence that points back ("Об
    этом сообщил X") gives its source to the one before it when that one names none."""
    rules = russian_rules()
    claims: list[Claim] = []
    last_named: Optional[SourceRef] = None  # the last source named by a name, for pronouns
    for sentence in parsed.sentences:
        if sum(t.text.isalpha() for t in parsed.tokens[sentence[0]: sentence[1]]) < MIN_WORDS:
            continue
        claim = _named(sentence_claim(document, parsed, len(claims), sentence, rules), last_named, rules)
        if claims and claim.source_chain and points_back(parsed, sentence, rules):
            claims[-1] = _attributed(claims[-1], claim)
        claims.append(claim)
        last_named = next((ref for ref in claim.source_chain if not _refers_back(ref.name, rules)), last_named)
    claims = _quoted_speakers(claims)
    return [_typed_denial(claims, n) for n in range(len(claims))]


def _quoted_speakers(claims: list[Claim]) -> list[Claim]:
    """A quotation running over sentences ("«Станция обесточена. Персонал на месте», — сказал
    X") is its speaker's throughout: a claim that opens a quotation and names no source takes
    the chain of the claim that closes it."""
    carried = list(claims)
    for number, claim in enumerate(claims):
        if claim.source_chain or claim.text.count(OPEN_QUOTE) <= claim.text.count(CLOSE_QUOTE):
            continue
        closing = next((c for c in claims[number + 1:] if CLOSE_QUOTE in c.text), None)
        if closing is not None and closing.source_chain:
            carried[number] = _attributed(claim, closing)
    return carried


def _named(claim: Claim, named: Optional[SourceRef], rules: RussianRules) -> Claim:
    """A source named by a pronoun or a bare role ("по его словам", "по данным ведомства") is
    ``named``, the last source named before it; a pronoun with none before it names no one."""
    chain = [named.model_copy(update={"span": ref.span, "cue": ref.cue, "cue_span": ref.cue_span})
             if _refers_back(ref.name, rules) and named else ref for ref in claim.source_chain]
    chain = [ref for ref in chain if ref.name.lower() not in rules.pronouns]
    if claim.status == "reported" and not chain:
        return claim.model_copy(update={"source_chain": [], "status": "asserted", "status_cues": []})
    return claim.model_copy(update={"source_chain": chain})


def _refers_back(name: str, rules: RussianRules) -> bool:
    words = name.lower().split()
    return len(words) == 1 and (words[0] in rules.back_references or words[0] in rules.pronouns)


def _attributed(claim: Claim, pointing: Claim) -> Claim:
    if claim.source_chain:
        return claim
    update: dict = {"source_chain": pointing.source_chain}
    if claim.status == "asserted":
        update["status"] = "reported"
    return claim.model_copy(update=update)


def _typed_denial(claims: list[Claim], number: int) -> Claim:
    """A denial or a doubt with no typed word of its own ("Независимо проверить эти сведения не
    удалось") speaks of the act told before it, and keeps its type."""
    claim = claims[number]
    if claim.status in COMMENTING and claim.event_type == "other" and number:
        return claim.model_copy(update={"event_type": claims[number - 1].event_type})
    return claim
