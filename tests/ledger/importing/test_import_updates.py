"""A newer version of a ledger: matched by code, updated field by field in the audit trail,
new problems added, nothing deleted, vanished problems reported; one undo step; remembered mapping."""

from __future__ import annotations

import json

from openpyxl import load_workbook

from db.changes import undo
from db.records import dump_register
from desktop.cli import main as cli
from desktop.ledger.importing.importer import import_file, read_ledger
from tests.ledger.workbooks import county_ledger, write_sheet

V1 = [
    {"code": 1, "description": "污水处理厂超负荷", "progress": "完成40%", "status": "正在推进",
     "measures": [("扩容改造", "2022年6月底前", "县住建局", ""), ("管网改造", "2022年底", "县住建局", "")]},
    {"code": 2, "description": "保护区违建", "progress": "", "status": "",
     "measures": [("拆除违建", "立行立改", "县自然资源局", "")]},
    {"code": 3, "description": "采石场未关闭", "progress": "已关闭", "status": "已完成",
     "measures": [("关闭采石场", "2021年底", "县自然资源局", "")]},
]


def v2() -> list[dict]:
    problems = json.loads(json.dumps(V1))
    problems[0]["progress"], problems[0]["status"] = "完成80%", "达到序时进度"
    problems[0]["measures"][1] = ["管网改造12公里", "2022年底", "县住建局", "城关镇"]
    problems[0]["measures"].append(["建立监管制度", "长期坚持", "县生态环境分局", ""])
    del problems[2]
    problems.append({"code": 4, "description": "秸秆焚烧", "progress": "", "status": "",
                     "measures": [["网格化监管", "立行立改", "县农业农村局", ""]]})
    return problems


def test_newer_version_updates_adds_and_reports_missing(register, tmp_path):
    first = import_file(register, county_ledger(tmp_path / "台账.xlsx", V1))
    assert first.problems_created == 3
    result = import_file(register, county_ledger(tmp_path / "台账（4月）.xlsx", v2()))
    assert (result.problems_created, result.problems_updated, result.problems_unchanged) == (1, 1, 1)
    assert result.missing_codes == ["3"]
    got = {p["code"]: p for p in dump_register(register)["problems"]}
    assert set(got) == {"1", "2", "3", "4"}                       # nothing deleted
    assert got["1"]["status"] == "on_schedule" and got["1"]["progress"] == "完成80%"
    assert [m["content"] for m in got["1"]["measures"]] == ["扩容改造", "管网改造12公里", "建立监管制度"]
    history = [h["text"] for h in got["1"]["progress_history"]]
    assert history == ["完成40%", "完成80%"]            # history kept, newest shown
    audit = register.execute("SELECT fields FROM audit WHERE table_name = 'measures'"
                             " AND action = 'update'").fetchall()
    assert json.loads(audit[0][0]) == ["content", "responsible_units"]


def test_import_undo_redo_restores_exactly(register, tmp_path):
    import_file(register, county_ledger(tmp_path / "一.xlsx", V1))
    before = dump_register(register)
    import_file(register, county_ledger(tmp_path / "二.xlsx", v2()))
    assert dump_register(register) != before
    undone = undo(register)
    assert undone is not None and "导入" in undone.name
    assert dump_register(register) == before


def test_backup_taken_before_commit(register, tmp_path, own_data_folder):
    import_file(register, county_ledger(tmp_path / "一.xlsx", V1))
    backups = list((own_data_folder / "backups").glob("*.db"))
    assert len(backups) == 1 and "导入前" in backups[0].name


def test_remembered_mapping_and_round(register, tmp_path):
    rows = [["序号", "问题", "情况说明", "时限"], [1, "问题甲", "已拆除", "2022年底"]]
    path = write_sheet(tmp_path / "上级表.xlsx", rows)
    reading = read_ledger(path)
    assert reading.layout.mapping()["C"] == ""              # not a known header
    reading.apply_mapping({"C": "progress"})
    from desktop.ledger.importing.importer import commit_reading
    commit_reading(register, reading, round_name="省级督察")
    rows[1][2] = "已拆除并复绿"
    write_sheet(tmp_path / "上级表（下月）.xlsx", rows)
    result = import_file(register, tmp_path / "上级表（下月）.xlsx")
    assert result.round == "省级督察" and result.problems_updated == 1
    assert dump_register(register)["problems"][0]["progress"] == "已拆除并复绿"


