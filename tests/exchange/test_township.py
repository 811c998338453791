"""A township's package merges into the county's register: the county sends the township its
problems (--unit), the township reports progress with evidence, the county merges it back; and
two registers that imported the same ledger on their own merge without false conflicts."""

from __future__ import annotations

import json

from db.changes import now_iso, recorded_step
from db.connection import open_register
from db.evidence_files import evidence_dir
from tests.exchange.support import (
    ROUND,
    add_evidence,
    cli,
    cli_json,
    content,
    county_register,
    edit,
    problem_id,
    steps,
    stored_file,
)


def test_a_townships_package_merges_into_the_county_register(tmp_path, capsys):
    county_path, town_path = tmp_path / "县整改办.db", tmp_path / "青山镇.db"
    county = county_register(county_path)
    sent = cli_json(capsys, "export", "package", "--db", county_path, "--out",
                    tmp_path / "给青山镇.zip", "--unit", "青山镇")
    assert sent["problems"] == 2
    assert cli(capsys, "merge", tmp_path / "给青山镇.zip", "--db", town_path)[0] == 0
    town = open_register(town_path)
    assert [c for (c,) in town.execute("SELECT code FROM problems ORDER BY code")] == ["2", "3"]
    photo = tmp_path / "清运完成.jpg"
    photo.write_bytes(b"photo of the cleared bank")
    edit(town, "青山镇填报", {"3": {"responsible_person": "张镇长"}},
         reports={"3": ("2024-05", "砂石堆场已清理完毕", "已完成", "青山镇")})
    add_evidence(town, "3", photo, "清运完成照片", measure=1)   # measure ids differ between them
    edit(county, "县里的修改", {"1": {"supervisor": "王副县长"}, "3": {"category": "水"}})
    cli(capsys, "export", "package", "--db", town_path, "--out", tmp_path / "青山镇.zip")
    merged = cli_json(capsys, "merge", tmp_path / "青山镇.zip", "--db", county_path)
    assert merged["conflicts"] == [] and merged["problems_created"] == 0
    assert merged["rows_added"] == {"progress_reports": 1, "evidence": 1}
    row = county.execute("SELECT status, progress, responsible_person, category FROM problems"
                         " WHERE id = ?", [problem_id(county, "3")]).fetchone()
    assert row == ("completed", "砂石堆场已清理完毕", "张镇长", "水")
    (unit,) = county.execute("SELECT unit FROM progress_reports WHERE text = '砂石堆场已清理完毕'"
                             ).fetchone()
    assert unit == "青山镇"
    sha, stored = stored_file(county, "清运完成照片")
    assert stored.read_bytes() == b"photo of the cleared bank" and sha == stored_file(town, "清运完成照片")[0]
    assert stored.is_relative_to(evidence_dir(county))
    (measure,) = county.execute("SELECT m.seq FROM evidence e JOIN measures m ON m.id = e.measure_id"
                                " WHERE m.problem_id = ?", [problem_id(county, "3")]).fetchone()
    assert measure == 1
    partner = county.execute("SELECT name, packages FROM exchange_partners").fetchone()
    assert partner == ("青山镇", 1)


def test_registers_that_imported_the_same_ledger_on_their_own(tmp_path, capsys):
    """No common package: the fields each side changed are still told apart."""
    county, town = county_register(tmp_path / "县.db"), county_register(tmp_path / "镇.db")
    edit(town, "镇里的修改", {"2": {"target": "扬尘在线监测全覆盖"}})
    edit(county, "县里的修改", {"3": {"target": "砂石全部清运"}})
    cli(capsys, "export", "package", "--db", tmp_path / "镇.db", "--out", tmp_path / "镇.zip",
        "--round", ROUND)
    merged = cli_json(capsys, "merge", tmp_path / "镇.zip", "--db", tmp_path / "县.db")
    assert merged["conflicts"] == [] and merged["problems_updated"] == 1
    targets = dict(county.execute("SELECT code, target FROM problems").fetchall())
    assert targets["2"] == "扬尘在线监测全覆盖" and targets["3"] == "砂石全部清运"
    assert merged["rows_added"] == {}     # the reports both imported are the same reports


