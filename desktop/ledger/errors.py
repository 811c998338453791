"""What the Excel side reports: refusals of whole files, and issues placed at sheet, row, column."""

from __future__ import annotations

from dataclasses import asdict, dataclass


class LedgerRefused(Exception):
    """The file cannot be read as a ledger; nothing was changed. The message is for the clerk."""


@dataclass(frozen=True)
class Issue:
    """A warning or error at a place in the workbook (row 1-based; 0 when it concerns the sheet)."""
    sheet: str
    row: int
    column: str
    message: str

    def as_json(self) -> dict:
        return asdict(self)

    def place(self) -> str:
        where = f"工作表“{self.sheet}”"
        if self.row:
            where += f"第{self.row}行"
        if self.column:
            where += f"{self.column}列"
        return where


@dataclass(frozen=True)
class SkippedRow:
    row: int
    reason: str
    values: tuple = ()

    def as_json(self) -> dict:
        return {"row": self.row, "reason": self.reason}


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters
