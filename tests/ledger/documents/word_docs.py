"""Word documents in the shapes offices send, built with python-docx for the import tests."""

from __future__ import annotations

import json
from pathlib import Path

import docx

from tests.conftest import SAMPLES

HEADER = ["序号", "反馈问题", "整改目标", "整改措施", "整改时限", "牵头单位", "责任单位"]
# (problem, target, lead, responsible, [(measure, deadline)])
PROBLEMS = [
    ("城区生活污水直排河道", "消除直排口", "县住建局", "县环保局、城关镇",
     [("排查全部排口并建立台账", "2022年6月底前"), ("新建截污管网5公里", "2022年12月底前"),
      ("建立长效巡查机制", "长期坚持")]),
    ("工业园区污水处理厂超标排放", "稳定达标", "县工信局", "园区管委会",
     [("提标改造处理工艺", "2023年6月30日前"), ("安装在线监测设备", "立行立改")]),
    ("畜禽养殖粪污处理设施不完善", "综合利用率达90%", "县农业农村局", "各乡镇人民政府",
     [("配套建设粪污处理设施", "2022年底前"), ("开展专项执法检查", "2022年9月底前"),
      ("推广种养结合模式", "2023年底前"), ("建立日常监管台账", "长期坚持")]),
    ("饮用水水源保护区内违章建筑", "全部拆除", "县水利局", "县自然资源局",
     [("拆除违章建筑12处", "2022年8月底前")]),
]


def _problem_rows(table, start: int, items) -> None:
    """One row per measure; the problem's cells merged down over its measures (vMerge)."""
    r = start
    for seq, (problem, target, lead, resp, measures) in items:
        first = r
        for measure, deadline in measures:
            row = table.add_row().cells
            row[3].text, row[4].text = measure, deadline
            r += 1
        for c, value in enumerate([str(seq), problem, target, None, None, lead, resp]):
            if value is None:
                continue
            top = table.cell(first, c)
            if r - 1 > first:
                top = top.merge(table.cell(r - 1, c))
            top.text = value


def _table(document, items):
    table = document.add_table(rows=1, cols=len(HEADER))
    for cell, word in zip(table.rows[0].cells, HEADER):
        cell.text = word
    _problem_rows(table, 1, items)
    return table


def problem_list(path: Path, *, split_at: int = 2) -> Path:
    """问题清单: a title, then the table over two pages, its header repeated on the second."""
    document = docx.Document()
    document.add_paragraph("附件1")
    document.add_paragraph("中央生态环境保护督察反馈问题整改清单")
    numbered = list(enumerate(PROBLEMS, start=1))
    _table(document, numbered[:split_at])
    document.add_page_break()
    document.add_paragraph("续表")
    _table(document, numbered[split_at:])
    document.add_paragraph("注：整改时限以省督察整改办要求为准。")
    document.save(path)
    return path


def work_points() -> list[dict]:
    return json.loads((SAMPLES / "seed_2020_work_points.json").read_text("utf-8"))


def work_points_text() -> list[str]:
    """The 2020 work plan's text in its numbered shape: 一、category; 1.title。content; units."""
    numerals = "一二三四五六七八九十"
    lines = ["2020年全省生态环境保护工作要点", "",
             "为深入贯彻落实生态文明建设部署，现提出2020年工作要点如下。"]
    categories = list(dict.fromkeys(p["category"] for p in work_points()))
    for n, category in enumerate(categories):
        lines.append(f"{numerals[n]}、{category}")
        for p in (p for p in work_points() if p["category"] == category):
            lines += [f"{p['no']}.{p['title']}。{p['content']}",
                      f"牵头单位：{p['lead_units']}", f"责任单位：{p['responsible_units']}"]
    return lines


def plan_docx(path: Path, lines: list[str]) -> Path:
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    document.save(path)
    return path


_NUMBERING = """<w:abstractNum {ns} w:abstractNumId="90">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>
</w:abstractNum>"""


def auto_numbered_docx(path: Path, items: list[tuple[int | None, str]], *,
                       by_style: bool = False) -> Path:
    """Paragraphs numbered by Word itself (list level 0 "一、", level 1 "1."), not typed; with
    by_style the numbering sits in two paragraph styles (as 标题 1 / 标题 2 often carry it)."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.insert(0, parse_xml(_NUMBERING.format(ns=nsdecls("w"))))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    styles = {}
    if by_style:
        from docx.enum.style import WD_STYLE_TYPE

        for level in (0, 1):
            style = document.styles.add_style(f"方案{level + 1}级", WD_STYLE_TYPE.PARAGRAPH)
            style.element.get_or_add_pPr().append(parse_xml(
                f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>'))
            styles[level] = style
    for level, text in items:
        paragraph = document.add_paragraph(text)
        if level is not None and by_style:
            paragraph.style = styles[level]
        elif level is not None:
            ppr = paragraph._p.get_or_add_pPr()
            ppr.append(parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/>'
                                 '<w:numId w:val="90"/></w:numPr>'))
    document.save(path)
    return path
