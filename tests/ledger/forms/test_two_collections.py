"""Two collections at once: `collect` plans under the write lock (BEGIN IMMEDIATE), like the
import, so two processes collecting the same returned form both end cleanly and the form's rows
are recorded once; a collection waiting on the lock plans again when it gets it."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
import time

import pytest

from db.records import rows
from desktop.ledger.forms.unit_forms import export_unit_forms
from tests.fuzz.harness import ROOT
from tests.ledger.forms.test_collect import PERIOD, filled, reports
from tests.ledger.forms_support import add_problem


@pytest.fixture
def issued_forms(register, tmp_path):
    add_problem(register, code="1", description="污水直排", lead_units=["县住建局"])
    add_problem(register, code="2", description="违法建筑", lead_units=["县自然资源局"],
                responsible_units=["县住建局"])
    add_problem(register, code="3", description="燃煤锅炉", lead_units=["县住建局"])
    return {f.unit: f for f in export_unit_forms(register, tmp_path / "下发", period=PERIOD)}


def _hold_lock_until(path, ready, release):
    conn = sqlite3.connect(path)
    conn.execute("BEGIN IMMEDIATE")
    ready.set()
    release.wait(60)
    conn.rollback()
    conn.close()


def _waiting(process: subprocess.Popen, seconds: float) -> None:
    """Give the child time to read its form and reach the lock."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.1)


def test_two_collections_of_the_same_form_at_once_record_it_once(register, issued_forms,
                                                                  tmp_path):
    db_path = tmp_path / "台账 测试.db"
    returned = filled(issued_forms, tmp_path)
    ready, release = threading.Event(), threading.Event()
    holder = threading.Thread(target=_hold_lock_until, args=(db_path, ready, release))
    holder.start()
    ready.wait()
    runs = [subprocess.Popen([sys.executable, "-m", "desktop", "collect", str(returned), "--db",
                              str(db_path), "--json"], cwd=ROOT, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE) for _ in range(2)]
    for run in runs:
        _waiting(run, 6)          # both have read the form and planned before the lock is free
    release.set()
    holder.join()
    outcomes = [(p.wait(timeout=120), p.stdout.read().decode(), p.stderr.read().decode())
                for p in runs]
    for code, _out, err in outcomes:
        assert code == 0 and "Traceback" not in err, err
    assert sorted('"committed": true' in out for _, out, _ in outcomes) == [False, True]
    assert len(reports(register)) == 2                     # the form's two filled rows, once
    steps = rows(register, "SELECT name FROM undo_steps WHERE name LIKE '收集填报表%'")
    assert len(steps) == 1
