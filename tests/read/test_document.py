"""Building a Document: header off, blank lines stripped, id and language set."""

from __future__ import annotations

import pytest

from claimgraph.model import Document, ReadFailure
from claimgraph.read.document import Metadata, make_document, strip_blank_lines
from claimgraph.read.normalise import document_id


def test_document_keeps_original_characters_and_offsets():
    text = "\n \ndate 2024-08-10 Report by Anna Smith\n\n  \u201cWe advanced,\u201d he said.  \n\n"
    document = make_document(text, "memo.txt", "text", plain_text=True)
    assert document.text == "  \u201cWe advanced,\u201d he said."
    assert document.id == document_id(document.text)
    assert (document.published, document.genre, document.author) == ("2024-08-10", "report", "Anna Smith")


def test_document_container_metadata_wins_over_header():
    meta = Metadata(author="Desk Editor", published="2024-08-12", url="https://x.example/a")
    document = make_document("By Anna Smith\n\nThe convoy arrived.", "items.jsonl#line 1", "jsonl", meta, plain_text=True)
    assert (document.author, document.published, document.url) == ("Desk Editor", "2024-08-12", meta.url)


def test_document_non_english_is_kept_and_marked():
    document = make_document("Die Brücke über den Fluss wurde in der Nacht beschädigt, sagten die Behörden.",
                             "de.txt", "text")
    assert isinstance(document, Document) and document.language == "de"


def test_document_english_is_marked_en():
    assert make_document("The bridge over the river was damaged overnight, officials said.", "a", "text").language == "en"


def test_document_without_words_is_a_failure():
    result = make_document("date 2024-08-10 Report by Anna Smith\n\n  \n", "only-header.txt", "text", plain_text=True)
    assert isinstance(result, ReadFailure) and result.origin == "only-header.txt"


def test_document_strip_blank_lines_keeps_inner_text():
    assert strip_blank_lines("\n\t\n  first line\n\n second\n\n \n") == "  first line\n\n second"


def test_document_text_from_markup_keeps_a_byline_like_headline():
    headline = "Analysis by Western Officials Shows Gains"
    document = make_document(f"{headline}\nThe front moved east.", "page.html", "html")
    assert document.text.startswith(headline) and document.genre is None


@pytest.mark.parametrize("text, dateline, outlet", [
    ("KYIV (Meridian Wire) — Ukraine's air force said on Monday…", "KYIV (Meridian Wire) — ", "Meridian Wire"),
    ("NEW YORK, Aug. 12 (Harbor News) -- Officials said…", "NEW YORK, Aug. 12 (Harbor News) -- ", "Harbor News"),
    ("NEW YORK,  (Harbor News) – Officials said…", "NEW YORK,  (Harbor News) – ", "Harbor News"),
    ("Officials in Sumy (a northern city) said…", None, None),
    ("ODESA: Two ferries were damaged…", "ODESA: ", None),
])
def test_document_carries_its_dateline_span_and_outlet(text, dateline, outlet):
    document = make_document(text, "wire.txt", "text")
    assert (document.text[slice(*document.dateline)] if document.dateline else None) == dateline
    assert document.outlet == outlet


@pytest.mark.parametrize("text, openers", [
    ("KYIV (Meridian Wire) — Talks resumed.", ["KYIV (Meridian Wire) —"]),
    # after a title line, and a region, a date and the outlet after the place
    ("Ferry service resumes\n\nPORTVILLE, Maine, Sept. 26 (Coast Desk) - The ferry sailed.",
     ["PORTVILLE, Maine, Sept. 26 (Coast Desk) -"]),
    # a copy that dropped the date kept its comma and spaces
    ("Ferry service resumes\n\nPORTVILLE,  (Coast Desk) – The ferry sailed.", ["PORTVILLE,  (Coast Desk) –"]),
    # a section heading in capitals, each paragraph's own
    ("The mayor spoke.\n  HARBOUR WORKS STALLED — Cranes stood idle.\nFERRIES: 5/12 -- Two sailed.",
     ["HARBOUR WORKS STALLED —", "FERRIES: 5/12 --"]),
    # a hyphen inside words, a dash inside a sentence, lower-case words: no opener
    ("NATO-led crews said so.\nUSA TODAY's tally of non-profit groups grew.\nThe port — closed — reopened.", []),
    ("ODESA: Two ferries were damaged.", []),  # no dash: the wire dateline only (Document.dateline)
])
def test_document_carries_every_dateline_and_heading_opening_a_paragraph(text, openers):
    document = make_document(text, "wire.txt", "text")
    assert [document.text[start:end] for start, end in document.openers] == openers


def test_document_plain_text_headline_and_byline_are_title_and_author_and_stay_in_the_text():
    text = "Ferry service resumes after storm\n\nBy Anna Smith\n\nThe ferry sailed at noon."
    document = make_document(text, "ferry.txt", "text", plain_text=True)
    assert (document.title, document.author) == ("Ferry service resumes after storm", "Anna Smith")
    assert document.text == text


def test_document_without_spaces_is_refused_as_not_prose():
    blob = "".join(chr(ord("a") + (n * 7919) % 26) for n in range(2_000_000))
    failure = make_document(blob, "blob.txt", "text", plain_text=True)
    assert isinstance(failure, ReadFailure) and failure.message.startswith("not prose: 2,000,000 of its 2,000,000")


def test_document_prose_in_any_script_is_prose():
    for text in ("The ferry sailed at dawn, the harbour master said. " * 50,
                 "渡轮在黎明时分启航，港务长说。随后又有两艘船跟随。" * 50,
                 "See https://example.org/reports/2024/08/ferry-sailed-at-dawn-harbour-master-says for more. " * 20):
        assert isinstance(make_document(text, "prose.txt", "text"), Document)
