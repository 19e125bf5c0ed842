"""The documents a case's outcome prints, as ``printing`` data: the mapping, nothing else.

受理 → one 受理通知书 per item; 容缺受理 → one 容缺受理告知书（明白纸, two copies with the
承诺书) per item with missing materials; 一次性告知 → one 一次性告知书（明白纸) per item;
指路 → the 指路牌; 转"办不成事"窗口 → the 答复卡; 特殊办 → the 预约服务单 with its signed QR;
咨询 and 办结 print nothing. Values are passed in full; the renderers mask ID and phone numbers.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from printing.documents import (
    AcceptanceNotice,
    DeficiencyNotice,
    Document,
    DocumentHeader,
    NoticeItem,
    OneTimeNotice,
    ReceivedMaterial,
    ReferralSlip,
)
from printing.documents import MissingMaterial as PrintedMissingMaterial
from yichuang.appointments import AppointmentBook
from yichuang.catalog import ServiceItem
from yichuang.errors import UnknownService
from yichuang.escalations import EscalationDesk
from yichuang.hall import HallDirectory
from yichuang.outcomes import (
    AcceptedDetails,
    DeficientDetails,
    EscalatedDetails,
    OneTimeNoticeDetails,
    ReferralDetails,
    ScheduledDetails,
)

if TYPE_CHECKING:
    from yichuang.cases import Case


def case_documents(
    case: Case,
    *,
    directory: HallDirectory,
    escalations: EscalationDesk,
    appointments: AppointmentBook,
    printed_by: str,
    counter: str,
    now: datetime,
) -> list[Document]:
    """The filled-in documents for a case that has an outcome."""
    clerk = printed_by
    hall = directory.hall()
    header = DocumentHeader(
        hall_name=hall.name,
        hall_phone=hall.phone,
        document_no=case.number,
        issued_at=now,
        clerk_no=clerk,
        counter=counter,
    )
    details = case.details
    items = {code: _item(directory, code) for code in case.item_codes}
    citizen = case.citizen.printed()
    accepted_on = (case.closed_at or now).date()
    if isinstance(details, AcceptedDetails):
        return [
            AcceptanceNotice(
                header=header,
                case_no=case.number,
                citizen=citizen,
                item_name=p.item_name,
                accepted_on=accepted_on,
                promised_on=p.promised_on,
                promised_working_days=p.working_days,
                materials=tuple(
                    ReceivedMaterial(m.name, m.form, m.copies)
                    for m in details.received
                    if m.item_code == p.item_code
                ),
                collect_place=details.collect_place,
                enquiry_phone=_enquiry_phone(directory, items[p.item_code]),
                department=_department_name(directory, items[p.item_code]),
            )
            for p in case.promises
        ]
    if isinstance(details, DeficientDetails):
        codes = list(dict.fromkeys(m.item_code for m in details.missing))
        assert case.materials_deadline is not None
        return [
            DeficiencyNotice(
                header=header,
                case_no=case.number,
                citizen=citizen,
                item_name=items[code].name,
                accepted_on=accepted_on,
                missing=tuple(
                    PrintedMissingMaterial(m.name, m.how_to_supply, m.standard)
                    for m in details.missing
                    if m.item_code == code
                ),
                deadline=case.materials_deadline,
                supply_place=details.supply_place,
                consequence=details.consequence,
                commitment=details.commitment,
            )
            for code in codes
        ]
    if isinstance(details, OneTimeNoticeDetails):
        codes = list(dict.fromkeys(p.item_code for p in details.problems))
        urls = {code: details.guide_url or items[code].guide_url for code in codes}
        return [
            OneTimeNotice(
                header=header,
                case_no=case.number,
                citizen=citizen,
                item_name=items[code].name,
                problems=tuple(
                    NoticeItem(p.material, p.problem, p.how_to_fix, p.standard, p.sample_form)
                    for p in details.problems
                    if p.item_code == code
                ),
                guide_url=urls[code],
                legal_basis=details.legal_basis,
                resubmit_place=details.resubmit_place,
            )
            for code in codes
        ]
    if isinstance(details, ReferralDetails):
        return [
            ReferralSlip(
                header=header,
                matter=details.matter,
                department=details.department,
                counter=details.counter,
                address=details.address,
                floor=details.floor,
                contact=details.contact,
                phone=details.phone,
                hours=details.hours,
                bring=details.bring,
                steps=details.steps,
                guide_url=details.guide_url,
                citizen_name=case.citizen.name,
            )
        ]
    if isinstance(details, EscalatedDetails) and case.escalation_no:
        return [
            escalations.reply_card(
                case.escalation_no, clerk, counter=counter, matter=details.description
            )
        ]
    if isinstance(details, ScheduledDetails) and case.appointment_no:
        return [appointments.slip(case.appointment_no, clerk, counter=counter)]
    return []


def _item(directory: HallDirectory, code: str) -> ServiceItem:
    item = directory.item(code)
    if item is None:
        raise UnknownService(code=code)
    return item


def _department_name(directory: HallDirectory, item: ServiceItem) -> str:
    dept = next((d for d in directory.departments() if d.code == item.department), None)
    return dept.name if dept else ""


def _enquiry_phone(directory: HallDirectory, item: ServiceItem) -> str:
    dept = next((d for d in directory.departments() if d.code == item.department), None)
    return item.phone or (dept.phone if dept else "") or directory.hall().phone
