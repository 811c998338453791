"""The import dialog over the import engine: choose, check and adjust, commit, see the result."""

from desktop.ui.import_dialog.dialog import ImportDialog  # noqa: F401
