"""Smoke test of the frozen build: the folder PyInstaller makes from build.spec really runs.

    python tests/frozen/smoke.py                 builds into a temporary folder, then checks it
    python tests/frozen/smoke.py --dist DIR      checks an existing build (dist/RectificationLedger)

With the frozen executable, started from inside its own folder (as a double click would), on
register paths with Chinese characters and spaces, and with HOME and every data / cache / config
variable pointed at a temporary home: --version; a command without --db (the first run creates the
default register in the user's data folder and says where); demo, dump, check and backup; import
of the sample ledgers (.xlsx and legacy .xls); export ledger / fill-back / unit-forms, collect,
report monthly (PDF, Excel), summary and undo; report flagged, export archive and chronicle; the
window's --screenshot (1600x1000) for each view, once the window exists. At the end the folder's
file listing must be exactly what it was: nothing is ever written beside the program.
Exit 0 when every check passed. tests/frozen/test_frozen_build.py runs the same checks in pytest.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NAME = "RectificationLedger"
VIEWS = ["register", "dashboard", "petitions", "report", "supervision"]
TIMEOUT = 300


def build(out: Path) -> Path:
    """Runs PyInstaller on build.spec with its dist and work folders under out; the folder built."""
    cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
           "--distpath", str(out / "dist"), "--workpath", str(out / "work"), str(ROOT / "build.spec")]
    started = time.monotonic()
    subprocess.run(cmd, cwd=ROOT, check=True, timeout=1800)
    print(f"built in {time.monotonic() - started:.0f} s: {out / 'dist' / NAME}", flush=True)
    return out / "dist" / NAME


def executable(dist: Path) -> Path:
    return dist / (NAME + ".exe" if os.name == "nt" else NAME)


def listing(dist: Path) -> dict[str, tuple[int, int]]:
    """Every file and folder in the build: relative path → (size, modification time)."""
    found = {}
    for path in sorted(dist.rglob("*")):
        info = path.lstat()
        found[path.relative_to(dist).as_posix()] = (info.st_size, info.st_mtime_ns)
    return found


def frozen_env(home: Path) -> dict[str, str]:
    """A clean environment: home, data, cache and config all inside home; Qt off screen."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "RECTIFICATION_LEDGER"))}
    env.pop("MPLCONFIGDIR", None)
    env.update(HOME=str(home), USERPROFILE=str(home), QT_QPA_PLATFORM="offscreen",
               APPDATA=str(home / "AppData" / "Roaming"), LOCALAPPDATA=str(home / "AppData" / "Local"),
               XDG_DATA_HOME=str(home / ".local" / "share"), XDG_CACHE_HOME=str(home / ".cache"),
               XDG_CONFIG_HOME=str(home / ".config"), XDG_STATE_HOME=str(home / ".local" / "state"),
               PYTHONIOENCODING="utf-8")
    # On Windows platformdirs asks the shell for the folders; these variables override the shell.
    env.update(WIN_PD_OVERRIDE_LOCAL_APPDATA=env["LOCALAPPDATA"], WIN_PD_OVERRIDE_APPDATA=env["APPDATA"])
    return env


