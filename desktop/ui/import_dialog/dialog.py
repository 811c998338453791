"""The import dialog: pick a file; see and change sheet, mapping and round; preview; commit with
a progress bar and cancel; the result. Every read and write runs as an op off the UI thread."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from db.queries import filter_choices
from desktop.ledger.errors import LedgerRefused
from desktop.ledger.long_work import Cancelled as ImportCancelled
from desktop.ui import prompts
from desktop.ui.date_field import DateField
from desktop.ui.import_dialog import paste
from desktop.ui.import_dialog.feedback import FeedbackDate
from desktop.ui.import_dialog.mapping import MappingTable
from desktop.ui.import_dialog.preview import PreviewTabs
from desktop.ui.import_dialog.result_page import ResultPage
from desktop.ui.operations import import_ops
from desktop.ui.tasks import Op

KIND_NAMES = {"problems": "问题台账", "petitions": "信访件台账"}


class ImportDialog(QDialog):
    def __init__(self, window):
        super().__init__(window)
        self.window_ = window
        self.setObjectName("importDialog")
        self.setWindowTitle("导入台账")
        self.resize(1180, 760)
        self.reading = None
        self.path: str | Path | None = None      # the file chosen, read or not
        self.result = None
        self.op: Op | None = None
        self._closed = False
        self._build()
        window.tasks.progressed.connect(self._progressed)

    # -- building -----------------------------------------------------------------------
    def _build(self) -> None:
        self.file_label = QLabel(objectName="importFile", wordWrap=True)
        self.choose = QPushButton("选择文件…", objectName="chooseFile")
        self.paste = QPushButton("粘贴方案正文…", objectName="pastePlanButton", autoDefault=False)
        self.paste.clicked.connect(self.paste_plan)
        self.sheet = QComboBox(objectName="importSheet")
        self.kind = QLabel(objectName="importKind")
        self.kind_choice = QComboBox(objectName="importKindChoice")
        for kind, name in KIND_NAMES.items():
            self.kind_choice.addItem(f"按{name}读取", kind)
        self.anyway = QPushButton("按当前列对应导入", objectName="importAnyway", visible=False)
        self.anyway.setToolTip("表头不像台账时，核对各列的含义后点此，按当前的列对应读取并导入")
        self.header_rows = QLabel(objectName="importHeaderRows")
        self.header_first = QSpinBox(objectName="importHeaderFirst", minimum=1, maximum=500)
        self.header_count = QSpinBox(objectName="importHeaderCount", minimum=1, maximum=6)
        self.header_first.setPrefix("从第 ")
        self.header_first.setSuffix(" 行起")
        self.header_count.setPrefix("共 ")
        self.header_count.setSuffix(" 行")
        self.header_apply = QPushButton("按此表头重新读取", objectName="importHeaderApply")
        self.round = QComboBox(objectName="importRound", editable=True)
        self.round.setMinimumWidth(360)
        self.feedback = FeedbackDate(DateField("importFeedbackDate"), self.round,
                                     self.window_.session.db)
        self.errors = QLabel(objectName="error", wordWrap=True)
        self.mapping = MappingTable()
        self.preview = PreviewTabs()
        self.result_page = ResultPage()
        self.pages = QStackedWidget()
        self.pages.addWidget(self._check_page())
        self.pages.addWidget(self.result_page)
        self.status = QLabel(objectName="hint")
        self.bar = QProgressBar(objectName="importProgress", visible=False)
        self.bar.setMaximumWidth(320)
        self.commit_button = QPushButton("导入", objectName="commitImport", enabled=False)
        self.cancel_button = QPushButton("取消", objectName="cancelImport")
        for button in (self.choose, self.commit_button, self.cancel_button, self.anyway):
            button.setAutoDefault(False)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.bar)
        bottom.addWidget(self.commit_button)
        bottom.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addLayout(bottom)
        self.choose.clicked.connect(self.choose_file)
        self.sheet.activated.connect(lambda _i: self.read(self.reading.file, self.sheet.currentText()))
        self.mapping.changed.connect(self.remap)
        self.header_apply.clicked.connect(self.read_with_header)
        self.kind_choice.activated.connect(lambda _i: self.read_as_kind(self.kind_choice.currentData()))
        self.anyway.clicked.connect(lambda: self.remap(self.mapping.mapping()))
        self.commit_button.clicked.connect(self.commit)
        self.cancel_button.clicked.connect(self.cancel_or_close)
        self.result_page.save_failed.clicked.connect(self.save_failed_rows)

    def _check_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout()
        line = QHBoxLayout()
        line.addWidget(self.file_label, 1)
        line.addWidget(self.choose)
        line.addWidget(self.paste)
        form.addRow("文件", line)
        form.addRow("工作表", self.sheet)
        kind = QHBoxLayout()
        kind.addWidget(self.kind)
        kind.addWidget(self.kind_choice)
        kind.addStretch(1)
        form.addRow("识别为", kind)
        header = QHBoxLayout()
        for widget in (self.header_rows, self.header_first, self.header_count, self.header_apply):
            header.addWidget(widget)
        header.addStretch(1)
        form.addRow("表头", header)
        form.addRow("督察批次", self.round)
        form.addRow("反馈日期", self.feedback.row)
        split = QSplitter()
        split.addWidget(self.mapping)
        split.addWidget(self.preview)
        split.setSizes([380, 780])
        layout = QVBoxLayout(page)
        layout.addLayout(form)
        errors = QHBoxLayout()
        errors.addWidget(self.errors, 1)
        errors.addWidget(self.anyway)
        layout.addLayout(errors)
        layout.addWidget(QLabel("各列导入为（可修改，下次导入同样格式的表格时会记住）："))
        layout.addWidget(split, 1)
        return page

    # -- reading ------------------------------------------------------------------------
    def choose_file(self) -> None:
        path = prompts.open_file(self, "选择要导入的台账", prompts.LEDGER_FILTER)
        if path:
            self.read(path)

    def paste_plan(self) -> None:
        path = paste.ask_pasted_plan(self)
        if path:
            self.read(path)

    def read(self, path: str | Path, sheet: str | None = None) -> None:
        self.path = path
        self.file_label.setText(str(path))
        self._run("正在读取台账……", import_ops.read_for_preview(path, sheet), self._previewed)

    def read_with_header(self) -> None:
        """Read again with the header rows the clerk named (when the search found the wrong ones)."""
        header = (self.header_first.value(), self.header_count.value())
        same = self.reading is not None and str(self.reading.file) == str(self.path)
        sheet = self.reading.sheet if same else None
        self._run("正在按指定的表头重新读取……", import_ops.read_for_preview(self.path, sheet, header),
                  self._previewed)

    def read_as_kind(self, kind: str) -> None:
        """Read again as the kind of ledger the clerk says it is (问题台账 / 信访件台账)."""
        self._run("正在按所选的台账种类重新读取……",
                  import_ops.read_for_preview(self.reading.file, self.reading.sheet, kind=kind),
                  self._previewed)

    def remap(self, mapping: dict) -> None:
        self._run("正在按新的列对应重新读取……", import_ops.reread(self.reading, mapping),
                  self._reread)

    def _previewed(self, preview) -> None:
        self._show_reading(preview.reading, preview.round_name)

    def _reread(self, reading) -> None:
        self._show_reading(reading, self.round.currentText())

    def _show_reading(self, reading, round_name: str) -> None:
        self.reading = reading
        self.sheet.clear()
        self.sheet.addItems(reading.sheet_names)
        self.sheet.setCurrentText(reading.sheet)
        self.kind.setText(KIND_NAMES.get(reading.kind, reading.kind))
        self.kind_choice.setCurrentIndex(max(self.kind_choice.findData(reading.kind), 0))
        self.anyway.setVisible(bool(reading.layout.doubt))
        self.header_rows.setText("第 " + "、".join(map(str, reading.header_rows)) + " 行")
        self.header_first.setValue(reading.header_rows[0])
        self.header_count.setValue(len(reading.header_rows))
        rounds = [name for _, name in filter_choices(self.window_.session.db)["rounds"]]
        self.round.clear()
        self.round.addItems(list(dict.fromkeys([round_name, *rounds])))
        self.round.setEnabled(reading.kind == "problems")
        self.feedback.refresh(reading.kind == "problems")
        self.round.setToolTip("各行有“问题来源”“督察批次”的，按各行的来源分入批次；此处是没有来源的行的批次"
                              if reading.layout.col("round") else "")
        self.mapping.blockSignals(True)
        self.mapping.load(reading.kind, reading.columns)
        self.mapping.blockSignals(False)
        self.preview.load(reading)
        self.errors.setText("\n".join(f"{e.place()}：{e.message}" for e in reading.errors))
        self.commit_button.setEnabled(not reading.errors)
        self.status.setText(f"读到 {len(reading.records)} 条记录，将跳过 {len(reading.skipped_rows)} 行。"
                            "核对无误后点“导入”。")

    # -- committing ---------------------------------------------------------------------
    def commit(self) -> None:
        try:
            day = self.feedback.date()
        except ValueError as exc:
            self.errors.setText(f"反馈日期：{exc}")
            return
        self._run("正在写入台账……", import_ops.commit(self.reading, self.round.currentText().strip(),
                                                   feedback_date=day),
                  self._committed)

    def _committed(self, imported) -> None:
        self.result = imported.result
        self.result_page.load(imported.result)
        self.pages.setCurrentWidget(self.result_page)
        self.commit_button.hide()
        self.cancel_button.setText("完成")
        self.status.clear()

    def save_failed_rows(self) -> None:
        suggested = Path(self.reading.file).with_name(f"{Path(self.reading.file).stem}-未导入的行.xlsx")
        out = prompts.save_file(self, "保存未导入的行", str(suggested), prompts.WORKBOOK_FILTER)
        if out:
            self._run("正在保存……", import_ops.save_failed_rows(self.reading, out),
                      lambda path: self.status.setText(f"已保存未导入的行：{path}"))

    # -- running ops --------------------------------------------------------------------
    def _run(self, label: str, work, success) -> None:
        self.errors.clear()
        self._busy(label)
        self.op = self.window_.run(Op(label, work, success=lambda r: self._done(success, r),
                                      failure=self._failed))

    def _busy(self, label: str) -> None:
        self.status.setText(label)
        self.bar.setRange(0, 0)
        self.bar.show()
        for widget in (self.commit_button, self.choose, self.sheet, self.mapping, self.round,
                       self.header_apply, self.kind_choice, self.anyway):
            widget.setEnabled(False)
        self.cancel_button.setText("取消")

    def _idle(self) -> None:
        self.op = None
        self.bar.hide()
        for widget in (self.choose, self.sheet, self.mapping, self.header_apply, self.kind_choice,
                       self.anyway):
            widget.setEnabled(True)
        self.round.setEnabled(bool(self.reading) and self.reading.kind == "problems")
        self.commit_button.setEnabled(bool(self.reading) and not self.reading.errors)

    def _done(self, success, result) -> None:
        cancelled = self.op is not None and self.op.progress.cancelled()
        self._idle()
        if cancelled and not isinstance(result, import_ops.Imported):
            self.status.setText("已取消。")
            return
        success(result)

    def _failed(self, error: BaseException) -> None:
        self._idle()
        if isinstance(error, ImportCancelled):
            self.status.setText("已取消导入，台账未改变。")
        elif isinstance(error, LedgerRefused):
            self.errors.setText(str(error))
            self.status.setText("未能读取这个文件。")
        else:
            self.errors.setText(f"未完成：{error}")

    def _progressed(self, op, done: int, total: int, text: str) -> None:
        if op is self.op and total:
            self.bar.setRange(0, total)
            self.bar.setValue(done)
            if text:
                self.status.setText(f"{op.label}{text}")

    def cancel_or_close(self) -> None:
        if self.op is not None:
            self.op.progress.cancel()
            self.status.setText("正在取消……")
        else:
            self.close()

    def reject(self) -> None:
        self.cancel_or_close()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if self.op is not None:  # wait for the running op to stop before closing
            self.op.progress.cancel()
            event.ignore()
            return
        if not self._closed:
            self._closed = True
            self.window_.tasks.progressed.disconnect(self._progressed)
            self.deleteLater()
        super().closeEvent(event)
