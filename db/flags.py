"""挂牌督办 in the register: flag and lift, each one recorded change; the flagged list.

    flag_problem(db, problem_id, flag, today=None) -> flag id      # raises ChangeRefused
    lift_flag(db, problem_id, lifted_on, note="", today=None)
    current_flag(db, problem_id) -> dict | None
    flagged_problems(db) -> [problem dict with "flag" and latest progress]
    flag_candidates(db, as_of=None) -> [FlagProposal]

Flags are rows of `flags` keyed to the problem; the problem row mirrors the current one
(flagged, flag_leader) for the register view and the problem dialog.
"""

from __future__ import annotations

import datetime as dt

from sqlite_utils import Database

from db.changes import now_iso, recorded_step
from db.closure import _problem
from db.records import problem_rows, rows
from db.refused import ChangeRefused
from desktop.core.flagging import FlagProposal, check_flag, propose_flags

FLAG_FIELDS = ("level", "leader", "reason", "since", "until")


def current_flag(db: Database, problem_id: int) -> dict | None:
    found = rows(db, "SELECT * FROM flags WHERE problem_id = ? AND lifted_on IS NULL"
                     " ORDER BY since DESC, id DESC LIMIT 1", [problem_id])
    return found[0] if found else None


def flag_problem(db: Database, problem_id: int, flag: dict, today: dt.date | None = None) -> int:
    problem = _problem(db, problem_id)
    clean = {k: (str(flag.get(k) or "").strip() or None) if k == "until"
             else str(flag.get(k) or "").strip() for k in FLAG_FIELDS}
    errors = check_flag(clean, today or dt.date.today(), (problem["created_at"] or "")[:10])
    if current_flag(db, problem_id):
        errors[""] = f"问题 {problem['code']} 已在挂牌督办中；如需调整，请先解除挂牌。"
    if errors:
        raise ChangeRefused(errors)
    with recorded_step(db, f"挂牌督办 {problem['code']}") as step:
        flag_id = step.insert("flags", {"problem_id": problem_id, **clean,
                                        "recorded_at": now_iso()})
        step.update("problems", problem_id, {"flagged": 1, "flag_leader": clean["leader"],
                                             "updated_at": now_iso()})
    return flag_id


def lift_flag(db: Database, problem_id: int, lifted_on: str, note: str = "",
              today: dt.date | None = None) -> None:
    problem = _problem(db, problem_id)
    flag = current_flag(db, problem_id)
    if flag is None:
        raise ChangeRefused({"": f"问题 {problem['code']} 没有在挂牌督办中。"})
    try:
        day = dt.date.fromisoformat(lifted_on or "")
    except ValueError:
        raise ChangeRefused({"lifted_on": f"日期“{lifted_on}”格式不对，请写成 YYYY-MM-DD。"}) from None
    if lifted_on < flag["since"] or day > (today or dt.date.today()):
        raise ChangeRefused({"lifted_on": f"解除日期应在挂牌日期 {flag['since']} 与今天之间。"})
    with recorded_step(db, f"解除挂牌 {problem['code']}") as step:
        step.update("flags", flag["id"], {"lifted_on": lifted_on, "lift_note": note.strip()})
        step.update("problems", problem_id, {"flagged": 0, "flag_leader": "",
                                             "updated_at": now_iso()})


def flags_by_problem(db: Database) -> dict[int, dict]:
    """The current flag of every flagged problem."""
    out: dict[int, dict] = {}
    for flag in rows(db, "SELECT * FROM flags WHERE lifted_on IS NULL ORDER BY since, id"):
        out[flag["problem_id"]] = flag
    return out


def flagged_problems(db: Database) -> list[dict]:
    """Flagged problems in register order, each with its flag (dict)."""
    flags = flags_by_problem(db)
    return [p | {"flag": flags[p["id"]]} for p in problem_rows(db) if p["id"] in flags]


def flag_candidates(db: Database, as_of: dt.date | None = None) -> list[FlagProposal]:
    from db.queries import ensure_assessed

    ensure_assessed(db, as_of or dt.date.today())
    overdue = {r[0] for r in db.execute("SELECT problem_id FROM temp.assessed"
                                        " WHERE warning = 'overdue'").fetchall()}
    history: dict[int, list] = {}
    for pid, period, status in db.execute(
            "SELECT problem_id, period, status FROM progress_reports WHERE measure_id IS NULL"
            " ORDER BY problem_id, period, id").fetchall():
        history.setdefault(pid, []).append({"period": period, "status": status})
    flagged = set(flags_by_problem(db))
    problems = [{"id": p["id"], "code": p["code"], "title": p["title"], "status": p["status"],
                 "flagged": p["id"] in flagged, "overdue": p["id"] in overdue,
                 "history": history.get(p["id"], [])} for p in problem_rows(db)]
    return propose_flags(problems)
