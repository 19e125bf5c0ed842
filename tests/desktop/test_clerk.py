"""The clerk console driven through its real widgets: sign-in, calling, recall, no-show, transfer,
pause, finish into case entry, the live waiting list and the service timer.

Modal questions (no-show, transfer, pause) are answered by patching the dialog's ``ask`` at
class level; the dialogs themselves are driven directly in their own tests below.
"""

from __future__ import annotations

import gc

import pytest
from PySide6.QtCore import Qt

from desktop.clerk import ClerkConsole
from desktop.clerk_dialogs import NoShowDialog, PauseDialog, TransferDialog, TransferTarget
from desktop.signin import ClerkSession, SignInDialog
from yichuang import config
from yichuang.config import PCConfig
from yichuang.errors import DatabaseUnavailable
from yichuang.queue import CounterStatus, TicketKind, TicketStatus


def open_console(qtbot, services, path, counter=1, staff="1001", case_entry=None):
    services.engine.sign_in(counter, staff)
    session = ClerkSession(services.staff.get(staff), counter)
    window = ClerkConsole(
        services, PCConfig(counter=counter), path, case_entry=case_entry, session=session
    )
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.state is not None and window.follower is not None)
    return window


@pytest.fixture(autouse=True)
def collect_on_the_ui_thread():
    """Collect each test's garbage here: a cycle holding a Qt object, collected later on a
    worker thread (the follower or the runner), would destroy that object off its thread."""
    yield
    gc.collect()


@pytest.fixture
def cases():
    """What the case-entry hook received: (parent widget, ticket or None)."""
    return []


@pytest.fixture
def console(qtbot, services, tmp_path, cases):
    window = open_console(
        qtbot, services, tmp_path / "pc.toml", case_entry=lambda w, session, t: cases.append((w, t))
    )
    yield window
    window.close()  # stops the follower thread before the database closes


def press(qtbot, console, key):
    """A function key as the clerk presses it (the window must be active for shortcuts)."""
    console.activateWindow()
    qtbot.waitUntil(console.isActiveWindow)
    qtbot.keyClick(console, key)


def click(qtbot, console, shortcut):
    button = console.buttons[shortcut]
    assert button.isEnabled(), f"{shortcut} is disabled"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def call_and_wait(qtbot, console, shortcut="F1"):
    with qtbot.waitSignal(console.ticket_called) as blocker:
        click(qtbot, console, shortcut)
    ticket = blocker.args[0]
    qtbot.waitUntil(lambda: console.card.number.text() == ticket.number)
    return ticket


def idle(console):
    return console.current_ticket() is None and console.act_call_next.isEnabled()


# ---- sign-in ---------------------------------------------------------------------------------


def test_sign_in_wrong_pin_then_right_pin_remembers_the_counter(qtbot, services, tmp_path):
    path = tmp_path / "pc.toml"
    window = ClerkConsole(services, PCConfig(counter=2), path)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.sign_in_dialog is not None)
    dialog = window.sign_in_dialog
    qtbot.waitUntil(lambda: dialog.counter_combo.count() == 4)
    assert dialog.counter() == 2  # this PC's counter is preselected
    dialog.choose_counter(3)
    qtbot.keyClicks(dialog.number_edit, "1001")
    qtbot.keyClicks(dialog.pin_edit, "9999")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.error_text() != "")
    assert dialog.error_text() == "工号或密码不正确"
    assert dialog.pin_edit.text() == ""  # only the PIN is cleared
    assert dialog.number_edit.text() == "1001"
    assert dialog.counter() == 3
    assert dialog.pin_edit.echoMode() == dialog.pin_edit.EchoMode.Password
    assert window.session is None

    qtbot.keyClicks(dialog.pin_edit, "1234")
    with qtbot.waitSignal(window.signed_in) as blocker:
        qtbot.keyClick(dialog.pin_edit, Qt.Key.Key_Return)
    session = blocker.args[0]
    assert (session.staff.number, session.counter) == ("1001", 3)
    assert config.load(path).counter == 3  # remembered for this PC
    assert services.engine.counter(3).staff_number == "1001"
    qtbot.waitUntil(lambda: window.state is not None)
    assert window.counter_label.text() == "3号窗口"
    assert "张敏" in window.clerk_label.text() and "1001" in window.clerk_label.text()
    qtbot.waitUntil(lambda: window.sign_in_dialog is None)

    # next time this PC's remembered counter is preselected
    again = SignInDialog(services, config.load(path), path)
    qtbot.addWidget(again)
    qtbot.waitUntil(lambda: again.counter_combo.count() == 4)
    assert again.counter() == 3
    again.runner.wait()
    window.close()


