"""The printed documents as plain, frozen data.

The core maps its cases, tickets, appointments and escalations onto these classes; the
renderers turn them into PDF bytes. Fields hold what the core knows, in full: citizen ID and
phone numbers are stored unmasked here and masked by the renderers (see ``masking``), so the
privacy rule lives in one place. Every document carries a ``DocumentHeader`` whose contents
appear on every printed page.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

ESCALATION_CATEGORIES = ("不能办", "很难办", "不给办·拖着办", "特殊办")
APPOINTMENT_KINDS = ("提前办", "延时办", "上门办", "节假日办")

DEFAULT_TICKET_NOTICE = "请留意叫号屏幕和语音提示；过号请到导办台重新取号。本号当日有效。"
DEFAULT_DEFICIENCY_CONSEQUENCE = (
    "逾期未补齐容缺材料的，视为申请人放弃申请，本事项终止办理，已收取的材料退还申请人。"
)
DEFAULT_COMMITMENT = (
    "本人（单位）已知晓上述容缺材料的名称、补交方式、标准要求和补交期限，承诺在期限内补齐，"
    "并对所提交材料的真实性、合法性负责。如逾期未补齐，同意本事项终止办理，"
    "由此产生的后果由本人（单位）承担。"
)
DEFAULT_LEGAL_BASIS = "《中华人民共和国行政许可法》第三十二条"
DEFAULT_CHECK_IN_NOTE = "请携带本单或手机拍照，按预约时间到场，在导办台扫描二维码签到。"


@dataclass(frozen=True)
class DocumentHeader:
    """What every page shows: the hall, the document number, when and by whom it was issued."""

    hall_name: str
    hall_phone: str
    document_no: str
    issued_at: datetime
    clerk_no: str  # staff number (工号) of the clerk or guide who printed it
    counter: str = ""  # e.g. "3号窗口"; empty at the kiosk


@dataclass(frozen=True)
class Citizen:
    """The applicant, a person or an enterprise. ID and phone in full; renderers mask them."""

    name: str
    id_number: str = ""
    phone: str = ""
    credit_code: str = ""  # 统一社会信用代码, public, printed unmasked


@dataclass(frozen=True)
class TicketSlip:
    """取号凭条 on an 80 mm roll."""

    header: DocumentHeader
    ticket_no: str
    service_name: str
    waiting_ahead: int
    estimated_wait_minutes: int
    notice: str = DEFAULT_TICKET_NOTICE
    green_channel: bool = False
    appointment_no: str = ""  # non-empty: the ticket comes from a checked-in appointment


@dataclass(frozen=True)
class ReceivedMaterial:
    """One material taken in at acceptance."""

    name: str
    form: str = "原件"  # 原件 / 复印件 / 原件及复印件 / 电子件
    copies: int = 1


@dataclass(frozen=True)
class AcceptanceNotice:
    """受理通知书 (A4): accepted, to be completed within the promised working days."""

    header: DocumentHeader
    case_no: str
    citizen: Citizen
    item_name: str
    accepted_on: date
    promised_on: date
    promised_working_days: int
    materials: tuple[ReceivedMaterial, ...]
    collect_place: str
    enquiry_phone: str
    department: str = ""


@dataclass(frozen=True)
class MissingMaterial:
    """A material allowed to follow later (容缺后补)."""

    name: str
    how_to_supply: str
    standard: str


@dataclass(frozen=True)
class DeficiencyNotice:
    """容缺受理告知书（明白纸） (A4, two copies): accepted now, these materials to follow."""

    header: DocumentHeader
    case_no: str
    citizen: Citizen
    item_name: str
    accepted_on: date
    missing: tuple[MissingMaterial, ...]
    deadline: date
    supply_place: str = ""
    consequence: str = DEFAULT_DEFICIENCY_CONSEQUENCE
    commitment: str = DEFAULT_COMMITMENT


@dataclass(frozen=True)
class NoticeItem:
    """One missing or wrong item on a one-time notice."""

    material: str
    problem: str
    how_to_fix: str
    standard: str
    sample_form: str = ""  # name of the sample form (样表) the hall provides, if any


@dataclass(frozen=True)
class OneTimeNotice:
    """一次性告知书（明白纸） (A4): every missing or wrong item, told at once."""

    header: DocumentHeader
    case_no: str
    citizen: Citizen
    item_name: str
    problems: tuple[NoticeItem, ...]
    guide_url: str
    legal_basis: str = DEFAULT_LEGAL_BASIS
    resubmit_place: str = ""


@dataclass(frozen=True)
class ReferralSlip:
    """指路牌 (A5): not this counter's remit; where to go and how to do it."""

    header: DocumentHeader
    matter: str
    department: str
    counter: str
    address: str
    floor: str
    contact: str  # whom to find
    phone: str
    hours: str
    bring: tuple[str, ...] = ()
    steps: tuple[str, ...] = ()
    guide_url: str = ""
    citizen_name: str = ""


@dataclass(frozen=True)
class ReplyCard:
    """答复卡 (A5): the matter went to the "办不成事" desk; who answers, and by when."""

    header: DocumentHeader
    escalation_no: str
    category: str  # one of ESCALATION_CATEGORIES
    citizen: Citizen
    matter: str
    handler_name: str
    handler_phone: str
    reply_by: date
    desk_location: str

    def __post_init__(self) -> None:
        if self.category not in ESCALATION_CATEGORIES:
            raise ValueError(f"unknown escalation category {self.category!r}")


@dataclass(frozen=True)
class AppointmentSlip:
    """预约服务单 (A5) with the core's signed QR payload, scanned back at check-in."""

    header: DocumentHeader
    appointment_no: str
    kind: str  # one of APPOINTMENT_KINDS
    day: date
    start: time
    end: time
    place: str  # the hall counter, or the citizen's address for 上门办
    citizen: Citizen
    item_name: str
    staff_name: str
    staff_phone: str
    qr_payload: str
    materials: tuple[str, ...] = ()
    check_in_note: str = DEFAULT_CHECK_IN_NOTE

    def __post_init__(self) -> None:
        if self.kind not in APPOINTMENT_KINDS:
            raise ValueError(f"unknown appointment kind {self.kind!r}")
        if not self.qr_payload:
            raise ValueError("an appointment slip needs its QR payload")


@dataclass(frozen=True)
class ScheduleEntry:
    """One appointment in a staff member's day. Name and phone in full; the renderer masks."""

    start: time
    end: time
    kind: str
    citizen_name: str
    address: str
    phone: str
    item_name: str
    note: str = ""
    appointment_no: str = ""


@dataclass(frozen=True)
class StaffSchedule:
    """预约服务日程 (A4 landscape): one staff member's appointments for a day."""

    header: DocumentHeader
    staff_name: str
    staff_no: str
    day: date
    entries: tuple[ScheduleEntry, ...] = ()


Document = (
    TicketSlip
    | AcceptanceNotice
    | DeficiencyNotice
    | OneTimeNotice
    | ReferralSlip
    | ReplyCard
    | AppointmentSlip
    | StaffSchedule
)
