"""取号凭条 on an 80 mm thermal roll: one page exactly as long as its content."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Table

from .documents import TicketSlip
from .layout import INK, DocumentRenderer, Heading, Margins, PageInfo
from .text import cn_datetime, esc

ROLL_WIDTH = 80 * mm


class TicketSlipRenderer(DocumentRenderer[TicketSlip]):
    """Everything is in the flow (a roll has no header band); the page height follows content."""

    title = "取号凭条"
    pagesize = (ROLL_WIDTH, 200 * mm)  # the height is recomputed per slip
    margins = Margins(left=4 * mm, right=4 * mm, top=5 * mm, bottom=6 * mm)
    base_font_size = 9.5

    def page_size(self, doc: TicketSlip, story: list[Flowable]) -> tuple[float, float]:
        height = 0.0
        for i, flowable in enumerate(story):
            height += flowable.wrap(self.content_width, 10_000)[1] + flowable.getSpaceAfter()
            if i:
                height += flowable.getSpaceBefore()
        return ROLL_WIDTH, height + self.margins.top + self.margins.bottom + 2 * mm

    def furnish(self, doc: TicketSlip, canvas: Canvas, page: PageInfo) -> None:
        pass

    def story(self, doc: TicketSlip) -> list[Flowable]:
        h = doc.header
        size = self.base_font_size
        story: list[Flowable] = [
            Heading(h.hall_name, self.font, size * 1.35, space_after=1 * mm),
            self.rule(1.5 * mm),
            self.para("您的号码", "centre"),
            Heading(doc.ticket_no, self.font, size * 4.6, space_after=1 * mm),
            Heading(doc.service_name, self.font, size * 1.3, space_after=2 * mm),
        ]
        markers = []
        if doc.green_channel:
            markers.append(("绿色通道 · 优先办理", True))
        if doc.appointment_no:
            markers.append((f"预约号 {doc.appointment_no}", False))
        for text, filled in markers:
            story.append(self.marker(text, filled))
        if doc.waiting_ahead > 0:
            waiting = f"您前面还有 {doc.waiting_ahead} 人等候"
            wait = f"预计等候约 {doc.estimated_wait_minutes} 分钟"
        else:
            waiting, wait = "您前面没有人等候", "请留意叫号，即将为您办理"
        story += [
            self.para(waiting, "centre"),
            self.para(wait, "centre"),
            self.rule(1.5 * mm),
            self.para(doc.notice, "note"),
            self.rule(1.5 * mm),
            self.para(f"取号时间：{cn_datetime(h.issued_at)}", "note"),
            self.para(f"凭条编号：{h.document_no}　取号点：{h.clerk_no}", "note"),
            self.para(f"咨询电话：{h.hall_phone}", "note"),
        ]
        return story

    def marker(self, text: str, filled: bool) -> Table:
        """A boxed marker; filled (white on black) for the green channel so it shows at a glance."""
        colour = ' color="white"' if filled else ""
        cell = self.markup(f"<font{colour}>{esc(text)}</font>", "centre")
        commands: list[tuple] = [
            ("BOX", (0, 0), (-1, -1), 1, INK),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
        ]
        if filled:
            commands.append(("BACKGROUND", (0, 0), (-1, -1), INK))
        return self.table(
            [[cell]], [self.content_width * 0.75], commands, hAlign="CENTER", spaceAfter=2 * mm
        )
