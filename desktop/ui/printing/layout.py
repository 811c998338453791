"""Where things go on the printed monthly sheet: page geometry and pagination (no painting).

    paginate(row_heights, body_height=, header_height=, first_body_height=,
             signature_height=) -> [PagePlan]

Page 1 carries the title block (and the charts, when there is room for them); the table
follows, its header row repeated at the top of every page it runs onto; the signature block
follows the last row, on a page of its own when it does not fit. A row taller than a whole page
is clipped to the page (the only loss, and only for absurdly long cells).
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
        pages.append(PagePlan(len(pages) + 1))
    pages[-1].signature = True
    return pages
