"""Files that cannot be ledgers are refused with a Chinese message, exit 1, register untouched."""

from __future__ import annotations

import json
import zipfile

import pytest

from desktop.cli import main as cli
from desktop.ledger.errors import LedgerRefused
from desktop.ledger.importing.importer import import_file, read_ledger
from tests.ledger.workbooks import write_sheet


def _truncated(tmp_path, samples):
    data = (samples / "ledger_county_problems.xlsx").read_bytes()
    path = tmp_path / "截断.xlsx"
    path.write_bytes(data[: len(data) // 2])
    return path


def _protected(tmp_path, samples):
    # An encrypted OOXML file is an OLE container holding an "EncryptedPackage" stream.
    path = tmp_path / "加密.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504
                     + "EncryptedPackage".encode("utf-16-le") + b"\0" * 4096)
    return path


def _html(tmp_path, samples):
    path = tmp_path / "网页导出.xls"
    path.write_text("<html><table><tr><td>序号</td></tr></table></html>", "utf-8")
    return path


def _empty(tmp_path, samples):
    path = tmp_path / "空.xlsx"
    path.write_bytes(b"")
    return path


def _word(tmp_path, samples):
    path = tmp_path / "通知.xlsx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("word/document.xml", "<w:document/>")
    return path


def _no_header(tmp_path, samples):
    return write_sheet(tmp_path / "无表头.xlsx", [["会议纪要"], ["一、会议决定……"], ["二、下一步工作"]])


def _legacy_renamed(tmp_path, samples):
    path = tmp_path / "旧格式改名.xlsx"
    path.write_bytes((samples / "ledger_town_legacy.xls").read_bytes())
    return path


BAD = {"截断": (_truncated, "损坏"), "密码": (_protected, "密码"), "网页": (_html, "不是 Excel"),
       "空文件": (_empty, "空文件"), "非台账压缩包": (_word, "已损坏"),
       "无表头": (_no_header, "没有找到台账的表头")}


@pytest.mark.parametrize("name", list(BAD))
def test_bad_file_refused_register_untouched(register, tmp_path, samples, name):
    make, words = BAD[name]
    path = make(tmp_path, samples)
    with pytest.raises(LedgerRefused, match=words):
        import_file(register, path)
    assert register["problems"].count == 0 and register["undo_steps"].count == 0


def test_refusal_through_command_line(tmp_path, samples, capsys):
    db = tmp_path / "台 账.db"
    cli(["import", str(samples / "ledger_town_legacy.xls"), "--db", str(db)])
    before = json.dumps(json.loads(_dump(db, capsys)))
    code = cli(["import", str(_truncated(tmp_path, samples)), "--db", str(db), "--json"])
    captured = capsys.readouterr()
    assert code == 1 and "损坏" in captured.err
    assert json.loads(captured.out)["committed"] is False
    assert json.dumps(json.loads(_dump(db, capsys))) == before


def _dump(db, capsys) -> str:
    capsys.readouterr()
    cli(["dump", "--db", str(db)])
    return capsys.readouterr().out


def test_missing_sheet_names_what_exists(samples):
    with pytest.raises(LedgerRefused, match="整改台账"):
        read_ledger(samples / "ledger_county_problems.xlsx", sheet="不存在")


def test_legacy_content_with_wrong_extension_still_reads(tmp_path, samples):
    reading = read_ledger(_legacy_renamed(tmp_path, samples))
    assert [p["code"] for p in reading.problems] == ["1", "2", "3"]


def test_absurdly_large_sheet_refused(tmp_path, monkeypatch):
    import desktop.ledger.reading.grid as grid

    monkeypatch.setattr(grid, "MAX_ROWS", 50)
    rows = [["序号", "问题描述", "整改时限"]] + [[i, f"问题{i}", "2022年底"] for i in range(1, 80)]
    with pytest.raises(LedgerRefused, match="超出台账的合理大小"):
        read_ledger(write_sheet(tmp_path / "大.xlsx", rows))
