"""Set-up in one command, standard library only (README):

    python desktop/bootstrap.py run    installs the program in .venv and opens it (demo register on first run)
    python desktop/bootstrap.py test   installs what the tests need in .venv and runs every check
    python desktop/bootstrap.py build  builds the one-folder program dist/RectificationLedger with
                                       PyInstaller (build.spec) and smoke-tests it (tests/frozen/smoke.py)

On Debian as root the system libraries Qt needs and the Noto CJK fonts are installed when missing.
"""

from __future__ import annotations

import os
import platform
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
DEBIAN_PACKAGES = [
    "libegl1", "libgl1", "libxkbcommon0", "libxkbcommon-x11-0", "libfontconfig1", "libdbus-1-3",
    "libxcb-cursor0", "libxcb-icccm4", "libxcb-image0", "libxcb-keysyms1", "libxcb-randr0",
    "libxcb-render-util0", "libxcb-shape0", "libxcb-xinerama0", "libxcb-xkb1", "libglib2.0-0",
    "fonts-noto-cjk", "poppler-utils", "xvfb", "xauth", "openbox", "x11-utils", "xdotool",
]


def run(cmd: list[str], **kwargs) -> None:
    print("+", " ".join(str(c) for c in cmd), flush=True)
    subprocess.run(cmd, check=True, **kwargs)


def debian_packages() -> None:
    """Install missing system packages on Debian when running as root; otherwise say what to do."""
    if platform.system() != "Linux" or not shutil.which("dpkg-query"):
        return
    missing = [p for p in DEBIAN_PACKAGES if subprocess.run(
        ["dpkg-query", "-W", "-f=${Status}", p], capture_output=True, text=True
    ).stdout.strip() != "install ok installed"]
    if not missing:
        return
    if os.geteuid() != 0:
        print("缺少系统软件包，请用 root 安装：apt-get install -y " + " ".join(missing))
        return
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    run(["apt-get", "update", "-qq"], env=env)
    run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing], env=env)


def venv_python() -> Path:
    sub = "Scripts/python.exe" if os.name == "nt" else "bin/python"
    python = VENV / sub
    if not python.exists():
        print(f"+ 创建虚拟环境 {VENV.name}", flush=True)
        venv.EnvBuilder(with_pip=True, clear=VENV.exists()).create(VENV)
    return python


def install(python: Path, extra: str) -> None:
    spec = f"{ROOT}[{extra}]" if extra else str(ROOT)
    run([str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check",
         "-e", spec])


def test(python: Path) -> int:
    # RECTIFICATION_LEDGER_FROZEN_SMOKE: pytest also builds the frozen folder and runs the smoke
    # test on it (tests/frozen/test_frozen_build.py, about a minute).
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONDONTWRITEBYTECODE="1",
               RECTIFICATION_LEDGER_FROZEN_SMOKE="1")
    checks = [
        [str(python), "-m", "ruff", "check", "."],
        [str(python), "-c", "from importlinter.cli import lint_imports_command as c; c()"],
        [str(python), "-m", "pytest", "-q", "-p", "no:randomly"],
        # the clerk's month through the real window, on Xvfb with the openbox window manager
        [str(python), str(ROOT / "tests" / "scenario" / "screen.py")],
    ]
    failed = 0
    for cmd in checks:
        print("+", " ".join(cmd[1:]), flush=True)
        failed += subprocess.run(cmd, cwd=ROOT, env=env).returncode != 0
    print("全部检查通过。" if not failed else f"{failed} 项检查未通过。", flush=True)
    return 1 if failed else 0


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def build(python: Path) -> int:
    """dist/RectificationLedger from build.spec, then the smoke test on it."""
    run([str(python), "-m", "PyInstaller", "--noconfirm", "--clean", "build.spec"], cwd=ROOT)
    dist = ROOT / "dist" / "RectificationLedger"
    print(f"程序文件夹：{dist}（{folder_size(dist) / 2**20:.0f} MB）", flush=True)
    smoke = subprocess.run([str(python), str(ROOT / "tests" / "frozen" / "smoke.py"),
                            "--dist", str(dist)], cwd=ROOT)
    print("打包完成，冒烟测试通过。把整个文件夹交给使用者即可。" if smoke.returncode == 0
          else "打包完成，但冒烟测试未通过，请看上面的输出。", flush=True)
    return smoke.returncode


EXTRAS = {"run": "", "test": "test,build", "build": "build"}


def main(argv: list[str]) -> int:
    what = argv[0] if argv else "run"
    if what not in EXTRAS:
        print("用法：python desktop/bootstrap.py run|test|build")
        return 2
    debian_packages()
    python = venv_python()
    install(python, EXTRAS[what])
    if what == "test":
        return test(python)
    if what == "build":
        return build(python)
    # the program's own bytecode written once, so that even the first start does not compile it
    subprocess.run([str(python), "-m", "compileall", "-q", "desktop", "db"], cwd=ROOT,
                   stdout=subprocess.DEVNULL)
    return subprocess.run([str(python), "-m", "desktop", *argv[1:]], cwd=ROOT).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
