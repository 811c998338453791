"""`undo` then `redo` on the command line; dates typed as clerks write them."""

from __future__ import annotations

import json

from desktop.cli import main as cli


def _count(db, capsys) -> int:
    capsys.readouterr()
    assert cli(["dump", "--db", db]) == 0
    return len(json.loads(capsys.readouterr().out)["problems"])


def test_undo_then_redo_an_import(tmp_path, samples, capsys):
    db = str(tmp_path / "县 台账.db")
    assert cli(["import", str(samples / "ledger_county_problems.xlsx"), "--db", db]) == 0
    assert _count(db, capsys) == 8
    assert cli(["undo", "--db", db]) == 0 and "已撤销" in capsys.readouterr().out
    assert _count(db, capsys) == 0
    assert cli(["redo", "--db", db]) == 0
    said = capsys.readouterr().out
    assert "已重做" in said and "ledger_county_problems.xlsx" in said
    assert _count(db, capsys) == 8
    assert cli(["redo", "--db", db]) == 0 and "没有可以重做" in capsys.readouterr().out


def test_as_of_takes_a_chinese_date(tmp_path, capsys):
    db = str(tmp_path / "演示.db")
    assert cli(["demo", "--db", db, "--as-of", "2024年11月20日"]) == 0
    capsys.readouterr()
    assert cli(["summary", "--db", db, "--as-of", "2024.11.20"]) == 0
    assert "截至2024年11月" in capsys.readouterr().out
    assert cli(["summary", "--db", db, "--as-of", "11月20日"]) == 1
    assert "2021年5月10日" in capsys.readouterr().err
