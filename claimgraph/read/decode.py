"""Bytes to str, with failures that say where the bad byte is.

Text is UTF-8 unless a charset is declared; a text that is neither is decoded in the legacy
encoding charset-normalizer finds among ``read/data/encodings.yaml``, and refused only when
none reads cleanly.
"""

from __future__ import annotations

import codecs
import logging
import re
from typing import Optional

from claimgraph.read.errors import ReadError
from claimgraph.read.rules import encoding_rules

log = logging.getLogger(__name__)

UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
DECLARED_CHARSET = re.compile(rb"""(?:charset|encoding)\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def decode_text(data: bytes, encoding: Optional[str] = None, offset: int = 0) -> str:
    """Decode with ``encoding`` (a declared charset), or without one UTF-8, else the legacy
    encoding the bytes read cleanly in; ReadError gives the file offset (``offset`` +
    position) of the first byte that is not valid."""
    try:
        return data.decode(encoding or "utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        detected = None if encoding else detected_text(data)
        if detected is not None:
            return detected
        bad = data[error.start:error.start + 1].hex()
        raise ReadError(f"not valid {_label(encoding or 'utf-8')}{'' if encoding else ' nor any known encoding'}: "
                        f"byte 0x{bad} at offset {offset + error.start}") from None
    except (LookupError, ValueError):  # ValueError: a name no codec can have ("utf\x00-8")
        raise ReadError(f"unknown character encoding {encoding!r}") from None


def detected_text(data: bytes) -> Optional[str]:
    """``data`` decoded in the candidate encoding it reads most cleanly in, or None."""
    from charset_normalizer import from_bytes  # imported here: only non-UTF-8 input needs it

    rules = encoding_rules()
    best = from_bytes(data, cp_isolation=list(rules.candidates)).best()
    if best is None or best.chaos > rules.max_chaos:
        return None
    log.info("decoded as %s (not UTF-8, no charset declared)", best.encoding)
    return str(best)


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

