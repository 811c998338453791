"""Running one hostile input through the real command line in a child process with a memory
limit (RLIMIT_AS, 1 GiB) and a time limit (60 s), and judging the outcome:

- it ends by itself, inside both limits (no abort, no kill);
- exit 0 or 1 (1 = refused), never a Python traceback on stderr;
- a refusal says so in Chinese;
- a refusal leaves the register exactly as it was (every row of every table).
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
MEMORY_LIMIT = 1 << 30
TIME_LIMIT = 60.0
_CHILD = """
import resource, sys
resource.setrlimit(resource.RLIMIT_AS, ({limit}, {limit}))
def _peak():
    try:   # VmHWM starts afresh at exec; ru_maxrss would carry the parent's peak
        kb = [int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmHWM")][0]
    except (OSError, IndexError):
        kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    sys.stderr.write("\\n@@peak %d\\n" % kb)
import atexit
atexit.register(_peak)
from desktop.__main__ import main
sys.exit(main(sys.argv[1:]))
"""
_CJK = re.compile(r"[\u4e00-\u9fff]")


@dataclass
class Outcome:
    argv: list[str]
    code: int | None          # None: killed at the time limit
    stdout: str
    stderr: str
    seconds: float
    peak_mb: float | None     # None when the child died before reporting

    def problems(self) -> list[str]:
        found = []
        if self.code is None:
            found.append(f"超时（{self.seconds:.0f} 秒）")
        elif self.code not in (0, 1):
            found.append(f"退出码 {self.code}")
        if "Traceback" in self.stderr:
            found.append("出现 Traceback")
        if self.code == 1 and not _CJK.search(self.stderr + self.stdout):
            found.append("拒绝时没有中文说明")
        if self.peak_mb is None and self.code is not None:
            found.append("进程异常结束（未报告内存）")
        return found


def run_limited(argv: list[str], home: Path, *, timeout: float = TIME_LIMIT,
                memory: int = MEMORY_LIMIT) -> Outcome:
    env = {**os.environ, "RECTIFICATION_LEDGER_HOME": str(home), "QT_QPA_PLATFORM": "offscreen",
           "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "utf-8"}
    start = time.monotonic()
    try:
        done = subprocess.run([sys.executable, "-c", _CHILD.format(limit=memory), *argv],
                              capture_output=True, timeout=timeout, env=env, cwd=ROOT)
        code, out, err = done.returncode, done.stdout, done.stderr
    except subprocess.TimeoutExpired as exc:
        code, out, err = None, exc.stdout or b"", exc.stderr or b""
    seconds = time.monotonic() - start
    err_text = err.decode("utf-8", "replace")
    peak = re.search(r"@@peak (\d+)", err_text)
    return Outcome(argv, code, out.decode("utf-8", "replace"),
                   re.sub(r"\n?@@peak \d+\n?", "", err_text), seconds,
                   int(peak.group(1)) / 1024 if peak else None)


def register_digest(path: Path) -> str:
    """Every row of every table, in order: equal digests mean an unchanged register."""
    digest = hashlib.sha256()
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        for table in tables:
            digest.update(table.encode())
            for row in conn.execute(f"SELECT * FROM [{table}] ORDER BY rowid"):
                digest.update(repr(row).encode())
    finally:
        conn.close()
    return digest.hexdigest()


@dataclass
class Verdict:
    kind: str
    mode: str
    outcome: Outcome
    problems: list[str]

    def line(self) -> str:
        o = self.outcome
        mark = "通过" if not self.problems else "失败：" + "；".join(self.problems)
        peak = f"{o.peak_mb:.0f} MB" if o.peak_mb is not None else "?"
        last = (o.stderr.strip().splitlines() or [""])[-1][:90]
        return f"{self.mode:9} {self.kind:22} 退出 {o.code} {o.seconds:5.1f} 秒 {peak:>7} {mark}  {last}"


def judge(kind: str, mode: str, file: Path, base_register: Path, work: Path,
          template_out: Path | None = None) -> Verdict:
    """One hostile file in one mode ("import", "collect", "fill-back", "merge") against a copy of the
    base register; the register must be unchanged unless the command succeeded."""
    db = work / "台账.db"
    shutil.copy(base_register, db)
    before = register_digest(db)
    argv = {"import": ["import", str(file), "--db", str(db)],
            "collect": ["collect", str(file), "--db", str(db)],
            "fill-back": ["export", "fill-back", "--db", str(db), "--template", str(file),
                          "--out", str(template_out or work / "回填.xlsx")],
            "merge": ["merge", str(file), "--db", str(db)]}[mode]
    outcome = run_limited(argv, work / "home")
    problems = outcome.problems()
    if outcome.code != 0 and register_digest(db) != before:
        problems.append("拒绝后台账被改动")
    if mode == "fill-back" and outcome.code != 0 and (template_out or work / "回填.xlsx").exists():
        problems.append("拒绝后仍写出了文件")
    return Verdict(kind, mode, outcome, problems)
