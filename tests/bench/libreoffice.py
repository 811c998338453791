"""LibreOffice headless for the benchmarks: the tool clerks would otherwise use, timed alike.

    office = LibreOffice.find(work_dir)   # None (and a printed note) when it is not installed
    office.warm()                         # first start builds its profile: not timed
    seconds = office.convert(xlsx, out_dir, "pdf")   # wall time of the whole process
    child_peak_kb(argv) -> (seconds, peak KB)  # any command under /usr/bin/time -v

LibreOffice comes from Debian's `libreoffice-calc-nogui` (apt-get install -y libreoffice-calc-nogui);
it is only for measuring and is not in bootstrap's package list.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import time
from pathlib import Path

ABSENT = ("LibreOffice 未安装（Debian: apt-get install -y libreoffice-calc-nogui）："
          "不与 LibreOffice 比较，只给出本程序的时间。")


class LibreOffice:
    def __init__(self, binary: str, profile: Path):
        self.binary, self.profile = binary, profile

    @classmethod
    def find(cls, work: Path) -> LibreOffice | None:
        binary = shutil.which("soffice") or shutil.which("libreoffice")
        if binary is None:
            print(ABSENT)
            return None
        return cls(binary, work / "lo-profile")

    def argv(self, *args: str) -> list[str]:
        return [self.binary, f"-env:UserInstallation={self.profile.as_uri()}", "--headless",
                "--norestore", "--nolockcheck", *args]

    def warm(self, sample: Path, out: Path) -> None:
        self.convert(sample, out, "pdf")

    def convert(self, source: Path, out: Path, kind: str) -> float:
        start = time.perf_counter()
        subprocess.run(self.argv("--convert-to", kind, "--outdir", str(out), str(source)),
                       check=True, capture_output=True)
        return time.perf_counter() - start

    def version(self) -> str:
        out = subprocess.run(self.argv("--version"), capture_output=True, text=True).stdout
        return out.strip()


def child_peak_kb(argv: list[str], **kwargs) -> tuple[float, int, subprocess.CompletedProcess]:
    """Wall seconds and the child's own peak resident memory (GNU time's "Maximum resident set
    size"), so no row inherits the parent's high-water mark."""
    timer = shutil.which("time") or "/usr/bin/time"
    start = time.perf_counter()
    done = subprocess.run([timer, "-v", *argv], capture_output=True, text=True, **kwargs)
    seconds = time.perf_counter() - start
    if done.returncode:
        raise RuntimeError(f"{argv[:3]} failed: {done.stderr[-2000:]}")
    peak = re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr)
    return seconds, int(peak.group(1)) if peak else 0, done


def pdf_pages(path: Path) -> int | None:
    if not shutil.which("pdfinfo") or not path.exists():
        return None
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    found = re.search(r"^Pages:\s+(\d+)", info, re.M)
    return int(found.group(1)) if found else None
