"""Choose a reader by looking at the bytes (the extension only breaks ties)."""

from __future__ import annotations

import json
import re
import zlib
from functools import lru_cache
from pathlib import PurePath
from typing import Optional

from claimgraph.read.rules import format_rules

SNIFF_BYTES = 8192
WARC_MAGIC = b"WARC/"
GZIP_MAGIC = b"\x1f\x8b"
NUL = b"\x00"  # never in UTF-8 text, HTML, JSON or XML, so it marks binary data
# XML declaration, comments, doctype and processing instructions before the root element
MARKUP_PROLOGUE = re.compile(r"\A(?:\s+|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>)*", re.DOTALL | re.IGNORECASE)
ROOT_ELEMENT = re.compile(r"<(?:[\w.-]+:)?([\w.-]+)")
FIRST_NON_BLANK_LINE = re.compile(rb"\s*([^\n]*)")


def is_warc(data: bytes) -> bool:
    """WARC magic at the start, plain or inside a gzip member."""
    if data.startswith(GZIP_MAGIC):
        try:
            data = zlib.decompressobj(zlib.MAX_WBITS | 16).decompress(data[:SNIFF_BYTES], len(WARC_MAGIC))
        except zlib.error:
            return False
    return data.startswith(WARC_MAGIC)


def sniff_format(data: bytes, name: str = "") -> Optional[str]:
    """'warc', 'feed', 'html', 'jsonl' or 'text'; None for binary data that is none of them."""
    if is_warc(data):
        return "warc"
    if NUL in data or data.startswith(GZIP_MAGIC):  # only gzip'd WARC is read compressed
        return None
    head = data[:SNIFF_BYTES].decode("utf-8", errors="replace").lstrip("\ufeff")
    by_content = _markup_format(head) or _jsonl_format(data) or "text"
    if by_content == "text":
        return format_rules().extensions.get(_extension(name), "text")
    return by_content


def unreadable_reason(data: bytes) -> str:
    """Why ``sniff_format`` found no format: one line for a ReadFailure."""
    if data.startswith(GZIP_MAGIC):
        return "gzip-compressed file that is not a WARC archive (decompress it first)"
    return f"binary file (NUL byte at offset {data.find(NUL)}): not text, HTML, JSON lines, RSS/Atom or WARC"


def _extension(name: str) -> str:
    return PurePath(name.split("#", 1)[0]).suffix.lower()


def _markup_format(head: str) -> Optional[str]:
    body = head[MARKUP_PROLOGUE.match(head).end():]
    root = ROOT_ELEMENT.match(body)
    if root:
        return "feed" if root.group(1).lower() in format_rules().feed_roots else "html"
    return "html" if len(_html_tag().findall(head)) >= format_rules().html_tags_needed else None


@lru_cache(maxsize=1)
def _html_tag() -> re.Pattern[str]:
    names = "|".join(format_rules().html_tags)
    return re.compile(rf"</?(?:{names})\b[^<>]*>", re.IGNORECASE)


def _jsonl_format(data: bytes) -> Optional[str]:
    first_line = FIRST_NON_BLANK_LINE.match(data).group(1)  # no copy of the rest of a large file
    try:
        return "jsonl" if isinstance(json.loads(first_line), dict) else None
    except ValueError:  # includes undecodable bytes: then it is not JSON lines either
        return None
