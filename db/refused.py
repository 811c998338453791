"""A change refused before anything was written, with its reasons by the field they concern."""

from __future__ import annotations


class ChangeRefused(Exception):
    """errors: {field name or "": Chinese message}; nothing of the change was written."""

    def __init__(self, errors: dict[str, str]):
        self.errors = dict(errors)
        super().__init__("\n".join(self.errors.values()))
