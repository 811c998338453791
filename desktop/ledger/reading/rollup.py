"""Group roll-ups: a group's sheet that gathers its members' ledgers, each member numbering its
problems from 1 again. A code met again under another unit is another problem: such sheets key
their problems by unit and code ("甲公司-3"), which the import report says.

The unit a row belongs to is read from the column that names it (所属单位, 所属责任公司, 被督察单位,
单位名称, 填报单位, 属地), else from the first unit column; without such a column a sheet is taken
for a roll-up only when codes come again under other units more than once.
"""

from __future__ import annotations

import re

from desktop.ledger.reading.cellvalues import cell_text
from desktop.ledger.reading.grid import Grid
from desktop.ledger.reading.layout import Column, Layout

_OWNER = re.compile(r"所属|被(督察|督查|检查|审计|巡视|巡察)|单位名称|填报单位|^单位$|属地|责任主体|"
                    r"^(公司|企业|子公司|成员企业)(名称)?$|^(二级|三级|下属|基层|成员|直属)(单位|企业|公司)")
_UNIT_FIELDS = ("lead_units", "responsible_units")


def owner_column(layout: Layout) -> tuple[Column | None, bool]:
    """The column naming the unit each row belongs to, and whether its header says so (所属单位)
    rather than it being merely the first unit column."""
    units = sorted((c for f in _UNIT_FIELDS for c in layout.by_field.get(f, [])),
                   key=lambda c: c.index)
    owners = [c for c in units if any(_OWNER.search(p) for p in (c.parts or (c.header,)))]
    return (owners or units or [None])[0], bool(owners)


def is_rollup(repeats: int, owner_named: bool) -> bool:
    """Codes met again under other units make a roll-up when the sheet has a column naming each
    row's unit, or when it happens more than once: one stray repeat in an ordinary ledger
    (under another lead unit) stays a duplicate, skipped and listed."""
    return repeats >= (1 if owner_named else 2)


def owner_unit(grid: Grid, column: Column | None, r: int) -> str:
    """The unit row r belongs to, as written (white space dropped)."""
    if column is None:
        return ""
    return re.sub(r"\s+", "", cell_text(grid.value(r, column.index)))[:40]


def unit_code(unit: str, code: str) -> str:
    return f"{unit}-{code}" if unit else code


def rollup_note(example: str) -> str:
    return (f"问题编号在不同单位下重复出现（多个单位的台账汇总在一张表中，各单位分别编号），已按“单位-编号”"
            f"区分各问题，如“{example}”。再次导入同一汇总表时按同样的方式对应。")
