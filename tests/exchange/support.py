"""Registers for the exchange tests: a county's small register, invented content."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from db.changes import now_iso, recorded_step
from db.closure import record_closure_step
from db.connection import open_register
from db.evidence import attach_evidence
from db.evidence_files import stored_path
from db.flags import flag_problem
from db.progress import add_progress_report
from db.records import dump_register
from desktop.cli import main

ROUND = "第三轮省级督察"
PROBLEMS = [
    ("1", "城区污水管网雨污混流", ["县住建局"], ["城关镇", "县财政局"], ["完成管网排查", "实施雨污分流改造"]),
    ("2", "工业园区扬尘管控不到位", ["县工信局"], ["青山镇"], ["开展扬尘专项检查"]),
    ("3", "河道沿岸违规堆放砂石", ["县水利局"], ["青山镇", "县自然资源局"], ["清理砂石堆场", "建立巡河制度"]),
    ("4", "畜禽养殖粪污直排", ["县农业农村局"], ["城关镇"], ["关停直排养殖场"]),
]


def county_register(path: Path):
    """Four problems with their measures and one report each, as an import would write them."""
    db = open_register(path)
    now = now_iso()
    with recorded_step(db, "导入 县台账.xlsx") as step:
        round_id = step.insert("rounds", {"name": ROUND, "started_on": "2024-03-01"})
        for code, title, lead, responsible, measures in PROBLEMS:
            pid = step.insert("problems", {
                "round_id": round_id, "code": code, "seq": int(code), "title": title,
                "description": f"{title}，群众反映强烈。", "lead_units": lead,
                "responsible_units": responsible, "deadline": "2024-12-31",
                "deadline_kind": "fixed", "deadline_text": "2024年底前",
                "source_file": "县台账.xlsx", "source_row": int(code) + 3,
                "created_at": now, "updated_at": now})
            for seq, content in enumerate(measures, start=1):
                step.insert("measures", {"problem_id": pid, "seq": seq, "content": content,
                                         "lead_units": lead})
            add_progress_report(step, pid, period="2024-04", text="已制定整改方案",
                                status_text="正在推进", unit=lead[0], reported_on="2024-04-30")
    return db


def problem_id(db, code: str) -> int:
    return db.execute("SELECT id FROM problems WHERE code = ?", [code]).fetchone()[0]


def edit(db, name: str, changes: dict[str, dict], reports: dict[str, tuple] = (),
         measures: dict[tuple[str, int], dict] = ()) -> None:
    """One recorded step of a clerk's edits: {code: fields}, {code: (period, text, status, unit)}."""
    with recorded_step(db, name) as step:
        for code, fields in changes.items():
            step.update("problems", problem_id(db, code), fields)
        for (code, seq), fields in dict(measures).items():
            (mid,) = db.execute("SELECT id FROM measures WHERE problem_id = ? AND seq = ?",
                                [problem_id(db, code), seq]).fetchone()
            step.update("measures", mid, fields)
        for code, (period, text, status_text, unit) in dict(reports).items():
            add_progress_report(step, problem_id(db, code), period=period, text=text,
                                status_text=status_text, unit=unit, reported_on=f"{period}-28")


def add_evidence(db, code: str, file: Path, title: str, dated: str = "2024-05-20",
                 measure: int | None = None) -> int:
    """Attached as the clerk attaches it (to the problem, or to its measure with that seq): the
    file copied into the register's evidence store."""
    pid = problem_id(db, code)
    measure_id = None if measure is None else db.execute(
        "SELECT id FROM measures WHERE problem_id = ? AND seq = ?", [pid, measure]).fetchone()[0]
    return attach_evidence(db, pid, file, title=title, dated=dated, measure_id=measure_id)


def stored_file(db, title: str) -> tuple[str, Path]:
    """An evidence row's sha256 and the file its path names in the register's evidence store."""
    sha, path = db.execute("SELECT sha256, path FROM evidence WHERE title = ?", [title]).fetchone()
    return sha, stored_path(db, path)


def content(db) -> dict:
    """What two registers must agree on: every problem as dump shows it (where each was imported
    from is the laptop's own), evidence by title, the chronicle."""
    problems = [{k: v for k, v in p.items() if k != "source"} for p in dump_register(db)["problems"]]
    evidence = sorted(db.execute("SELECT title, added_at, sha256, path FROM evidence").fetchall())
    chronicle = sorted(db.execute("SELECT happened_on, title FROM chronicle").fetchall())
    return {"problems": problems, "evidence": evidence, "chronicle": chronicle}


def steps(db) -> int:
    return db.execute("SELECT count(*) FROM undo_steps").fetchone()[0]


def cli(capsys, *args) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main([str(a) for a in args])
    out = capsys.readouterr()
    return code, out.out, out.err


def cli_json(capsys, *args) -> dict:
    code, out, err = cli(capsys, *args, "--json")
    assert code == 0, err
    return json.loads(out)


REPORT = b"%PDF-1.4\n1 0 obj << /Type /Page >> endobj\n%%EOF\n"


def close_and_flag(db, folder: Path) -> None:
    """Problem 1 closed with an evidence file (申请销号 → 核查 → 销号), problem 2 flagged, today;
    the file's first place (a U 盘) is gone afterwards: the register keeps its own copy."""
    today = dt.date.today().isoformat()
    edit(db, "改为已完成", {"1": {"status": "completed", "status_text": "已完成"}})
    report = folder / "U盘" / "验收 报告.pdf"
    report.parent.mkdir(exist_ok=True)
    report.write_bytes(REPORT)
    add_evidence(db, "1", report, "验收报告", dated=today)
    pid = problem_id(db, "1")
    record_closure_step(db, pid, {"kind": "apply", "happened_on": today})
    record_closure_step(db, pid, {"kind": "verify", "happened_on": today,
                                  "person": "县整改办核查组", "passed": True, "finding": "现场核查属实"})
    record_closure_step(db, pid, {"kind": "close", "happened_on": today, "doc": "县整改办〔2026〕8号"})
    flag_problem(db, problem_id(db, "2"), {"level": "县", "leader": "王副县长",
                                           "reason": "扬尘反复", "since": today})
    report.unlink()
