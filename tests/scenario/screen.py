"""A real virtual screen with a real window manager for the clerk's month (tests/scenario).

    python tests/scenario/screen.py [pytest arguments…]

starts Xvfb (1600x1000, 24 bit) and Debian's openbox on a free display, waits until the window
manager has taken the screen, runs pytest on tests/scenario with DISPLAY set and Qt on xcb, then
stops both. Off-screen rendering hides stacking and focus faults (a progress window left over a
message box, a dialog behind the window); a window manager shows them. Missing Xvfb or openbox is
a failure, never a skip.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SIZE = "1600x1000x24"


def start_xvfb() -> tuple[subprocess.Popen, str]:
    read, write = os.pipe()
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", SIZE,
                             "-nolisten", "tcp", "-noreset"], pass_fds=(write,))
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()
    if not number:
        xvfb.kill()
        raise SystemExit("Xvfb 未能启动")
    return xvfb, f":{number}"


def wait_for_manager(env: dict, seconds: float = 15) -> None:
    """The window manager sets _NET_SUPPORTING_WM_CHECK on the root window once it runs."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        probe = subprocess.run(["xprop", "-root", "_NET_SUPPORTING_WM_CHECK"], env=env,
                               capture_output=True, text=True)
        if "window id" in probe.stdout:
            return
        time.sleep(0.1)
    raise SystemExit("窗口管理器 openbox 未能启动")


def main(args: list[str]) -> int:
    missing = [tool for tool in ("Xvfb", "openbox", "xprop") if shutil.which(tool) is None]
    if missing:
        print("缺少：" + "、".join(missing) + "（Debian：apt-get install xvfb openbox x11-utils）")
        return 1
    xvfb, display = start_xvfb()
    env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb",
               RECTIFICATION_LEDGER_SCENARIO="1")
    env.pop("WAYLAND_DISPLAY", None)
    manager = subprocess.Popen(["openbox", "--sm-disable"], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for_manager(env)
        command = [sys.executable, "-m", "pytest", "-q", "-p", "no:randomly",
                   str(ROOT / "tests" / "scenario"), *args]
        return subprocess.run(command, cwd=ROOT, env=env).returncode
    finally:
        manager.terminate()
        xvfb.terminate()
        for process in (manager, xvfb):
            try:
                process.wait(5)
            except subprocess.TimeoutExpired:
                process.kill()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
