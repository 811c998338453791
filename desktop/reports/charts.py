"""Charts as matplotlib Figures (never pyplot): shown in the window through the Qt backend,
saved as PNG for reports, drawn on the printed sheet.

    status_donut(stats: ProblemStats, title=..., size=None) -> Figure
    unit_bars(stats: ProblemStats, top=15, title=..., size=None) -> Figure
    completion_trend(trend: [(period "YYYY-MM", completed or None, problems)], title=..., size=None)
    petition_charts(stats: PetitionStats, title=..., size=None) -> Figure
    monthly_figures(sheet, size=None) -> [Figure] (the four, for a MonthlySheet)
    figure_png(figure, dpi=200) -> bytes
    figure_rgba(figure, dpi=200) -> (RGBA bytes, width, height)   # for painting, no PNG
size is (width, height) in inches; printing passes the size of the box the chart fills so that
the fonts print at their point size.

Readable in black and white: every series has a hatch as well as a colour, edges are black,
and counts are written on the chart. Chinese labels use desktop.reports.fonts.
"""

from __future__ import annotations

import io

from matplotlib.figure import Figure

from desktop.core.stats import (
    CHART_GROUP_LABELS,
    CHART_GROUPS,
    PETITION_STATUS_LABELS,
    PetitionStats,
    ProblemStats,
    format_rate,
)
from desktop.reports.fonts import configure_matplotlib

SIZE = (6.4, 3.6)
STYLE = {  # colour, hatch
    "completed": ("#2e7d32", ""), "on_schedule": ("#90caf9", "//"), "behind": ("#ffcc80", ".."),
    "overdue": ("#c62828", "xx"), "other": ("#e0e0e0", "\\\\"),
    "done": ("#2e7d32", ""), "staged": ("#90caf9", "//"), "in_progress": ("#ffcc80", ".."),
}
EDGE = {"edgecolor": "black", "linewidth": 0.6}


def _figure(size=SIZE) -> Figure:
    configure_matplotlib()
    fig = Figure(figsize=size, dpi=100, layout="constrained")
    fig.patch.set_facecolor("white")
    return fig


def _empty(fig: Figure, title: str) -> Figure:
    ax = fig.add_subplot()
    ax.set_axis_off()
    ax.set_title(title, fontsize=12, fontweight="bold")
    ax.text(0.5, 0.5, "暂无数据", ha="center", va="center", fontsize=12, color="#555555")
    return fig


def status_donut(stats: ProblemStats, title: str = "问题整改情况", size=None) -> Figure:
    fig = _figure(size or SIZE)
    counts = {g: sum(c[g] for c in stats.per_round.values()) for g in CHART_GROUPS}
    groups = [g for g in CHART_GROUPS if counts[g]]
    if not groups:
        return _empty(fig, title)
    ax = fig.add_subplot()
    values = [counts[g] for g in groups]
    wedges, _ = ax.pie(values, colors=[STYLE[g][0] for g in groups],
                       hatch=[STYLE[g][1] for g in groups], startangle=90, counterclock=False,
                       wedgeprops={"width": 0.38, **EDGE})
    ax.text(0, 0, f"{stats.total}\n个问题", ha="center", va="center", fontsize=13,
            fontweight="bold")
    total = sum(values)
    labels = [f"{CHART_GROUP_LABELS[g]}  {counts[g]}个（{format_rate(100 * counts[g] / total)}）"
              for g in groups]
    fig.legend(wedges, labels, loc="outside right center", frameon=False,  # room made for it
               fontsize=10, handlelength=2.2, handleheight=1.4)
    ax.set_title(title, fontsize=12, fontweight="bold")
    ax.set_aspect("equal")
    return fig


