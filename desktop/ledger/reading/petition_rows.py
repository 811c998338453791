"""Petition ledgers (信访件): one row per petition, keyed by its handover code. A petition's code
cell merged down over a second row, or a row with neither code nor content of its own, carries
more of the petition above (a second unit, a further result)."""

from __future__ import annotations

from functools import partial

from desktop.core.units import split_units
from desktop.ledger.errors import Issue, SkippedRow
from desktop.ledger.reading.cellvalues import cell_text, code_text, date_value, whole_number
from desktop.ledger.reading.grid import Grid
from desktop.ledger.reading.layout import Layout
from desktop.ledger.reading.petition_words import petition_status, pollution_types, verified_code
from desktop.ledger.reading.problem_rows import Reading, drop_trailing_blanks, in_other_table
from desktop.ledger.reading.row_kinds import classify

NO_CODE_NOTE = ("表中没有受理编号（工单编号、留言编号）一列，已以“受理日期-序号”作为各件的编号"
                "（没有序号的以行号代替）；再次导入同一登记表时按同样的方式对应。")


class PetitionReader:
    def __init__(self, grid: Grid, layout: Layout, out: Reading):
        self.grid, self.layout, self.out = grid, layout, out
        self.seen: dict[str, int] = {}
        self.rows: list[int] = []          # the rows of the last petition read
        self.other = 0                     # the row where another table begins

    def read(self) -> None:
        for r in range(self.layout.first_data_row, self.grid.height):
            self.row(r)
        last = max((p["source_row"] for p in self.out.records), default=0)
        drop_trailing_blanks(self.out.skipped, last)

    def row(self, r: int) -> None:
        kind, reason = classify(self.grid, r, self.layout)
        self.other = self.other or (r + 1 if kind == "other_table" else 0)
        if self.other:
            kind, reason = in_other_table(kind, self.other)
        if kind == "record" and self.continues(r):
            self.add_row(r)
            return
        self.rows = []
        if kind != "record":
            self.skip(r, reason)
            return
        petition = self.petition(r)
        if petition is not None:
            self.keep(r, petition)

    def skip(self, r: int, reason: str) -> None:
        self.out.skipped.append(SkippedRow(r + 1, reason, tuple(self.grid.row_texts(r))))

    def warn(self, r: int, name: str, message: str) -> None:
        col = self.layout.col(name) or self.layout.columns[0]
        self.out.warnings.append(Issue(self.grid.name, r + 1, col.letter, message))

    def text(self, r: int, name: str) -> str:
        col = self.layout.col(name)
        return cell_text(self.grid.value(r, col.index)) if col else ""

    def own(self, r: int, name: str) -> str:
        col = self.layout.col(name)
        if col is None or ((origin := self.grid.merged_from(r, col.index)) and origin[0] < r):
            return ""
        return cell_text(self.grid.raw(r, col.index))

    def continues(self, r: int) -> bool:
        col = self.layout.col("code")
        origin = self.grid.merged_from(r, col.index) if col else None
        if origin and origin[0] in self.rows:
            return True
        return bool(self.rows) and not self.own(r, "code") and not self.own(r, "content")

    def add_row(self, r: int) -> None:
        first = self.rows[0]
        self.rows.append(r)
        if not self.out.records or self.out.records[-1]["source_row"] != first + 1:
            self.skip(r, f"属于第{first + 1}行重复的信访件，未导入")
            return
        petition = self.out.records[-1]
        for name in ("result", "district"):
            text = self.own(r, name)
            if text and text not in petition[name]:
                petition[name] = f"{petition[name]}\n{text}" if petition[name] else text
        for name, split in (("responsible_units", split_units), ("pollution_types", pollution_types)):
            petition[name] = list(dict.fromkeys(petition[name] + split(self.own(r, name))))

    def keep(self, r: int, petition: dict) -> None:
        self.rows = [r]
        code = petition["code"]
        if code in self.seen:
            self.skip(r, f"受理编号“{code}”与第{self.seen[code]}行重复，未导入")
            return
        self.seen[code] = r + 1
        self.out.records.append(petition)

    def code(self, r: int) -> str:
        """The petition's code; a register without a code column (a message board) keys its rows
        by the day received and the running number, said once in the warnings."""
        if self.layout.col("code"):
            return code_text(self.text(r, "code"))
        if not self.out.warnings or self.out.warnings[0].message != NO_CODE_NOTE:
            self.out.warnings.insert(0, Issue(self.grid.name, self.layout.header_rows[-1],
                                              self.layout.columns[0].letter, NO_CODE_NOTE))
        col = self.layout.col("received_on")
        day = date_value(self.grid.value(r, col.index)) if col else None
        seq = code_text(self.text(r, "seq"))
        return f"{day or '无日期'}-{seq or r + 1}" if self.own(r, "content") else ""

    def petition(self, r: int) -> dict | None:
        code = self.code(r)
        if not code:
            self.skip(r, "没有受理编号，未导入")
            return None
        text = partial(self.text, r)
        extra = {c.header or f"{c.letter}列": value for c in self.layout.columns
                 if not c.field and (value := cell_text(self.grid.value(r, c.index)))}
        return {"code": code, "seq": whole_number(text("seq")), "received_on": self.received(r),
                "content": text("content"), "district": text("district"),
                "pollution_types": pollution_types(text("pollution_types")),
                "verified": self.verified(r), "verified_text": text("verified"),
                "result": text("result"), "status": self.status(r), "status_text": text("status"),
                "responsible_units": split_units(text("responsible_units")),
                "extra": extra, "source_row": r + 1}

    def received(self, r: int) -> str | None:
        col = self.layout.col("received_on")
        day = date_value(self.grid.value(r, col.index)) if col else None
        if col and day is None and self.text(r, "received_on"):
            self.warn(r, "received_on", f"交办时间“{self.text(r, 'received_on')}”不是日期，已留空。")
        return day.isoformat() if day else None

    def verified(self, r: int) -> str | None:
        words = self.text(r, "verified")
        code = verified_code(words)
        if words and code is None:
            self.warn(r, "verified", f"“{words}”不是属实/部分属实/不属实，已留空。")
        return code

    def status(self, r: int) -> str:
        words = self.text(r, "status")
        code = petition_status(words)
        if words and code is None:
            self.warn(r, "status", f"办结情况“{words}”不是已办结/阶段性办结/正在办理，已按正在办理导入，原文保留。")
        return code or "in_progress"


def read_petitions(grid: Grid, layout: Layout) -> Reading:
    out = Reading()
    PetitionReader(grid, layout, out).read()
    return out
