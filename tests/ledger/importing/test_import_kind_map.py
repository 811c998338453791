"""The command line says what the window can: --kind, --map (remembered per template),
--feedback-date for the round it creates; a workbook that is no ledger is refused (exit 1)."""

from __future__ import annotations

import json

from db.connection import open_register
from desktop.cli import main as cli
from tests.ledger import other_books as ob
from tests.ledger.unseen_books import Sheet, book


def run(capsys, *args) -> tuple[int, dict | list, str]:
    code = cli(["import", *map(str, args), "--json"])
    captured = capsys.readouterr()
    return code, json.loads(captured.out) if captured.out.strip() else {}, captured.err


def dump(capsys, db) -> dict:
    assert cli(["dump", "--db", str(db)]) == 0
    return json.loads(capsys.readouterr().out)


def test_a_contract_ledger_is_refused_then_imported_as_mapped(tmp_path, capsys):
    db, path = tmp_path / "台账.db", ob.contract_ledger(tmp_path / "合同台账.xlsx")
    code, out, err = run(capsys, path, "--db", db)
    assert code == 1 and out["committed"] is False and "未能导入" in err
    assert "合同名称（问题名称）" in out["errors"][0]["message"]
    assert dump(capsys, db)["problems"] == []
    mapping = "合同名称=description,经办人=不导入,审查发现问题整改措施=measure,签订日期=整改时限"
    code, out, _ = run(capsys, path, "--db", db, "--map", mapping)
    assert code == 0 and out["problems_created"] == 2
    got = dump(capsys, db)["problems"]
    assert [(p["description"], p["deadline"]) for p in got] == [
        ("办公设备采购合同", "2023-02-01"), ("物业服务合同", "2023-03-01")]
    assert got[0]["extra"]["经办人"] == "张某"
    code, out, _ = run(capsys, path, "--db", db)        # the mapping is remembered
    assert code == 0 and out["problems_unchanged"] == 2


def test_map_names_an_unknown_header_or_field(tmp_path, capsys):
    db, path = tmp_path / "台账.db", ob.audit_ledger(tmp_path / "审计.xlsx")
    code, out, _ = run(capsys, path, "--db", db, "--map", "不存在的列=description")
    assert code == 1 and "表头有：" in out["errors"][0]["message"]
    code, out, _ = run(capsys, path, "--db", db, "--map", "备注=问题原因")
    assert code == 1 and "可用的字段" in out["errors"][0]["message"]
    assert dump(capsys, db)["problems"] == []


def test_kind_reads_a_sheet_as_petitions_and_is_remembered(tmp_path, capsys):
    rows = [["编号", "日期", "内容", "处理结果", "状态"],
            ["A-1", "2023-04-01", "某厂夜间偷排废水", "已立案查处", "已办结"],
            ["A-2", "2023-04-03", "某路段渣土撒漏", "", "正在办理"]]
    db, path = tmp_path / "台账.db", book(tmp_path / "群众反映.xlsx", Sheet("登记", rows))
    code, out, _ = run(capsys, path, "--db", db, "--dry-run")
    assert code == 1 and out["kind"] == "problems"       # not a ledger as it stands
    code, out, _ = run(capsys, path, "--db", db, "--kind", "petitions")
    assert code == 0 and (out["kind"], out["petitions_created"]) == ("petitions", 2)
    code, out, _ = run(capsys, path, "--db", db)
    assert code == 0 and (out["kind"], out["petitions_unchanged"]) == ("petitions", 2)
    petitions = dump(capsys, db)["petitions"]
    assert [(p["code"], p["status"]) for p in petitions] == [("A-1", "done"), ("A-2", "in_progress")]


def test_feedback_date_starts_the_new_rounds(tmp_path, capsys):
    db, path = tmp_path / "台账.db", ob.tour_ledger(tmp_path / "巡视.xlsx")
    code, _, err = run(capsys, path, "--db", db, "--feedback-date", "2023年2月30日")
    assert code == 1 and "不是日期" in err
    code, out, _ = run(capsys, path, "--db", db, "--feedback-date", "2023-02-15")
    assert code == 0 and out["problems_created"] == 3
    register = open_register(db)
    started = dict(register.execute("SELECT name, started_on FROM rounds").fetchall())
    register.close()
    assert started == {"省委第三巡视组": "2023-02-15", "县委第一巡察组": "2023-02-15"}
    code, out, _ = run(capsys, path, "--db", db, "--feedback-date", "2023-03-01")
    assert code == 0 and any("只用于新建的批次" in w["message"] for w in out["warnings"])


def test_completed_on_is_in_the_dump(tmp_path, capsys):
    db = tmp_path / "台账.db"
    code, _, _ = run(capsys, ob.audit_ledger(tmp_path / "审计.xlsx"), "--db", db)
    assert code == 0
    assert [p["completed_on"] for p in dump(capsys, db)["problems"]] == ["2023-09-15", None, "2023-12-31"]


def test_map_finds_a_header_the_search_cannot(tmp_path, capsys):
    rows = [["巡查记录"], ["发现情况", "处理要求", "办理期限", "承办科室"],
            ["河堤垃圾堆放", "三日内清运", "2023-05-10", "环卫所"]]
    db, path = tmp_path / "台账.db", book(tmp_path / "巡查记录.xlsx", Sheet("记录", rows))
    code, out, err = run(capsys, path, "--db", db)
    assert code == 1 and "第2行看来是表头" in err
    mapping = "发现情况=问题描述,处理要求=measure,办理期限=deadline,承办科室=responsible_units"
    code, out, _ = run(capsys, path, "--db", db, "--map", mapping)
    assert code == 0 and out["header_rows"] == [2] and out["problems_created"] == 1
    problem = dump(capsys, db)["problems"][0]
    assert (problem["description"], problem["deadline"], problem["responsible_units"]) == (
        "河堤垃圾堆放", "2023-05-10", ["环卫所"])
    assert problem["measures"][0]["content"] == "三日内清运"
