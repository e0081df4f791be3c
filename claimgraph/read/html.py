"""HTML pages: main text and metadata through trafilatura (offline, no fetching)."""

from __future__ import annotations

from collections.abc import Iterator

import lxml.html
import trafilatura

from claimgraph.model import Document, ReadFailure
from claimgraph.read.decode import decode_text, declared_charset
from claimgraph.read.document import Metadata, make_document
from claimgraph.read.errors import ReadError
from claimgraph.read.rules import load_rules
from claimgraph.settings import Settings


def read_html(data: bytes, origin: str, settings: Settings) -> Iterator[Document | ReadFailure]:
    yield html_document(decode_html(data), origin, "html")


def decode_html(data: bytes, charset: str | None = None) -> str:
    """Decode with the charset given (e.g. by HTTP) or declared in the page, else as a text
    declaring none (UTF-8, else the encoding detected: see decode.decode_text)."""
    return decode_text(data, charset or declared_charset(data))


def html_document(html: str, origin: str, fmt: str, known: Metadata = Metadata()) -> Document | ReadFailure:
    """The page's main text as a Document; metadata found in the page wins over ``known``,
    except the URL: where the page was fetched beats its canonical link, which for a
    syndicated copy names the original outlet."""
    extracted = trafilatura.bare_extraction(html, url=known.url, with_metadata=True, include_comments=False)
    if extracted is None or not (extracted.text or "").strip():
        raise ReadError("HTML with no extractable text")
    found = Metadata(url=known.url or extracted.url, outlet=extracted.sitename or known.outlet,
                     author=extracted.author or known.author, published=extracted.date or known.published,
                     title=extracted.title or known.title)
    return make_document(extracted.text, origin, fmt, found)


def fragment_text(fragment: str) -> str:
    """Text of an HTML fragment (a feed entry's content), one line per block element.

    trafilatura looks for a page's main content and returns nothing for a short
    fragment, so fragments are flattened directly.
    """
    if not fragment.strip():
        return ""
    root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    rules = load_rules("formats")
    for element in list(root.iter(*rules["non_text_tags"])):
        element.drop_tree()
    for element in root.iter(*rules["block_tags"]):
        element.tail = "\n" + (element.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line)
