"""The demo hall: every role of a small hall in one process on one PC.

A small control window opens the kiosk, the call display and a clerk console (more can be
opened, e.g. a second counter), all on the same database, so one person can walk through a
citizen's visit: take a ticket, call it, serve it, record the case, print its document.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from yichuang.config import PCConfig
from yichuang.services import HallServices


class DemoHall(QMainWindow):
    """Opens role windows on demand; closing it closes them all. No signals."""

    def __init__(
        self,
        services: HallServices,
        pc: PCConfig,
        *,
        config_path: Path | None = None,
        open_roles: bool = True,
    ) -> None:
        super().__init__()
        self.services = services
        self.pc = pc
        self.config_path = config_path
        self.windows: list[QWidget] = []
        self.setWindowTitle(self.tr("一窗 · 演示大厅"))
        self.resize(560, 460)

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(28, 24, 28, 24)
        layout.setSpacing(14)
        title = QLabel(services.directory.hall().name)
        title.setProperty("role", "title")
        layout.addWidget(title)
        intro = QLabel(
            self.tr(
                "演示模式：所有角色在本机同一个数据库上运行。\n"
                "在取号机取号，在窗口端叫号办理（工号 1001，密码 1234），大屏同步显示并语音播报。"
            )
        )
        intro.setWordWrap(True)
        intro.setProperty("role", "hint")
        layout.addWidget(intro)

        card = QFrame()
        card.setProperty("role", "card")
        grid = QGridLayout(card)
        grid.setContentsMargins(16, 16, 16, 16)
        grid.setSpacing(12)
        self.buttons: dict[str, QPushButton] = {}
        roles: list[tuple[str, str, Callable[[], QWidget]]] = [
            ("kiosk", self.tr("取号机"), self._kiosk),
            ("display", self.tr("叫号大屏"), self._display),
            ("counter_display", self.tr("窗口屏（1号窗口）"), self._counter_display),
            ("clerk", self.tr("窗口端"), self._clerk),
        ]
        for index, (key, label, factory) in enumerate(roles):
            button = QPushButton(label)
            button.setProperty("role", "primary" if key == "clerk" else "")
            button.setMinimumHeight(56)
            button.clicked.connect(lambda _=False, f=factory: self.open(f))
            grid.addWidget(button, index // 2, index % 2)
            self.buttons[key] = button
        layout.addWidget(card)
        layout.addStretch(1)
        footer = QLabel(self.tr("数据库：%1").replace("%1", services.store.url))
        footer.setProperty("role", "hint")
        footer.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        footer.setWordWrap(True)
        layout.addWidget(footer)
        self.setCentralWidget(body)

        if open_roles:
            self.open(self._display)
            self.open(self._kiosk)
            self.open(self._clerk)

    def open(self, factory: Callable[[], QWidget]) -> QWidget:
        window = factory()
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.destroyed.connect(lambda _=None, w=window: self._forget(w))
        self.windows.append(window)
        window.show()
        return window

    def _forget(self, window: QWidget) -> None:
        if window in self.windows:
            self.windows.remove(window)

    def _kiosk(self) -> QWidget:
        from desktop.kiosk import KioskWindow

        kiosk = KioskWindow(self.services, self.pc)
        kiosk.resize(720, 1000)
        return kiosk

    def _display(self) -> QWidget:
        from desktop.display import CallDisplay

        display = CallDisplay(self.services, self.pc)
        display.resize(1280, 720)
        return display

    def _counter_display(self) -> QWidget:
        from desktop.display import CounterDisplay

        display = CounterDisplay(self.services, 1)
        display.resize(960, 540)
        return display

    def _clerk(self) -> QWidget:
        from desktop.launch import clerk_console

        return clerk_console(self.services, self.pc, self.config_path)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        for window in list(self.windows):
            window.close()
        super().closeEvent(event)
