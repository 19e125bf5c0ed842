"""Table models and text helpers of the clerk console: the waiting queue and today's served list.

The models hold plain ``Ticket`` values fetched off the UI thread; they never touch the database.
Times are measured against ``now`` values the console passes in (from the injected clock), so a
test moves the clock and the "waited" column follows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from yichuang.i18n import QT_TRANSLATE_NOOP
from yichuang.queue import STATUS_NAMES, CounterState, Ticket, TicketKind, TicketStatus

Index = QModelIndex | QPersistentModelIndex

PRIORITY_COLOR = QColor("#1f8a4c")
APPOINTMENT_COLOR = QColor("#1257b0")
NO_SHOW_COLOR = QColor("#9c1f18")


def format_elapsed(seconds: float) -> str:
    """``mm:ss`` (minutes keep counting past 60: a clerk reads "75:03" at a glance)."""
    whole = max(0, int(seconds))
    return f"{whole // 60:02d}:{whole % 60:02d}"


def minutes_between(start: datetime | None, end: datetime | None) -> int:
    if start is None or end is None:
        return 0
    return max(0, int((end - start).total_seconds() // 60))


def kind_text(ticket: Ticket, counter: int | None = None) -> str:
    """绿色通道 · 老年人 / 预约 / 普通, plus a transfer mark."""
    if ticket.kind is TicketKind.PRIORITY:
        text = QCoreApplication.translate("clerk", "绿色通道")
        if ticket.priority_group:
            text += " · " + ticket.priority_group
    elif ticket.kind is TicketKind.APPOINTMENT:
        text = QCoreApplication.translate("clerk", "预约")
    else:
        text = QCoreApplication.translate("clerk", "普通")
    if counter is not None and ticket.target_counter_number == counter:
        text += QCoreApplication.translate("clerk", "（转至本窗口）")
    elif ticket.transfer_count:
        text += QCoreApplication.translate("clerk", "（转入）")
    return text


def status_text(status: TicketStatus) -> str:
    return QCoreApplication.translate("status", STATUS_NAMES[status])


@dataclass(frozen=True)
class CounterSnapshot:
    """Everything the console shows about its counter, read in one background job."""

    state: CounterState
    waiting: list[Ticket]
    served: list[Ticket]
    serves_nothing: bool = False


@dataclass(frozen=True)
class ServedSummary:
    served: int
    no_show: int
    average_minutes: float | None

    @classmethod
    def of(cls, tickets: list[Ticket]) -> ServedSummary:
        served = [t for t in tickets if t.status is TicketStatus.SERVED]
        durations = [
            (t.finished_at - t.started_at).total_seconds() / 60
            for t in served
            if t.started_at is not None and t.finished_at is not None
        ]
        return cls(
            served=len(served),
            no_show=sum(1 for t in tickets if t.status is TicketStatus.NO_SHOW),
            average_minutes=sum(durations) / len(durations) if durations else None,
        )


class _TicketTableModel(QAbstractTableModel):
    """Rows of tickets with fixed columns; subclasses say what each cell shows."""

    headers: tuple[str, ...] = ()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tickets: list[Ticket] = []
        self._names: dict[str, str] = {}

    def set_item_names(self, names: dict[str, str]) -> None:
        self._names = dict(names)

    def set_tickets(self, tickets: list[Ticket]) -> None:
        self.beginResetModel()
        self._tickets = list(tickets)
        self.endResetModel()

    def tickets(self) -> list[Ticket]:
        return list(self._tickets)

    def ticket_at(self, row: int) -> Ticket | None:
        return self._tickets[row] if 0 <= row < len(self._tickets) else None

    def row_of(self, number: str) -> int:
        for row, ticket in enumerate(self._tickets):
            if ticket.number == number:
                return row
        return -1

    def business(self, ticket: Ticket) -> str:
        item = self._names.get(ticket.item_code or "")
        return f"{ticket.queue_name} · {item}" if item else ticket.queue_name

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(self._tickets)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(self.headers)

    def headerData(  # noqa: N802 - Qt API
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("clerk", self.headers[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._tickets):
            return None
        ticket = self._tickets[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell(ticket, column)
        if role == Qt.ItemDataRole.UserRole:
            return ticket.number
        if role == Qt.ItemDataRole.FontRole and column == 0:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole:
            color = self.color(ticket, column)
            return QBrush(color) if color is not None else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self.numeric_columns:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    numeric_columns: tuple[int, ...] = ()

    def cell(self, ticket: Ticket, column: int) -> str:
        raise NotImplementedError

    def color(self, ticket: Ticket, column: int) -> QColor | None:
        return None


class WaitingModel(_TicketTableModel):
    """Tickets this counter may call, in queue order: number, business, kind, minutes waited."""

    headers = (
        QT_TRANSLATE_NOOP("clerk", "号码"),
        QT_TRANSLATE_NOOP("clerk", "业务"),
        QT_TRANSLATE_NOOP("clerk", "类别"),
        QT_TRANSLATE_NOOP("clerk", "已等(分)"),
    )
    numeric_columns = (3,)
    WAITED = 3

    def __init__(self, counter: int | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.counter = counter
        self._now: datetime | None = None

    def set_now(self, now: datetime) -> None:
        """Move the reference time; only the "waited" column changes."""
        changed = self._now is None or minutes_between(self._now, now) != 0 or now < self._now
        self._now = now
        if changed and self._tickets:
            self.dataChanged.emit(
                self.index(0, self.WAITED), self.index(len(self._tickets) - 1, self.WAITED)
            )

    def cell(self, ticket: Ticket, column: int) -> str:
        if column == 0:
            return ticket.number
        if column == 1:
            return self.business(ticket)
        if column == 2:
            return kind_text(ticket, self.counter)
        return str(minutes_between(ticket.queued_at, self._now))

    def color(self, ticket: Ticket, column: int) -> QColor | None:
        if column in (0, 2):
            if ticket.kind is TicketKind.PRIORITY:
                return PRIORITY_COLOR
            if ticket.kind is TicketKind.APPOINTMENT:
                return APPOINTMENT_COLOR
        return None


class ServedModel(_TicketTableModel):
    """Today's finished tickets of this counter, newest first."""

    headers = (
        QT_TRANSLATE_NOOP("clerk", "号码"),
        QT_TRANSLATE_NOOP("clerk", "业务"),
        QT_TRANSLATE_NOOP("clerk", "结果"),
        QT_TRANSLATE_NOOP("clerk", "完成"),
        QT_TRANSLATE_NOOP("clerk", "用时(分)"),
    )
    numeric_columns = (4,)

    def cell(self, ticket: Ticket, column: int) -> str:
        if column == 0:
            return ticket.number
        if column == 1:
            return self.business(ticket)
        if column == 2:
            if ticket.status is TicketStatus.NO_SHOW:
                return QCoreApplication.translate("clerk", "过号")
            return QCoreApplication.translate("clerk", "办结")
        if column == 3:
            return ticket.finished_at.strftime("%H:%M") if ticket.finished_at else ""
        if ticket.status is TicketStatus.NO_SHOW:
            return "—"
        return str(minutes_between(ticket.started_at, ticket.finished_at))

    def color(self, ticket: Ticket, column: int) -> QColor | None:
        if column == 2 and ticket.status is TicketStatus.NO_SHOW:
            return NO_SHOW_COLOR
        return None
