"""Case entry (办件登记): every contact ends in exactly one outcome (窗口无否决权).

A clerk opens a case when serving a ticket, or without one for a phone or walk-up consultation:
the citizen (a person or an enterprise, numbers checked as they are entered), the service
item(s), consultation or business. Closing it needs one ``Outcome`` and that outcome's details;
the core refuses a close without an outcome or with a required field empty, naming the field.
There is no reject outcome: what is not done now is accepted, accepted with deficiency, told
once, referred, escalated or scheduled, each with the document that tells the citizen what
happens next (``documents_for``).

- 受理 (ACCEPTED): the promised completion date is computed per item from its promised time
  limit in working days, counted from the next working day over the hall's calendar.
- 容缺受理 (ACCEPTED_DEFICIENT): only materials the catalog marks 容缺后补 may be missing; the
  deadline to bring them may not pass the promised date. The case waits for the materials
  (``CaseStatus.AWAITING_MATERIALS``) until ``materials_received``; past the deadline it is
  flagged overdue.
- 转"办不成事"窗口 (ESCALATED) registers an escalation (``EscalationDesk``); 特殊办 (SCHEDULED)
  books an appointment (``AppointmentBook``), both in the same transaction as the close.

The first clerk stays responsible (首问负责): only they may reopen the case. Every step lands in
the case's timeline (who, what, when) and in the hall's event log (numbers only).

The outcomes and their details classes live in ``outcomes`` (re-exported here), the mapping
onto printed documents in ``casedocs``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from peewee import JOIN, fn

from printing.documents import DEFAULT_LEGAL_BASIS, Document
from yichuang.appointments import (
    Appointment,
    AppointmentBook,
    AppointmentKind,
    AppointmentRequest,
    AppointmentStatus,
)
from yichuang.casedocs import case_documents
from yichuang.catalog import Handling, Material, Necessity, ServiceItem
from yichuang.citizens import CITIZEN_KIND_NAMES, Citizen, CitizenKind
from yichuang.db import Store
from yichuang.errors import (
    CaseNotFound,
    DeadlineInPast,
    DeadlineTooLate,
    InvalidCaseState,
    ItemNotInCase,
    MaterialNotDeferrable,
    MissingField,
    NotFirstClerk,
    OutcomeRequired,
    UnknownService,
    UnknownStaff,
)
from yichuang.escalations import EscalationDesk, EscalationStatus
from yichuang.hall import HallDirectory
from yichuang.i18n import QT_TRANSLATE_NOOP
from yichuang.idcheck import IdType
from yichuang.models import CaseEventRow, CaseRow, CounterRow, EventRow, StaffRow
from yichuang.outcomes import (
    DEFAULT_HOW_TO_SUPPLY,
    DETAILS_TYPES,
    NEEDS_IDENTITY,
    NEEDS_ITEM,
    NEEDS_NAME,
    NEEDS_PHONE,
    OUTCOME_DOCUMENTS,
    OUTCOME_NAMES,
    AcceptedDetails,
    CompletedDetails,
    ConsultedDetails,
    DeferredMaterial,
    DeficientDetails,
    EscalatedDetails,
    MaterialReceipt,
    NoticeProblem,
    OneTimeNoticeDetails,
    Outcome,
    OutcomeDetails,
    ReferralDetails,
    ScheduledDetails,
    from_json,
    to_json,
)
from yichuang.queue import Clock, QueueEngine, Ticket
from yichuang.workcalendar import WorkCalendar

__all__ = [
    "CASE_ACTION_NAMES",
    "CASE_CHANNEL_NAMES",
    "CASE_KIND_NAMES",
    "CASE_STATUS_NAMES",
    "CITIZEN_KIND_NAMES",
    "OUTCOME_DOCUMENTS",
    "OUTCOME_NAMES",
    "AcceptedDetails",
    "Case",
    "CaseAction",
    "CaseBook",
    "CaseChannel",
    "CaseDraft",
    "CaseKind",
    "CaseStatus",
    "Citizen",
    "CitizenKind",
    "CompletedDetails",
    "ConsultedDetails",
    "DeferredMaterial",
    "DeficientDetails",
    "EscalatedDetails",
    "IdType",
    "ItemPromise",
    "MaterialReceipt",
    "NoticeProblem",
    "OneTimeNoticeDetails",
    "Outcome",
    "OutcomeDetails",
    "ReferralDetails",
    "ScheduledDetails",
    "TimelineEntry",
]


# ---- vocabulary ---------------------------------------------------------------------------------


class CaseKind(StrEnum):
    CONSULTATION = "consultation"
    BUSINESS = "business"


CASE_KIND_NAMES = {
    CaseKind.CONSULTATION: QT_TRANSLATE_NOOP("case", "咨询"),
    CaseKind.BUSINESS: QT_TRANSLATE_NOOP("case", "业务办理"),
}


class CaseChannel(StrEnum):
    TICKET = "ticket"  # served from the queue
    PHONE = "phone"  # phone consultation
    WALK_IN = "walk_in"  # at the counter without a ticket


CASE_CHANNEL_NAMES = {
    CaseChannel.TICKET: QT_TRANSLATE_NOOP("case", "排队取号"),
    CaseChannel.PHONE: QT_TRANSLATE_NOOP("case", "电话咨询"),
    CaseChannel.WALK_IN: QT_TRANSLATE_NOOP("case", "现场"),
}


class CaseStatus(StrEnum):
    OPEN = "open"  # registered, no outcome yet
    AWAITING_MATERIALS = "awaiting_materials"  # 容缺受理: materials to follow
    CLOSED = "closed"  # outcome recorded


CASE_STATUS_NAMES = {
    CaseStatus.OPEN: QT_TRANSLATE_NOOP("case", "办理中"),
    CaseStatus.AWAITING_MATERIALS: QT_TRANSLATE_NOOP("case", "待补材料"),
    CaseStatus.CLOSED: QT_TRANSLATE_NOOP("case", "已出结果"),
}


class CaseAction(StrEnum):
    OPENED = "opened"
    UPDATED = "updated"
    CLOSED = "closed"
    MATERIALS_RECEIVED = "materials_received"
    REOPENED = "reopened"
    NOTE = "note"
    PRINTED = "printed"


CASE_ACTION_NAMES = {
    CaseAction.OPENED: QT_TRANSLATE_NOOP("case", "登记"),
    CaseAction.UPDATED: QT_TRANSLATE_NOOP("case", "修改登记信息"),
    CaseAction.CLOSED: QT_TRANSLATE_NOOP("case", "办理结果"),
    CaseAction.MATERIALS_RECEIVED: QT_TRANSLATE_NOOP("case", "容缺材料补齐"),
    CaseAction.REOPENED: QT_TRANSLATE_NOOP("case", "重新打开"),
    CaseAction.NOTE: QT_TRANSLATE_NOOP("case", "备注"),
    CaseAction.PRINTED: QT_TRANSLATE_NOOP("case", "打印文书"),
}


# ---- read model -------------------------------------------------------------------------------


@dataclass(frozen=True)
class ItemPromise:
    item_code: str
    item_name: str
    working_days: int
    promised_on: date


@dataclass(frozen=True)
class TimelineEntry:
    at: datetime
    staff_number: str | None
    staff_name: str
    action: CaseAction
    summary: str  # one line in Chinese, e.g. "办理结果：受理，承诺 2026年3月5日 前办结"
    detail: dict[str, Any]


@dataclass(frozen=True)
class CaseDraft:
    """What is known when a case is opened."""

    clerk: str  # staff number; becomes the first clerk (首问责任人)
    citizen: Citizen = field(default_factory=Citizen)
    item_codes: tuple[str, ...] = ()
    kind: CaseKind = CaseKind.BUSINESS
    ticket: Ticket | None = None
    channel: CaseChannel | None = None  # default: TICKET with a ticket, WALK_IN without
    counter: int | None = None  # default: the ticket's counter


@dataclass(frozen=True)
class Case:
    number: str
    business_date: date
    kind: CaseKind
    channel: CaseChannel
    status: CaseStatus
    outcome: Outcome | None
    details: OutcomeDetails | None  # as stored: catalog defaults filled in
    citizen: Citizen
    item_codes: tuple[str, ...]
    item_names: tuple[str, ...]
    ticket_number: str | None
    counter_number: int | None
    first_clerk: str
    first_clerk_name: str
    opened_at: datetime
    closed_at: datetime | None
    closed_by: str | None
    promises: tuple[ItemPromise, ...]  # 受理 / 容缺受理: per item
    promised_on: date | None  # the latest promised date
    materials_deadline: date | None
    materials_received_at: datetime | None
    materials_overdue: bool  # awaiting materials after the deadline
    escalation_no: str | None
    appointment_no: str | None
    timeline: tuple[TimelineEntry, ...]

    @property
    def status_name(self) -> str:
        return CASE_STATUS_NAMES[self.status]

    @property
    def outcome_name(self) -> str:
        return OUTCOME_NAMES[self.outcome] if self.outcome else ""


# ---- the service ---------------------------------------------------------------------------------


def format_case_no(day: date, seq: int) -> str:
    return f"YC{day:%Y%m%d}-{seq:04d}"


def _cn_date(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def _missing(label: str, label_en: str) -> MissingField:
    return MissingField(field=label, field_en=label_en)


def _material_form(m: Material) -> tuple[str, int]:
    if m.originals and m.copies:
        return "原件及复印件", m.copies
    if m.copies:
        return "复印件", m.copies
    return "原件", max(1, m.originals)


class CaseBook:
    """Opening, closing, reopening cases; their timeline; the documents each outcome prints."""

    def __init__(
        self,
        store: Store,
        directory: HallDirectory,
        calendar: WorkCalendar,
        clock: Clock = datetime.now,
        *,
        escalations: EscalationDesk | None = None,
        appointments: AppointmentBook | None = None,
    ) -> None:
        self.store = store
        self.directory = directory
        self.calendar = calendar
        self.clock = clock
        self.escalations = escalations or EscalationDesk(store, calendar, clock, directory)
        self.appointments = appointments or AppointmentBook(
            store, QueueEngine(store, clock), clock, directory=directory
        )

    # ---- opening ---------------------------------------------------------------------------

    def open_case(
        self,
        ticket: Ticket | None,
        clerk: str,
        citizen: Citizen | None = None,
        item_codes: Sequence[str] = (),
        kind: CaseKind = CaseKind.BUSINESS,
        *,
        channel: CaseChannel | None = None,
        counter: int | None = None,
    ) -> Case:
        """Register a case: from a served ticket, or without one (phone / walk-up).

        Numbers are checked now (resident ID check digit, credit code check character, phone);
        what the outcome needs is checked at ``close``.
        """
        draft = CaseDraft(
            clerk=clerk,
            citizen=citizen or Citizen(),
            item_codes=tuple(item_codes),
            kind=kind,
            ticket=ticket,
            channel=channel,
            counter=counter,
        )

        def run() -> str:
            with self.store.write():
                return self._open(draft).number

        return self.case(self.store.retrying(run))

    def register(
        self, draft: CaseDraft, outcome: Outcome | str | None, details: OutcomeDetails | None
    ) -> Case:
        """Open and close a case in one step (the form entered everything at once). Nothing is
        stored when the outcome is refused."""
        chosen = self._outcome(outcome)

        def run() -> str:
            with self.store.write():
                row = self._open(draft)
                staff = self._staff(draft.clerk)
                self._close(row, chosen, details, staff)
                return row.number

        return self.case(self.store.retrying(run))

    def update(
        self,
        case_no: str,
        clerk: str,
        *,
        citizen: Citizen | None = None,
        item_codes: Sequence[str] | None = None,
        kind: CaseKind | None = None,
    ) -> Case:
        """Correct an open case's registration (the citizen, the items, the kind)."""

        def run() -> None:
            with self.store.write():
                row = self._row(case_no)
                self._require_status(row, (CaseStatus.OPEN,), "修改登记信息", "update")
                staff = self._staff(clerk)
                changed = []
                if citizen is not None:
                    row.citizen = citizen.validated(self.clock().date()).to_dict()
                    changed.append("citizen")
                if item_codes is not None:
                    row.item_codes = [self._item(code).code for code in item_codes]
                    changed.append("items")
                if kind is not None:
                    row.kind = CaseKind(kind).value
                    changed.append("kind")
                row.save()
                self._timeline(row, staff, CaseAction.UPDATED, "修改登记信息", changed=changed)
                self._event("case_updated", row)

        self.store.retrying(run)
        return self.case(case_no)

    # ---- closing ---------------------------------------------------------------------------

    def close(
        self,
        case_no: str,
        outcome: Outcome | str | None,
        details: OutcomeDetails | None,
        clerk: str,
    ) -> Case:
        """Record the outcome. Refused without an outcome, or with a required field empty."""
        chosen = self._outcome(outcome)

        def run() -> None:
            with self.store.write():
                row = self._row(case_no)
                self._require_status(row, (CaseStatus.OPEN,), "登记办理结果", "record an outcome")
                self._close(row, chosen, details, self._staff(clerk))

        self.store.retrying(run)
        return self.case(case_no)

    def materials_received(self, case_no: str, clerk: str, note: str = "") -> Case:
        """The 容缺 materials arrived: the case stops waiting (late ones are noted as late)."""

        def run() -> None:
            with self.store.write():
                row = self._row(case_no)
                self._require_status(
                    row, (CaseStatus.AWAITING_MATERIALS,), "登记补齐材料", "receive materials"
                )
                staff = self._staff(clerk)
                now = self.clock()
                late = row.materials_deadline is not None and now.date() > row.materials_deadline
                row.status = CaseStatus.CLOSED.value
                row.materials_received_at = now
                row.save()
                summary = "容缺材料已补齐" + ("（逾期补交）" if late else "")
                if note:
                    summary += f"：{note}"
                self._timeline(row, staff, CaseAction.MATERIALS_RECEIVED, summary, late=late)
                self._event("case_materials_received", row, late=late)

        self.store.retrying(run)
        return self.case(case_no)

    def reopen(self, case_no: str, clerk: str, reason: str = "") -> Case:
        """Open a closed case again; only its first clerk may (首问负责)."""

        def run() -> None:
            with self.store.write():
                row = self._row(case_no)
                staff = self._staff(clerk)
                if row.first_clerk_id != staff.id:
                    first = row.first_clerk
                    raise NotFirstClerk(
                        case_no=row.number,
                        first=first.number,
                        first_name=first.name,
                        action="reopen",
                    )
                self._require_status(
                    row, (CaseStatus.CLOSED, CaseStatus.AWAITING_MATERIALS), "重新打开", "reopen"
                )
                if row.escalation_no:
                    escalation = self.escalations.get(row.escalation_no)
                    if escalation.status is EscalationStatus.OPEN:
                        raise InvalidCaseState(
                            case_no=row.number,
                            state=f"已转“办不成事”窗口（{row.escalation_no}），待答复",
                            state_en=f"escalated ({row.escalation_no}) and awaiting an answer",
                            action="重新打开",
                            action_en="reopen it",
                        )
                if row.appointment_no:
                    appointment = self.appointments.get(row.appointment_no)
                    if appointment.status is AppointmentStatus.BOOKED:
                        # the slot and the staff member's time are freed; the slip stops working
                        self.appointments.cancel(row.appointment_no, clerk, "办件重新打开")
                previous = Outcome(row.outcome) if row.outcome else None
                detail = {
                    "previous_outcome": previous.value if previous else None,
                    "previous_details": row.details,
                    "escalation_no": row.escalation_no,
                    "appointment_no": row.appointment_no,
                    "reason": reason,
                }
                row.status = CaseStatus.OPEN.value
                row.outcome = None
                row.details = None
                row.closed_at = None
                row.closed_by = None
                row.promised_on = None
                row.materials_deadline = None
                row.materials_received_at = None
                row.escalation_no = None
                row.appointment_no = None
                row.save()
                summary = f"重新打开（原结果：{OUTCOME_NAMES[previous] if previous else '—'}）"
                if reason:
                    summary += f"：{reason}"
                self._timeline(row, staff, CaseAction.REOPENED, summary, **detail)
                self._event("case_reopened", row)

        self.store.retrying(run)
        return self.case(case_no)

    def add_note(self, case_no: str, clerk: str, text: str) -> Case:
        """A free timeline entry (a phone call, a guidance given…)."""
        if not text.strip():
            raise _missing("备注内容", "note")

        def run() -> None:
            with self.store.write():
                row = self._row(case_no)
                self._timeline(row, self._staff(clerk), CaseAction.NOTE, text.strip())

        self.store.retrying(run)
        return self.case(case_no)

    def record_printed(self, case_no: str, clerk: str, titles: Sequence[str]) -> None:
        """Note in the timeline that documents were printed (the form calls it after printing)."""

        def run() -> None:
            with self.store.write():
                row = self._row(case_no)
                summary = "打印：" + "、".join(titles)
                self._timeline(
                    row, self._staff(clerk), CaseAction.PRINTED, summary, titles=list(titles)
                )

        self.store.retrying(run)

    # ---- reading ---------------------------------------------------------------------------

    def case(self, case_no: str) -> Case:
        return self._view(self._row(case_no))

    def cases_for_ticket(self, ticket_id: int) -> list[Case]:
        rows = CaseRow.select().where(CaseRow.ticket_id == ticket_id).order_by(CaseRow.id)
        return [self._view(r) for r in rows]

    def open_cases(self, clerk: str | None = None) -> list[Case]:
        """Cases without an outcome yet (optionally one clerk's)."""
        query = CaseRow.select().where(CaseRow.status == CaseStatus.OPEN.value)
        if clerk is not None:
            query = query.where(CaseRow.first_clerk == self._staff(clerk))
        return [self._view(r) for r in query.order_by(CaseRow.id)]

    def awaiting_materials(self) -> list[Case]:
        rows = (
            CaseRow.select()
            .where(CaseRow.status == CaseStatus.AWAITING_MATERIALS.value)
            .order_by(CaseRow.materials_deadline, CaseRow.id)
        )
        return [self._view(r) for r in rows]

    def overdue(self, today: date | None = None) -> list[Case]:
        """Cases still awaiting 容缺 materials after their deadline."""
        day = today or self.clock().date()
        rows = (
            CaseRow.select()
            .where(
                (CaseRow.status == CaseStatus.AWAITING_MATERIALS.value)
                & (CaseRow.materials_deadline < day)
            )
            .order_by(CaseRow.materials_deadline, CaseRow.id)
        )
        return [self._view(r) for r in rows]

    # ---- helpers for the form --------------------------------------------------------------

    def promise(self, item_code: str, on: date | None = None) -> ItemPromise:
        """The promised completion date if the item were accepted ``on`` (today by default)."""
        return self._promise(self._item(item_code), on or self.clock().date())

    def materials(self, case_no: str) -> list[tuple[str, Material]]:
        """Every catalog material of the case's items, as (item code, material)."""
        row = self._row(case_no)
        return [(item.code, m) for item in self._items(row) for m in item.materials]

    def deferrable_materials(self, case_no: str) -> list[DeferredMaterial]:
        """The materials that may be missing at 容缺受理 (容缺后补), pre-filled."""
        row = self._row(case_no)
        return [
            DeferredMaterial(m.name, item.code, DEFAULT_HOW_TO_SUPPLY, m.standard)
            for item in self._items(row)
            for m in item.deferrable_materials
        ]

    def referral_from_catalog(self, item_code: str) -> ReferralDetails:
        """A referral pre-filled from a catalog item and its department."""
        item = self._item(item_code)
        hall = self.directory.hall()
        dept = next((d for d in self.directory.departments() if d.code == item.department), None)
        return ReferralDetails(
            matter=item.name,
            department=dept.name if dept else item.department,
            address=hall.address,
            phone=item.phone or (dept.phone if dept else "") or hall.phone,
            hours=item.hours or (dept.hours if dept else "") or hall.hours,
            floor=item.place or (dept.place if dept else ""),
            bring=tuple(m.name for m in item.materials if m.necessity is not Necessity.OPTIONAL),
            guide_url=item.guide_url,
            item_code=item.code,
        )

    # ---- documents -------------------------------------------------------------------------

    def documents_for(self, case_no: str, printed_by: str | None = None) -> list[Document]:
        """The documents the case's outcome prints, filled in (an open case prints nothing).

        Values are full (ID and phone numbers unmasked): the renderers mask them.
        ``printed_by`` (a staff number) goes in the footer; default: the clerk who closed it.
        """
        case = self.case(case_no)
        if case.outcome is None or case.status is CaseStatus.OPEN:
            return []
        return case_documents(
            case,
            directory=self.directory,
            escalations=self.escalations,
            appointments=self.appointments,
            printed_by=printed_by or case.closed_by or case.first_clerk,
            counter=self._counter_name(case.counter_number),
            now=self.clock(),
        )

    # ---- internals: opening and closing ----------------------------------------------------

    def _outcome(self, outcome: Outcome | str | None) -> Outcome:
        """The chosen outcome; anything else (nothing, or a "reject") is refused."""
        try:
            return Outcome(outcome or "")
        except ValueError:
            raise OutcomeRequired(
                choices="、".join(OUTCOME_NAMES.values()),
                choices_en=", ".join(o.value for o in Outcome),
            ) from None

    def _open(self, draft: CaseDraft) -> CaseRow:
        now = self.clock()
        today = now.date()
        staff = self._staff(draft.clerk)
        citizen = draft.citizen.validated(today)
        codes = [self._item(code).code for code in dict.fromkeys(draft.item_codes)]
        ticket = draft.ticket
        channel = draft.channel or (CaseChannel.TICKET if ticket else CaseChannel.WALK_IN)
        counter = (
            draft.counter
            if draft.counter is not None
            else (ticket.counter_number if ticket else None)
        )
        seq = (
            CaseRow.select(fn.MAX(CaseRow.seq)).where(CaseRow.business_date == today).scalar() or 0
        ) + 1
        row = CaseRow.create(
            number=format_case_no(today, seq),
            business_date=today,
            seq=seq,
            kind=CaseKind(draft.kind).value,
            channel=CaseChannel(channel).value,
            ticket_id=ticket.id if ticket else None,
            ticket_number=ticket.number if ticket else None,
            counter_number=counter,
            citizen=citizen.to_dict(),
            item_codes=codes,
            first_clerk=staff,
            status=CaseStatus.OPEN.value,
            opened_at=now,
        )
        via = CASE_CHANNEL_NAMES[CaseChannel(channel)]
        if ticket:
            via += f" {ticket.number}"
        summary = f"登记{CASE_KIND_NAMES[CaseKind(draft.kind)]}（{via}）"
        self._timeline(row, staff, CaseAction.OPENED, summary, items=codes, counter=counter)
        self._event("case_opened", row)
        return row

    def _close(
        self, row: CaseRow, outcome: Outcome, details: OutcomeDetails | None, staff: StaffRow
    ) -> None:
        expected = DETAILS_TYPES[outcome]
        if details is None:
            details = expected()
        if not isinstance(details, expected):
            raise TypeError(f"{outcome} needs {expected.__name__}, got {type(details).__name__}")
        now = self.clock()
        citizen = Citizen.from_dict(row.citizen)
        items = self._items(row)
        self._require_citizen(outcome, citizen)
        if outcome in NEEDS_ITEM and not items:
            raise _missing("办理事项", "service item")

        promises: list[ItemPromise] = []
        summary = f"办理结果：{OUTCOME_NAMES[outcome]}"
        status = CaseStatus.CLOSED
        if isinstance(details, ConsultedDetails):
            if not details.summary.strip():
                raise _missing("咨询内容", "consultation summary")
            details = replace(details, summary=details.summary.strip())
        elif isinstance(details, AcceptedDetails):
            promises = [self._promise(item, now.date()) for item in items]
            details = replace(
                details,
                received=self._receipts(details.received, items, row, exclude=()),
                collect_place=details.collect_place.strip() or self._place(items[0]),
            )
            summary += f"，承诺 {_cn_date(max(p.promised_on for p in promises))} 前办结"
        elif isinstance(details, DeficientDetails):
            details, promises = self._deficient(details, items, row, now.date())
            status = CaseStatus.AWAITING_MATERIALS
            assert details.deadline is not None
            summary += f"，{len(details.missing)} 项材料须于 {_cn_date(details.deadline)} 前补齐"
        elif isinstance(details, OneTimeNoticeDetails):
            details = self._one_time(details, items, row)
            summary += f"，告知 {len(details.problems)} 项"
        elif isinstance(details, ReferralDetails):
            details = self._referral(details, items)
            summary += f"：{details.department} {details.floor} {details.counter}".rstrip()
        elif isinstance(details, EscalatedDetails):
            if details.category is None:
                raise _missing("问题类别", "escalation category")
            escalation = self.escalations.create(
                category=details.category,
                description=details.description,
                created_by=staff.number,
                citizen=citizen,
                case_no=row.number,
                item_codes=[item.code for item in items],
                complex=details.complex,
                handler=details.handler,
            )
            row.escalation_no = escalation.number
            summary += f"，登记 {escalation.number}，{_cn_date(escalation.reply_by)} 前答复"
        elif isinstance(details, ScheduledDetails):
            appointment = self._schedule(details, items, citizen, row, staff)
            details = replace(details, item_code=appointment.item_code, place=appointment.place)
            row.appointment_no = appointment.number
            summary += (
                f"（{appointment.kind.value}），预约 {appointment.number}："
                f"{_cn_date(appointment.day)} {appointment.start:%H:%M}"
            )
        elif isinstance(details, CompletedDetails):
            details = replace(details, result=details.result.strip())

        row.outcome = outcome.value
        row.details = {
            "data": to_json(details),
            "promises": [to_json(p) for p in promises],
        }
        row.status = status.value
        row.closed_at = now
        row.closed_by = staff
        row.promised_on = max((p.promised_on for p in promises), default=None)
        row.materials_deadline = details.deadline if isinstance(details, DeficientDetails) else None
        row.save()
        self._timeline(row, staff, CaseAction.CLOSED, summary, outcome=outcome.value)
        self._event("case_closed", row, outcome=outcome.value)

    def _require_citizen(self, outcome: Outcome, citizen: Citizen) -> None:
        enterprise = citizen.kind is CitizenKind.ENTERPRISE
        if outcome in NEEDS_NAME and not citizen.name:
            if enterprise:
                raise _missing("企业名称", "enterprise name")
            raise _missing("申请人姓名", "applicant name")
        if outcome in NEEDS_IDENTITY and not citizen.identifier:
            if enterprise:
                raise _missing("统一社会信用代码", "unified social credit code")
            raise _missing("证件号码", "ID number")
        if outcome in NEEDS_PHONE and not citizen.phone:
            raise _missing("联系电话", "phone")

    def _item_for(
        self, code: str, items: list[ServiceItem], row: CaseRow, what: str
    ) -> ServiceItem:
        """The case item a material or problem belongs to (the only one if left empty)."""
        if not code:
            if len(items) == 1:
                return items[0]
            raise _missing(f"所属事项（{what}）", f"item of {what}")
        for item in items:
            if item.code == code:
                return item
        raise ItemNotInCase(code=code, case_no=row.number)

    def _receipts(
        self,
        given: tuple[MaterialReceipt, ...],
        items: list[ServiceItem],
        row: CaseRow,
        exclude: Sequence[tuple[str, str]],
    ) -> tuple[MaterialReceipt, ...]:
        if given:
            out = []
            for m in given:
                if not m.name.strip():
                    raise _missing("材料名称", "material name")
                item = self._item_for(m.item_code, items, row, m.name)
                out.append(replace(m, name=m.name.strip(), item_code=item.code))
            return tuple(out)
        defaults = []
        for item in items:
            for material in item.materials:
                if (
                    material.necessity is Necessity.OPTIONAL
                    or (item.code, material.name) in exclude
                ):
                    continue
                form, copies = _material_form(material)
                defaults.append(MaterialReceipt(material.name, form, copies, item.code))
        return tuple(defaults)

    def _deficient(
        self, details: DeficientDetails, items: list[ServiceItem], row: CaseRow, today: date
    ) -> tuple[DeficientDetails, list[ItemPromise]]:
        if not details.missing:
            raise _missing("容缺材料", "missing materials")
        missing: dict[tuple[str, str], DeferredMaterial] = {}
        for m in details.missing:
            name = m.name.strip()
            if not name:
                raise _missing("容缺材料名称", "missing material name")
            item = self._item_for(m.item_code, items, row, name)
            material = next((x for x in item.materials if x.name == name), None)
            if material is None or material.necessity is not Necessity.DEFERRABLE:
                raise MaterialNotDeferrable(material=name, item=item.name)
            missing[(item.code, name)] = DeferredMaterial(
                name=name,
                item_code=item.code,
                how_to_supply=m.how_to_supply.strip() or DEFAULT_HOW_TO_SUPPLY,
                standard=m.standard.strip() or material.standard,
            )
        if details.deadline is None:
            raise _missing("补交期限", "deadline for the missing materials")
        if details.deadline < today:
            raise DeadlineInPast(
                what="补交期限", what_en="the deadline", day=_cn_date(details.deadline)
            )
        if not details.consequence.strip():
            raise _missing("逾期后果", "consequence of a late delivery")
        if not details.commitment.strip():
            raise _missing("承诺书内容", "commitment text")
        promises = [self._promise(item, today) for item in items]
        by_code = {p.item_code: p for p in promises}
        for code, _ in missing:
            limit = by_code[code]
            if details.deadline > limit.promised_on:
                raise DeadlineTooLate(
                    deadline=_cn_date(details.deadline),
                    limit=_cn_date(limit.promised_on),
                    item=limit.item_name,
                )
        normalized = replace(
            details,
            missing=tuple(missing.values()),
            consequence=details.consequence.strip(),
            commitment=details.commitment.strip(),
            supply_place=details.supply_place.strip() or self._counter_place(row),
            received=self._receipts(details.received, items, row, exclude=list(missing)),
        )
        return normalized, promises

    def _one_time(
        self, details: OneTimeNoticeDetails, items: list[ServiceItem], row: CaseRow
    ) -> OneTimeNoticeDetails:
        if not details.problems:
            raise _missing("需补正的材料", "problems to tell")
        problems = []
        for p in details.problems:
            name = p.material.strip()
            if not name:
                raise _missing("材料名称", "material name")
            item = self._item_for(p.item_code, items, row, name)
            material = next((x for x in item.materials if x.name == name), None)
            problem = replace(
                p,
                material=name,
                item_code=item.code,
                problem=p.problem.strip(),
                how_to_fix=p.how_to_fix.strip(),
                standard=p.standard.strip() or (material.standard if material else ""),
                sample_form=p.sample_form.strip() or (material.sample_form if material else ""),
            )
            if not problem.problem:
                raise _missing(f"存在问题（{name}）", f"problem with {name}")
            if not problem.how_to_fix:
                raise _missing(f"补正方法（{name}）", f"how to fix {name}")
            if not problem.standard:
                raise _missing(f"合格标准（{name}）", f"standard for {name}")
            problems.append(problem)
        guide_url = details.guide_url.strip()
        for code in dict.fromkeys(p.item_code for p in problems):
            item = next(i for i in items if i.code == code)
            if not (guide_url or item.guide_url):
                raise _missing(
                    f"网上办事指南网址（{item.name}）", f"online guide URL of {item.name}"
                )
        return replace(
            details,
            problems=tuple(problems),
            guide_url=guide_url,
            resubmit_place=details.resubmit_place.strip() or self._counter_place(row),
            legal_basis=details.legal_basis.strip() or DEFAULT_LEGAL_BASIS,
        )

    def _referral(self, details: ReferralDetails, items: list[ServiceItem]) -> ReferralDetails:
        matter = details.matter.strip() or "、".join(item.name for item in items)
        normalized = replace(
            details,
            matter=matter,
            department=details.department.strip(),
            address=details.address.strip(),
            phone=details.phone.strip(),
            hours=details.hours.strip(),
            counter=details.counter.strip(),
            floor=details.floor.strip(),
            contact=details.contact.strip(),
            bring=tuple(b.strip() for b in details.bring if b.strip()),
            steps=tuple(s.strip() for s in details.steps if s.strip()),
            guide_url=details.guide_url.strip(),
        )
        for value, label, label_en in (
            (normalized.matter, "咨询事项", "matter"),
            (normalized.department, "前往部门", "department"),
            (normalized.address, "地址", "address"),
            (normalized.phone, "联系电话", "phone"),
            (normalized.hours, "办公时间", "office hours"),
        ):
            if not value:
                raise _missing(label, label_en)
        return normalized

    def _schedule(
        self,
        details: ScheduledDetails,
        items: list[ServiceItem],
        citizen: Citizen,
        row: CaseRow,
        staff: StaffRow,
    ) -> Appointment:
        if details.kind is None:
            raise _missing("特殊办类型", "appointment kind")
        if details.start is None or details.end is None:
            raise _missing("预约时间", "appointment time")
        if not details.staff_number:
            raise _missing("服务人员", "serving staff")
        item = self._item_for(details.item_code, items, row, "预约")
        request = AppointmentRequest(
            kind=AppointmentKind(details.kind),
            item_code=item.code,
            citizen=citizen,
            start=details.start,
            end=details.end,
            staff_number=details.staff_number,
            place=details.place,
            materials=details.materials,
            contact_phone=details.contact_phone,
            note=details.note,
        )
        return self.appointments.book(request, staff.number, case_no=row.number)

    # ---- internals: catalog, staff, rows ---------------------------------------------------

    def _promise(self, item: ServiceItem, on: date) -> ItemPromise:
        days = item.promised_limit_days
        if not days and item.handling is Handling.PROMISED:
            days = item.statutory_limit_days
        return ItemPromise(item.code, item.name, days, self.calendar.add_working_days(on, days))

    def _item(self, code: str) -> ServiceItem:
        item = self.directory.item(code)
        if item is None:
            raise UnknownService(code=code)
        return item

    def _items(self, row: CaseRow) -> list[ServiceItem]:
        return [self._item(code) for code in row.item_codes or ()]

    def _staff(self, number: str) -> StaffRow:
        row = StaffRow.get_or_none(StaffRow.number == number)
        if row is None:
            raise UnknownStaff(number=number)
        return row

    def _row(self, case_no: str) -> CaseRow:
        row = CaseRow.get_or_none(CaseRow.number == case_no.strip().upper())
        if row is None:
            raise CaseNotFound(case_no=case_no)
        return row

    def _require_status(
        self, row: CaseRow, allowed: Sequence[CaseStatus], action: str, action_en: str
    ) -> None:
        status = CaseStatus(row.status)
        if status not in allowed:
            raise InvalidCaseState(
                case_no=row.number,
                state=CASE_STATUS_NAMES[status],
                state_en=status.value,
                action=action,
                action_en=action_en,
            )

    def _place(self, item: ServiceItem) -> str:
        if item.place:
            return item.place
        dept = next((d for d in self.directory.departments() if d.code == item.department), None)
        hall = self.directory.hall()
        return " ".join(p for p in (hall.address, dept.place if dept else "") if p) or hall.name

    def _counter_name(self, number: int | None) -> str:
        if number is None:
            return ""
        row = CounterRow.get_or_none(CounterRow.number == number)
        return row.name if row else f"{number}号窗口"

    def _counter_place(self, row: CaseRow) -> str:
        hall = self.directory.hall()
        counter = self._counter_name(row.counter_number)
        return f"{hall.name}{counter}" if counter else hall.name

    def _timeline(
        self, row: CaseRow, staff: StaffRow | None, action: CaseAction, summary: str, **detail: Any
    ) -> None:
        CaseEventRow.create(
            case=row,
            at=self.clock(),
            staff=staff,
            action=action.value,
            detail={"summary": summary, **to_json(detail)},
        )

    def _event(self, kind: str, row: CaseRow, **extra: Any) -> None:
        # Numbers only: every PC follows the log, the lobby display included.
        EventRow.create(
            at=self.clock(),
            kind=kind,
            ticket_id=row.ticket_id,
            counter_number=row.counter_number,
            payload={
                "case": row.number,
                "ticket": row.ticket_number,
                "status": row.status,
                "outcome": row.outcome,
                **extra,
            },
        )

    def _view(self, row: CaseRow) -> Case:
        outcome = Outcome(row.outcome) if row.outcome else None
        stored = row.details or {}
        details = (
            from_json(DETAILS_TYPES[outcome], stored.get("data", {}))
            if outcome is not None
            else None
        )
        promises = tuple(from_json(ItemPromise, p) for p in stored.get("promises", []))
        status = CaseStatus(row.status)
        names = []
        for code in row.item_codes or ():
            item = self.directory.item(code)
            names.append(item.name if item else code)
        timeline = tuple(
            TimelineEntry(
                at=e.at,
                staff_number=e.staff.number if e.staff is not None else None,
                staff_name=e.staff.name if e.staff is not None else "",
                action=CaseAction(e.action),
                summary=(e.detail or {}).get("summary", ""),
                detail=e.detail or {},
            )
            for e in CaseEventRow.select(CaseEventRow, StaffRow)
            .join(StaffRow, JOIN.LEFT_OUTER, on=(CaseEventRow.staff == StaffRow.id))
            .where(CaseEventRow.case == row)
            .order_by(CaseEventRow.id)
        )
        first = row.first_clerk
        return Case(
            number=row.number,
            business_date=row.business_date,
            kind=CaseKind(row.kind),
            channel=CaseChannel(row.channel),
            status=status,
            outcome=outcome,
            details=details,
            citizen=Citizen.from_dict(row.citizen),
            item_codes=tuple(row.item_codes or ()),
            item_names=tuple(names),
            ticket_number=row.ticket_number,
            counter_number=row.counter_number,
            first_clerk=first.number,
            first_clerk_name=first.name,
            opened_at=row.opened_at,
            closed_at=row.closed_at,
            closed_by=row.closed_by.number if row.closed_by is not None else None,
            promises=promises,
            promised_on=row.promised_on,
            materials_deadline=row.materials_deadline,
            materials_received_at=row.materials_received_at,
            materials_overdue=(
                status is CaseStatus.AWAITING_MATERIALS
                and row.materials_deadline is not None
                and row.materials_deadline < self.clock().date()
            ),
            escalation_no=row.escalation_no,
            appointment_no=row.appointment_no,
            timeline=timeline,
        )
