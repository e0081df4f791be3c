import spacy

from claimgraph.extract.paragraphs import ParagraphBoundaries


def test_paragraphs_line_break_starts_sentence():
    nlp = spacy.blank("en")
    doc = ParagraphBoundaries()(nlp("From the wire service:\n\nTroops crossed the river"))
    starts = [t.text for t in doc if t.is_sent_start]
    assert "Troops" in starts


def test_paragraphs_no_break_leaves_tokens_unset():
    nlp = spacy.blank("en")
    doc = ParagraphBoundaries()(nlp("Troops crossed the river and held the bank."))
    assert not any(t.is_sent_start for t in doc[1:])
