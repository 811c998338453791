"""Output paths are checked before anything is written: an import whose --failed-out cannot be
written imports nothing; demo, backup, export and report into a place that cannot be written say
so in Chinese and exit 1."""

from __future__ import annotations

import pytest

from desktop.cli import main
from tests.conftest import SAMPLES
from tests.fuzz.harness import register_digest
from tests.ledger.writing.test_every_writer_formula_free import hostile_ledger


@pytest.fixture
def blocked(tmp_path):
    """A 'folder' that is a file: nothing can be created under it, whoever runs the test."""
    wall = tmp_path / "一个文件"
    wall.write_text("x")
    return wall / "子文件夹"


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "台账.db"
    assert main(["import", str(SAMPLES / "ledger_county_problems.xlsx"), "--db", str(path)]) == 0
    return path


def test_import_with_an_unwritable_failed_out_imports_nothing(db, blocked, tmp_path, capsys):
    before = register_digest(db)
    source = hostile_ledger(tmp_path / "上级.xlsx")      # has a skipped row to write out
    assert main(["import", str(source), "--db", str(db), "--failed-out",
                 str(blocked / "未导入.xlsx")]) == 1
    err = capsys.readouterr().err
    assert "未导入行的工作簿" in err and "Traceback" not in err
    assert register_digest(db) == before


@pytest.mark.parametrize("argv", [
    ["backup", "--out", "{b}/备份.db"],
    ["export", "ledger", "--out", "{b}/台账.xlsx"],
    ["export", "unit-forms", "--out", "{b}/表"],
    ["export", "fill-back", "--template", str(SAMPLES / "ledger_county_problems.xlsx"),
     "--out", "{b}/回填.xlsx"],
    ["report", "monthly", "--month", "2024-11", "--xlsx", "{b}/月报.xlsx"],
])
def test_writing_into_an_unwritable_place_is_refused(argv, db, blocked, capsys):
    before = register_digest(db)
    assert main([a.replace("{b}", str(blocked)) for a in argv] + ["--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert "无法" in err or "没有写入权限" in err
    assert register_digest(db) == before


def test_demo_into_an_unwritable_place_is_refused(blocked, capsys):
    assert main(["demo", "--db", str(blocked / "演示.db")]) == 1
    assert "台账文件" in capsys.readouterr().err
    assert not blocked.exists()


def test_a_fault_of_the_program_is_said_in_chinese_and_logged(monkeypatch, capsys,
                                                                own_data_folder):
    class Panic(BaseException):
        pass

    def broken(args):
        raise Panic("index out of bounds")

    monkeypatch.setattr("desktop.cli.register_cmds.cmd_dump", broken)
    assert main(["dump", "--db", str(own_data_folder / "x.db")]) == 1
    err = capsys.readouterr().err
    assert "程序内部错误" in err and "Traceback" not in err
    (log,) = (own_data_folder / "logs").glob("错误-*.txt")
    assert "index out of bounds" in log.read_text(encoding="utf-8")
