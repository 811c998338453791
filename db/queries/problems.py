"""Problem lists for the register view: filter, search and sort in SQL; one problem in detail."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlite_utils import Database

from db.queries.assessed import ensure_assessed
from db.queries.supervision import STAGE_SQL
from db.records import decode, progress_history, rows
from desktop.core.status import DONE_CODES, STATUS_CODES

BUCKET_LABELS = {"overdue": "逾期", "d10": "10天内", "d20": "20天内", "later": "更晚",
                 "long_term": "长期坚持", "immediate": "立行立改", "none": "时限不明",
                 "done": "已完成"}
FILTER_BUCKETS = ("overdue", "d10", "d20", "later", "long_term", "immediate")
OPEN = "open"  # the status filter for every problem not yet completed or closed

_DONE = "(" + ", ".join(f"'{c}'" for c in sorted(DONE_CODES)) + ")"
_STATUS_RANK = "CASE p.status " + " ".join(
    f"WHEN '{code}' THEN {i}" for i, code in enumerate(STATUS_CODES)) + " ELSE 99 END"
_WARNING_RANK = ("CASE p.warning WHEN 'overdue' THEN 0 WHEN 'behind' THEN 1 WHEN 'due_soon' THEN 2"
                 " WHEN '' THEN 3 ELSE 4 END")
_CODE_ORDER = "p.round_id, coalesce(p.seq, 1e9), length(p.code), p.code"  # numbered per round
# What a problem is called wherever it is listed: its name, else its description
# (desktop.core.text.problem_text says the same in Python).
PROBLEM_TEXT = "coalesce(nullif(trim(p.title), ''), p.description)"

# Sort keys the view's columns name → SQL ORDER BY expressions (code order breaks ties).
SORT_KEYS = {
    "code": _CODE_ORDER,
    "title": PROBLEM_TEXT,
    "round": "p.round_id",
    "lead": "p.lead_units",
    "deadline": "p.deadline IS NULL, p.deadline",
    "status": _STATUS_RANK,
    "percent": "coalesce(p.percent, -1)",
    "progress": "p.progress",
    "completed_on": "p.completed_on IS NULL, p.completed_on",
    "warning": f"{_WARNING_RANK}, p.days_left IS NULL, p.days_left",
}
_LIST_COLUMNS = (f"p.id, p.code, {PROBLEM_TEXT} AS title, p.category, p.lead_units, "
                 "p.responsible_units, "
                 "p.deadline, p.deadline_kind, p.deadline_text, p.status, p.status_text, "
                 "p.progress, p.percent, p.round_id, p.completed_on,"
                 " (SELECT name FROM rounds r WHERE r.id = p.round_id) AS round")
_SEARCHED = ("p.code", "p.title", "p.description", "p.progress", "p.lead_units",
             "p.responsible_units", "p.category", "p.deadline_text")


def search_clauses(search: str, columns: tuple[str, ...], params: dict) -> list[str]:
    """One clause per word typed: the word (LIKE, escaped) in any of the columns."""
    clauses = []
    for i, word in enumerate(search.split()):
        key = f"w{i}"
        params[key] = "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        clauses.append("(" + " OR ".join(f"{col} LIKE :{key} ESCAPE '\\'" for col in columns) + ")")
    return clauses


def named_rows(db: Database, sql: str, params: dict) -> list[dict]:
    """Rows as decoded dicts, for SQL with :named parameters."""
    cur = db.execute(sql, params)
    names = [d[0] for d in cur.description]
    return [decode(dict(zip(names, r))) for r in cur.fetchall()]


@dataclass(frozen=True)
class ProblemFilter:
    round_id: int | None = None
    unit: str = ""       # a lead or responsible unit, exactly as listed
    status: str = ""     # "", "open", or a status code
    category: str = ""
    bucket: str = ""     # "" or one of FILTER_BUCKETS
    search: str = ""     # words, each must appear in one of the searched fields
    stage: str | None = None  # closure stage (desktop.core.closure.STAGES), None for any


def _where(flt: ProblemFilter, params: dict) -> str:
    clauses: list[str] = []
    if flt.round_id is not None:
        clauses.append("p.round_id = :round_id")
        params["round_id"] = flt.round_id
    if flt.unit:
        clauses.append("(EXISTS (SELECT 1 FROM json_each(p.lead_units) WHERE value = :unit)"
                       " OR EXISTS (SELECT 1 FROM json_each(p.responsible_units)"
                       " WHERE value = :unit))")
        params["unit"] = flt.unit
    if flt.status == OPEN:
        clauses.append(f"p.status NOT IN {_DONE}")
    elif flt.status:
        clauses.append("p.status = :status")
        params["status"] = flt.status
    if flt.category:
        clauses.append("p.category = :category")
        params["category"] = flt.category
    if flt.bucket:
        clauses.append("p.bucket = :bucket")
        params["bucket"] = flt.bucket
    if flt.stage is not None:
        clauses.append(f"{STAGE_SQL} = :stage")
        params["stage"] = flt.stage
    clauses += search_clauses(flt.search, _SEARCHED, params)
    return " AND ".join(clauses)


_ASSESSED = ("SELECT p.*, a.days_left, coalesce(a.bucket, 'none') AS bucket,"
             " coalesce(a.warning, '') AS warning, a.code AS assessment, a.explanation"
             " FROM problems p LEFT JOIN temp.assessed a ON a.problem_id = p.id")


def _select(where: str, order: str, columns: str = "") -> str:
    """Problems joined with their assessment (db.queries.assessed), filtered and ordered."""
    columns = columns or (f"{_LIST_COLUMNS}, p.days_left, p.bucket, p.warning, p.assessment,"
                          " p.explanation")
    return (f"SELECT {columns} FROM ({_ASSESSED}) p"
            + (f" WHERE {where}" if where else "") + f" ORDER BY {order}")


def _params(db: Database, as_of: dt.date | None) -> dict:
    day = as_of or dt.date.today()
    ensure_assessed(db, day)
    return {"as_of": day.isoformat()}


def problem_list(db: Database, flt: ProblemFilter | None = None, *, sort: str = "code",
                 descending: bool = False, as_of: dt.date | None = None) -> list[dict]:
    """Problems matching the filter, in the asked order, with their assessment: days_left,
    bucket, warning (done / overdue / behind / due_soon / ""), assessment code, explanation."""
    params = _params(db, as_of)
    where = _where(flt or ProblemFilter(), params)
    return named_rows(db, _select(where, _order(sort, descending) + ", " + _CODE_ORDER), params)


def problem_ids(db: Database, flt: ProblemFilter | None = None, *, sort: str = "code",
                descending: bool = False, as_of: dt.date | None = None) -> list[tuple[int, str, str]]:
    """(id, warning, bucket) of the problems matching the filter, in order: what a long list needs
    at once; the rows themselves are fetched a page at a time (problem_rows_by_id)."""
    params = _params(db, as_of)
    where = _where(flt or ProblemFilter(), params)
    sql = _select(where, _order(sort, descending) + ", " + _CODE_ORDER, "p.id, p.warning, p.bucket")
    return db.execute(sql, params).fetchall()


def _order(sort: str, descending: bool) -> str:
    """ORDER BY terms for a sort key; 'IS NULL' terms keep the empty ones last either way."""
    direction = " DESC" if descending else ""
    return ", ".join(part.strip() + ("" if part.strip().endswith("IS NULL") else direction)
                     for part in _split_terms(SORT_KEYS[sort]))


def _split_terms(expr: str) -> list[str]:
    """Split an ORDER BY list on top-level commas (CASE and function calls keep theirs)."""
    terms, depth, current = [], 0, []
    for ch in expr:
        depth += ch == "("
        depth -= ch == ")"
        if ch == "," and depth == 0:
            terms.append("".join(current))
            current = []
        else:
            current.append(ch)
    terms.append("".join(current))
    return terms


def problem_rows_by_id(db: Database, ids: list[int], *, as_of: dt.date | None = None) -> dict:
    """The list rows of the given problems (for refreshing only the rows that changed)."""
    if not ids:
        return {}
    params = _params(db, as_of)
    params.update({f"id{i}": pid for i, pid in enumerate(ids)})
    where = "p.id IN (" + ", ".join(f":id{i}" for i in range(len(ids))) + ")"
    return {r["id"]: r for r in named_rows(db, _select(where, _CODE_ORDER), params)}


def filter_choices(db: Database) -> dict[str, list]:
    """What the filters offer: rounds (id, name), units and categories in use."""
    rounds = [(r["id"], r["name"]) for r in rows(db, "SELECT id, name FROM rounds ORDER BY id")]
    units = [r["value"] for r in rows(db, """
        SELECT value FROM problems p, json_each(p.lead_units)
        UNION SELECT value FROM problems p, json_each(p.responsible_units)
        ORDER BY value""")]
    categories = [r["category"] for r in rows(db, "SELECT DISTINCT category FROM problems "
                                              "WHERE category != '' ORDER BY category")]
    return {"rounds": rounds, "units": units, "categories": categories}


def problem_detail(db: Database, problem_id: int) -> dict | None:
    """One problem with its round's name, measures, progress history and provenance."""
    found = rows(db, "SELECT p.*, r.name AS round FROM problems p JOIN rounds r "
                     "ON r.id = p.round_id WHERE p.id = ?", [problem_id])
    if not found:
        return None
    problem = found[0]
    problem["measures"] = rows(db, "SELECT * FROM measures WHERE problem_id = ? ORDER BY seq",
                               [problem_id])
    problem["history"] = progress_history(db, problem_id)
    return problem


def code_taken(db: Database, round_id: int, code: str, except_id: int | None = None) -> bool:
    """Whether another problem of the round already has this code."""
    found = db.execute("SELECT id FROM problems WHERE round_id = ? AND code = ? AND id != ?",
                       [round_id, code, except_id or -1]).fetchone()
    return found is not None


def measures_of(db: Database, problem_id: int) -> list[dict]:
    """A problem's measures in order (for the register view's measures pane)."""
    return rows(db, "SELECT * FROM measures WHERE problem_id = ? ORDER BY seq", [problem_id])


def any_completed_on(db: Database) -> bool:
    """Whether some problem has an actual completion date (the register's 实际完成时间 column)."""
    return db.execute("SELECT 1 FROM problems WHERE completed_on IS NOT NULL AND"
                      " completed_on != '' LIMIT 1").fetchone() is not None
