"""Where things go on the printed monthly sheet: page geometry and pagination (no painting).

    paginate(row_heights, body_height=, header_height=, first_body_height=,
             signature_height=) -> [PagePlan]

Page 1 carries the title block (and the charts, when there is room for them); the table
follows, its header row repeated at the top of every page it runs onto; the notes under the table
and the signature block follow the last row, and when they do not fit under it the last rows go
over to the next page with them, so that no page holds the signature alone. A row taller than a
whole page is clipped to the page (the only loss, and only for absurdly long cells).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class PagePlan:
    number: int
    intro: bool = False
    rows: list[int] = field(default_factory=list)
    signature: bool = False

    @property
    def has_table(self) -> bool:
        return bool(self.rows)


def paginate(row_heights: list[float], *, body_height: float, header_height: float,
             first_body_height: float, signature_height: float) -> list[PagePlan]:
    """Plan pages; heights are in the same units (device pixels)."""
    pages = [PagePlan(1, intro=True)]
    space = first_body_height
    for index, height in enumerate(row_heights):
        height = min(height, body_height - header_height)
        page = pages[-1]
        need = height + (0 if page.rows else header_height)
        if need > space:
            page = PagePlan(len(pages) + 1)
            pages.append(page)
            space = body_height
            need = height + header_height
        page.rows.append(index)
        space -= need
    if signature_height > space:
        _carry_last_rows(pages, row_heights, body_height - header_height - signature_height)
    pages[-1].signature = True
    return pages


def _carry_last_rows(pages: list[PagePlan], row_heights: list[float], room: float,
                     keep: int = 2) -> None:
    """A new last page with the signature and the last rows (up to `keep`, as many as fit beside
    it), taken from a page that keeps at least one row."""
    last = pages[-1]
    moved: list[int] = []
    while (last.rows and len(moved) < keep and len(last.rows) > 1
           and sum(row_heights[i] for i in moved) + row_heights[last.rows[-1]] <= room):
        moved.insert(0, last.rows.pop())
    pages.append(PagePlan(len(pages) + 1, rows=moved))
