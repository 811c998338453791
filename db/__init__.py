"""The register: one SQLite file, schema by migrations, writes recorded for undo."""

from db.connection import default_register_path, open_register  # noqa: F401
