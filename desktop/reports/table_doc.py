"""A printable document made of a title, a few lines of text and one table: the flagged list
(挂牌督办清单) and the 督办通知单 are both drawn from this, to PDF (desktop.ui.supervision) and to
Excel (desktop.reports.table_xlsx).

    TableDoc(title, lines, columns, weights, rows, colours, signature)
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class TableDoc:
    title: str
    lines: list[str]                      # under the title: unit, date, a paragraph …
    columns: tuple[str, ...]
    weights: tuple[int, ...]              # relative printed widths of the columns
    rows: list[tuple[str, ...]]
    colours: list[str] = field(default_factory=list)   # per row: an alerts colour name or ""
    signature: list[str] = field(default_factory=list)  # lines after the table
    landscape: bool = True
    sheet_name: str = "清单"
