"""Exchange packages between laptops and offices (no server: a USB stick, an e-mail attachment).

    package_out.export_package(db, out, round_name=None, unit=None)   # the chosen problems, sealed
    merge.plan_package(db, path)        # read, verify, compare: nothing written (the import's check)
    merge.commit_package(db, plan, choices)   # backup, one transaction, one undo step
    merge.merge_package(db, path)       # both, conflicts keeping this register's value

package_file.py is the zip (manifest, checksums, version checks); tables.py the registry of what
travels and how; versions.py the field versions that tell "changed on one side" from "changed on
both"; snapshot.py this register's side; plan.py / plan_rows.py the comparison; commit.py the
writing. No Qt here (an import-linter contract).
"""
