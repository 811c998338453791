"""The clerk's own wording of a merged progress survives later collections and merge-rule
changes; a merge-rule change re-merges the rest as one undo step."""

from __future__ import annotations

import pytest

from db.changes import last_step, undo
from db.merged_progress import edit_merged
from db.records import rows
from db.remerge import REMERGE_STEP, remerge_unedited
from db.settings import set_setting
from desktop.cli import main as cli
from desktop.ledger.forms.collect import collect_forms
from desktop.ledger.forms.unit_forms import export_unit_forms
from tests.ledger.forms_support import add_problem, fill_form

PERIOD = "2024-05"
LEAD = {0: {"text": "扩容完成70%", "status_text": "已完成"}}


@pytest.fixture
def forms(register, tmp_path):
    add_problem(register, code="1", description="污水直排", lead_units=["县住建局"],
                responsible_units=["城关镇"])
    add_problem(register, code="2", description="违法建筑", lead_units=["县自然资源局"],
                responsible_units=["县住建局"])
    return {f.unit: f for f in export_unit_forms(register, tmp_path / "下发", period=PERIOD)}


def merged(db, code: str) -> dict:
    (found,) = rows(db, "SELECT r.* FROM progress_reports r JOIN problems p ON p.id = "
                        "r.problem_id WHERE r.source = 'merged' AND p.code = ?", [code])
    return found


def pid(db, code: str) -> int:
    return db.execute("SELECT id FROM problems WHERE code = ?", [code]).fetchone()[0]


def town(forms, tmp_path, name="镇.xlsx", text="扩容完成50%", status="正在推进"):
    return fill_form(forms["城关镇"].path, tmp_path / name,
                     {0: {"text": text, "status_text": status}})


def lead(forms, tmp_path):
    return fill_form(forms["县住建局"].path, tmp_path / "局.xlsx", LEAD)


def test_a_hand_edit_survives_new_unit_words_and_the_result_says_so(register, forms, tmp_path):
    collect_forms(register, [lead(forms, tmp_path)])
    edit_merged(register, pid(register, "1"), PERIOD, "管网扩容已完成七成，年底前完工", "on_schedule")
    result = collect_forms(register, [town(forms, tmp_path)])
    assert result.committed
    one = merged(register, "1")
    assert (one["text"], one["status"]) == ("管网扩容已完成七成，年底前完工", "on_schedule")
    assert one["edited_at"]
    (kept,) = result.edits_kept
    assert kept["code"] == "1" and kept["new_from"] == ["城关镇"]
    assert kept["units_text"] == "县住建局：扩容完成70%；城关镇：扩容完成50%"
    # the unit's own words are still recorded
    assert rows(register, "SELECT text FROM progress_reports WHERE unit = '城关镇'") == [
        {"text": "扩容完成50%"}]
    problem = rows(register, "SELECT progress FROM problems WHERE code = '1'")[0]
    assert problem["progress"] == "管网扩容已完成七成，年底前完工"


def test_without_a_hand_edit_new_words_re_merge(register, forms, tmp_path):
    collect_forms(register, [lead(forms, tmp_path)])
    result = collect_forms(register, [town(forms, tmp_path)])
    assert merged(register, "1")["text"] == "县住建局：扩容完成70%；城关镇：扩容完成50%"
    assert result.edits_kept == [] and merged(register, "1")["edited_at"] is None


def test_saving_the_units_merge_word_for_word_is_no_hand_edit(register, forms, tmp_path):
    collect_forms(register, [lead(forms, tmp_path)])
    edit_merged(register, pid(register, "1"), PERIOD, "县住建局：扩容完成70%", "completed")
    assert merged(register, "1")["edited_at"] is None
    collect_forms(register, [town(forms, tmp_path)])
    assert merged(register, "1")["status"] == "in_progress"


def test_the_command_line_says_the_edit_was_kept(register, forms, tmp_path, capsys):
    collect_forms(register, [lead(forms, tmp_path)])
    edit_merged(register, pid(register, "1"), PERIOD, "手工改写的汇总", "on_schedule")
    path = register.conn.execute("PRAGMA database_list").fetchone()[2]
    assert cli(["collect", str(town(forms, tmp_path)), "--db", path]) == 0
    out = capsys.readouterr().out
    assert "问题1（第二轮中央督察）2024-05 的汇总进展曾手工修改，已保留" in out
    assert "城关镇" in out and "各单位填报" in out
    assert merged(register, "1")["text"] == "手工改写的汇总"


def test_a_rule_change_re_merges_the_unedited_as_one_step(register, forms, tmp_path):
    collect_forms(register, [lead(forms, tmp_path), town(forms, tmp_path),
                             fill_form(forms["县住建局"].path, tmp_path / "局2.xlsx",
                                       {**LEAD, 1: {"text": "拆除一半", "status_text": "已完成"}})],
                  newer_wins=True)
    assert merged(register, "1")["status"] == "in_progress"
    edit_merged(register, pid(register, "2"), PERIOD, "违建拆除过半（手工）", "in_progress")
    set_setting(register, "progress.merge_rule", "lead")
    assert remerge_unedited(register) == 1
    assert last_step(register).name == REMERGE_STEP
    assert merged(register, "1")["status"] == "completed"
    assert merged(register, "2")["text"] == "违建拆除过半（手工）"
    assert remerge_unedited(register) == 0 and last_step(register).name == REMERGE_STEP
    undo(register)
    assert merged(register, "1")["status"] == "in_progress"
