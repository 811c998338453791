"""Random small sheets (header words, status words, deadlines, numbers, dates, blanks, random
merges): reading them either gives a reading or refuses with LedgerRefused, never anything else;
and what is read can be committed, and committed again, without error."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from desktop.ledger.errors import LedgerRefused
from desktop.ledger.importing.importer import commit_reading, read_ledger
from desktop.ledger.reading.grid import Grid, _plain
from desktop.ledger.reading.layout import find_layout
from desktop.ledger.reading.ledger import LedgerReading
from desktop.ledger.reading.vocabulary import PETITION_RULES, PROBLEM_RULES

WORDS = ["序号", "问题编号", "编号", "问题描述", "反馈问题", "整改措施", "措施序号", "整改时限", "完成时限",
         "责任单位", "牵头单位", "配合单位", "督办领导", "责任人", "整改进展", "整改状态", "是否完成整改",
         "是否销号", "完成进度（%）", "类别", "整改目标", "受理编号", "交办时间", "举报内容", "行政区域",
         "污染类型", "是否属实", "办结情况", "备注", "整改落实情况", "1月进展", "2月进展"]
CORE = ["问题描述", "反馈问题", "整改措施", "受理编号", "举报内容", "问题名称"]
VALUES = ["已完成", "按序时推进", "滞后", "未启动", "已销号", "是", "否", "√", "×", "属实", "不属实",
          "已办结", "阶段性办结", "2022年6月底前", "2022年2月30日", "立行立改", "长期坚持", "每年",
          "2024年底前，并长期坚持", "视情况", "1.措施一；2.措施二", "（1）甲（2）乙", "①", "一、水污染",
          "（一）", "合计", "小计", "注：说明", "填报人：张三", "县住建局、县财政局；城关镇", "各市（州）政府",
          "D2XX202104080012", "一-1", "HJ2021-03", "１２", "3.", "²", "60%", "150%", "=SUM(A1)", "#N/A",
          "\n", " ", "截至2022年3月31日", "附件2"]
TEXT = st.text(alphabet="一二三问题整改措施单位局镇1234567890.、；（）()-/ \n①²", max_size=12)
CELL = st.one_of(
    st.none(), st.none(), st.sampled_from(WORDS), st.sampled_from(VALUES), TEXT,
    st.integers(-10, 100_000), st.floats(-1e20, 1e20, allow_nan=False), st.sampled_from([2021.12, 0.6, 44742.0]),
    st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)),
    st.datetimes(dt.datetime(1950, 1, 1), dt.datetime(2090, 1, 1)), st.booleans())


@st.composite
def sheets(draw) -> tuple[list[list], list[tuple[int, int, int, int]]]:
    height, width = draw(st.integers(1, 14)), draw(st.integers(1, 7))
    rows = [[draw(CELL) for _ in range(width)] for _ in range(height)]
    for _ in range(draw(st.integers(0, 2))):     # header-like rows, so that most sheets are read
        words = draw(st.lists(st.one_of(st.sampled_from(WORDS), st.none()),
                              min_size=width, max_size=width))
        words[draw(st.integers(0, width - 1))] = draw(st.sampled_from(CORE))
        rows[draw(st.integers(0, height - 1))] = words
    merges: list[tuple[int, int, int, int]] = []
    taken: set[tuple[int, int]] = set()
    for _ in range(draw(st.integers(0, 4))):
        r0, c0 = draw(st.integers(0, height - 1)), draw(st.integers(0, width - 1))
        r1, c1 = draw(st.integers(r0, height - 1)), draw(st.integers(c0, width - 1))
        cells = {(r, c) for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)}
        if len(cells) > 1 and not cells & taken:
            taken |= cells
            merges.append((r0, c0, r1, c1))
    return rows, merges


FIELDS = sorted({f for _, f in PROBLEM_RULES + PETITION_RULES} | {""})


@settings(max_examples=500, deadline=None)
@given(sheets(), st.dictionaries(st.sampled_from("ABCDEFG"), st.sampled_from(FIELDS), max_size=4))
def test_any_grid_reads_without_error_even_with_the_clerks_mapping(sheet, mapping):
    rows, merges = sheet
    grid = Grid("表", [[_plain(v) for v in row] for row in rows], merges)
    layout = find_layout(grid)
    if layout is None:
        return
    reading = LedgerReading(Path("随机.xlsx"), grid.name, [grid.name], grid, layout)
    reading.parse()
    for issue in reading.warnings + reading.errors:
        assert issue.sheet == "表" and issue.row >= 1 and issue.column, issue
    reading.apply_mapping(mapping)


def _write(path: Path, rows: list[list], merges: list) -> Path:
    wb = Workbook()
    ws = wb.active
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row, start=1):
            cell = ws.cell(r, c, value)
            if isinstance(value, str):
                cell.data_type = "s"         # text as text, even "=SUM(A1)" and "#N/A"
    for r0, c0, r1, c1 in merges:
        ws.merge_cells(start_row=r0 + 1, start_column=c0 + 1, end_row=r1 + 1, end_column=c1 + 1)
    wb.save(path)
    return path


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sheets())
def test_any_workbook_reads_or_is_refused_and_commits_twice(register, tmp_path, sheet):
    path = _write(tmp_path / "随机 台账.xlsx", *sheet)
    try:
        reading = read_ledger(path)
    except LedgerRefused as exc:
        assert str(exc)
        return
    event(f"{reading.kind}, {len(reading.records)} records")
    first = commit_reading(register, reading)
    again = commit_reading(register, read_ledger(path))
    if first.committed and not first.errors:
        assert again.problems_created == again.petitions_created == 0
        assert again.problems_updated == again.petitions_updated == 0
