"""Importing: a LedgerReading compared with the register field by field (plan.py), then committed in
one transaction and one undo step after a backup (importer.py, write.py); hands on an ImportResult
(result.py) in CONTRACT.md's JSON shape. Imports only from reading/."""
