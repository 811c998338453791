"""The problem dialog's 佐证材料 tab: the files attached to the problem or its measures; add (copied
into the register's evidence folder), open, rename, remove (undoable).

objectNames: evidenceTab, evidenceTable, addEvidence, openEvidence, renameEvidence,
removeEvidence; the forms evidenceDialog (file, title, dated, measure) and renameEvidenceDialog.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from db.evidence import evidence_of
from db.evidence_files import WARN_BYTES, stored_path
from db.queries import measures_of
from desktop.ui import prompts
from desktop.ui.operations import supervision_ops
from desktop.ui.supervision.closure_tab import _table, fill_table
from desktop.ui.supervision.form_dialog import Field, FormDialog
from desktop.ui.tasks import Op

WHOLE_PROBLEM = "（整个问题）"


class EvidenceTab(QWidget):
    def __init__(self, dialog):
        super().__init__(objectName="evidenceTab")
        self.dialog, self.window_ = dialog, dialog.window_
        self.problem_id = dialog.problem_id
        self.form: FormDialog | None = None
        self.items: list[dict] = []
        self.table = _table("evidenceTable", ["材料名称", "文件", "材料日期", "页数", "对应措施",
                                              "添加时间"], (240, 300, 100, 50, 70))
        self.add = QPushButton("添加材料…", objectName="addEvidence")
        self.open_button = QPushButton("打开", objectName="openEvidence")
        self.rename = QPushButton("重命名…", objectName="renameEvidence")
        self.remove = QPushButton("删除", objectName="removeEvidence")
        row = QHBoxLayout()
        for button in (self.add, self.open_button, self.rename, self.remove):
            row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        self.add.clicked.connect(self.open_add)
        self.open_button.clicked.connect(self.open_file)
        self.rename.clicked.connect(self.open_rename)
        self.remove.clicked.connect(self.remove_selected)
        self.table.itemDoubleClicked.connect(lambda _item: self.open_file())

    def load(self) -> None:
        self.items = evidence_of(self.window_.session.db, self.problem_id)
        fill_table(self.table, [[e["title"], e["file_name"], e["dated"] or "",
                                 e["pages"] or "", e["measure_seq"] or "",
                                 e["added_at"][:16].replace("T", " ")]
                                for e in self.items], [e["id"] for e in self.items])

    def selected(self) -> dict | None:
        row = self.table.currentRow()
        if 0 <= row < len(self.items):
            return self.items[row]
        prompts.inform(self, "佐证材料", "请先在列表中选中一份材料。")
        return None

    def _measures(self) -> list[tuple[str, int | None]]:
        found = measures_of(self.window_.session.db, self.problem_id)
        return [(WHOLE_PROBLEM, None)] + [(f"措施{m['seq']}：{m['content'][:24]}", m["id"])
                                          for m in found]

    def open_add(self) -> FormDialog:
        measures = self._measures()
        fields = [Field("file", "文件", "file"), Field("title", "材料名称"),
                  Field("dated", "材料日期", "date"),
                  Field("measure", "对应措施", "choice", tuple(m[0] for m in measures))]

        def submit(values, done, refused):
            path = Path(values["file"]) if values["file"] else None
            if path is None:
                refused_with(refused, "file", "请选择要添加的文件。")
                return
            if path.is_file() and path.stat().st_size > WARN_BYTES and not prompts.confirm(
                    self.form, "文件较大", f"“{path.name}”有 {path.stat().st_size / 1048576:.0f} MB，"
                    "复制到佐证材料文件夹会占用同样大小的空间。仍要添加吗？"):
                refused_with(refused, "file", "文件较大，未添加；可压缩或拆分后再添加。")
                return
            measure_id = dict(measures).get(values["measure"])
            work = supervision_ops.attach(self.problem_id, path, values["title"],
                                          values["dated"] or None, measure_id)
            self.window_.run(Op("添加佐证材料", work, success=done, failure=refused))
        self.form = FormDialog(self.dialog, "添加佐证材料", "evidenceDialog", fields, submit)
        self.form.open()
        return self.form

    def open_file(self) -> None:
        item = self.selected()
        if item is None:
            return
        path = stored_path(self.window_.session.db, item["path"])
        if not path.exists():
            prompts.warn(self, "打开佐证材料", f"在佐证材料文件夹中找不到“{item['file_name']}”"
                         f"（{path}）：请从备份恢复，或删除该条后重新添加。")
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def open_rename(self) -> FormDialog | None:
        item = self.selected()
        if item is None:
            return None

        def submit(values, done, refused):
            work = supervision_ops.rename_evidence(self.problem_id, item["id"], values["title"])
            self.window_.run(Op("重命名佐证材料", work, success=done, failure=refused))
        self.form = FormDialog(self.dialog, "重命名佐证材料", "renameEvidenceDialog",
                               [Field("title", "材料名称", value=item["title"])], submit)
        self.form.open()
        return self.form

    def remove_selected(self) -> None:
        item = self.selected()
        if item and prompts.confirm(self, "删除佐证材料", f"删除“{item['title']}”？（可撤销）"):
            self.window_.run(Op("删除佐证材料", supervision_ops.remove_evidence(
                self.problem_id, item["id"])))


def refused_with(refused, name: str, message: str) -> None:
    from db.refused import ChangeRefused

    refused(ChangeRefused({name: message}))


