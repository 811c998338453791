"""A query's JSON columns decoded once per distinct text, as decode() would row by row; rows
never share a list."""

from __future__ import annotations

from db.decoding import decoded_rows
from db.records import JSON_FIELDS, decode


def test_rows_decoded_as_one_by_one_and_lists_not_shared():
    names = ["id", "lead_units", "extra", "title"]
    records = [(1, '["县住建局", "城关镇"]', '{"备注": ["甲"]}', "[不是JSON]"),
               (2, '["县住建局", "城关镇"]', '{"备注": ["甲"]}', None),
               (3, None, "[]", "问题"), (4, '["县住建局", "城关镇"]', '[1, "x"]', "问题")]
    got = decoded_rows(names, records, JSON_FIELDS)
    assert got == [decode(dict(zip(names, r))) for r in records]
    got[1]["lead_units"].append("县财政局")
    got[0]["extra"]["备注"].append("乙")
    assert got[0]["lead_units"] == ["县住建局", "城关镇"] == got[3]["lead_units"]
    assert got[1]["extra"] == {"备注": ["甲"]}
