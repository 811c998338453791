"""Fill-back into a template with no problem-text column: codes alone agree by chance, so such a
template is matched by its round and code. Its round is the one its rows were imported from (the
import batches of the same template), else the round remembered for the template, else the round
its title names. A template whose title names another of the register's rounds, another 第N轮, or
another county than the office's (设置 → 填报单位) is refused, as is one whose round cannot be told.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlite_utils import Database

from db.settings import get_setting
from db.templates import load_template
from desktop.core.text import squash_spaces
from desktop.ledger.reading.ledger import LedgerReading

_NTH_ROUND = re.compile(r"第([一二三四五六七八九十\d]+)轮")
_PLACE = re.compile(r"([^市州盟省]{2,6}?(?:自治县|县|区|旗))")           # the office's county
_COUNTY_IN_TITLE = re.compile(          # a county or district named (not 全县, 开发区, 县级 …)
    r"(?:(?<![全本各我该])(?:县|旗)|(?<![全本各我该发园城景辖片小山库社林矿护能范业])区)"
    r"(?![级委直属域])")


@dataclass(frozen=True)
class TemplateRound:
    round_id: int | None
    name: str = ""
    by: str = ""              # 导入记录 / 模板记忆 / 标题
    refused: str = ""


def _by_batches(db: Database, reading: LedgerReading) -> int | None:
    found = db.execute("SELECT p.round_id, count(*) n FROM problems p JOIN import_batches b ON"
                       " b.id = p.batch_id WHERE b.template_key = ? GROUP BY p.round_id"
                       " ORDER BY n DESC LIMIT 1", [reading.template_key]).fetchone()
    return found[0] if found else None


def _named_in_title(names: dict[int, str], title: str) -> list[int]:
    """The rounds whose names the title holds, longest name first."""
    held = [rid for rid, name in names.items() if squash_spaces(name) and
            squash_spaces(name) in title]
    return sorted(held, key=lambda rid: -len(names[rid]))


def template_round(db: Database, reading: LedgerReading, file_name: str) -> TemplateRound:
    names = dict(db.execute("SELECT id, name FROM rounds").fetchall())
    by_name = {n: i for i, n in names.items()}
    title = squash_spaces(reading.layout.title or "")
    in_title = _named_in_title(names, title)
    saved = (load_template(db, reading.template_key) or {}).get("round")
    for rid, by in ((_by_batches(db, reading), "导入记录"), (by_name.get(saved), "模板记忆"),
                    (in_title[0] if in_title else None, "标题")):
        if rid is not None:
            refused = _title_refusal(db, title, names[rid], names, in_title, file_name)
            return TemplateRound(rid, names[rid], by, refused)
    return TemplateRound(None, refused=(
        f"“{file_name}”没有问题内容列（如“问题描述”“问题名称”），无法核对各行是不是本台账的问题；"
        "它也不是从本台账导入过的表格，标题中也没有本台账的批次名称，未回填任何内容。"
        "请先导入该表格，或在标题中写明批次。"))


def _title_refusal(db: Database, title: str, chosen: str, names: dict[int, str],
                   in_title: list[int], file_name: str) -> str:
    others = [names[r] for r in in_title if names[r] != chosen and names[r] not in chosen]
    nth, chosen_nth = _NTH_ROUND.findall(title), _NTH_ROUND.findall(chosen)
    if others or (nth and chosen_nth and not set(nth) & set(chosen_nth)):
        named = others[0] if others else f"第{nth[0]}轮"
        return (f"“{file_name}”的标题“{title}”写的是“{named}”，而它的各行对应本台账的批次"
                f"“{chosen}”；表中没有问题内容列无法核对，未回填任何内容。")
    office = _PLACE.search(squash_spaces(str(get_setting(db, "office_name") or "")))
    if office and _COUNTY_IN_TITLE.search(title) and office.group(1) not in title:
        return (f"“{file_name}”的标题“{title}”不是本县（{office.group(1)}）的表格；表中没有问题"
                "内容列无法核对，未回填任何内容。")
    return ""


def unchecked_warning(found: TemplateRound) -> str:
    how = {"导入记录": "按它导入时所在的批次", "模板记忆": "按该模板记住的批次",
           "标题": "按标题中的批次"}[found.by]
    return (f"上级表格没有问题内容列，未能核对问题内容：{how}“{found.name}”和问题编号对应回填，"
            "请核对回填结果。")
