"""Writing cells safely: nothing a clerk typed or imported ever becomes a live formula.

openpyxl turns any str starting with "=" into a formula and the words "#N/A", "#REF!" … into
error cells. Every workbook writer in the program writes through `write_value` / `write_text`,
which keep such text a plain string cell (data type "s"). Text starting with = + - @ also gets
Excel's quote prefix, so editing the cell in Excel later does not turn it into a formula either.
"""

from __future__ import annotations

import datetime as dt
import re

from openpyxl.cell.cell import Cell

FORMULA_STARTS = ("=", "+", "-", "@")
MAX_CELL_TEXT = 32767
_ILLEGAL = re.compile(r"[\000-\010\013\014\016-\037]")


def safe_value(value: object) -> object:
    """A value fit for a cell: numbers, dates and booleans as they are, anything else as text
    without the control characters Excel refuses, cut to Excel's 32,767 characters."""
    if value is None or isinstance(value, (bool, int, float, dt.date, dt.datetime, dt.time)):
        return value
    text = value if isinstance(value, str) else str(value)
    return _ILLEGAL.sub("", text)[:MAX_CELL_TEXT]


def looks_like_formula(text: str) -> bool:
    return text.startswith(FORMULA_STARTS)


def write_text(cell: Cell, text: object) -> Cell:
    """Store text as a string cell, whatever it starts with."""
    value = safe_value("" if text is None else str(text))
    cell.value = value
    if cell.data_type != "s":  # "=…" became a formula, "#N/A" an error: keep it text
        cell.data_type = "s"
    if value and looks_like_formula(value):
        cell.quotePrefix = True
    return cell


def write_value(cell: Cell, value: object) -> Cell:
    """Numbers, dates and booleans as they are; every other value as safe text; None clears."""
    value = safe_value(value)
    if value is None:
        cell.value = None
        return cell
    if isinstance(value, str):
        return write_text(cell, value)
    cell.value = value
    return cell