def test_only_staff_who_may_serve_sign_in_at_a_counter(qtbot, services, tmp_path):
    services.staff.add("2001", "赵导办", "kiosk", "1111")
    dialog = SignInDialog(services, PCConfig(counter=1), tmp_path / "pc.toml")
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.counter_combo.count() == 4)
    dialog.number_edit.setText("2001")
    dialog.pin_edit.setText("1111")
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.error_text() != "")
    assert "没有权限" in dialog.error_text()
    assert dialog.session is None
    assert services.engine.counter(1).staff_number is None
    assert not (tmp_path / "pc.toml").exists()
    dialog.runner.wait()


def test_empty_fields_are_asked_for_without_a_round_trip(qtbot, services, tmp_path):
    dialog = SignInDialog(services, PCConfig(), tmp_path / "pc.toml")
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.counter_combo.count() == 4)
    assert dialog.counter() == 1  # no counter remembered yet: the first one
    dialog.submit()
    assert dialog.error_text() == "请输入工号"
    dialog.number_edit.setText("1001")
    dialog.submit()
    assert dialog.error_text() == "请输入密码"
    dialog.runner.wait()


# ---- calling -----------------------------------------------------------------------------------


def test_call_next_by_button_and_by_f1_shows_the_number(qtbot, console, services):
    engine = services.engine
    engine.issue("A")
    engine.issue("B")
    qtbot.waitUntil(lambda: console.waiting_numbers() == ["A001", "B001"])
    assert console.buttons["F1"].isEnabled()

    ticket = call_and_wait(qtbot, console)
    assert ticket.number == "A001"
    assert console.card.status_chip.text() == "已叫号"
    assert console.card.value_text("calls") == "1 次"
    assert not console.act_call_next.isEnabled()  # one ticket at a time
    assert console.act_recall.isEnabled()
    qtbot.waitUntil(lambda: console.waiting_numbers() == ["B001"])

    with qtbot.waitSignal(console.ticket_finished):
        click(qtbot, console, "F4")
    qtbot.waitUntil(lambda: idle(console))

    with qtbot.waitSignal(console.ticket_called) as blocker:
        press(qtbot, console, Qt.Key.Key_F1)
    assert blocker.args[0].number == "B001"
    qtbot.waitUntil(lambda: console.card.number.text() == "B001")
    assert engine.counter(1).current.number == "B001"


def test_call_next_with_nobody_waiting_says_so(qtbot, console):
    click(qtbot, console, "F1")
    qtbot.waitUntil(lambda: console.notice_text() == "当前没有等候的群众")
    assert not console.notice_is_error()
    assert console.act_call_next.isEnabled()


def test_recall_increments_the_call_count(qtbot, console, services):
    services.engine.issue("A")
    qtbot.waitUntil(lambda: console.waiting_numbers() == ["A001"])
    call_and_wait(qtbot, console)
    with qtbot.waitSignal(console.ticket_called) as blocker:
        press(qtbot, console, Qt.Key.Key_F2)
    assert blocker.args[0].call_count == 2
    qtbot.waitUntil(lambda: console.card.value_text("calls") == "2 次")
    assert services.engine.counter(1).current.call_count == 2