def run(dist: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    """The frozen executable with args, from inside its own folder; output decoded as UTF-8."""
    started = time.monotonic()
    done = subprocess.run([str(executable(dist)), *args], cwd=dist, env=env, capture_output=True,
                          timeout=TIMEOUT)
    result = subprocess.CompletedProcess(done.args, done.returncode,
                                         done.stdout.decode("utf-8", "replace"),
                                         done.stderr.decode("utf-8", "replace"))
    print(f"  {' '.join(args)[:90]} → exit {result.returncode} in {time.monotonic() - started:.1f} s",
          flush=True)
    return result


def png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    if head[:8] != b"\x89PNG\r\n\x1a\n" or head[12:16] != b"IHDR":
        raise AssertionError(f"{path.name} is not a PNG file")
    return struct.unpack(">II", head[16:24])


def window_exists() -> bool:
    return (ROOT / "desktop" / "ui" / "app.py").exists()


def expect(result: subprocess.CompletedProcess, code: int = 0) -> subprocess.CompletedProcess:
    if result.returncode != code:
        raise AssertionError(f"exit {result.returncode} (wanted {code}) from {result.args[1:]}\n"
                             f"stdout: {result.stdout[-2000:]}\nstderr: {result.stderr[-3000:]}")
    return result


# The checks, in order; each takes (dist, env, work folder).

def check_version(dist: Path, env: dict[str, str], work: Path) -> None:
    sys.path.insert(0, str(ROOT))
    from desktop import __version__

    out = expect(run(dist, env, "--version")).stdout
    assert __version__ in out, out


def check_first_run_uses_data_folder(dist: Path, env: dict[str, str], work: Path) -> None:
    result = expect(run(dist, env, "check"))
    found = list(Path(env["HOME"]).rglob("整改台账.db"))
    assert len(found) == 1, f"default register not in the user's data folder: {found}"
    assert "RectificationLedger" in found[0].parent.name, found[0]
    assert str(found[0]) in result.stderr, f"first run does not say where: {result.stderr!r}"
    again = expect(run(dist, env, "check"))
    assert "首次使用" not in again.stderr


def check_demo_dump_check_backup(dist: Path, env: dict[str, str], work: Path) -> None:
    db = work / "台账 文件夹" / "演示 台账.db"
    expect(run(dist, env, "demo", "--db", str(db)))
    data = json.loads(expect(run(dist, env, "dump", "--db", str(db))).stdout)
    seed = json.loads((ROOT / "resources" / "demo" / "seed_2020_work_points.json").read_text("utf-8"))
    assert len(data["problems"]) == len(seed), len(data["problems"])
    assert data["petitions"] and all(p["title"] for p in data["problems"])
    assert "检查通过" in expect(run(dist, env, "check", "--db", str(db))).stdout
    copy = work / "备份 文件夹" / "演示 台账 备份.db"
    expect(run(dist, env, "backup", "--db", str(db), "--out", str(copy)))
    assert copy.stat().st_size > 0
    expect(run(dist, env, "dump", "--db", str(work / "不存在" / "坏.db"), "--bogus"), code=2)


def check_import_of_sample_ledgers(dist: Path, env: dict[str, str], work: Path) -> None:
    """.xlsx through openpyxl / calamine and legacy .xls through xlrd, frozen."""
    samples = ROOT / "tests" / "fixtures" / "samples"
    folder = work / "上级 下发"
    folder.mkdir(exist_ok=True)
    db = work / "台账 文件夹" / "导入 台账.db"
    for name in ["ledger_county_problems.xlsx", "ledger_town_legacy.xls", "petitions_county.xlsx"]:
        copy = folder / f"来文 {name}"
        shutil.copyfile(samples / name, copy)
        out = json.loads(expect(run(dist, env, "import", str(copy), "--db", str(db), "--json")).stdout)
        assert out["committed"] and not out["errors"], out
        assert out["problems_created"] + out["petitions_created"] > 0, out


def _last_month() -> str:
    first = dt.date.today().replace(day=1)
    return (first - dt.timedelta(days=1)).strftime("%Y-%m")


def check_every_other_command(dist: Path, env: dict[str, str], work: Path) -> None:
    """export ledger / fill-back / unit-forms, collect, report monthly (PDF and Excel), summary,
    undo: the rest of CONTRACT.md, on the demo register and on the imported county ledger."""
    demo, imported = work / "台账 文件夹" / "演示 台账.db", work / "台账 文件夹" / "导入 台账.db"
    out, month = work / "导出 文件夹", _last_month()
    if not demo.exists():
        expect(run(dist, env, "demo", "--db", str(demo)))
    if not imported.exists():
        check_import_of_sample_ledgers(dist, env, work)
    template = work / "上级 下发" / "来文 ledger_county_problems.xlsx"
    steps = [
        ["export", "ledger", "--db", str(demo), "--out", str(out / "整改 台账.xlsx")],
        ["export", "fill-back", "--db", str(imported), "--template", str(template),
         "--out", str(out / "回填 结果.xlsx")],
        ["export", "unit-forms", "--db", str(demo), "--out", str(out / "单位 填报表"),
         "--period", month],
        ["report", "monthly", "--db", str(demo), "--month", month,
         "--pdf", str(out / "月度 报表.pdf"), "--xlsx", str(out / "月度 报表.xlsx")],
    ]
    for args in steps:
        result = expect(run(dist, env, *args))
        assert "missing from font" not in result.stderr, result.stderr[-2000:]
    for name in ["整改 台账.xlsx", "回填 结果.xlsx", "月度 报表.xlsx"]:
        assert (out / name).read_bytes()[:2] == b"PK", name
    assert (out / "月度 报表.pdf").read_bytes()[:5] == b"%PDF-"
    forms = sorted((out / "单位 填报表").glob("*.xlsx"))
    assert forms, "no unit forms"
    expect(run(dist, env, "collect", str(forms[0]), "--db", str(demo), "--period", month, "--json"))
    package, laptop = out / "交换 包.zip", work / "台账 文件夹" / "另一台 电脑.db"
    expect(run(dist, env, "export", "package", "--db", str(demo), "--out", str(package)))
    merged = expect(run(dist, env, "merge", str(package), "--db", str(laptop), "--json")).stdout
    assert '"committed": true' in merged, merged[-2000:]
    assert "个问题" in expect(run(dist, env, "summary", "--db", str(demo))).stdout
    assert "已撤销" in expect(run(dist, env, "undo", "--db", str(imported))).stdout


def check_supervision_commands(dist: Path, env: dict[str, str], work: Path) -> None:
    """report flagged (PDF, Excel), export archive, export chronicle (Word, Excel) on the demo."""
    demo, out = work / "台账 文件夹" / "演示 台账.db", work / "督办 文件夹"
    if not demo.exists():
        expect(run(dist, env, "demo", "--db", str(demo)))
    expect(run(dist, env, "report", "flagged", "--db", str(demo), "--pdf", str(out / "挂牌 清单.pdf"),
               "--xlsx", str(out / "挂牌 清单.xlsx")))
    expect(run(dist, env, "export", "archive", "--db", str(demo), "--out", str(out / "档案")))
    for suffix in ("docx", "xlsx"):
        expect(run(dist, env, "export", "chronicle", "--db", str(demo),
                   "--out", str(out / f"大事记.{suffix}")))
    assert (out / "挂牌 清单.pdf").read_bytes()[:5] == b"%PDF-"
    for name in ["挂牌 清单.xlsx", "档案/档案目录.xlsx", "大事记.docx", "大事记.xlsx"]:
        assert (out / name).read_bytes()[:2] == b"PK", name


def check_screenshots(dist: Path, env: dict[str, str], work: Path) -> None:
    db = work / "台账 文件夹" / "演示 台账.db"
    if not db.exists():
        expect(run(dist, env, "demo", "--db", str(db)))
    for view in VIEWS:
        shot = work / "截图 文件夹" / f"窗口 {view}.png"
        shot.parent.mkdir(exist_ok=True)
        result = expect(run(dist, env, "--db", str(db), "--screenshot", str(shot), "--view", view))
        assert png_size(shot) == (1600, 1000), png_size(shot)
        assert "missing from font" not in result.stderr, result.stderr[-2000:]


CHECKS = [check_version, check_first_run_uses_data_folder, check_demo_dump_check_backup,
          check_import_of_sample_ledgers, check_every_other_command, check_supervision_commands,
          check_screenshots]


def smoke(dist: Path) -> int:
    """Runs every check on a built folder; the number that failed."""
    before = listing(dist)
    failed = passed = 0
    with tempfile.TemporaryDirectory(prefix="整改台账 冒烟 ") as tmp:
        work = Path(tmp)
        env = frozen_env(work / "用户 家")
        for check in CHECKS:
            if check is check_screenshots and not window_exists():
                print(f"{check.__name__}: skipped (desktop/ui/app.py not there yet)")
                continue
            try:
                check(dist, env, work)
            except (AssertionError, subprocess.SubprocessError, OSError, ValueError) as exc:
                failed += 1
                print(f"{check.__name__}: FAILED\n{exc}", flush=True)
            else:
                passed += 1
                print(f"{check.__name__}: ok", flush=True)
    changed = sorted(set(before.items()) ^ set(listing(dist).items()))
    if changed:
        failed += 1
        print("written beside the program: " + ", ".join(sorted({p for p, _ in changed})))
    else:
        passed += 1
        print("nothing written beside the program: ok")
    print(f"frozen: {passed} passed, {failed} failed")
    return failed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, help=f"an existing build folder (…/dist/{NAME})")
    args = parser.parse_args(argv)
    if args.dist:
        return 1 if smoke(args.dist.resolve()) else 0
    with tempfile.TemporaryDirectory(prefix="frozen-build-") as out:
        return 1 if smoke(build(Path(out))) else 0


if __name__ == "__main__":
    sys.exit(main())
