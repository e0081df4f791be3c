from __future__ import annotations

import pytest

from claimgraph.model import Actor, Claim, SourceRef
from claimgraph.resolve.actors import ActorCatalogue, source_name_key
from claimgraph.resolve.source_names import DocumentSources


TEXT = " " * 400


@pytest.fixture(scope="module")
def catalogue() -> ActorCatalogue:
    return ActorCatalogue.load()


@pytest.fixture(scope="module")
def sources(catalogue) -> DocumentSources:
    return DocumentSources(catalogue, TEXT)


def said(index: int, name: str, start: int, canonical: str | None = None, side: str | None = None) -> Claim:
    ref = SourceRef(name=name, canonical=canonical or source_name_key(name), side=side, span=(start, start + len(name)))
    return Claim(id=f"d:{index}", text="something happened", span=(start, start + 40),
                 sentence_span=(start, start + 40), source_chain=[ref])


@pytest.mark.parametrize("full, canonical, side, short", [
    ("Kremlin spokesman Dmitry Peskov", "Kremlin", "Russia", "the spokesman"),
    ("Kremlin spokesman Dmitry Peskov", "Kremlin", "Russia", "he"),
    ("regional governor Ivan Petrenko", "regional governor ivan petrenko", None, "the governor"),
    ("regional governor Ivan Petrenko", "regional governor ivan petrenko", None, "Petrenko"),
    ("a shop owner, Maria Kovalenko", "shop owner maria kovalenko", None, "she"),
])
def test_source_names_short_mention_takes_the_earlier_full_name(sources, full, canonical, side, short):
    claims = sources.resolve([said(0, full, 0, canonical, side), said(1, short, 100)])
    resolved = claims[1].source_chain[0]
    assert (resolved.name, resolved.canonical, resolved.side) == (short, canonical, side)


@pytest.mark.parametrize("first, later", [
    ("Kremlin spokesman Dmitry Peskov", "a local resident"),  # no word in common
    ("the mayor", "the mayor of another town nearby"),  # the longer name is a new source
])
def test_source_names_unrelated_names_stay_apart(sources, first, later):
    claims = sources.resolve([said(0, first, 0), said(1, later, 100)])
    assert claims[1].source_chain[0].canonical == source_name_key(later)


def test_source_names_only_an_earlier_name_is_an_antecedent(sources):
    claims = sources.resolve([said(0, "the spokesman", 0), said(1, "Kremlin spokesman Dmitry Peskov", 100, "Kremlin")])
    assert claims[0].source_chain[0].canonical == "spokesman"


def test_source_names_a_doer_introduces_a_source(sources):
    doer = Claim(id="d:0", text="Russia's defence ministry issued a list", span=(0, 39), sentence_span=(0, 39),
                 actors=[Actor(text="Russia's defence ministry", role="agent", span=(0, 25))])
    claims = sources.resolve([doer, said(1, "the ministry", 100)])
    assert claims[1].source_chain[0].canonical == "Ministry of Defence of the Russian Federation"


@pytest.mark.parametrize("text, short, canonical", [
    # a role named in a sentence no attribution was read from
    ("The depot was shelled again, Russian Defence Ministry spokesman Igor Ivanov reported on Monday. "
     "\"Two shells hit the roof,\" the spokesman said.", "the spokesman", "Ministry of Defence of the Russian Federation"),
    # a role in the lead is the person the text names after it
    ("Floodwater covered two villages overnight, the regional governor said.\n\n"
     "Governor Oleksandr Prokudin said rescue boats were on their way.", "the regional governor",
     "Kherson Regional Military Administration"),
    # one named before wins over one named after
    ("Russian Defence Ministry spokesman Igor Ivanov spoke first. The depot burned, the spokesman said. "
     "Kremlin spokesman Dmitry Peskov said nothing.", "the spokesman", "Ministry of Defence of the Russian Federation"),
    # the body owning the head word is named after it
    ("The statement of the United Nations was read out by a radio station. \"Both sides must let the "
     "convoy pass,\" the statement said.", "the statement", "United Nations"),
])
def test_source_names_role_named_in_the_text_around_its_head_word(catalogue, text, short, canonical):
    claims = DocumentSources(catalogue, text).resolve([said(0, short, text.index(short))])
    assert claims[0].source_chain[0].canonical == canonical


