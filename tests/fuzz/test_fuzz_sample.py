"""A bounded sample of the fuzz run (the full run: python -m tests.fuzz.run_fuzz): hostile
workbooks, Word documents, plan texts and exchange packages through the real command line, each in a child process under 1 GiB and 60 s; every
one ends by itself with exit 0 or 1, no traceback, a Chinese message, the register unchanged."""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.fuzz import hostile
from tests.fuzz import hostile_documents as documents
from tests.fuzz.harness import judge
from tests.fuzz.random_sheets import random_sheet_file

SAMPLE = [("import", k) for k in (
    "far_corner", "far_middle", "far_xls", "whole_sheet_merge", "overlapping_merges", "truncated_xls",
    "flipped_xlsx", "unsupported_zip", "bad_name_zip", "encrypted", "html_as_xls")] + [
    ("collect", k) for k in ("truncated_form", "form_with_broken_part", "entity_bomb")] + [
    ("fill-back", k) for k in ("whole_sheet_merge", "flipped_xlsx", "missing_sheet")]
DOCUMENTS = [("import", k) for k in (
    "docx_truncated", "docx_encrypted", "docx_encrypted_member", "docx_wide_span", "docx_entity_bomb",
    "docx_unsupported_zip", "docx_bomb", "txt_huge", "txt_binary")] + [("merge", k) for k in (
        "package_truncated", "package_bomb", "package_unsupported_zip", "package_bad_name",
        "package_encrypted", "package_deep_json")]


@pytest.mark.parametrize(("mode", "kind"), SAMPLE)
def test_hostile_workbook_is_refused_cleanly(mode, kind, base_register, tmp_path):
    path = hostile.KINDS[kind](tmp_path, random.Random(7))
    verdict = judge(kind, mode, path, base_register, tmp_path)
    assert verdict.problems == [], verdict.line() + "\n" + verdict.outcome.stderr[-2000:]
    if kind in ("far_corner", "whole_sheet_merge", "unsupported_zip", "bad_name_zip"):
        assert verdict.outcome.code == 1


@pytest.mark.parametrize(("mode", "kind"), DOCUMENTS)
def test_hostile_document_or_package_is_refused(mode, kind, base_register, tmp_path):
    """Word documents, plan texts and exchange packages: each of these is refused (exit 1)."""
    maker = {**documents.DOCUMENT_KINDS, **documents.PACKAGE_KINDS}[kind]
    verdict = judge(kind, mode, maker(tmp_path, random.Random(7)), base_register, tmp_path)
    assert verdict.problems == [], verdict.line() + "\n" + verdict.outcome.stderr[-2000:]
    assert verdict.outcome.code == 1, verdict.line()


@settings(max_examples=3, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.randoms(use_true_random=False))
def test_random_sheets_end_cleanly(base_register, tmp_path_factory, rng):
    work = tmp_path_factory.mktemp("随机")
    verdict = judge("random_sheet", "import", random_sheet_file(work, rng), base_register, work)
    assert verdict.problems == [], verdict.line() + "\n" + verdict.outcome.stderr[-2000:]


def test_the_harness_sees_a_traceback_and_a_changed_register(base_register, tmp_path):
    """The judge is not blind: a traceback, a refusal without Chinese and a kill at the time limit
    are reported; a good ledger passes."""
    from tests.fuzz.harness import Outcome
    crash = Outcome(["x"], 1, "", "Traceback (most recent call last):\nValueError", 0.1, 50.0)
    assert "出现 Traceback" in crash.problems() and "拒绝时没有中文说明" in crash.problems()
    killed = Outcome(["x"], None, "", "", 60.0, None)
    assert killed.problems() == ["超时（60 秒）"]
    good = hostile.GOOD_XLSX
    verdict = judge("good", "import", good, base_register, tmp_path)
    assert verdict.outcome.code == 0 and verdict.problems == []
