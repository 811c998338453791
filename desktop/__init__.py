"""整改台账 (Rectification Ledger): the register of inspection problems and their measures."""

from desktop.lean_imports import install as _lean_start

__version__ = "0.1.0"
APP_NAME = "整改台账"
APP_ID = "RectificationLedger"

_lean_start()