def unit_bars(stats: ProblemStats, top: int = 15, title: str = "各责任单位整改情况",
              size=None) -> Figure:
    units = sorted(stats.per_unit.items(), key=lambda kv: (-kv[1].total(), kv[0]))[:top]
    fig = _figure(size or (SIZE[0], max(SIZE[1], 0.9 + 0.26 * len(units))))
    if not units:
        return _empty(fig, title)
    ax = fig.add_subplot()
    names = [name if len(name) <= 12 else name[:11] + "…" for name, _ in units][::-1]
    left = [0] * len(units)
    for group in CHART_GROUPS:
        values = [c[group] for _, c in units][::-1]
        if not any(values):
            continue
        colour, hatch = STYLE[group]
        ax.barh(names, values, left=left, color=colour, hatch=hatch, label=CHART_GROUP_LABELS[group],
                height=0.7, **EDGE)
        left = [a + b for a, b in zip(left, values)]
    for y, total in enumerate(left):
        ax.text(total, y, f" {total}", va="center", fontsize=8)
    ax.set_xlim(0, max(left) * 1.12 + 0.5)
    ax.tick_params(axis="y", labelsize=8)
    ax.tick_params(axis="x", labelsize=8)
    ax.spines[["top", "right"]].set_visible(False)
    ax.xaxis.get_major_locator().set_params(integer=True)
    fig.legend(loc="outside lower center", ncols=4, fontsize=8, frameon=False)  # covers no bar
    suffix = f"（前{top}个单位）" if len(stats.per_unit) > top else ""
    ax.set_title(title + suffix, fontsize=12, fontweight="bold")
    return fig


def _month_label(period: str, first: bool) -> str:
    year, month = int(period[:4]), int(period[5:7])
    return f"{year}年\n{month}月" if first or month == 1 else f"{month}月"


def completion_trend(trend: list[tuple[str, int | None, int]],
                     title: str = "完成整改问题数（累计，按月）", size=None) -> Figure:
    """Bars where the register knows the month; where it holds no record of a month, a grey band
    saying so instead of a zero; problems done with no date are said under the chart."""
    fig = _figure(size or SIZE)
    if not trend or not trend[-1][2]:
        return _empty(fig, title)
    ax = fig.add_subplot()
    labels = [_month_label(p, n == 0) for n, (p, _, _) in enumerate(trend)]
    known = [(x, d) for x, (_, d, _) in enumerate(trend) if d is not None]
    total = trend[-1][2]
    xs = [x for x, _ in known]
    done = [d for _, d in known]
    ax.bar(xs, done, color="#a5d6a7", hatch="//", width=0.65, **EDGE)
    ax.plot(xs, done, color="black", marker="o", markersize=4, linewidth=1.2)
    for x, value in known:
        ax.text(x, value, f"{value}", ha="center", va="bottom", fontsize=8,
                bbox={"facecolor": "white", "edgecolor": "none", "pad": 0.5})
    ax.set_xticks(range(len(trend)), labels, fontsize=8)
    ax.set_xlim(-0.6, len(trend) - 0.4)
    ax.set_ylim(0, max(total, max(done, default=0), 1) * 1.12)
    _unknown_band(ax, [x for x, (_, d, _) in enumerate(trend) if d is None], total)
    ax.axhline(total, color="black", linestyle="--", linewidth=0.8)
    ax.text(len(trend) - 0.5, total, f"问题总数 {total}", ha="right", va="bottom", fontsize=8,
            bbox={"facecolor": "white", "edgecolor": "none", "pad": 1})
    undated = getattr(trend, "undated", 0)
    if undated:
        ax.set_xlabel(f"另有{undated}个已完成问题台账中无完成日期，只计入最后一个月", fontsize=8)
    ax.tick_params(axis="y", labelsize=8)
    ax.spines[["top", "right"]].set_visible(False)
    ax.set_title(title, fontsize=12, fontweight="bold")
    return fig


