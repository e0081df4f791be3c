"""Extraction reads the openers reading found (Document.openers) and decides none itself."""

import pytest

from claimgraph.extract.extractor import with_openers
from claimgraph.extract.openers import after_opener, is_opener

pytestmark = pytest.mark.slow

TEXT = "Ferries return\n\nPORTVILLE (Coast Desk) — The mayor of Portville said the ferry sailed."


def test_openers_become_token_ranges(claim_nlp):
    doc = with_openers(claim_nlp.make_doc(TEXT), [(TEXT.index("PORT"), TEXT.index("—") + 1)])
    [(first, last)] = doc._.cg_openers
    assert doc[first:last].text == "PORTVILLE (Coast Desk) —"
    assert after_opener(doc, first, last + 3) == last  # a subject the parser ran over the opener
    assert after_opener(doc, first, last) == first  # nothing left after it: the words stay
    # words that start inside it (the parser hung the opener's tail on the clause) start after it
    assert after_opener(doc, first + 1, last + 3) == last
    assert after_opener(doc, last + 1, last + 3) == last + 1  # no opener there


def test_openers_a_sentence_of_an_opener_alone(claim_nlp):
    doc = with_openers(claim_nlp("KHERSON (River Desk) —\nThe dam held."), [(0, len("KHERSON (River Desk) —"))])
    assert [is_opener(sent) for sent in doc.sents][:1] == [True] and not is_opener(list(doc.sents)[-1])


def test_openers_only_the_readers_count(claim_nlp):
    doc = with_openers(claim_nlp.make_doc(TEXT), [])  # capitals and a dash, but reading found none
    assert after_opener(doc, 3, 12) == 3


def test_openers_after_a_title_line_leave_the_source_and_the_claim(claims_of):
    claims = claims_of(TEXT)
    assert [link.name for link in claims[-1].source_chain] == ["The mayor of Portville"]
    assert not any("PORTVILLE" in claim.text or "Desk" in claim.text for claim in claims)


def test_openers_a_hyphen_inside_words_cuts_no_subject(claims_of):
    claims = claims_of("NATO's count of non-combat flights doubled in a year, the alliance said.")
    assert any(claim.text.startswith("NATO's count") for claim in claims)
