"""The lobby kiosk on real widgets: taps issue real tickets in a SQLite hall; outages, printer
failures, scanner check-in, elder mode and the idle timeout. Waits on signals, never sleeps."""

from __future__ import annotations

import dataclasses
import shutil

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontInfo
from PySide6.QtWidgets import QWidget

from desktop.kiosk import KioskWindow
from desktop.kiosk_widgets import TileGrid
from desktop.ticket_printer import PrinterError, TicketPrinter
from tests.hallfixtures import small_catalog
from yichuang.appointments import AppointmentKind, AppointmentRequest
from yichuang.citizens import Citizen
from yichuang.config import PCConfig
from yichuang.db import open_database
from yichuang.errors import DatabaseUnavailable, YichuangError
from yichuang.hall import install_catalog
from yichuang.models import TicketRow
from yichuang.queue import PriorityGroup, TicketKind
from yichuang.services import HallServices

WAIT = 5000  # ms


class RecordingPrinter(TicketPrinter):
    """Prints into a list; fails the first ``failures`` times like a printer out of paper."""

    def __init__(self, failures: int = 0) -> None:
        self.failures = failures
        self.slips = []

    def print_slip(self, slip) -> None:
        if self.failures:
            self.failures -= 1
            raise PrinterError.not_found("XP-80C")
        self.slips.append(slip)


@pytest.fixture
def printer():
    return RecordingPrinter()


@pytest.fixture
def make_kiosk(qtbot, services, printer):
    made: list[KioskWindow] = []

    def make(hall: HallServices | None = None, **kwargs) -> KioskWindow:
        kwargs.setdefault("printer", printer)
        kiosk = KioskWindow(hall or services, PCConfig(kiosk_id="kiosk-t"), **kwargs)
        made.append(kiosk)
        kiosk.resize(1080, 1920)
        kiosk.show()
        qtbot.waitUntil(lambda: kiosk.snapshot is not None, timeout=WAIT)
        return kiosk

    yield make
    for kiosk in made:
        kiosk.close()  # waits for its workers before the database closes


@pytest.fixture
def kiosk(make_kiosk):
    return make_kiosk()


def tap(qtbot, widget: QWidget) -> None:
    """A finger on the widget (scrolled into view first, as a citizen would)."""
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, TileGrid):
        parent = parent.parentWidget()
    if parent is not None:
        parent.ensureWidgetVisible(widget)
    assert widget.isVisible() and widget.isEnabled()
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def scan(qtbot, kiosk: KioskWindow, payload: str, enter=Qt.Key.Key_Return) -> None:
    """What a keyboard-wedge scanner with a US layout types for a QR code: its ASCII
    characters (Chinese cannot be typed, so it never arrives), Enter for each line break and
    at the end."""
    for line in payload.split("\n"):
        typed = "".join(c for c in line if c.isascii())
        if typed:
            qtbot.keyClicks(kiosk, typed)
        qtbot.keyClick(kiosk, enter)


def tile_titled(grid: TileGrid, title: str):
    return next(t for t in grid.tiles() if t.title() == title)


def tickets():
    return list(TicketRow.select().order_by(TicketRow.id))


def issue_by_tapping(qtbot, kiosk: KioskWindow, area: str, title: str):
    tap(qtbot, kiosk.area_tiles[area])
    assert kiosk.current_page() == "items"
    with qtbot.waitSignal(kiosk.ticket_issued, timeout=WAIT) as issued:
        tap(qtbot, tile_titled(kiosk.item_grid, title))
    return issued.args[0]


