"""Writing an import: the changes planned (plan.py) inserted and updated through one recorded
step, so that the whole import is one undoable step with its own batch and audit trail."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from sqlite_utils import Database

from db.changes import Step, now_iso, recorded_step
from db.progress import add_progress_report, brought_up, report_record
from db.units import UnitBook
from desktop.ledger.importing.plan import Change
from desktop.ledger.long_work import Cancelled
from desktop.ledger.reading.ledger import LedgerReading, Progress

PROBLEM_COLUMNS = ("code", "seq", "title", "description", "category", "target", "lead_units",
                   "responsible_units", "supervisor", "responsible_person", "deadline",
                   "deadline_kind", "deadline_text", "status", "status_text", "progress",
                   "percent", "completed_on", "extra")
MEASURE_COLUMNS = ("seq", "content", "deadline", "deadline_kind", "deadline_text", "lead_units",
                   "responsible_units", "status", "source_row")


def import_period(reading: LedgerReading) -> tuple[str, str]:
    """The month the progress stands at (the sheet's 截至 date, else today) and that day."""
    day = reading.as_of or dt.date.today()
    return f"{day.year:04d}-{day.month:02d}", day.isoformat()


def write_changes(db: Database, reading: LedgerReading, writes: list[Change],
           rounds: dict[str, int | None], units: UnitBook, progress: Progress | None,
           cancel: Callable[[], bool] | None, *, feedback_date: dt.date | None = None) -> None:
    report = progress or (lambda done, total, what: None)
    with recorded_step(db, f"导入 {reading.file.name}") as step:
        batch = step.insert("import_batches", {
            "kind": reading.kind, "file": str(reading.file), "sheet": reading.sheet,
            "header_rows": reading.header_rows, "template_key": reading.template_key,
            "imported_at": now_iso(), "summary": f"{len(writes)} 条记录"})
        for name, rid in rounds.items():
            if rid is None:
                rounds[name] = step.insert("rounds", {"name": name})
            if feedback_date is not None:
                _date_round(step, rounds[name], feedback_date)
        context = _Context(step, reading, batch, rounds)
        for i, change in enumerate(writes):
            if cancel and i % 50 == 0 and cancel():
                raise Cancelled("已取消导入，台账未改变。")
            if i % 100 == 0:
                report(i, len(writes), "写入台账")
            (context.problem if reading.kind == "problems" else context.petition)(change)
        context.flush()
        units.save_new(step)
        report(len(writes), len(writes), "完成")


def _date_round(step: Step, round_id: int, day: dt.date) -> None:
    """A round's feedback date (rounds.started_on) is set once; a date already there is kept."""
    (started,) = step.db.execute("SELECT started_on FROM rounds WHERE id = ?",
                                 [round_id]).fetchone()
    if not started:
        step.update("rounds", round_id, {"started_on": day.isoformat()})


class _Context:
    BATCH = 500        # new problems written together

    def __init__(self, step: Step, reading: LedgerReading, batch: int, rounds: dict):
        self.step, self.reading, self.batch, self.rounds = step, reading, batch, rounds
        self.new: list[dict] = []
        self.period, self.reported_on = import_period(reading)
        self.provenance = {"source_file": reading.file.name, "source_sheet": reading.sheet,
                           "batch_id": batch}

    def problem(self, change: Change) -> None:
        record, now = change.record, now_iso()
        if change.existing_id is None:
            self.new.append(record)
            if len(self.new) >= self.BATCH:
                self.flush()
            return
        pid = change.existing_id
        if change.fields:
            self.step.update("problems", pid, {**change.fields, **self.provenance,
                                               "source_row": record["source_row"],
                                               "updated_at": now})
        for mid, m, fields in change.measures:
            if mid is None:
                self.step.insert("measures", {"problem_id": pid,
                                              **{k: m.get(k) for k in MEASURE_COLUMNS}})
            elif fields:
                self.step.update("measures", mid, fields)
        if change.report:
            self.add_report(pid, record)

    def flush(self) -> None:
        """The new problems gathered so far, with their measures and reports, a statement per
        table: a new problem's report is its only one, so the problem is written already
        brought up to it (what add_progress_report would do in a second statement)."""
        if not self.new:
            return
        now, problems, reports = now_iso(), [], []
        for record in self.new:
            row = {**{k: record.get(k) for k in PROBLEM_COLUMNS}, **self.provenance,
                   "round_id": self.rounds[record["round"]], "source_row": record["source_row"],
                   "created_at": now, "updated_at": now}
            report = None
            if record["progress"] or record["status_text"]:
                report = self.report(None, record)
                row.update(brought_up(report))
            problems.append(row)
            reports.append(report)
        ids = self.step.insert_many("problems", problems)
        self.step.insert_many("measures", [
            {"problem_id": pid, **{k: m.get(k) for k in MEASURE_COLUMNS}}
            for pid, record in zip(ids, self.new) for m in record["measures"]])
        self.step.insert_many("progress_reports", [
            {**report, "problem_id": pid} for pid, report in zip(ids, reports) if report])
        self.new = []

    def report(self, pid: int | None, record: dict) -> dict:
        """The report an imported row's progress makes, as add_progress_report would store it."""
        return report_record(pid, **self.report_fields(record))

    def report_fields(self, record: dict) -> dict:
        return {"period": self.period, "text": record["progress"], "status": record["status"],
                "status_text": record["status_text"], "percent": record.get("percent"),
                "source": "import", "source_file": self.reading.file.name,
                "batch_id": self.batch, "unit": self.reading.layout.reporting_unit,
                "reported_on": self.reported_on}

    def add_report(self, pid: int, record: dict) -> None:
        add_progress_report(self.step, pid, **self.report_fields(record))

    def petition(self, change: Change) -> None:
        record, now = change.record, now_iso()
        fields = {k: v for k, v in record.items() if k != "source_row"}
        if change.existing_id is None:
            self.step.insert("petitions", {**fields, **self.provenance,
                                           "source_row": record["source_row"],
                                           "created_at": now, "updated_at": now})
        else:
            self.step.update("petitions", change.existing_id,
                             {**change.fields, **self.provenance,
                              "source_row": record["source_row"], "updated_at": now})
