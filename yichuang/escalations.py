"""The "办不成事" desk: matters a counter could not settle, tracked to an answer.

A clerk escalates a case (outcome 转"办不成事"窗口) with a category and a description; the desk
registers it at once with a number (``BBCS-20260302-001``) and a reply date: the category's
limit in working days (``casesettings.escalation_reply_days``; 15 for a complex matter), counted
from the next working day over the hall's calendar. The citizen takes a 答复卡 with both. The
desk (or a named handler) answers; ``overdue`` lists what is past its date. The full desk
workflow (coordination meetings, accountability records) builds on this.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from peewee import fn

from printing.documents import DocumentHeader, ReplyCard
from yichuang import casesettings
from yichuang.citizens import Citizen
from yichuang.db import Store
from yichuang.errors import (
    EscalationNotFound,
    InvalidEscalationState,
    MissingField,
    UnknownStaff,
)
from yichuang.hall import HallDirectory
from yichuang.i18n import QT_TRANSLATE_NOOP
from yichuang.models import CaseRow, EscalationRow, EventRow, StaffRow
from yichuang.queue import Clock
from yichuang.staff import StaffDirectory, StaffMember
from yichuang.workcalendar import WorkCalendar


class EscalationCategory(StrEnum):
    """The seed's four classes of matter (their values are the printed labels)."""

    CANNOT = "不能办"  # not allowed by law: explain and guide
    HARD = "很难办"  # missing material / poor process: 容缺受理 and guided follow-up
    NEGLECTED = "不给办·拖着办"  # staff not doing their duty: immediate handling, accountability
    SPECIAL = "特殊办"  # early / after-hours / home-visit / holiday service asked for


CATEGORY_NAMES = {
    EscalationCategory.CANNOT: QT_TRANSLATE_NOOP("escalation", "不能办"),
    EscalationCategory.HARD: QT_TRANSLATE_NOOP("escalation", "很难办"),
    EscalationCategory.NEGLECTED: QT_TRANSLATE_NOOP("escalation", "不给办·拖着办"),
    EscalationCategory.SPECIAL: QT_TRANSLATE_NOOP("escalation", "特殊办"),
}


class EscalationStatus(StrEnum):
    OPEN = "open"
    ANSWERED = "answered"


ESCALATION_STATUS_NAMES = {
    EscalationStatus.OPEN: QT_TRANSLATE_NOOP("escalation", "办理中"),
    EscalationStatus.ANSWERED: QT_TRANSLATE_NOOP("escalation", "已答复"),
}


class EscalationEvent(StrEnum):
    CREATED = "escalation_created"
    ASSIGNED = "escalation_assigned"
    ANSWERED = "escalation_answered"


@dataclass(frozen=True)
class Escalation:
    number: str
    category: EscalationCategory
    complex: bool
    description: str
    case_no: str | None
    citizen: Citizen
    item_codes: tuple[str, ...]
    created_at: datetime
    created_by: str  # staff number
    handler_number: str | None
    handler_name: str  # the named handler, or the desk's name
    reply_by: date
    status: EscalationStatus
    answer: str
    answered_at: datetime | None
    answered_by: str | None
    overdue: bool  # still open after its reply date


def format_escalation_no(day: date, seq: int) -> str:
    return f"BBCS-{day:%Y%m%d}-{seq:03d}"


def _staff(number: str) -> StaffRow:
    row = StaffRow.get_or_none(StaffRow.number == number)
    if row is None:
        raise UnknownStaff(number=number)
    return row


