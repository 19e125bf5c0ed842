"""Signing a clerk in at a counter: staff number, PIN, and the counter this PC serves.

The dialog checks the PIN, the person's right to serve at a counter, and signs them in at the
chosen counter, all in one background job, so a slow database never freezes it. The chosen
counter is remembered in this PC's config file, so the next sign-in preselects it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.app import tr_error
from desktop.tasks import Runner
from yichuang import config
from yichuang.config import PCConfig
from yichuang.errors import AuthError, ConfigError, PermissionDenied, YichuangError
from yichuang.queue import CounterState
from yichuang.services import HallServices
from yichuang.staff import StaffMember

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ClerkSession:
    """Who serves at which counter."""

    staff: StaffMember
    counter: int


class SignInDialog(QDialog):
    """Staff number + PIN + counter → a ``ClerkSession``.

    Signals:
    - signed_in(object): the ``ClerkSession``, emitted just before the dialog is accepted.

    After acceptance ``session`` holds the result and ``pc`` the PC config with the remembered
    counter. A wrong PIN shows the error inline and clears only the PIN.
    """

    signed_in = Signal(object)

    def __init__(
        self,
        services: HallServices,
        pc: PCConfig,
        config_path: Path | None = None,
        *,
        runner: Runner | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.pc = pc
        self.config_path = config_path
        self.runner = runner or Runner(self)
        self.session: ClerkSession | None = None
        self._busy = False
        self._closed = False  # results that arrive after closing are dropped
        self.setWindowTitle(self.tr("窗口签到"))
        self.setMinimumWidth(440)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 24)
        layout.setSpacing(14)
        title = QLabel(self.tr("窗口签到"))
        title.setProperty("role", "title")
        layout.addWidget(title)
        subtitle = QLabel(self.tr("请输入工号和密码，并选择本机所在窗口"))
        subtitle.setProperty("role", "hint")
        layout.addWidget(subtitle)

        form = QFormLayout()
        form.setHorizontalSpacing(14)
        form.setVerticalSpacing(12)
        self.number_edit = QLineEdit()
        self.number_edit.setPlaceholderText(self.tr("工号"))
        self.number_edit.setMaxLength(20)
        self.pin_edit = QLineEdit()
        self.pin_edit.setPlaceholderText(self.tr("密码"))
        self.pin_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin_edit.setMaxLength(32)
        self.counter_combo = QComboBox()
        self.counter_combo.setPlaceholderText(self.tr("正在读取窗口…"))
        form.addRow(self.tr("工号"), self.number_edit)
        form.addRow(self.tr("密码"), self.pin_edit)
        form.addRow(self.tr("窗口"), self.counter_combo)
        layout.addLayout(form)
        remember = QLabel(self.tr("所选窗口将记为本机窗口，下次自动选中。"))
        remember.setProperty("role", "hint")
        remember.setWordWrap(True)
        layout.addWidget(remember)

        self.error_label = QLabel()
        self.error_label.setProperty("role", "error")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        layout.addWidget(self.error_label)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.cancel_button = QPushButton(self.tr("取消"))
        self.ok_button = QPushButton(self.tr("签到"))
        self.ok_button.setProperty("role", "primary")
        self.ok_button.setDefault(True)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.ok_button)
        layout.addLayout(buttons)

        self.cancel_button.clicked.connect(self.reject)
        self.ok_button.clicked.connect(self.submit)
        self.number_edit.returnPressed.connect(self.pin_edit.setFocus)
        self.pin_edit.returnPressed.connect(self.submit)
        self.number_edit.setFocus()
        self.load_counters()

    # ---- counters ------------------------------------------------------------------------

    def load_counters(self) -> None:
        engine = self.services.engine
        self.runner.submit(engine.counters, self._show_counters, self._show_error)

    def _show_counters(self, counters: list[CounterState]) -> None:
        if self._closed:
            return
        self.counter_combo.clear()
        for state in counters:
            text = state.name
            if state.staff_name:
                text += self.tr("（{name} 在岗）").format(name=state.staff_name)
            elif not state.queues:
                text += self.tr("（未配置业务）")
            self.counter_combo.addItem(text, state.number)
        index = self.counter_combo.findData(self.pc.counter)
        self.counter_combo.setCurrentIndex(max(0, index))

    def counter(self) -> int | None:
        data = self.counter_combo.currentData()
        return int(data) if data is not None else None

    def choose_counter(self, number: int) -> None:
        self.counter_combo.setCurrentIndex(self.counter_combo.findData(number))

    # ---- signing in ----------------------------------------------------------------------

    def submit(self) -> None:
        if self._busy:
            return
        number = self.number_edit.text().strip()
        pin = self.pin_edit.text()
        counter = self.counter()
        if not number:
            self._error(self.tr("请输入工号"), self.number_edit)
            return
        if not pin:
            self._error(self.tr("请输入密码"), self.pin_edit)
            return
        if counter is None:
            if self.counter_combo.count() == 0:  # the list failed to load: try again
                self.load_counters()
                self._error(self.tr("正在读取窗口列表，请稍候再签到"), None)
            else:
                self._error(self.tr("请选择窗口"), self.counter_combo)
            return
        services, path = self.services, self.config_path
        serving = self.tr("窗口办理")

        def work() -> ClerkSession:
            member = services.staff.authenticate(number, pin)
            if not member.may("serve"):
                raise PermissionDenied(action=serving)
            services.engine.sign_in(counter, member.number)
            try:
                config.remember(path, counter=counter)
            except (OSError, ConfigError) as exc:  # signing in matters more than remembering
                log.warning("could not remember counter %s in %s: %s", counter, path, exc)
            return ClerkSession(member, counter)

        self._set_busy(True)
        self.runner.submit(work, self._signed_in, self._failed)

    def _signed_in(self, session: ClerkSession) -> None:
        if self._closed:
            return
        self._set_busy(False)
        self.session = session
        self.pc = replace(self.pc, counter=session.counter)
        self.signed_in.emit(session)
        self.accept()

    def _failed(self, err: YichuangError) -> None:
        if self._closed:
            return
        self._set_busy(False)
        if isinstance(err, AuthError):
            self.pin_edit.clear()
        self._show_error(err)
        if isinstance(err, AuthError):
            self.pin_edit.setFocus()

    def _show_error(self, err: YichuangError) -> None:
        if self._closed:
            return
        log.warning("sign-in: %s", err)
        self._error(tr_error(err), None)

    def _error(self, text: str, focus: QWidget | None) -> None:
        self.error_label.setText(text)
        self.error_label.show()
        if focus is not None:
            focus.setFocus()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for widget in (self.number_edit, self.pin_edit, self.counter_combo, self.ok_button):
            widget.setEnabled(not busy)
        self.ok_button.setText(self.tr("正在验证…") if busy else self.tr("签到"))
        if busy:
            self.error_label.hide()

    def error_text(self) -> str:
        return self.error_label.text() if not self.error_label.isHidden() else ""

    def done(self, result: int) -> None:
        self._closed = True
        super().done(result)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt API
        # Enter in a field is handled by the fields; don't let QDialog accept behind our back.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return
        super().keyPressEvent(event)
