"""build.spec's helpers (freeze/): the version resource and the trimming of the frozen folder."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

from desktop import __version__
from desktop.freeze.prune import plugin_kept, prune_binaries, prune_datas, translation_kept
from desktop.freeze.version_info import version_tuple, write_version_info


@pytest.mark.parametrize(("text", "expected"), [
    ("0.1.0", (0, 1, 0, 0)), ("1.2", (1, 2, 0, 0)), ("2.10.3rc1", (2, 10, 3, 0)),
    ("3.0.0.dev4+g1234", (3, 0, 0, 0)), ("7", (7, 0, 0, 0)),
])
def test_version_tuple(text, expected):
    assert version_tuple(text) == expected


def test_version_tuple_refuses_what_is_no_version():
    with pytest.raises(ValueError):
        version_tuple("dev")


def _evaluate(text: str) -> dict:
    """PyInstaller evaluates the text with its versioninfo classes; here each class records its
    arguments, so the structure is checked on any system."""
    def record(kind):
        return lambda *args, **kwargs: {"kind": kind, "args": args, **kwargs}
    names = ["VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable", "StringStruct",
             "VarFileInfo", "VarStruct"]
    return eval(compile(ast.parse(text, mode="eval"), "version_info", "eval"),  # noqa: S307
                {"__builtins__": {}, **{n: record(n) for n in names}})


def test_version_resource_names_the_program_and_its_version(tmp_path):
    path = write_version_info(tmp_path / "work", __version__, exe_name="RectificationLedger",
                              product="整改台账", description="整改台账")
    info = _evaluate(path.read_text("utf-8"))
    assert info["kind"] == "VSVersionInfo"
    assert info["ffi"]["filevers"] == info["ffi"]["prodvers"] == version_tuple(__version__)
    string_file, var_file = info["kids"]
    table = string_file["args"][0][0]
    assert table["args"][0] == "080404B0"
    strings = dict(s["args"] for s in table["args"][1])
    assert strings["ProductVersion"] == __version__ and strings["ProductName"] == "整改台账"
    assert strings["OriginalFilename"] == "RectificationLedger.exe"
    assert var_file["args"][0][0]["args"] == ("Translation", [0x0804, 1200])


@pytest.mark.skipif(sys.platform != "win32", reason="PyInstaller reads version resources on Windows")
def test_version_resource_loads_in_pyinstaller(tmp_path):
    from PyInstaller.utils.win32 import versioninfo

    path = write_version_info(tmp_path, "1.2.3", exe_name="X", product="整改台账", description="d")
    info = versioninfo.load_version_info_from_text_file(str(path))
    assert info.ffi.fileVersionMS == (1 << 16) | 2


@pytest.mark.parametrize(("dest", "kept"), [
    ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
    ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
    ("PySide6\\plugins\\platforms\\qwindows.dll", True),
    ("PySide6/Qt/plugins/platforms/libqwayland.so", False),
    ("PySide6/Qt/plugins/egldeviceintegrations/libqeglfs-kms-integration.so", False),
    ("PySide6/plugins/imageformats/qpdf.dll", False),
    ("PySide6/plugins/imageformats/qjpeg.dll", True),
    ("PySide6/plugins/printsupport/windowsprintersupport.dll", True),
    ("PySide6/Qt/lib/libQt6Core.so.6", True),
    ("numpy/_core/_multiarray_umath.cpython-311-x86_64-linux-gnu.so", True),
])
def test_plugins_kept(dest, kept):
    assert plugin_kept(dest) is kept


def test_only_chinese_qt_translations_are_kept():
    assert translation_kept("PySide6/Qt/translations/qtbase_zh_CN.qm")
    assert not translation_kept("PySide6/Qt/translations/qtbase_de.qm")
    assert translation_kept("resources/demo/seed.json")


def test_libraries_only_dropped_plugins_need_are_dropped():
    binaries = [
        ("PySide6/QtGui.abi3.so", "/s/QtGui.abi3.so", "EXTENSION"),
        ("PySide6/Qt/lib/libQt6Gui.so.6", "/s/libQt6Gui.so.6", "BINARY"),
        ("PySide6/Qt/lib/libQt6Core.so.6", "/s/libQt6Core.so.6", "BINARY"),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "/s/libqxcb.so", "BINARY"),
        ("libQt6XcbQpa.so.6", "/s/libQt6XcbQpa.so.6", "BINARY"),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", "/s/libqgtk3.so", "BINARY"),
        ("libgtk-3.so.0", "/s/libgtk-3.so.0", "BINARY"),
        ("libcairo.so.2", "/s/libcairo.so.2", "BINARY"),
        ("libpython3.11.so.1.0", "/s/libpython3.11.so.1.0", "BINARY"),
        ("opengl32sw.dll", "/s/opengl32sw.dll", "BINARY"),
        ("libloaded_by_ctypes.so", "/s/libloaded_by_ctypes.so", "BINARY"),
    ]
    imports = {
        "/s/QtGui.abi3.so": ["libQt6Gui.so.6"], "/s/libQt6Gui.so.6": ["libQt6Core.so.6"],
        "/s/libqxcb.so": ["libQt6XcbQpa.so.6", "libQt6Gui.so.6"],
        "/s/libqgtk3.so": ["libgtk-3.so.0", "libQt6Gui.so.6"], "/s/libgtk-3.so.0": ["libcairo.so.2"],
    }
    kept, dropped = prune_binaries(binaries, lambda source: imports.get(source, []))
    assert {Path(d[0]).name for d in dropped} == {
        "libqgtk3.so", "libgtk-3.so.0", "libcairo.so.2", "opengl32sw.dll"}
    assert len(kept) + len(dropped) == len(binaries)
    datas = [("libQt6Core.so.6", "PySide6/Qt/lib/libQt6Core.so.6", "SYMLINK"),
             ("libcairo-link.so", "libcairo.so.2", "SYMLINK"),
             ("PySide6/Qt/translations/qt_fr.qm", "/s/qt_fr.qm", "DATA")]
    assert [d[0] for d in prune_datas(datas, dropped)] == ["libQt6Core.so.6"]
