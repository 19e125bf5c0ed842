"""A4 notices handed over at the counter: 受理通知书 and the two "明白纸"."""

from __future__ import annotations

from typing import TypeVar

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Table

from .documents import AcceptanceNotice, Citizen, DeficiencyNotice, OneTimeNotice
from .layout import ACCENT_HEX, CopyStart, DocumentRenderer
from .masking import credit_code, mask_id, mask_phone
from .text import blank_date, cn_date, esc

N = TypeVar("N", AcceptanceNotice, DeficiencyNotice, OneTimeNotice)


class CaseNoticeRenderer(DocumentRenderer[N]):
    """Shared parts of the notices about one case: the applicant block and the hall's seal."""

    def applicant_rows(self, case_no: str, citizen: Citizen) -> list[list[tuple[str, str]]]:
        rows = [[("办件编号", case_no), ("申请人", citizen.name)]]
        second: list[tuple[str, str]] = []
        if citizen.credit_code:
            second.append(("统一社会信用代码", credit_code(citizen.credit_code)))
        if citizen.id_number:
            second.append(("证件号码", mask_id(citizen.id_number)))
        if citizen.phone:
            second.append(("联系电话", mask_phone(citizen.phone)))
        rows += [second[i : i + 2] for i in range(0, len(second), 2)]
        return rows

    def seal(self, doc: N, citizen_signs: str = "申请人（签收）：") -> Table:
        header = self.header_of(doc)
        return self.signatures(
            [f"{citizen_signs}________________", f"日期：{blank_date()}"],
            [f"{header.hall_name}（盖章）", cn_date(header.issued_at.date())],
        )

    def highlight(self, xml: str) -> str:
        return f'<font color="{ACCENT_HEX}">{xml}</font>'


class AcceptanceNoticeRenderer(CaseNoticeRenderer[AcceptanceNotice]):
    """受理通知书: accepted, with the promised completion date in working days."""

    title = "受理通知书"

    def story(self, doc: AcceptanceNotice) -> list[Flowable]:
        rows = self.applicant_rows(doc.case_no, doc.citizen)
        rows.append([("申请事项", doc.item_name)])
        if doc.department:
            rows.append([("承办部门", doc.department)])
        rows.append(
            [
                ("受理日期", cn_date(doc.accepted_on)),
                ("承诺时限", f"{doc.promised_working_days} 个工作日"),
            ]
        )
        promised = self.highlight(esc(cn_date(doc.promised_on)))
        materials = [
            (str(i), m.name, m.form, str(m.copies)) for i, m in enumerate(doc.materials, 1)
        ]
        return [
            self.heading(self.title),
            self.fields(rows),
            self.gap(4 * mm),
            self.para(f"{doc.citizen.name}："),
            self.markup(
                f"您（单位）申请办理的“{esc(doc.item_name)}”事项，申请材料齐全、符合法定形式，"
                f"本中心已于 {esc(cn_date(doc.accepted_on))} 予以受理。"
                f"承诺办结时限为 {doc.promised_working_days} 个工作日（自受理次日起计算，"
                f"法定节假日除外），预计于 {promised} 前办结。",
                "indent",
            ),
            self.section("已收取的申请材料"),
            self.list_table(
                ("序号", "材料名称", "形式", "份数"), materials, (12, 110, 32, 18), (0, 2, 3)
            ),
            self.section("结果领取"),
            self.fields([[("领取地点", doc.collect_place)], [("咨询电话", doc.enquiry_phone)]]),
            self.gap(2 * mm),
            *self.numbered(
                (
                    "请妥善保管本通知书，领取办理结果时请出示本通知书和有效身份证件。",
                    "办理进度可凭办件编号拨打咨询电话查询。",
                    "本通知书仅证明申请已被受理，不作为准予行政许可的凭证。",
                ),
                "note",
            ),
            self.gap(6 * mm),
            KeepTogether([self.seal(doc)]),
        ]


