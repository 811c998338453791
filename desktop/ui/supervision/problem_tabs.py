"""The supervision tabs of the problem dialog (验收销号, 佐证材料), hooked in by one line:

    attach_supervision_tabs(dialog)

They reload when the problem, its closure, flag or evidence changed (also by undo/redo).
"""

from __future__ import annotations

from db.refused import ChangeRefused
from desktop.ui.changes import Changes
from desktop.ui.supervision.closure_tab import ClosureTab
from desktop.ui.supervision.evidence_tab import EvidenceTab


class SupervisionTabs:
    def __init__(self, dialog):
        self.dialog = dialog
        self.closure = ClosureTab(dialog)
        self.evidence = EvidenceTab(dialog)
        dialog.tabs.addTab(self.closure, "验收销号")
        dialog.tabs.addTab(self.evidence, "佐证材料")
        dialog.window_.changed.connect(self.on_changes)
        dialog.finished.connect(self._detach)
        self.reload()

    def reload(self) -> None:
        self.closure.load()
        self.evidence.load()

    def on_changes(self, changes: Changes) -> None:
        if changes.register or changes.supervision or changes.problems \
                or self.dialog.problem_id in changes.problem_ids:
            try:
                self.reload()
            except ChangeRefused:  # the problem went (undo of its import): the dialog closes
                pass

    def _detach(self, *_args) -> None:
        try:
            self.dialog.window_.changed.disconnect(self.on_changes)
        except (RuntimeError, TypeError):
            pass


def attach_supervision_tabs(dialog) -> SupervisionTabs:
    return SupervisionTabs(dialog)
