"""The full fuzz run, by hand (the normal test run tries a bounded sample):

    python -m tests.fuzz.run_fuzz                  # every kind, random kinds 20 times, all modes
    python -m tests.fuzz.run_fuzz --repeats 100 --modes import --hypothesis 200
    python -m tests.fuzz.run_fuzz --kinds far_corner bomb_strings
    python -m tests.fuzz.run_fuzz --modes import merge --repeats 5   # Word, plan text, packages

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
from tests.fuzz import hostile_documents as documents
from tests.fuzz.base import make_base
from tests.fuzz.harness import judge
from tests.fuzz.random_sheets import random_sheet_file

MODES = ("import", "collect", "fill-back", "merge")
MAKERS = {**hostile.KINDS, **documents.DOCUMENT_KINDS, **documents.PACKAGE_KINDS}
# Zips that are not packages, or damaged ones, given to merge too
ZIPS_FOR_MERGE = ("unsupported_zip", "bad_name_zip", "many_parts", "truncated_xlsx", "empty_file",
                  "docx_bomb", "html_as_xls")


def mode_cases(mode: str, repeats: int) -> list[tuple[str, int]]:
    """Every kind of the mode once, the random kinds `repeats` times each (seeds 0…)."""
    if mode == "merge":
        kinds, randoms = [*documents.PACKAGE_KINDS, *ZIPS_FOR_MERGE], documents.PACKAGE_RANDOM
        return [(k, 0) for k in kinds] + [(k, s) for k in randoms for s in range(1, repeats)]
    return hostile.cases(repeats) + [(k, 0) for k in documents.DOCUMENT_KINDS] + [
        (k, s) for k in documents.DOCUMENT_RANDOM for s in range(1, repeats)]


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
        for mode in args.modes:
            cases = [(k, s) for k, s in mode_cases(mode, args.repeats)
                     if not args.kinds or k in args.kinds]
            for kind, seed in cases:
                failed += _one(folder, base, mode, kind,
                               lambda f, k=kind, s=seed: MAKERS[k](f, random.Random(s)))
            for seed in range(0 if args.kinds or mode == "merge" else args.hypothesis):
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
