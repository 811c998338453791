"""Fill-back of a petition ledger: each petition's verification, handling result and status
written into the superior's own columns, matched by its handover code, in the sheet's own words."""

from __future__ import annotations

from sqlite_utils import Database

from desktop.ledger.reading.petition_words import petition_status, verified_code
from desktop.ledger.writing.cells import write_value

FILLED = ("verified", "result", "status")
STATUS_WORDS = {"done": "已办结", "staged": "阶段性办结", "in_progress": "正在办理"}
VERIFIED_WORDS = {"true": "属实", "partial": "部分属实", "false": "不属实"}


def _own_words(words: list[str], read, defaults: dict[str, str]) -> dict[str, str]:
    """code → the word this sheet already uses for it, else ours."""
    found: dict[str, str] = {}
    for word in words:
        code = read(word)
        if code and code not in found:
            found[code] = word
    return {**defaults, **found}


def fill_petitions(db: Database, reading, columns: dict, words: dict, result, target_cell) -> None:
    """Write the petitions the register knows through target_cell(row, col); record what was
    filled."""
    cur = db.execute("SELECT code, verified, verified_text, result, status FROM petitions")
    known = {row[0]: row for row in cur.fetchall()}
    statuses = _own_words(words.get("status", []), petition_status, STATUS_WORDS)
    verdicts = _own_words(words.get("verified", []), verified_code, VERIFIED_WORDS)
    for petition in reading.petitions:
        row = known.get(petition["code"])
        if row is None:
            result.not_in_register.append(petition["code"])
            continue
        _, verified, verified_text, text, status = row
        values = {"verified": verified_text or verdicts.get(verified or "", ""),
                  "result": text, "status": statuses.get(status, "")}
        for name, col in columns.items():
            if values.get(name):
                write_value(target_cell(petition["source_row"], col.index + 1), values[name])
        result.filled.append({"code": petition["code"], "row": petition["source_row"]})
    listed = {p["code"] for p in reading.petitions}
    result.not_in_template = [c for c in known if c not in listed]
