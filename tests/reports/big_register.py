"""A register of many problems (default 3,000) for the report and printing tests.

Written straight into the tables (test data, no undo log), deterministic for a seed.
"""

from __future__ import annotations

import datetime as dt
import json
import random

from desktop.core.deadlines import parse_deadline
from desktop.core.status import STATUS_LABELS

UNITS = [f"县{name}" for name in ("生态环境分局", "住房城乡建设局", "水利局", "自然资源局", "农业农村局",
                                   "交通运输局", "工业和信息化局", "城市管理局", "林业和草原局",
                                   "发展改革局", "财政局", "卫生健康局")] + \
        [f"{name}镇人民政府" for name in ("城关", "新华", "河西", "东坝", "龙泉", "石桥")]
CATEGORIES = ["水污染防治", "大气污染防治", "土壤污染防治", "生态保护修复", "固体废物", "噪声"]
DEADLINES = ["{y}年{m}月底前", "{y}年底前", "立行立改", "长期坚持", "{y}年底前，并长期坚持",
             "{y}年第{q}季度", "{y}年{m}月{d}日前", "每年", "视情况"]
TOPICS = ["污水处理厂超负荷运行，部分生活污水直排", "饮用水水源保护区内违法建设未清理",
          "工业园区企业废气无组织排放", "矿山开采后生态修复滞后", "垃圾填埋场渗滤液处理不到位",
          "河道非法采砂屡禁不止", "畜禽养殖粪污资源化利用率低"]


def _month(start: dt.date, n: int) -> str:
    total = start.year * 12 + start.month - 1 + n
    return f"{total // 12:04d}-{total % 12 + 1:02d}"


def build_big_register(db, problems: int = 3000, *, start: dt.date = dt.date(2023, 6, 1),
                       months: int = 12, petitions: int = 3000, seed: int = 7) -> None:
    rng = random.Random(seed)
    stamp = "2024-06-01T00:00:00"
    db["rounds"].insert({"id": 1, "name": "第二轮中央生态环境保护督察（测试）",
                         "started_on": start.isoformat()})
    rows, measures, reports = [], [], []
    for i in range(1, problems + 1):
        text = rng.choice(DEADLINES).format(y=rng.choice((2024, 2025)), m=rng.randint(1, 12),
                                            d=rng.randint(1, 28), q=rng.randint(1, 4))
        deadline = parse_deadline(text)
        lead = rng.sample(UNITS, rng.randint(1, 2))
        pct = 0
        for n in range(months):
            pct = min(100, pct + rng.choice((0, 5, 10, 15)))
            status = "completed" if pct >= 100 else rng.choice(
                ("in_progress", "on_schedule", "behind_schedule"))
            reports.append({"problem_id": i, "period": _month(start, n + 1),
                            "text": f"第{n + 1}月推进，累计完成{pct}%", "status": status,
                            "status_text": STATUS_LABELS[status], "percent": pct,
                            "reported_on": stamp[:10], "created_at": stamp})
            if status == "completed":
                break
        rows.append({"id": i, "round_id": 1, "code": str(i), "seq": i,
                     "title": f"{rng.choice(TOPICS)}（第{i}项）",
                     "description": rng.choice(TOPICS) * rng.randint(1, 3),
                     "category": rng.choice(CATEGORIES), "lead_units": json.dumps(lead,
                                                                                  ensure_ascii=False),
                     "responsible_units": json.dumps(rng.sample(UNITS, rng.randint(0, 5)),
                                                     ensure_ascii=False),
                     "deadline": deadline.iso, "deadline_kind": deadline.kind,
                     "deadline_text": text, "status": reports[-1]["status"],
                     "status_text": reports[-1]["status_text"], "progress": reports[-1]["text"],
                     "percent": pct, "created_at": stamp, "updated_at": stamp})
        for seq in range(1, rng.randint(0, 4) + 1):
            measures.append({"problem_id": i, "seq": seq, "content": f"措施{seq}",
                             "deadline": deadline.iso, "deadline_kind": deadline.kind,
                             "deadline_text": text})
    _petitions(db, rng, petitions, start)
    with db.atomic():
        db["problems"].insert_all(rows, batch_size=500)
        db["measures"].insert_all(measures, batch_size=500)
        db["progress_reports"].insert_all(reports, batch_size=1000)


def _petitions(db, rng: random.Random, count: int, start: dt.date) -> None:
    statuses = ["done"] * 90 + ["staged"] * 7 + ["in_progress"] * 3
    items = [{"code": f"D{i:06d}", "seq": i, "received_on": (start + dt.timedelta(
                 days=i % 30)).isoformat(), "district": rng.choice(("甲区", "乙区", "丙县")),
              "pollution_types": json.dumps([rng.choice(("水", "大气", "噪声", "生态"))],
                                            ensure_ascii=False),
              "verified": rng.choice(("true", "partial", "false")),
              "status": rng.choice(statuses), "created_at": "2024-06-01", "updated_at": "2024-06-01"}
             for i in range(1, count + 1)]
    with db.atomic():
        db["petitions"].insert_all(items, batch_size=1000)
