"""The per-document stage: what it cuts from claims before resolving them."""

from __future__ import annotations

from claimgraph.model import Claim, Document, Place, SourceRef
from claimgraph.read.normalise import document_id
from claimgraph.stage import outside_dateline


def document(text: str, dateline: tuple[int, int] | None = None) -> Document:
    return Document(id=document_id(text), text=text, language="en", published="2024-08-12", origin="en.txt",
                    dateline=dateline)


def test_stage_dateline_is_not_part_of_the_claim():
    text = "STOCKHOLM (Baltic Evening Post) — More than 76,000 people left Sudzha district."
    doc = document(text, dateline=(0, text.index("More")))
    places = [Place(text="STOCKHOLM", span=(0, 9)), Place(text="Sudzha", span=(text.index("Sudzha"),
                                                                                 text.index("Sudzha") + 6))]
    claim = Claim(id=f"{doc.id}:0", text=text, span=(0, len(text)), sentence_span=(0, len(text)), places=places)
    [kept] = outside_dateline(doc, [claim])
    assert [p.text for p in kept.places] == ["Sudzha"]
    assert kept.text == "More than 76,000 people left Sudzha district." == text[kept.span[0]:kept.span[1]]


def test_stage_a_city_and_colon_dateline_is_no_source():
    text = "ODESA: Two ferries were damaged in the port overnight."
    doc = document(text, dateline=(0, text.index("Two")))
    claim = Claim(id=f"{doc.id}:0", text=text, span=(0, len(text)), sentence_span=(0, len(text)), status="reported",
                  source_chain=[SourceRef(name="ODESA", cue=":", span=(0, 5))])
    [kept] = outside_dateline(doc, [claim])
    assert (kept.source_chain, kept.status, kept.text) == ([], "asserted", "Two ferries were damaged in the port overnight.")


def test_stage_reads_the_documents_dateline_and_recognises_none_itself():
    text = "KYIV (Meridian Wire) — Officials said the bridge was hit."
    claim = Claim(id="d:0", text=text, span=(0, len(text)), sentence_span=(0, len(text)))
    assert outside_dateline(document(text), [claim]) == [claim]  # reading found no dateline: none is cut


class Recording:
    """An extractor stand-in that records which documents it was given."""

    def __init__(self):
        self.seen: list[str] = []

    def extract_many(self, docs, batch_size=32):
        for doc in docs:
            self.seen.append(doc.language)
            yield doc, []


def stage_with_recorders(languages: str = "en,ru"):
    from claimgraph.settings import Settings
    from claimgraph.stage import DocumentStage

    stage = DocumentStage(Settings.load(languages=languages))
    stage.__dict__.update(extractor=Recording(), russian_extractor=Recording())  # the cached properties
    return stage


def test_stage_routes_each_language_to_its_extractor_in_order():
    stage = stage_with_recorders()
    docs = [document(f"text {n}").model_copy(update={"language": language})
            for n, language in enumerate(["en", "ru", None, "ru", "de"])]
    extracted = stage._extract_batch(docs)
    assert [doc.language for doc, _ in extracted] == ["en", "ru", None, "ru", "de"]  # the batch's order
    assert stage.extractor.seen == ["en", None] and stage.russian_extractor.seen == ["ru", "ru"]


def test_stage_a_language_left_out_of_the_setting_is_not_read():
    stage = stage_with_recorders(languages="en")
    stage._extract_batch([document("текст").model_copy(update={"language": "ru"})])
    assert stage.russian_extractor.seen == [] and stage.extractor.seen == []
