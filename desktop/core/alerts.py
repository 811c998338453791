"""预警: overdue / due within 10 days / within 20 days / later, in red / yellow / blue, plus behind
schedule. (Named alerts, not warnings, so as not to shadow the standard library.)

    alerts_for(assessment) -> list[Alert]        # what to warn about one problem or measure
    alert_counts(assessments) -> dict[kind, int] # kinds: overdue, d10, d20, later, behind
    ALERT_LABELS, COLOUR_HEX[colour] -> (text colour, background colour)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from desktop.core.schedule import OVERDUE, Assessment
from desktop.core.status import BEHIND

ALERT_KINDS = ("overdue", "d10", "d20", "later", "behind")
ALERT_LABELS = {"overdue": "已逾期", "d10": "10天内到期", "d20": "20天内到期",
                "later": "20天以上到期", "behind": "未达序时进度"}
ALERT_COLOURS = {"overdue": "red", "d10": "yellow", "d20": "blue", "later": "", "behind": "orange"}
COLOUR_LABELS = {"red": "红色预警", "yellow": "黄色预警", "blue": "蓝色预警", "orange": "滞后提醒"}
# (text, background): dark text on a pale fill reads on screen and in black-and-white print.
COLOUR_HEX = {"red": ("#b71c1c", "#fbd5d1"), "yellow": ("#7a5d00", "#fff1b8"),
              "blue": ("#0d47a1", "#d6e6fa"), "orange": ("#a34700", "#ffe0c2"),
              "": ("#000000", "#ffffff")}


@dataclass(frozen=True)
class Alert:
    kind: str
    colour: str
    label: str
    explanation: str


def alerts_for(assessment: Assessment) -> list[Alert]:
    """Overdue or due soon (by bucket), and behind schedule; nothing for done or later-and-fine."""
    out = []
    bucket = assessment.bucket
    if bucket in ("overdue", "d10", "d20"):
        out.append(Alert(bucket, ALERT_COLOURS[bucket], ALERT_LABELS[bucket],
                         assessment.explanation))
    if assessment.code == BEHIND:
        out.append(Alert("behind", "orange", ALERT_LABELS["behind"], assessment.explanation))
    return out


def alert_counts(assessments: Iterable[Assessment]) -> dict[str, int]:
    counts: Counter[str] = Counter()
    for a in assessments:
        if a.code == OVERDUE or a.bucket in ("overdue", "d10", "d20", "later"):
            counts[a.bucket] += 1
        if a.code == BEHIND:
            counts["behind"] += 1
    return {kind: counts.get(kind, 0) for kind in ALERT_KINDS}
