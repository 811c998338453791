"""One line of a plan's text: its number (一、 （一） 1. （1） ①) and its labelled parts
(牵头单位：… 责任单位：… 完成时限：…), for desktop.core.plan_text."""

from __future__ import annotations

import re

_CN_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")}
_CN = "一二三四五六七八九十百零"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_STYLES = [   # (depth, pattern): the marker at the start of a line, its number in group 1
    (0, re.compile(rf"^第([{_CN}]+)(?:部分|章|篇)[\s、：:]*")),
    (1, re.compile(rf"^([{_CN}]+)\s*[、.．]\s*")),
    (2, re.compile(rf"^[（(]([{_CN}]+)[）)]\s*[、.．]?\s*")),
    (3, re.compile(r"^(\d{1,3})\s*(?:[.．、](?!\d)|[)）])\s*")),
    (4, re.compile(r"^[（(](\d{1,3})[）)]\s*[、.．]?\s*")),
    (5, re.compile(rf"^([{_CIRCLED}])\s*")),
]
LABELS = {
    "lead": r"牵头(?:责任)?(?:单位|部门)|主办(?:单位|部门)|主责(?:单位|部门)",
    "responsible": r"(?:责任|配合|协办|参与|实施|协同)(?:单位|部门)|责任主体",
    "deadline": r"(?:完成|整改|办结)(?:时限|时间|期限)|时限要求|时间要求|时间节点|时限",
    "target": r"整改目标|目标要求|工作目标",
    "supervisor": r"(?:责任|督办|牵头|分管|包抓)领导",
    "person": r"(?:具体)?责任人",
    "measures": r"整改措施|具体措施|工作措施|主要措施",
}
LABEL = re.compile(r"(?:^|(?<=[\s（(；;。，,]))(?:" + "|".join(
    f"(?P<{k}>{v})" for k, v in LABELS.items()) + r")\s*[：:]")
CARRIED = ("lead", "responsible", "deadline")
NOT_TITLE = re.compile(r"^(附件|附表)\s*[\d一二三四五六七八九十]*\s*[:：]?$|^[（(].*[）)]$|^[\d\s年月日.-]+$")


def chinese_number(text: str) -> int:
    """一 → 1, 十二 → 12, 二十三 → 23, 一百零五 → 105."""
    if not text:
        return 0
    if "百" in text:
        head, _, rest = text.partition("百")
        return chinese_number(head or "一") * 100 + chinese_number(rest.lstrip("零"))
    if "十" in text:
        head, _, rest = text.partition("十")
        return (_CN_DIGITS.get(head, 1) if head else 1) * 10 + (_CN_DIGITS.get(rest, 0) if rest else 0)
    return _CN_DIGITS.get(text, 0)


def numbered(line: str) -> tuple[int, int, str, str] | None:
    """(depth, number, marker, rest) of a numbered line; None for any other line."""
    for depth, pattern in _STYLES:
        m = pattern.match(line)
        if not m or not line[m.end():].strip():
            continue
        raw = m.group(1)
        number = (int(raw) if raw.isdigit() else _CIRCLED.index(raw) + 1 if raw in _CIRCLED
                  else chinese_number(raw))
        return depth, number, m.group(0).strip(), line[m.end():].strip()
    return None


def split_labels(text: str) -> tuple[str, dict[str, str]]:
    """The text before any label, and each label's value ("牵头单位：甲；责任单位：乙")."""
    matches = list(LABEL.finditer(text))
    if not matches:
        return text.strip(), {}
    attrs: dict[str, str] = {}
    for i, m in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        value = _trim(text[m.end():end])
        key = m.lastgroup or ""
        attrs[key] = "、".join(v for v in (attrs.get(key, ""), value) if v)
    return _trim(text[:matches[0].start()], keep_end=True), attrs


def _trim(value: str, keep_end: bool = False) -> str:
    value = value.strip().strip("；;，,").strip()
    if value.endswith(("（", "(")):
        value = value[:-1].strip()
    while value and value[-1] in "）)" and value.count("）") + value.count(")") > \
            value.count("（") + value.count("("):
        value = value[:-1].rstrip("；;。，, ")
    return value if keep_end else value.rstrip("。").strip()
