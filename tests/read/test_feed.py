"""RSS and Atom feeds: one document per entry, the feed title as outlet."""

from __future__ import annotations

import pytest

from claimgraph.model import Document, ReadFailure
from claimgraph.read.errors import ReadError
from claimgraph.read.feed import read_feed


def test_feed_rss_entries(good_dir, settings):
    first, second = read_feed((good_dir / "feed.rss").read_bytes(), "feed.rss", settings)
    assert (first.outlet, first.author, first.title) == ("Frontier Wire", "Marta Lind", "Evacuation buses leave border town")
    assert first.url == "https://frontier-wire.example/evacuation-buses"
    assert first.published.startswith("2024-08-12T08:15:00")
    assert first.text.splitlines()[0].startswith("Twelve buses") and "<p>" not in first.text
    assert second.origin == "feed.rss#record 2" and second.text.startswith("The grain terminal")


def test_feed_atom_entry(good_dir, settings):
    [entry] = read_feed((good_dir / "feed.atom").read_bytes(), "feed.atom", settings)
    assert (entry.outlet, entry.author, entry.format) == ("Valley Monitor", "Omar Haddad", "feed")
    assert entry.published.startswith("2024-08-14T07:45") and entry.text.endswith("Lorries will still need a permit.")


def test_feed_broken_xml_keeps_recovered_entries_and_fails_once(settings):
    data = (b"<rss><channel><title>T</title><item><title>A</title><description>The ferry sailed."
            b"</description></item><item><title>B</title><description>Cut off")
    results = list(read_feed(data, "cut.rss", settings))
    assert [r.title for r in results if isinstance(r, Document)] == ["A"]
    [failure] = [r for r in results if isinstance(r, ReadFailure)]
    assert failure.origin == "cut.rss" and "well-formed" in failure.message


def test_feed_entry_without_text_is_a_failure(settings):
    data = b"<rss><channel><item><title>Only a title</title></item></channel></rss>"
    [failure] = read_feed(data, "thin.rss", settings)
    assert isinstance(failure, ReadFailure) and failure.origin == "thin.rss#record 1"


def test_feed_without_entries_raises(settings):
    with pytest.raises(ReadError, match="no entries"):
        list(read_feed(b"<rss><channel><title>Empty</title></channel></rss>", "empty.rss", settings))


def rss_items(*descriptions: str) -> bytes:
    items = "".join(f"<item><title>Item {number}</title><description>{text}</description></item>"
                    for number, text in enumerate(descriptions, start=1))
    return f'<?xml version="1.0"?><rss><channel><title>Test Wire</title>{items}</channel></rss>'.encode()


@pytest.mark.parametrize("reference", ["&#xD800;", "&#55296;", "&#x0;", "&#1;", "&#x110000;", "&#xFFFE;"])
def test_feed_bad_character_reference_fails_only_its_item(settings, reference):
    data = rss_items("The ferry sailed at dawn.", f"The bridge {reference} was closed.", "The market reopened.")
    results = list(read_feed(data, "wire.rss", settings))
    assert [r.text for r in results if isinstance(r, Document)] == ["The ferry sailed at dawn.", "The market reopened."]
    [failure] = [r for r in results if isinstance(r, ReadFailure)]
    assert failure.origin == "wire.rss#record 2" and reference in failure.message


def test_feed_bad_character_reference_in_its_title_keeps_the_items(settings):
    data = rss_items("The ferry sailed at dawn.").replace(b"Test Wire", b"Test &#xDFFF; Wire")
    [document, failure] = read_feed(data, "wire.rss", settings)
    assert document.text == "The ferry sailed at dawn." and (failure.origin, "&#xDFFF;" in failure.message) == ("wire.rss", True)
