"""Screenshots of every hall role on a busy demo morning, for people to look at.

    .venv/bin/python scripts/screenshots.py [--out screenshots] [--lang zh_CN|en]

Builds a demo hall in a temporary SQLite file, issues and calls tickets as a morning would,
then renders each role offscreen at the size of its screen: call display 1920x1080, counter
screen 1280x720, kiosk 1080x1920 portrait (normal and elder mode), clerk console 1366x768,
case entry and document preview 1366x768. PNGs go to ``--out``.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from desktop.app import create_application  # noqa: E402
from yichuang.catalog import demo_catalog  # noqa: E402
from yichuang.config import PCConfig  # noqa: E402
from yichuang.db import open_database  # noqa: E402
from yichuang.hall import install_catalog  # noqa: E402
from yichuang.queue import TicketKind  # noqa: E402
from yichuang.services import HallServices  # noqa: E402


def settle(
    app: QApplication, seconds: float = 1.5, until: Callable[[], bool] | None = None
) -> None:
    """Let background loads and timers run (a script, not a test: waiting on time is fine)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        app.processEvents()
        if until is not None and until():
            for _ in range(10):
                app.processEvents()
            return
        time.sleep(0.02)


def busy_morning(services: HallServices) -> None:
    """Counters signed in, tickets issued in several queues, some served, some being called."""
    engine = services.engine
    clerks = [s for s in services.staff.all() if s.role == "clerk"]
    counters = engine.counters()
    for counter, clerk in zip(counters[:10], clerks, strict=False):
        engine.sign_in(counter.number, clerk.number)
    items = services.directory.items()
    for index in range(48):
        item = items[(index * 7) % len(items)]
        kind = TicketKind.PRIORITY if index % 9 == 4 else TicketKind.NORMAL
        engine.issue(
            item.code, kind=kind, priority_group="老年人" if kind is TicketKind.PRIORITY else ""
        )
    for counter in counters[:8]:
        if engine.call_next(counter.number) is not None:
            engine.start(counter.number)
            engine.finish(counter.number)
    for counter in counters[:9]:
        engine.call_next(counter.number)
    engine.pause(counters[9].number, "临时离开")
    engine.start(counters[0].number)


def save(
    widget: QWidget, app: QApplication, path: Path, until: Callable[[], bool] | None = None
) -> None:
    widget.show()
    settle(app, 2.0, until)
    widget.grab().save(str(path))
    print(f"wrote {path}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--out", type=Path, default=Path("screenshots"))
    parser.add_argument("--lang", default="zh_CN")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    app = create_application([sys.argv[0]], args.lang)

    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'hall.db'}"
        store = open_database(url, migrate=True)
        install_catalog(store, demo_catalog())
        store.close()
        services = HallServices.open(url)
        busy_morning(services)
        pc = PCConfig(language=args.lang)

        from desktop.announcer import Announcer
        from desktop.display import CallDisplay, CounterDisplay

        display = CallDisplay(services, pc, announcer=Announcer(engine="mock", repeat=1))
        display.resize(1920, 1080)
        save(
            display,
            app,
            args.out / "display-1920x1080.png",
            lambda: display.newest_call is not None,
        )

        counter_screen = CounterDisplay(services, 1)
        counter_screen.resize(1280, 720)
        save(counter_screen, app, args.out / "counter-screen-1280x720.png")

        from desktop.kiosk import KioskWindow
        from desktop.ticket_printer import PdfTicketPrinter

        for elder in (False, True):
            kiosk = KioskWindow(services, pc, elder_mode=elder, printer=PdfTicketPrinter(Path(tmp)))
            kiosk.resize(1080, 1920)
            name = "kiosk-elder-1080x1920.png" if elder else "kiosk-1080x1920.png"
            save(kiosk, app, args.out / name, lambda k=kiosk: k.snapshot is not None)
            if not elder:
                kiosk.show_area(services.directory.areas()[0].code)
                save(kiosk, app, args.out / "kiosk-items-1080x1920.png")
            kiosk.close()

        from desktop.clerk import ClerkConsole
        from desktop.signin import ClerkSession

        first = services.engine.counters()[0]
        staff = services.staff.get(first.staff_number or "1001")
        assert staff is not None
        clerk = ClerkConsole(services, pc, session=ClerkSession(staff, first.number))
        clerk.resize(1366, 768)
        save(
            clerk, app, args.out / "clerk-1366x768.png", lambda: clerk.current_ticket() is not None
        )

        try:
            from desktop.case_entry import CaseEntryDialog
        except ImportError:
            CaseEntryDialog = None  # noqa: N806
        if CaseEntryDialog is not None:
            ticket = clerk.current_ticket()
            CaseEntryDialog.confirm_discard = staticmethod(lambda _parent: True)  # close unasked
            dialog = CaseEntryDialog(services, staff, first.number, ticket)
            dialog.resize(1366, 768)
            save(dialog, app, args.out / "case-entry-1366x768.png")
            dialog.close()

        for widget in (display, counter_screen, clerk):
            widget.close()
        settle(app, 0.5)
        services.close()
    print(f"done at {datetime.now():%H:%M:%S}")


if __name__ == "__main__":
    main()
