"""A5 cards: 指路牌 (referral), 答复卡 (escalation reply) and 预约服务单 (appointment)."""

from __future__ import annotations

from typing import TypeVar

from reportlab.lib.pagesizes import A5
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Table

from .documents import AppointmentSlip, ReferralSlip, ReplyCard
from .layout import ACCENT_HEX, RULE, DocumentRenderer, Margins
from .masking import mask_id, mask_phone
from .qr import QRCodeFlowable
from .text import cn_date, cn_weekday, esc, hm

A5_MARGINS = Margins(left=12 * mm, right=12 * mm, top=20 * mm, bottom=19 * mm)

# What the "办不成事" desk does with each class of matter (the seed's tracking rules).
ESCALATION_HANDLING = {
    "不能办": "依法依规作出解释说明，并引导您通过合法途径办理。",
    "很难办": "协调容缺受理，并全程跟踪辅导直至办结。",
    "不给办·拖着办": "责令相关窗口立即办理，并依规追究相关人员责任。",
    "特殊办": "协调安排提前办、延时办、上门办或节假日办等特殊时间办理。",
}


C = TypeVar("C", ReferralSlip, ReplyCard, AppointmentSlip)


class CardRenderer(DocumentRenderer[C]):
    """A5 portrait, slightly smaller type."""

    pagesize = A5
    margins = A5_MARGINS
    base_font_size = 10
    qr_size = 30 * mm


class ReferralSlipRenderer(CardRenderer[ReferralSlip]):
    """指路牌: where to go, whom to find, what to bring, how to do it."""

    title = "指路牌"

    def story(self, doc: ReferralSlip) -> list[Flowable]:
        whom = f"{doc.citizen_name}：" if doc.citizen_name else ""
        story: list[Flowable] = [
            self.heading(self.title),
            self.markup(
                f"{esc(whom)}您咨询的“{esc(doc.matter)}”不在本窗口办理，请按以下指引前往：",
                "indent",
            ),
            self.destination(f"{doc.floor} · {doc.counter}"),
            self.fields(
                [
                    [("前往部门", doc.department)],
                    [("办理窗口", doc.counter), ("楼层", doc.floor)],
                    [("地址", doc.address)],
                    [("联系人", doc.contact), ("电话", doc.phone)],
                    [("办公时间", doc.hours)],
                ],
                label_width=17 * mm,
            ),
        ]
        if doc.bring:
            story += [self.section("请携带"), *self.numbered(doc.bring)]
        if doc.steps:
            story += [self.section("办理步骤"), *self.numbered(doc.steps)]
        if doc.guide_url:
            story += [
                self.gap(3 * mm),
                KeepTogether(
                    [self.qr_beside(doc.guide_url, "扫码查看网上办事指南：", self.qr_size)]
                ),
            ]
        return story

    def destination(self, text: str) -> Table:
        """The one line a citizen looks for: where to walk to, large and boxed."""
        size = self.base_font_size * 1.5
        style = ParagraphStyle(
            "destination", self.styles["centre"], fontSize=size, leading=size * 1.3, spaceAfter=0
        )
        cell = Paragraph(f'请前往 <font color="{ACCENT_HEX}">{esc(text)}</font>', style)
        return self.table(
            [[cell]],
            [self.content_width],
            [
                ("BOX", (0, 0), (-1, -1), 1, RULE),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
            ],
            spaceAfter=3 * mm,
        )


class ReplyCardRenderer(CardRenderer[ReplyCard]):
    """答复卡: the matter is registered at the "办不成事" desk, with a promised reply date."""

    title = "答复卡"

    def story(self, doc: ReplyCard) -> list[Flowable]:
        citizen = doc.citizen
        phone = mask_phone(citizen.phone) if citizen.phone else "—"
        identity = [[("证件号码", mask_id(citizen.id_number))]] if citizen.id_number else []
        reply_by = f'<font color="{ACCENT_HEX}">{esc(cn_date(doc.reply_by))}</font>'
        return [
            self.heading(self.title, subtitle="“办不成事”反映窗口"),
            self.fields(
                [
                    [("受理编号", doc.escalation_no)],
                    [("反映人", citizen.name), ("联系电话", phone)],
                    *identity,
                    [("问题类别", doc.category)],
                    [("反映事项", doc.matter)],
                    [("承办人", doc.handler_name), ("承办电话", doc.handler_phone)],
                    [("答复期限", cn_date(doc.reply_by))],
                    [("处理方式", ESCALATION_HANDLING[doc.category])],
                ],
                label_width=17 * mm,
            ),
            self.gap(4 * mm),
            self.markup(
                f"您反映的事项已登记，由 {esc(doc.handler_name)} 负责跟踪办理，"
                f"我们将于 {reply_by} 前答复您。逾期未获答复的，请持本卡到"
                f"“办不成事”反映窗口（{esc(doc.desk_location)}）查询，"
                "或拨打页脚咨询电话。",
                "indent",
            ),
            self.gap(6 * mm),
            self.signatures(
                ["经办人签名：____________"],
                [f"{doc.header.hall_name}（盖章）", cn_date(doc.header.issued_at.date())],
            ),
        ]


class AppointmentSlipRenderer(CardRenderer[AppointmentSlip]):
    """预约服务单 with the signed QR the lobby scans at check-in."""

    title = "预约服务单"
    qr_size = 42 * mm

    def story(self, doc: AppointmentSlip) -> list[Flowable]:
        when = f"{cn_date(doc.day)}（{cn_weekday(doc.day)}）{hm(doc.start)}—{hm(doc.end)}"
        citizen = doc.citizen.name
        if doc.citizen.phone:
            citizen += f"（{mask_phone(doc.citizen.phone)}）"
        identity = [[("证件号码", mask_id(doc.citizen.id_number))]] if doc.citizen.id_number else []
        place_label = "上门地址" if doc.kind == "上门办" else "服务地点"
        story: list[Flowable] = [
            self.heading(self.title, subtitle=doc.kind),
            self.fields(
                [
                    [("预约编号", doc.appointment_no), ("服务类型", doc.kind)],
                    [("预约时间", when)],
                    [(place_label, doc.place)],
                    [("办理事项", doc.item_name)],
                    [("预约人", citizen)],
                    *identity,
                    [("服务人员", f"{doc.staff_name}　{doc.staff_phone}")],
                ],
                label_width=17 * mm,
            ),
        ]
        if doc.materials:
            story += [self.section("请携带材料"), *self.numbered(doc.materials)]
        story += [
            self.gap(3 * mm),
            KeepTogether(
                [
                    QRCodeFlowable(doc.qr_payload, self.qr_size),
                    self.para("签到二维码", "centre"),
                    self.para(doc.check_in_note, "centre"),
                ]
            ),
        ]
        return story
