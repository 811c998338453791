"""Adding a problem by hand and deleting one: each one undoable step."""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from db.changes import now_iso, recorded_step
from desktop.core.deadlines import parse_deadline
from desktop.core.status import STATUS_LABELS
from desktop.core.text import problem_text
from desktop.ui.changes import Changes


@dataclass
class NewProblem:
    round_name: str
    code: str
    title: str
    description: str
    lead_units: list[str]
    responsible_units: list[str]
    deadline_text: str


@dataclass
class Added:
    problem_id: int
    changes: Changes


def next_code(db: Database, round_name: str) -> str:
    """The number after the round's highest numeric code ("1" for a new round)."""
    codes = db.execute("SELECT p.code FROM problems p JOIN rounds r ON r.id = p.round_id"
                       " WHERE r.name = ?", [round_name]).fetchall()
    numbers = [int(c) for (c,) in codes if str(c).isdigit()]
    return str(max(numbers, default=0) + 1)


def add_problem(new: NewProblem):
    def work(db: Database, _progress=None) -> Added:
        deadline = parse_deadline(new.deadline_text)
        stamp = now_iso()
        with recorded_step(db, f"新增问题 {new.code}") as step:
            row = db.execute("SELECT id FROM rounds WHERE name = ?", [new.round_name]).fetchone()
            round_id = row[0] if row else step.insert("rounds", {"name": new.round_name})
            seq = db.execute("SELECT coalesce(max(seq), 0) + 1 FROM problems WHERE round_id = ?",
                             [round_id]).fetchone()[0]
            pid = step.insert("problems", {
                "round_id": round_id, "code": new.code, "seq": seq, "title": new.title,
                "description": new.description, "lead_units": new.lead_units,
                "responsible_units": new.responsible_units or new.lead_units,
                "deadline_text": new.deadline_text, "deadline": deadline.iso,
                "deadline_kind": deadline.kind, "status": "pending",
                "status_text": STATUS_LABELS["pending"], "created_at": stamp,
                "updated_at": stamp, "source_file": "手工录入"})
        return Added(pid, Changes(problems=True, message=f"已新增问题 {new.code}"))
    return work


def delete_problem(problem_id: int):
    """An op: delete the problem with its measures, reports and evidence rows (one undo step);
    accountability records that named it keep their content and lose only the link."""
    def work(db: Database, _progress=None) -> Changes:
        found = db.execute("SELECT code, title, description FROM problems WHERE id = ?",
                           [problem_id]).fetchone()
        if found is None:
            raise LookupError("这个问题已不在台账中。")
        code = found[0]
        with recorded_step(db, f"删除问题 {code}") as step:
            for (rid,) in db.execute("SELECT id FROM accountability WHERE problem_id = ?",
                                     [problem_id]).fetchall():
                step.update("accountability", rid, {"problem_id": None})
            step.delete("problems", problem_id)
        text = problem_text({"title": found[1], "description": found[2]})[:30]
        return Changes(problems=True, message=f"已删除问题 {code}（{text}），可撤销")
    return work
