"""The hall's call display (叫号大屏) and the screen above one counter.

Both screens load their first picture from the database in the background, then follow the
event log: a call is drawn the moment its event arrives (the follower polls SQLite every
50 ms; PostgreSQL wakes it by NOTIFY) and handed to the announcer. Counter states and waiting
counts are then re-read in the background after each burst of events, so whatever the events
did not say still ends up right on screen. A screen that loses the database keeps its last
picture with a small notice; the follower resumes from its last event id, so it catches up.

The big screen shows numbers, queues and counters only: never a citizen's name, nor the
priority group of a ticket (a 绿色通道 ticket looks like any other).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from PySide6.QtCore import QDateTime, QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QVBoxLayout,
    QWidget,
)

from desktop.announcer import Announcer
from desktop.app import restyle
from desktop.display_live import LiveScreen
from desktop.display_parts import (
    AMBER,
    DIM,
    GROUND,
    GROUND_DEEP,
    PANEL,
    PANEL_EDGE,
    SOFT,
    WHITE,
    YELLOW,
    CallBanner,
    CounterTile,
    Marquee,
    scaled_style,
    split_counter_name,
)
from yichuang import settings
from yichuang.config import PCConfig
from yichuang.events import Event, EventFeed
from yichuang.queue import CounterState, CounterStatus, EventKind, TicketStatus
from yichuang.services import HallServices

CALL_KINDS = (EventKind.CALLED.value, EventKind.RECALLED.value)
# Later events for a counter that make an earlier call in the same batch moot (catch-up).
ENDS_A_CALL = {
    EventKind.CALLED,
    EventKind.RECALLED,
    EventKind.STARTED,
    EventKind.FINISHED,
    EventKind.NO_SHOW,
    EventKind.TRANSFERRED,
}
HISTORY = 7  # earlier calls listed beside the newest


@dataclass(frozen=True)
class CallRecord:
    """One call as the big screen shows it: a number and a counter, nothing about the person."""

    ticket: str
    counter: int
    counter_name: str
    at: datetime
    event_id: int


def call_record(event: Event) -> CallRecord:
    p = event.payload
    return CallRecord(
        ticket=str(p.get("ticket", "")),
        counter=int(p.get("counter", event.counter_number or 0)),
        counter_name=str(p.get("counter_name", "")),
        at=event.at,
        event_id=event.id,
    )


@dataclass(frozen=True)
class HallBoard:
    """What the big screen re-reads from the database: names, counters, waiting counts."""

    hall_name: str
    notice: str
    repeat: int
    queues: list[tuple[str, str]]
    counters: list[CounterState]
    waiting: dict[str, int]


@dataclass(frozen=True)
class HallStart:
    board: HallBoard
    calls: list[CallRecord]  # today's, newest first
    last_event_id: int


def load_board(services: HallServices) -> HallBoard:
    engine = services.engine
    try:
        repeat = int(settings.get("announce_repeat") or 2)
    except (TypeError, ValueError):
        repeat = 2
    return HallBoard(
        hall_name=services.directory.hall().name,
        notice=str(settings.get("display_notice") or ""),
        repeat=max(1, min(repeat, 5)),
        queues=engine.queues(),
        counters=engine.counters(),
        waiting=engine.waiting_counts(),
    )


def load_hall_start(services: HallServices) -> HallStart:
    feed = EventFeed(services.store)
    # The follower starts after this id; calls are read up to it, so none is shown twice.
    last_id = feed.latest_id()
    today = services.clock().date()
    calls = [
        call_record(e)
        for e in feed.recent(CALL_KINDS, limit=4 * (HISTORY + 1))
        if e.id <= last_id and e.at.date() == today
    ]
    unique: list[CallRecord] = []
    for call in calls:  # a recalled ticket is listed once, at its latest call
        if all(c.ticket != call.ticket for c in unique):
            unique.append(call)
    return HallStart(load_board(services), unique[: HISTORY + 1], last_id)


def plain(text: str) -> str:
    if "<" not in text:
        return text
    doc = QTextDocument()
    doc.setHtml(text)
    return doc.toPlainText()


HALL_STYLE = f"""
QWidget#callDisplay {{ background: qlineargradient(x1:0, y1:0, x2:0, y2:1,
    stop:0 {GROUND}, stop:1 {GROUND_DEEP}); }}
