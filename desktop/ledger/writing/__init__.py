"""Writing: the workbooks we write through one safe cell writer (cells.py, sheet_style.py): the
printable ledger (export_ledger.py), the skipped rows of an import (failed_rows.py), and the
superior's own workbook filled back with the register's progress (fill_back.py and its helpers).
Imports only from reading/ (to read the template it fills)."""
