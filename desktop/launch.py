"""Starting a role's window from the command line (called by ``yichuang.cli``)."""

from __future__ import annotations

import argparse
import logging
import sys
from dataclasses import replace
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from desktop.app import create_application, show_error
from yichuang.config import PCConfig
from yichuang.errors import YichuangError
from yichuang.services import HallServices

log = logging.getLogger(__name__)


def _place_on_screen(
    app: QApplication, window: QWidget, screen_number: int, fullscreen: bool
) -> None:
    screens = app.screens()
    if 0 <= screen_number < len(screens):
        window.setScreen(screens[screen_number])
        window.move(screens[screen_number].geometry().topLeft())
    if fullscreen:
        window.showFullScreen()
    else:
        window.show()


def clerk_console(services: HallServices, pc: PCConfig, config_path: Path | None) -> QWidget:
    """A clerk console with case entry wired in: finishing a ticket opens the case form."""
    from desktop.case_entry import open_case_entry
    from desktop.clerk import ClerkConsole
    from desktop.signin import ClerkSession
    from yichuang.queue import Ticket

    def case_entry(parent: QWidget, session: ClerkSession, ticket: Ticket | None) -> None:
        open_case_entry(parent, services, ticket, session.staff, session.counter)

    return ClerkConsole(services, pc, config_path=config_path, case_entry=case_entry)


def build_windows(args: argparse.Namespace, pc: PCConfig, services: HallServices) -> list[QWidget]:
    """The windows of the chosen role, built with the services they need."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    if args.command == "kiosk":
        from desktop.kiosk import KioskWindow

        kiosk = KioskWindow(services, pc, elder_mode=args.elder)
        _place_on_screen(app, kiosk, pc.screen, args.fullscreen)
        return [kiosk]
    if args.command == "display":
        screen = args.screen if args.screen is not None else pc.screen
        if args.counter is not None:
            from desktop.display import CounterDisplay

            display: QWidget = CounterDisplay(services, args.counter)
        else:
            from desktop.display import CallDisplay

            display = CallDisplay(services, pc)
        _place_on_screen(app, display, screen, not args.windowed)
        return [display]
    if args.command == "clerk":
        if args.counter is not None:
            pc = replace(pc, counter=args.counter)
        clerk = clerk_console(services, pc, args.config)
        clerk.show()
        return [clerk]
    if args.command == "demo":
        from desktop.demo import DemoHall

        demo = DemoHall(services, pc, config_path=args.config)
        demo.show()
        return [demo]
    raise ValueError(args.command)


def launch(args: argparse.Namespace, pc: PCConfig) -> int:
    app = create_application(sys.argv[:1], pc.language)
    try:
        services = HallServices.open(pc.db_url)
    except YichuangError as err:
        log.error("cannot start %s: %s", args.command, err)
        show_error(None, err)
        return 2
    windows = build_windows(args, pc, services)
    code = app.exec()
    for window in windows:
        window.close()
    services.close()
    return code
