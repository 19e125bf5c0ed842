"""Real windows in English: the sign-in dialog, the kiosk and the clerk console built with the
English catalogue installed, and their English texts fitting the buttons they are on.

The session's application is Chinese (see conftest); each test installs the English catalogue
on top of it and removes it afterwards, so the other tests keep seeing Chinese.
"""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QLabel, QPushButton

from desktop.clerk import ClerkConsole
from desktop.kiosk import KioskWindow
from desktop.signin import ClerkSession, SignInDialog
from desktop.ticket_printer import TicketPrinter
from yichuang.config import PCConfig

QM = Path(__file__).resolve().parents[2] / "resources" / "i18n" / "yichuang_en.qm"
WAIT = 5000  # ms


class NoPrinter(TicketPrinter):
    def print_slip(self, slip) -> None:
        pass


@pytest.fixture
def english(qapp):
    """The English catalogue installed on the (Chinese) test application for one test.

    Loaded from its bytes as desktop/app.py loads it; QTranslator.load(bytes) does not copy
    them, so they are kept alive for as long as the translator is installed."""
    translator = QTranslator()
    data = QM.read_bytes()
    assert translator.load(data)
    assert QCoreApplication.installTranslator(translator)
    yield translator
    QCoreApplication.removeTranslator(translator)
    del data


@pytest.fixture(autouse=True)
def collect_on_the_ui_thread():
    """Collect each test's garbage on this thread, not later on a worker thread."""
    yield
    gc.collect()


def fits(widget: QLabel | QPushButton) -> bool:
    """The widget's text, on one line, fits inside it."""
    return widget.fontMetrics().horizontalAdvance(widget.text()) <= widget.contentsRect().width()


def test_the_sign_in_dialog_speaks_english(qtbot, english, services, tmp_path):
    dialog = SignInDialog(services, PCConfig(), tmp_path / "pc.toml")
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.counter_combo.count() == 4, timeout=WAIT)
    assert dialog.windowTitle() == "Counter Sign-in"
    assert dialog.ok_button.text() == "Sign in"
    assert dialog.cancel_button.text() == "Cancel"
    assert dialog.number_edit.placeholderText() == "Staff ID"

    dialog.submit()  # a message made after construction is English too
    assert dialog.error_text() == "Enter your staff ID"

    dialog.number_edit.setText("1001")
    dialog.pin_edit.setText("9999")
    dialog.submit()  # the core's error comes back through the UI in English
    qtbot.waitUntil(lambda: dialog.error_text() != "", timeout=WAIT)
    assert dialog.error_text() == "Wrong staff ID or password"
    dialog.runner.wait()


def test_the_kiosk_speaks_english_and_its_buttons_hold_their_text(qtbot, english, services):
    kiosk = KioskWindow(services, PCConfig(kiosk_id="kiosk-en"), printer=NoPrinter())
    qtbot.addWidget(kiosk)
    kiosk.resize(1080, 1920)
    kiosk.show()
    qtbot.waitUntil(lambda: kiosk.snapshot is not None, timeout=WAIT)
    assert kiosk.windowTitle() == "Yichuang · Ticket Kiosk"
    assert kiosk.priority_button.text() == "Green Channel · Priority"
    assert kiosk.checkin_button.text() == "Appointment check-in"
    headings = {label.text() for label in kiosk.findChildren(QLabel)}
    assert "Choose a service area" in headings
    for button in (kiosk.priority_button, kiosk.checkin_button, kiosk.search_entry):
        assert fits(button), button.text()
    kiosk.close()  # waits for its workers before the database closes


def test_the_clerk_console_speaks_english_and_its_buttons_hold_their_text(
    qtbot, english, services, tmp_path
):
    services.engine.sign_in(1, "1001")
    session = ClerkSession(services.staff.get("1001"), 1)
    console = ClerkConsole(services, PCConfig(counter=1), tmp_path / "pc.toml", session=session)
    qtbot.addWidget(console)
    console.resize(1366, 768)
    console.show()
    qtbot.waitUntil(lambda: console.state is not None and console.follower is not None)
    titles = {key: button.title.text() for key, button in console.buttons.items()}
    assert titles["F1"] == "Call next"
    assert titles["F4"] == "Complete"
    assert titles["F5"] == "No-show"
    for key, button in console.buttons.items():
        assert fits(button.title), f"{key}: {button.title.text()!r} is wider than its button"
    assert console.sign_out_button.text() == "Sign out"
    assert fits(console.sign_out_button)
    console.close()  # stops the follower thread before the database closes
