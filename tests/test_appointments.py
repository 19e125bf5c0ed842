"""Special-timing appointments: slots and capacity, staff double booking, lifecycle, check-in."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest

from yichuang import casesettings, qrsign
from yichuang.appointments import (
    AppointmentBook,
    AppointmentKind,
    AppointmentRequest,
    AppointmentStatus,
)
from yichuang.citizens import Citizen
from yichuang.errors import (
    AppointmentNotCheckable,
    AppointmentRescheduled,
    InvalidAppointmentState,
    InvalidResidentId,
    InvalidTimeSlot,
    MissingField,
    QrForged,
    QrRejected,
    QrUnknownAppointment,
    QrWrongDay,
    SlotFull,
    StaffDoubleBooked,
)
from yichuang.events import EventFeed
from yichuang.queue import TicketKind, TicketStatus

TOMORROW = date(2026, 3, 3)
WANG = Citizen.person("王小明", "11010519491231002X", "13800138000", address="测试路8号3单元")


def at(day: date, hm: str) -> datetime:
    hour, minute = map(int, hm.split(":"))
    return datetime(day.year, day.month, day.day, hour, minute)


def request(
    start: str = "08:00",
    end: str = "08:30",
    *,
    day: date = TOMORROW,
    staff: str = "1001",
    kind: AppointmentKind = AppointmentKind.EARLY,
    citizen: Citizen = WANG,
    **extra,
) -> AppointmentRequest:
    return AppointmentRequest(
        kind=kind,
        item_code="SCJG-001",
        citizen=citizen,
        start=at(day, start),
        end=at(day, end),
        staff_number=staff,
        **extra,
    )


@pytest.fixture
def book(store, engine, clock):
    return AppointmentBook(store, engine, clock)


def test_booking_numbers_and_defaults(book, clock):
    first = book.book(request(), by="1002")
    second = book.book(request("08:30", "09:00"), by="1002")
    assert first.number == "YY20260302-001"
    assert second.number == "YY20260302-002"
    assert first.status is AppointmentStatus.BOOKED
    assert first.staff_name == "张敏"
    assert first.item_name == "企业设立登记"
    assert first.materials == ("营业执照申请书", "住所使用证明")  # the catalog's list
    assert first.contact_phone == "0531-88880000"  # the hall's phone
    assert first.created_by == "1002"
    clock.advance(days=1)
    assert book.book(request("10:00", "10:30", day=date(2026, 3, 4))).number == "YY20260303-001"


def test_capacity_default_and_per_slot_override(book, store):
    with store.write():
        casesettings.put_slot_capacity(2)
    staff = ["1001", "1002", "0001"]
    for s in staff[:2]:
        book.book(request(staff=s))
    with pytest.raises(SlotFull) as err:
        book.book(request(staff="0001"))
    assert "已约满" in err.value.user_message() and "2 个" in err.value.user_message()
    (slot,) = book.slots(TOMORROW)
    assert (slot.capacity, slot.booked, slot.remaining, slot.own_capacity) == (2, 2, 0, None)
    slot = book.set_slot_capacity(slot.id, 3)
    assert (slot.capacity, slot.remaining) == (3, 1)
    book.book(request(staff="0001"))
    with pytest.raises(InvalidTimeSlot):
        book.set_slot_capacity(slot.id, 1)  # below the places already taken


def test_open_slot_with_its_own_capacity(book):
    slot = book.open_slot(at(TOMORROW, "18:00"), at(TOMORROW, "19:00"), capacity=1, note="延时服务")
    assert (slot.capacity, slot.own_capacity, slot.note) == (1, 1, "延时服务")
    book.book(request("18:00", "19:00", kind=AppointmentKind.AFTER_HOURS))
    with pytest.raises(SlotFull):
        book.book(request("18:00", "19:00", staff="1002", kind=AppointmentKind.AFTER_HOURS))
    assert [s.start.hour for s in book.slots(TOMORROW)] == [18]


def test_a_cancelled_booking_frees_its_place(book, store):
    with store.write():
        casesettings.put_slot_capacity(1)
    first = book.book(request())
    with pytest.raises(SlotFull):
        book.book(request(staff="1002"))
    book.cancel(first.number, by="1001", reason="市民改期")
    assert book.book(request(staff="1002")).status is AppointmentStatus.BOOKED


def test_no_member_of_staff_is_booked_twice_at_once(book):
    first = book.book(request("08:00", "08:30"))
    with pytest.raises(StaffDoubleBooked) as err:
        book.book(request("08:15", "08:45"))
    message = err.value.user_message()
    assert "张敏" in message and first.number in message and "08:00" in message
    with pytest.raises(StaffDoubleBooked):
        book.book(request("07:30", "09:00"))  # around it
    # touching intervals do not overlap; another staff member may take the same time
    assert book.book(request("08:30", "09:00")).status is AppointmentStatus.BOOKED
    assert book.book(request("08:15", "08:45", staff="1002")).staff_number == "1002"


def test_bad_times_and_missing_fields(book, clock):
    with pytest.raises(InvalidTimeSlot):
        book.book(request("09:00", "08:00"))
    with pytest.raises(InvalidTimeSlot) as err:
        book.book(request("08:00", "08:30", day=clock.now.date()))  # 09:00 has passed
    assert "已经过去" in err.value.user_message()
    with pytest.raises(MissingField) as missing:
        book.book(request(kind=AppointmentKind.HOME_VISIT, citizen=replace(WANG, address="")))
    assert "上门地址" in missing.value.user_message()
    with pytest.raises(MissingField) as missing:
        book.book(request(citizen=replace(WANG, phone="")))
    assert "联系电话" in missing.value.user_message()
    with pytest.raises(InvalidResidentId):
        book.book(request(citizen=replace(WANG, id_number="110105194912310021")))


def test_home_visit_goes_to_the_citizens_address(book):
    visit = book.book(request(kind=AppointmentKind.HOME_VISIT))
    assert visit.place == "测试路8号3单元"
    served = book.mark_served(visit.number, by="1001")  # no check-in at the hall
    assert served.status is AppointmentStatus.SERVED and served.served_at is not None


def test_lifecycle_check_in_then_served(book, engine, clock):
    appt = book.book(request())
    clock.now = at(TOMORROW, "07:50")
    payload = book.qr_payload(appt.number)
    result = book.check_in(payload)
    assert result.appointment.status is AppointmentStatus.CHECKED_IN
    ticket = result.ticket.ticket
    assert ticket.kind is TicketKind.APPOINTMENT
    assert ticket.appointment_no == appt.number
    assert ticket.queue == "A" and ticket.status is TicketStatus.WAITING
    assert result.appointment.ticket_number == ticket.number
    with pytest.raises(AppointmentNotCheckable) as err:
        book.check_in(payload)
    assert "已于 07:50 签到" in err.value.user_message()
    assert len(engine.waiting(["A"])) == 1  # the second scan issued no second ticket
    with pytest.raises(InvalidAppointmentState):
        book.cancel(appt.number, by="1001")
    assert book.mark_served(appt.number, by="1001").status is AppointmentStatus.SERVED


def test_check_in_refusals(book, clock, store):
    appt = book.book(request())
    payload = book.qr_payload(appt.number)
    with pytest.raises(QrWrongDay):
        book.check_in(payload)  # booked for tomorrow
    clock.now = at(TOMORROW, "07:55")
    with pytest.raises(QrForged):
        book.check_in(payload.replace("YY20260302-001", "YY20260302-009"))
    key = qrsign.hall_key(store)
    ghost = qrsign.machine_line(key, "YY20260302-777", TOMORROW)
    with pytest.raises(QrUnknownAppointment) as err:
        book.check_in(ghost)
    assert "YY20260302-777" in err.value.user_message()
    book.cancel(appt.number, by="1001")
    with pytest.raises(AppointmentNotCheckable) as err:
        book.check_in(payload)
    assert "已取消" in err.value.user_message()
    assert isinstance(err.value, QrRejected)


def test_no_show_only_once_the_time_has_begun(book, clock):
    appt = book.book(request())
    with pytest.raises(InvalidAppointmentState) as err:
        book.no_show(appt.number)
    assert "未到" in err.value.user_message()
    clock.now = at(TOMORROW, "08:40")
    assert book.no_show(appt.number, by="1001").status is AppointmentStatus.NO_SHOW
    clock.now = at(TOMORROW, "08:45")
    with pytest.raises(AppointmentNotCheckable):
        book.check_in(book.qr_payload(appt.number))


def test_reschedule_replaces_the_appointment_and_its_slip(book, clock):
    old = book.book(request())
    old_payload = book.qr_payload(old.number)
    new = book.reschedule(
        old.number,
        at(TOMORROW, "17:30"),
        at(TOMORROW, "18:00"),
        by="1002",
        staff_number="1002",
        reason="市民上午有事",
    )
    assert new.number == "YY20260302-002"
    assert new.rescheduled_from == old.number and new.staff_number == "1002"
    assert new.citizen == old.citizen and new.item_code == old.item_code
    gone = book.get(old.number)
    assert gone.status is AppointmentStatus.RESCHEDULED and gone.rescheduled_to == new.number
    clock.now = at(TOMORROW, "08:00")
    with pytest.raises(AppointmentRescheduled) as err:
        book.check_in(old_payload)
    assert new.number in err.value.user_message()
    assert book.check_in(book.qr_payload(new.number)).appointment.number == new.number


def test_a_failed_reschedule_keeps_the_old_booking(book):
    old = book.book(request())
    book.book(request("17:30", "18:00", staff="1002"))
    with pytest.raises(StaffDoubleBooked):
        book.reschedule(
            old.number, at(TOMORROW, "17:45"), at(TOMORROW, "18:15"), by="1001", staff_number="1002"
        )
    assert book.get(old.number).status is AppointmentStatus.BOOKED
    # rescheduling within the staff member's own time does not clash with itself
    moved = book.reschedule(old.number, at(TOMORROW, "08:15"), at(TOMORROW, "08:45"), by="1001")
    assert moved.staff_number == "1001"


def test_check_in_without_the_slip(book, clock):
    appt = book.book(request())
    clock.now = at(TOMORROW, "08:00")
    result = book.check_in_by_number(appt.number, by="1002")
    assert result.appointment.status is AppointmentStatus.CHECKED_IN


def test_day_schedule_of_a_staff_member(book):
    visit = book.book(request("14:00", "15:00", kind=AppointmentKind.HOME_VISIT, note="行动不便"))
    early = book.book(request("08:00", "08:30"))
    book.book(request("10:00", "10:30", staff="1002"))
    cancelled = book.book(request("16:00", "16:30"))
    book.cancel(cancelled.number, by="1001")
    schedule = book.staff_schedule("1001", TOMORROW, printed_by="1002")
    assert (schedule.staff_name, schedule.staff_no, schedule.day) == ("张敏", "1001", TOMORROW)
    assert [e.appointment_no for e in schedule.entries] == [early.number, visit.number]
    entry = schedule.entries[1]
    assert (entry.kind, entry.address, entry.note) == ("上门办", "测试路8号3单元", "行动不便")
    assert entry.citizen_name == "王小明" and entry.phone == "13800138000"
    homes = book.day_list(TOMORROW, kinds=[AppointmentKind.HOME_VISIT])
    assert [a.number for a in homes] == [visit.number]
    assert len(book.day_list(TOMORROW, include_ended=True)) == 4


def test_every_change_is_in_the_event_log_without_personal_data(book, store, clock):
    feed = EventFeed(store)
    last = feed.latest_id()
    appt = book.book(request())
    clock.now = at(TOMORROW, "08:00")
    book.check_in(book.qr_payload(appt.number))
    events = feed.after(last)
    kinds = [e.kind for e in events]
    assert kinds[0] == "appointment_booked"
    assert "issued" in kinds and kinds[-1] == "appointment_checked_in"
    text = repr([e.payload for e in events])
    assert "王小明" not in text and "13800138000" not in text
