"""WARC archives: response records through the HTML reader; damage reported once."""

from __future__ import annotations

import pytest

from claimgraph.read.errors import ReadError
from claimgraph.read.warc import read_warc
from tests.read.support import build_warc, http_response, split_results as split, warc_record

PAGES = ("https://a.example/1", "https://a.example/2")


@pytest.mark.parametrize("compress", [False, True])
def test_warc_responses_become_documents(page_html, settings, compress):
    data = build_warc(dict.fromkeys(PAGES, page_html), compress=compress)
    documents, failures = split(read_warc(data, "crawl.warc", settings))
    assert failures == []
    assert [(d.origin, d.url) for d in documents] == [("crawl.warc#record 2", PAGES[0]), ("crawl.warc#record 4", PAGES[1])]
    assert documents[0].format == "warc" and documents[0].published == "2024-08-11"  # page date beats crawl date
    assert documents[0].author == "Peter Novak"


def test_warc_plain_text_response_is_read(settings):
    record = warc_record("https://a.example/notes", http_response(b"By Anna Smith\n\nThe ferry sailed.", "text/plain"))
    [document] = read_warc(record, "notes.warc", settings)
    assert (document.text, document.author, document.published) == ("The ferry sailed.", "Anna Smith", "2024-08-15T06:00:00+00:00")


@pytest.mark.parametrize("compress", [False, True])
def test_warc_every_cut_gives_at_most_one_failure(page_html, settings, compress):
    data = build_warc(dict.fromkeys(PAGES, page_html), compress=compress)
    for cut in range(len(data) // 3, len(data) - 10, 97):
        documents, failures = split(read_warc(data[:cut], "cut.warc", settings))
        assert len(failures) == 1, cut
        assert failures[0].origin.startswith("cut.warc") and len(documents) <= 1


def test_warc_garbage_after_records_is_reported(page_html, settings):
    data = build_warc({PAGES[0]: page_html}) + b"this is not a record\r\n\r\n"
    documents, [failure] = split(read_warc(data, "tail.warc", settings))
    assert len(documents) == 1 and failure.origin == "tail.warc"


def test_warc_without_pages_raises(settings):
    record = warc_record("https://a.example/logo.png", http_response(b"\x89PNG\r\n", "image/png"))
    with pytest.raises(ReadError, match="no readable"):
        list(read_warc(record, "images.warc", settings))


def test_warc_library_error_fails_only_its_record(page_html, settings, monkeypatch):
    import claimgraph.read.html as html_module

    extract = html_module.trafilatura.bare_extraction

    def choke_on_second(html, **options):
        if "Hundreds" in html:
            raise RuntimeError("parser gave up\non this page")
        return extract(html, **options)

    monkeypatch.setattr(html_module.trafilatura, "bare_extraction", choke_on_second)
    data = build_warc({PAGES[0]: page_html, PAGES[1]: page_html.replace(b"Thousands", b"Hundreds")})
    documents, [failure] = split(read_warc(data, "crawl.warc", settings))
    assert [d.url for d in documents] == [PAGES[0]]
    assert failure.origin == "crawl.warc#record 4" and failure.message == "unexpected RuntimeError: parser gave up on this page"


def test_warc_nul_in_charset_fails_only_its_record(page_html, settings):
    bad = warc_record(PAGES[0], http_response(page_html, "text/html; charset=utf\x00-8"))
    data = bad + build_warc({PAGES[1]: page_html})
    documents, [failure] = split(read_warc(data, "crawl.warc", settings))
    assert [d.url for d in documents] == [PAGES[1]]
    assert failure.origin == "crawl.warc#record 1" and failure.message.startswith("unknown character encoding")
