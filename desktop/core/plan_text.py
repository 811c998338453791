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

from desktop.core.plan_lines import CARRIED, LABEL, NOT_TITLE, numbered, split_labels

_HEADING_MAX = 40          # a heading is short: longer items are problems in their own words

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
            elif not title and not LABEL.search(line) and not NOT_TITLE.match(line):
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
