"""The clerk console as the composition root builds it: finishing a ticket opens case entry,
and the appointment and case tools open from the toolbar."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from desktop.appointment_desk import CheckInDialog, HomeVisitSchedule
from desktop.case_entry import CaseEntryDialog
from desktop.case_history import CaseHistoryDialog
from desktop.launch import clerk_console
from desktop.signin import ClerkSession
from yichuang.config import PCConfig


@pytest.fixture(autouse=True)
def discard_without_asking(monkeypatch):
    """Closing an unfinished case form asks first; here the clerk always agrees."""
    monkeypatch.setattr(CaseEntryDialog, "confirm_discard", staticmethod(lambda _parent: True))


def signed_in_console(qtbot, services, tmp_path):
    console = clerk_console(services, PCConfig(counter=1), tmp_path / "pc.toml")
    qtbot.addWidget(console)
    staff = services.staff.get("1001")
    with qtbot.waitSignal(console.signed_in):
        console.start_session(ClerkSession(staff, 1))
    console.show()
    return console


def open_dialogs(kind):
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


def test_finishing_a_ticket_opens_the_case_form_for_that_ticket(qtbot, services, tmp_path):
    console = signed_in_console(qtbot, services, tmp_path)
    services.engine.issue("SCJG-001")
    qtbot.waitUntil(lambda: console.waiting_numbers() == ["A001"])
    with qtbot.waitSignal(console.ticket_called):
        console.call_next()
    with qtbot.waitSignal(console.ticket_finished):
        console.finish()
    qtbot.waitUntil(lambda: bool(open_dialogs(CaseEntryDialog)))
    dialog = open_dialogs(CaseEntryDialog)[0]
    assert dialog.ticket is not None and dialog.ticket.number == "A001"
    assert dialog.clerk.number == "1001"
    dialog.reject()
    console.close()


def test_toolbar_opens_check_in_schedule_and_case_history(qtbot, services, tmp_path):
    console = signed_in_console(qtbot, services, tmp_path)
    qtbot.waitUntil(console.act_check_in.isEnabled)
    for action, kind in (
        (console.act_check_in, CheckInDialog),
        (console.act_schedule, HomeVisitSchedule),
        (console.act_cases, CaseHistoryDialog),
    ):
        assert action in console.toolbar.actions()
        action.trigger()
        qtbot.waitUntil(lambda k=kind: bool(open_dialogs(k)))
        for dialog in open_dialogs(kind):
            dialog.close()
    console.close()
