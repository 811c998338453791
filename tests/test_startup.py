"""Start-up imports only what a command needs (a separate process each, as the clerk runs it)."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
HEAVY = ("pandas", "numpy", "openpyxl", "sqlite_utils", "db", "PySide6", "matplotlib")
PROBE = """
import json, sys
from desktop.__main__ import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
sys.stdout.flush()
print(json.dumps(sorted({{name.split('.')[0] for name in sys.modules}} & set({heavy!r}))),
      file=sys.stderr)
"""


def loaded_by(*args: str, tmp_path: Path) -> set[str]:
    done = subprocess.run([sys.executable, "-c", PROBE.format(heavy=HEAVY), *args], cwd=ROOT,
                          capture_output=True, text=True, encoding="utf-8",
                          env={"RECTIFICATION_LEDGER_HOME": str(tmp_path), "PATH": ""},
                          timeout=120)
    return set(json.loads(done.stderr.strip().splitlines()[-1]))


@pytest.mark.parametrize("args", [["--version"], ["--help"], ["import", "--help"]])
def test_version_and_help_import_nothing_heavy(args, tmp_path):
    assert loaded_by(*args, tmp_path=tmp_path) == set()


def test_a_register_command_opens_the_register_without_dataframes_or_excel(tmp_path):
    loaded = loaded_by("summary", "--db", str(tmp_path / "台账.db"), tmp_path=tmp_path)
    assert {"db", "sqlite_utils"} <= loaded
    assert not loaded & {"pandas", "numpy", "openpyxl", "PySide6"}


def test_sqlite_utils_without_pandas_and_pandas_still_importable_after():
    code = ("import sys, db.connection, sqlite_utils.db as s; "
            "assert 'pandas' not in sys.modules and s.pd is None; "
            "import pandas; print(pandas.__name__)")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "pandas"
