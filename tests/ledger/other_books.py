"""Workbooks in the shapes the samples never showed (invented content): 审计整改 and 巡视巡察 ledgers
with planned and actual dates, 专项督查 ledgers keyed by the unit inspected, group roll-ups whose
codes restart per member, deep official forms with a row of column codes, hotline and message-board
petition registers, and sheets that are no ledger at all (a contract ledger, a procurement list)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.ledger.unseen_books import Sheet, across, book, merged_down


def audit_ledger(path: Path) -> Path:
    """审计整改: planned (目标设定完成时间) and actual (整改完成时间) dates side by side, the actual
    one left of the planned one; 所属单位 names each row's unit."""
    rows = [
        ["XX县2023年度经济责任审计发现问题整改台账"],
        ["序号", "所属单位", "审计发现问题", "整改措施", "整改完成时间", "目标设定完成时间", "整改状态",
         "备注"],
        [1, "县教育局", "专项资金未按规定用途使用120万元", "1.收回资金；2.完善资金审批制度",
         dt.datetime(2023, 9, 15), "2023年10月底前", "已完成", ""],
        [2, "县卫健委", "政府采购未履行公开招标程序", "规范采购程序，追究相关人员责任", None,
         "2024年6月30日", "正在整改", "已约谈"],
        [3, "县交通局", "工程结算审核不严多付工程款", "追回多付款项", "2023年12月", "2023年底",
         "已完成", ""],
    ]
    return book(path, Sheet("审计整改", rows, (across(1, 8),)))


def tour_ledger(path: Path) -> Path:
    """巡视巡察整改: the source of each row (问题来源), 责任主体 and 责任部门, 计划完成时间 beside
    实际完成时间 and 销号时间."""
    rows = [
        ["巡视巡察反馈问题整改落实情况台账"],
        ["序号", "问题来源", "反馈问题", "整改措施", "责任主体", "责任部门", "计划完成时间",
         "实际完成时间", "销号时间", "整改进展"],
        [1, "省委第三巡视组", "落实全面从严治党主体责任不到位", "制定责任清单并逐级签订责任书", "县委办",
         "县纪委监委", "2023年6月底前", "2023-05-20", "2023年6月10日", "已完成清单制定"],
        [2, "省委第三巡视组", "基层党组织建设薄弱", "开展软弱涣散党组织整顿", "县委组织部", None,
         "2023年12月底前", None, None, "已排查出12个"],
        [3, "县委第一巡察组", "惠民资金发放不及时", "建立资金发放台账按月核查", "城关镇人民政府",
         "镇财政所", "2023年9月30日", "2023年9月1日", None, "已完成"],
    ]
    return book(path, Sheet("巡视巡察", rows, (across(1, 10),)))


def inspection_ledger(path: Path) -> Path:
    """专项督查: 被督察单位 and 属地 name the units, 督察批次 the round of each row, 要求完成时限
    the deadline; two header rows under a group."""
    rows = [
        ["全县安全生产专项督查发现问题整改清单"],
        ["序号", "督察批次", "被督察单位", "属地", "存在问题", "整改要求", None, "整改情况"],
        [None, None, None, None, None, "整改措施", "要求完成时限", None],
        [1, "第一批次", "某建材有限公司", "河东镇", "消防通道堵塞", "立即清理通道", "立行立改", "已整改"],
        [2, "第二批次", "某物流园", "城关镇", "危化品混存", "分区存放并设置标识", "2023年8月底前", "推进中"],
    ]
    merges = (across(1, 8), "A2:A3", "B2:B3", "C2:C3", "D2:D3", "E2:E3", "F2:G2", "H2:H3")
    return book(path, Sheet("专项督查", rows, merges))


ROLLUP_MEMBERS = {"甲能源公司": 4, "乙水务公司": 3, "丙建设公司": 5}


def rollup_ledger(path: Path, duplicate: bool = True) -> Path:
    """A group's roll-up: 序号 runs through, 问题编号 restarts for each member (所属责任公司 merged
    down over its rows); one member lists its code 2 again after its last problem, a true duplicate."""
    rows = [["XX集团环保督察问题整改汇总台账"],
            ["序号", "所属责任公司", "问题编号", "问题描述", "整改措施", "计划完成时间", "整改状态"]]
    merges = [across(1, 7)]
    seq = 0
    for member, count in ROLLUP_MEMBERS.items():
        first = len(rows) + 1
        for code in range(1, count + 1):
            seq += 1
            rows.append([seq, member if code == 1 else None, code, f"{member}问题{code}：排放口标识不全",
                         f"{member}措施{code}", "2023年12月底前", "正在推进"])
        merges += merged_down("B", first, len(rows))
    if duplicate:
        rows.append([seq + 1, "丙建设公司", 2, "丙建设公司问题2：排放口标识不全", "丙建设公司措施2",
                     "2023年12月底前", "正在推进"])
    rows.append(["合计", None, None, f"{seq}个问题"])
    return book(path, Sheet("汇总", rows, tuple(merges)))


