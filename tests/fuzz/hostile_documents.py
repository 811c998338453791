"""Hostile and damaged Word documents, plan texts and exchange packages, made like hostile.py's
workbooks: each maker writes one file into a folder and returns its path.

DOCUMENT_KINDS go to `import` (and the other workbook modes); PACKAGE_KINDS to `merge`. A good
.docx is made with python-docx and damaged or blown up; a good package is exported from the base
register (GOOD_PACKAGE, set by base.make_base)."""

from __future__ import annotations

import random
import struct
import zipfile
from collections.abc import Iterable
from pathlib import Path

from tests.fuzz.hostile import _OLE, _flip, _repeat, _write

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
GOOD_PACKAGE: list[Path] = []


def good_docx(folder: Path) -> Path:
    from tests.ledger.documents.word_docs import problem_list

    return problem_list(folder / "问题清单原件.docx")


def _rebuilt(source: Path, path: Path, body: Iterable[bytes] | None = None, *,
             member: str = "word/document.xml", head: bytes = b"") -> Path:
    """The package again, `member` streamed from `head` and `body` (None: left as it was)."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            if info.filename != member or body is None:
                out.writestr(info.filename, src.read(info))
                continue
            with out.open(member, "w", force_zip64=True) as fh:
                fh.write(head)
                for chunk in body:
                    fh.write(chunk)
    return path


def _body(*pieces: Iterable[bytes]) -> Iterable[bytes]:
    yield f'<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>'.encode()
    for piece in pieces:
        yield from piece
    yield b"</w:body></w:document>"


def docx_truncated(folder: Path, rng: random.Random) -> Path:
    data = good_docx(folder).read_bytes()
    return _write(folder / "截断.docx", data[:rng.randint(30, len(data) - 1)])


def docx_flipped(folder: Path, rng: random.Random) -> Path:
    return _write(folder / "损坏.docx", _flip(good_docx(folder).read_bytes(), rng))


def docx_encrypted(folder: Path, rng: random.Random) -> Path:
    """What Word saves with an opening password: an OLE file holding EncryptedPackage."""
    body = bytearray(rng.randbytes(8192))
    body[1024:1024 + 32] = "EncryptedPackage".encode("utf-16-le")
    return _write(folder / "加密.docx", _OLE + bytes(body))


def docx_bomb(folder: Path, rng: random.Random) -> Path:
    """900 MB of empty paragraphs under the 1 GB unpacked limit, a few MB packed."""
    return _rebuilt(good_docx(folder), folder / "炸弹.docx",
                    _body(_repeat(b"<w:p/>", 900 << 20)))


def docx_many_elements(folder: Path, rng: random.Random) -> Path:
    """Some 40 MB of tiny runs: under any size limit, millions of lxml nodes."""
    return _rebuilt(good_docx(folder), folder / "大量元素.docx",
                    _body(_repeat(b"<w:p><w:r/></w:p>", 40 << 20)))


def docx_wide_span(folder: Path, rng: random.Random) -> Path:
    """One cell spanning a billion grid columns."""
    cell = b'<w:tc><w:tcPr><w:gridSpan w:val="1000000000"/></w:tcPr><w:p/></w:tc>'
    return _rebuilt(good_docx(folder), folder / "超宽.docx",
                    _body([b"<w:tbl><w:tr>" + cell * 3 + b"</w:tr></w:tbl>"]))


def docx_huge_table(folder: Path, rng: random.Random) -> Path:
    """Thirty thousand rows of twenty cells: 600 thousand cells, under the element bound."""
    row = b"<w:tr>" + b"<w:tc/>" * 20 + b"</w:tr>"
    return _rebuilt(good_docx(folder), folder / "超大表格.docx",
                    _body([b"<w:tbl>", *(row * 1000 for _ in range(30)), b"</w:tbl>"]))


def docx_many_tables(folder: Path, rng: random.Random) -> Path:
    """A hundred and fifty thousand one-cell tables, each with a header-like word, under the element
    bound: the table finder and the joining of continued tables walk them all."""
    table = "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>问题描述</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
    return _rebuilt(good_docx(folder), folder / "大量表格.docx",
                    _body([table.encode() * 1000 for _ in range(150)]))


def docx_entity_bomb(folder: Path, rng: random.Random) -> Path:
    """The 'billion laughs' in the document's body."""
    lol = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
           + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
                     for i in range(1, 10)) + "]>").encode()
    body = f'<w:document {W}><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>'
    return _rebuilt(good_docx(folder), folder / "实体炸弹.docx", [body.encode()], head=lol)


def docx_unsupported_zip(folder: Path, rng: random.Random) -> Path:
    data = bytearray(good_docx(folder).read_bytes())
    for sig, offset in ((b"PK\x03\x04", 8), (b"PK\x01\x02", 10)):
        at = data.find(sig)
        while at != -1:
            data[at + offset:at + offset + 2] = struct.pack("<H", 99)
            at = data.find(sig, at + 4)
    return _write(folder / "压缩方式.docx", bytes(data))


def docx_encrypted_member(folder: Path, rng: random.Random) -> Path:
    """Members flagged as zip-encrypted (flag bit 0), as a zip tool's password leaves them."""
    data = bytearray(good_docx(folder).read_bytes())
    for sig, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = data.find(sig)
        while at != -1:
            data[at + offset] |= 1
            at = data.find(sig, at + 4)
    return _write(folder / "压缩包密码.docx", bytes(data))