def test_call_a_chosen_ticket_by_f8_or_double_click(qtbot, console, services):
    for _ in range(3):
        services.engine.issue("A")
    qtbot.waitUntil(lambda: console.waiting_numbers() == ["A001", "A002", "A003"])
    assert console.select_waiting("A002")
    with qtbot.waitSignal(console.ticket_called) as blocker:
        press(qtbot, console, Qt.Key.Key_F8)
    assert blocker.args[0].number == "A002"
    qtbot.waitUntil(lambda: console.waiting_numbers() == ["A001", "A003"])
    click(qtbot, console, "F4")
    qtbot.waitUntil(lambda: idle(console) and console.act_call_chosen.isEnabled())

    table = console.waiting_table
    rect = table.visualRect(console.waiting_model.index(1, 0))
    # a real double click starts with a press (QTest's alone lacks it)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(console.ticket_called) as blocker:
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args[0].number == "A003"


def test_f8_without_a_selection_asks_for_one(qtbot, console, services):
    services.engine.issue("A")
    qtbot.waitUntil(lambda: console.waiting_numbers() == ["A001"])
    console.waiting_table.clearSelection()
    press(qtbot, console, Qt.Key.Key_F8)
    assert "选中" in console.notice_text()
    assert console.current_ticket() is None
    assert console.selected_waiting_number() == "A001"  # the first row is offered


def test_an_error_is_shown_in_chinese_and_the_action_can_be_retried(
    qtbot, console, services, monkeypatch
):
    engine = services.engine
    engine.issue("A")
    engine.issue("A")
    qtbot.waitUntil(lambda: console.waiting_numbers() == ["A001", "A002"])

    # another counter calls A001 just before this clerk picks it from the list
    engine.sign_in(2, "1002")
    engine.call_next(2)
    console.call_chosen("A001")
    qtbot.waitUntil(console.notice_is_error)
    assert console.notice_text() == "号码 A001 当前状态为“已叫号”，不能叫号"

    # the database drops for a moment: a clear message, nothing changed, and a retry works
    def unreachable(counter):
        raise DatabaseUnavailable(detail="connection refused")

    monkeypatch.setattr(engine, "call_next", unreachable)
    click(qtbot, console, "F1")
    qtbot.waitUntil(lambda: "无法连接数据库" in console.notice_text())
    assert console.current_ticket() is None
    monkeypatch.undo()
    qtbot.waitUntil(console.act_call_next.isEnabled)
    assert call_and_wait(qtbot, console).number == "A002"


# ---- no-show, transfer, pause ------------------------------------------------------------------


def test_no_show_needs_two_calls_then_can_requeue(qtbot, console, services, clock, monkeypatch):
    asked = []

    def ask(cls, parent, ticket):
        asked.append(ticket.number)
        return True  # re-queue

    monkeypatch.setattr(NoShowDialog, "ask", classmethod(ask))
    services.engine.issue("A")
    services.engine.issue("A")
    qtbot.waitUntil(lambda: len(console.waiting_numbers()) == 2)
    clock.advance(minutes=3)
    call_and_wait(qtbot, console)

    press(qtbot, console, Qt.Key.Key_F5)  # only called once
    assert console.notice_is_error()
    assert console.notice_text() == "号码 A001 只叫过 1 次，需叫满 2 次才能过号"
    assert asked == []
    assert services.engine.counter(1).current.number == "A001"  # nothing changed

    click(qtbot, console, "F2")
    qtbot.waitUntil(lambda: console.card.value_text("calls") == "2 次")
    click(qtbot, console, "F5")
    qtbot.waitUntil(lambda: idle(console))
    assert asked == ["A001"]
    assert "已重新排队" in console.notice_text()
    qtbot.waitUntil(lambda: console.waiting_numbers() == ["A002", "A001"])  # back of the queue
    assert services.engine.ticket("A001").status is TicketStatus.WAITING


