"""Random sheets written as raw XML, driven by one random.Random (hypothesis hands its own in the
test run): header words and values near the top, now and then a cell far away, cells without
coordinates, shared-string indexes that point nowhere, error and boolean cells, merges of every
size (the whole sheet included), and sometimes a sheet cut off mid-tag."""

from __future__ import annotations

import random
from pathlib import Path

from tests.fuzz.hostile import inline, raw_xlsx

WORDS = ["序号", "问题编号", "问题描述", "整改措施", "整改时限", "责任单位", "整改进展", "整改状态",
         "已完成", "滞后", "2024年底前", "=HYPERLINK(\"http://x\")", "合计", "注：", "&amp;", "",
         "长" * 5000]


def column(n: int) -> str:
    letters = ""
    n += 1
    while n:
        n, rem = divmod(n - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def _place(rng: random.Random) -> tuple[int, int]:
    roll = rng.random()
    if roll < 0.9:
        return rng.randint(1, 40), rng.randint(0, 9)
    if roll < 0.97:
        return rng.randint(1, 300_000), rng.randint(0, 500)
    return rng.randint(1, 1_048_576), rng.randint(0, 16_383)


def _cell(rng: random.Random, ref: str) -> bytes:
    at = f' r="{ref}"' if rng.random() > 0.05 else ""
    kind = rng.randrange(7)
    if kind <= 2:
        return inline(ref, rng.choice(WORDS)).replace(f' r="{ref}"'.encode(), at.encode())
    value, t = [(str(rng.uniform(-1e9, 1e12)), ""), (str(rng.randint(0, 10**6)), ' t="s"'),
                ("1", ' t="b"'), ("#REF!", ' t="e"')][kind - 3]
    style = f' s="{rng.randint(0, 500)}"' if rng.random() < 0.2 else ""
    return f"<c{at}{t}{style}><v>{value}</v></c>".encode()


def _merge(rng: random.Random) -> bytes:
    r0, c0 = _place(rng)
    r1 = min(r0 + rng.choice([0, 1, 3, 50, 10**6]), 1_048_576)
    c1 = min(c0 + rng.choice([0, 1, 4, 20_000]), 16_383)
    return f'<mergeCell ref="{column(c0)}{r0}:{column(c1)}{r1}"/>'.encode()


def random_sheet_file(folder: Path, rng: random.Random) -> Path:
    cells = sorted((_place(rng) for _ in range(rng.randint(1, 200))), key=lambda rc: rc)
    chunks, row = [], None
    for r, c in cells:
        if r != row:
            chunks.append((b"</row>" if row else b"") + f'<row r="{r}">'.encode())
            row = r
        chunks.append(_cell(rng, f"{column(c)}{r}"))
    chunks.append(b"</row>")
    if rng.random() < 0.1:
        chunks.append(b'<row r="9"><c r="A9"')           # cut mid-tag
    merges = [_merge(rng) for _ in range(rng.choice([0, 0, 1, 3, 20]))]
    return raw_xlsx(folder / "随机.xlsx", chunks, merges=merges)
