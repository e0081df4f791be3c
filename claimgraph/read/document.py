"""Build a ``Document`` from extracted text and what the container knew about it."""

from __future__ import annotations

import re
from dataclasses import astuple, dataclass
from functools import lru_cache
from typing import Optional

import py3langid

from claimgraph.model import Document, ReadFailure
from claimgraph.read.header import Header, headline_and_byline, split_header
from claimgraph.read.normalise import document_id
from claimgraph.read.rules import format_rules, header_rules

WORD_CHARACTER = re.compile(r"\w")
# NUL, which no PostgreSQL text holds, and halves of surrogate pairs, which are no characters
UNSTORABLE = re.compile("[\x00\ud800-\udfff]")
NO_SEPARATOR = "[^\\s\u3000-\u303f\uff01-\uff65]"  # neither whitespace nor CJK punctuation
LEADING_BLANK_LINES = re.compile(r"\A(?:[ \t\f\v]*(?:\r\n|\r|\n))+")
LANGUAGE_SAMPLE_CHARS = 5000  # enough for a stable guess; long texts would only cost time


@dataclass(frozen=True)
class Metadata:
    """What a format (HTML meta tags, a JSON record, a feed entry, a WARC header) says."""

    url: Optional[str] = None
    outlet: Optional[str] = None
    author: Optional[str] = None
    published: Optional[str] = None
    title: Optional[str] = None


def strip_blank_lines(text: str) -> str:
    """Text without leading blank lines and trailing whitespace (inner text untouched)."""
    return LEADING_BLANK_LINES.sub("", text).rstrip()


def detect_language(text: str) -> str:
    language, _score = py3langid.classify(text[:LANGUAGE_SAMPLE_CHARS])
    return language


def find_dateline(body: str) -> Optional[re.Match[str]]:
    """A leading wire dateline ("KYIV (Meridian Wire) — …"; headers.yaml), the one place it
    is recognised: the Document carries its span, and its outlet when the format gave none."""
    return header_rules().dateline.match(body)


def find_openers(body: str) -> list[tuple[int, int]]:
    """Every dateline or heading in capitals that opens a paragraph and ends in a dash
    ("KURSK (Regional Desk) — ", "QUESTIONABLE CLAIMS — "; headers.yaml), the one place they are
    recognised: the Document carries their spans, and extraction leaves them out of claims."""
    return [found.span("opener") for found in header_rules().opener.finditer(body)]


def _unstorable_character(*values: Optional[str]) -> Optional[str]:
    """Why one of ``values`` cannot be stored as text (a NUL, a lone surrogate), if one cannot."""
    for value in values:
        found = UNSTORABLE.search(value) if value else None
        if found:
            return f"holds U+{ord(found.group()):04X} at character {found.start()}, which is not text"
    return None


@lru_cache(maxsize=1)
def _long_run() -> re.Pattern[str]:
    return re.compile(f"{NO_SEPARATOR}{{{format_rules().prose.long_run_chars + 1},}}")


def _not_prose(text: str) -> Optional[str]:
    """Why ``text`` is not prose (see ``prose`` in read/data/formats.yaml), if it is not."""
    rule = format_rules().prose
    in_long_runs = sum(found.end() - found.start() for found in _long_run().finditer(text))
    if in_long_runs <= rule.most_in_long_runs * len(text):
        return None
    return (f"not prose: {in_long_runs:,} of its {len(text):,} characters stand in runs of more than "
            f"{rule.long_run_chars} without a space")


def make_document(text: str, origin: str, fmt: str, meta: Metadata = Metadata(),
                  plain_text: bool = False) -> Document | ReadFailure:
    """A Document for ``text`` with id, language and metadata set.

    Only plain text is searched for a header line: text extracted from markup starts
    with a headline, which in title case can look like "Analysis by Some Names".  Plain text
    without a header may open with its headline and a byline: they give title and author.
    """
    unstorable = _unstorable_character(text, *astuple(meta))
    if unstorable:
        return ReadFailure(origin=origin, message=unstorable)
    header, body = split_header(text) if plain_text else (Header(), text)
    title = meta.title
    if plain_text and header == Header():
        headline, header = headline_and_byline(body)
        title = title or headline
    body = strip_blank_lines(body)
    if not WORD_CHARACTER.search(body):
        return ReadFailure(origin=origin, message="no text (no words outside a header)")
    not_prose = _not_prose(body)
    if not_prose:
        return ReadFailure(origin=origin, message=not_prose)
    dateline = find_dateline(body)
    return Document(
        id=document_id(body), text=body, url=meta.url,
        outlet=meta.outlet or (dateline.group("outlet").strip() if dateline and dateline.group("outlet") else None),
        author=meta.author or header.author, published=meta.published or header.published,
        title=title, genre=header.genre, language=detect_language(body),
        origin=origin, format=fmt, dateline=dateline.span() if dateline else None, openers=find_openers(body),
    )
