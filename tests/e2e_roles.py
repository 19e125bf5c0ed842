"""One hall role per process, for the end-to-end test: ``python -m tests.e2e_roles ROLE URL``.

Each role builds its real window offscreen on the shared database, does what a person at that
role would do, prints one line about it, and exits (code 1 if it did not happen in time).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer  # noqa: E402

from desktop.app import create_application  # noqa: E402
from yichuang.config import PCConfig  # noqa: E402
from yichuang.services import HallServices  # noqa: E402

TIMEOUT_MS = 30_000


def report(line: str, code: int = 0) -> None:
    print(line, flush=True)
    os._exit(code)  # leave at once: no teardown races in a throwaway process


def run_display(services: HallServices, expected: str) -> None:
    from desktop.announcer import Announcer
    from desktop.display import CallDisplay

    display = CallDisplay(services, PCConfig(), announcer=Announcer(engine="mock", repeat=1))
    display.resize(1920, 1080)
    display.show()

    def check() -> None:
        call = display.newest_call
        if call is not None and call.ticket == expected:
            report(f"shown {call.ticket} {call.counter}")

    poll = QTimer(display)
    poll.timeout.connect(check)
    poll.start(20)
    print("ready", flush=True)


def run_kiosk(services: HallServices, item_code: str) -> None:
    from desktop.kiosk import KioskWindow
    from desktop.ticket_printer import PdfTicketPrinter

    folder = Path(tempfile.mkdtemp(prefix="yichuang-e2e-"))
    kiosk = KioskWindow(services, PCConfig(kiosk_id="e2e-kiosk"), printer=PdfTicketPrinter(folder))
    kiosk.resize(1080, 1920)
    kiosk.show()
    kiosk.ticket_issued.connect(lambda issued: report(f"issued {issued.ticket.number}"))
    kiosk.catalog_loaded.connect(lambda: kiosk.request_ticket(services.directory.item(item_code)))


def run_clerk(services: HallServices, staff_number: str) -> None:
    from desktop.clerk import ClerkConsole
    from desktop.signin import ClerkSession

    staff = services.staff.get(staff_number)
    assert staff is not None
    console = ClerkConsole(services, PCConfig(counter=1), session=ClerkSession(staff, 1))
    console.resize(1366, 768)
    console.show()
    console.ticket_called.connect(lambda ticket: report(f"called {ticket.number}"))
    console.signed_in.connect(lambda _session: console.call_next())
    QTimer.singleShot(1500, console.call_next)  # in case the session was already up


def main() -> None:
    role, url, arg = sys.argv[1], sys.argv[2], sys.argv[3]
    app = create_application([sys.argv[0]], "zh_CN")
    services = HallServices.open(url)
    {"display": run_display, "kiosk": run_kiosk, "clerk": run_clerk}[role](services, arg)
    QTimer.singleShot(TIMEOUT_MS, lambda: report(f"timeout {role}", 1))
    app.exec()


if __name__ == "__main__":
    main()
