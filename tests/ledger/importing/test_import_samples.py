"""Every sample ledger imports to exactly what its expected/ file says, through the engine and
through the command line."""

from __future__ import annotations

import json

import pytest

from db.records import dump_register
from desktop.cli import main as cli
from desktop.ledger.importing.importer import import_file

SAMPLES = ["ledger_county_problems.xlsx", "ledger_town_legacy.xls",
           "ledger_work_points_2020.xlsx", "petitions_county.xlsx"]


def assert_matches(expected: dict, actual: dict, where: str) -> None:
    for key, want in expected.items():
        if key.endswith("_contains"):
            field = key[: -len("_contains")]
            assert want in (actual[field] or ""), f"{where}.{field}: {actual[field]!r}"
        elif key == "measures" and isinstance(want, int):
            assert len(actual["measures"]) == want, f"{where} measures"
        elif key == "measures":
            assert len(actual["measures"]) == len(want), f"{where} measures"
            for i, (m_want, m_got) in enumerate(zip(want, actual["measures"])):
                assert_matches(m_want, m_got, f"{where}.measures[{i}]")
        else:
            assert actual[key] == want, f"{where}.{key}: {actual[key]!r} != {want!r}"


def check_expected(dump: dict, expected: dict) -> None:
    for kind in ("problems", "petitions"):
        wanted = expected.get(kind, [])
        got = {r["code"]: r for r in dump[kind]}
        assert len(got) == len(wanted), kind
        for item in wanted:
            assert item["code"] in got, f"{kind} {item['code']} missing"
            assert_matches(item, got[item["code"]], f"{kind}[{item['code']}]")


@pytest.mark.parametrize("name", SAMPLES)
def test_sample_imports_as_expected(register, samples, name):
    result = import_file(register, samples / name)
    assert result.committed and not result.errors
    expected = json.loads((samples / "expected" / (name.rsplit(".", 1)[0] + ".json")).read_text("utf-8"))
    check_expected(dump_register(register), expected)


@pytest.mark.parametrize("name", SAMPLES)
def test_sample_twice_changes_nothing(register, samples, name):
    import_file(register, samples / name)
    steps = register["undo_steps"].count
    again = import_file(register, samples / name)
    assert again.problems_created == again.problems_updated == 0
    assert again.petitions_created == again.petitions_updated == 0
    assert register["undo_steps"].count == steps


def test_command_line_import_json_and_dump(tmp_path, samples, capsys):
    db = tmp_path / "县 台账.db"
    assert cli(["import", str(samples / "ledger_county_problems.xlsx"), "--db", str(db), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["kind"] == "problems" and out["header_rows"] == [3, 4]
    assert out["problems_created"] == 8 and out["measures"] == 18 and out["committed"] is True
    assert [s["row"] for s in out["skipped_rows"]] == [23, 24]
    assert cli(["dump", "--db", str(db)]) == 0
    dump = json.loads(capsys.readouterr().out)
    expected = json.loads((samples / "expected" / "ledger_county_problems.json").read_text("utf-8"))
    check_expected(dump, expected)


def test_dry_run_writes_nothing(tmp_path, samples, capsys):
    db = tmp_path / "试导入.db"
    files = [str(samples / n) for n in SAMPLES]
    assert cli(["import", *files, "--db", str(db), "--dry-run", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [o["committed"] for o in out] == [False] * 4
    assert out[0]["problems_created"] == 8 and out[3]["petitions_created"] == 6
    cli(["dump", "--db", str(db)])
    assert json.loads(capsys.readouterr().out) == {"problems": [], "petitions": [],
                                                  "accountability": [], "chronicle": []}


def test_import_then_undo_is_one_step(tmp_path, samples, capsys):
    db = tmp_path / "撤销.db"
    cli(["import", str(samples / "ledger_work_points_2020.xlsx"), "--db", str(db)])
    capsys.readouterr()
    assert cli(["undo", "--db", str(db)]) == 0
    assert "导入" in capsys.readouterr().out
    cli(["dump", "--db", str(db)])
    assert json.loads(capsys.readouterr().out)["problems"] == []
