"""Text normalising shared by every rule: widths, spaces, line breaks."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"[\s\u3000\u00a0\u200b\ufeff]+")
# Full-width ASCII range (！ to ～) maps onto ASCII by a fixed offset.
_FULLWIDTH_OFFSET = 0xFEE0


_HALFWIDTH = {code: code - _FULLWIDTH_OFFSET for lo, hi in ((0xFF10, 0xFF19), (0xFF21, 0xFF3A),
                                                              (0xFF41, 0xFF5A))
              for code in range(lo, hi + 1)}
_HALFWIDTH[0x3000] = 0x20


def to_halfwidth_ascii(text: str) -> str:
    """Full-width digits and Latin letters to half-width; Chinese punctuation is kept."""
    return text.translate(_HALFWIDTH)


def squash_spaces(text: str) -> str:
    """Remove every kind of white space (Chinese text has no meaningful spaces inside words)."""
    return _SPACES.sub("", text)


def clean_cell_text(value: object) -> str:
    """A cell's value as trimmed text; None becomes the empty string."""
    if value is None:
        return ""
    text = value if isinstance(value, str) else str(value)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\u00a0" in text:
        text = text.replace("\u00a0", " ")
    return text.strip()


def fold_key(text: str) -> str:
    """A comparison key: widths folded, spaces removed, brackets unified, NFKC."""
    text = unicodedata.normalize("NFKC", to_halfwidth_ascii(text))
    return squash_spaces(text).replace("（", "(").replace("）", ")")


def problem_text(problem: dict) -> str:
    """What a problem is called wherever it is shown: its name (问题), else its description.

    Most ledgers name problems only by 问题描述; a blank 问题 cell must never be what shows."""
    return (str(problem.get("title") or "").strip()
            or str(problem.get("description") or "").strip())


def export_file_name(register_title: str, what: str, day, suffix: str) -> str:
    """A suggested file name that does not say the same word twice: 县整改台账-20261202.xlsx,
    not 县整改台账-台账-20261202.xlsx; 演示-台账-20261202.xlsx when the title lacks it."""
    title = register_title.strip() or "整改台账"
    stamp = f"{day:%Y%m%d}"
    return f"{title}-{stamp}{suffix}" if what in title else f"{title}-{what}-{stamp}{suffix}"
