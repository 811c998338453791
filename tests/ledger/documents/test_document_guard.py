"""The bounds of document_guard.py, in process: each hostile document is refused by its own check
(the fuzz run checks the same files end to end under memory and time limits)."""

from __future__ import annotations

import random

import pytest

from desktop.ledger.errors import LedgerRefused
from desktop.ledger.reading.documents import open_book
from tests.fuzz import hostile_documents as documents


@pytest.mark.parametrize(("kind", "said"), [
    ("docx_bomb", "解压后超过 256 MB"),
    ("docx_many_elements", "XML 元素超过 150 万个"),
    ("docx_wide_span", "跨越 1000000000 列"),
    ("docx_entity_bomb", "实体声明"),
    ("docx_many_tables", "有超过 3000 张表格"),
    ("docx_unsupported_zip", "已损坏或不完整（That compression method"),
    ("docx_encrypted_member", "已损坏或不完整"),
    ("docx_encrypted", "设有打开密码"),
    ("txt_huge", "超出整改方案正文的合理大小"),
    ("txt_binary", "不是可读的文本"),
    ("txt_gbk_garbage", "不是可读的文本"),
])
def test_refused_by_its_check(kind, said, tmp_path):
    path = documents.DOCUMENT_KINDS[kind](tmp_path, random.Random(7))
    with pytest.raises(LedgerRefused) as refused:
        open_book(path)
    assert said in str(refused.value)
    assert path.name in str(refused.value)


def test_a_table_past_the_cell_budget_is_refused(tmp_path, monkeypatch):
    from desktop.ledger.reading import docx_tables

    monkeypatch.setattr(docx_tables, "MAX_TABLE_CELLS", 20)
    path = documents.good_docx(tmp_path)
    with pytest.raises(LedgerRefused, match="超过 0 万个单元格"):
        open_book(path)


def test_a_good_document_passes_the_checks(tmp_path):
    book = open_book(documents.good_docx(tmp_path))
    assert book.sheet_names == ["表格1"]