def test_area_then_item_issues_a_ticket_and_shows_it(qtbot, kiosk, services, printer):
    services.engine.issue("RSJ-001")
    services.engine.issue("B")
    assert kiosk.hall_label.text() == "测试区政务服务中心"
    assert set(kiosk.area_tiles) == {"QY", "MS"}
    with qtbot.waitSignal(kiosk.ticket_printed, timeout=WAIT):
        issued = issue_by_tapping(qtbot, kiosk, "MS", "社会保障卡申领")

    rows = tickets()
    assert len(rows) == 3
    row = rows[-1]
    assert (row.number, row.item_code, row.kind) == ("B003", "RSJ-001", TicketKind.NORMAL)
    assert row.request_id.startswith("kiosk-t-")
    assert issued.ticket.number == "B003"

    assert kiosk.current_page() == "ticket"
    assert kiosk.ticket_number_label.text() == "B003"
    assert kiosk.ticket_service_label.text() == "社会保障卡申领"
    assert kiosk.ahead_label.text() == "您前面还有 2 人等候"
    assert kiosk.estimate_label.text() == f"预计等候约 {issued.estimated_minutes} 分钟"
    assert "二楼B区" in kiosk.place_label.text()
    assert kiosk.print_status_label.text() == "已打印，请取走凭条"
    assert not kiosk.ticket_priority_label.isVisible()
    assert kiosk.countdown_label.text().endswith("秒后自动返回首页")

    (slip,) = printer.slips
    assert (slip.ticket_no, slip.service_name, slip.waiting_ahead) == ("B003", "社会保障卡申领", 2)
    assert slip.header.hall_name == "测试区政务服务中心"
    assert slip.header.clerk_no == "kiosk-t"
    assert not slip.green_channel


def test_item_tiles_show_the_waiting_count(qtbot, kiosk, services):
    tap(qtbot, kiosk.area_tiles["MS"])
    assert "当前等候 0 人" in kiosk.item_tile("RSJ-001").subtitle_label.text()
    services.engine.issue("B")
    kiosk._refresh_waiting()
    qtbot.waitUntil(
        lambda: "当前等候 1 人" in kiosk.item_tile("RSJ-001").subtitle_label.text(), timeout=WAIT
    )