QLabel {{ color: {WHITE}; background: transparent; }}
QFrame#header {{ background: {GROUND_DEEP}; border-bottom: {{3}}px solid {PANEL_EDGE}; }}
QLabel#hallName {{ font-size: {{50}}px; font-weight: bold; }}
QLabel#hallSub {{ font-size: {{26}}px; color: {SOFT}; }}
QLabel#date {{ font-size: {{26}}px; color: {SOFT}; }}
QLabel#time {{ font-size: {{54}}px; font-weight: bold; }}
QFrame#history {{ background: {PANEL}; border: {{2}}px solid {PANEL_EDGE};
    border-radius: {{18}}px; }}
QLabel#sectionTitle {{ font-size: {{32}}px; font-weight: bold; color: {SOFT}; }}
QLabel#historyTicket {{ font-size: {{46}}px; font-weight: bold; color: {YELLOW}; }}
QLabel#historyCounter {{ font-size: {{36}}px; }}
QLabel#historyEmpty {{ font-size: {{30}}px; color: {DIM}; }}
QFrame#tile {{ background: {PANEL}; border: {{2}}px solid {PANEL_EDGE}; border-radius: {{12}}px; }}
QFrame#tile[called="true"] {{ border: {{4}}px solid {YELLOW}; }}
QLabel#tileName {{ font-size: {{TILE_NAME}}px; font-weight: bold; }}
QLabel#tileNote {{ font-size: {{18}}px; color: {SOFT}; }}
QLabel#tileValue {{ font-size: {{TILE_VALUE}}px; font-weight: bold; color: {YELLOW}; }}
QLabel#tileValue[state="paused"] {{ color: {AMBER}; }}
QLabel#tileValue[state="idle"], QLabel#tileValue[state="closed"] {{ color: {DIM}; }}
QFrame#waiting {{ background: {GROUND_DEEP}; border-radius: {{12}}px; }}
QLabel#waitingTitle {{ font-size: {{30}}px; font-weight: bold; color: {SOFT}; }}
QLabel#waitingQueue {{ font-size: {{30}}px; }}
QFrame#footer {{ background: #021433; border-top: {{3}}px solid {PANEL_EDGE}; }}
QLabel#offline {{ font-size: {{22}}px; color: {WHITE}; background: #8a1c1c;
    border-radius: {{8}}px; padding: {{4}}px {{14}}px; }}