def test_failed_rows_workbook(tmp_path, capsys):
    path = write_sheet(tmp_path / "有问题的行.xlsx", [
        ["序号", "问题描述", "整改时限"], [1, "甲", "2022年底"], [1, "乙", "2023年底"],
        ["合计", None, None]])
    out = tmp_path / "未导入 的行.xlsx"
    assert cli(["import", str(path), "--db", str(tmp_path / "a.db"), "--failed-out", str(out)]) == 0
    ws = load_workbook(out).active
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][:4] == ("原行号", "跳过原因", "序号", "问题描述")
    assert rows[1][0] == 3 and "重复" in rows[1][1] and rows[1][3] == "乙"
    assert rows[2][0] == 4 and "合计" in rows[2][1]


def test_imported_progress_keeps_the_ledgers_own_date(register, samples, tmp_path):
    """Progress in a superior's ledger stands at its 截至 line; without one the clerk is told."""
    from openpyxl import load_workbook

    from db.records import rows

    import_file(register, samples / "ledger_county_problems.xlsx")
    periods = {r["period"] for r in rows(register, "SELECT period FROM progress_reports")}
    assert periods == {"2021-09"}                      # 截至：2021年9月30日
    undated = tmp_path / "无截至.xlsx"
    wb = load_workbook(samples / "ledger_county_problems.xlsx")
    wb.active["H2"] = None
    wb.save(undated)
    result = import_file(open_register_at(tmp_path / "另一个.db"), undated)
    assert any("没有“截至”日期" in w.message and "导入当月" in w.message for w in result.warnings)


def open_register_at(path):
    from db.connection import open_register

    return open_register(path)


def test_many_new_problems_each_stand_at_their_own_report(register, tmp_path):
    """New problems are written in batches: each, in every batch, is brought up to its report
    (status derived from the words where the status column is empty), and the whole import is
    still one undo step that redo brings back exactly."""
    from db.changes import redo
    from db.progress import latest_report

    problems = [{"code": i, "description": f"问题{i}", "progress": f"已完成{i % 100}%" if i % 4 else "",
                 "status": ["正在推进", "已完成", "", "滞后"][i % 4],
                 "measures": [(f"措施{i}-{k}", "2022年底", f"县局{i % 5}", "") for k in range(i % 3 + 1)]}
                for i in range(1, 1101)]
    result = import_file(register, county_ledger(tmp_path / "大 台账.xlsx", problems))
    assert result.problems_created == 1100
    rows = register.execute("SELECT id, code, progress, status, status_text FROM problems"
                            " ORDER BY id").fetchall()
    assert [int(r[1]) for r in rows] == list(range(1, 1101))
    for pid, code, progress, status, status_text in rows:
        report = latest_report(register, pid)
        assert (progress, status, status_text) == (report["text"], report["status"],
                                                   report["status_text"])
        assert progress == (f"已完成{int(code) % 100}%" if int(code) % 4 else "")
        assert status == ["in_progress", "completed", "in_progress", "behind_schedule"][
            int(code) % 4]     # the third from the words 已完成N%: under way, not done
    counts = dict(register.execute("SELECT p.code, count(m.id) FROM problems p JOIN measures m"
                                   " ON m.problem_id = p.id GROUP BY p.id").fetchall())
    assert all(counts[str(i)] == i % 3 + 1 for i in range(1, 1101))
    after = dump_register(register)
    assert undo(register).name.startswith("导入")
    assert register["problems"].count == 0 and register["progress_reports"].count == 0
    redo(register)
    assert dump_register(register) == after
