"""Sources that reach past their own sentence, for the claims no cue attributes.

The attribution finder reads a source from a claim's sentence (or a quotation closed in the
same paragraph).  Three shapes of news text attribute more than that, read here on the
document's characters after the claims are made (patterns in ``lexicons/carried_sources.yaml``):

- a quotation opened in one sentence and closed paragraphs later
  ('The ministry said: "On Friday ... . A total of twenty shells were fired. ..."'): every
  claim inside it is the speaker's, as the claim that opens or closes it says;
- a headline signed with a dash ("Shells hit the plant, sensors damaged – Energoatom");
- a news item's "Source: X" line: the item's headline and lead before it and its "Details:"
  and "Quote:" paragraphs after it are X's.

Such a claim gets the source chain and, if it was ``asserted``, the status ``reported``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator, Optional

from ..model import Claim, Cue, Document, SourceRef
from .lexicon import attribution_rules, carried_source_rules
from .sources import kind_of_words

OPENING = "“«"
CLOSING = "”»"
STRAIGHT = '"'
BEFORE_OPENING = " \n\t([:—–-"


@dataclass(frozen=True)
class Carrier:
    """A stretch of text [start, end) whose unattributed claims take ``chain``."""
    start: int
    end: int
    chain: tuple[SourceRef, ...]


def carry_sources(document: Document, claims: list[Claim]) -> list[Claim]:
    """The claims, each unattributed one inside a carrier given the carrier's chain."""
    carriers = quotation_carriers(document.text, claims) + line_carriers(document.text)
    return [carried(claim, carriers) for claim in claims]


def carried(claim: Claim, carriers: list[Carrier]) -> Claim:
    if claim.source_chain:
        return claim
    start, end = claim.span
    carrier = next((c for c in carriers if c.start <= start and end <= c.end), None)
    if carrier is None:
        return claim
    update: dict = {"source_chain": list(carrier.chain)}
    if claim.status == "asserted":
        cue = carrier.chain[0]
        update.update(status="reported", status_cues=[Cue(text=cue.cue or "", span=cue.cue_span or cue.span)])
    return claim.model_copy(update=update)


# --- quotations over several sentences --------------------------------------------------------

def quotations(text: str, longest: int) -> Iterator[tuple[int, int]]:
    """(opening mark, closing mark) of each double-quoted stretch of at most ``longest`` characters;
    a straight mark opens after a space or bracket and closes before one."""
    opened: Optional[int] = None
    for index, char in enumerate(text):
        if char not in OPENING + CLOSING + STRAIGHT:
            continue
        before = text[index - 1] if index else " "
        opens = char in OPENING or (char == STRAIGHT and before in BEFORE_OPENING)
        if opens:
            opened = index
        elif opened is not None:
            if index - opened <= longest:
                yield opened, index
            opened = None


def quotation_carriers(text: str, claims: list[Claim]) -> list[Carrier]:
    """Quotations holding a sentence break, each carrying the chain of an attributed claim in
    it whose source stands outside it (the speaker of 'X said: "...' or '"...," X said'); and a
    paragraph that is one quotation with no speaker, after a paragraph quoting someone: it
    goes on quoting them."""
    carriers: list[Carrier] = []
    for start, end in quotations(text, carried_source_rules().quotation_carry_chars):
        speaker = next((c.source_chain for c in claims if c.source_chain and c.span[0] < end and start < c.span[1]
                        and outside(c.source_chain[0], start, end)), None)
        if speaker and re.search(r"[.!?]\s", text[start:end]):
            carriers.append(Carrier(start, end, tuple(speaker)))
        elif speaker is None and is_paragraph(text, start, end):
            carriers += continued_quotation(text, claims, start, end)
    return carriers


def is_paragraph(text: str, start: int, end: int) -> bool:
    """The quotation is its paragraph, from its first character to its last."""
    before = text[:start].rstrip(" \t")
    after = text[end + 1:].lstrip(" \t.")
    return (not before or before.endswith("\n")) and (not after or after.startswith("\n"))


def continued_quotation(text: str, claims: list[Claim], start: int, end: int) -> list[Carrier]:
    """The speaker of the last attributed claim of the paragraph before, if it quotes someone."""
    head = text[:start].rstrip()
    paragraph = (head.rfind("\n") + 1, len(head))
    quoted = [c for c in claims if c.source_chain and paragraph[0] <= c.span[0] < paragraph[1]]
    quotes = any(mark in text[paragraph[0]:paragraph[1]] for mark in OPENING + STRAIGHT)
    return [Carrier(start, end, tuple(quoted[-1].source_chain))] if quoted and quotes else []


def outside(ref: SourceRef, start: int, end: int) -> bool:
    return bool(ref.span) and not (start <= ref.span[0] < end)


# --- signed headlines and "Source:" lines -----------------------------------------------------

def lines(text: str) -> Iterator[tuple[int, str]]:
    offset = 0
    for line in text.split("\n"):
        yield offset, line
        offset += len(line) + 1


def line_carriers(text: str) -> list[Carrier]:
    rules, labels = carried_source_rules(), attribution_rules().headline_labels
    signed, items, previous = [], [], (0, "")
    for offset, line in lines(text):
        post = attribution_rules().social_post.match(line)
        if post and previous[1].strip():  # the signature alone on the line after its post
            ref = named_ref(post.group("name"), offset + post.start("name"), "—", "social")
            signed.append(Carrier(previous[0], previous[0] + len(previous[1]), (ref,)))
        previous = (offset, line) if line.strip() else previous
        signature = rules.signature_line.match(line)
        if signature and is_signature(signature.group("name"), labels):
            ref = named_ref(signature.group("name"), offset + signature.start("name"), "–")
            signed.append(Carrier(offset, offset + len(line), (ref,)))
        item = rules.item_source_line.match(line)
        if item and text[offset + len(line):].strip():  # the last line is a credit
            items.append((offset, named_ref(first_source(item.group("name")), offset + item.start("name"), "Source")))
    return signed + item_carriers(items, len(text))


def is_signature(name: str, labels: frozenset[str]) -> bool:
    """A name, not a label ("Live Updates", "Photos") ending a headline."""
    return not any(word.lower() in labels for word in name.split())


def item_carriers(items: list[tuple[int, SourceRef]], length: int) -> list[Carrier]:
    """Each "Source:" line's item: from it to the next one, the first also from the start."""
    carriers = []
    for index, (offset, ref) in enumerate(items):
        start = 0 if index == 0 else offset
        end = items[index + 1][0] if index + 1 < len(items) else length
        carriers.append(Carrier(start, end, (ref,)))
    return carriers


def first_source(names: str) -> str:
    """"Energoatom (the state operator), Dmytro Orlov, mayor" -> "Energoatom (the state operator)"."""
    depth = 0
    for index, char in enumerate(names):
        depth += (char == "(") - (char == ")")
        if char in ",;" and depth == 0:
            return names[:index].strip()
    return names.strip()


def named_ref(name: str, start: int, cue: str, kind: Optional[str] = None) -> SourceRef:
    return SourceRef(name=name, kind=kind or kind_of_words(name), cue=cue, span=(start, start + len(name)))