"""


class CallDisplay(LiveScreen):
    """The lobby's call display, full screen on a chosen monitor.

    Signals (besides those of the shared machinery: loaded, refreshed, connection_changed):
    - call_shown(str ticket, int counter): a call is on screen; it is announced too, unless the
      same batch of events already ended it (a catch-up after an outage).

    ``announcer``: the announcement queue to use (default: a new one with the platform's
    voice); the display closes it when it shuts down.
    """

    call_shown = Signal(str, int)

    def __init__(
        self,
        services: HallServices,
        pc: PCConfig | None = None,
        parent: QWidget | None = None,
        *,
        announcer: Announcer | None = None,
        poll_interval: float = 0.05,
    ) -> None:
        super().__init__(services, parent, poll_interval)
        self.pc = pc or PCConfig()
        self.setObjectName("callDisplay")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setWindowTitle(self.tr("叫号大屏"))
        self.announcer = announcer if announcer is not None else Announcer(self)
        self.calls: list[CallRecord] = []
        self.queue_names: dict[str, str] = {}
        self.waiting: dict[str, int] = {}
        self.tiles: dict[int, CounterTile] = {}
        self._scale = 0.0
        self._build()
        self.resize(1920, 1080)
        self._begin()

    # ---- layout --------------------------------------------------------------------------

    def _build(self) -> None:
        root = QVBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        root.setSpacing(0)
        root.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)  # the scale adapts

        header = QFrame(self)
        header.setObjectName("header")
        top = QHBoxLayout(header)
        self._space(top, (40, 14, 40, 14))
        names = QVBoxLayout()
        names.setSpacing(0)
        self.hall_label = QLabel(self.tr("政务服务中心"), header)
        self.hall_label.setObjectName("hallName")
        self.sub_label = QLabel(self.tr("叫号信息 · 请留意屏幕和广播"), header)
        self.sub_label.setObjectName("hallSub")
        names.addWidget(self.hall_label)
        names.addWidget(self.sub_label)
        top.addLayout(names, 1)
        times = QVBoxLayout()
        times.setSpacing(0)
        self.date_label = QLabel(header)
        self.date_label.setObjectName("date")
        self.date_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.time_label = QLabel(header)
        self.time_label.setObjectName("time")
        self.time_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        times.addWidget(self.date_label)
        times.addWidget(self.time_label)
        top.addLayout(times)
        root.addWidget(header)

        body = QVBoxLayout()
        self._space(body, (32, 24, 32, 16), 18)
        main = QHBoxLayout()
        self._space(main, spacing=24)
        self.banner = CallBanner(self)
        main.addWidget(self.banner, 62)
        history = QFrame(self)
        history.setObjectName("history")
        grid = QGridLayout(history)
        self._space(grid, (30, 18, 30, 18))
        grid.setVerticalSpacing(0)
        title = QLabel(self.tr("最近叫号"), history)
        title.setObjectName("sectionTitle")
        grid.addWidget(title, 0, 0, 1, 2)
        self.history_rows: list[tuple[QLabel, QLabel]] = []
        for row in range(HISTORY):
            ticket = QLabel(history)
            ticket.setObjectName("historyTicket")
            counter = QLabel(history)
            counter.setObjectName("historyCounter")
            counter.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(ticket, row + 1, 0)
            grid.addWidget(counter, row + 1, 1)
            self.history_rows.append((ticket, counter))
        self.history_empty = QLabel(self.tr("暂无"), history)
        self.history_empty.setObjectName("historyEmpty")
        grid.addWidget(self.history_empty, 1, 0, 1, 2)
        for row in range(1, HISTORY + 1):
            grid.setRowStretch(row, 1)
        grid.setColumnStretch(1, 1)
        main.addWidget(history, 38)
        body.addLayout(main, 1)

        counters_title = QLabel(self.tr("各窗口当前号码"), self)
        counters_title.setObjectName("sectionTitle")
        body.addWidget(counters_title)
        self.tile_grid = QGridLayout()
        self._space(self.tile_grid, spacing=12)
        body.addLayout(self.tile_grid)

        waiting = QFrame(self)
        waiting.setObjectName("waiting")
        self.waiting_row = QHBoxLayout(waiting)
        self._space(self.waiting_row, (24, 8, 24, 8), 36)
        waiting_title = QLabel(self.tr("等候人数"), waiting)
        waiting_title.setObjectName("waitingTitle")
        self.waiting_row.addWidget(waiting_title)
        self.waiting_row.addStretch(1)
        self.waiting_labels: dict[str, QLabel] = {}
        body.addWidget(waiting)
        root.addLayout(body, 1)

        footer = QFrame(self)
        footer.setObjectName("footer")
        bottom = QHBoxLayout(footer)
        self._space(bottom, (0, 0, 20, 0))
        self.marquee = Marquee(footer)
        bottom.addWidget(self.marquee, 1)
        self.offline_label = QLabel(self.tr("连接中断，正在重连…"), footer)
        self.offline_label.setObjectName("offline")
        self.offline_label.hide()
        bottom.addWidget(self.offline_label)
        self.footer = footer
        root.addWidget(footer)
        self._apply_scale(1.0)

    def resizeEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        scale = max(0.4, min(self.width() / 1920, self.height() / 1080))
        if abs(scale - self._scale) > 0.02:
            self._apply_scale(scale)

    def _apply_scale(self, scale: float) -> None:
        self._scale = scale
        dense = len(self.tiles) > 8
        style = HALL_STYLE.replace("{TILE_NAME}", "{22}" if dense else "{28}")
        style = style.replace("{TILE_VALUE}", "{46}" if dense else "{60}")
        self.setStyleSheet(scaled_style(style, scale))
        self._scale_spacing(scale)
        self.banner.scale = scale
        self.marquee.scale = scale
        self.footer.setFixedHeight(round(68 * scale))
        rows = max(1, math.ceil(len(self.tiles) / self._columns()))
        tile_height = (104 if dense else 132) if rows < 3 else 92
        for tile in self.tiles.values():
            tile.setFixedHeight(round(tile_height * scale))

    def _columns(self) -> int:
        count = len(self.tiles)
        return max(1, min(count, 7 if count <= 14 else 10))

    # ---- the picture ---------------------------------------------------------------------

    def _load_start(self) -> HallStart:
        return load_hall_start(self.services)

    def _load_refresh(self) -> HallBoard:
        return load_board(self.services)

    def _apply_start(self, start: HallStart) -> int:
        self.calls = list(start.calls)
        self._apply_board(start.board)
        self._show_calls(flash=False)
        return start.last_event_id

    def _apply_refresh(self, board: HallBoard) -> None:
        today = self.services.clock().date()
        if any(c.at.date() != today for c in self.calls):  # a new day began
            self.calls = [c for c in self.calls if c.at.date() == today]
            self._show_calls(flash=False)
        self._apply_board(board)

    def _apply_board(self, board: HallBoard) -> None:
        self.hall_label.setText(board.hall_name)
        self.marquee.set_text(board.notice)
        self.announcer.set_repeat(board.repeat)
        self.queue_names = dict(board.queues)
        numbers = [c.number for c in board.counters]
        if numbers != list(self.tiles):
            self._rebuild_tiles(numbers)
        for state in board.counters:
            tile = self.tiles[state.number]
            tile.set_name(state.name)
            current = state.current
            active = current is not None and current.status in (
                TicketStatus.CALLED,
                TicketStatus.SERVING,
            )
            tile.show_state(state.status, current.number if active and current else None)
        self.waiting = dict(board.waiting)
        self._show_waiting()

    def _rebuild_tiles(self, numbers: list[int]) -> None:
        for tile in self.tiles.values():
            self.tile_grid.removeWidget(tile)
            tile.deleteLater()
        self.tiles = {n: CounterTile(n, self) for n in numbers}
        columns = self._columns()
        for i, tile in enumerate(self.tiles.values()):
            self.tile_grid.addWidget(tile, i // columns, i % columns)
        self._apply_scale(self._scale or 1.0)

    def _show_waiting(self) -> None:
        for code, name in self.queue_names.items():
            label = self.waiting_labels.get(code)
            if label is None:
                label = QLabel(self)
                label.setObjectName("waitingQueue")
                self.waiting_row.insertWidget(self.waiting_row.count() - 1, label)
                self.waiting_labels[code] = label
            count = max(0, self.waiting.get(code, 0))
            label.setText(
                f"{name} <span style='color:{YELLOW}; font-weight:bold'>{count}</span> "
                + self.tr("人")
            )
        for code in list(self.waiting_labels):
            if code not in self.queue_names:
                self.waiting_labels.pop(code).deleteLater()

    def _show_calls(self, *, flash: bool) -> None:
        newest = self.calls[0] if self.calls else None
        if newest is None:
            self.banner.set_call("", "", flash=False)
        else:
            self.banner.set_call(newest.ticket, newest.counter_name, flash=flash)
        earlier = self.calls[1 : HISTORY + 1]
        for i, (ticket_label, counter_label) in enumerate(self.history_rows):
            call = earlier[i] if i < len(earlier) else None
            ticket_label.setText(call.ticket if call else "")
            counter_label.setText(call.counter_name if call else "")
        self.history_empty.setVisible(not earlier)

    def _apply_events(self, events: list[Event]) -> None:
        shown: list[CallRecord] = []
        announce: list[CallRecord] = []
        for i, event in enumerate(events):
            kind, p = event.kind, event.payload
            tile = self.tiles.get(event.counter_number or -1)
            if kind in CALL_KINDS:
                call = call_record(event)
                self.calls = [call] + [c for c in self.calls if c.ticket != call.ticket]
                del self.calls[HISTORY + 1 :]
                if kind == EventKind.CALLED and p.get("queue") in self.waiting:
                    self.waiting[p["queue"]] -= 1
                if tile is not None:
                    tile.show_state(tile.status, call.ticket)
                    tile.highlight()
                shown.append(call)
                if not self._superseded(call.counter, events[i + 1 :]):
                    announce.append(call)
            elif kind in (EventKind.ISSUED, EventKind.REQUEUED):
                queue = p.get("queue")
                if queue is not None:
                    self.waiting[queue] = self.waiting.get(queue, 0) + 1
            elif kind in (EventKind.FINISHED, EventKind.NO_SHOW, EventKind.TRANSFERRED):
                if tile is not None and tile.current == p.get("ticket"):
                    tile.show_state(tile.status, None)
            elif kind == EventKind.PAUSED and tile is not None:
                tile.show_state(CounterStatus.PAUSED, tile.current)
            elif kind in (EventKind.RESUMED, EventKind.SIGNED_IN) and tile is not None:
                tile.show_state(CounterStatus.OPEN, tile.current)
            elif kind == EventKind.SIGNED_OUT and tile is not None:
                tile.show_state(CounterStatus.CLOSED, None)
        self._show_waiting()
        if shown:
            self._show_calls(flash=True)
        for call in shown:
            self.call_shown.emit(call.ticket, call.counter)
        for call in announce:
            self.announcer.announce(call.ticket, call.counter_name)

    @staticmethod
    def _superseded(counter: int, later: list[Event]) -> bool:
        """A call with a later call/finish of the same counter in the same batch (a catch-up
        after an outage) is shown but not announced: that citizen's turn is over."""
        return any(e.counter_number == counter and e.kind in ENDS_A_CALL for e in later)

    def _show_connection(self, connected: bool) -> None:
        self.offline_label.setVisible(not connected)

    def _show_time(self, now: datetime) -> None:
        stamp = QDateTime(now)
        locale = QLocale()
        self.date_label.setText(locale.toString(stamp, self.tr("yyyy年M月d日 dddd")))
        self.time_label.setText(locale.toString(stamp, "HH:mm:ss"))

    # ---- for tests and diagnostics -------------------------------------------------------

    @property
    def newest_call(self) -> CallRecord | None:
        return self.calls[0] if self.calls else None

    def visible_texts(self) -> list[str]:
        """Every piece of text the screen shows now (the privacy test reads this)."""
        texts = [
            plain(label.text()) for label in self.findChildren(QLabel) if label.isVisibleTo(self)
        ]
        texts += [self.banner.sentence, self.marquee.text()]
        return [t for t in texts if t]

    def shutdown(self) -> None:
        self.marquee.stop()
        super().shutdown()
        self.announcer.close()


