"""How much a legacy .xls (BIFF8) holds, walked record by record before calamine reads it: the
value span and merges of each sheet's substream, in the same counters as extent.py."""

from __future__ import annotations

import struct

from desktop.ledger.reading.extent import SheetExtent, check_bounds

# BIFF8 records that place a value in a cell: row at offset 0, column at offset 2.
_BIFF_CELLS = {0x0006, 0x00FD, 0x0203, 0x027E, 0x0204, 0x0205, 0x00D6}
_MULRK, _MERGEDCELLS, _BOF, _EOF, _FILEPASS = 0x00BD, 0x00E5, 0x0809, 0x000A, 0x002F


class Encrypted(Exception):
    pass


def scan_biff(stream: bytes) -> list[SheetExtent]:
    """The value span of each substream of a BIFF workbook stream (globals first)."""
    sheets, current, pos, end = [], SheetExtent(), 0, len(stream)
    while pos + 4 <= end:
        kind, size = struct.unpack_from("<HH", stream, pos)
        body = stream[pos + 4:pos + 4 + size]
        pos += 4 + size
        if kind == _FILEPASS:
            raise Encrypted()
        if kind == _BOF:
            current = SheetExtent()
            sheets.append(current)
        elif kind in _BIFF_CELLS and len(body) >= 4:
            row, col = struct.unpack_from("<HH", body)
            current.add_value(row, col)
        elif kind == _MULRK and len(body) >= 6:
            row, first = struct.unpack_from("<HH", body)
            (last,) = struct.unpack_from("<H", body, len(body) - 2)
            current.add_value(row, first)
            current.add_value(row, max(first, last))
            current.values += max(0, last - first - 1)
        elif kind == _MERGEDCELLS and len(body) >= 2:
            _biff_merges(body, current)
        else:
            continue
        current.cells = current.values
        if kind != _BOF:
            check_bounds(current)
    return sheets


def _biff_merges(body: bytes, extent: SheetExtent) -> None:
    (count,) = struct.unpack_from("<H", body)
    for i in range(min(count, (len(body) - 2) // 8)):
        r0, r1, c0, c1 = struct.unpack_from("<HHHH", body, 2 + 8 * i)
        extent.merges += 1
        extent.merged_cells += (abs(r1 - r0) + 1) * (abs(c1 - c0) + 1)
