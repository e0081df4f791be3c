import pytest

from claimgraph.extract.boilerplate import is_boilerplate, without_boilerplate
from claimgraph.model import Claim, Document


@pytest.mark.parametrize("line", [
    "Reporting by Anna Kovalenko in Kyiv; Editing by Daniel Mercer",
    "Writing by Sergei Volkov",
    "(Reporting by Anna Kovalenko; Writing by Sergei Volkov; Editing by Daniel Mercer)",
    "Published: Mon 12 Aug 2024, 09:15 AM Last updated",
    "Satellite image of the bridge. Orbital Imaging/Handout via REUTERS/File Photo",
    "Share this article",
    "Read more: the bridge that fell",
])
def test_boilerplate_page_furniture_is_recognised(line):
    assert is_boilerplate(line)


@pytest.mark.parametrize("line", [
    "Reporters saw smoke rising over the bridge on Monday.",
    "The governor said the bridge was published on a map of targets.",
    "Follow-up strikes hit the same district, officials said.",
    "By Tuesday evening the fire had been put out.",
])
def test_boilerplate_claims_about_the_world_are_kept(line):
    assert not is_boilerplate(line)


def test_boilerplate_claims_cut_from_furniture_are_dropped_and_the_text_kept():
    text = "Rockets hit the bridge on Monday.\nReporting by Anna Kovalenko; Editing by Daniel Mercer"
    document = Document(id="d", text=text)
    credit = text.index("Reporting")
    claims = [Claim(id="d:0", text="Rockets hit the bridge on Monday", span=(0, 32), sentence_span=(0, 33)),
              Claim(id="d:1", text="Editing by Daniel Mercer", span=(credit + 30, len(text)),
                    sentence_span=(credit, len(text)))]
    assert [c.id for c in without_boilerplate(document, claims)] == ["d:0"] and document.text == text
