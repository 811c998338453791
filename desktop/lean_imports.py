"""Start-up: sqlite-utils without pandas and numpy.

sqlite-utils imports pandas and numpy whenever they are installed (half a second and 30 MB), only
to map their value types to column types; the register never stores such values. install() puts a
finder in front of the import system that loads `sqlite_utils.db` with both hidden, unless
something has already imported them (then they are left as they are). Installed by
`desktop/__init__.py`, so it holds for the window, the command line and scripts alike.
"""

from __future__ import annotations

import importlib.machinery
import sys

HIDDEN = ("pandas", "numpy")
TARGET = "sqlite_utils.db"


class _HiddenWhileLoading:  # a loader (importlib.abc is not imported: it costs a start-up)
    def __init__(self, loader):
        self.loader = loader

    def create_module(self, spec):
        return self.loader.create_module(spec)

    def exec_module(self, module) -> None:
        hidden = [name for name in HIDDEN if name not in sys.modules]
        for name in hidden:
            sys.modules[name] = None  # `import pandas` raises ImportError meanwhile
        try:
            self.loader.exec_module(module)
        finally:
            for name in hidden:
                if sys.modules.get(name, 0) is None:
                    del sys.modules[name]


class _LeanSqliteUtils:  # a meta path finder
    def find_spec(self, name, path, target=None):
        if name != TARGET:
            return None
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        if spec is not None and spec.loader is not None:
            spec.loader = _HiddenWhileLoading(spec.loader)
        return spec


def install() -> None:
    if TARGET in sys.modules or any(isinstance(f, _LeanSqliteUtils) for f in sys.meta_path):
        return
    sys.meta_path.insert(0, _LeanSqliteUtils())
