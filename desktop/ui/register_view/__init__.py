"""The register (台账) view: filters, a table over SQL queries, colours for warnings."""

from desktop.ui.register_view.view import RegisterView  # noqa: F401