class DeficiencyNoticeRenderer(CaseNoticeRenderer[DeficiencyNotice]):
    """容缺受理告知书（明白纸）, two copies: the applicant keeps one, the counter files one."""

    title = "容缺受理告知书（明白纸）"
    copies = ("第一联 申请人留存", "第二联 窗口存档")

    def story(self, doc: DeficiencyNotice) -> list[Flowable]:
        story: list[Flowable] = []
        for i, label in enumerate(self.copies):
            if i:
                story.append(PageBreak())
            story += [CopyStart(label), *self.one_copy(doc, label)]
        return story

    def one_copy(self, doc: DeficiencyNotice, label: str) -> list[Flowable]:
        rows = self.applicant_rows(doc.case_no, doc.citizen)
        rows.append([("申请事项", doc.item_name)])
        rows.append([("受理日期", cn_date(doc.accepted_on)), ("补交期限", cn_date(doc.deadline))])
        if doc.supply_place:
            rows.append([("补交地点", doc.supply_place)])
        missing = [
            (str(i), m.name, m.how_to_supply, m.standard) for i, m in enumerate(doc.missing, 1)
        ]
        deadline = self.highlight(esc(cn_date(doc.deadline)))
        return [
            self.heading(self.title, subtitle=label),
            self.fields(rows),
            self.gap(4 * mm),
            self.para(f"{doc.citizen.name}："),
            self.markup(
                f"您（单位）申请办理的“{esc(doc.item_name)}”事项，主要申请材料齐全，"
                f"经审查符合容缺受理条件，本中心已于 {esc(cn_date(doc.accepted_on))} 予以容缺受理。"
                f"以下 {len(doc.missing)} 项容缺材料请于 {deadline} 前补齐：",
                "indent",
            ),
            self.list_table(
                ("序号", "容缺材料", "补交方式", "标准要求"), missing, (12, 45, 55, 62)
            ),
            self.gap(2 * mm),
            self.markup(f"逾期后果：{self.highlight(esc(doc.consequence))}"),
            KeepTogether(
                [
                    self.section("申请人承诺书"),
                    self.para(doc.commitment, "indent"),
                    self.gap(4 * mm),
                    self.seal(doc, citizen_signs="承诺人（签名或盖章）："),
                ]
            ),
        ]


class OneTimeNoticeRenderer(CaseNoticeRenderer[OneTimeNotice]):
    """一次性告知书（明白纸）: every missing or wrong item at once, with the online guide's QR."""

    title = "一次性告知书（明白纸）"
    qr_size = 32 * mm

    def story(self, doc: OneTimeNotice) -> list[Flowable]:
        rows = self.applicant_rows(doc.case_no, doc.citizen)
        rows.append([("申请事项", doc.item_name)])
        problems = [
            (str(i), p.material, p.problem, p.how_to_fix, p.standard, p.sample_form or "—")
            for i, p in enumerate(doc.problems, 1)
        ]
        resubmit = f"到{esc(doc.resubmit_place)}" if doc.resubmit_place else ""
        return [
            self.heading(self.title),
            self.fields(rows),
            self.gap(4 * mm),
            self.para(f"{doc.citizen.name}："),
            self.markup(
                f"您（单位）申请办理的“{esc(doc.item_name)}”事项，经审查，申请材料不齐全或者"
                f"不符合法定形式。根据{esc(doc.legal_basis)}的规定，现将需要补正的全部内容"
                f"（共 {len(doc.problems)} 项）一次性告知如下：",
                "indent",
            ),
            self.list_table(
                ("序号", "材料名称", "存在问题", "补正方法", "标准要求", "样表"),
                problems,
                (11, 28, 34, 36, 38, 26),
            ),
            self.gap(2 * mm),
            self.markup(
                f"请按上述要求补正后{resubmit}重新提交申请。本告知书已列明全部需补正内容，"
                "窗口不会在此之外再提出新的补正要求；对告知内容有疑问的，可拨打页脚咨询电话"
                "或到“办不成事”反映窗口反映。",
                "indent",
            ),
            self.markup(f"法律依据：{esc(doc.legal_basis)}", "note"),
            KeepTogether(
                [
                    self.qr_beside(
                        doc.guide_url, "扫码查看网上办事指南、样表和填写示范：", self.qr_size
                    ),
                    self.gap(5 * mm),
                    self.seal(doc),
                ]
            ),
        ]
