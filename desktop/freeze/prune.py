"""Trimming the frozen folder: Qt plugins the program does not load, and the libraries that only
those plugins needed (the GTK theme's GTK stack, Wayland, EGLFS, VNC, …).

PyInstaller's Qt hooks collect every plugin of a kind, then the shared libraries those plugins
link to. build.spec drops the unwanted plugins here, then the libraries that the dropped plugins
reach and nothing kept reaches (closures over the libraries' imports, computed with PyInstaller's
own bindepend). Python extension modules, kept plugins and Python's own library are the roots of
what is kept; nothing they need is ever dropped, nor any library that nothing links to.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterable
from pathlib import PurePosixPath

# kind of plugin → plugin names kept (None: every plugin of that kind); other kinds are dropped.
QT_PLUGINS_KEPT: dict[str, set[str] | None] = {
    "platforms": {"qwindows", "qxcb", "qoffscreen", "qminimal"},
    "styles": None,  # qmodernwindowsstyle: the native look on Windows 10/11
    "imageformats": {"qico", "qjpeg", "qgif", "qsvg"},
    "iconengines": None,
    "printsupport": None,  # windowsprintersupport / cupsprintersupport: printing
    "xcbglintegrations": None,
    "platforminputcontexts": None,  # typing Chinese through an input method (IBus) on Linux
}
QT_TRANSLATIONS_KEPT = ("_zh_CN.qm",)
# Software OpenGL and the D3D shader compiler serve Qt Quick / OpenGL; a widgets program never loads them.
DROPPED_LIBRARIES = {"opengl32sw.dll", "d3dcompiler_47.dll"}

Entry = tuple[str, str, str]  # PyInstaller TOC entry: (destination, source, typecode)


def _parts(dest: str) -> tuple[str, ...]:
    return PurePosixPath(dest.replace("\\", "/")).parts


def plugin_kept(dest: str) -> bool:
    """False for a Qt plugin the program does not need; True for anything that is not a plugin."""
    parts = _parts(dest)
    if not parts or parts[0] != "PySide6" or "plugins" not in parts[:-1]:
        return True
    kind = parts[parts.index("plugins") + 1]
    if kind not in QT_PLUGINS_KEPT:
        return False
    names = QT_PLUGINS_KEPT[kind]
    stem = parts[-1].split(".")[0]
    return names is None or stem.removeprefix("lib") in names


def is_plugin(dest: str) -> bool:
    parts = _parts(dest)
    return bool(parts) and parts[0] == "PySide6" and "plugins" in parts[:-1]


def translation_kept(dest: str) -> bool:
    parts = _parts(dest)
    if parts and parts[0] == "PySide6" and "translations" in parts[:-1]:
        return dest.endswith(QT_TRANSLATIONS_KEPT)
    return True


def _is_python_library(name: str) -> bool:
    low = name.lower()
    return low.startswith(("libpython", "python3")) or low in {"python3.dll"}


def _is_root(entry: Entry) -> bool:
    dest, _source, typecode = entry
    return typecode == "EXTENSION" or is_plugin(dest) or _is_python_library(_parts(dest)[-1])


def reachable(entries: list[Entry], start: list[Entry],
              imports_of: Callable[[str], Iterable[str]]) -> set[str]:
    """Destinations of start and of every entry they reach through the libraries' imports.

    imports_of(source) names the libraries a binary links to (basenames; matched without case)."""
    by_name: dict[str, list[Entry]] = {}
    for entry in entries:
        by_name.setdefault(_parts(entry[0])[-1].lower(), []).append(entry)
    todo = list(start)
    seen = {e[0] for e in todo}
    while todo:
        _dest, source, _typecode = todo.pop()
        for name in imports_of(source):
            for dep in by_name.get(PurePosixPath(name.replace("\\", "/")).name.lower(), []):
                if dep[0] not in seen:
                    seen.add(dep[0])
                    todo.append(dep)
    return seen


def prune_binaries(binaries: list[Entry], imports_of: Callable[[str], Iterable[str]]
                   ) -> tuple[list[Entry], list[Entry]]:
    """(kept, dropped). Dropped: the unwanted plugins, DROPPED_LIBRARIES, and the libraries that
    only those plugins reach. A library that nothing links to (one loaded through ctypes, say)
    is kept: only what the dropped plugins brought in can go."""
    unwanted = [b for b in binaries if not plugin_kept(b[0])
                or _parts(b[0])[-1].lower() in DROPPED_LIBRARIES]
    unwanted_dests = {b[0] for b in unwanted}
    wanted = [b for b in binaries if b[0] not in unwanted_dests]
    needed = reachable(wanted, [b for b in wanted if _is_root(b)], imports_of)
    brought_in = reachable(binaries, unwanted, imports_of)
    gone = unwanted_dests | (brought_in - needed)
    return ([b for b in binaries if b[0] not in gone], [b for b in binaries if b[0] in gone])


def prune_datas(datas: list[Entry], dropped: list[Entry]) -> list[Entry]:
    """Qt translations other than zh_CN go, and so do symbolic links to dropped libraries."""
    gone = {posixpath.normpath(d[0].replace("\\", "/")) for d in dropped}
    kept = []
    for entry in datas:
        dest, source, typecode = entry
        if not translation_kept(dest):
            continue
        if typecode == "SYMLINK" and _link_target(dest, source) in gone:
            continue
        kept.append(entry)
    return kept


def _link_target(dest: str, source: str) -> str:
    """Where a SYMLINK entry points, relative to the top of the folder."""
    dest, source = dest.replace("\\", "/"), source.replace("\\", "/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(dest), source))


def pyinstaller_imports(source: str) -> list[str]:
    """The libraries a binary links to, as PyInstaller's bindepend sees them (ldd, pefile)."""
    from PyInstaller.depend.bindepend import get_imports

    return [name for name, _path in get_imports(source)]