def test_a_package_lists_what_changed_since_the_last_one(tmp_path, capsys):
    path = tmp_path / "县.db"
    county = county_register(path)
    first = cli_json(capsys, "export", "package", "--db", path, "--out", tmp_path / "一.zip")
    edit(county, "修改", {"4": {"supervisor": "赵副县长"}})
    second = cli_json(capsys, "export", "package", "--db", path, "--out", tmp_path / "二.zip")
    assert first["changes"] == 0 and second["changes"] == 1
    import zipfile
    with zipfile.ZipFile(tmp_path / "二.zip") as zf:
        listed = json.loads(zf.read("content.json"))["changes"]
        manifest = json.loads(zf.read("manifest.json"))
    assert [(c["code"], c["fields"]) for c in listed] == [("4", ["supervisor"])]
    assert manifest["register_id"] and manifest["members"]["content.json"]
    assert content(county)["problems"][3]["supervisor"] == "赵副县长"


def test_unknown_round_or_unit_is_refused(tmp_path, capsys):
    path = tmp_path / "县.db"
    county_register(path)
    code, _, err = cli(capsys, "export", "package", "--db", path, "--out", tmp_path / "x.zip",
                       "--unit", "不存在的单位")
    assert code == 1 and "没有“不存在的单位”负责的问题" in err and not (tmp_path / "x.zip").exists()


def test_a_package_from_an_identical_register_changes_nothing(tmp_path, capsys):
    county, town = county_register(tmp_path / "县.db"), county_register(tmp_path / "镇.db")
    before = steps(county)
    cli(capsys, "export", "package", "--db", tmp_path / "镇.db", "--out", tmp_path / "镇.zip")
    code, out, _ = cli(capsys, "merge", tmp_path / "镇.zip", "--db", tmp_path / "县.db")
    assert code == 0 and "未变 4 个" in out and "台账未改变" in out
    assert steps(county) == before and content(county) == content(town)


def test_new_problems_from_a_township_that_had_our_package(tmp_path, capsys):
    """A township's self-found problems match nothing here, yet it is no unrelated register:
    it merged this county's package before."""
    county_path, town_path = tmp_path / "县.db", tmp_path / "城关镇.db"
    county = county_register(county_path)
    cli(capsys, "export", "package", "--db", county_path, "--out", tmp_path / "县.zip",
        "--unit", "城关镇")
    cli(capsys, "merge", tmp_path / "县.zip", "--db", town_path)
    town = open_register(town_path)
    with recorded_step(town, "自查问题") as step:
        rid = step.insert("rounds", {"name": "城关镇自查"})
        step.insert("problems", {"round_id": rid, "code": "Z1", "title": "集镇垃圾中转站渗漏",
                                 "created_at": now_iso(), "updated_at": now_iso()})
    cli(capsys, "export", "package", "--db", town_path, "--out", tmp_path / "自查.zip",
        "--round", "城关镇自查")
    merged = cli_json(capsys, "merge", tmp_path / "自查.zip", "--db", county_path)
    assert merged["problems_created"] == 1
    assert county.execute("SELECT count(*) FROM problems").fetchone()[0] == 5


def test_a_units_package_holds_the_problems_it_has_a_measure_in(tmp_path, capsys):
    path = tmp_path / "县.db"
    county = county_register(path)
    edit(county, "分工", {}, measures={("2", 1): {"responsible_units": '["县财政局"]'}})
    sent = cli_json(capsys, "export", "package", "--db", path, "--out", tmp_path / "财政.zip",
                    "--unit", "县财政局")
    assert sent["problems"] == 2
    fresh = tmp_path / "财政局.db"
    cli(capsys, "merge", tmp_path / "财政.zip", "--db", fresh)
    codes = [c for (c,) in open_register(fresh).execute("SELECT code FROM problems ORDER BY code")]
    assert codes == ["1", "2"]
