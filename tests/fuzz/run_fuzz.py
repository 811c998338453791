"""The full fuzz run, by hand (the normal test run tries a bounded sample):

    python -m tests.fuzz.run_fuzz                  # every kind, random kinds 20 times, all modes
    python -m tests.fuzz.run_fuzz --repeats 100 --modes import --hypothesis 200
    python -m tests.fuzz.run_fuzz --kinds far_corner bomb_strings

Each input runs through the real command line in its own process under 1 GiB (RLIMIT_AS) and
60 s; a line per input says the exit code, time, peak memory and the message. Exit 1 when any
input failed.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
from pathlib import Path

from tests.fuzz import hostile
from tests.fuzz.base import make_base
from tests.fuzz.harness import judge
from tests.fuzz.random_sheets import random_sheet_file

MODES = ("import", "collect", "fill-back")


def main() -> int:
    parser = argparse.ArgumentParser(description="hostile workbooks through the command line")
    parser.add_argument("--repeats", type=int, default=20, help="seeds per random kind")
    parser.add_argument("--modes", nargs="+", default=list(MODES), choices=MODES)
    parser.add_argument("--kinds", nargs="+", help="only these kinds")
    parser.add_argument("--hypothesis", type=int, default=50, help="random sheets per mode")
    args = parser.parse_args()
    failed = 0
    with tempfile.TemporaryDirectory(prefix="fuzz ") as tmp:
        folder = Path(tmp)
        base = make_base(folder)
        cases = [(k, s) for k, s in hostile.cases(args.repeats)
                 if not args.kinds or k in args.kinds]
        for mode in args.modes:
            for kind, seed in cases:
                failed += _one(folder, base, mode, kind,
                               lambda f, k=kind, s=seed: hostile.KINDS[k](f, random.Random(s)))
            for seed in range(0 if args.kinds else args.hypothesis):
                failed += _one(folder, base, mode, f"random_sheet#{seed}",
                               lambda f, s=seed: random_sheet_file(f, random.Random(s)))
    print(f"失败 {failed} 个" if failed else "全部通过")
    return 1 if failed else 0


def _one(folder: Path, base: Path, mode: str, kind: str, make) -> int:
    work = Path(tempfile.mkdtemp(dir=folder))
    verdict = judge(kind, mode, make(work), base, work)
    print(verdict.line(), flush=True)
    return 1 if verdict.problems else 0


if __name__ == "__main__":
    sys.exit(main())
