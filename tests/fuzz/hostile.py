"""Hostile and damaged workbooks, made by hand: each maker writes one file into a folder and
returns its path. `KINDS` names them all; `sample(n, seed)` picks a bounded mix for the normal
test run. Sizes are chosen to pass the crude checks (file size, declared unpacked size) and to
hit the readers where they allocate: far-apart cells, merges over the whole sheet, zip bombs
under the 1 GB limit, damaged zips and OLE files, disguised web pages and CSV files."""

from __future__ import annotations

import random
import struct
import zipfile
from collections.abc import Callable, Iterable
from pathlib import Path

SAMPLES = Path(__file__).resolve().parent.parent / "fixtures" / "samples"
GOOD_XLSX = SAMPLES / "ledger_county_problems.xlsx"
GOOD_XLS = SAMPLES / "ledger_town_legacy.xls"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

_TYPES = (b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
          b'package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.'
          b'openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType='
          b'"application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/'
          b'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName='
          b'"/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument'
          b'.spreadsheetml.worksheet+xml"/></Types>')
_RELS = (b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats'
         b'.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxml'
         b'formats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
         b'</Relationships>')
_BOOK = ('<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/'
         'spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
         'relationships"><sheets><sheet name="台账" sheetId="1" r:id="rId1"/></sheets></workbook>'
         ).encode()
_BOOK_RELS = (b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxml'
              b'formats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas'
              b'.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/'
              b'sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/office'
              b'Document/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
              b'</Relationships>')
SHEET_HEAD = (b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats'
              b'.org/spreadsheetml/2006/main"><sheetData>')


def inline(ref: str, text: str) -> bytes:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'.encode()


def header_row() -> bytes:
    cells = b"".join(inline(f"{c}1", t) for c, t in zip("ABCDE", ["序号", "问题描述", "整改措施",
                                                                  "整改时限", "责任单位"]))
    return b'<row r="1">' + cells + b"</row>" + b'<row r="2">' + inline("A2", "1") + \
        inline("B2", "问题甲") + b"</row>"


