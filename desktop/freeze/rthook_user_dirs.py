"""PyInstaller run-time hook: matplotlib keeps its font cache in the user's cache folder.

PyInstaller's own hook (pyi_rth_mplconfig, removed in build.spec) points MPLCONFIGDIR at a new
temporary folder on every start, so matplotlib would scan every system font (Microsoft YaHei,
SimSun, …) again at each launch. Here the cache lives in the user's cache folder and is reused;
nothing is ever written beside the program.
"""

import os


def _user_dirs_hook() -> None:
    if os.environ.get("MPLCONFIGDIR"):
        return
    from desktop.paths import cache_dir

    os.environ["MPLCONFIGDIR"] = str(cache_dir("matplotlib"))


_user_dirs_hook()
del _user_dirs_hook
