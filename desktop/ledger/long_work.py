"""Progress and cancel callbacks for long exports and collections (the window shows a progress
dialog; the command line passes none)."""

from __future__ import annotations

from collections.abc import Callable


class Cancelled(Exception):
    """The clerk cancelled; the transaction was rolled back and nothing changed."""


Progress = Callable[[int, int, str], None]
Cancel = Callable[[], bool]


def checkpoint(done: int, total: int, what: str, *, progress: Progress | None,
               cancel: Cancel | None, cancelled: str) -> None:
    """Report progress; raise Cancelled (with the Chinese message `cancelled`) if asked to stop."""
    if cancel is not None and cancel():
        raise Cancelled(cancelled)
    if progress is not None:
        progress(done, total, what)
