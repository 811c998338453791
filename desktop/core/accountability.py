"""追责问责: records of units and persons held accountable, checked and counted.

    check_record(record, today) -> {field: message}
    accountability_counts(records) -> (units, persons)

A record names a unit (person empty: the unit itself is held accountable) or a person (with
their unit). The published form counts distinct units and distinct persons:
"对42个责任单位、140名责任人进行追责问责".
"""

from __future__ import annotations

import datetime as dt

ACTIONS = ("约谈", "通报批评", "诫勉", "责令检查", "党纪处分", "政务处分", "组织处理", "移送司法机关")


def check_record(record: dict, today: dt.date) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not str(record.get("unit") or "").strip() and not str(record.get("person") or "").strip():
        errors["unit"] = "请填写被问责的单位或个人（至少一项）。"
    if not str(record.get("action") or "").strip():
        errors["action"] = "请选择或填写问责方式，如约谈、通报批评、诫勉、党纪处分。"
    try:
        day = dt.date.fromisoformat(record.get("decided_on") or "")
    except ValueError:
        errors["decided_on"] = (f"问责日期“{record.get('decided_on') or ''}”格式不对，"
                                "请写成 YYYY-MM-DD。")
    else:
        if day > today:
            errors["decided_on"] = f"问责日期 {day} 晚于今天，请核对。"
    return errors


def accountability_counts(records: list[dict]) -> tuple[int, int]:
    """(units held accountable, persons held accountable), each counted once."""
    units = {r["unit"].strip() for r in records
             if not (r.get("person") or "").strip() and (r.get("unit") or "").strip()}
    persons = {((r.get("unit") or "").strip(), r["person"].strip()) for r in records
               if (r.get("person") or "").strip()}
    return len(units), len(persons)


def accountability_clause(units: int, persons: int) -> str:
    """'对42个责任单位、140名责任人进行追责问责' (zero counts left out); '' when none."""
    parts = [f"{units}个责任单位" if units else "", f"{persons}名责任人" if persons else ""]
    parts = [p for p in parts if p]
    return f"对{'、'.join(parts)}进行追责问责" if parts else ""