DEEP_HEAD = [
    ["附件3"],
    ["XX市生态环境问题整改落实情况统计表"],
    ["序号", "问题", None, "整改任务", None, None, None, None, None, "整改落实情况", None, None],
    [None, "问题编号", "问题描述", "整改措施", "责任单位", None, "时限要求", None, None, "进展", None, None],
    [None, None, None, None, "牵头单位", "责任单位", "整改时限", "时间节点", None, "目前进展情况",
     "整改状态", "是否销号"],
    [None, None, None, None, None, None, None, "节点", "内容", None, None, None],
    [None, None, None, None, None, None, None, "（年月）", None, None, None, None],
]
DEEP_MERGES = ["A2:L2", "A3:A7", "B3:C3", "D3:I3", "J3:L3", "B4:B7", "C4:C7", "D4:D7", "E4:F4",
               "G4:I4", "J4:L4", "E5:E7", "F5:F7", "G5:G7", "H5:I5", "H6:H7", "I6:I7", "J5:J7",
               "K5:K7", "L5:L7"]


def deep_form(path: Path, codes: list) -> Path:
    """An official form with five header rows (3–7) of merged groups and a row of column codes
    under them (`codes`: 1 2 3 …, 一 二 三 …, 甲 乙 1 2 …)."""
    rows = [list(r) for r in DEEP_HEAD] + [codes]
    for n in range(1, 4):
        rows.append([n, f"SJ-{n}", f"问题{n}：河道两岸违规堆放建筑垃圾", f"清运建筑垃圾{n}处", "县住建局",
                     "县城管局", "2023年10月底前", "2023-09", "完成清运", "已清运大部", "正在推进", "否"])
    rows.append(["填报人：某某    审核人：某某"])
    return book(path, Sheet("统计表", rows, tuple(DEEP_MERGES)))


def hotline_register(path: Path) -> Path:
    """12345 热线 工单: 工单编号, 来电时间, 诉求内容, 承办单位, 办理结果, 办理状态."""
    rows = [["12345政务服务便民热线生态环境类工单办理台账"],
            ["序号", "工单编号", "来电时间", "诉求内容", "承办单位", "办理结果", "办理状态", "办结时间"],
            [1, "GD20230501001", dt.datetime(2023, 5, 1), "小区附近烧烤油烟扰民", "县城管局",
             "已督促商户安装油烟净化设施", "已办结", dt.datetime(2023, 5, 6)],
            [2, "GD20230503017", "2023年5月3日", "夜间施工噪声扰民", "县住建局", "已责令夜间停工",
             "阶段性办结", None],
            [3, "GD20230509002", "2023-05-09", "河道漂浮垃圾", "河东镇人民政府", "", "正在办理", None]]
    return book(path, Sheet("工单", rows, (across(1, 8),)))


def message_board(path: Path) -> Path:
    """留言板: 留言编号, 留言标题, 留言内容, 留言时间, 答复单位, 答复意见, 是否办结."""
    rows = [["网络问政留言办理情况登记表"],
            ["留言编号", "留言标题", "留言内容", "留言时间", "答复单位", "答复意见", "是否办结"],
            ["LY-0001", "养殖场异味", "村东头养殖场夏季异味严重", "2023-06-02", "县农业农村局",
             "已责令养殖场整改粪污处理设施", "是"],
            ["LY-0002", "砂场扬尘", "砂场装卸扬尘大，请求治理", "2023-06-05", "县自然资源局", "", "否"]]
    return book(path, Sheet("留言", rows, (across(1, 7),)))


def letters_register(path: Path) -> Path:
    """来信来电登记: 投诉举报 for the content, 受理时间 then 转办时间, 回复内容 for the result."""
    rows = [["来信来电投诉举报登记簿"],
            ["受理编号", "投诉举报", "受理时间", "转办时间", "行政区域", "回复内容", "办理状态"],
            ["XF-23-001", "某洗涤厂污水直排入河", dt.datetime(2023, 3, 1), dt.datetime(2023, 3, 2),
             "城关镇", "经查属实，已责令停产整改", "已办结"],
            ["XF-23-002", "某加油站油气回收装置未运行", dt.datetime(2023, 3, 8), None, "河西乡", "",
             "正在办理"]]
    return book(path, Sheet("登记簿", rows, (across(1, 7),)))


def contract_ledger(path: Path) -> Path:
    """Not a ledger: a contract register whose last column happens to mention 整改措施."""
    rows = [["2023年度合同管理台账"],
            ["序号", "合同名称", "合同编号", "合同来源", "签订日期", "合同金额（万元）", "经办人",
             "审查发现问题整改措施"],
            [1, "办公设备采购合同", "HT-2023-001", "公开招标", dt.datetime(2023, 2, 1), 12.5, "张某", ""],
            [2, "物业服务合同", "HT-2023-002", "竞争性磋商", dt.datetime(2023, 3, 1), 30, "李某",
             "补签廉洁协议"]]
    return book(path, Sheet("合同台账", rows, (across(1, 8),)))


def procurement_list(path: Path) -> Path:
    """Not a ledger: a procurement list naming no field of a ledger."""
    rows = [["物资采购明细"], ["品名", "规格", "数量", "单价", "供应商"],
            ["打印纸", "A4", 20, 25, "某文具店"], ["墨盒", "黑色", 5, 180, "某文具店"]]
    return book(path, Sheet("采购", rows))


def codeless_board(path: Path) -> Path:
    """A message board exported without codes: 序号, 留言时间, 留言内容, 回复单位, 回复内容."""
    rows = [["序号", "留言时间", "留言人", "留言内容", "回复单位", "回复内容"],
            [1, "2023-07-01", "网友甲", "工地夜间施工噪声大", "县住建局", "已协调调整施工时间"],
            [2, "2023-07-03", "网友乙", "河边有人倾倒垃圾", "城关镇人民政府", "已清理并加强巡查"]]
    return book(path, Sheet("留言", rows))