def test_a_double_tap_issues_one_ticket(qtbot, kiosk, services, monkeypatch):
    requests = []
    real_issue = services.engine.issue

    def issue(service, **kwargs):
        requests.append(kwargs["request_id"])
        return real_issue(service, **kwargs)

    monkeypatch.setattr(services.engine, "issue", issue)
    tap(qtbot, kiosk.area_tiles["MS"])
    tile = tile_titled(kiosk.item_grid, "社会保障卡申领")
    with qtbot.waitSignal(kiosk.ticket_issued, timeout=WAIT):
        qtbot.mouseClick(tile, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(tile, Qt.MouseButton.LeftButton)  # while the first is on its way
    assert len(requests) == 1  # the second tap never became a request
    assert [r.number for r in tickets()] == ["B001"]


def test_search_finds_items_by_pinyin_initials(qtbot, kiosk):
    tap(qtbot, kiosk.search_entry)
    assert kiosk.current_page() == "search"
    for key in "sbk":
        tap(qtbot, kiosk.search_keyboard.keys[key])
    assert kiosk.search_edit.text() == "sbk"
    found = kiosk.search_grid.tiles()
    assert [t.title() for t in found] == ["社会保障卡申领"]
    assert kiosk.search_hint.text() == "找到 1 项，请点击要办理的事项"

    tap(qtbot, kiosk.search_keyboard.keys["erase"])
    tap(qtbot, kiosk.search_keyboard.keys["clear"])
    for key in "qysl":
        tap(qtbot, kiosk.search_keyboard.keys[key])
    assert [t.title() for t in kiosk.search_grid.tiles()] == ["企业设立登记"]
    with qtbot.waitSignal(kiosk.ticket_issued, timeout=WAIT) as issued:
        tap(qtbot, kiosk.search_grid.tiles()[0])
    assert issued.args[0].ticket.item_code == "SCJG-001"

    kiosk.go_home()
    tap(qtbot, kiosk.search_entry)
    assert kiosk.search_edit.text() == ""  # the next citizen starts afresh
    for key in "zzz":
        tap(qtbot, kiosk.search_keyboard.keys[key])
    assert kiosk.search_grid.tiles() == []
    assert "没有找到" in kiosk.search_hint.text()


def test_green_channel_issues_a_priority_ticket_for_the_group(qtbot, kiosk, services, printer):
    tap(qtbot, kiosk.priority_button)
    assert kiosk.current_page() == "priority"
    assert set(kiosk.group_tiles) == set(PriorityGroup)
    tap(qtbot, kiosk.group_tiles[PriorityGroup.ELDERLY])
    assert kiosk.current_page() == "home"
    assert kiosk.priority_strip.isVisible()
    assert "老年人" in kiosk.priority_label.text()

    with qtbot.waitSignal(kiosk.ticket_printed, timeout=WAIT):
        issue_by_tapping(qtbot, kiosk, "MS", "社会保障卡申领")
    (row,) = tickets()
    assert (row.kind, row.priority_group) == (TicketKind.PRIORITY, "老年人")
    assert kiosk.ticket_priority_label.isVisible()
    assert "绿色通道" in kiosk.ticket_priority_label.text()
    assert "老年人" in kiosk.ticket_priority_label.text()
    assert printer.slips[0].green_channel
    # the choice is for one ticket only
    assert kiosk.priority_group is None
    assert not kiosk.priority_strip.isVisible()
    with qtbot.waitSignal(kiosk.ticket_issued, timeout=WAIT):
        kiosk.request_ticket(services.directory.item("RSJ-001"))
    assert tickets()[-1].kind == TicketKind.NORMAL


def test_green_channel_can_be_cancelled(qtbot, kiosk):
    tap(qtbot, kiosk.priority_button)
    tap(qtbot, kiosk.group_tiles[PriorityGroup.PREGNANT])
    kiosk.clear_priority()
    assert kiosk.priority_group is None and not kiosk.priority_strip.isVisible()


def test_printer_failure_keeps_the_ticket_and_it_can_be_printed_again(qtbot, make_kiosk, services):
    printer = RecordingPrinter(failures=2)
    kiosk = make_kiosk(printer=printer)
    with qtbot.waitSignal(kiosk.print_failed, timeout=WAIT) as failed:
        issue_by_tapping(qtbot, kiosk, "MS", "社会保障卡申领")
    assert isinstance(failed.args[0], PrinterError)
    assert [r.number for r in tickets()] == ["B001"]  # issued before printing
    assert kiosk.print_status_label.text().startswith("打印失败，请到导办台补打")
    assert "XP-80C" in kiosk.print_status_label.text()
    assert kiosk.retry_print_button.isVisible()

    with qtbot.waitSignal(kiosk.print_failed, timeout=WAIT):
        tap(qtbot, kiosk.retry_print_button)  # still out of paper
    with qtbot.waitSignal(kiosk.ticket_printed, timeout=WAIT):
        tap(qtbot, kiosk.retry_print_button)
    assert [s.ticket_no for s in printer.slips] == ["B001"]
    assert kiosk.print_status_label.text() == "已打印，请取走凭条"
    assert not kiosk.retry_print_button.isVisible()

    # 补打 from the start page prints the same ticket again, never a new number
    kiosk.go_home()
    with qtbot.waitSignal(kiosk.ticket_printed, timeout=WAIT):
        tap(qtbot, kiosk.reprint_button)
    assert kiosk.current_page() == "ticket"
    assert [s.ticket_no for s in printer.slips] == ["B001", "B001"]
    assert [r.number for r in tickets()] == ["B001"]


def test_outage_shows_the_banner_retries_with_the_same_request_and_recovers(
    qtbot, kiosk, services, monkeypatch
):
    real_issue = services.engine.issue
    request_ids = []

    def flaky_issue(service, **kwargs):
        request_ids.append(kwargs["request_id"])
        if len(request_ids) <= 3:
            raise DatabaseUnavailable(detail="connection refused")
        return real_issue(service, **kwargs)

    monkeypatch.setattr(services.engine, "issue", flaky_issue)
    kiosk.retry_ms = 20
    tap(qtbot, kiosk.area_tiles["MS"])
    tile = tile_titled(kiosk.item_grid, "社会保障卡申领")
    with qtbot.waitSignal(kiosk.connection_changed, timeout=WAIT) as changed:
        tap(qtbot, tile)
    assert changed.args == [False]
    assert kiosk.banner.isVisible()
    assert kiosk.banner_label.text() == "暂停取号：系统连接中断，正在自动重试…"
    assert "社会保障卡申领" in kiosk.pending_label.text()
    assert not tile.isEnabled()
    assert not kiosk.area_tiles["QY"].isEnabled()

    with qtbot.waitSignal(kiosk.ticket_issued, timeout=WAIT) as issued:
        pass
    assert len(request_ids) == 4 and len(set(request_ids)) == 1
    assert not kiosk.banner.isVisible()
    assert kiosk.online and tile.isEnabled()
    assert issued.args[0].ticket.number == "B001"
    assert [r.number for r in tickets()] == ["B001"]


def test_a_reply_lost_after_the_commit_does_not_make_a_second_number(
    qtbot, kiosk, services, monkeypatch
):
    real_issue = services.engine.issue
    calls = []

    def commit_then_lose_the_reply(service, **kwargs):
        calls.append(kwargs["request_id"])
        issued = real_issue(service, **kwargs)
        if len(calls) == 1:
            raise DatabaseUnavailable(detail="server closed the connection unexpectedly")
        return issued

    monkeypatch.setattr(services.engine, "issue", commit_then_lose_the_reply)
    kiosk.retry_ms = 20
    with qtbot.waitSignal(kiosk.ticket_issued, timeout=WAIT) as issued:
        tap(qtbot, kiosk.area_tiles["MS"])
        tap(qtbot, tile_titled(kiosk.item_grid, "社会保障卡申领"))
    assert len(calls) == 2 and calls[0] == calls[1]
    assert issued.args[0].ticket.number == "B001"
    assert [(r.number, r.request_id) for r in tickets()] == [("B001", calls[0])]
    assert kiosk.ticket_number_label.text() == "B001"


def test_real_outage_the_database_file_disappears_and_comes_back(
    qtbot, make_kiosk, tmp_path, clock
):
    folder = tmp_path / "hall"
    url = f"sqlite:///{folder / 'hall.db'}"
    store = open_database(url, migrate=True)
    install_catalog(store, small_catalog())
    store.close()
    hall = HallServices.open(url, clock=clock)
    try:
        kiosk = make_kiosk(hall)
        kiosk.retry_ms = 50
        tap(qtbot, kiosk.area_tiles["MS"])
        away = tmp_path / "away"
        folder.rename(away)  # the file server went away
        with qtbot.waitSignal(kiosk.connection_changed, timeout=10_000) as changed:
            tap(qtbot, tile_titled(kiosk.item_grid, "社会保障卡申领"))
        assert changed.args == [False]
        assert kiosk.banner.isVisible()
        with qtbot.waitSignal(kiosk.ticket_issued, timeout=10_000) as issued:
            away.rename(folder)
        assert issued.args[0].ticket.number == "B001"
        assert [r.number for r in tickets()] == ["B001"]
        assert not kiosk.banner.isVisible()
    finally:
        kiosk.close()
        if not folder.exists():
            shutil.move(str(tmp_path / "away"), str(folder))
        hall.close()


def test_a_cancelled_request_is_not_issued_when_the_database_returns(
    qtbot, kiosk, services, monkeypatch
):
    down = True
    real_issue = services.engine.issue
    real_counts = services.engine.waiting_counts

    def issue(service, **kwargs):
        if down:
            raise DatabaseUnavailable(detail="timeout")
        return real_issue(service, **kwargs)

    def waiting_counts():
        if down:
            raise DatabaseUnavailable(detail="timeout")
        return real_counts()

    monkeypatch.setattr(services.engine, "issue", issue)
    monkeypatch.setattr(services.engine, "waiting_counts", waiting_counts)
    kiosk.retry_ms = 20
    tap(qtbot, kiosk.area_tiles["MS"])
    with qtbot.waitSignal(kiosk.connection_changed, timeout=WAIT):
        tap(qtbot, tile_titled(kiosk.item_grid, "社会保障卡申领"))
    tap(qtbot, kiosk.cancel_pending_button)
    assert not kiosk.pending_label.isVisible()
    assert kiosk.banner.isVisible()  # still down
    down = False
    with qtbot.waitSignal(kiosk.connection_changed, timeout=WAIT) as changed:
        pass
    assert changed.args == [True]
    assert tickets() == []


def test_a_refusal_from_the_queue_is_shown_plainly(qtbot, kiosk, services):
    for _ in range(3):
        services.engine.issue("C")  # 限号业务: 3 a day
    tap(qtbot, kiosk.area_tiles["MS"])
    with qtbot.waitSignal(kiosk.message_shown, timeout=WAIT) as shown:
        tap(qtbot, tile_titled(kiosk.item_grid, "限号事项"))
    assert shown.args[0] == "“限号业务”今日号源已取完（每日 3 个）"
    assert kiosk.current_page() == "message"
    assert kiosk.online


@pytest.fixture
def check_ins(services):
    """A stand-in for the appointment book: records codes, issues an appointment ticket."""
    codes = []

    def check_in(code: str):
        codes.append(code)
        if "FORGED" in code:
            raise YichuangError(zh="预约单二维码校验失败，请到导办台核实", en="bad signature")
        return services.engine.issue(
            "RSJ-001", kind=TicketKind.APPOINTMENT, appointment_no="WH20260302-0007"
        )

    check_in.codes = codes
    return check_in


def test_scanner_characters_then_enter_check_in_the_appointment(
    qtbot, make_kiosk, check_ins, printer
):
    kiosk = make_kiosk(check_in=check_ins)
    payload = "YC1:APPT:WH20260302-0007:2026-03-02T09:00:sig=abc123"
    with qtbot.waitSignal(kiosk.checked_in, timeout=WAIT) as checked:
        scan(qtbot, kiosk, payload)
    assert check_ins.codes == [payload]
    issued = checked.args[0]
    assert issued.ticket.kind is TicketKind.APPOINTMENT
    assert kiosk.current_page() == "ticket"
    assert kiosk.ticket_heading.text() == "签到成功"
    assert kiosk.ticket_service_label.text() == "社会保障卡申领"
    assert "WH20260302-0007" in kiosk.ticket_priority_label.text()
    qtbot.waitUntil(lambda: len(printer.slips) == 1, timeout=WAIT)
    assert printer.slips[0].appointment_no == "WH20260302-0007"


def test_typed_appointment_code_and_a_refused_slip(qtbot, make_kiosk, check_ins):
    kiosk = make_kiosk(check_in=check_ins)
    tap(qtbot, kiosk.checkin_button)
    assert kiosk.current_page() == "checkin"
    keyboard = kiosk.pages["checkin"].findChild(type(kiosk.search_keyboard))
    for key in ("w", "h", "1", "-", "7"):
        tap(qtbot, keyboard.keys[key])
    assert kiosk.checkin_edit.text() == "WH1-7"
    with qtbot.waitSignal(kiosk.checked_in, timeout=WAIT):
        tap(qtbot, kiosk.checkin_submit)
    assert check_ins.codes == ["WH1-7"]

    kiosk.go_home()
    with qtbot.waitSignal(kiosk.message_shown, timeout=WAIT) as shown:
        scan(qtbot, kiosk, "YC1:APPT:FORGED", enter=Qt.Key.Key_Enter)
    assert shown.args[0] == "预约单二维码校验失败，请到导办台核实"
    assert kiosk.current_page() == "message"


def test_the_hall_appointment_book_checks_in_a_real_slip(qtbot, kiosk, services, clock):
    """The default check-in: the signed QR of a slip booked today, then a forged copy."""
    book = services.appointments
    start = clock.now.replace(hour=9, minute=30)
    appointment = book.book(
        AppointmentRequest(
            kind=AppointmentKind.EARLY,
            item_code="RSJ-001",
            citizen=Citizen.person("王小明", "11010519491231002X", "13800138000"),
            start=start,
            end=start.replace(minute=59),
            staff_number="1001",
        )
    )
    payload = book.qr_payload(appointment.number)
    with qtbot.waitSignal(kiosk.checked_in, timeout=WAIT) as checked:
        scan(qtbot, kiosk, payload)
    ticket = checked.args[0].ticket
    assert (ticket.kind, ticket.appointment_no) == (TicketKind.APPOINTMENT, appointment.number)
    assert book.get(appointment.number).ticket_number == ticket.number
    assert kiosk.ticket_number_label.text() == ticket.number

    kiosk.go_home()
    with qtbot.waitSignal(kiosk.message_shown, timeout=WAIT) as shown:  # scanned again
        scan(qtbot, kiosk, payload)
    assert f"已于 09:00 签到（排队号 {ticket.number}）" in shown.args[0]

    kiosk.go_home()
    forged = payload.replace(appointment.number, appointment.number[:-1] + "9")
    with qtbot.waitSignal(kiosk.message_shown, timeout=WAIT) as shown:
        scan(qtbot, kiosk, forged)
    assert "校验失败" in shown.args[0]
    assert len(tickets()) == 1


def test_check_in_without_an_appointment_book_says_so(qtbot, make_kiosk, services):
    services = dataclasses.replace(services)
    del services.appointments  # a hall set up before appointments existed
    kiosk = make_kiosk(services)
    with qtbot.waitSignal(kiosk.message_shown, timeout=WAIT) as shown:
        scan(qtbot, kiosk, "YC1:APPT:X")
    assert shown.args[0] == "预约签到功能未启用，请到导办台办理。"


def test_leaving_the_search_returns_scanner_keys_to_the_window(qtbot, kiosk):
    tap(qtbot, kiosk.search_entry)
    kiosk.search_edit.setFocus()
    kiosk.go_home()
    assert kiosk.focusWidget() is not kiosk.search_edit
    assert not kiosk.search_edit.hasFocus()


def test_elder_mode_uses_larger_type_and_targets(qtbot, make_kiosk):
    normal = make_kiosk()
    elder = make_kiosk(elder_mode=True)

    def pixels(label) -> int:
        return QFontInfo(label.font()).pixelSize()

    for attribute in ("title_label", "subtitle_label"):
        small = pixels(getattr(normal.area_tiles["MS"], attribute))
        large = pixels(getattr(elder.area_tiles["MS"], attribute))
        assert large >= small * 1.25
    assert pixels(elder.ticket_number_label) > pixels(normal.ticket_number_label) * 1.25
    assert elder.area_tiles["MS"].height() > normal.area_tiles["MS"].height() * 1.25
    assert elder.elder_button.isChecked() and elder.elder_button.text() == "标准字体"

    # a citizen may switch it on; the next one starts with the kiosk's default again
    before = pixels(normal.area_tiles["MS"].title_label)
    tap(qtbot, normal.elder_button)
    assert normal.elder_mode
    assert pixels(normal.area_tiles["MS"].title_label) > before
    normal.go_home()
    assert not normal.elder_mode
    assert pixels(normal.area_tiles["MS"].title_label) == before


def test_idle_kiosk_returns_to_the_start(qtbot, kiosk):
    assert not kiosk.idle_timer.isActive()  # at rest on the start page
    kiosk.idle_ms = 30
    tap(qtbot, kiosk.priority_button)
    tap(qtbot, kiosk.group_tiles[PriorityGroup.MILITARY])
    tap(qtbot, kiosk.area_tiles["QY"])
    assert kiosk.idle_timer.isActive()
    with qtbot.waitSignal(kiosk.page_changed, timeout=WAIT) as page:
        pass
    assert page.args == ["home"]
    assert kiosk.current_page() == "home"
    assert kiosk.priority_group is None
    assert not kiosk.idle_timer.isActive()


def test_the_ticket_page_has_its_own_shorter_timeout(qtbot, kiosk):
    kiosk.ticket_idle_ms = 40
    issue_by_tapping(qtbot, kiosk, "QY", "企业设立登记")
    assert kiosk.current_page() == "ticket"
    assert kiosk.idle_timer.interval() == 40
    qtbot.waitUntil(lambda: kiosk.current_page() == "home", timeout=WAIT)
