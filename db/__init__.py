"""The register: one SQLite file, schema by migrations, writes recorded for undo."""

from desktop.lean_imports import install as _lean_start

_lean_start()  # before sqlite-utils is first imported: without pandas and numpy

from db.connection import default_register_path, open_register  # noqa: E402, F401
