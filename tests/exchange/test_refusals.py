"""Packages refused with a Chinese message and nothing changed: another office's unrelated
register, a damaged or tampered zip, one made by a newer program, a zip that is no package."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from db.changes import now_iso, recorded_step
from db.connection import open_register
from desktop.exchange import package_file
from tests.exchange.support import ROUND, cli, content, county_register, steps


@pytest.fixture
def county(tmp_path, capsys):
    path = tmp_path / "县台账.db"
    db = county_register(path)
    cli(capsys, "export", "package", "--db", path, "--out", tmp_path / "县.zip")
    return db, path, tmp_path / "县.zip"


def refused(capsys, package: Path, db_path: Path) -> str:
    db = open_register(db_path)
    before, count = content(db), steps(db)
    code, out, err = cli(capsys, "merge", package, "--db", db_path)
    assert code == 1, out
    assert content(db) == before and steps(db) == count
    return err


def other_office(path: Path, titles: bool = True):
    """Another county's register: the same round name and codes, other problems."""
    db = open_register(path)
    now = now_iso()
    with recorded_step(db, "导入 外县台账.xlsx") as step:
        rid = step.insert("rounds", {"name": ROUND})
        for code in ("1", "2"):
            step.insert("problems", {"round_id": rid, "code": code,
                                     "title": f"外县问题{code}" if titles else "",
                                     "description": "外县的另一个问题", "created_at": now,
                                     "updated_at": now})
    return db


def test_a_package_from_an_unrelated_register_is_refused(county, tmp_path, capsys):
    other_office(tmp_path / "外县.db")
    message = refused(capsys, county[2], tmp_path / "外县.db")
    assert "无关的台账" in message and "未合并" in message


def test_an_empty_register_takes_any_package(county, tmp_path, capsys):
    code, out, _ = cli(capsys, "merge", county[2], "--db", tmp_path / "新电脑.db")
    assert code == 0 and "新增问题 4 个" in out


def test_a_damaged_zip_is_refused(county, tmp_path, capsys):
    broken = tmp_path / "损坏.zip"
    broken.write_bytes(county[2].read_bytes()[:-300])
    assert "已损坏" in refused(capsys, broken, county[1])


def rewrite(source: Path, target: Path, change) -> Path:
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w") as zout:
        for item in zin.infolist():
            zout.writestr(item.filename, change(item.filename, zin.read(item.filename)))
    return target


def test_a_tampered_package_is_refused(county, tmp_path, capsys):
    def forge(name: str, data: bytes) -> bytes:
        return data.replace("已制定整改方案".encode(), "已全部完成整改".encode()) \
            if name == package_file.CONTENT else data
    forged = rewrite(county[2], tmp_path / "改过.zip", forge)
    assert "与校验值不符" in refused(capsys, forged, county[1])


def test_a_manifest_changed_by_hand_is_refused(county, tmp_path, capsys):
    def forge(name: str, data: bytes) -> bytes:
        if name != package_file.MANIFEST:
            return data
        manifest = json.loads(data)
        manifest["members"][package_file.CONTENT] = "0" * 64
        return json.dumps(manifest, ensure_ascii=False).encode()
    forged = rewrite(county[2], tmp_path / "改清单.zip", forge)
    assert "清单与校验值不符" in refused(capsys, forged, county[1])


@pytest.mark.parametrize("key, value", [("program_version", "9.0.0"), ("format_version", 2),
                                        ("schema_version", 999)])
def test_a_package_from_a_newer_program_is_refused(county, tmp_path, capsys, key, value):
    def newer(name: str, data: bytes) -> bytes:
        if name != package_file.MANIFEST:
            return data
        manifest = json.loads(data)
        manifest[key] = value
        manifest["seal"] = package_file._seal(manifest)
        return json.dumps(manifest, ensure_ascii=False).encode()
    made = rewrite(county[2], tmp_path / "新版.zip", newer)
    assert "较新版本" in refused(capsys, made, county[1])


def test_a_zip_that_is_no_package_is_refused(county, tmp_path, capsys):
    other = tmp_path / "照片.zip"
    with zipfile.ZipFile(other, "w") as zf:
        zf.writestr("照片.jpg", b"not a package")
    assert "不是整改台账的交换包" in refused(capsys, other, county[1])


def test_a_package_whose_content_is_not_ours_is_refused(county, tmp_path, capsys):
    def other(name: str, data: bytes) -> bytes:
        return b'{"problems": [{"code": "1"}]}' if name == package_file.CONTENT else data

    def reseal(name: str, data: bytes) -> bytes:
        if name != package_file.MANIFEST:
            return data
        manifest = json.loads(data)
        manifest["members"][package_file.CONTENT] = package_file.sha256(
            b'{"problems": [{"code": "1"}]}')
        manifest["seal"] = package_file._seal(manifest)
        return json.dumps(manifest, ensure_ascii=False).encode()
    made = rewrite(rewrite(county[2], tmp_path / "a.zip", other), tmp_path / "b.zip", reseal)
    assert "内容不完整" in refused(capsys, made, county[1])
