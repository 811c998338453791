"""Field versions: how a merge tells "only one side changed this" from "both sides did".

Each merged field of a carried row has a version: a token and the tokens it descends from.
Tokens are made from content (the item, the field, the value and the parent tokens), so two
registers that imported the same ledger on their own start from the same tokens, and the same
resolution made on both sides gives the same token. Versions are brought up to date lazily:
when a package is made or merged, a field whose value no longer matches its stored hash was
changed here since, and gets a new token descending from the old one. So every path that writes
the register (imports, forms, the window, later features) is covered without hooks.

Comparing my version with theirs: the same token → nothing to do; my token among their
ancestors → take theirs; their token among mine → keep mine; otherwise both changed (a conflict
unless the values are equal).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

SAME, TAKE, KEEP, BOTH = "same", "take", "keep", "both"


def canonical(value) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:20]


def value_hash(value) -> str:
    return _digest(canonical(value))


@dataclass(frozen=True)
class Version:
    hash: str
    token: str
    history: tuple[str, ...] = ()

    def as_json(self) -> list:
        return [self.hash, self.token, list(self.history)]

    @classmethod
    def from_json(cls, data: list) -> Version:
        return cls(data[0], data[1], tuple(data[2]))


def made(item: str, name: str, value, parents: tuple[str, ...] = (),
         history: tuple[str, ...] = ()) -> Version:
    token = _digest(item, name, canonical(value), ",".join(sorted(parents)))
    return Version(value_hash(value), token, tuple(sorted(set(history) | set(parents))))


UNKNOWN = object()   # the value a row was created with, when nothing records it


def refreshed(item: str, name: str, value, stored: Version | None, root=UNKNOWN) -> Version:
    """The field's version now: unchanged, a new token after a local edit, or a first one
    (from the value the row was created with, when the audit trail still knows it)."""
    if stored is not None:
        if stored.hash == value_hash(value):
            return stored
        return made(item, name, value, (stored.token,), stored.history)
    first = made(item, name, value if root is UNKNOWN else root)
    return first if first.hash == value_hash(value) else made(item, name, value, (first.token,))


def compare(mine: Version, theirs: Version) -> str:
    if mine.token == theirs.token:
        return SAME
    if mine.token in theirs.history:
        return TAKE
    if theirs.token in mine.history:
        return KEEP
    return BOTH


def taken(mine: Version, theirs: Version) -> Version:
    """Their version, knowing mine too."""
    return Version(theirs.hash, theirs.token,
                   tuple(sorted(set(theirs.history) | set(mine.history) | {mine.token})))


def resolved(item: str, name: str, value, mine: Version, theirs: Version) -> Version:
    """After both sides changed a field: the chosen value descends from both (the same token on
    whichever side the same choice is made)."""
    return made(item, name, value, (mine.token, theirs.token),
                tuple(set(mine.history) | set(theirs.history)))
