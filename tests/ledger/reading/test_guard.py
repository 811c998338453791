"""The guarded opening path: extents measured before any reader allocates, reader failures of
every kind (Rust panics are BaseException) refused in Chinese, the grid sparse, merges indexed."""

from __future__ import annotations

import random
import zipfile

import pytest

from desktop.ledger.errors import LedgerRefused
from desktop.ledger.reading import extent as ex
from desktop.ledger.reading.grid import Grid, open_book
from desktop.ledger.reading.guard import check_workbook, load_for_editing, reader_errors
from tests.fuzz import hostile


def scan(*chunks: bytes) -> ex.SheetExtent:
    scanner = ex._SheetScanner()
    for chunk in chunks:
        scanner.feed(chunk)
    scanner.feed(b">")
    return scanner.extent


def test_value_span_counts_only_cells_that_hold_a_value():
    got = scan(b'<row r="1"><c r="A1" t="s"><v>1</v></c><c r="XFD1048576" s="3"/></row>'
               b'<row r="7" spans="1:2"><c t="s"><v>1</v></c><c><v>2</v></c></row>'
               b'<row><c><v>3</v></c></row><c:chart><c:v>1</c:v></c:chart>')
    assert (got.first_row, got.last_row, got.first_col, got.last_col) == (0, 7, 0, 1)
    assert got.values == 4 and got.cells >= 5


def test_positions_follow_rows_across_chunks():
    got = scan(b'<row r="5"><c r="B5"><v>1</v></c></row><row r="40"></row><row>',
               b'</row><row><c><v>1</v></c></row>')
    assert (got.last_row, got.last_col) == (41, 1)
    opened = scan(b'<row r="5"><c r="B5" s="1"/><c r="Z5">', b"<v>1</v></c></row>")
    assert (opened.values, opened.first_col) == (1, 25)


