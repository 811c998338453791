"""Numbered items written inside one cell ("1.…；2.…", "（1）…（2）…", "1、…", "①…②…").

Each item of a numbered measure cell is a measure of its own (DOMAIN.md). A cell is split only
when its numbering starts at 1 at the very beginning and counts up one by one, so "1.5万吨" or a
date like "2022.6.30" inside the text never splits it.
"""

from __future__ import annotations

import re

_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_CHINESE = "一二三四五六七八九十"
_MARKER = re.compile(
    r"(?:(?:^|(?<=[；;。\n\r\s，,]))[ \t\u3000]*"
    r"(?:(?P<arabic>\d{1,2})\s*[.、．](?:(?!\d)|(?=(?:19|20)\d\d))|(?P<chinese>[" + _CHINESE + r"])、))"
    r"|[（(](?P<paren>\d{1,2})[）)]"
    r"|(?P<circled>[" + _CIRCLED + r"])"
    r"|[（(](?P<cparen>[" + _CHINESE + r"])[）)]")
_TRAILING = "；;。，,、 \t\n\r\u3000"


def _number(match: re.Match[str]) -> tuple[str, int]:
    for family in ("arabic", "paren", "circled", "chinese", "cparen"):
        text = match.group(family)
        if text is None:
            continue
        if family in ("arabic", "paren"):
            return family, int(text)
        if family == "circled":
            return family, _CIRCLED.index(text) + 1
        return family, _CHINESE.index(text) + 1
    return "", 0


def split_numbered(text: str) -> list[str]:
    """The items of a numbered cell, without their numbers; the whole text when not numbered."""
    text = (text or "").strip()
    if not text:
        return []
    kept: list[re.Match[str]] = []
    family = ""
    for match in _MARKER.finditer(text):
        fam, number = _number(match)
        if not kept:
            if number != 1 or text[:match.start()].strip():
                return [text]
            family = fam
            kept.append(match)
        elif fam == family and number == len(kept) + 1:
            kept.append(match)
    if not kept:
        return [text]
    items = []
    for i, match in enumerate(kept):
        end = kept[i + 1].start() if i + 1 < len(kept) else len(text)
        item = text[match.end():end].strip(_TRAILING)
        if item:
            items.append(item)
    return items or [text]
