"""One exception tree.  Messages say what went wrong, where, and what to do."""

from __future__ import annotations


class RealpolitikError(Exception):
    """Base of every error realpolitik raises on purpose."""


class UsageError(RealpolitikError):
    """The command was called wrongly (exit code 2)."""


class InputError(RealpolitikError):
    """A bad input record: names the file and line it came from."""

    def __init__(self, message: str, *, origin: str | None = None, line: int | None = None):
        self.origin = origin
        self.line = line
        where = origin or "<input>"
        if line is not None:
            where = f"{where}:{line}"
        super().__init__(f"{where}: {message}")
        self.reason = message


class DataError(RealpolitikError):
    """A packaged or user-supplied data file (dictionary, ontology, actor file) is malformed."""


class StoreError(RealpolitikError):
    """The event store cannot be opened or written."""


class NotResolved(RealpolitikError):
    """An actor mention that resolves to nothing on the given date."""
