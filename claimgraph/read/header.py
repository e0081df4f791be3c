"""Parse metadata header lines at the top of a plain-text document.

The seed's shape is ``date 2024-08-09 Guest Post by Miriam Judith``; variations
(``Published: …``, ``By NAME``) are described in ``data/headers.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from itertools import islice
from typing import Optional

from claimgraph.read.rules import header_rules

NON_BLANK_LINE = re.compile(r"^.*\S.*$", re.MULTILINE)


@dataclass(frozen=True)
class Header:
    published: Optional[str] = None
    genre: Optional[str] = None
    author: Optional[str] = None

    def merged(self, other: "Header") -> "Header":
        """This header with gaps filled from ``other`` (earlier lines win)."""
        return Header(self.published or other.published, self.genre or other.genre,
                      self.author or other.author)


def parse_date(text: str) -> Optional[str]:
    """ISO date for a header date in one of the configured formats, else None."""
    cleaned = re.sub(r"[.,]", "", " ".join(text.split()))
    for fmt in header_rules().date_formats:
        try:
            return datetime.strptime(cleaned, fmt).date().isoformat()
        except ValueError:
            continue
    return None


def _is_name(author: Optional[str]) -> bool:
    if author is None:
        return True
    first_word = author.split()[0].lower()
    return first_word not in header_rules().not_names


def parse_header_line(line: str) -> Optional[Header]:
    """The metadata in one header line, or None when the line is not a header."""
    for pattern in header_rules().lines:
        match = pattern.fullmatch(line.strip())
        if match and _is_name(match.groupdict().get("author")):
            return _header_from(match.groupdict())
    return None


def _header_from(groups: dict[str, Optional[str]]) -> Header:
    genre = groups.get("genre")
    return Header(
        published=parse_date(groups["date"]) if groups.get("date") else None,
        genre=" ".join(genre.lower().split()) if genre else None,
        author=groups.get("author"),
    )


def split_header(text: str) -> tuple[Header, str]:
    """The header parsed from the first non-blank lines of ``text``, and the text after it."""
    header, header_end = Header(), 0
    for line in islice(NON_BLANK_LINE.finditer(text), header_rules().max_lines):
        parsed = parse_header_line(line.group(0))
        if parsed is None:
            break
        header, header_end = header.merged(parsed), line.end()
    return header, text[header_end:]


def headline_and_byline(text: str) -> tuple[Optional[str], Header]:
    """A plain-text article that opens with its headline, then a byline ("By Anna Smith"): the
    headline as title and the byline's metadata; (None, empty header) for any other opening.
    Both lines stay in the text (the headline is read for claims, and offsets point into it)."""
    lines = [match.group(0).strip() for match in islice(NON_BLANK_LINE.finditer(text), 2)]
    if len(lines) < 2 or not _is_headline(lines[0]) or parse_header_line(lines[0]) is not None:
        return None, Header()
    byline = parse_header_line(lines[1])
    return (lines[0], byline) if byline is not None and byline.author else (None, Header())


def _is_headline(line: str) -> bool:
    """Short, and not closed by a full stop as a sentence of the body would be."""
    return len(line.split()) <= header_rules().headline_max_words and not line.endswith(".")

