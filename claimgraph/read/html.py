"""HTML pages: main text and metadata through trafilatura (offline, no fetching)."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import replace
from html.parser import HTMLParser

import trafilatura

from claimgraph.model import Document, ReadFailure
from claimgraph.read.decode import decode_text, declared_charset
from claimgraph.read.document import Metadata, make_document
from claimgraph.read.errors import ReadError
from claimgraph.read.rules import format_rules
from claimgraph.settings import Settings

# trafilatura warns of the pages it gives up on; a page it gives up on is read as plain text
# here, or reported as a failure naming the file, so its warnings are only noise on stderr.
logging.getLogger("trafilatura").setLevel(logging.ERROR)


def read_html(data: bytes, origin: str, settings: Settings) -> Iterator[Document | ReadFailure]:
    yield html_document(decode_html(data), origin, "html")


def decode_html(data: bytes, charset: str | None = None) -> str:
    """Decode with the charset given (e.g. by HTTP) or declared in the page, else as a text
    declaring none (UTF-8, else the encoding detected: see decode.decode_text)."""
    return decode_text(data, charset or declared_charset(data))


def html_document(html: str, origin: str, fmt: str, known: Metadata = Metadata()) -> Document | ReadFailure:
    """The page's main text as a Document; metadata found in the page wins over ``known``,
    except the URL: where the page was fetched beats its canonical link, which for a
    syndicated copy names the original outlet.

    A page trafilatura finds no text in (markup nested past libxml2's 255 levels is cut
    there) is read as plain text: every text outside scripts and styles, a line per block."""
    extracted = trafilatura.bare_extraction(html, url=known.url, with_metadata=True, include_comments=False)
    if extracted is None or not (extracted.text or "").strip():
        return _plain_page(html, origin, fmt, known)
    found = Metadata(url=known.url or extracted.url, outlet=extracted.sitename or known.outlet,
                     author=extracted.author or known.author, published=extracted.date or known.published,
                     title=extracted.title or known.title)
    return make_document(extracted.text, origin, fmt, found)


def _plain_page(html: str, origin: str, fmt: str, known: Metadata) -> Document | ReadFailure:
    reader = TextOfMarkup()
    text = reader.text_of(html)
    if not text:
        raise ReadError("HTML with no extractable text")
    return make_document(text, origin, fmt, replace(known, title=known.title or reader.title or None))


def fragment_text(fragment: str) -> str:
    """Text of an HTML fragment (a feed entry's content), one line per block element.

    trafilatura looks for a page's main content and returns nothing for a short
    fragment, so fragments are flattened directly.
    """
    return TextOfMarkup().text_of(fragment)


class TextOfMarkup(HTMLParser):
    """Every text of some HTML outside scripts and styles, a line per block element, and the
    page's <title>.  A tokenizer, not a tree: however deep the nesting, it reads it all in
    one pass (lxml stops building a tree 255 levels down)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        rules = format_rules()
        self.block_tags, self.non_text_tags = rules.block_tags, rules.non_text_tags
        self.parts: list[str] = []
        self.hidden = 0  # depth inside non-text elements
        self.in_title = False
        self.title = ""

    def text_of(self, markup: str) -> str:
        self.feed(markup)
        self.close()
        lines = (" ".join(line.split()) for line in "".join(self.parts).splitlines())
        return "\n".join(line for line in lines if line)

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.hidden += tag in self.non_text_tags
        self.in_title = tag == "title"
        if tag in self.block_tags:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        self.hidden = max(0, self.hidden - (tag in self.non_text_tags))
        self.in_title = False
        if tag in self.block_tags:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title += " ".join(data.split())
        elif not self.hidden:
            self.parts.append(data)
