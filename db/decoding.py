"""Rows of the register as dicts, their JSON columns decoded: what db.records.decode does row by
row, done once per column for a whole query (a monthly sheet reads some 30,000 unit lists).

A list of texts met before (the same units on thousands of rows) is decoded once and handed out
as a new list each time, so a caller changing one row's list changes no other row's.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence

_decode = json.JSONDecoder().decode


def decoded_rows(names: Sequence[str], records: Iterable[Sequence], json_fields) -> list[dict]:
    out = [dict(zip(names, r)) for r in records]
    for name in [n for n in names if n in json_fields]:
        texts: dict[str, list] = {}
        for row in out:
            value = row[name]
            if not isinstance(value, str):
                continue
            known = texts.get(value)
            if known is not None:
                row[name] = known.copy()
                continue
            parsed = _decode(value)
            if type(parsed) is list and all(type(x) is str for x in parsed):
                texts[value] = parsed.copy()
            row[name] = parsed
    return out
