"""The 挂图作战 chart drawn with matplotlib (Figures, never pyplot).

    timeline_figure(timeline, zoom="month"|"quarter", measures=True) -> Figure   one long figure
    draw_chart(figure, rows, timeline, zoom, heading, slots=None)   one page or the long figure
(A3 pages and the PDF: desktop.reports.timeline_pages.)

A bar's pale part is its whole time (feedback date → deadline), its dark part the progress
reported; its colour the warning. Readable in black and white: done bars are solid, overdue
ones cross-hatched, long-term ones hatched and open to the right, and every mark is written out.
"""

from __future__ import annotations

import datetime as dt

from matplotlib import dates as mdates
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter

from desktop.reports.fonts import configure_matplotlib
from desktop.reports.timeline import Timeline, TimelineBar

A3_LANDSCAPE = (16.54, 11.69)
ZOOMS = {"month": "按月", "quarter": "按季度"}
# colour → (pale: the whole time, dark: the progress, hatch)
SHADES = {"red": ("#f6c9c4", "#c62828", "xxx"), "yellow": ("#fbe7a1", "#c79100", ""),
          "blue": ("#cfe0f5", "#1565c0", ""), "orange": ("#ffd9b0", "#e65100", ".."),
          "green": ("#c8e6c9", "#2e7d32", ""), "": ("#dde3ea", "#546e7a", "")}
LEGEND = (("red", "红色预警：已逾期"), ("yellow", "黄色预警：10天内到期"),
          ("blue", "蓝色预警：20天内到期"), ("orange", "未达序时进度"), ("", "正常推进"),
          ("green", "已完成"))
LEFT_IN, RIGHT_IN, TOP_IN, BOTTOM_IN = 4.6, 0.9, 1.05, 1.0
_CN_QUARTER = "一二三四"
MAX_YEARS = 3                     # the chart ends at most this long after today