def test_no_show_without_requeue_counts_in_the_served_list(qtbot, console, services, monkeypatch):
    monkeypatch.setattr(NoShowDialog, "ask", classmethod(lambda cls, parent, ticket: False))
    services.engine.issue("A")
    qtbot.waitUntil(lambda: console.waiting_numbers() == ["A001"])
    call_and_wait(qtbot, console)
    click(qtbot, console, "F2")
    qtbot.waitUntil(lambda: console.card.value_text("calls") == "2 次")
    click(qtbot, console, "F5")
    qtbot.waitUntil(lambda: console.served_numbers() == ["A001"])
    assert console.no_show_tile.value.text() == "1"
    assert console.served_tile.value.text() == "0"
    assert console.served_model.index(0, 2).data() == "过号"


def test_cancelled_no_show_changes_nothing(qtbot, console, services, monkeypatch):
    monkeypatch.setattr(NoShowDialog, "ask", classmethod(lambda cls, parent, ticket: None))
    services.engine.issue("A")
    qtbot.waitUntil(lambda: console.waiting_numbers() == ["A001"])
    call_and_wait(qtbot, console)
    click(qtbot, console, "F2")
    qtbot.waitUntil(lambda: console.card.value_text("calls") == "2 次")
    click(qtbot, console, "F5")
    assert services.engine.counter(1).current.number == "A001"
    assert console.act_no_show.isEnabled()


def test_transfer_to_a_queue_and_to_a_counter(qtbot, console, services, tmp_path, monkeypatch):
    engine = services.engine
    engine.issue("A")
    engine.issue("A")
    qtbot.waitUntil(lambda: console.waiting_numbers() == ["A001", "A002"])
    # counter 3 serves only queue C: whatever shows up there was sent there
    other = open_console(qtbot, services, tmp_path / "pc3.toml", counter=3, staff="1002")
    assert other.waiting_numbers() == []
    targets = [TransferTarget(queue="C"), TransferTarget(counter=3)]
    offered = []

    def ask(cls, parent, ticket, queues, counters, own):
        offered.append((ticket.number, [q for q, _ in queues], [c.number for c in counters], own))
        return targets.pop(0)

    monkeypatch.setattr(TransferDialog, "ask", classmethod(ask))
    try:
        # to another service queue: it leaves this counter's list, appears at counter 3
        call_and_wait(qtbot, console)
        press(qtbot, console, Qt.Key.Key_F6)
        qtbot.waitUntil(lambda: idle(console))
        assert offered[0] == ("A001", ["A", "B", "C"], [1, 2, 3, 9], 1)
        assert "A001 已转至限号业务" in console.notice_text()
        qtbot.waitUntil(lambda: console.waiting_numbers() == ["A002"])
        qtbot.waitUntil(lambda: other.waiting_numbers() == ["A001"])
        assert other.waiting_model.index(0, 1).data() == "限号业务"
        assert other.waiting_model.index(0, 2).data() == "普通（转入）"

        # to counter 3 by name, though it does not serve queue A: marked as sent there
        call_and_wait(qtbot, console)
        click(qtbot, console, "F6")
        qtbot.waitUntil(lambda: idle(console))
        assert "A002 已转至3号窗口" in console.notice_text()
        qtbot.waitUntil(lambda: console.waiting_numbers() == [])
        qtbot.waitUntil(lambda: other.waiting_numbers() == ["A001", "A002"])
        assert other.waiting_model.index(1, 2).data() == "普通（转至本窗口）"
        assert engine.ticket("A002").target_counter_number == 3
        # and counter 3 calls it first
        assert call_and_wait(qtbot, other).number == "A002"
    finally:
        other.close()


