"""A plan's own text (整改方案, 工作要点) read as numbered items with their units and deadlines.

    plan = read_plan(lines)     # lines of text: a .docx's paragraphs or text pasted by the clerk

Items are numbered 第一部分 / 一、 / （一） / 1. / （1） / ①, each style one level deeper than
the one before it in that order. Lines such as 牵头单位：… 责任单位：… 完成时限：… (on their own
line, or inside the item's text, often in brackets) belong to the item above them; other
unnumbered lines continue its text.

Which items are problems: an item that names its units or deadline, or has such a sibling, is
a problem; the items under a problem are its measures. A short item without units whose items
below name units is a heading, and becomes the category of the problems under it. Items with
nothing of that kind under them (指导思想, 工作目标, …) are the plan's preamble and are left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

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
_LABEL = re.compile(r"(?:^|(?<=[\s（(；;。，,]))(?:" + "|".join(
    f"(?P<{k}>{v})" for k, v in LABELS.items()) + r")\s*[：:]")
CARRIED = ("lead", "responsible", "deadline")
_NOT_TITLE = re.compile(r"^(附件|附表)\s*[\d一二三四五六七八九十]*\s*[:：]?$|^[（(].*[）)]$|^[\d\s年月日.-]+$")
_HEADING_MAX = 40


@dataclass
class PlanItem:
    depth: int
    number: int
    marker: str                         # as written: "一、", "（1）"
    line: int                           # 1-based line of the text
    text: str = ""                      # the numbered line without marker and labels
    body: list[str] = field(default_factory=list)      # unnumbered lines that continue it
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[PlanItem] = field(default_factory=list)

    def carries(self) -> bool:
        return any(self.attrs.get(k) for k in CARRIED)

    def anything_below(self) -> bool:
        return any(c.carries() or c.anything_below() for c in self.children)

    def full_text(self) -> str:
        return "".join([self.text, *self.body])


@dataclass
class PlanMeasure:
    content: str
    line: int
    attrs: dict[str, str] = field(default_factory=dict)


@dataclass
class PlanProblem:
    code: str
    number: int
    line: int
    title: str
    description: str
    category: str
    attrs: dict[str, str]
    measures: list[PlanMeasure] = field(default_factory=list)


@dataclass
class PlanText:
    title: str = ""
    items: int = 0                      # numbered items found, problems or not
    problems: list[PlanProblem] = field(default_factory=list)
    preamble: list[PlanItem] = field(default_factory=list)    # left out, for the report


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
    matches = list(_LABEL.finditer(text))
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


def _tree(lines: list[str]) -> tuple[str, list[PlanItem], int]:
    """The numbered items as a tree; the title is the first unnumbered line before them."""
    title, roots, stack, count = "", [], [], 0
    for n, raw in enumerate(lines, start=1):
        line = raw.strip().replace("\u3000", " ")
        if not line:
            continue
        found = numbered(line)
        if found is None:
            if stack:
                _continue(stack[-1], line)
            elif not title and not _LABEL.search(line) and not _NOT_TITLE.match(line):
                title = line
            continue
        depth, number, marker, rest = found
        item = PlanItem(depth, number, marker, n)
        item.text, item.attrs = split_labels(rest)
        count += 1
        while stack and stack[-1].depth >= depth:
            stack.pop()
        (stack[-1].children if stack else roots).append(item)
        stack.append(item)
    return title, roots, count


def _continue(item: PlanItem, line: str) -> None:
    text, attrs = split_labels(line)
    if text:
        item.body.append(text)
    for key, value in attrs.items():
        item.attrs[key] = "、".join(v for v in (item.attrs.get(key, ""), value) if v)


def _is_heading(item: PlanItem) -> bool:
    return (not item.carries() and item.anything_below()
            and len(item.text) <= _HEADING_MAX and "。" not in item.text.rstrip("。"))


def _title_and_description(item: PlanItem) -> tuple[str, str]:
    text, body = item.text, "".join(item.body)
    if body and len(text) <= _HEADING_MAX:
        return text.rstrip("。").strip(), body
    head, dot, rest = text.partition("。")
    if dot and rest.strip() and len(head) <= _HEADING_MAX:
        return head.strip(), rest.strip() + body
    if len(text) <= _HEADING_MAX and not body:
        return text.rstrip("。"), ""
    return "", text + body


def _measures(item: PlanItem) -> list[PlanMeasure]:
    out = []
    if item.attrs.get("measures"):
        out.append(PlanMeasure(item.attrs["measures"], item.line))
    for child in item.children:
        below = "".join(f"{g.marker}{g.full_text()}" for g in _flat(child.children))
        out.append(PlanMeasure(child.full_text() + below, child.line, dict(child.attrs)))
    return [m for m in out if m.content]


def _flat(items: list[PlanItem]) -> list[PlanItem]:
    return [x for item in items for x in (item, *_flat(item.children))]


def _problems(items: list[PlanItem], category: str, path: tuple[str, ...], plan: PlanText) -> None:
    sibling_carries = any(i.carries() for i in items)
    for item in items:
        if _is_heading(item):
            _problems(item.children, item.text.rstrip("。"), (*path, item.marker), plan)
        elif item.carries() or sibling_carries or item.anything_below():
            title, description = _title_and_description(item)
            plan.problems.append(PlanProblem(
                str(item.number), item.number, item.line, title, description, category,
                {k: v for k, v in item.attrs.items() if k != "measures"}, _measures(item)))
            plan.problems[-1].code = "-".join([*(_mark_number(m) for m in path), str(item.number)])
        else:
            plan.preamble.append(item)


def _mark_number(marker: str) -> str:
    return re.sub(r"[^一二三四五六七八九十百零\d①-⑳]", "", marker).removeprefix("第") or marker


def _lift_trailing(items: list[PlanItem]) -> None:
    """Unit lines written after a problem's measures ("1.… 2.… 牵头单位：…") read as the last
    measure's; when no other measure names units, they are the problem's."""
    for item in items:
        _lift_trailing(item.children)
        kids = item.children
        if item.carries() or len(kids) < 2 or not kids[-1].carries() or kids[-1].children:
            continue
        if not any(k.carries() for k in kids[:-1]):
            item.attrs.update({k: v for k, v in kids[-1].attrs.items() if k != "measures"})
            kids[-1].attrs = {k: v for k, v in kids[-1].attrs.items() if k == "measures"}


def read_plan(lines: list[str]) -> PlanText:
    """The problems (with measures, units, deadlines) of a plan's numbered text."""
    title, roots, count = _tree(lines)
    _lift_trailing(roots)
    plan = PlanText(title=title, items=count)
    _problems(roots, "", (), plan)
    numbers = [p.number for p in plan.problems]
    if len(set(numbers)) == len(numbers):      # numbered once through: the number is the code
        for p in plan.problems:
            p.code = str(p.number)
    return plan
