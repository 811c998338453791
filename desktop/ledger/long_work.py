"""Progress and cancel callbacks for long exports and collections (the window shows a progress
dialog; the command line passes none); lasting_objects() for bulk reading and writing."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager


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


@contextmanager
def lasting_objects(first_generation: int = 50_000) -> Iterator[None]:
    """Bulk work whose objects all live on (reading a ledger of thousands of rows, committing it):
    the cyclic collector would otherwise re-scan the growing heap every 700 new objects. It runs
    less often meanwhile (the same rules, 5–10 % of an import's time saved) and as before after."""
    before = gc.get_threshold()
    gc.set_threshold(max(first_generation, before[0]), *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)
