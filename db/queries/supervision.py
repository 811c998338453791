"""Lists for the supervision screens: problems by closure stage, with their evidence counts."""

from __future__ import annotations

from sqlite_utils import Database

from db.records import rows

# A problem imported as 已销号 with no closure steps stands at the closed stage.
STAGE_SQL = "CASE WHEN p.closure_stage = '' AND p.status = 'closed' THEN 'closed' ELSE p.closure_stage END"


def closure_list(db: Database, stage: str | None = None) -> list[dict]:
    """Problems at a closure stage (None: every problem that has begun closure or is closed)."""
    where = f"{STAGE_SQL} = ?" if stage is not None else f"{STAGE_SQL} != ''"
    params = [stage] if stage is not None else []
    return rows(db, f"""
        SELECT p.id, p.code, p.title, p.description, {STAGE_SQL} AS stage, p.closed_on,
               p.closure_doc, p.lead_units,
               (SELECT max(happened_on) FROM closure_steps s WHERE s.problem_id = p.id) AS last_step,
               (SELECT count(*) FROM closure_steps s WHERE s.problem_id = p.id
                AND s.kind = 'revisit') AS revisits,
               (SELECT count(*) FROM evidence e WHERE e.problem_id = p.id) AS evidence
        FROM problems p WHERE {where}
        ORDER BY p.round_id, coalesce(p.seq, 1e9), length(p.code), p.code""", params)


def revisited_count(db: Database) -> int:
    (count,) = db.execute("SELECT count(DISTINCT problem_id) FROM closure_steps"
                          " WHERE kind = 'revisit'").fetchone()
    return count
