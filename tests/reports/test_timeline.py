"""挂图作战: bars from the feedback date to each deadline, filled, coloured, grouped; the A3 PDF."""

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from db.settings import set_round_start
from desktop.reports.timeline import NO_LEAD, build_timeline
from desktop.reports.timeline_pages import _pages, timeline_pages
from tests.ledger.forms_support import add_problem

AS_OF = dt.date(2022, 6, 15)
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def ledger(register):
    add_problem(register, code="1", description="污水直排", lead_units=json.dumps(["县住建局"]),
                deadline="2022-06-20", deadline_kind="fixed", deadline_text="2022年6月20日前",
                percent=40, status="in_progress",
                measures=[{"content": "截污纳管", "deadline": "2022-05-31", "deadline_kind": "fixed",
                           "deadline_text": "2022年5月底", "status": "completed"},
                          {"content": "清淤", "deadline": "2022-12-31", "deadline_kind": "fixed",
                           "deadline_text": "2022年底"}])
    add_problem(register, code="2", description="扬尘", lead_units=json.dumps(["县城管局"]),
                deadline_kind="long_term", deadline_text="长期坚持", status="in_progress")
    add_problem(register, code="3", description="垃圾外溢", deadline_kind="immediate",
                deadline_text="立行立改", status="completed")
    add_problem(register, code="4", description="露天焚烧", lead_units=json.dumps(["县住建局"]),
                deadline="2022-03-31", deadline_kind="fixed", deadline_text="2022年3月底",
                status="in_progress", round_name="省级督察")
    set_round_start(register, 1, dt.date(2022, 1, 10))
    return register


def test_bars_run_from_the_feedback_date_to_the_deadline(ledger):
    timeline = build_timeline(ledger, AS_OF)
    bars = {b.code: b for b in timeline.bars}
    first = bars["1"]
    assert (first.start, first.end, first.percent) == (dt.date(2022, 1, 10), dt.date(2022, 6, 20), 40)
    assert first.colour == "yellow" and not first.done          # five days left
    assert bars["1.1"].done and bars["1.1"].colour == "green" and bars["1.1"].is_measure
    assert bars["1.2"].end == dt.date(2022, 12, 31)
    assert bars["2"].end is None and bars["2"].mark == "长期坚持"
    assert bars["3"].done and bars["3"].mark == "立行立改" and bars["3"].end == dt.date(2022, 2, 10)
    assert bars["4"].colour == "red"                             # overdue
    assert bars["4"].start is None                               # its round has no feedback date


def test_grouped_by_lead_unit_or_by_round(ledger):
    by_unit = build_timeline(ledger, AS_OF)
    assert [(g.name, g.problems) for g in by_unit.groups] == [
        ("县住建局", 2), ("县城管局", 1), (NO_LEAD, 1)]
    by_round = build_timeline(ledger, AS_OF, group_by="round", measures=False)
    assert [(g.name, len(g.bars)) for g in by_round.groups] == [("第二轮中央督察", 3), ("省级督察", 1)]
    with pytest.raises(ValueError, match="分组方式"):
        build_timeline(ledger, AS_OF, group_by="colour")


def test_pages_carry_a_group_and_its_problem_over(ledger):
    timeline = build_timeline(ledger, AS_OF)
    pages = _pages(timeline.rows(True), per_page=3)
    second = pages[1]
    assert second[0] == ("group", "县住建局（2个问题）（续）")
    assert second[1][1].code == "1" and second[2][1].code == "1.2"
    assert sum(1 for p in pages for kind, item in p if kind == "bar" and item.code == "1") == 2
    figures = timeline_pages(timeline, "quarter")
    assert [tuple(f.get_size_inches().round(2)) for f in figures] == [(16.54, 11.69)]


def test_report_timeline_command(ledger, tmp_path):
    db = ledger.execute("PRAGMA database_list").fetchone()[2]
    out = tmp_path / "挂图 作战.pdf"
    done = subprocess.run([sys.executable, "-m", "desktop", "report", "timeline", "--db", db,
                           "--pdf", str(out), "--as-of", "2022-06-15", "--by", "round",
                           "--zoom", "quarter"], cwd=ROOT, capture_output=True, text=True,
                          encoding="utf-8", timeout=300)
    assert done.returncode == 0, done.stderr
    assert "共 4 个问题、2 条措施，分 2 组" in done.stdout and "A3 横向，1 页" in done.stdout
    assert b"1190.88 841.68" in out.read_bytes()
    bad = subprocess.run([sys.executable, "-m", "desktop", "report", "timeline", "--db", db,
                          "--pdf", str(tmp_path / "x.png")], cwd=ROOT, capture_output=True,
                         text=True, encoding="utf-8", timeout=300)
    assert bad.returncode == 1 and ".pdf" in bad.stderr


def test_an_empty_register_draws_an_empty_chart(register):
    from desktop.reports.timeline_chart import timeline_figure

    timeline = build_timeline(register, AS_OF)
    assert timeline.groups == [] and timeline.span == (AS_OF, AS_OF)
    figure = timeline_figure(timeline)
    assert any(t.get_text() == "台账中还没有问题" for t in figure.axes[0].texts)
