"""Word's automatic list numbering written out: a paragraph numbered by Word (w:numPr) carries no
"一、" or "1." in its text, so the number Word shows is worked out from the document's numbering
definitions (numFmt, lvlText, start) and put in front of the text, as a clerk sees it."""

from __future__ import annotations

from docx.oxml.ns import qn

_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_DIGITS = "零一二三四五六七八九"


def chinese(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 23 → 二十三 (up to 99)."""
    tens, ones = divmod(n, 10)
    if n < 10:
        return _DIGITS[n]
    return (_DIGITS[tens] if tens > 1 else "") + "十" + (_DIGITS[ones] if ones else "")


def _formatted(n: int, fmt: str) -> str:
    if fmt.startswith("chineseCounting") or fmt in ("ideographDigital", "japaneseCounting"):
        return chinese(n)
    if fmt.startswith("decimalEnclosedCircle") and 1 <= n <= len(_CIRCLED):
        return _CIRCLED[n - 1]
    if fmt in ("upperLetter", "lowerLetter") and 1 <= n <= 26:
        return chr((65 if fmt == "upperLetter" else 97) + n - 1)
    return str(n)


def _val(element, tag: str, default: str = "") -> str:
    child = element.find(qn(tag)) if element is not None else None
    return child.get(qn("w:val"), default) if child is not None else default


class Numbering:
    """The list numbers of one document, counted paragraph by paragraph in order."""

    def __init__(self, document):
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}   # numId → level → format
        self.counters: dict[str, list[int]] = {}
        self.styles: dict[str, tuple[str, int]] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        self.styles = _style_numbering(document)
        abstract = {a.get(qn("w:abstractNumId")): a for a in root.iterchildren(qn("w:abstractNum"))}
        for num in root.iterchildren(qn("w:num")):
            definition = abstract.get(_val(num, "w:abstractNumId"))
            if definition is None:
                continue
            self.levels[num.get(qn("w:numId"))] = {
                int(lvl.get(qn("w:ilvl"), "0")): (_val(lvl, "w:numFmt", "decimal"),
                                                  _val(lvl, "w:lvlText"),
                                                  int(_val(lvl, "w:start", "1") or 1))
                for lvl in definition.iterchildren(qn("w:lvl"))}

    def marker(self, p) -> str:
        """The number Word shows before paragraph p ("" when it has none)."""
        ppr = p.find(qn("w:pPr"))
        numpr = ppr.find(qn("w:numPr")) if ppr is not None else None
        num_id, level = _val(numpr, "w:numId"), int(_val(numpr, "w:ilvl", "0") or 0)
        if numpr is None:       # numbered through its style (标题 1, 标题 2 with list numbers)
            num_id, level = self.styles.get(_val(ppr, "w:pStyle"), ("", 0))
        levels = self.levels.get(num_id)
        if not levels or level not in levels or levels[level][0] in ("bullet", "none"):
            return ""
        counts = self.counters.setdefault(num_id, [0] * 9)
        start = levels[level][2]
        counts[level] = counts[level] + 1 if counts[level] else start
        for deeper in range(level + 1, len(counts)):
            counts[deeper] = 0
        text = levels[level][1]
        for k in range(level, -1, -1):
            fmt, _, first = levels.get(k, ("decimal", "", 1))
            text = text.replace(f"%{k + 1}", _formatted(counts[k] or first, fmt))
        return text


def _style_numbering(document) -> dict[str, tuple[str, int]]:
    """styleId → (numId, level) for paragraph styles that carry list numbering themselves
    (following basedOn to the style that names it)."""
    try:
        styles = document.styles.element
    except (KeyError, NotImplementedError, AttributeError):
        return {}
    own: dict[str, tuple[str, int] | None] = {}
    based: dict[str, str] = {}
    for style in styles.iterchildren(qn("w:style")):
        sid = style.get(qn("w:styleId"))
        ppr = style.find(qn("w:pPr"))
        numpr = ppr.find(qn("w:numPr")) if ppr is not None else None
        if numpr is not None and _val(numpr, "w:numId"):
            own[sid] = (_val(numpr, "w:numId"), int(_val(numpr, "w:ilvl", "0") or 0))
        based[sid] = _val(style, "w:basedOn")
    out = {}
    for sid in based:
        seen, cur = set(), sid
        while cur and cur not in own and cur not in seen:
            seen.add(cur)
            cur = based.get(cur, "")
        if cur in own and own[cur]:
            out[sid] = own[cur]
    return out
