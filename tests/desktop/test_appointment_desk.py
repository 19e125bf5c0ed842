"""The appointment desk through its real widgets: a staff member's day listed and printed, and
slips scanned back — a real signed slip checks in with an APPOINTMENT ticket; an altered one, one
for another day or one already used gets its own message.

The scanner is simulated as a keyboard wedge: the ASCII characters of each line, then Enter.
"""

from __future__ import annotations

from datetime import date, datetime

import pypdf
import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter

from desktop.appointment_desk import CheckInDialog, HomeVisitSchedule, scan_complete
from yichuang import qrsign
from yichuang.appointments import AppointmentKind, AppointmentRequest, AppointmentStatus
from yichuang.citizens import Citizen
from yichuang.queue import TicketKind

TOMORROW = date(2026, 3, 3)


def book(services, kind, start, end, *, staff="1002", place="", name="王小明", address=""):
    citizen = Citizen.person(name, phone="13800138000", address=address)
    request = AppointmentRequest(
        kind=kind,
        item_code="SCJG-001",
        citizen=citizen,
        start=start,
        end=end,
        staff_number=staff,
        place=place,
    )
    return services.appointments.book(request, "1001")


@pytest.fixture
def clerk(services):
    return services.staff.get("1001")


@pytest.fixture
def round_of_visits(services):
    """Two home visits and an after-hours appointment for 李强 tomorrow, one visit for 张敏."""
    day = TOMORROW
    at = lambda h, m=0: datetime(day.year, day.month, day.day, h, m)  # noqa: E731
    return [
        book(services, AppointmentKind.HOME_VISIT, at(14), at(15), address="测试路8号3单元"),
        book(
            services,
            AppointmentKind.HOME_VISIT,
            at(9),
            at(10, 30),
            name="赵老伯",
            address="幸福里2栋",
        ),
        book(services, AppointmentKind.AFTER_HOURS, at(17, 30), at(18)),
        book(services, AppointmentKind.HOME_VISIT, at(9), at(10), staff="1001", address="别处5号"),
    ]


# ---- the day's schedule ------------------------------------------------------------------------


def test_the_schedule_lists_a_staff_members_day_and_prints_it(
    qtbot, services, clerk, round_of_visits, tmp_path
):
    out = tmp_path / "schedule.pdf"

    def to_file(parent):
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        return printer

    dialog = HomeVisitSchedule(
        services, clerk, day=TOMORROW, staff_number="1002", choose_printer=to_file
    )
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded) as blocker:
        dialog.show()
    listed = blocker.args[0]
    assert [a.start.strftime("%H:%M") for a in listed] == ["09:00", "14:00", "17:30"]
    assert dialog.table.rowCount() == 3
    assert (
        dialog.table.item(0, 2).text() == "赵老伯" and dialog.table.item(0, 3).text() == "幸福里2栋"
    )
    assert dialog.table.item(1, 1).text() == "上门办"
    assert dialog.message.text() == "共 3 个预约，其中上门办 2 个"

    with qtbot.waitSignal(dialog.loaded) as blocker:  # only the home visits
        dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("上门办"))
    assert [a.place for a in blocker.args[0]] == ["幸福里2栋", "测试路8号3单元"]

    with qtbot.waitSignal(dialog.preview_opened) as blocker:
        qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    preview = blocker.args[0]
    assert [d.title for d in preview.documents] == ["预约服务日程"]
    with qtbot.waitSignal(preview.printed):
        qtbot.mouseClick(preview.print_button, Qt.MouseButton.LeftButton)
    text = "".join(pypdf.PdfReader(out).pages[0].extract_text().split())
    assert "预约服务日程" in text and "李强" in text
    assert "幸福里2栋" in text and "测试路8号3单元" in text and "别处5号" not in text


def test_another_day_or_staff_member(qtbot, services, clerk, round_of_visits):
    dialog = HomeVisitSchedule(services, clerk, day=TOMORROW)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded) as blocker:
        dialog.show()
    assert dialog.staff_number() == "1001"  # the clerk's own day by default
    assert [a.place for a in blocker.args[0]] == ["别处5号"]
    with qtbot.waitSignal(dialog.loaded) as blocker:
        dialog.date_edit.setDate(dialog.date_edit.date().addDays(1))
    assert blocker.args[0] == [] and dialog.empty_label.text() == "这一天没有安排预约"
    assert not dialog.print_button.isEnabled()


# ---- checking in ---------------------------------------------------------------------------------


@pytest.fixture
def today_slip(services):
    """An early-service appointment today at 10:00 and its signed QR payload."""
    appointment = book(
        services, AppointmentKind.EARLY, datetime(2026, 3, 2, 10), datetime(2026, 3, 2, 11)
    )
    return appointment, services.appointments.qr_payload(appointment.number)


@pytest.fixture
def check_in_dialog(qtbot, services, clerk):
    dialog = CheckInDialog(services, clerk)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def scan(qtbot, dialog, payload):
    """A keyboard-wedge scanner: each line's ASCII characters, then Enter."""
    for line in payload.splitlines():
        text = "".join(c for c in line if c.isascii() and c.isprintable())
        if text:
            qtbot.keyClicks(dialog.scan_edit, text)
        qtbot.keyClick(dialog.scan_edit, Qt.Key.Key_Return)