def test_pause_with_a_reason_disables_calling_and_resume_enables_it(
    qtbot, console, services, monkeypatch
):
    monkeypatch.setattr(PauseDialog, "ask", classmethod(lambda cls, parent: "午休"))
    services.engine.issue("A")
    qtbot.waitUntil(lambda: console.waiting_numbers() == ["A001"])
    assert console.buttons["F7"].title.text() == "暂停"

    press(qtbot, console, Qt.Key.Key_F7)
    qtbot.waitUntil(console.is_paused)
    state = services.engine.counter(1)
    assert (state.status, state.pause_reason) == (CounterStatus.PAUSED, "午休")
    assert not console.act_call_next.isEnabled()
    assert not console.buttons["F1"].isEnabled()
    assert not console.act_call_chosen.isEnabled()
    assert console.buttons["F7"].title.text() == "恢复"
    assert not console.card.paused_strip.isHidden()
    assert "午休" in console.card.paused_label.text()
    assert console.counter_chip.text() == "暂停中"

    click(qtbot, console, "F7")
    qtbot.waitUntil(lambda: not console.is_paused())
    assert console.act_call_next.isEnabled()
    assert console.card.paused_strip.isHidden()
    assert services.engine.counter(1).status is CounterStatus.OPEN
    assert call_and_wait(qtbot, console).number == "A001"


# ---- finishing, case entry ---------------------------------------------------------------------


def test_finish_calls_case_entry_and_updates_the_served_list(
    qtbot, console, services, clock, cases
):
    services.engine.issue("SCJG-001")
    qtbot.waitUntil(lambda: console.waiting_numbers() == ["A001"])
    call_and_wait(qtbot, console)
    assert console.card.value_text("item") == "企业设立登记"
    assert "营业执照申请书" in console.card.materials.text()
    click(qtbot, console, "F3")
    qtbot.waitUntil(lambda: console.card.status_chip.text() == "办理中")
    assert not console.act_recall.isEnabled()
    clock.advance(minutes=5)

    with qtbot.waitSignal(console.ticket_finished) as blocker:
        press(qtbot, console, Qt.Key.Key_F4)
    finished = blocker.args[0]
    assert finished.number == "A001"
    assert finished.status is TicketStatus.SERVED
    assert cases == [(console, finished)]
    qtbot.waitUntil(lambda: console.served_numbers() == ["A001"])
    assert console.served_tile.value.text() == "1"
    assert console.average_tile.value.text() == "5.0"
    summary = console.served_summary()
    assert (summary.served, summary.no_show, summary.average_minutes) == (1, 0, 5.0)
    assert console.served_model.index(0, 4).data() == "5"
    assert idle(console)


def test_without_case_entry_finishing_records_the_ticket_as_served(qtbot, services, tmp_path):
    window = open_console(qtbot, services, tmp_path / "pc.toml")
    try:
        assert not window.act_case_entry.isEnabled()
        services.engine.issue("A")
        qtbot.waitUntil(lambda: window.waiting_numbers() == ["A001"])
        call_and_wait(qtbot, window)
        with qtbot.waitSignal(window.ticket_finished):
            click(qtbot, window, "F4")
        qtbot.waitUntil(lambda: window.served_numbers() == ["A001"])
        assert services.engine.ticket("A001").status is TicketStatus.SERVED
    finally:
        window.close()


def test_case_entry_without_a_ticket_from_the_toolbar(qtbot, console, cases):
    assert console.act_case_entry.isEnabled()
    assert console.act_case_entry in console.toolbar.actions()
    console.act_case_entry.trigger()
    assert cases == [(console, None)]


# ---- live list, timer, signing out -------------------------------------------------------------


def test_a_ticket_issued_at_the_kiosk_appears_live(qtbot, console, services, clock):
    assert console.waiting_numbers() == []
    assert not console.waiting_empty.isHidden()
    services.engine.issue("B", kind=TicketKind.PRIORITY, priority_group="老年人")
    qtbot.waitUntil(lambda: console.waiting_numbers() == ["B001"])
    assert console.waiting_model.index(0, 2).data() == "绿色通道 · 老年人"
    assert console.waiting_count.text() == "1 人等候"
    assert console.waiting_empty.isHidden()
    services.engine.issue("C")  # not this counter's business: not listed
    services.engine.issue("A")
    qtbot.waitUntil(lambda: console.waiting_numbers() == ["B001", "A001"])
    clock.advance(minutes=7)
    qtbot.waitUntil(lambda: console.waiting_model.index(0, 3).data() == "7")


