"""Demo petitions (信访件) handed over by the inspection team: codes, districts, types, outcomes."""

from __future__ import annotations

import datetime as dt
import random

from db.changes import Step, now_iso

_DISTRICTS = ["城东区", "城西区", "城北区", "湟中区", "大通县", "湟源县", "互助县", "乐都区"]
_TYPES = ["水", "大气", "土壤", "噪声", "生态", "固废", "辐射"]
_SUBJECTS = [
    ("某砖厂夜间生产粉尘大", ["大气"]), ("某养殖场粪污直排河道", ["水"]),
    ("小区餐饮油烟扰民", ["大气"]), ("非法采砂破坏河道", ["生态"]),
    ("工业园区企业异味扰民", ["大气"]), ("垃圾填埋场渗滤液外溢", ["水", "土壤"]),
    ("建筑工地夜间施工噪声扰民", ["噪声"]), ("河道两岸垃圾乱堆乱放", ["固废", "水"]),
    ("矿山开采未按要求复绿", ["生态"]), ("洗车店污水直排雨水管网", ["水"]),
    ("混凝土搅拌站扬尘污染", ["大气"]), ("废旧电瓶回收点污染土壤", ["土壤", "固废"]),
]
_RESULTS = {"done": "经调查核实，已责令整改到位并向举报人反馈", "staged": "已立案查处，整改工程正在实施",
            "in_progress": "正在调查核实，已责令停产整治"}
_VERIFIED = [("true", "属实"), ("true", "基本属实"), ("partial", "部分属实"), ("false", "不属实")]
_UNITS = ["市生态环境局", "市住房城乡建设局", "市城市管理局", "市水务局", "市自然资源局", "市农业农村局"]


def add_demo_petitions(step: Step, start: dt.date, count: int = 120) -> None:
    """Petitions received over the first five weeks after start, most of them handled."""
    rng = random.Random(2020)
    stamp = now_iso()
    for i in range(count):
        received = start + dt.timedelta(days=i * 35 // count)
        subject, types = _SUBJECTS[rng.randrange(len(_SUBJECTS))]
        district = _DISTRICTS[rng.randrange(len(_DISTRICTS))]
        channel = "D" if rng.random() < 0.6 else "X"
        roll = rng.random()
        status = "done" if roll < 0.9 else ("staged" if roll < 0.97 else "in_progress")
        verified, verified_text = _VERIFIED[rng.randrange(len(_VERIFIED))]
        step.insert("petitions", {
            "code": f"{channel}2QH{received:%Y%m%d}{i + 1:04d}", "seq": i + 1,
            "received_on": received.isoformat(), "content": f"{district}{subject}",
            "district": district, "pollution_types": types, "verified": verified,
            "verified_text": verified_text, "result": _RESULTS[status], "status": status,
            "status_text": {"done": "已办结", "staged": "阶段性办结", "in_progress": "正在办理"}[status],
            "responsible_units": [_UNITS[rng.randrange(len(_UNITS))]],
            "created_at": stamp, "updated_at": stamp})
