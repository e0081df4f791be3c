"""Bytes to str, with failures that say where the bad byte is."""

from __future__ import annotations

import codecs
import re
from typing import Optional

from claimgraph.read.errors import ReadError

UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
DECLARED_CHARSET = re.compile(rb"""(?:charset|encoding)\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def decode_text(data: bytes, encoding: str = "utf-8", offset: int = 0) -> str:
    """Decode, raising ReadError with the file offset (``offset`` + position) of a bad byte."""
    try:
        return data.decode(encoding).removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        bad = data[error.start:error.start + 1].hex()
        raise ReadError(f"not valid {_label(encoding)}: byte 0x{bad} at offset {offset + error.start}") from None
    except LookupError:
        raise ReadError(f"unknown character encoding {encoding!r}") from None


def _label(encoding: str) -> str:
    return "UTF-8" if codecs.lookup(encoding).name == "utf-8" else encoding


def declared_charset(data: bytes) -> Optional[str]:
    """The charset an HTML/XML head declares (meta tag or XML declaration), if any."""
    match = DECLARED_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii").lower() if match else None


def as_utf8(data: bytes) -> bytes:
    """UTF-16 text (recognised by its byte-order mark) re-encoded as UTF-8; other bytes as they are."""
    if data.startswith(UTF16_BOMS):
        return decode_text(data, "utf-16").encode("utf-8")
    return data