def test_source_names_a_generic_body_is_the_nearest_known_source(sources):
    claims = sources.resolve([said(0, "Kremlin spokesman Dmitry Peskov", 0, "Kremlin", "Russia"),
                                    said(1, "a local resident", 50), said(2, "the organization", 100)])
    assert claims[2].source_chain[0].canonical == "Kremlin"


def test_source_names_a_pronoun_skips_doers_that_name_nobody(sources):
    woman = said(0, "One woman, Olena Marchuk, 68", 0)
    flood = Claim(id="d:1", text="the flood destroyed the road", span=(50, 78), sentence_span=(50, 78),
                  actors=[Actor(text="the flood", role="agent", span=(50, 59))])
    claims = sources.resolve([woman, flood, said(2, "she", 100)])
    assert claims[2].source_chain[0].canonical == source_name_key("One woman, Olena Marchuk, 68")


def test_source_names_the_phrase_around_a_head_word_is_its_noun_phrase(catalogue):
    text = "The IAEA obtained excerpts of a document on Saturday. \"The roof held,\" the document said."
    at = text.index("the document")
    claims = DocumentSources(catalogue, text).resolve([said(0, "the document", at)])
    assert claims[0].source_chain[0].canonical == "document"  # the IAEA obtained it, did not write it


@pytest.mark.parametrize("message", ["the text of the message", "The report"])
def test_source_names_a_message_is_its_source_quoted_before(sources, message):
    owner = "the press service of the Valdonian Defense Ministry"
    claims = sources.resolve([said(0, owner, 0, "Ministry of Defence of Valdonia"), said(1, message, 200)])
    assert claims[1].source_chain[0].canonical == "Ministry of Defence of Valdonia"


def test_source_names_a_message_is_not_the_doer_named_before_it(sources):
    doer = Claim(id="d:1", text="the army shelled the plant", span=(100, 126), sentence_span=(100, 126),
                 actors=[Actor(text="The Armed Forces of Valdonia", role="agent", span=(100, 128))])
    owner = said(0, "the press service of the Dalmar administration", 0, "Dalmar administration")
    claims = sources.resolve([owner, doer, said(2, "the text of the message", 200)])
    assert claims[2].source_chain[0].canonical == "Dalmar administration"


def test_source_names_an_entity_is_read_from_the_tail_of_a_phrase(catalogue):
    text = "Rockets hit the depot. This was reported to journalists in the Russian Defense Ministry." + " " * 50
    claims = DocumentSources(catalogue, text).resolve([said(0, "The Ministry of Defense", 110)])
    assert claims[0].source_chain[0].canonical == "Ministry of Defence of the Russian Federation"


@pytest.mark.parametrize("filed_in, canonical", [("ENERGODAR", "Russian-installed Enerhodar administration"),
                                                 ("", "administration spokesperson")])
def test_source_names_a_local_body_is_the_dateline_towns(catalogue, filed_in, canonical):
    claims = DocumentSources(catalogue, TEXT, filed_in).resolve([said(0, "the administration spokesperson", 100)])
    assert claims[0].source_chain[0].canonical == canonical


def test_source_names_a_short_name_with_a_name_of_its_own_is_not_the_body_named_before(catalogue):
    text = "Ukraine's defence ministry said the dam held. " + " " * 100
    claims = DocumentSources(catalogue, text).resolve([said(0, "Russia's foreign ministry", 120)])
    assert claims[0].source_chain[0].canonical == source_name_key("Russia's foreign ministry")


@pytest.mark.parametrize("second_side, canonical", [("Russia", "Government of Ukraine"), (None, "both sides")])
def test_source_names_both_sides_are_the_two_sides_quoted(sources, second_side, canonical):
    ukraine = said(0, "Ukraine's defence ministry", 0, "Ministry of Defence of Ukraine", "Ukraine")
    other = said(1, "a foreign ministry", 100, side=second_side)
    claims = sources.resolve([ukraine, other, said(2, "Both sides", 200)])
    assert claims[2].source_chain[0].canonical == canonical