# ---- the screen above one counter -------------------------------------------------------


COUNTER_STYLE = f"""
QWidget#counterDisplay {{ background: qlineargradient(x1:0, y1:0, x2:0, y2:1,
    stop:0 {GROUND}, stop:1 {GROUND_DEEP}); }}
QLabel {{ color: {WHITE}; background: transparent; }}
QFrame#counterHeader {{ background: {GROUND_DEEP}; border-bottom: {{3}}px solid {PANEL_EDGE}; }}
QLabel#counterName {{ font-size: {{60}}px; font-weight: bold; }}
QLabel#counterNote {{ font-size: {{28}}px; color: {SOFT}; }}
QLabel#counterTime {{ font-size: {{30}}px; color: {SOFT}; }}
QLabel#caption {{ font-size: {{34}}px; color: {SOFT}; }}
QLabel#current {{ font-size: {{250}}px; font-weight: bold; color: {YELLOW}; }}
QLabel#current[state="paused"] {{ font-size: {{150}}px; color: {AMBER}; }}
QLabel#current[state="idle"], QLabel#current[state="closed"] {{ font-size: {{110}}px;
    color: {DIM}; }}
QLabel#current[lit="true"] {{ color: {WHITE}; }}
QLabel#status {{ font-size: {{40}}px; font-weight: bold; }}
QLabel#status[state="paused"] {{ color: {AMBER}; }}
QFrame#clerk {{ background: {PANEL}; border-top: {{3}}px solid {PANEL_EDGE}; }}
QLabel#clerkName {{ font-size: {{40}}px; font-weight: bold; }}
QLabel#clerkNumber {{ font-size: {{34}}px; color: {SOFT}; }}
QLabel#offline {{ font-size: {{20}}px; color: {WHITE}; background: #8a1c1c;
    border-radius: {{8}}px; padding: {{4}}px {{12}}px; }}
"""


