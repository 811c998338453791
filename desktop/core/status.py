"""Status words as reported → status codes (DOMAIN.md), and the codes' Chinese labels."""

from __future__ import annotations

import re

from desktop.core.text import squash_spaces

PENDING, IN_PROGRESS, ON_SCHEDULE, AHEAD = "pending", "in_progress", "on_schedule", "ahead"
BEHIND, COMPLETED, CLOSED = "behind_schedule", "completed", "closed"
STATUS_CODES = (PENDING, IN_PROGRESS, ON_SCHEDULE, AHEAD, BEHIND, COMPLETED, CLOSED)
STATUS_LABELS = {
    PENDING: "尚未启动", IN_PROGRESS: "正在推进", ON_SCHEDULE: "达到序时进度",
    AHEAD: "超过序时进度", BEHIND: "未达序时进度", COMPLETED: "已完成", CLOSED: "已销号",
}
DONE_CODES = frozenset({COMPLETED, CLOSED})

# Order matters: negative and specific forms before the words they contain.
_RULES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"(申请|待|拟|准备|等待|提请)(验收)?销号|销号(申请|审核中|程序中)"), COMPLETED),
    (re.compile(r"(?<!未)销号"), CLOSED),
    (re.compile(r"未达到?序时|未达序|滞后|慢于?序时|落后于?序时|低于序时|进度滞后|落后|逾期|超期|"
                r"未按(期|时|计划)"), BEHIND),
    (re.compile(r"超过?序时|快于序时|超序时|提前"), AHEAD),
    (re.compile(r"达到序时|按序时|序时推进|符合序时|按时序|按进度|达序时|按计划推进|按期推进"), ON_SCHEDULE),
    (re.compile(r"未启动|尚未启动|未开始|尚未开展|未开展"), PENDING),
    (re.compile(r"未完成|基本完成|正在|推进中|整改中|办理中|进行中|持续推进|持续整改|持续开展|长期坚持|阶段性|正常推进|"
                r"已启动|已开工|实施中"), IN_PROGRESS),
    (re.compile(r"已完成|完成整改|整改完成|已整改|已办结|^完成$|^已完$|办结"), COMPLETED),
]
_YES = {"是", "√", "✓", "✔", "y", "yes", "已", "1", "true"}
_NO = {"否", "×", "✗", "n", "no", "未", "0", "false"}


def status_from_text(text: object) -> str | None:
    """The code a status word means, or None when the text is empty or not a status word."""
    if text is None:
        return None
    norm = squash_spaces(str(text))
    if not norm:
        return None
    if norm in STATUS_LABELS.values():
        return next(code for code, label in STATUS_LABELS.items() if label == norm)
    for pattern, code in _RULES:
        if pattern.search(norm):
            return code
    return None


def yes_no(text: object) -> bool | None:
    """是/否 cells (是否完成整改, 是否销号): True, False, or None when blank or unclear."""
    if text is None:
        return None
    norm = squash_spaces(str(text)).lower()
    if norm in _YES:
        return True
    if norm in _NO:
        return False
    return None


def derive_status(status_text: object, progress_text: object = None) -> str:
    """The status code for a problem: from its status word, else from whether progress was reported."""
    code = status_from_text(status_text)
    if code:
        return code
    if progress_text is not None and str(progress_text).strip():
        return IN_PROGRESS
    return PENDING


def status_label(code: str | None) -> str:
    return STATUS_LABELS.get(code or "", "")


def combined_status(codes: list[str]) -> str:
    """A problem's status from its measures' (rows written one per measure, each with its own
    status): done when all are done (closed when all are closed); behind when any is; not
    started when none is started; on schedule when every open one is; else in progress."""
    if not codes:
        return PENDING
    if all(c in DONE_CODES for c in codes):
        return CLOSED if all(c == CLOSED for c in codes) else COMPLETED
    open_codes = {c for c in codes if c not in DONE_CODES}
    if BEHIND in open_codes:
        return BEHIND
    if open_codes == {PENDING}:
        return PENDING if len(open_codes) == len(set(codes)) else IN_PROGRESS
    if open_codes <= {ON_SCHEDULE, AHEAD}:
        return ON_SCHEDULE if ON_SCHEDULE in open_codes else AHEAD
    return IN_PROGRESS