def test_far_apart_cells_are_too_large_before_any_reader_runs():
    with pytest.raises(ex.TooLarge, match="范围过大"):
        scan(b'<row r="1"><c r="A1"><v>1</v></c></row>'
             b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>')


def test_merges_are_counted_by_area():
    got = scan(b'<mergeCells><mergeCell ref="A1:XFD1048576"/><mergeCell ref="B2:C3"/></mergeCells>')
    assert got.merges == 2 and got.merged_cells == 16384 * 1048576 + 4


@pytest.mark.parametrize("kind", ["far_corner", "far_middle", "far_no_refs", "far_xls", "many_parts",
                                  "unsupported_zip", "bad_name_zip", "encrypted", "ole_garbage",
                                  "truncated_xls", "html_as_xls", "docx_as_xlsx", "long_tag"])
def test_hostile_files_are_refused_in_chinese_before_reading(kind, tmp_path):
    path = hostile.KINDS[kind](tmp_path, random.Random(3))
    with pytest.raises(LedgerRefused, match=path.name):
        book = open_book(path)
        for name in book.sheet_names:
            book.grid(name)
        raise AssertionError("read")


def test_a_merge_over_the_whole_sheet_is_read_clipped(tmp_path):
    book = open_book(hostile.whole_sheet_merge(tmp_path, random.Random(0)))
    grid = book.grid(book.sheet_names[0])
    assert grid.merges == [(0, 0, grid.height - 1, grid.width - 1)]


def test_openpyxl_is_guarded_by_the_same_checks(tmp_path):
    with pytest.raises(LedgerRefused, match="合并"):
        load_for_editing(hostile.whole_sheet_merge(tmp_path, random.Random(0)))
    broken = tmp_path / "坏部件.xlsx"
    with zipfile.ZipFile(hostile.GOOD_XLSX) as src, zipfile.ZipFile(broken, "w") as out:
        for info in src.infolist():
            data = src.read(info)
            out.writestr(info, data[:len(data) // 2] if info.filename.endswith("styles.xml")
                         else data)
    with pytest.raises(LedgerRefused, match="已损坏"):       # openpyxl's ParseError
        load_for_editing(broken)


class FakePanic(BaseException):
    """What pyo3 raises when the Rust reader panics: not an Exception."""


def test_a_reader_panic_becomes_a_refusal(tmp_path):
    with pytest.raises(LedgerRefused, match="已损坏或不完整"), reader_errors(tmp_path / "坏.xls"):
        raise FakePanic("index out of bounds")
    with pytest.raises(KeyboardInterrupt), reader_errors(tmp_path / "坏.xls"):
        raise KeyboardInterrupt


def test_a_zip_error_of_any_kind_is_a_refusal(tmp_path, monkeypatch):
    path = hostile.GOOD_XLSX
    monkeypatch.setattr(zipfile.ZipFile, "infolist", lambda self: (_ for _ in ()).throw(
        NotImplementedError("compression type 99")))
    with pytest.raises(LedgerRefused, match="compression type 99"):
        check_workbook(path)


def test_one_merge_over_the_whole_sheet_costs_what_a_small_one_costs():
    grid = Grid("表", {0: ["标题"], 5: [None, None, "x"]}, [(0, 0, 1_048_575, 16_383)])
    assert grid.merges == [(0, 0, 5, 2)]               # clipped to the cells that exist
    assert grid.raw(5, 2) == "x" and grid.merged_from(3, 1) == (0, 0)
    assert grid.value(4, 1) == "标题" and grid.merged_from(0, 0) is None
    assert len(grid._blocks) == 3                      # one block of rows, three columns


def test_stacked_merges_are_refused_not_walked():
    with pytest.raises(LedgerRefused, match="相互重叠"):        # too many places
        Grid("表", {0: ["a"], 50_000: [None] * 9 + ["x"]},
             [(i % 50, 0, 49_999, 9) for i in range(3000)])
    with pytest.raises(LedgerRefused, match="相互重叠"):        # one place crowded
        Grid("表", {0: ["a"], 63: [None, "x"]}, [(i % 60, 0, 63, 1) for i in range(100)])


def test_the_grid_keeps_only_rows_with_values():
    grid = Grid("表", {3: ["a"], 200_000: [None, "b"]})
    assert (grid.height, grid.width) == (200_001, 2)
    assert grid.raw(200_000, 1) == "b" and grid.raw(7, 0) is None
    assert list(grid.cells()) == [(3, 0, "a"), (200_000, 1, "b")]
    assert len(grid._rows) == 2


def test_a_merge_whose_text_sits_in_another_cell_shows_it_first():
    grid = Grid("表", [[None, None], [None, "正文"]], [(0, 0, 1, 1)])
    assert grid.value(0, 0) == "正文" and grid.raw(1, 1) is None


def _sheet_xml(rng: random.Random, rows: int) -> bytes:
    """Usual cells mostly, with the odd ones mixed in: no reference, a row-only reference,
    empty styled cells, a prefixed cell, rows without numbers."""
    out = []
    for r in range(1, rows + 1):
        cells = []
        for c in "ABCDEFG":
            kind = rng.random()
            if kind < 0.85:
                cells.append(f'<c r="{c}{r}" t="s"><v>{r}</v></c>')
            elif kind < 0.9:
                cells.append(f'<c r="{c}{r}" s="2"/>')
            elif kind < 0.95 and r % 700 == 0:
                cells.append("<c><v>1</v></c>")
            elif r % 900 == 0:
                cells.append(f'<x:c r="{c}{r}"><x:v>1</x:v></x:c>')
        number = f' r="{r}"' if r % 41 else ""
        out.append(f"<row{number}>{''.join(cells)}</row>")
    return "".join(out).encode()


@pytest.mark.parametrize("seed", range(4))
def test_usual_cells_measured_in_bulk_as_one_by_one(seed, monkeypatch):
    rng = random.Random(seed)
    xml = _sheet_xml(rng, 3000)
    cuts = sorted(rng.sample(range(1, len(xml)), 12))
    chunks = [xml[a:b] for a, b in zip([0, *cuts], [*cuts, len(xml)])]
    bulk = scan(*chunks)
    monkeypatch.setattr(ex._SheetScanner, "_plain_cells", lambda *_: False)
    assert bulk == scan(*chunks) and bulk.values > 4096


def test_far_cells_past_the_first_checks_are_refused_in_bulk_too():
    rows = "".join(f'<row r="{r}"><c r="A{r}"><v>1</v></c><c r="B{r}"><v>1</v></c></row>'
                   for r in range(1, 3000))
    far = '<row r="900000"><c r="ZZ900000"><v>1</v></c></row>'
    with pytest.raises(ex.TooLarge, match="范围过大"):
        scan(rows.encode(), (far + rows).encode())


def test_overlapping_merges_are_looked_up_in_their_order():
    merges = [(0, 0, 5, 0), (2, 0, 8, 0), (10, 0, 12, 1)]
    grid = Grid("表", [["甲", "乙"]] + [[None, None]] * 15, merges)
    assert [grid.merged_from(r, 0) for r in (0, 3, 7, 9, 11)] == [None, (0, 0), (2, 0), None, (10, 0)]
    apart = Grid("表", [["甲", "乙"]] * 16, [(0, 0, 1, 0), (4, 0, 6, 1), (14, 1, 15, 1)])
    assert [apart.merged_from(r, c) for r, c in ((1, 0), (3, 0), (6, 1), (4, 0), (15, 1))] == [
        (0, 0), None, (4, 0), None, (14, 1)]
