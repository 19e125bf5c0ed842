"""预约服务日程: one staff member's appointments for a day, as an A4 landscape table."""

from __future__ import annotations

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from .documents import StaffSchedule
from .layout import DocumentRenderer, Margins
from .masking import mask_name, mask_phone
from .text import cn_date, cn_weekday, hm


class StaffScheduleRenderer(DocumentRenderer[StaffSchedule]):
    """Citizens' names and phones are masked: the paper travels with the staff member."""

    title = "预约服务日程"
    pagesize = landscape(A4)
    margins = Margins(left=15 * mm, right=15 * mm, top=22 * mm, bottom=20 * mm)

    def story(self, doc: StaffSchedule) -> list[Flowable]:
        subtitle = (
            f"{doc.staff_name}（工号 {doc.staff_no}）　{cn_date(doc.day)} {cn_weekday(doc.day)}"
            f"　共 {len(doc.entries)} 项"
        )
        story: list[Flowable] = [self.heading(self.title, subtitle=subtitle)]
        if not doc.entries:
            return [*story, self.para("当日没有预约。", "centre")]
        rows = [
            (
                f"{hm(e.start)}—{hm(e.end)}",
                e.kind,
                e.appointment_no or "—",
                mask_name(e.citizen_name),
                e.address,
                mask_phone(e.phone) if e.phone else "—",
                e.item_name,
                e.note,
            )
            for e in sorted(doc.entries, key=lambda e: (e.start, e.end))
        ]
        return [
            *story,
            self.list_table(
                ("时间", "类型", "预约编号", "预约人", "地址", "电话", "办理事项", "备注"),
                rows,
                (28, 16, 36, 16, 52, 28, 48, 43),
                centred_columns=(0, 1, 3),
            ),
            self.gap(3 * mm),
            self.para(
                "预约人姓名、电话已作脱敏处理，完整信息请在系统中查看；服务完成后请及时在系统中办结。",
                "note",
            ),
        ]