def docx_not_word(folder: Path, rng: random.Random) -> Path:
    """A zip with word/document.xml that is no XML at all."""
    path = folder / "假文档.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("word/document.xml", rng.randbytes(3000))
    return path


def txt_huge(folder: Path, rng: random.Random) -> Path:
    path = folder / "超大方案.txt"
    with path.open("wb") as fh:
        for _ in range(60):
            fh.write("一、加强污染防治\n1.牵头单位：县生态环境局\n".encode() * 25_000)
    return path


def txt_flood(folder: Path, rng: random.Random) -> Path:
    """Under the size limit, but some 200 thousand numbered items with units."""
    item = "（一）问题\n牵头单位：县局\n".encode()
    return _write(folder / "大量条目.txt", item * ((7 << 20) // len(item)))


def txt_long_line(folder: Path, rng: random.Random) -> Path:
    """One line of 2.5 million characters that looks like the start of a numbered item."""
    return _write(folder / "超长行.txt", ("一、" + "（一）牵头单位：" * 300_000).encode())


def txt_binary(folder: Path, rng: random.Random) -> Path:
    return _write(folder / "二进制.txt", rng.randbytes(rng.choice([100, 5000, 400_000])))


def txt_gbk_garbage(folder: Path, rng: random.Random) -> Path:
    """Bytes with no NUL that decode as GB18030: control characters and noise."""
    return _write(folder / "乱码.txt", bytes(rng.randrange(1, 256) for _ in range(20_000)))


DOCUMENT_KINDS = {f.__name__: f for f in (
    docx_truncated, docx_flipped, docx_encrypted, docx_bomb, docx_many_elements, docx_wide_span,
    docx_huge_table, docx_many_tables, docx_entity_bomb, docx_unsupported_zip, docx_encrypted_member, docx_not_word,
    txt_huge, txt_flood, txt_long_line, txt_binary, txt_gbk_garbage)}
DOCUMENT_RANDOM = ("docx_truncated", "docx_flipped", "txt_binary", "txt_gbk_garbage")
DOCUMENT_SLOW = ("docx_bomb", "docx_many_elements")


# ---- exchange packages -------------------------------------------------------------------------

def _package() -> Path:
    return GOOD_PACKAGE[0]


def package_truncated(folder: Path, rng: random.Random) -> Path:
    data = _package().read_bytes()
    return _write(folder / "截断交换包.zip", data[:rng.randint(30, len(data) - 1)])


def package_flipped(folder: Path, rng: random.Random) -> Path:
    return _write(folder / "损坏交换包.zip", _flip(_package().read_bytes(), rng))


def package_bomb(folder: Path, rng: random.Random) -> Path:
    """content.json of 900 MB of spaces: a few MB packed."""
    return _rebuilt(_package(), folder / "炸弹交换包.zip", _repeat(b" ", 900 << 20),
                    member="content.json", head=b"[")


def package_bomb_small(folder: Path, rng: random.Random) -> Path:
    """A member of 300 MB, under the whole package's limit, for a member's own bound."""
    return _rebuilt(_package(), folder / "大成员交换包.zip", _repeat(b"[1]," * 256, 300 << 20),
                    member="content.json", head=b"[")


def package_deep_json(folder: Path, rng: random.Random) -> Path:
    """manifest.json nested a million lists deep (json's recursion)."""
    return _rebuilt(_package(), folder / "深层交换包.zip", [b"[" * 1_000_000],
                    member="manifest.json")


def package_many_members(folder: Path, rng: random.Random) -> Path:
    path = _rebuilt(_package(), folder / "很多成员交换包.zip")
    with zipfile.ZipFile(path, "a") as zf:
        for i in range(120_000):
            zf.writestr(f"files/x{i}", b"")
    return path


def package_unsupported_zip(folder: Path, rng: random.Random) -> Path:
    data = bytearray(_package().read_bytes())
    for sig, offset in ((b"PK\x03\x04", 8), (b"PK\x01\x02", 10)):
        at = data.find(sig)
        while at != -1:
            data[at + offset:at + offset + 2] = struct.pack("<H", 99)
            at = data.find(sig, at + 4)
    return _write(folder / "压缩方式交换包.zip", bytes(data))


def package_encrypted(folder: Path, rng: random.Random) -> Path:
    data = bytearray(_package().read_bytes())
    for sig, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = data.find(sig)
        while at != -1:
            data[at + offset] |= 1
            at = data.find(sig, at + 4)
    return _write(folder / "加密交换包.zip", bytes(data))


def package_bad_name(folder: Path, rng: random.Random) -> Path:
    path = _rebuilt(_package(), folder / "乱码名交换包.zip")
    with zipfile.ZipFile(path, "a") as zf:
        zf.writestr("files/\u4e2d", b"x")
    data = bytearray(path.read_bytes())
    name = "\u4e2d".encode()
    at = data.find(name)
    while at != -1:
        data[at:at + len(name)] = b"\xff\xfe\xfd"
        at = data.find(name, at + 1)
    return _write(path, bytes(data))


def package_not_zip(folder: Path, rng: random.Random) -> Path:
    return _write(folder / "不是压缩包.zip", b"PK\x03\x04" + rng.randbytes(5000))


PACKAGE_KINDS = {f.__name__: f for f in (
    package_truncated, package_flipped, package_bomb, package_bomb_small, package_deep_json,
    package_many_members, package_unsupported_zip, package_encrypted, package_bad_name,
    package_not_zip)}
PACKAGE_RANDOM = ("package_truncated", "package_flipped", "package_not_zip")
