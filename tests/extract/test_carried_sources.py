from __future__ import annotations

import pytest

from claimgraph.extract.carried_sources import carry_sources, first_source, quotations
from claimgraph.model import Claim, Document, SourceRef


def document(text: str) -> Document:
    return Document(id="d", text=text)


def claim_of(text: str, words: str, index: int = 0, source: str | None = None) -> Claim:
    start = text.index(words)
    chain = []
    if source:
        at = text.index(source)
        chain = [SourceRef(name=source, cue="said", span=(at, at + len(source)))]
    return Claim(id=f"d:{index}", text=words, span=(start, start + len(words)), sentence_span=(start, start + len(words)),
                 status="reported" if chain else "asserted", source_chain=chain)


def origins(text: str, claims: list[Claim]) -> list[tuple[str, str]]:
    return [(c.source_chain[0].name if c.source_chain else "author", c.status)
            for c in carry_sources(document(text), claims)]


QUOTED = ('The border guard said: "Three boats crossed at dawn.\n\nTwo of them turned back.\n\n'
          'Nobody was hurt."\n\nThe river was calm all week.')


def test_carried_sources_a_quotation_over_paragraphs_keeps_its_speaker():
    claims = [claim_of(QUOTED, "Three boats crossed at dawn", 0, "The border guard"),
              claim_of(QUOTED, "Two of them turned back", 1), claim_of(QUOTED, "Nobody was hurt", 2),
              claim_of(QUOTED, "The river was calm all week", 3)]
    assert origins(QUOTED, claims) == [("The border guard", "reported")] * 3 + [("author", "asserted")]


def test_carried_sources_a_quotation_in_one_sentence_carries_nothing():
    text = 'He called it "a quiet night" and the ferry ran as usual.'
    assert origins(text, [claim_of(text, "the ferry ran as usual")]) == [("author", "asserted")]


ITEM = ("Drones hit a depot near the port\n\nThe depot burned through the night.\n\n"
        "Source: Harbour Authority (the port operator), Anna Berg, its spokeswoman\n\n"
        "Details: Two guards were injured.\n\nSource: Example Wire")


@pytest.mark.parametrize("words", ["Drones hit a depot near the port", "The depot burned through the night",
                                   "Two guards were injured"])
def test_carried_sources_a_source_line_attributes_its_item(words):
    [(origin, status)] = origins(ITEM, [claim_of(ITEM, words)])
    assert (origin, status) == ("Harbour Authority (the port operator)", "reported")


def test_carried_sources_a_source_line_ending_the_text_is_a_credit():
    text = "The depot burned through the night.\n\nSource: Example Wire"
    assert origins(text, [claim_of(text, "The depot burned through the night")]) == [("author", "asserted")]


@pytest.mark.parametrize("line, origin", [
    ("Drones hit a depot near the port, two guards hurt – Harbour Authority", "Harbour Authority"),
    ("Drones hit a depot near the port — Live Updates", "author"),  # a label, not a source
    ("Drones hit a depot near the port. – Harbour Authority", "author"),  # a sentence, not a headline
    ("Drones hit a depot near the port: Harbour Authority", "Harbour Authority"),
    ("Update: Harbour Authority", "author"),  # a label before the colon, not a headline
])
def test_carried_sources_a_headline_signed_with_a_dash(line, origin):
    text = line + "\n\nMore follows."
    assert origins(text, [claim_of(text, line.split(":")[0].split(" –")[0].split(" —")[0])])[0][0] == origin


def test_carried_sources_an_attributed_claim_keeps_its_own_source():
    text = ("Source: Harbour Authority\n\nThe mayor said the depot burned.\n\nMore follows.")
    assert origins(text, [claim_of(text, "the depot burned", source="The mayor")]) == [("The mayor", "reported")]


def test_carried_sources_quotation_marks_pair_by_position():
    text = 'He said "one. two" and then “three. four” later.'
    assert [text[s:e + 1] for s, e in quotations(text, 100)] == ['"one. two"', "“three. four”"]


def test_carried_sources_first_of_several_sources():
    assert first_source("Harbour Authority (the port, its operator), Anna Berg") == "Harbour Authority (the port, its operator)"


def test_carried_sources_a_paragraph_quoted_alone_goes_on_quoting_the_speaker_before():
    text = ('"The dyke held all night," the mayor said on Monday.\n\n"Two pumps have failed since."\n\n'
            'The river fell by noon.')
    claims = [claim_of(text, "The dyke held all night", 0, "the mayor"), claim_of(text, "Two pumps have failed since", 1),
              claim_of(text, "The river fell by noon", 2)]
    assert [o for o, _ in origins(text, claims)] == ["the mayor", "the mayor", "author"]


def test_carried_sources_a_post_signed_on_the_line_after_it():
    text = "The dyke broke at dawn and the lower town is flooded.\n— Ivan Petrenko (@petrenko_ua) June 7, 2023"
    assert origins(text, [claim_of(text, "The dyke broke at dawn")]) == [("Ivan Petrenko", "reported")]
