"""Excel in and out, no Qt, in four wings that import downward only (a checked rule, see
pyproject.toml):

    reading/    a workbook becomes a Grid, then a LedgerReading (nothing written)
    importing/  a LedgerReading compared with the register, then committed      → reading
    writing/    workbooks we write, and the superior's workbook filled back     → reading
    forms/      unit forms out and returns collected back                       → writing → reading

errors.py (refusals and placed issues) and long_work.py (progress, cancel) are shared by all four.
A change that reads a new shape of ledger belongs in reading/; one that changes what the register
keeps from it, in importing/; one that changes a workbook we hand out, in writing/ or forms/.
"""
