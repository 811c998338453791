"""summary and report monthly, run as the clerk would (a separate process, no display)."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from db.connection import open_register
from db.demo import build_demo

ROOT = Path(__file__).resolve().parents[2]
HUNAN = ("截至2022年12月底，督察反馈的53个问题完成整改25个、达到序时进度26个、未达序时进度2个；"
         "交办的3321件信访件已办结3177件，阶段办结121件，正在整改23件，办结率95.7%。")


def run(*args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY",
                                                            "QT_QPA_PLATFORM")}
    return subprocess.run([sys.executable, "-m", "desktop", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, encoding="utf-8", timeout=300)


def hunan_register(path: Path) -> None:
    """The register behind 湖南's published sentence: 53 problems, 3321 petitions."""
    db = open_register(path)
    db["rounds"].insert({"id": 1, "name": "第二轮中央督察", "started_on": "2022-01-01"})
    plan = [("completed", 100, "2022-06-30")] * 25 + [("in_progress", 80, "2023-06-30")] * 26 \
        + [("in_progress", 10, "2023-06-30")] * 2
    db["problems"].insert_all(
        {"round_id": 1, "code": str(i), "seq": i, "title": f"问题{i}", "status": s, "percent": p,
         "deadline": d, "deadline_kind": "fixed", "deadline_text": d, "created_at": "2022",
         "updated_at": "2022", "lead_units": json.dumps(["县生态环境分局"], ensure_ascii=False)}
        for i, (s, p, d) in enumerate(plan, start=1))
    statuses = ["done"] * 3177 + ["staged"] * 121 + ["in_progress"] * 23
    db["petitions"].insert_all({"code": f"D{i:05d}", "status": s, "received_on": "2022-01-10",
                                "created_at": "2022", "updated_at": "2022"}
                               for i, s in enumerate(statuses))
    db.close()


def test_summary_prints_the_published_hunan_sentence(tmp_path):
    db = tmp_path / "湖南 台账.db"
    hunan_register(db)
    result = run("summary", "--db", str(db), "--as-of", "2022-12-31")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == HUNAN


def test_summary_refuses_a_bad_date(tmp_path):
    result = run("summary", "--db", str(tmp_path / "a.db"), "--as-of", "2022-13-01")
    assert result.returncode == 1 and "不是存在的日期" in result.stderr


def test_report_monthly_writes_pdf_and_xlsx_headless(tmp_path):
    db = tmp_path / "演示 台账.db"
    register = open_register(db)
    build_demo(register, as_of=__import__("datetime").date(2024, 11, 20))
    register.close()
    pdf, xlsx = tmp_path / "输出 目录" / "十一月.pdf", tmp_path / "十一月.xlsx"
    result = run("report", "monthly", "--db", str(db), "--month", "2024-11", "--pdf", str(pdf),
                 "--xlsx", str(xlsx))
    assert result.returncode == 0, result.stderr
    assert "2024年11月整改进展情况表" in result.stdout and "督察反馈的63个问题" in result.stdout
    assert pdf.read_bytes().startswith(b"%PDF") and xlsx.stat().st_size > 10_000
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
        pages = int(next(line.split()[-1] for line in info.splitlines()
                         if line.startswith("Pages:")))
        assert pages >= 2 and "Pages" in info


@pytest.mark.parametrize("args,code", [(["--month", "2024-13"], 1), ([], 2),
                                       (["--month", "2024-11", "--pdf", "x.txt"], 1)])
def test_report_monthly_refusals(tmp_path, args, code):
    result = run("report", "monthly", "--db", str(tmp_path / "a.db"), *args)
    assert result.returncode == code


def test_samples_imported_then_summarised(tmp_path, samples):
    db = tmp_path / "样例.db"
    files = sorted(str(p) for p in samples.glob("*.xls*"))
    imported = run("import", *files, "--db", str(db))
    if imported.returncode != 0:
        pytest.skip(f"import not available: {imported.stderr[:200]}")
    result = run("summary", "--db", str(db), "--as-of", "2022-12-31")
    assert result.returncode == 0, result.stderr
    expected = [json.loads(f.read_text(encoding="utf-8")) for f in (samples / "expected").glob("*")]
    problems = sum(len(e.get("problems", [])) for e in expected)
    petitions = sum(len(e.get("petitions", [])) for e in expected)
    text = result.stdout.strip()
    assert text.startswith(f"截至2022年12月底，督察反馈的{problems}个问题完成整改")
    assert f"交办的{petitions}件信访件已办结" in text
    report = run("report", "monthly", "--db", str(db), "--month", "2022-12",
                 "--pdf", str(tmp_path / "样例.pdf"))
    assert report.returncode == 0, report.stderr