def _unknown_band(ax, xs: list[int], total: int) -> None:
    """Consecutive months without any record: one grey band, "无记录" written on it."""
    runs: list[list[int]] = []
    for x in xs:
        if runs and runs[-1][-1] == x - 1:
            runs[-1].append(x)
        else:
            runs.append([x])
    for run in runs:
        ax.axvspan(run[0] - 0.45, run[-1] + 0.45, color="#eeeeee", hatch="..", zorder=0,
                   linewidth=0)
        ax.text((run[0] + run[-1]) / 2, total * 0.5, "台账中\n无记录" if len(run) > 1 else "无\n记录",
                ha="center", va="center", fontsize=8, color="#444444")


def petition_charts(stats: PetitionStats, title: str = "信访件办理情况", size=None) -> Figure:
    fig = _figure(size or (SIZE[0] * 1.25, SIZE[1]))
    if not stats.total:
        return _empty(fig, title)
    left, right = fig.subplots(1, 2, width_ratios=[1.5, 1])
    kinds = sorted(stats.by_type_status, key=lambda k: -stats.by_type[k])[::-1]
    start = [0] * len(kinds)
    for status, label in PETITION_STATUS_LABELS.items():
        values = [stats.by_type_status[k].get(status, 0) for k in kinds]
        colour, hatch = STYLE[status]
        left.barh(kinds, values, left=start, color=colour, hatch=hatch, label=label, height=0.65,
                  **EDGE)
        start = [a + b for a, b in zip(start, values)]
    for y, total in enumerate(start):
        left.text(total, y, f" {total}", va="center", fontsize=8)
    left.set_xlim(0, max(start) * 1.15 + 0.5)
    left.set_title("按污染类型", fontsize=10)
    left.tick_params(labelsize=8)
    left.spines[["top", "right"]].set_visible(False)
    _petition_donut(right, stats)
    fig.suptitle(title, fontsize=12, fontweight="bold")
    return fig


def _petition_donut(ax, stats: PetitionStats) -> None:
    statuses = [s for s in PETITION_STATUS_LABELS if stats.by_status.get(s)]
    values = [stats.by_status[s] for s in statuses]
    wedges, _ = ax.pie(values, colors=[STYLE[s][0] for s in statuses],
                       hatch=[STYLE[s][1] for s in statuses], startangle=90, counterclock=False,
                       wedgeprops={"width": 0.38, **EDGE})
    labels = [f"{PETITION_STATUS_LABELS[s]} {v}件" for s, v in zip(statuses, values)]
    ax.legend(wedges, labels, loc="upper center", bbox_to_anchor=(0.5, 0.02), ncols=1,
              frameon=False, fontsize=8, handlelength=2.2, handleheight=1.2)
    ax.text(0, 0, f"办结率\n{format_rate(stats.rate)}", ha="center", va="center", fontsize=10,
            fontweight="bold")
    ax.set_title(f"按办理状态（共{stats.total}件）", fontsize=10)
    ax.set_aspect("equal")


def figure_rgba(figure: Figure, dpi: int = 200) -> tuple[bytes, int, int]:
    """The figure drawn at `dpi` as raw RGBA pixels (width × height × 4 bytes): what printing
    paints, without encoding and decoding a PNG."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    figure.set_dpi(dpi)
    canvas = FigureCanvasAgg(figure)
    canvas.draw()
    width, height = canvas.get_width_height(physical=True)
    return bytes(canvas.buffer_rgba()), width, height


def figure_png(figure: Figure, dpi: int = 200) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=dpi, facecolor="white")
    return buffer.getvalue()


def monthly_figures(sheet, size=None) -> list[Figure]:
    """The four charts of a MonthlySheet: status, trend, units, petitions."""
    snap = sheet.snapshot
    top = 15 if size is None else max(5, min(15, int((size[1] - 0.9) / 0.22)))
    return [status_donut(snap.problem_stats, size=size), completion_trend(sheet.trend, size=size),
            unit_bars(snap.problem_stats, top=top, size=size),
            petition_charts(snap.petition_stats, size=size)]
