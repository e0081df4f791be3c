"""HTML pages through trafilatura, and HTML fragments flattened to text."""

from __future__ import annotations

import pytest

from claimgraph.read.document import Metadata
from claimgraph.read.errors import ReadError
from claimgraph.read.html import fragment_text, html_document, read_html


def test_html_page_text_and_metadata(page_html, settings):
    [document] = list(read_html(page_html, "page.html", settings))
    assert document.format == "html" and document.origin == "page.html"
    assert (document.author, document.outlet, document.published) == ("Peter Novak", "The Border Ledger", "2024-08-11")
    assert document.title == "Power cut after strike on substation"
    assert document.url == "https://border-ledger.example/2024/08/11/substation"
    assert "substation near the border" in document.text
    assert "All rights reserved" not in document.text and "Home" not in document.text


def test_html_fetched_url_beats_canonical_link(page_html):
    document = html_document(page_html.decode(), "crawl#record 2", "warc", Metadata(url="https://copy.example/a"))
    assert document.url == "https://copy.example/a"


def test_html_declared_charset_is_used(settings):
    page = ("<html><head><meta charset='windows-1251'></head><body><article><p>"
            + "Мост через реку был поврежден ночью, сообщили местные власти. " * 6 + "</p></article></body></html>")
    [document] = list(read_html(page.encode("windows-1251"), "ru.html", settings))
    assert document.text.startswith("Мост") and document.language == "ru"


def test_html_without_text_raises_read_error(settings):
    with pytest.raises(ReadError, match="no extractable text"):
        list(read_html(b"<html><body><div><img src='a.png'></div></body></html>", "empty.html", settings))


def test_html_fragment_text_one_line_per_block():
    fragment = "<p>First <b>bold</b> line.</p><script>var x;</script><p>Second &amp; last</p>tail<br>end"
    assert fragment_text(fragment) == "First bold line.\nSecond & last\ntail\nend"


@pytest.mark.parametrize("depth", [300, 5000])
def test_html_deep_nesting_is_read_as_plain_text(settings, depth, caplog):
    paragraph = "<p>The ferry to the island sailed at dawn on Monday, the harbour master said.</p>"
    page = (f"<html><head><title>Deep page</title><script>var x = 1;</script></head><body>{'<div>' * depth}"
            f"{paragraph}{'</div>' * depth}</body></html>")
    [document] = read_html(page.encode(), "deep.html", settings)
    assert document.text == "The ferry to the island sailed at dawn on Monday, the harbour master said."
    assert document.title == "Deep page" and document.format == "html"
    assert not [record for record in caplog.records if record.name.startswith("trafilatura")]
