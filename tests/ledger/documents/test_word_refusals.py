"""Word files that hold no ledger are refused in Chinese, saying what was found; nothing changes."""

from __future__ import annotations

import docx
import pytest

from desktop.cli import main as cli
from desktop.ledger.errors import LedgerRefused
from desktop.ledger.importing.importer import import_file
from tests.ledger.documents.word_docs import plan_docx, problem_list

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _old_word(tmp_path):
    path = tmp_path / "整改方案.doc"
    path.write_bytes(_OLE + b"\0" * 504 + "WordDocument".encode("utf-16-le") + b"\0" * 2048)
    return path


def _locked(tmp_path):
    path = tmp_path / "加密方案.docx"
    path.write_bytes(_OLE + b"\0" * 504 + "EncryptedPackage".encode("utf-16-le") + b"\0" * 2048)
    return path


def _damaged(tmp_path):
    data = problem_list(tmp_path / "完整.docx").read_bytes()
    path = tmp_path / "损坏.docx"
    path.write_bytes(data[: len(data) // 2])
    return path


def _letter(tmp_path):
    return plan_docx(tmp_path / "通知.docx", ["关于召开会议的通知", "各单位：", "定于下周召开会议。"])


def _numbered_without_units(tmp_path):
    return plan_docx(tmp_path / "纪要.docx", ["会议纪要", "一、会议听取了汇报", "二、会议要求：",
                                              "1.提高认识。", "2.加强协调。"])


def _table_without_problems(tmp_path):
    path = tmp_path / "名单.docx"
    document = docx.Document()
    table = document.add_table(rows=2, cols=3)
    for cell, word in zip(table.rows[0].cells, ["单位", "联系人", "电话"]):
        cell.text = word
    document.save(path)
    return path


BAD = {"旧版": (_old_word, "旧版 Word.*另存为“Word 文档"), "密码": (_locked, "密码"),
       "损坏": (_damaged, "损坏"), "无表无编号": (_letter, "没有表格，正文中也没有.*编号条目"),
       "编号无单位": (_numbered_without_units, "有4个编号条目，但都没有写“牵头单位"),
       "表头无问题列": (_table_without_problems, "1张表格，但表头中没有问题列（第一张表的表头：单位、联系人、电话）")}


@pytest.mark.parametrize("name", list(BAD))
def test_refused_with_what_was_found(register, tmp_path, name):
    make, words = BAD[name]
    with pytest.raises(LedgerRefused, match=words):
        import_file(register, make(tmp_path))
    assert register["problems"].count == 0 and register["undo_steps"].count == 0


def test_command_line_exit_1_for_old_word(tmp_path, capsys):
    code = cli(["import", str(_old_word(tmp_path)), "--db", str(tmp_path / "台账.db")])
    assert code == 1 and ".docx" in capsys.readouterr().err
