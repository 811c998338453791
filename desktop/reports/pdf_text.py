"""The text of a written PDF as the words written: searching, copying and pdftotext give 月, not ⽉.

    correct_text_map(path) -> number of characters corrected in the fonts' ToUnicode maps

A CJK font draws a radical and its ideograph with one glyph (⽉ U+2F49 and 月 U+6708). Qt's PDF
writer names each glyph's text by the lowest code point that uses it, so every 月 drawn reads back
as the Kangxi radical ⽉, 页 as ⻚, 至 as ⾄. After writing, each font's ToUnicode map is read,
radicals are replaced by their ideographs (Kangxi radicals by their compatibility decomposition,
the CJK Radicals Supplement by the table below, as in Unicode's EquivalentUnifiedIdeograph.txt),
and the map is written back; nothing else in the file changes.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

_SUPPLEMENT = ("⺂乛⺃乚⺅亻⺇𠘨⺉刂⺋㔾⺍𭕄⺏尣⺐尢⺒巳⺓幺⺔彑⺕彐⺖忄⺘扌⺙攵⺛旡⺞歺⺟母⺠民⺡氵"
               "⺣灬⺤爫⺦丬⺨犭⺩𤣩⺭礻⺮𥫗⺯糹⺰纟⺱罓⺳㓁⺹耂⺺肀⺽𦥑⺾艹⺿艹⻀艹⻂衤⻅见⻆角⻇𧢲⻈讠"
               "⻉贝⻊𧾷⻋车⻌辶⻐钅⻑長⻒镸⻓长⻔门⻕𨸏⻖阝⻘青⻙韦⻚页⻛风⻜飞⻝食⻞𩙿⻟飠⻠饣"
               "⻡𩠐⻢马⻣骨⻤鬼⻥鱼⻦鸟⻧卤⻨麦⻩黄⻪黾⻫斉⻬齐⻮齿⻯竜⻰龙⻱龜⻲亀⻳龟")
SUPPLEMENT = dict(zip(_SUPPLEMENT[::2], _SUPPLEMENT[1::2]))
_HEX = r"<([0-9A-Fa-f]+)>"
_CHAR = re.compile(rf"{_HEX}\s*{_HEX}")
_RANGE = re.compile(rf"{_HEX}\s*{_HEX}\s*(?:{_HEX}|\[([^\]]*)\])")
_BLOCK = re.compile(r"begin(bfchar|bfrange)(.*?)end\1", re.S)


def ideograph(char: str) -> str:
    """The ideograph a radical stands for; any other character unchanged."""
    if "\u2f00" <= char <= "\u2fdf":
        return unicodedata.normalize("NFKC", char)
    return SUPPLEMENT.get(char, char)


def _text(hex_text: str) -> str:
    return bytes.fromhex(hex_text).decode("utf-16-be", "replace")


def _hex(text: str) -> str:
    return text.encode("utf-16-be").hex().upper()


def parse_cmap(data: str) -> dict[int, str]:
    """{character code: text} from a ToUnicode CMap's bfchar and bfrange blocks."""
    mapping: dict[int, str] = {}
    for kind, body in _BLOCK.findall(data):
        if kind == "bfchar":
            for src, dst in _CHAR.findall(body):
                mapping[int(src, 16)] = _text(dst)
            continue
        for lo, hi, start, listed in _RANGE.findall(body):
            codes = range(int(lo, 16), int(hi, 16) + 1)
            if listed:
                for code, dst in zip(codes, re.findall(_HEX, listed)):
                    mapping[code] = _text(dst)
            else:
                first = _text(start)
                for n, code in enumerate(codes):
                    mapping[code] = first[:-1] + chr(ord(first[-1]) + n) if first else ""
    return mapping


def write_cmap(mapping: dict[int, str]) -> bytes:
    width = 4 if max(mapping, default=0) <= 0xFFFF else 8
    lines = ["/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
             "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
             "/CMapName /Adobe-Identity-UCS def", "/CMapType 2 def",
             "1 begincodespacerange", f"<{0:0{width}X}> <{16 ** width - 1:X}>",
             "endcodespacerange"]
    codes = sorted(mapping)
    for at in range(0, len(codes), 100):  # at most 100 entries a block
        chunk = codes[at:at + 100]
        lines.append(f"{len(chunk)} beginbfchar")
        lines += [f"<{code:0{width}X}> <{_hex(mapping[code])}>" for code in chunk]
        lines.append("endbfchar")
    lines += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end", ""]
    return "\n".join(lines).encode("ascii")


def corrected(mapping: dict[int, str]) -> tuple[dict[int, str], int]:
    out, changed = {}, 0
    for code, text in mapping.items():
        fixed = "".join(ideograph(ch) for ch in text)
        changed += fixed != text
        out[code] = fixed
    return out, changed


def correct_text_map(path: str | Path) -> int:
    import pikepdf  # only when a PDF is written

    total = 0
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        for obj in pdf.objects:
            if not isinstance(obj, pikepdf.Dictionary) or obj.get("/Type") != "/Font":
                continue
            stream = obj.get("/ToUnicode")
            if not isinstance(stream, pikepdf.Stream):
                continue
            mapping, changed = corrected(parse_cmap(stream.read_bytes().decode("latin-1")))
            if changed:
                stream.write(write_cmap(mapping))
                total += changed
        if total:
            pdf.save(path, fix_metadata_version=False)  # no XMP to update: lxml not needed
    return total