def _span(timeline: Timeline, zoom: str) -> tuple[float, float]:
    first, last = timeline.span
    last = min(last, timeline.as_of.replace(year=timeline.as_of.year + MAX_YEARS))
    step = 1 if zoom == "month" else 3
    first = dt.date(first.year, first.month - (first.month - 1) % step, 1)
    month = last.month + step - (last.month - 1) % step
    end = dt.date(last.year + (month - 1) // 12, (month - 1) % 12 + 1, 1)
    return mdates.date2num(first), mdates.date2num(end)


def _tick_label(zoom: str):
    def label(x, pos):
        day = mdates.num2date(x).date()
        if zoom == "quarter":
            return f"{day.year}年\n{_CN_QUARTER[(day.month - 1) // 3]}季度"
        return f"{day.year}年\n{day.month}月" if day.month == 1 or pos == 0 else f"{day.month}月"
    return FuncFormatter(label)


def _axes(fig: Figure, share: float):
    """The plot area under the title; `share` of the page's row slots tall (a last page with
    few rows keeps the rows' height and leaves the rest blank)."""
    width, height = fig.get_size_inches()
    full = 1 - (TOP_IN + BOTTOM_IN) / height
    top = 1 - TOP_IN / height
    return fig.add_axes((LEFT_IN / width, top - full * share, 1 - (LEFT_IN + RIGHT_IN) / width,
                         full * share))


def _clip(text: str, room: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= room else text[: room - 1] + "…"


def _label(ax, y: float, bar: TimelineBar, room: int) -> None:
    if bar.is_measure:
        text, size, colour, weight = f"    {bar.code} {bar.label}", 6.5, "#455a64", "normal"
    else:
        text, size, colour, weight = f"{bar.code} {bar.label}", 7.5, "black", "bold"
    ax.text(-0.006, y, _clip(text, room), transform=ax.get_yaxis_transform(), ha="right",
            va="center", fontsize=size, color=colour, fontweight=weight, clip_on=False)


def _bar(ax, y: float, bar: TimelineBar, x0: float, x1: float) -> None:
    pale, dark, hatch = SHADES.get(bar.colour, SHADES[""])
    height = 0.36 if bar.is_measure else 0.62
    start = mdates.date2num(bar.start) if bar.start else x0
    if bar.end is not None:
        start = min(start, mdates.date2num(bar.end))     # a feedback date after the deadline
    open_end = bar.end is None and bar.kind in ("long_term", "periodic")
    if bar.end is None and not open_end:
        ax.plot([start], [y], marker="o", markersize=5, markerfacecolor="white",
                markeredgecolor=dark, clip_on=False)
        ax.text(start + (x1 - x0) * 0.006, y, bar.mark or bar.deadline_text[:12], va="center",
                fontsize=6.5, color=dark)
        return
    end = x1 if open_end else min(mdates.date2num(bar.end), x1)
    width = max(end - start, (x1 - x0) * 0.004)
    ax.barh(y, width, left=start, height=height, color=pale, edgecolor=dark, linewidth=0.6,
            hatch="//" if open_end else hatch)
    if bar.percent > 0:
        ax.barh(y, width * min(bar.percent, 100) / 100, left=start, height=height, color=dark,
                edgecolor=dark, linewidth=0.6)
    if not open_end and bar.kind in ("long_term", "periodic") and start + width < x1:
        ax.barh(y, x1 - start - width, left=start + width, height=height * 0.45, color="none",
                edgecolor=dark, linewidth=0.3, hatch="//")     # kept up after its milestone
    _bar_note(ax, y, bar, start + width, dark, x1, open_end)


def _bar_note(ax, y: float, bar: TimelineBar, end: float, dark: str, x1: float,
              open_end: bool) -> None:
    words = ["已完成" if bar.done else f"{bar.percent:.0f}%" if bar.percent else ""]
    if bar.mark:
        words.append(bar.mark)
    if bar.start is None and not bar.is_measure:
        words.append("未设反馈日期")
    if bar.end and mdates.date2num(bar.end) > x1:
        words.append(f"至{bar.end:%Y-%m-%d}")
    if bar.kind == "immediate" and bar.end:
        ax.plot([end], [y], marker="D", markersize=4.5, color=dark, clip_on=False)
    text = " ".join(w for w in words if w)
    if not text:
        return
    inside = open_end or end >= x1 - (x1 - ax.get_xlim()[0]) * 0.06
    ax.text(end - (x1 - ax.get_xlim()[0]) * 0.003 if inside else end + (x1 - ax.get_xlim()[0]) * 0.003,
            y, text, va="center", ha="right" if inside else "left", fontsize=6.5,
            color="black", bbox={"facecolor": "white", "edgecolor": "none", "pad": 0.6,
                                 "alpha": 0.8} if inside else None)


def _frame(ax, rows, timeline: Timeline, zoom: str, span: tuple[float, float]) -> None:
    x0, x1 = span
    ax.set_xlim(x0, x1)
    ax.set_ylim(max(len(rows), 1) - 0.5, -0.5)
    if not rows:
        ax.text(0.5, 0.5, "台账中还没有问题", transform=ax.transAxes, ha="center", va="center",
                fontsize=12, color="#555555")
    ax.set_yticks([])
    ax.xaxis_date()
    ax.xaxis.set_major_locator(mdates.MonthLocator(bymonth=None if zoom == "month" else (1, 4, 7, 10)))
    ax.xaxis.set_major_formatter(_tick_label(zoom))
    ax.tick_params(axis="x", labelsize=7, top=True, labeltop=True)
    ax.grid(axis="x", color="#cfd8dc", linewidth=0.5)
    ax.set_axisbelow(True)
    today = mdates.date2num(timeline.as_of)
    ax.axvline(today, color="#d32f2f", linestyle="--", linewidth=1.3, zorder=5)
    ax.annotate(f"今天 {timeline.as_of.month}月{timeline.as_of.day}日", xy=(today, 1),
                xycoords=("data", "axes fraction"), xytext=(0, 26), textcoords="offset points",
                color="#d32f2f", fontsize=7.5, ha="center", va="bottom", fontweight="bold",
                bbox={"facecolor": "white", "edgecolor": "#d32f2f", "pad": 1.5})


def draw_chart(fig: Figure, rows, timeline: Timeline, zoom: str, heading: str,
          slots: int | None = None) -> None:
    ax = _axes(fig, min(1.0, len(rows) / slots) if slots else 1.0)
    span = _span(timeline, zoom)
    _frame(ax, rows, timeline, zoom, span)
    room = int(LEFT_IN * 72 / 7.5) - 2
    for y, (kind, item) in enumerate(rows):
        if kind == "group":
            ax.axhspan(y - 0.5, y + 0.5, color="#e3eaf2", zorder=0)
            ax.text(-0.006, y, _clip(str(item), room), transform=ax.get_yaxis_transform(),
                    ha="right", va="center", fontsize=8.5, fontweight="bold", clip_on=False)
            continue
        _label(ax, y, item, room)
        _bar(ax, y, item, *span)
    width, height = fig.get_size_inches()
    left = width > A3_LANDSCAPE[0] + 1      # a long chart on screen: the title where it is seen
    fig.suptitle(heading, x=0.25 / width if left else 0.5, ha="left" if left else "center",
                 y=1 - 0.25 / height, va="top", fontsize=14, fontweight="bold")
    _legend(fig)


def _legend(fig: Figure) -> None:
    handles = [Patch(facecolor=SHADES[c][0], edgecolor=SHADES[c][1], hatch=SHADES[c][2], label=t)
               for c, t in LEGEND]
    handles += [Patch(facecolor="#546e7a", label="深色部分：已报完成进度"),
                Patch(facecolor="#dde3ea", edgecolor="#546e7a", hatch="//", label="长期坚持（向右延续）"),
                Line2D([], [], marker="D", color="#546e7a", linestyle="none", label="立行立改"),
                Line2D([], [], color="#d32f2f", linestyle="--", label="今天")]
    fig.legend(handles=handles, loc="lower center", ncol=5, fontsize=7.5, frameon=False,
               bbox_to_anchor=(0.5, 0.05 / fig.get_size_inches()[1]))


def new_figure(size) -> Figure:
    configure_matplotlib()
    fig = Figure(figsize=size, dpi=100)
    fig.patch.set_facecolor("white")
    return fig


def timeline_figure(timeline: Timeline, zoom: str = "month", measures: bool = True) -> Figure:
    """The whole chart as one figure, as long as its rows and as wide as the zoom asks."""
    rows = timeline.rows(measures)
    x0, x1 = _span(timeline, zoom)
    months = (x1 - x0) / 30.4
    width = LEFT_IN + RIGHT_IN + months * (0.55 if zoom == "month" else 0.2)
    height = TOP_IN + BOTTOM_IN + 0.24 * max(len(rows), 4)
    fig = new_figure((max(width, 12.0), height))
    draw_chart(fig, rows, timeline, zoom, f"{timeline.title}（{ZOOMS.get(zoom, '')}）")
    return fig
