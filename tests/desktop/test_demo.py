"""The demo hall opens every role on one database and closes them together."""

from __future__ import annotations

from desktop.announcer import Announcer
from desktop.clerk import ClerkConsole
from desktop.demo import DemoHall
from desktop.display import CallDisplay
from desktop.kiosk import KioskWindow
from yichuang.config import PCConfig


def test_demo_opens_kiosk_display_and_clerk_and_closes_them(qtbot, services, monkeypatch, tmp_path):
    # a silent announcer: no speech daemon in tests
    monkeypatch.setattr(
        "desktop.display.Announcer", lambda *a, **k: Announcer(*a, engine="mock", **k)
    )
    demo = DemoHall(services, PCConfig(), config_path=tmp_path / "pc.toml")
    qtbot.addWidget(demo)
    demo.show()
    kinds = {type(w) for w in demo.windows}
    assert {KioskWindow, CallDisplay, ClerkConsole} <= kinds
    demo.buttons["counter_display"].click()
    assert len(demo.windows) == 4
    demo.close()
    qtbot.waitUntil(lambda: demo.windows == [])