def raw_xlsx(path: Path, sheet: Iterable[bytes], *, merges: Iterable[bytes] = (),
             shared: Iterable[bytes] | None = None) -> Path:
    """A minimal package whose sheet XML (and shared strings) are streamed from chunks."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        zf.writestr("[Content_Types].xml", _TYPES)
        zf.writestr("_rels/.rels", _RELS)
        zf.writestr("xl/workbook.xml", _BOOK)
        zf.writestr("xl/_rels/workbook.xml.rels", _BOOK_RELS)
        with zf.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as fh:
            fh.write(SHEET_HEAD)
            for chunk in sheet:
                fh.write(chunk)
            fh.write(b"</sheetData>")
            merge_list = b"".join(merges)
            if merge_list:
                fh.write(b'<mergeCells>' + merge_list + b"</mergeCells>")
            fh.write(b"</worksheet>")
        if shared is not None:
            with zf.open("xl/sharedStrings.xml", "w", force_zip64=True) as fh:
                fh.write(b'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.'
                         b'openxmlformats.org/spreadsheetml/2006/main">')
                for chunk in shared:
                    fh.write(chunk)
                fh.write(b"</sst>")
    return path


def _repeat(piece: bytes, total: int) -> Iterable[bytes]:
    block = piece * max(1, (1 << 20) // len(piece))
    for _ in range(max(1, total // len(block))):
        yield block


# ---- the makers: (folder, rng) → path ------------------------------------------------------

def far_corner(folder: Path, rng: random.Random) -> Path:
    return raw_xlsx(folder / "远角.xlsx", [header_row(), b'<row r="1048576">',
                                         inline("XFD1048576", "远"), b"</row>"])


def far_middle(folder: Path, rng: random.Random) -> Path:
    return raw_xlsx(folder / "远处.xlsx", [header_row(), b'<row r="200000">',
                                         inline("OJ200000", "远"), b"</row>"])


def far_no_refs(folder: Path, rng: random.Random) -> Path:
    """Cells without r attributes, placed by position: 20 000 columns in one row."""
    row = b'<row r="3">' + b'<c t="inlineStr"><is><t>x</t></is></c>' * 20_000 + b"</row>"
    return raw_xlsx(folder / "无坐标.xlsx", [header_row(), row, b'<row r="150000">',
                                          inline("A150000", "x"), b"</row>"])


def whole_sheet_merge(folder: Path, rng: random.Random) -> Path:
    return raw_xlsx(folder / "整表合并.xlsx", [header_row()],
                    merges=[b'<mergeCell ref="A1:XFD1048576"/>'])


def many_merges(folder: Path, rng: random.Random) -> Path:
    merges = (f'<mergeCell ref="A{r}:B{r}"/>'.encode() for r in range(3, 300_003))
    return raw_xlsx(folder / "大量合并.xlsx", [header_row()], merges=merges)


def overlapping_merges(folder: Path, rng: random.Random) -> Path:
    merges = [b'<mergeCell ref="A1:ZZ60000"/>'] * 5000
    return raw_xlsx(folder / "重叠合并.xlsx", [header_row(), b'<row r="60000">',
                                             inline("ZZ60000", "x"), b"</row>"], merges=merges)


def stacked_merges(folder: Path, rng: random.Random) -> Path:
    """Three thousand merges stacked over the same tall block, inside the extent bounds."""
    merges = (f'<mergeCell ref="A{1 + i % 50}:J50000"/>'.encode() for i in range(3000))
    return raw_xlsx(folder / "叠放合并.xlsx", [header_row(), b'<row r="50000">',
                                             inline("J50000", "x"), b"</row>"], merges=merges)


def bomb_styled_cells(folder: Path, rng: random.Random) -> Path:
    """Some 600 MB of styled empty cells, a few MB packed."""
    row = b'<row>' + b'<c s="1"/>' * 1000 + b"</row>"
    return raw_xlsx(folder / "炸弹空格.xlsx", [header_row(), *_repeat(row, 600 << 20)])


def bomb_values(folder: Path, rng: random.Random) -> Path:
    """Three million numbers in a dense block: small packed, huge once read."""
    row = b"<row>" + b"<c><v>1</v></c>" * 300 + b"</row>"
    return raw_xlsx(folder / "炸弹数值.xlsx", [header_row(), *(row for _ in range(10_000))])


def bomb_strings(folder: Path, rng: random.Random) -> Path:
    """900 MB of shared strings under the 1 GB unpacked limit."""
    return raw_xlsx(folder / "炸弹字符串.xlsx", [header_row()],
                    shared=_repeat(b"<si><t>" + b"x" * 4000 + b"</t></si>", 900 << 20))


def long_tag(folder: Path, rng: random.Random) -> Path:
    return raw_xlsx(folder / "超长标记.xlsx", [header_row(), b'<row r="3"><c r="A3" x="',
                                            *_repeat(b"a", 40 << 20), b'"/></row>'])


def truncated_xlsx(folder: Path, rng: random.Random) -> Path:
    data = GOOD_XLSX.read_bytes()
    return _write(folder / "截断.xlsx", data[:rng.randint(30, len(data) - 1)])


def truncated_xls(folder: Path, rng: random.Random) -> Path:
    data = GOOD_XLS.read_bytes()
    return _write(folder / "截断.xls", data[:rng.randint(600, len(data) - 1)])


def flipped_xlsx(folder: Path, rng: random.Random) -> Path:
    return _write(folder / "损坏.xlsx", _flip(GOOD_XLSX.read_bytes(), rng))


def flipped_xls(folder: Path, rng: random.Random) -> Path:
    return _write(folder / "损坏.xls", _flip(GOOD_XLS.read_bytes(), rng, start=512))


def zeroed_xls(folder: Path, rng: random.Random) -> Path:
    """A block of an .xls overwritten with zeros or 0xFF, as a bad disk or download leaves it."""
    data = bytearray(GOOD_XLS.read_bytes())
    at, size = rng.randrange(512, len(data)), rng.choice([64, 512, 4096])
    data[at:at + size] = bytes([rng.choice([0, 255])]) * len(data[at:at + size])
    return _write(folder / "坏块.xls", bytes(data))


def far_xls(folder: Path, rng: random.Random) -> Path:
    """A legacy .xls with one text cell moved to IV65536: 16.7 million slots for a dense reader."""
    data = bytearray(GOOD_XLS.read_bytes())
    at = data.find(b"\xfd\x00\x0a\x00", 512)            # a LABELSST record: row, column, …
    data[at + 4:at + 8] = struct.pack("<HH", 65535, 255)
    return _write(folder / "远处.xls", bytes(data))


def many_sheets(folder: Path, rng: random.Random) -> Path:
    """Two thousand small sheets, each with a header-like row, for the sheet finder to walk."""
    path = folder / "很多工作表.xlsx"
    count = 2000
    sheets = "".join(f'<sheet name="表{i}" sheetId="{i + 1}" r:id="rId{i + 1}"/>' for i in range(count))
    rels = "".join(f'<Relationship Id="rId{i + 1}" Type="http://schemas.openxmlformats.org/'
                   f'officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i}.xml"/>'
                   for i in range(count))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", _TYPES)
        zf.writestr("_rels/.rels", _RELS)
        zf.writestr("xl/workbook.xml", _BOOK.replace(
            '<sheet name="台账" sheetId="1" r:id="rId1"/>'.encode(), sheets.encode()))
        zf.writestr("xl/_rels/workbook.xml.rels", _BOOK_RELS.split(b"<Relationship ")[0]
                    + rels.encode() + b"</Relationships>")
        for i in range(count):
            zf.writestr(f"xl/worksheets/sheet{i}.xml", SHEET_HEAD + header_row()
                        + b"</sheetData></worksheet>")
    return path


def entity_bomb(folder: Path, rng: random.Random) -> Path:
    """The 'billion laughs': nested entities in the workbook part."""
    lol = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
           + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
                     for i in range(1, 10)) + "]>")
    base = raw_xlsx(folder / "表头.xlsx", [header_row()])
    path = folder / "实体炸弹.xlsx"
    with zipfile.ZipFile(base) as src, zipfile.ZipFile(path, "w") as out:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "xl/workbook.xml":
                data = lol.encode() + data.split(b"?>", 1)[1].replace(
                    b'name="\xe5\x8f\xb0\xe8\xb4\xa6"', b'name="&lol9;"')
            out.writestr(info, data)
    return path


def many_parts(folder: Path, rng: random.Random) -> Path:
    """Sixty thousand empty zip entries beside a small workbook."""
    path = raw_xlsx(folder / "很多部件.xlsx", [header_row()])
    with zipfile.ZipFile(path, "a") as zf:
        for i in range(60_000):
            zf.writestr(f"xl/media/x{i}", b"")
    return path


def unsupported_zip(folder: Path, rng: random.Random) -> Path:
    """A compression method zipfile does not know (99, as AES-encrypted zips use)."""
    data = bytearray(GOOD_XLSX.read_bytes())
    for sig, offset in ((b"PK\x03\x04", 8), (b"PK\x01\x02", 10)):
        at = data.find(sig)
        while at != -1:
            data[at + offset:at + offset + 2] = struct.pack("<H", 99)
            at = data.find(sig, at + 4)
    return _write(folder / "压缩方式.xlsx", bytes(data))


def bad_name_zip(folder: Path, rng: random.Random) -> Path:
    """A member name that is not UTF-8 although its flag says it is."""
    path = folder / "乱码名.xlsx"
    with zipfile.ZipFile(GOOD_XLSX) as src, zipfile.ZipFile(path, "w") as out:
        for info in src.infolist():
            out.writestr(info, src.read(info))
        out.writestr("xl/media/\u4e2d.png", b"x")
    data = bytearray(path.read_bytes())
    name = "\u4e2d".encode()
    at = data.find(name)
    while at != -1:
        data[at:at + len(name)] = b"\xff\xfe\xfd"
        at = data.find(name, at + 1)
    return _write(path, bytes(data))


def broken_xml(folder: Path, rng: random.Random) -> Path:
    return raw_xlsx(folder / "坏XML.xlsx", [header_row(), b'<row r="3"><c r="A3" t="s"><v>9999',
                                            b"</row><</c>&bad;"])


def missing_sheet(folder: Path, rng: random.Random) -> Path:
    path = folder / "缺工作表.xlsx"
    with zipfile.ZipFile(GOOD_XLSX) as src, zipfile.ZipFile(path, "w") as out:
        for info in src.infolist():
            if not info.filename.startswith("xl/worksheets/"):
                out.writestr(info, src.read(info))
    return path


def docx_as_xlsx(folder: Path, rng: random.Random) -> Path:
    path = folder / "其实是Word.xlsx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("word/document.xml", "<w:document/>")
    return path


def encrypted(folder: Path, rng: random.Random) -> Path:
    body = bytearray(rng.randbytes(8192))
    body[1024:1024 + 32] = "EncryptedPackage".encode("utf-16-le")
    return _write(folder / "加密.xlsx", _OLE + bytes(body))


def ole_garbage(folder: Path, rng: random.Random) -> Path:
    return _write(folder / "坏OLE.xls", _OLE + rng.randbytes(rng.choice([100, 4096, 70_000])))


def html_as_xls(folder: Path, rng: random.Random) -> Path:
    return _write(folder / "网页.xls", "<html><body><table><tr><td>序号</td><td>问题描述</td></tr>"
                  "</table></body></html>".encode())


def csv_as_xls(folder: Path, rng: random.Random) -> Path:
    return _write(folder / "逗号.xls", "序号,问题描述,整改时限\n1,问题甲,2024年底\n".encode("gbk"))


def empty_file(folder: Path, rng: random.Random) -> Path:
    return _write(folder / "空.xlsx", b"")


def _flip(data: bytes, rng: random.Random, start: int = 0) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 40)):
        out[rng.randrange(start, len(out))] = rng.randrange(256)
    return bytes(out)


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


Maker = Callable[[Path, random.Random], Path]
KINDS: dict[str, Maker] = {f.__name__: f for f in (
    far_corner, far_middle, far_no_refs, far_xls, whole_sheet_merge, many_sheets, entity_bomb,
    stacked_merges,
    many_parts, many_merges, overlapping_merges,
    bomb_styled_cells, bomb_values, bomb_strings, long_tag, truncated_xlsx, truncated_xls,
    flipped_xlsx, flipped_xls, zeroed_xls, unsupported_zip, bad_name_zip, broken_xml,
    missing_sheet, docx_as_xlsx, encrypted, ole_garbage, html_as_xls, csv_as_xls, empty_file)}
# Kinds made again with another seed give another file; the rest are one file each.
RANDOM_KINDS = ("truncated_xlsx", "truncated_xls", "flipped_xlsx", "flipped_xls", "zeroed_xls",
                "ole_garbage", "encrypted")
SLOW_KINDS = ("bomb_styled_cells", "bomb_strings", "long_tag")


def cases(repeats: int) -> list[tuple[str, int]]:
    """Every kind once, the random kinds `repeats` times each (seeds 0…)."""
    return [(k, 0) for k in KINDS] + [(k, s) for k in RANDOM_KINDS for s in range(1, repeats)]


# ---- returned unit forms, damaged (the good form is made by the runner from its register) ----

GOOD_FORM: list[Path] = []


def _form() -> Path:
    return GOOD_FORM[0] if GOOD_FORM else GOOD_XLSX


def truncated_form(folder: Path, rng: random.Random) -> Path:
    data = _form().read_bytes()
    return _write(folder / "截断填报表.xlsx", data[:rng.randint(30, len(data) - 1)])


def flipped_form(folder: Path, rng: random.Random) -> Path:
    return _write(folder / "损坏填报表.xlsx", _flip(_form().read_bytes(), rng))


def form_with_broken_part(folder: Path, rng: random.Random) -> Path:
    """One part of the form replaced by garbage XML (openpyxl's ParseError, KeyError…)."""
    path = folder / "部件损坏填报表.xlsx"
    with zipfile.ZipFile(_form()) as src:
        names = [i.filename for i in src.infolist() if i.filename.endswith(".xml")]
        victim = rng.choice(names)
        with zipfile.ZipFile(path, "w") as out:
            for info in src.infolist():
                data = src.read(info)
                if info.filename == victim:
                    data = data[:rng.randint(0, len(data))] + rng.choice(
                        [b"<", b"&x;", b"</nope>", b"\xff\xfe", b""])
                out.writestr(info, data)
    return path


KINDS.update({f.__name__: f for f in (truncated_form, flipped_form, form_with_broken_part)})
RANDOM_KINDS += ("truncated_form", "flipped_form", "form_with_broken_part")