def test_the_service_timer_follows_the_clock(qtbot, console, services, clock):
    assert console.elapsed_text() == ""
    services.engine.issue("A")
    qtbot.waitUntil(lambda: console.waiting_numbers() == ["A001"])
    call_and_wait(qtbot, console)
    assert console.card.timer_caption.text() == "叫号后"
    clock.advance(seconds=30)
    assert console.elapsed_text() == "00:30"
    click(qtbot, console, "F3")
    qtbot.waitUntil(lambda: console.card.timer_caption.text() == "办理用时")
    assert console.elapsed_text() == "00:00"
    clock.advance(minutes=12, seconds=7)
    assert console.elapsed_text() == "12:07"
    qtbot.waitUntil(lambda: console.card.timer.text() == "12:07")  # the QTimer ticks it


def test_sign_out_is_refused_while_serving_then_signs_out(qtbot, console, services):
    services.engine.issue("A")
    qtbot.waitUntil(lambda: console.waiting_numbers() == ["A001"])
    call_and_wait(qtbot, console)
    qtbot.mouseClick(console.sign_out_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(console.notice_is_error)
    assert "正在办理 A001" in console.notice_text()
    assert console.session is not None
    click(qtbot, console, "F4")
    qtbot.waitUntil(lambda: idle(console))
    with qtbot.waitSignal(console.signed_out):
        qtbot.mouseClick(console.sign_out_button, Qt.MouseButton.LeftButton)
    assert console.session is None
    assert services.engine.counter(1).staff_number is None
    assert not console.act_call_next.isEnabled()
    qtbot.waitUntil(lambda: console.sign_in_dialog is not None)  # ready for the next clerk


# ---- the dialogs themselves --------------------------------------------------------------------


def test_transfer_dialog_offers_queues_and_other_counters(qtbot, services):
    services.engine.issue("A")
    services.engine.sign_in(1, "1001")
    ticket = services.engine.call_next(1)
    dialog = TransferDialog(ticket, services.engine.queues(), services.engine.counters(), 1)
    qtbot.addWidget(dialog)
    assert dialog.choice() == TransferTarget(queue="B")  # a different queue is proposed
    counters = [dialog.counter_combo.itemData(i) for i in range(dialog.counter_combo.count())]
    assert counters == [2, 3, 9]  # never the own counter
    dialog.choose_counter(3)
    assert dialog.choice() == TransferTarget(counter=3)
    assert not dialog.queue_combo.isEnabled()
    dialog.choose_queue("C")
    assert dialog.choice() == TransferTarget(queue="C")


def test_pause_dialog_reasons(qtbot):
    dialog = PauseDialog()
    qtbot.addWidget(dialog)
    assert dialog.choice() == "午休"
    dialog.choose(1, "取材料")
    assert dialog.choice() == "临时离开：取材料"
    dialog.choose(3)
    assert dialog.choice() is None  # 其他 needs a text
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.error.text() == "请填写暂停原因"
    assert dialog.result() == 0  # still open
    dialog.choose(3, "培训")
    assert dialog.choice() == "培训"


def test_no_show_dialog_choices(qtbot, services):
    services.engine.issue("A")
    services.engine.sign_in(1, "1001")
    ticket = services.engine.call_next(1)
    dialog = NoShowDialog(ticket)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.only_button, Qt.MouseButton.LeftButton)
    assert dialog.choice() is False


def test_the_console_fits_a_1366x768_screen(qtbot, console, services):
    services.engine.issue("SCJG-001", kind=TicketKind.PRIORITY, priority_group="老年人")
    qtbot.waitUntil(lambda: console.waiting_numbers() == ["A001"])
    call_and_wait(qtbot, console)  # the fullest card: item, terms and materials
    hint = console.minimumSizeHint()
    assert hint.width() <= 1366 and hint.height() <= 768
    assert console.width() == 1366 and console.height() == 768
