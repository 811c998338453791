"""Reading: a superior's workbook (.xlsx, .xlsm, .xls) becomes a Grid (grid.py: values and merged
ranges), its header block and columns a Layout (layout.py, header_block.py, vocabulary.py), its rows
problems with measures or petitions (problem_rows.py, petition_rows.py), all handed on as one
LedgerReading (ledger.py). Nothing is written; the register is never touched."""
