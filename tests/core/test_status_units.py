import pytest

from desktop.core.status import derive_status, status_from_text, yes_no
from desktop.core.units import merge_unit_lists, split_units, unit_key

WORDS = [
    ("已完成", "completed"), ("完成整改", "completed"), ("达到序时进度", "on_schedule"),
    ("按序时推进", "on_schedule"), ("序时推进", "on_schedule"), ("超过序时进度", "ahead"),
    ("未达序时进度", "behind_schedule"), ("滞后", "behind_schedule"), ("慢序时", "behind_schedule"),
    ("正在推进", "in_progress"), ("正在整改", "in_progress"), ("推进中", "in_progress"),
    ("尚未启动", "pending"), ("未启动", "pending"), ("已销号", "closed"),
    ("完成交账销号", "closed"), ("验收销号", "closed"), ("未完成", "in_progress"),
    ("未销号", None), (" 已 完成 ", "completed"), ("", None), ("备注", None),
]


@pytest.mark.parametrize("word,code", WORDS)
def test_status_words(word, code):
    assert status_from_text(word) == code


def test_derive_status_from_progress():
    assert derive_status("", "已开工") == "in_progress"
    assert derive_status(None, None) == "pending"
    assert derive_status("已销号", "") == "closed"


def test_yes_no():
    assert yes_no("是") is True and yes_no("否") is False and yes_no("") is None


def test_split_units_on_every_separator_outside_brackets():
    cell = "各市(州)政府,省发展改革委、省交通运输厅；县政府（城关镇、河西乡）\n 县 水利局;县财政局，"
    assert split_units(cell) == ["各市(州)政府", "省发展改革委", "省交通运输厅",
                                 "县政府（城关镇、河西乡）", "县水利局", "县财政局"]
    assert split_units(None) == [] and split_units("  ") == [] and split_units("/") == []


def test_unit_spellings_fold_together():
    assert unit_key("县生态环境 分局") == unit_key("县生态环境分局")
    assert unit_key("各市（州）政府") == unit_key("各市(州)政府")
    assert merge_unit_lists(["县水利局"], ["县 水利局", "县财政局"]) == ["县水利局", "县财政局"]
