import spacy

from claimgraph.extract.lexicon import loaded_terms
from claimgraph.extract.loaded_language import LoadedLanguageTagger


def tagger(nlp):
    return LoadedLanguageTagger(vocab=nlp.vocab, terms=loaded_terms())


def test_loaded_language_wildcard_names_the_neutral_term():
    nlp = spacy.blank("en")
    doc = tagger(nlp)(nlp("The governor asked the Smith regime for more shells."))
    assert [(s.text, s.label_) for s in doc.spans["cg_loaded"]] == [("Smith regime", "Smith administration")]


def test_loaded_language_listed_term_beats_wildcard():
    nlp = spacy.blank("en")
    doc = tagger(nlp)(nlp("State television blamed the Kyiv regime."))
    assert [s.label_ for s in doc.spans["cg_loaded"]] == ["Ukrainian government"]


def test_loaded_language_neutral_text_has_no_match():
    nlp = spacy.blank("en")
    doc = tagger(nlp)(nlp("The administration announced a new aid package."))
    assert list(doc.spans["cg_loaded"]) == []
