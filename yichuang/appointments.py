"""Appointments for special timing (特殊办): early, after-hours, home visit, holiday.

An appointment takes a place in a time slot (``AppointmentSlotRow``; its capacity is the slot's
own or the hall default ``casesettings.slot_capacity``) and one member of staff, who is never
booked for two overlapping appointments. Lifecycle::

    booked ──check_in──▶ checked_in ──mark_served──▶ served
      │  (home visits may go straight to served)
      ├──no_show──▶ no_show        (only once the time has begun)
      ├──cancel──▶ cancelled
      └──reschedule──▶ rescheduled  (a new appointment with a new number replaces it)

The slip carries a signed QR (``qrsign``). Scanning it at the kiosk or a counter
(``check_in``) verifies the signature, the hall and the day, then checks the appointment in and
issues its queue ticket (``QueueEngine.issue(..., kind=TicketKind.APPOINTMENT)``) in the same
transaction, so a scan either does both or neither, and a second scan issues no second ticket.
Every change is one serialized write with an event in the log.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from peewee import fn

from printing.documents import (
    AppointmentSlip,
    DocumentHeader,
    ScheduleEntry,
    StaffSchedule,
)
from yichuang import casesettings, qrsign
from yichuang.citizens import Citizen, CitizenKind
from yichuang.db import Store
from yichuang.errors import (
    AppointmentNotCheckable,
    AppointmentNotFound,
    AppointmentRescheduled,
    InvalidAppointmentState,
    InvalidTimeSlot,
    MissingField,
    QrUnknownAppointment,
    QrWrongDay,
    SlotFull,
    StaffDoubleBooked,
    UnknownService,
    UnknownStaff,
)
from yichuang.hall import HallDirectory
from yichuang.i18n import QT_TRANSLATE_NOOP
from yichuang.models import AppointmentRow, AppointmentSlotRow, EventRow, StaffRow
from yichuang.qrsign import HallKey, KeyProvider, SlipContent
from yichuang.queue import Clock, IssuedTicket, QueueEngine, TicketKind


class AppointmentKind(StrEnum):
    """The four kinds of special timing (values are the printed labels)."""

    EARLY = "提前办"
    AFTER_HOURS = "延时办"
    HOME_VISIT = "上门办"
    HOLIDAY = "节假日办"


APPOINTMENT_KIND_NAMES = {
    AppointmentKind.EARLY: QT_TRANSLATE_NOOP("appointment", "提前办"),
    AppointmentKind.AFTER_HOURS: QT_TRANSLATE_NOOP("appointment", "延时办"),
    AppointmentKind.HOME_VISIT: QT_TRANSLATE_NOOP("appointment", "上门办"),
    AppointmentKind.HOLIDAY: QT_TRANSLATE_NOOP("appointment", "节假日办"),
}


class AppointmentStatus(StrEnum):
    BOOKED = "booked"
    CHECKED_IN = "checked_in"
    SERVED = "served"
    NO_SHOW = "no_show"
    CANCELLED = "cancelled"
    RESCHEDULED = "rescheduled"


APPOINTMENT_STATUS_NAMES = {
    AppointmentStatus.BOOKED: QT_TRANSLATE_NOOP("appointment", "已预约"),
    AppointmentStatus.CHECKED_IN: QT_TRANSLATE_NOOP("appointment", "已签到"),
    AppointmentStatus.SERVED: QT_TRANSLATE_NOOP("appointment", "已服务"),
    AppointmentStatus.NO_SHOW: QT_TRANSLATE_NOOP("appointment", "未到"),
    AppointmentStatus.CANCELLED: QT_TRANSLATE_NOOP("appointment", "已取消"),
    AppointmentStatus.RESCHEDULED: QT_TRANSLATE_NOOP("appointment", "已改约"),
}

# Appointments that hold their slot place and their staff member's time.
ACTIVE = (AppointmentStatus.BOOKED, AppointmentStatus.CHECKED_IN)
# Appointments that used a slot place (a no-show still took one).
OCCUPYING = (*ACTIVE, AppointmentStatus.SERVED, AppointmentStatus.NO_SHOW)


class AppointmentEvent(StrEnum):
    BOOKED = "appointment_booked"
    CHECKED_IN = "appointment_checked_in"
    SERVED = "appointment_served"
    NO_SHOW = "appointment_no_show"
    CANCELLED = "appointment_cancelled"
    RESCHEDULED = "appointment_rescheduled"
    SLOT = "appointment_slot"


@dataclass(frozen=True)
class Slot:
    id: int
    day: date
    start: datetime
    end: datetime
    capacity: int  # the slot's own, or the hall default
    own_capacity: int | None  # None: follows the hall default
    booked: int
    note: str

    @property
    def remaining(self) -> int:
        return max(0, self.capacity - self.booked)


@dataclass(frozen=True)
class AppointmentRequest:
    """What the clerk fills in to book.

    ``place``: for a home visit the citizen's address (required; defaults to
    ``citizen.address``); otherwise defaults to the item's place, else the hall's address.
    ``materials``: what to bring; ``None`` means the item's catalog list.
    ``contact_phone``: the number printed beside the serving staff member (default: the hall's).
    """

    kind: AppointmentKind
    item_code: str
    citizen: Citizen
    start: datetime
    end: datetime
    staff_number: str
    place: str = ""
    materials: tuple[str, ...] | None = None
    contact_phone: str = ""
    note: str = ""


@dataclass(frozen=True)
class Appointment:
    number: str
    kind: AppointmentKind
    status: AppointmentStatus
    day: date
    start: datetime
    end: datetime
    place: str
    citizen: Citizen
    item_code: str
    item_name: str
    staff_number: str
    staff_name: str
    contact_phone: str
    materials: tuple[str, ...]
    note: str
    case_no: str | None
    slot_id: int
    created_at: datetime
    created_by: str | None
    checked_in_at: datetime | None
    ticket_number: str | None
    served_at: datetime | None
    ended_at: datetime | None
    reason: str
    rescheduled_from: str | None
    rescheduled_to: str | None


@dataclass(frozen=True)
class CheckIn:
    """A successful scan: the appointment, now checked in, and its queue ticket."""

    appointment: Appointment
    ticket: IssuedTicket


def format_appointment_no(day: date, seq: int) -> str:
    return f"YY{day:%Y%m%d}-{seq:03d}"


def _hm(t: datetime | None) -> str:
    return f"{t:%H:%M}" if t is not None else "—"


def _visit_name(citizen: Citizen) -> str:
    """Whom the staff member meets: for an enterprise, its contact person."""
    if citizen.kind is CitizenKind.ENTERPRISE and citizen.contact_name:
        return citizen.contact_name
    return citizen.name


def _staff_row(number: str) -> StaffRow:
    row = StaffRow.get_or_none(StaffRow.number == number)
    if row is None:
        raise UnknownStaff(number=number)
    return row


class AppointmentBook:
    """Slots, bookings, their lifecycle, check-in by QR, and the printed slip and schedule."""

    def __init__(
        self,
        store: Store,
        engine: QueueEngine,
        clock: Clock = datetime.now,
        keys: KeyProvider | None = None,
        *,
        directory: HallDirectory | None = None,
    ) -> None:
        self.store = store
        self.engine = engine
        self.clock = clock
        self.keys: KeyProvider = keys or (lambda: qrsign.hall_key(store))
        self.directory = directory or HallDirectory(store)

    # ---- slots -------------------------------------------------------------------------------

    def default_capacity(self) -> int:
        return casesettings.slot_capacity()

    def open_slot(
        self, start: datetime, end: datetime, capacity: int | None = None, note: str = ""
    ) -> Slot:
        """Offer a time range for booking (or return the existing one with these times)."""
        self._check_times(start, end)
        if capacity is not None and capacity < 1:
            raise InvalidTimeSlot(detail="容量至少为 1", detail_en="capacity must be at least 1")

        def run() -> Slot:
            with self.store.write():
                row = self._slot_row(start, end)
                if capacity is not None or note:
                    if capacity is not None:
                        row.capacity = capacity
                    if note:
                        row.note = note
                    row.save()
                self._event(AppointmentEvent.SLOT, None, slot=row.id, capacity=row.capacity)
                return self._slot_view(row)

        return self.store.retrying(run)

    def set_slot_capacity(self, slot_id: int, capacity: int | None) -> Slot:
        """Override one slot's capacity (``None``: back to the hall default). Never below the
        places already taken."""

        def run() -> Slot:
            with self.store.write():
                row = AppointmentSlotRow.get_or_none(AppointmentSlotRow.id == slot_id)
                if row is None:
                    raise InvalidTimeSlot(
                        detail=f"时段 {slot_id} 不存在", detail_en=f"no slot {slot_id}"
                    )
                taken = self._taken(row)
                wanted = capacity if capacity is not None else self.default_capacity()
                if wanted < max(1, taken):
                    raise InvalidTimeSlot(
                        detail=f"该时段已有 {taken} 个预约，容量不能小于 {max(1, taken)}",
                        detail_en=f"the slot holds {taken} appointments; capacity must be at least {max(1, taken)}",
                    )
                row.capacity = capacity
                row.save()
                self._event(AppointmentEvent.SLOT, None, slot=row.id, capacity=capacity)
                return self._slot_view(row)

        return self.store.retrying(run)

    def slots(self, day: date) -> list[Slot]:
        rows = (
            AppointmentSlotRow.select()
            .where(AppointmentSlotRow.day == day)
            .order_by(AppointmentSlotRow.start_at, AppointmentSlotRow.end_at)
        )
        return [self._slot_view(r) for r in rows]

    # ---- booking -----------------------------------------------------------------------------

    def book(
        self, request: AppointmentRequest, by: str | None = None, *, case_no: str | None = None
    ) -> Appointment:
        """Book an appointment: the slot must have room and the staff member must be free.

        A slot with exactly the requested times is used, or opened with the default capacity.
        Joins the caller's write transaction when there is one (case entry uses that).
        """
        kind = AppointmentKind(request.kind)
        self._check_times(request.start, request.end)
        if not request.staff_number:
            raise MissingField(field="服务人员", field_en="serving staff")
        place = request.place.strip()
        if kind is AppointmentKind.HOME_VISIT:
            place = place or request.citizen.address.strip()
            if not place:
                raise MissingField(field="上门地址", field_en="home visit address")
        if not request.citizen.name.strip():
            raise MissingField(field="预约人姓名", field_en="citizen name")
        if not request.citizen.phone.strip():
            raise MissingField(field="预约人联系电话", field_en="citizen phone")
        citizen = request.citizen.validated(self.clock().date())

        def run() -> Appointment:
            with self.store.write():
                now = self.clock()
                if request.start < now:
                    raise InvalidTimeSlot(
                        detail="预约开始时间已经过去", detail_en="the start time is in the past"
                    )
                item = self.directory.item(request.item_code)
                if item is None:
                    raise UnknownService(code=request.item_code)
                staff = _staff_row(request.staff_number)
                creator = _staff_row(by) if by else None
                slot = self._slot_row(request.start, request.end)
                self._require_room(slot)
                self._require_staff_free(staff, request.start, request.end)
                materials = (
                    list(request.materials)
                    if request.materials is not None
                    else [m.name for m in item.materials]
                )
                hall = self.directory.hall()
                row = AppointmentRow.create(
                    **self._numbering(now.date()),
                    kind=kind.value,
                    slot=slot,
                    day=request.start.date(),
                    start_at=request.start,
                    end_at=request.end,
                    place=place or item.place or hall.address,
                    citizen=citizen.to_dict(),
                    item_code=item.code,
                    staff=staff,
                    contact_phone=request.contact_phone.strip() or hall.phone,
                    materials=materials,
                    note=request.note,
                    status=AppointmentStatus.BOOKED.value,
                    case_no=case_no,
                    created_at=now,
                    created_by=creator,
                )
                self._event(AppointmentEvent.BOOKED, row)
                return self._view(row)

        return self.store.retrying(run)

    def cancel(self, number: str, by: str, reason: str = "") -> Appointment:
        return self._end(number, AppointmentStatus.CANCELLED, by, reason, "取消", "cancel")

    def no_show(self, number: str, by: str | None = None) -> Appointment:
        """The citizen did not come: only once the appointment's time has begun."""

        def check(row: AppointmentRow) -> None:
            if self.clock() < row.start_at:
                raise InvalidAppointmentState(
                    number=row.number,
                    state=f"预约时间 {_hm(row.start_at)} 未到",
                    state_en="not yet due",
                    action="登记未到",
                    action_en="mark as no-show",
                )

        return self._end(
            number, AppointmentStatus.NO_SHOW, by, "", "登记未到", "mark as no-show", check
        )

    def reschedule(
        self,
        number: str,
        start: datetime,
        end: datetime,
        by: str,
        *,
        staff_number: str | None = None,
        reason: str = "",
    ) -> Appointment:
        """Move a booked appointment: a new appointment (new number, new slip) replaces it; the
        old slip no longer checks in."""
        self._check_times(start, end)

        def run() -> Appointment:
            with self.store.write():
                old = self._row(number)
                self._require_status(old, (AppointmentStatus.BOOKED,), "改约", "reschedule")
                now = self.clock()
                if start < now:
                    raise InvalidTimeSlot(
                        detail="预约开始时间已经过去", detail_en="the start time is in the past"
                    )
                staff = _staff_row(staff_number) if staff_number else old.staff
                # the old booking no longer holds its place while the new one is checked
                old.status = AppointmentStatus.RESCHEDULED.value
                old.ended_at = now
                old.reason = reason
                old.save()
                slot = self._slot_row(start, end)
                self._require_room(slot)
                self._require_staff_free(staff, start, end)
                new = AppointmentRow.create(
                    **self._numbering(now.date()),
                    kind=old.kind,
                    slot=slot,
                    day=start.date(),
                    start_at=start,
                    end_at=end,
                    place=old.place,
                    citizen=old.citizen,
                    item_code=old.item_code,
                    staff=staff,
                    contact_phone=old.contact_phone,
                    materials=old.materials,
                    note=old.note,
                    status=AppointmentStatus.BOOKED.value,
                    case_no=old.case_no,
                    created_at=now,
                    created_by=_staff_row(by),
                    rescheduled_from=old.number,
                )
                old.rescheduled_to = new.number
                old.save()
                self._event(AppointmentEvent.RESCHEDULED, old, to=new.number, by=by)
                self._event(AppointmentEvent.BOOKED, new, rescheduled_from=old.number)
                return self._view(new)

        return self.store.retrying(run)

    def mark_served(self, number: str, by: str) -> Appointment:
        """Service given. From checked-in; a home visit may go straight from booked."""

        def run() -> Appointment:
            with self.store.write():
                row = self._row(number)
                allowed: tuple[AppointmentStatus, ...] = (AppointmentStatus.CHECKED_IN,)
                if row.kind == AppointmentKind.HOME_VISIT.value:
                    allowed = ACTIVE
                self._require_status(row, allowed, "登记已服务", "mark as served")
                staff = _staff_row(by)
                row.status = AppointmentStatus.SERVED.value
                row.served_at = self.clock()
                row.save()
                self._event(AppointmentEvent.SERVED, row, by=staff.number)
                return self._view(row)

        return self.store.retrying(run)

    # ---- check-in ----------------------------------------------------------------------------

    def check_in(self, payload_text: str, by: str | None = None) -> CheckIn:
        """Verify a scanned slip and check its appointment in, issuing its queue ticket.

        Raises a ``QrRejected`` subclass with the reason: not a slip, another hall, forged or
        altered, another day, unknown appointment, replaced by a rescheduled one, or already
        checked in / served / cancelled / no-show.
        """
        key = self.keys()
        config = qrsign.qr_config()

        def run() -> CheckIn:
            with self.store.write():
                now = self.clock()
                ref = qrsign.verify(key, payload_text, now.date(), config.url_template)
                row = AppointmentRow.get_or_none(AppointmentRow.number == ref.appointment_no)
                if row is None:
                    raise QrUnknownAppointment(number=ref.appointment_no)
                return self._check_in(row, now, by)

        return self.store.retrying(run)

    def check_in_by_number(self, number: str, by: str) -> CheckIn:
        """Check in without the slip (lost, or phone battery flat): a staff member vouches."""
        _ = _staff_row(by)

        def run() -> CheckIn:
            with self.store.write():
                now = self.clock()
                row = self._row(number)
                if row.day != now.date() and row.status == AppointmentStatus.BOOKED.value:
                    raise QrWrongDay(
                        day=f"{row.day.year}年{row.day.month}月{row.day.day}日",
                        today=f"{now.year}年{now.month}月{now.day}日",
                    )
                return self._check_in(row, now, by)

        return self.store.retrying(run)

    def _check_in(self, row: AppointmentRow, now: datetime, by: str | None) -> CheckIn:
        status = AppointmentStatus(row.status)
        if status is AppointmentStatus.RESCHEDULED:
            raise AppointmentRescheduled(number=row.number, new_number=row.rescheduled_to)
        if status is not AppointmentStatus.BOOKED:
            if status is AppointmentStatus.CHECKED_IN:
                state = f"已于 {_hm(row.checked_in_at)} 签到（排队号 {row.ticket_number}）"
            else:
                state = APPOINTMENT_STATUS_NAMES[status]
            raise AppointmentNotCheckable(number=row.number, state=state, state_en=status.value)
        if row.day != now.date():  # the signed day always equals the booked day
            raise AppointmentNotCheckable(
                number=row.number, state="日期与预约不符", state_en="for another day"
            )
        issued = self.engine.issue(
            row.item_code,
            kind=TicketKind.APPOINTMENT,
            appointment_no=row.number,
            request_id=f"appointment:{row.number}",
        )
        row.status = AppointmentStatus.CHECKED_IN.value
        row.checked_in_at = now
        row.ticket_number = issued.ticket.number
        row.save()
        self._event(AppointmentEvent.CHECKED_IN, row, ticket=issued.ticket.number, by=by)
        return CheckIn(self._view(row), issued)

    # ---- reading -----------------------------------------------------------------------------

    def get(self, number: str) -> Appointment:
        return self._view(self._row(number))

    def day_list(
        self,
        day: date,
        *,
        staff_number: str | None = None,
        kinds: Iterable[AppointmentKind] | None = None,
        include_ended: bool = False,
    ) -> list[Appointment]:
        """A day's appointments in time order: those that took their place (booked, checked
        in, served, no-show); with ``include_ended`` also cancelled and rescheduled ones."""
        statuses = [s.value for s in (OCCUPYING if not include_ended else AppointmentStatus)]
        query = AppointmentRow.select().where(
            (AppointmentRow.day == day) & AppointmentRow.status.in_(statuses)
        )
        if staff_number is not None:
            query = query.where(AppointmentRow.staff == _staff_row(staff_number))
        if kinds is not None:
            query = query.where(AppointmentRow.kind.in_([AppointmentKind(k).value for k in kinds]))
        rows = query.order_by(AppointmentRow.start_at, AppointmentRow.id)
        return [self._view(r) for r in rows]

    def for_case(self, case_no: str) -> list[Appointment]:
        rows = (
            AppointmentRow.select()
            .where(AppointmentRow.case_no == case_no)
            .order_by(AppointmentRow.id)
        )
        return [self._view(r) for r in rows]

    def qr_payload(self, number: str, key: HallKey | None = None) -> str:
        appt = self.get(number)
        hall = self.directory.hall()
        content = SlipContent(
            appointment_no=appt.number,
            kind=appt.kind.value,
            start=appt.start,
            end=appt.end,
            place=appt.place,
            item_name=appt.item_name,
            hall_name=hall.name,
            staff_name=appt.staff_name,
        )
        return qrsign.build_payload(key or self.keys(), content, qrsign.qr_config())

    def slip(self, number: str, printed_by: str, *, counter: str = "") -> AppointmentSlip:
        """The 预约服务单 with its signed QR (full values; the renderer masks the phone)."""
        appt = self.get(number)
        return AppointmentSlip(
            header=self._header(appt.number, printed_by, counter),
            appointment_no=appt.number,
            kind=appt.kind.value,
            day=appt.day,
            start=appt.start.time(),
            end=appt.end.time(),
            place=appt.place,
            citizen=appt.citizen.printed(),
            item_name=appt.item_name,
            staff_name=appt.staff_name,
            staff_phone=appt.contact_phone,
            qr_payload=self.qr_payload(number),
            materials=appt.materials,
        )

    def staff_schedule(self, staff_number: str, day: date, printed_by: str) -> StaffSchedule:
        """One staff member's day (预约服务日程), e.g. the round of home visits, printable."""
        staff = _staff_row(staff_number)
        appointments = [
            a
            for a in self.day_list(day, staff_number=staff_number)
            if a.status in ACTIVE or a.status is AppointmentStatus.SERVED
        ]
        entries = tuple(
            ScheduleEntry(
                start=a.start.time(),
                end=a.end.time(),
                kind=a.kind.value,
                citizen_name=_visit_name(a.citizen),
                address=a.place,
                phone=a.citizen.phone,
                item_name=a.item_name,
                note=a.note,
                appointment_no=a.number,
            )
            for a in appointments
        )
        return StaffSchedule(
            header=self._header(f"RC{day:%Y%m%d}-{staff.number}", printed_by, ""),
            staff_name=staff.name,
            staff_no=staff.number,
            day=day,
            entries=entries,
        )

    # ---- helpers -----------------------------------------------------------------------------

    def _header(self, number: str, printed_by: str, counter: str) -> DocumentHeader:
        hall = self.directory.hall()
        return DocumentHeader(
            hall_name=hall.name,
            hall_phone=hall.phone,
            document_no=number,
            issued_at=self.clock(),
            clerk_no=printed_by,
            counter=counter,
        )

    def _check_times(self, start: datetime, end: datetime) -> None:
        if end <= start:
            raise InvalidTimeSlot(
                detail="结束时间须晚于开始时间", detail_en="the end must be after the start"
            )
        if end.date() != start.date():
            raise InvalidTimeSlot(
                detail="预约时段须在同一天内", detail_en="a slot must lie within one day"
            )

    def _slot_row(self, start: datetime, end: datetime) -> AppointmentSlotRow:
        """The slot with exactly these times, opened with the default capacity if new."""
        row = AppointmentSlotRow.get_or_none(
            (AppointmentSlotRow.start_at == start) & (AppointmentSlotRow.end_at == end)
        )
        if row is None:
            row = AppointmentSlotRow.create(day=start.date(), start_at=start, end_at=end)
        return row

    def _taken(self, slot: AppointmentSlotRow) -> int:
        return (
            AppointmentRow.select()
            .where(
                (AppointmentRow.slot == slot)
                & AppointmentRow.status.in_([s.value for s in OCCUPYING])
            )
            .count()
        )

    def _capacity(self, slot: AppointmentSlotRow) -> int:
        return slot.capacity if slot.capacity is not None else self.default_capacity()

    def _require_room(self, slot: AppointmentSlotRow) -> None:
        capacity = self._capacity(slot)
        if self._taken(slot) >= capacity:
            raise SlotFull(
                day=slot.start_at.date().isoformat(),
                start=_hm(slot.start_at),
                end=_hm(slot.end_at),
                capacity=capacity,
            )

    def _require_staff_free(self, staff: StaffRow, start: datetime, end: datetime) -> None:
        clash = (
            AppointmentRow.select()
            .where(
                (AppointmentRow.staff == staff)
                & AppointmentRow.status.in_([s.value for s in ACTIVE])
                & (AppointmentRow.start_at < end)
                & (AppointmentRow.end_at > start)
            )
            .order_by(AppointmentRow.start_at)
            .first()
        )
        if clash is not None:
            raise StaffDoubleBooked(
                staff=f"{staff.name}（{staff.number}）",
                day=clash.day.isoformat(),
                start=_hm(clash.start_at),
                end=_hm(clash.end_at),
                other=clash.number,
            )

    def _numbering(self, today: date) -> dict[str, Any]:
        seq = (
            AppointmentRow.select(fn.MAX(AppointmentRow.seq))
            .where(AppointmentRow.business_date == today)
            .scalar()
            or 0
        ) + 1
        return {"number": format_appointment_no(today, seq), "business_date": today, "seq": seq}

    def _row(self, number: str) -> AppointmentRow:
        row = AppointmentRow.get_or_none(AppointmentRow.number == number.strip().upper())
        if row is None:
            raise AppointmentNotFound(number=number)
        return row

    def _require_status(
        self,
        row: AppointmentRow,
        allowed: Sequence[AppointmentStatus],
        action: str,
        action_en: str,
    ) -> None:
        status = AppointmentStatus(row.status)
        if status not in allowed:
            raise InvalidAppointmentState(
                number=row.number,
                state=APPOINTMENT_STATUS_NAMES[status],
                state_en=status.value,
                action=action,
                action_en=action_en,
            )

    def _end(
        self,
        number: str,
        status: AppointmentStatus,
        by: str | None,
        reason: str,
        action: str,
        action_en: str,
        check: Any = None,
    ) -> Appointment:
        def run() -> Appointment:
            with self.store.write():
                row = self._row(number)
                self._require_status(row, (AppointmentStatus.BOOKED,), action, action_en)
                if check is not None:
                    check(row)
                staff = _staff_row(by) if by else None
                row.status = status.value
                row.ended_at = self.clock()
                row.reason = reason
                row.save()
                kind = {
                    AppointmentStatus.CANCELLED: AppointmentEvent.CANCELLED,
                    AppointmentStatus.NO_SHOW: AppointmentEvent.NO_SHOW,
                }[status]
                self._event(kind, row, by=staff.number if staff else None)
                return self._view(row)

        return self.store.retrying(run)

    def _event(self, kind: AppointmentEvent, row: AppointmentRow | None, **extra: Any) -> None:
        # Numbers and times only: every PC follows the log, the lobby display included.
        payload: dict[str, Any] = dict(extra)
        if row is not None:
            payload.update(
                appointment=row.number,
                kind=row.kind,
                status=row.status,
                start=row.start_at.isoformat(),
            )
        EventRow.create(at=self.clock(), kind=kind.value, payload=payload)

    def _slot_view(self, row: AppointmentSlotRow) -> Slot:
        return Slot(
            id=row.id,
            day=row.day,
            start=row.start_at,
            end=row.end_at,
            capacity=self._capacity(row),
            own_capacity=row.capacity,
            booked=self._taken(row),
            note=row.note,
        )

    def _view(self, row: AppointmentRow) -> Appointment:
        item = self.directory.item(row.item_code)
        staff = row.staff
        return Appointment(
            number=row.number,
            kind=AppointmentKind(row.kind),
            status=AppointmentStatus(row.status),
            day=row.day,
            start=row.start_at,
            end=row.end_at,
            place=row.place,
            citizen=Citizen.from_dict(row.citizen),
            item_code=row.item_code,
            item_name=item.name if item else row.item_code,
            staff_number=staff.number,
            staff_name=staff.name,
            contact_phone=row.contact_phone,
            materials=tuple(row.materials or ()),
            note=row.note,
            case_no=row.case_no,
            slot_id=row.slot_id,
            created_at=row.created_at,
            created_by=row.created_by.number if row.created_by is not None else None,
            checked_in_at=row.checked_in_at,
            ticket_number=row.ticket_number,
            served_at=row.served_at,
            ended_at=row.ended_at,
            reason=row.reason,
            rescheduled_from=row.rescheduled_from,
            rescheduled_to=row.rescheduled_to,
        )
