"""Audit rows in the office's words."""

from desktop.core.history_text import describe_change


def test_a_field_change_says_old_and_new_in_labels():
    thing, lines = describe_change({"table": "problems", "action": "update",
                                    "before": {"status": "pending", "updated_at": "x",
                                               "lead_units": '["县水利局"]'},
                                    "after": {"status": "completed", "updated_at": "y",
                                              "lead_units": '["县水利局", "县财政局"]'}})
    assert thing == "问题"
    assert lines == ["状态：尚未启动 → 已完成", "牵头单位：县水利局 → 县水利局、县财政局"]


def test_added_and_deleted_rows_name_what_they_were():
    _, added = describe_change({"table": "measures", "action": "insert", "before": {},
                                "after": {"seq": 3, "content": "建立月度调度机制"}})
    assert added == ["新增措施　第3条：建立月度调度机制"]
    _, gone = describe_change({"table": "progress_reports", "action": "delete", "after": {},
                               "before": {"period": "2024-06", "text": "完成验收"}})
    assert gone == ["删除进展　2024-06：完成验收"]
