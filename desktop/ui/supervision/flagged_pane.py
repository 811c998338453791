"""挂牌督办 pane: the flagged list with the latest progress and warning colour; problems the
program proposes to flag (overdue, or behind schedule twice running) for the clerk to accept;
the list as PDF or Excel; a 督办通知单 for the selected problem.

objectNames: flaggedPane, flaggedTable, flagProposals, acceptProposal, exportFlaggedPdf,
exportFlaggedXlsx, flaggedNotice; the accept form is the problem's flagDialog (self.form).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QWidget

from db.flags import flag_candidates
from desktop.core.flagging import LEVEL_LABELS, LEVELS
from desktop.reports.flagged import flagged_items
from desktop.ui import prompts
from desktop.ui.operations import supervision_exports, supervision_ops
from desktop.ui.supervision.form_dialog import Field, FormDialog
from desktop.ui.supervision.panes import IdTable, button_row, list_over_proposals
from desktop.ui.tasks import Op


class FlaggedPane(QWidget):
    open_problem = Signal(int)

    def __init__(self, view):
        super().__init__(objectName="flaggedPane")
        self.view = view
        self.form: FormDialog | None = None
        self.table = IdTable("flaggedTable", ["编号", "问题", "挂牌级别", "督办领导", "挂牌日期",
                                              "督办时限", "最新进展", "预警"],
                             [60, 260, 100, 90, 90, 90, 280, 120])
        self.proposals = IdTable("flagProposals", ["编号", "问题", "建议理由"], [60, 380, 200])
        self.proposal_reasons: dict[int, str] = {}
        self.summary = QLabel(objectName="flaggedSummary")
        buttons, self.buttons = button_row(
            ("exportFlaggedPdf", "导出清单 PDF…"), ("exportFlaggedXlsx", "导出清单 Excel…"),
            ("flaggedNotice", "督办通知单…"))
        accept_row, accept = button_row(("acceptProposal", "接受建议，挂牌督办…"))
        self.buttons |= accept
        self._layout(buttons, accept_row)
        self.table.itemActivated.connect(lambda _i: self._open(self.table))
        self.proposals.itemActivated.connect(lambda _i: self._open(self.proposals))
        self.buttons["exportFlaggedPdf"].clicked.connect(lambda: self.export("pdf"))
        self.buttons["exportFlaggedXlsx"].clicked.connect(lambda: self.export("xlsx"))
        self.buttons["flaggedNotice"].clicked.connect(self.notice)
        self.buttons["acceptProposal"].clicked.connect(self.accept_proposal)

    def _layout(self, buttons, accept_row) -> None:
        list_over_proposals(self, [self.summary, buttons], self.table, "建议挂牌督办（逾期未完成，或连续两期未达序时进度）：", self.proposals,
                            accept_row)

    def _open(self, table: IdTable) -> None:
        if table.current_id() is not None:
            self.open_problem.emit(table.current_id())

    def refresh(self) -> None:
        db = self.view.db
        items = flagged_items(db, dt.date.today())
        self.table.set_rows(
            [i.problem["id"] for i in items],
            [[i.problem["code"], i.problem["title"], LEVEL_LABELS.get(i.flag["level"], ""),
              i.flag["leader"], i.flag["since"], i.flag["until"] or "",
              i.problem["progress"], i.warning] for i in items], [i.colour for i in items])
        self.summary.setText(f"挂牌督办问题 {len(items)} 个")
        found = flag_candidates(db)
        self.proposal_reasons = {p.problem_id: p.reason for p in found}
        self.proposals.set_rows([p.problem_id for p in found],
                                [[p.code, p.title, p.reason] for p in found])

    def export(self, kind: str) -> None:
        window = self.view.window_
        suggested = window.session.path.parent / f"挂牌督办清单-{dt.date.today():%Y%m%d}.{kind}"
        filters = prompts.PDF_FILTER if kind == "pdf" else prompts.WORKBOOK_FILTER
        out = prompts.save_file(self, "导出挂牌督办清单", str(suggested), filters)
        if out:
            window.run(Op("正在导出挂牌督办清单", supervision_exports.flagged_list_to(out),
                          success=window.commands.exports._show, long=True))

    def notice(self) -> None:
        pid = self.table.current_id()
        if pid is None:
            prompts.inform(self, "督办通知单", "请先在挂牌督办清单中选中一个问题。")
            return
        window = self.view.window_
        code = self.table.item(self.table.currentRow(), 0).text()
        suggested = window.session.path.parent / f"督办通知单-{code}-{dt.date.today():%Y%m%d}.pdf"
        out = prompts.save_file(self, "督办通知单", str(suggested), prompts.NOTICE_FILTER)
        if out:
            window.run(Op("正在生成督办通知单", supervision_exports.notice_to(pid, out),
                          success=window.commands.exports._show))

    def accept_proposal(self) -> FormDialog | None:
        pid = self.proposals.current_id()
        if pid is None:
            prompts.inform(self, "挂牌督办", "请先在建议列表中选中一个问题。")
            return None
        fields = [Field("level", "挂牌级别", "choice", LEVELS, "县"), Field("leader", "督办领导"),
                  Field("reason", "挂牌原因", "long", value=self.proposal_reasons.get(pid, "")),
                  Field("since", "挂牌日期", "date"), Field("until", "督办时限", "date", value="")]

        def submit(values, done, refused):
            self.view.window_.run(Op("挂牌督办", supervision_ops.flag(pid, values),
                                     success=done, failure=refused))
        self.form = FormDialog(self, "挂牌督办", "flagDialog", fields, submit)
        self.form.open()
        return self.form
