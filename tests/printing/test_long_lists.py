"""Long lists flow onto further pages with their header row repeated, nothing cut off."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import time

from printing import render, samples
from printing.documents import (
    MissingMaterial,
    NoticeItem,
    ReceivedMaterial,
    ScheduleEntry,
)

from .pdfcheck import page_texts


def test_forty_materials_flow_onto_a_second_page():
    materials = tuple(
        ReceivedMaterial(
            f"第{i}号申请材料：经营场所产权证明及租赁合同（含附件与补充协议）", "复印件"
        )
        for i in range(1, 41)
    )
    pages = page_texts(render(replace(samples.acceptance_notice(), materials=materials)))
    assert len(pages) >= 2
    assert "第40号申请材料" in pages[-1] or "第40号申请材料" in "".join(pages)
    assert all(f"第{i}号申请材料" in "".join(pages) for i in range(1, 41))
    assert "材料名称" in pages[1]  # the header row repeats
    assert f"第{len(pages)}/{len(pages)}页" in pages[-1]


def test_forty_problems_on_a_one_time_notice():
    problems = tuple(
        NoticeItem(f"材料{i}", f"问题描述{i}，" * 3, f"补正方法{i}", f"标准{i}", f"样表{i}")
        for i in range(1, 41)
    )
    pages = page_texts(render(replace(samples.one_time_notice(), problems=problems)))
    assert len(pages) >= 2
    assert "样表40" in "".join(pages)
    assert "（共40项）" in pages[0]


def test_deficiency_copies_each_start_on_a_new_page_and_count_their_own_pages():
    missing = tuple(
        MissingMaterial(f"容缺材料{i}", "补交原件一份", "加盖公章，在有效期内" * 2)
        for i in range(1, 31)
    )
    pages = page_texts(render(replace(samples.deficiency_notice(), missing=missing)))
    first = [p for p in pages if "第一联申请人留存" in p]
    second = [p for p in pages if "第二联窗口存档" in p]
    assert len(first) >= 2 and len(first) == len(second)
    assert pages == first + second
    for copy in (first, second):
        assert copy[0].startswith("容缺受理告知书（明白纸）")
        assert "容缺材料30" in "".join(copy)
        numbers = [re.search(r"第(\d+)/(\d+)页", p).groups() for p in copy]
        assert numbers == [(str(i), str(len(copy))) for i in range(1, len(copy) + 1)]


def test_a_busy_schedule_repeats_its_header_row():
    entries = tuple(
        ScheduleEntry(
            time(8 + i // 6, (i % 6) * 10),
            time(8 + i // 6, (i % 6) * 10 + 9),
            "上门办",
            f"居民{i:02d}号",
            f"武侯区玉林北路{i}号",
            "13611112222",
            "高龄津贴申领",
        )
        for i in range(60)
    )
    pages = page_texts(render(replace(samples.staff_schedule(), entries=entries)))
    assert len(pages) >= 2
    assert all("办理事项" in p for p in pages)
    assert "武侯区玉林北路59号" in pages[-1]


def test_a_long_referral_flows_onto_a_second_a5_page():
    bring = tuple(f"需携带的第{i}项材料原件及复印件" for i in range(1, 41))
    pages = page_texts(render(replace(samples.referral_slip(), bring=bring)))
    assert len(pages) >= 2
    assert "第40项材料" in pages[-1] or "第40项材料" in "".join(pages)
