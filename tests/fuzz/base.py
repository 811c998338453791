"""The registers the hostile inputs are tried against: one with an imported ledger and unit
forms issued (so a refusal that changed anything shows), and a good form to damage."""

from __future__ import annotations

from pathlib import Path

from tests.fuzz import hostile


def make_base(folder: Path) -> Path:
    from db.connection import open_register
    from desktop.exchange.package_out import export_package
    from desktop.ledger.forms.unit_forms import export_unit_forms
    from desktop.ledger.importing.importer import import_file
    from tests.fuzz.hostile_documents import GOOD_PACKAGE

    path = folder / "基准台账.db"
    db = open_register(path)
    import_file(db, hostile.GOOD_XLSX, round_name="第二轮中央督察")
    forms = export_unit_forms(db, folder / "填报表", period="2024-05")
    package = export_package(db, folder / "交换包.zip")
    db.close()
    hostile.GOOD_FORM[:] = [forms[0].path]
    GOOD_PACKAGE[:] = [package.path]
    return path