def test_a_real_slip_checks_in_with_an_appointment_ticket(
    qtbot, services, check_in_dialog, today_slip
):
    appointment, payload = today_slip
    assert payload.count("\n") >= 6  # readable lines first, the signed line last
    with qtbot.waitSignal(check_in_dialog.checked_in) as blocker:
        scan(qtbot, check_in_dialog, payload)
    check_in = blocker.args[0]
    ticket = check_in.ticket.ticket
    assert ticket.kind is TicketKind.APPOINTMENT and ticket.appointment_no == appointment.number
    assert check_in_dialog.ticket_label.text() == ticket.number
    assert "签到成功" in check_in_dialog.result_title.text()
    assert appointment.number in check_in_dialog.message_text()
    assert services.appointments.get(appointment.number).status is AppointmentStatus.CHECKED_IN
    assert check_in_dialog.scan_edit.toPlainText() == ""  # ready for the next citizen

    with qtbot.waitSignal(check_in_dialog.refused) as blocker:  # the same slip again
        scan(qtbot, check_in_dialog, payload)
    assert blocker.args[0].startswith(f"预约 {appointment.number} 已于 09:00 签到")
    assert not check_in_dialog.ticket_label.isVisible()


def test_an_altered_slip_is_called_forged(qtbot, check_in_dialog, today_slip):
    appointment, payload = today_slip
    signed = payload.splitlines()[-1]
    last = signed[-1]
    tampered = payload[:-1] + ("A" if last != "A" else "B")
    assert tampered.splitlines()[-1] != signed
    with qtbot.waitSignal(check_in_dialog.refused) as blocker:
        scan(qtbot, check_in_dialog, tampered)
    assert blocker.args[0] == (
        "预约单二维码校验失败：内容被修改或不是本大厅出具，请到导办台人工核实"
    )
    assert check_in_dialog.result_title.text() == "不能签到"


def test_a_slip_for_another_day_says_which_day(qtbot, services, check_in_dialog):
    appointment = book(
        services,
        AppointmentKind.AFTER_HOURS,
        datetime(2026, 3, 3, 17, 30),
        datetime(2026, 3, 3, 18),
    )
    payload = services.appointments.qr_payload(appointment.number)
    with qtbot.waitSignal(check_in_dialog.refused) as blocker:
        scan(qtbot, check_in_dialog, payload)
    assert blocker.args[0] == (
        "这张预约单的预约日期是 2026年3月3日，不是今天（2026年3月2日），今天不能签到"
    )


def test_something_that_is_not_a_slip(qtbot, check_in_dialog):
    qtbot.keyClicks(check_in_dialog.scan_edit, "hello")
    qtbot.keyClick(check_in_dialog.scan_edit, Qt.Key.Key_Return)
    assert check_in_dialog.progress.text() == "已读取 1 行，等待二维码的签名行…"
    with qtbot.waitSignal(check_in_dialog.refused) as blocker:
        qtbot.mouseClick(check_in_dialog.check_button, Qt.MouseButton.LeftButton)
    assert blocker.args[0] == "这不是本大厅的预约单二维码，请出示预约服务单上的二维码"


def test_check_in_by_number_without_the_slip(qtbot, check_in_dialog, today_slip):
    appointment, _payload = today_slip
    qtbot.keyClicks(check_in_dialog.number_edit, appointment.number.lower())
    with qtbot.waitSignal(check_in_dialog.checked_in) as blocker:
        qtbot.keyClick(check_in_dialog.number_edit, Qt.Key.Key_Return)
    assert blocker.args[0].appointment.number == appointment.number


def test_when_a_scan_is_complete():
    signed = "YC1|YY20260302-001|20260302|H1|" + "A" * 24
    assert not scan_complete("")
    assert not scan_complete("预约服务单\n")
    assert not scan_complete("line\n" + signed)  # the signed line is not ended yet
    assert scan_complete("line\n" + signed + "\n")
    assert scan_complete("https://zwfw.example.gov.cn/yy?no=1&sig=2\n")
    event = "BEGIN:VEVENT\nDESCRIPTION:x\\n" + signed[:20] + "\n " + signed[20:] + "\n"
    assert not scan_complete(event)  # a calendar event waits for its end
    assert scan_complete(event + "END:VEVENT\n")


def test_a_slip_from_another_hall(qtbot, check_in_dialog, today_slip):
    appointment, _payload = today_slip
    other = qrsign.HallKey("ZZ9", b"another hall's secret, never ours")
    line = qrsign.machine_line(other, appointment.number, date(2026, 3, 2))
    with qtbot.waitSignal(check_in_dialog.refused) as blocker:
        scan(qtbot, check_in_dialog, line)
    assert blocker.args[0] == ("这张预约单是其他政务服务大厅（ZZ9）出具的，请到预约的大厅办理")
