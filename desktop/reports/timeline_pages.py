"""The 挂图作战 chart on A3 landscape pages, for printing and PDF.

    timeline_pages(timeline, zoom, measures=True) -> [Figure]
    write_timeline_pdf(timeline, path, zoom="month", measures=True) -> pages written

A group running over a page starts the next one with its name (续), and measures carried over
come with their problem's bar again, so no page holds measures without their problem.
"""

from __future__ import annotations

from pathlib import Path

from matplotlib.backends.backend_pdf import PdfPages
from matplotlib.figure import Figure

from desktop.reports.timeline import Timeline
from desktop.reports.timeline_chart import A3_LANDSCAPE, draw_chart, new_figure

ROWS_PER_PAGE = 40


def _pages(rows: list[tuple[str, object]], per_page: int) -> list[list[tuple[str, object]]]:
    """Pages of rows; a group running over a page starts the next one with its name (续)."""
    pages: list[list[tuple[str, object]]] = [[]]
    heading, problem = "", None
    for kind, item in rows:
        if kind == "group":
            heading = str(item)
            if len(pages[-1]) >= per_page - 2:    # no group title alone at a page's foot
                pages.append([])
        elif len(pages[-1]) >= per_page:
            pages.append([("group", f"{heading}（续）")])
            if item.is_measure and problem is not None:   # the measures' problem, again
                pages[-1].append(("bar", problem))
        if kind == "bar" and not item.is_measure:
            problem = item
        pages[-1].append((kind, item))
    return [p for p in pages if p]


def timeline_pages(timeline: Timeline, zoom: str = "month", measures: bool = True,
                   per_page: int = ROWS_PER_PAGE) -> list[Figure]:
    """A3 landscape pages for printing and PDF."""
    pages = _pages(timeline.rows(measures), per_page)
    figures = []
    for n, rows in enumerate(pages, start=1):
        fig = new_figure(A3_LANDSCAPE)
        draw_chart(fig, rows, timeline, zoom, f"{timeline.title}  第{n}页/共{len(pages)}页", per_page)
        figures.append(fig)
    return figures


def write_timeline_pdf(timeline: Timeline, path: str | Path, zoom: str = "month",
                       measures: bool = True) -> int:
    figures = timeline_pages(timeline, zoom, measures)
    with PdfPages(str(path), metadata={"Title": timeline.title, "Creator": "整改台账"}) as pdf:
        for fig in figures:
            pdf.savefig(fig)
    return len(figures)
