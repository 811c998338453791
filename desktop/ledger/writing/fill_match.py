"""Which template rows are the register's problems: same round and code, and a problem text that
agrees (rapidfuzz over description and title). Codes alone agree by chance (every ledger numbers
its problems 1, 2, 3 …), so a row whose text says another problem is never filled."""

from __future__ import annotations

from dataclasses import dataclass, field

from rapidfuzz import fuzz
from sqlite_utils import Database

from db.templates import load_template
from desktop.core.text import squash_spaces
from desktop.ledger.reading.ledger import LedgerReading

AGREE_AT = 60.0


def _texts(item: dict) -> list[str]:
    return [squash_spaces(str(item.get(k) or "")) for k in ("description", "title")
            if squash_spaces(str(item.get(k) or ""))]


def has_text(reading: LedgerReading) -> bool:
    """Whether any template row has a problem text to compare (description or title)."""
    return any(_texts(row) for row in reading.problems)


def text_score(template_row: dict, problem: dict) -> float | None:
    """0–100 how well the texts agree; None when the template row has no text to compare."""
    mine, theirs = _texts(template_row), _texts(problem)
    if not mine or not theirs:
        return None
    best = 0.0
    for a in mine:
        for b in theirs:
            best = max(best, fuzz.ratio(a, b))
            if min(len(a), len(b)) >= 6:
                best = max(best, fuzz.partial_ratio(a, b) * 0.95)
    return best


@dataclass
class RoundMatch:
    round_id: int | None
    rows: dict[int, int] = field(default_factory=dict)          # source_row → problem id
    disagree: list[dict] = field(default_factory=list)          # {"row", "code", "template", "register", "score"}
    not_in_register: list[str] = field(default_factory=list)
    known: dict[str, int] = field(default_factory=dict)         # the round's codes → ids


def _round_problems(db: Database, round_id: int) -> dict[str, dict]:
    cur = db.execute("SELECT id, code, title, description FROM problems WHERE round_id = ?",
                     [round_id])
    return {r[1]: {"id": r[0], "code": r[1], "title": r[2], "description": r[3]}
            for r in cur.fetchall()}


def match_round(db: Database, reading: LedgerReading, round_id: int) -> RoundMatch:
    problems = _round_problems(db, round_id)
    match = RoundMatch(round_id, known={c: p["id"] for c, p in problems.items()})
    for row in reading.problems:
        problem = problems.get(row["code"])
        if problem is None:
            match.not_in_register.append(row["code"])
            continue
        score = text_score(row, problem)
        if score is None or score >= AGREE_AT:
            match.rows[row["source_row"]] = problem["id"]
        else:
            match.disagree.append({"row": row["source_row"], "code": row["code"],
                                   "template": (_texts(row) or [""])[0][:30],
                                   "register": (_texts(problem) or [""])[0][:30],
                                   "score": round(score, 1)})
    return match


def _candidate_rounds(db: Database, reading: LedgerReading) -> list[int]:
    codes = [p["code"] for p in reading.problems]
    if not codes:
        return []
    marks = ", ".join("?" for _ in codes)
    return [r[0] for r in db.execute(
        f"SELECT DISTINCT round_id FROM problems WHERE code IN ({marks}) ORDER BY round_id",
        codes).fetchall()]


def best_round(db: Database, reading: LedgerReading) -> RoundMatch:
    """The round whose problems the template lists: most rows agreeing; the round remembered for
    this template, or named by its title, first among equals."""
    saved = (load_template(db, reading.template_key) or {}).get("round")
    names = dict(db.execute("SELECT id, name FROM rounds").fetchall())
    title = squash_spaces(reading.layout.title or "")
    best: tuple | None = None
    for round_id in _candidate_rounds(db, reading):
        match = match_round(db, reading, round_id)
        name = names.get(round_id, "")
        rank = (len(match.rows) - len(match.disagree), name == saved,
                bool(name) and squash_spaces(name) in title, round_id)
        if best is None or rank > best[0]:
            best = (rank, match)
    return best[1] if best else RoundMatch(None, not_in_register=[p["code"] for p in reading.problems])


def refusal(match: RoundMatch, file_name: str) -> str:
    """The Chinese message when the template's rows are not the register's problems, else ""."""
    if match.rows and len(match.rows) > len(match.disagree):
        return ""
    if not match.rows and not match.disagree:
        return (f"“{file_name}”中的问题编号在本台账中都找不到，它不是本台账问题的上级表格，"
                "未回填任何内容。")
    first = "；".join(f"第{d['row']}行问题{d['code']}：上级表为“{d['template']}”，本台账为"
                     f"“{d['register']}”" for d in match.disagree[:3])
    return (f"“{file_name}”的各行不是本台账的问题（编号相同但问题内容不符），未回填任何内容。{first}。"
            "请选择本台账问题所在的上级表格。")
