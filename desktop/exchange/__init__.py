"""Exchange packages between laptops and offices (no server: a USB stick, an e-mail attachment).

    package_out.export_package(db, out, round_name=None, unit=None)   # the chosen problems, sealed
    merge.plan_package(db, path)       # read, check, compare: nothing written (the import's pattern)
    merge.commit_plan(db, plan, choices)   # backup, one transaction, one undo step

Which tables travel and how is listed once in tables.py (the table registry); field versions
that tell "changed on one side" from "changed on both" live in versions.py. No Qt here.
"""
