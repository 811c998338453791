"""The frozen-build smoke test builds with PyInstaller (about a minute): it is collected only when
RECTIFICATION_LEDGER_FROZEN_SMOKE=1, which `python3 desktop/bootstrap.py test` (and so CI) sets.
RECTIFICATION_LEDGER_FROZEN_DIST=DIR checks an existing build instead of making one."""

import os

collect_ignore = ["smoke.py"]
if os.environ.get("RECTIFICATION_LEDGER_FROZEN_SMOKE") != "1":
    collect_ignore.append("test_frozen_build.py")
