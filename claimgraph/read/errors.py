"""The one exception readers raise for input they cannot read, and its ReadFailure.

A reader raises ``ReadError`` saying what is wrong; whoever knows the origin (the file,
or the file and record) turns it into a ``ReadFailure`` naming it, and reading goes on.
"""

from claimgraph.model import ReadFailure


class ReadError(Exception):
    """The input cannot be read; the message is one human-readable line."""


def too_large(size: int, limit: int, exact: bool = True) -> ReadError:
    """The refusal for input over the ``max_file_bytes`` setting."""
    amount = f"{size:,}" if exact else f"more than {limit:,}"
    return ReadError(f"input is {amount} bytes, over the limit of {limit:,} (setting max_file_bytes)")


def as_failure(origin: str, error: Exception) -> ReadFailure:
    """The failure for ``origin``; any other exception is a library choking on odd input."""
    if isinstance(error, ReadError):
        return ReadFailure(origin=origin, message=str(error))
    detail = " ".join(str(error).split())  # failures are one line
    return ReadFailure(origin=origin, message=f"unexpected {type(error).__name__}: {detail}")
