"""Import speed and memory on a 3,000-problem × 3-measure ledger with merged cells.

    python tests/bench/import_bench.py [--problems 3000] [--runs 5]

Compares, on the same file in the same run and alternated: our full import as the clerk runs it
(`python -m desktop import FILE --db NEW`: start-up, read, find the layout, assemble problems and
measures, compare with the register, back up, commit with audit trail); pandas.read_excel with
the openpyxl engine (merely reading: the goal is ours ≤ 1.0× this); pandas.read_excel with the
calamine engine (the parser we use, under pandas); and python-calamine's raw read. Each run is
its own process, timed from before the interpreter starts to its exit, and its peak memory is
the child's own high-water mark (VmHWM from /proc/self/status, read in the child at its end), not
the parent's inherited ru_maxrss. Prints median seconds, the ratio to pandas, and peak memory.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.bench.installed import compile_program  # noqa: E402

BASE = "pandas+openpyxl read"
TASKS = {
    "ours (python -m desktop import)": (
        "from desktop.__main__ import main\n"
        "assert main(['import', FILE, '--db', DB]) == 0\n"
        "import sqlite3\n"
        "assert sqlite3.connect(DB).execute('SELECT count(*) FROM problems').fetchone()[0] == N\n"),
    BASE: (
        "import pandas as pd\n"
        "df = pd.read_excel(FILE, header=[2, 3], engine='openpyxl')\n"),
    "pandas+calamine read": (
        "import pandas as pd\n"
        "df = pd.read_excel(FILE, header=[2, 3], engine='calamine')\n"),
    "calamine raw read": (
        "from python_calamine import CalamineWorkbook\n"
        "rows = CalamineWorkbook.from_path(FILE).get_sheet_by_index(0).to_python()\n"),
}
RUNNER = """
import os, sys
sys.path.insert(0, {root!r})
os.environ["RECTIFICATION_LEDGER_HOME"] = {home!r}
FILE, DB, N = {file!r}, {db!r}, {n}
{body}
status = open("/proc/self/status").read()
print("PEAK", next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM")),
      sum(os.times()[:2]), file=sys.stderr)
"""


def build_ledger(path: Path, problems: int) -> None:
    from tests.ledger.workbooks import county_ledger

    deadlines = ["2022年6月30日前", "2022年底", "长期坚持", "立行立改", "2023年第二季度"]
    county_ledger(path, [
        {"code": i, "description": f"第{i}个问题：城区污水管网不完善，部分生活污水直排河道。" * 2,
         "target": "污水收集率达到95%以上", "supervisor": "王某某（副县长）",
         "progress": f"已完成{i % 100}%", "status": ["正在推进", "已完成", "滞后"][i % 3],
         "measures": [(f"措施{i}-{k}：新建管网{k}公里并完成验收", deadlines[(i + k) % 5],
                       f"县住建局{i % 7}", "县财政局、城关镇") for k in range(1, 4)]}
        for i in range(1, problems + 1)])


def run_once(task: str, file: Path, work: Path, run: int,
             problems: int) -> tuple[float, int, float]:
    """Wall seconds of the whole child process, its own peak memory in KB and its CPU seconds
    (user + system: steadier than wall time on a shared machine)."""
    db = work / f"bench-{run}-{abs(hash(task))}.db"
    code = RUNNER.format(root=str(ROOT), home=str(work / "home"), file=str(file), db=str(db),
                         n=problems, body=TASKS[task])
    start = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True,
                         cwd=ROOT)
    elapsed = time.perf_counter() - start
    _, peak, cpu = next(x for x in out.stderr.splitlines() if x.startswith("PEAK")).split()
    return elapsed, int(peak), float(cpu)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--problems", type=int, default=3000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    print(compile_program())
    with tempfile.TemporaryDirectory(prefix="导入 基准") as tmp:
        work = Path(tmp)
        file = work / "县级 台账.xlsx"
        build_ledger(file, args.problems)
        print(f"ledger: {args.problems} problems × 3 measures, {file.stat().st_size // 1024} KB")
        times: dict[str, list[float]] = {t: [] for t in TASKS}
        peaks: dict[str, int] = {t: 0 for t in TASKS}
        cpus: dict[str, list[float]] = {t: [] for t in TASKS}
        for run in range(args.runs):
            names = list(TASKS)
            for task in names[run % len(names):] + names[:run % len(names)]:  # order rotated
                elapsed, rss, cpu = run_once(task, file, work, run, args.problems)
                times[task].append(elapsed)
                cpus[task].append(cpu)
                peaks[task] = max(peaks[task], rss)
        base = statistics.median(times[BASE])
        cpu_base = statistics.median(cpus[BASE])
        results = {}
        for task in TASKS:
            median = statistics.median(times[task])
            results[task] = {"median_s": round(median, 3), "ratio_to_pandas": round(median / base, 2),
                             "peak_mib": round(peaks[task] / 1024, 1),
                             "runs_s": [round(t, 3) for t in times[task]],
                             "cpu_median_s": round(statistics.median(cpus[task]), 3)}
            cpu = statistics.median(cpus[task])
            print(f"{task:32s} median {median:6.3f} s   ×pandas {median / base:5.2f}"
                  f"   cpu {cpu:6.3f} s ×pandas {cpu / cpu_base:5.2f}"
                  f"   peak {peaks[task] / 1024:7.1f} MiB")
        ours = statistics.median(times[next(iter(TASKS))])
        print(f"goal: ours ≤ 1.0× {BASE}: {'met' if ours <= base else 'NOT met'} "
              f"({ours / base:.2f}×); load average {os.getloadavg()[0]:.2f}")
        print(json.dumps(results, ensure_ascii=False))


if __name__ == "__main__":
    main()
