"""Views that refresh only when shown and only when something they show has changed."""

from __future__ import annotations

from sqlite_utils import Database

from desktop.ui.changes import Changes


class LazyView:
    """Mixin for a QWidget view: `set_db` and `apply` mark it dirty; `activate` (called when the
    view is shown) runs `refresh_now` once. A view says what it shows through `shows`."""

    dirty = True

    def shows(self, changes: Changes) -> bool:
        return changes.any_problem or changes.any_petition

    def forget(self) -> None:
        """Drop what was computed from the previous register."""

    def set_db(self, db: Database) -> None:
        self.db, self.dirty = db, True
        self.forget()
        if self.isVisible():
            self.activate()

    def apply(self, changes: Changes) -> None:
        if self.shows(changes):
            self.dirty = True
            if self.isVisible():
                self.activate()

    def activate(self) -> None:
        if self.dirty:
            self.dirty = False
            self.refresh_now()

    def refresh_now(self) -> None:
        raise NotImplementedError
