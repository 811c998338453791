"""A problem in detail: fields, measures, progress history and this period's report, provenance."""

from desktop.ui.problem_dialog.dialog import ProblemDialog  # noqa: F401