@dataclass(frozen=True)
class CounterView:
    hall_name: str
    state: CounterState
    queue_names: dict[str, str] = field(default_factory=dict)


class CounterDisplay(LiveScreen):
    """The screen above one counter (``yichuang display --counter 3``): its name, the clerk's
    name and staff number (亮牌服务), and the number being served, or 暂停 with the reason.

    Signals: loaded, refreshed, connection_changed (see the shared machinery).
    """

    def __init__(
        self,
        services: HallServices,
        counter_number: int,
        parent: QWidget | None = None,
        *,
        poll_interval: float = 0.05,
    ) -> None:
        super().__init__(services, parent, poll_interval)
        self.counter_number = counter_number
        self.state: CounterState | None = None
        self._ticket: str | None = None
        self.setObjectName("counterDisplay")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setWindowTitle(self.tr("窗口屏"))
        self._scale = 0.0
        self._flash = QTimer(self)
        self._flash.setInterval(CallBanner.FLASH_MS)
        self._flash.timeout.connect(self._blink)
        self._flashes_left = 0
        self._build()
        self.resize(1280, 720)
        self._begin()

    def _build(self) -> None:
        root = QVBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        root.setSpacing(0)
        root.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)  # the scale adapts
        header = QFrame(self)
        header.setObjectName("counterHeader")
        top = QHBoxLayout(header)
        self._space(top, (36, 12, 36, 12))
        names = QVBoxLayout()
        names.setSpacing(0)
        self.name_label = QLabel(self.tr("{n}号窗口").format(n=self.counter_number), header)
        self.name_label.setObjectName("counterName")
        self.note_label = QLabel(header)
        self.note_label.setObjectName("counterNote")
        names.addWidget(self.name_label)
        names.addWidget(self.note_label)
        top.addLayout(names, 1)
        self.time_label = QLabel(header)
        self.time_label.setObjectName("counterTime")
        self.time_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        top.addWidget(self.time_label)
        root.addWidget(header)

        middle = QVBoxLayout()
        self._space(middle, (30, 16, 30, 16), 0)
        self.caption_label = QLabel(self.tr("当前号码"), self)
        self.caption_label.setObjectName("caption")
        self.caption_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.current_label = QLabel("—", self)
        self.current_label.setObjectName("current")
        self.current_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("status")
        self.status_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        middle.addWidget(self.caption_label)
        middle.addWidget(self.current_label, 1)
        middle.addWidget(self.status_label)
        root.addLayout(middle, 1)

        clerk = QFrame(self)
        clerk.setObjectName("clerk")
        bottom = QHBoxLayout(clerk)
        self._space(bottom, (36, 14, 36, 14))
        self.clerk_label = QLabel(clerk)
        self.clerk_label.setObjectName("clerkName")
        self.staff_label = QLabel(clerk)
        self.staff_label.setObjectName("clerkNumber")
        bottom.addWidget(self.clerk_label)
        bottom.addSpacing(40)
        bottom.addWidget(self.staff_label)
        bottom.addStretch(1)
        self.offline_label = QLabel(self.tr("连接中断，正在重连…"), clerk)
        self.offline_label.setObjectName("offline")
        self.offline_label.hide()
        bottom.addWidget(self.offline_label)
        root.addWidget(clerk)
        self._set_scale(1.0)

    def resizeEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        scale = max(0.4, min(self.width() / 1280, self.height() / 720))
        if abs(scale - self._scale) > 0.02:
            self._set_scale(scale)

    def _set_scale(self, scale: float) -> None:
        self._scale = scale
        self._scale_spacing(scale)
        self.setStyleSheet(scaled_style(COUNTER_STYLE, scale))

    # ---- the picture ---------------------------------------------------------------------

    def _load_refresh(self) -> CounterView:
        engine = self.services.engine
        return CounterView(
            hall_name=self.services.directory.hall().name,
            state=engine.counter(self.counter_number),
            queue_names=dict(engine.queues()),
        )

    def _load_start(self) -> tuple[CounterView, int]:
        last_id = EventFeed(self.services.store).latest_id()
        return self._load_refresh(), last_id

    def _apply_start(self, result: tuple[CounterView, int]) -> int:
        view, last_id = result
        self._apply_refresh(view)
        return last_id

    def _apply_refresh(self, view: CounterView) -> None:
        state = view.state
        self.state = state
        main, extra = split_counter_name(state.name)
        self.name_label.setText(main)
        serves = [view.queue_names.get(q, q) for q in state.queues]
        notes = ([extra] if extra else []) + [q for q in serves if q != extra]
        self.note_label.setText(" · ".join(notes))
        if state.staff_name:
            self.clerk_label.setText(self.tr("服务人员：{name}").format(name=state.staff_name))
            self.staff_label.setText(self.tr("工号：{number}").format(number=state.staff_number))
        else:
            self.clerk_label.setText(view.hall_name)  # no clerk signed in
            self.staff_label.setText("")
        current = state.current
        ticket = None
        serving = False
        if current is not None and current.status in (TicketStatus.CALLED, TicketStatus.SERVING):
            ticket = current.number
            serving = current.status == TicketStatus.SERVING
        self._show(state.status, ticket, serving, state.pause_reason)

    def _show(self, status: CounterStatus, ticket: str | None, serving: bool, reason: str) -> None:
        self._ticket = None
        if status == CounterStatus.PAUSED:
            state, caption, big = "paused", "", self.tr("暂停服务")
            line = f"{reason} · {self.tr('请稍候')}" if reason else self.tr("请稍候")
        elif ticket:
            self._ticket = ticket
            state, caption, big = "serving", self.tr("当前号码"), ticket
            if serving:
                line = self.tr("正在办理")
            else:
                line = self.tr("请 {ticket} 号到本窗口办理").format(ticket=ticket)
        elif status == CounterStatus.OPEN:
            state, caption, big, line = "idle", self.tr("当前号码"), "—", self.tr("请留意叫号")
        else:
            state, caption, big = "closed", "", self.tr("暂未开放")
            line = self.tr("请到其他窗口办理")
        self.caption_label.setText(caption)
        self.current_label.setText(big)
        self.status_label.setText(line)
        for label in (self.current_label, self.status_label):
            restyle(label, "state", state)

    @property
    def current_number(self) -> str | None:
        """The number shown as being called or served, if any."""
        return self._ticket

    @property
    def flashing(self) -> bool:
        return self._flash.isActive()

    def _apply_events(self, events: list[Event]) -> None:
        mine = [e for e in events if e.counter_number == self.counter_number]
        if not mine or self.state is None:
            return
        state = self.state
        for event in mine:
            kind, p = event.kind, event.payload
            if kind in CALL_KINDS:
                self._show(CounterStatus.OPEN, str(p.get("ticket", "")), False, "")
                self._start_flash()
            elif kind == EventKind.STARTED:
                self._show(state.status, str(p.get("ticket", "")), True, "")
            elif kind in (EventKind.FINISHED, EventKind.NO_SHOW, EventKind.TRANSFERRED):
                self._show(state.status, None, False, "")
            elif kind == EventKind.PAUSED:
                self._show(CounterStatus.PAUSED, None, False, str(p.get("reason", "")))
            elif kind == EventKind.RESUMED:
                self._show(CounterStatus.OPEN, None, False, "")
            elif kind == EventKind.SIGNED_IN and p.get("staff_name"):
                self.clerk_label.setText(self.tr("服务人员：{name}").format(name=p["staff_name"]))
                self.staff_label.setText(
                    self.tr("工号：{number}").format(number=p.get("staff", ""))
                )

    def _start_flash(self) -> None:
        self._flashes_left = CallBanner.FLASHES
        self._flash.start()
        self._set_lit(True)

    def _blink(self) -> None:
        self._flashes_left -= 1
        if self._flashes_left <= 0:
            self._flash.stop()
            self._set_lit(False)
        else:
            self._set_lit(not self.current_label.property("lit"))

    def _set_lit(self, lit: bool) -> None:
        restyle(self.current_label, "lit", lit)

    def _show_connection(self, connected: bool) -> None:
        self.offline_label.setVisible(not connected)

    def _show_time(self, now: datetime) -> None:
        self.time_label.setText(QLocale().toString(QDateTime(now), "HH:mm"))

    def shutdown(self) -> None:
        self._flash.stop()
        super().shutdown()
