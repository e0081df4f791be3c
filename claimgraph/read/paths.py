"""Command-line inputs (files, folders, "-") to the bytes each one holds."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from claimgraph.read.errors import ReadError, too_large

STDIN = "-"
STDIN_ORIGIN = "<stdin>"  # how stdin is named in Document.origin and failures


def expand_paths(paths: Iterable[str | Path]) -> Iterator[str]:
    """Files as given, folders as their non-hidden files (recursive, sorted), "-" as is."""
    for path in paths:
        path = str(path)
        if path != STDIN and os.path.isdir(path):
            yield from _folder_files(path)
        else:
            yield path


def _folder_files(folder: str) -> list[str]:
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = [name for name in dirs if not name.startswith(".")]  # prune: never walk hidden dirs
        found.extend(os.path.join(root, name) for name in files if not name.startswith("."))
    return sorted(found)


def origin_of(path: str) -> str:
    return STDIN_ORIGIN if path == STDIN else path


def load_bytes(path: str, max_bytes: int) -> bytes:
    """The bytes of a file or of stdin, refusing more than ``max_bytes`` before reading them."""
    if path == STDIN:
        return _limited(sys.stdin.buffer.read(max_bytes + 1), max_bytes)  # one byte more tells "too large"
    try:
        size = os.path.getsize(path)
        if size > max_bytes:
            raise too_large(size, max_bytes)
        return Path(path).read_bytes()
    except OSError as error:
        raise ReadError(error.strerror or str(error)) from None


def _limited(data: bytes, max_bytes: int) -> bytes:
    if len(data) > max_bytes:
        raise too_large(len(data), max_bytes, exact=False)
    return data
