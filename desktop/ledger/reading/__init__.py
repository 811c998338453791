"""Reading: a superior's workbook (.xlsx, .xlsm, .xls) becomes a Grid (grid.py: values and merged
ranges), its header block and columns a Layout (layout.py, header_block.py, vocabulary.py), judged
as a whole (ledger_shape.py: planned and actual dates, ledger or not), its rows problems with
measures or petitions (problem_rows.py, petition_rows.py; roll-ups keyed by unit in rollup.py, rows
of column codes in column_codes.py), all handed on as one LedgerReading (ledger.py). The clerk's own
"表头=字段" mapping is read by clerk_map.py. Nothing is written; the register is never touched."""
