"""The clerk console's small modal questions: no-show, transfer, pause.

Each dialog is a plain class with a ``choice()`` reading its widgets and a classmethod ``ask()``
that runs it modally and returns the choice (``None`` when cancelled). The console calls them
through class attributes (``ClerkConsole.noshow_dialog`` …), so a test either drives a dialog
directly or patches ``ask`` at class level; no test ever waits on a real modal loop.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from yichuang.i18n import QT_TRANSLATE_NOOP
from yichuang.queue import CounterState, CounterStatus, Ticket

PAUSE_REASONS = (
    QT_TRANSLATE_NOOP("PauseDialog", "午休"),
    QT_TRANSLATE_NOOP("PauseDialog", "临时离开"),
    QT_TRANSLATE_NOOP("PauseDialog", "系统维护"),
    QT_TRANSLATE_NOOP("PauseDialog", "其他"),
)


def _title(text: str) -> QLabel:
    label = QLabel(text)
    label.setProperty("role", "subtitle")
    label.setWordWrap(True)
    return label


def _error_label() -> QLabel:
    label = QLabel()
    label.setProperty("role", "error")
    label.setWordWrap(True)
    label.hide()
    return label


def _button_row(*buttons: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addStretch(1)
    for button in buttons:
        row.addWidget(button)
    return row


class NoShowDialog(QDialog):
    """Confirms a no-show (过号) and asks whether the citizen may re-join the queue.

    No signals; ``choice()`` is True (re-queue), False (no-show only) or None (cancelled).
    """

    def __init__(self, ticket: Ticket, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("过号"))
        self._requeue: bool | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(14)
        layout.addWidget(
            _title(
                self.tr("{number} 已叫 {calls} 次仍未到窗口。").format(
                    number=ticket.number, calls=ticket.call_count
                )
            )
        )
        hint = QLabel(self.tr("重新排队：号码回到队尾，群众稍后到场仍可办理；仅过号：本号作废。"))
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.requeue_button = QPushButton(self.tr("过号并重新排队"))
        self.requeue_button.setProperty("role", "primary")
        self.only_button = QPushButton(self.tr("仅过号"))
        self.only_button.setProperty("role", "danger")
        self.cancel_button = QPushButton(self.tr("取消"))
        self.requeue_button.clicked.connect(lambda: self._choose(True))
        self.only_button.clicked.connect(lambda: self._choose(False))
        self.cancel_button.clicked.connect(self.reject)
        layout.addLayout(_button_row(self.cancel_button, self.only_button, self.requeue_button))
        self.requeue_button.setDefault(True)
        self.setMinimumWidth(460)

    def _choose(self, requeue: bool) -> None:
        self._requeue = requeue
        self.accept()

    def choice(self) -> bool | None:
        return self._requeue

    @classmethod
    def ask(cls, parent: QWidget | None, ticket: Ticket) -> bool | None:
        dialog = cls(ticket, parent)
        try:
            return dialog.choice() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()


@dataclass(frozen=True)
class TransferTarget:
    """Where a ticket goes: another queue (service) or a named counter."""

    queue: str | None = None
    counter: int | None = None


class TransferDialog(QDialog):
    """Chooses the target of a transfer (转办): a service queue or a named counter.

    No signals; ``choice()`` returns a ``TransferTarget``.
    """

    def __init__(
        self,
        ticket: Ticket,
        queues: list[tuple[str, str]],
        counters: list[CounterState],
        own_counter: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("转办"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addWidget(_title(self.tr("将 {number} 转到：").format(number=ticket.number)))
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(10)
        self.to_queue = QRadioButton(self.tr("其他业务队列"))
        self.to_counter = QRadioButton(self.tr("指定窗口"))
        group = QButtonGroup(self)
        group.addButton(self.to_queue)
        group.addButton(self.to_counter)
        self.queue_combo = QComboBox()
        for code, name in queues:
            self.queue_combo.addItem(f"{name}（{code}）", code)
        others = [q for q, _ in queues if q != ticket.queue]
        if others:
            self.queue_combo.setCurrentIndex(self.queue_combo.findData(others[0]))
        self.counter_combo = QComboBox()
        for state in counters:
            if state.number == own_counter:
                continue
            text = state.name
            if state.staff_name:
                text += self.tr(" · {name}").format(name=state.staff_name)
            if state.status is CounterStatus.PAUSED:
                text += self.tr("（暂停中）")
            elif state.status is CounterStatus.CLOSED:
                text += self.tr("（未开）")
            self.counter_combo.addItem(text, state.number)
        grid.addWidget(self.to_queue, 0, 0)
        grid.addWidget(self.queue_combo, 0, 1)
        grid.addWidget(self.to_counter, 1, 0)
        grid.addWidget(self.counter_combo, 1, 1)
        grid.setColumnStretch(1, 1)
        layout.addLayout(grid)
        hint = QLabel(self.tr("转办后号码保留原排队时间，群众无需重新取号。"))
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.error = _error_label()
        layout.addWidget(self.error)
        self.ok_button = QPushButton(self.tr("转办"))
        self.ok_button.setProperty("role", "primary")
        self.ok_button.setDefault(True)
        cancel = QPushButton(self.tr("取消"))
        self.ok_button.clicked.connect(self._confirm)
        cancel.clicked.connect(self.reject)
        layout.addLayout(_button_row(cancel, self.ok_button))
        self.to_queue.toggled.connect(self._sync)
        self.to_queue.setChecked(True)
        self._sync()
        self.setMinimumWidth(480)

    def _sync(self) -> None:
        self.queue_combo.setEnabled(self.to_queue.isChecked())
        self.counter_combo.setEnabled(self.to_counter.isChecked())

    def choose_queue(self, code: str) -> None:
        self.to_queue.setChecked(True)
        self.queue_combo.setCurrentIndex(self.queue_combo.findData(code))

    def choose_counter(self, number: int) -> None:
        self.to_counter.setChecked(True)
        self.counter_combo.setCurrentIndex(self.counter_combo.findData(number))

    def choice(self) -> TransferTarget | None:
        if self.to_queue.isChecked():
            code = self.queue_combo.currentData()
            return TransferTarget(queue=code) if code else None
        number = self.counter_combo.currentData()
        return TransferTarget(counter=int(number)) if number is not None else None

    def _confirm(self) -> None:
        if self.choice() is None:
            self.error.setText(self.tr("请选择转办的队列或窗口"))
            self.error.show()
            return
        self.accept()

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        ticket: Ticket,
        queues: list[tuple[str, str]],
        counters: list[CounterState],
        own_counter: int,
    ) -> TransferTarget | None:
        dialog = cls(ticket, queues, counters, own_counter, parent)
        try:
            return dialog.choice() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()


class PauseDialog(QDialog):
    """Asks why the counter pauses: 午休 / 临时离开 / 系统维护 / 其他, with a free-text note.

    No signals; ``choice()`` returns the reason shown on the display ("临时离开：取材料").
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("暂停服务"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addWidget(_title(self.tr("暂停原因")))
        row = QHBoxLayout()
        self.group = QButtonGroup(self)
        self.reason_buttons: list[QRadioButton] = []
        for index, reason in enumerate(PAUSE_REASONS):
            button = QRadioButton(self.tr(reason))
            button.setProperty("reason", reason)
            self.group.addButton(button, index)
            self.reason_buttons.append(button)
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("补充说明（选“其他”时必填）"))
        self.note.setMaxLength(60)
        layout.addWidget(self.note)
        self.error = _error_label()
        layout.addWidget(self.error)
        self.ok_button = QPushButton(self.tr("暂停"))
        self.ok_button.setProperty("role", "primary")
        self.ok_button.setDefault(True)
        cancel = QPushButton(self.tr("取消"))
        self.ok_button.clicked.connect(self._confirm)
        cancel.clicked.connect(self.reject)
        layout.addLayout(_button_row(cancel, self.ok_button))
        self.reason_buttons[0].setChecked(True)
        self.setMinimumWidth(480)

    def choose(self, index: int, note: str = "") -> None:
        self.reason_buttons[index].setChecked(True)
        self.note.setText(note)

    def choice(self) -> str | None:
        button = self.group.checkedButton()
        if button is None:
            return None
        note = self.note.text().strip()
        if button is self.reason_buttons[-1]:  # 其他: the note is the reason
            return note or None
        return f"{button.text()}：{note}" if note else button.text()

    def _confirm(self) -> None:
        if self.choice() is None:
            self.error.setText(self.tr("请填写暂停原因"))
            self.error.show()
            self.note.setFocus()
            return
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None) -> str | None:
        dialog = cls(parent)
        try:
            return dialog.choice() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
