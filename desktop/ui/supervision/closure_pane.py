"""验收销号 pane: problems by closure stage (counts of each stage above), and the evidence archive.

objectNames: closurePane, closureCounts, closureStageFilter, closureTable, exportArchive.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QLabel, QVBoxLayout, QWidget

from db.closure import stage_counts
from db.queries.supervision import closure_list, revisited_count
from desktop.core.closure import STAGE_LABELS
from desktop.ui import prompts
from desktop.ui.operations import supervision_exports
from desktop.ui.supervision.panes import IdTable, button_row
from desktop.ui.tasks import Op

SHOWN_STAGES = ("applied", "returned", "verified", "closed", "reopened")


def counts_text(counts: dict[str, int], revisited: int) -> str:
    parts = [f"{STAGE_LABELS[s]} {counts[s]}" for s in SHOWN_STAGES]
    return "验收销号：" + "，".join(parts) + f"；已回头看 {revisited}"


class ClosurePane(QWidget):
    open_problem = Signal(int)

    def __init__(self, view):
        super().__init__(objectName="closurePane")
        self.view = view
        self.counts = QLabel(objectName="closureCounts")
        self.stage = QComboBox(objectName="closureStageFilter")
        self.stage.addItem("全部（已进入验收销号）", None)
        for stage in SHOWN_STAGES:
            self.stage.addItem(STAGE_LABELS[stage], stage)
        self.table = IdTable("closureTable", ["编号", "问题", "销号阶段", "最近一步", "销号日期",
                                              "销号文号", "回头看", "佐证材料"],
                             [60, 320, 100, 100, 100, 180, 60, 70])
        buttons, self.buttons = button_row(("exportArchive", "导出佐证材料档案…"))
        buttons.insertWidget(0, self.stage)
        layout = QVBoxLayout(self)
        layout.addWidget(self.counts)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        self.stage.currentIndexChanged.connect(lambda _i: self.refresh())
        self.table.itemActivated.connect(lambda _i: self.open_problem.emit(self.table.current_id()))
        self.buttons["exportArchive"].clicked.connect(self.export_archive)

    def refresh(self) -> None:
        db = self.view.db
        self.counts.setText(counts_text(stage_counts(db), revisited_count(db)))
        found = closure_list(db, self.stage.currentData())
        self.table.set_rows([r["id"] for r in found], [
            [r["code"], r["title"] or r["description"][:40], STAGE_LABELS.get(r["stage"], ""),
             r["last_step"] or "", r["closed_on"] or "", r["closure_doc"], r["revisits"] or "",
             r["evidence"]] for r in found])

    def export_archive(self) -> None:
        window = self.view.window_
        folder = prompts.choose_folder(self, "选择存放佐证材料档案的文件夹",
                                       str(window.session.path.parent))
        if folder:
            window.run(Op("正在导出佐证材料档案", supervision_exports.archive_to(folder),
                          success=window.commands.exports._show, long=True))