class EscalationDesk:
    """Registering, assigning and answering escalations."""

    def __init__(
        self,
        store: Store,
        calendar: WorkCalendar,
        clock: Clock = datetime.now,
        directory: HallDirectory | None = None,
    ) -> None:
        self.store = store
        self.calendar = calendar
        self.clock = clock
        self.directory = directory or HallDirectory(store)

    # ---- rules -------------------------------------------------------------------------------

    def reply_days(self, category: EscalationCategory | str, complex: bool = False) -> int:
        days = casesettings.escalation_reply_days()
        if complex:
            return days[casesettings.COMPLEX]
        return days[EscalationCategory(category).value]

    def reply_deadline(
        self, category: EscalationCategory | str, complex: bool = False, on: date | None = None
    ) -> date:
        """The reply date for a matter registered ``on`` (today by default)."""
        start = on or self.clock().date()
        return self.calendar.add_working_days(start, self.reply_days(category, complex))

    # ---- changes -----------------------------------------------------------------------------

    def create(
        self,
        *,
        category: EscalationCategory | str,
        description: str,
        created_by: str,
        citizen: Citizen | None = None,
        case_no: str | None = None,
        item_codes: Sequence[str] = (),
        complex: bool = False,
        handler: str | None = None,
    ) -> Escalation:
        """Register a matter. Joins the caller's write transaction when there is one."""
        if not category:
            raise MissingField(field="问题类别", field_en="category")
        cat = EscalationCategory(category)
        text = description.strip()
        if not text:
            raise MissingField(field="问题描述", field_en="description")

        def run() -> Escalation:
            with self.store.write():
                now = self.clock()
                today = now.date()
                creator = _staff(created_by)
                handler_row = _staff(handler) if handler else None
                case = None
                if case_no is not None:
                    case = CaseRow.get_or_none(CaseRow.number == case_no)
                seq = (
                    EscalationRow.select(fn.MAX(EscalationRow.seq))
                    .where(EscalationRow.business_date == today)
                    .scalar()
                    or 0
                ) + 1
                row = EscalationRow.create(
                    number=format_escalation_no(today, seq),
                    business_date=today,
                    seq=seq,
                    case=case,
                    category=cat.value,
                    complex=complex,
                    description=text,
                    citizen=(citizen or Citizen()).to_dict(),
                    item_codes=list(item_codes),
                    created_at=now,
                    created_by=creator,
                    handler=handler_row,
                    reply_by=self.reply_deadline(cat, complex, today),
                    status=EscalationStatus.OPEN.value,
                )
                self._event(EscalationEvent.CREATED, row, category=cat.value)
                return self._view(row)

        return self.store.retrying(run)

    def assign(self, number: str, handler: str, by: str) -> Escalation:
        """Name the staff member who follows the matter up."""

        def run() -> Escalation:
            with self.store.write():
                row = self._row(number)
                self._require_open(row, "指定承办人", "assign a handler")
                row.handler = _staff(handler)
                row.save()
                self._event(EscalationEvent.ASSIGNED, row, handler=handler, by=by)
                return self._view(row)

        return self.store.retrying(run)

    def answer(self, number: str, answer: str, by: StaffMember | str) -> Escalation:
        """Record the answer given to the citizen; desk staff, supervisors and admins only."""
        text = answer.strip()
        if not text:
            raise MissingField(field="答复内容", field_en="answer")

        def run() -> Escalation:
            with self.store.write():
                row = self._row(number)
                self._require_open(row, "再次答复", "answer again")
                staff_row = _staff(by.number if isinstance(by, StaffMember) else by)
                member = StaffDirectory(self.store).get(staff_row.number)
                assert member is not None
                member.require("close_escalation")
                row.status = EscalationStatus.ANSWERED.value
                row.answer = text
                row.answered_at = self.clock()
                row.answered_by = staff_row
                row.save()
                self._event(EscalationEvent.ANSWERED, row, by=staff_row.number)
                return self._view(row)

        return self.store.retrying(run)

    # ---- reading -----------------------------------------------------------------------------

    def get(self, number: str) -> Escalation:
        return self._view(self._row(number))

    def open_escalations(self) -> list[Escalation]:
        rows = (
            EscalationRow.select()
            .where(EscalationRow.status == EscalationStatus.OPEN.value)
            .order_by(EscalationRow.reply_by, EscalationRow.id)
        )
        return [self._view(r) for r in rows]

    def overdue(self, today: date | None = None) -> list[Escalation]:
        """Open matters whose reply date has passed."""
        day = today or self.clock().date()
        rows = (
            EscalationRow.select()
            .where(
                (EscalationRow.status == EscalationStatus.OPEN.value)
                & (EscalationRow.reply_by < day)
            )
            .order_by(EscalationRow.reply_by, EscalationRow.id)
        )
        return [self._view(r) for r in rows]

    def for_case(self, case_no: str) -> list[Escalation]:
        rows = (
            EscalationRow.select()
            .join(CaseRow)
            .where(CaseRow.number == case_no)
            .order_by(EscalationRow.id)
        )
        return [self._view(r) for r in rows]

    def reply_card(
        self, number: str, printed_by: str, *, counter: str = "", matter: str = ""
    ) -> ReplyCard:
        """The 答复卡 for the citizen (full values; the renderer masks the phone)."""
        esc = self.get(number)
        hall = self.directory.hall()
        desk = casesettings.escalation_desk()
        return ReplyCard(
            header=DocumentHeader(
                hall_name=hall.name,
                hall_phone=hall.phone,
                document_no=esc.number,
                issued_at=self.clock(),
                clerk_no=printed_by,
                counter=counter,
            ),
            escalation_no=esc.number,
            category=esc.category.value,
            citizen=esc.citizen.printed(),
            matter=matter or esc.description,
            handler_name=esc.handler_name,
            handler_phone=desk.phone or hall.phone,
            reply_by=esc.reply_by,
            desk_location=desk.location,
        )

    # ---- helpers -----------------------------------------------------------------------------

    def _row(self, number: str) -> EscalationRow:
        row = EscalationRow.get_or_none(EscalationRow.number == number.strip().upper())
        if row is None:
            raise EscalationNotFound(number=number)
        return row

    def _require_open(self, row: EscalationRow, action: str, action_en: str) -> None:
        if row.status != EscalationStatus.OPEN.value:
            raise InvalidEscalationState(number=row.number, action=action, action_en=action_en)

    def _event(self, kind: EscalationEvent, row: EscalationRow, **extra: Any) -> None:
        # Numbers only: the event log is followed by every PC, the display included.
        EventRow.create(
            at=self.clock(),
            kind=kind.value,
            payload={"escalation": row.number, "reply_by": row.reply_by.isoformat(), **extra},
        )

    def _view(self, row: EscalationRow) -> Escalation:
        desk = casesettings.escalation_desk()
        handler = row.handler if row.handler_id else None
        status = EscalationStatus(row.status)
        reply_by = row.reply_by
        return Escalation(
            number=row.number,
            category=EscalationCategory(row.category),
            complex=bool(row.complex),
            description=row.description,
            case_no=row.case.number if row.case is not None else None,
            citizen=Citizen.from_dict(row.citizen),
            item_codes=tuple(row.item_codes or ()),
            created_at=row.created_at,
            created_by=row.created_by.number,
            handler_number=handler.number if handler else None,
            handler_name=handler.name if handler else desk.name,
            reply_by=reply_by,
            status=status,
            answer=row.answer,
            answered_at=row.answered_at,
            answered_by=row.answered_by.number if row.answered_by is not None else None,
            overdue=status is EscalationStatus.OPEN and reply_by < self.clock().date(),
        )
