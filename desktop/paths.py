"""Where things live: bundled resources (frozen or not) and the user's data folder."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from platformdirs import user_cache_dir, user_data_dir

from desktop import APP_ID

_SOURCE_ROOT = Path(__file__).resolve().parent.parent


def resource_path(*parts: str) -> Path:
    """A file under resources/, from the source tree or from a PyInstaller bundle."""
    base = Path(getattr(sys, "_MEIPASS", _SOURCE_ROOT))
    return base.joinpath("resources", *parts)


def data_dir() -> Path:
    """The user's data folder (registers, backups, logs); RECTIFICATION_LEDGER_HOME overrides it."""
    override = os.environ.get("RECTIFICATION_LEDGER_HOME")
    path = Path(override) if override else Path(user_data_dir(APP_ID, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def cache_dir(*parts: str) -> Path:
    """Where caches that can be rebuilt go (matplotlib's font list): the user's cache folder, or
    cache/ inside RECTIFICATION_LEDGER_HOME when that is set; never beside the program. Not created
    here: whoever writes the cache creates it."""
    override = os.environ.get("RECTIFICATION_LEDGER_HOME")
    base = Path(override) / "cache" if override else Path(user_cache_dir(APP_ID, appauthor=False))
    return base.joinpath(*parts)


def backups_dir() -> Path:
    path = data_dir() / "backups"
    path.mkdir(parents=True, exist_ok=True)
    return path
