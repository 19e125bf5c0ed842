"""The clerk console (窗口端): call, recall, serve, finish, no-show, transfer and pause at a counter.

One window per counter PC. The clerk signs in (``SignInDialog``), then works from the keyboard
(F1–F8) or the buttons. Every database step runs on the console's ``Runner``; the waiting list
follows the hall's event log (``EventFollower``), so a ticket issued at the kiosk appears here
within a moment. Errors are shown in the interface language in the notice line and status bar;
nothing is changed when an action fails, so it can simply be tried again.

Finishing a ticket hands it to ``case_entry`` (the case-entry form, wired in by the composition
root) and emits ``ticket_finished``; without a form the ticket is simply recorded as served.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from desktop.app import tr_error
from desktop.clerk_dialogs import NoShowDialog, PauseDialog, TransferDialog, TransferTarget
from desktop.clerk_models import (
    CounterSnapshot,
    ServedModel,
    ServedSummary,
    WaitingModel,
    format_elapsed,
    minutes_between,
)
from desktop.clerk_widgets import (
    CLERK_QSS,
    ActionButton,
    StatTile,
    TicketCard,
    chip,
    named,
    set_tone,
)
from desktop.feed import EventFollower
from desktop.signin import ClerkSession, SignInDialog
from desktop.tasks import Runner
from yichuang import settings
from yichuang.catalog import ServiceItem
from yichuang.config import PCConfig
from yichuang.errors import CounterServesNothing, NoShowTooEarly, YichuangError
from yichuang.events import EventFeed
from yichuang.fairness import QueuePolicy
from yichuang.queue import CounterState, CounterStatus, Ticket, TicketStatus
from yichuang.services import HallServices

log = logging.getLogger(__name__)

CaseEntry = Callable[[QWidget, ClerkSession, Ticket | None], None]


@dataclass(frozen=True)
class _SessionInfo:
    """What a session needs once: item names, queues, the no-show rule, where the log stands."""

    items: dict[str, ServiceItem]
    queues: list[tuple[str, str]]
    noshow_min_calls: int
    last_event_id: int


class ClerkConsole(QMainWindow):
    """The counter's console.

    Signals:
    - signed_in(object): a ``ClerkSession`` has started;
    - signed_out(): the clerk signed out at the counter;
    - ticket_called(object): a ``Ticket`` was called or recalled here;
    - ticket_finished(object): a ``Ticket`` was finished (served) here;
    - refreshed(): the counter's state, waiting list and served list were reloaded;
    - message_shown(str, bool): a message for the clerk (text, is_error).

    Dialogs are class attributes so tests (or a hall with other needs) can replace them.
    """

    signed_in = Signal(object)
    signed_out = Signal()
    ticket_called = Signal(object)
    ticket_finished = Signal(object)
    refreshed = Signal()
    message_shown = Signal(str, bool)

    signin_dialog_class: type[SignInDialog] = SignInDialog
    noshow_dialog_class: type[NoShowDialog] = NoShowDialog
    transfer_dialog_class: type[TransferDialog] = TransferDialog
    pause_dialog_class: type[PauseDialog] = PauseDialog

    tick_interval_ms = 1000

    def __init__(
        self,
        services: HallServices,
        pc: PCConfig,
        config_path: Path | None = None,
        *,
        case_entry: CaseEntry | None = None,
        session: ClerkSession | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.pc = pc
        self.config_path = config_path
        self.case_entry = case_entry
        self.session: ClerkSession | None = None
        self.state: CounterState | None = None
        self.runner = Runner(self)
        self.follower: EventFollower | None = None
        self.sign_in_dialog: SignInDialog | None = None
        self._info = _SessionInfo({}, [], QueuePolicy().noshow_min_calls, 0)
        self._acting = False
        self._refreshing = False
        self._refresh_again = False
        self._closing = False
        self._asked_sign_in = False
        self._counter_names: dict[int, str] = {}

        self.setWindowTitle(self.tr("一窗 · 窗口端"))
        self.setStyleSheet(CLERK_QSS)
        self.resize(1366, 768)
        self.setMinimumSize(1100, 680)
        self._build_actions()
        self._build_ui()

        self.timer = QTimer(self)
        self.timer.setInterval(self.tick_interval_ms)
        self.timer.timeout.connect(self.tick)
        self.timer.start()

        self.runner.submit(services.directory.hall, self._show_hall, self._log_error)
        if session is not None:
            self.start_session(session)
        self._update_actions()

    # ---- building ------------------------------------------------------------------------

    def _action(
        self, text: str, slot: Callable[[], Any], shortcut: str = "", tip: str = ""
    ) -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.setToolTip(tip or text)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.act_call_next = self._action(
            self.tr("叫下一位"), self.call_next, "F1", self.tr("按规则叫下一位等候的群众")
        )
        self.act_recall = self._action(self.tr("重呼"), self.recall, "F2")
        self.act_start = self._action(
            self.tr("开始办理"), self.start, "F3", self.tr("群众已到窗口，开始计时")
        )
        self.act_finish = self._action(self.tr("办结"), self.finish, "F4")
        self.act_no_show = self._action(
            self.tr("过号"), self.no_show, "F5", self.tr("叫号后未到，可选择重新排队")
        )
        self.act_transfer = self._action(
            self.tr("转办"), self.transfer, "F6", self.tr("转到其他业务队列或指定窗口")
        )
        self.act_pause = self._action(self.tr("暂停"), self.toggle_pause, "F7")
        self.act_call_chosen = self._action(
            self.tr("选号"), self.call_chosen, "F8", self.tr("叫等候队列中选中的号码（或双击）")
        )
        self.act_case_entry = self._action(
            self.tr("登记办件"),
            self.open_case_entry,
            tip=self.tr("无号咨询、电话咨询等直接登记办件"),
        )
        self.act_check_in = self._action(
            self.tr("预约签到"),
            self.open_check_in,
            tip=self.tr("扫描或输入预约单二维码，为预约群众签到取号"),
        )
        self.act_schedule = self._action(
            self.tr("预约日程"),
            self.open_schedule,
            tip=self.tr("查看并打印本人当天的预约（含上门办）日程"),
        )
        self.act_cases = self._action(
            self.tr("办件查询"),
            self.open_case_history,
            tip=self.tr("查看办件时间线、补齐材料、重新打开本人首问的办件"),
        )
        self.act_refresh = self._action(self.tr("刷新"), self.refresh, "Ctrl+R")
        self.act_sign_out = self._action(self.tr("签退"), self.sign_out)

    def _build_ui(self) -> None:
        central = QWidget()
        root = QVBoxLayout(central)
        root.setContentsMargins(0, 0, 0, 0)
        root.setSpacing(0)
        root.addWidget(self._build_header())
        self.banner = QFrame()
        self.banner.setObjectName("clerkBanner")
        banner_layout = QHBoxLayout(self.banner)
        banner_layout.setContentsMargins(20, 6, 20, 6)
        banner_layout.addWidget(
            QLabel(self.tr("数据库连接中断，正在重新连接…（已做的操作不会丢失）"))
        )
        self.banner.hide()
        root.addWidget(self.banner)
        self.pages = QStackedWidget()
        self.pages.addWidget(self._build_signed_out_page())
        self.pages.addWidget(self._build_work_page())
        root.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        status = self.statusBar()
        status.setSizeGripEnabled(False)
        self.notice = named(QLabel(), "notice")
        self.notice.setProperty("tone", "info")
        self.connection_label = named(QLabel(), "connection")
        status.addWidget(self.notice, 1)
        status.addPermanentWidget(self.connection_label)

    def _build_header(self) -> QFrame:
        header = QFrame()
        header.setObjectName("clerkHeader")
        header.setFixedHeight(62)
        layout = QHBoxLayout(header)
        layout.setContentsMargins(20, 10, 16, 10)
        layout.setSpacing(14)
        self.hall_label = named(QLabel(self.tr("政务服务中心")), "hallName")
        layout.addWidget(self.hall_label)
        divider = QFrame()
        divider.setFrameShape(QFrame.Shape.VLine)
        divider.setStyleSheet("color: rgba(255,255,255,0.35);")
        layout.addWidget(divider)
        self._session_widgets: list[QWidget] = [divider]
        self.counter_label = named(QLabel(), "counterName")
        self.queues_label = named(QLabel(), "counterQueues")
        layout.addWidget(self.counter_label)
        layout.addWidget(self.queues_label)
        self.counter_chip = chip(tone="open")
        layout.addWidget(self.counter_chip)
        layout.addStretch(1)
        self.toolbar = QToolBar(self.tr("办件"))
        self.toolbar.setMovable(False)
        self.toolbar.addAction(self.act_case_entry)
        self.toolbar.addAction(self.act_cases)
        self.toolbar.addAction(self.act_check_in)
        self.toolbar.addAction(self.act_schedule)
        self.toolbar.addAction(self.act_refresh)
        layout.addWidget(self.toolbar)
        self.clerk_label = named(QLabel(), "clerkName")
        layout.addWidget(self.clerk_label)
        self.sign_out_button = QPushButton(self.tr("签退"))
        self.sign_out_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.sign_out_button.clicked.connect(self.act_sign_out.trigger)
        self.act_sign_out.changed.connect(
            lambda: self.sign_out_button.setEnabled(self.act_sign_out.isEnabled())
        )
        layout.addWidget(self.sign_out_button)
        self._session_widgets += [
            self.counter_label,
            self.queues_label,
            self.toolbar,
            self.clerk_label,
            self.sign_out_button,
        ]
        for widget in self._session_widgets:
            widget.hide()
        self.counter_chip.hide()
        return header

    def _build_signed_out_page(self) -> QWidget:
        page = QWidget()
        outer = QVBoxLayout(page)
        outer.addStretch(1)
        card = QFrame()
        card.setProperty("role", "card")
        card.setFixedWidth(520)
        layout = QVBoxLayout(card)
        layout.setContentsMargins(40, 36, 40, 36)
        layout.setSpacing(14)
        layout.addWidget(named(QLabel(self.tr("窗口端")), "signedOutTitle"))
        hint = QLabel(self.tr("请先签到：输入工号、密码并选择窗口后即可叫号。"))
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addSpacing(10)
        self.sign_in_button = QPushButton(self.tr("签到"))
        self.sign_in_button.setProperty("role", "primary")
        self.sign_in_button.clicked.connect(self.sign_in)
        layout.addWidget(self.sign_in_button)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        return page

    def _build_work_page(self) -> QWidget:
        page = QWidget()
        layout = QHBoxLayout(page)
        layout.setContentsMargins(16, 14, 16, 10)
        layout.setSpacing(16)

        left = QVBoxLayout()
        left.setSpacing(12)
        self.card = TicketCard()
        left.addWidget(self.card, 1)
        grid = QGridLayout()
        grid.setSpacing(10)
        buttons = [
            (self.act_call_next, "primary"),
            (self.act_recall, ""),
            (self.act_start, ""),
            (self.act_finish, "primary"),
            (self.act_no_show, "danger"),
            (self.act_transfer, ""),
            (self.act_pause, ""),
            (self.act_call_chosen, ""),
        ]
        self.buttons: dict[str, ActionButton] = {}
        for index, (action, role) in enumerate(buttons):
            button = ActionButton(action, role)
            self.buttons[action.shortcut().toString()] = button
            grid.addWidget(button, index // 4, index % 4)
        left.addLayout(grid)
        layout.addLayout(left, 11)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self._build_waiting_panel())
        splitter.addWidget(self._build_served_panel())
        splitter.setStretchFactor(0, 5)
        splitter.setStretchFactor(1, 4)
        layout.addWidget(splitter, 9)
        return page

    def _table(self, model: Any) -> QTableView:
        table = QTableView()
        table.setModel(model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setShowGrid(False)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(34)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)
        return table

    def _panel(self, title: str) -> tuple[QFrame, QVBoxLayout, QLabel]:
        panel = QFrame()
        panel.setProperty("role", "card")
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(14, 12, 14, 14)
        layout.setSpacing(8)
        top = QHBoxLayout()
        top.addWidget(named(QLabel(title), "panelTitle"))
        count = named(QLabel(), "panelCount")
        top.addWidget(count)
        top.addStretch(1)
        layout.addLayout(top)
        return panel, layout, count

    def _build_waiting_panel(self) -> QWidget:
        panel, layout, self.waiting_count = self._panel(self.tr("等候队列"))
        self.waiting_model = WaitingModel(parent=self)
        self.waiting_table = self._table(self.waiting_model)
        self.waiting_table.doubleClicked.connect(self._waiting_double_clicked)
        layout.addWidget(self.waiting_table, 1)
        self.waiting_empty = named(QLabel(), "emptyHint")
        self.waiting_empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.waiting_empty)
        row = QHBoxLayout()
        hint = QLabel(self.tr("双击或选中后按 F8 叫指定号码"))
        hint.setProperty("role", "hint")
        row.addWidget(hint)
        row.addStretch(1)
        self.call_chosen_button = QPushButton(self.tr("叫选中号"))
        self.call_chosen_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.call_chosen_button.clicked.connect(self.act_call_chosen.trigger)
        self.act_call_chosen.changed.connect(
            lambda: self.call_chosen_button.setEnabled(self.act_call_chosen.isEnabled())
        )
        row.addWidget(self.call_chosen_button)
        layout.addLayout(row)
        return panel

    def _build_served_panel(self) -> QWidget:
        panel, layout, _ = self._panel(self.tr("今日已办"))
        tiles = QHBoxLayout()
        tiles.setSpacing(8)
        self.served_tile = StatTile(self.tr("已办结（人）"))
        self.no_show_tile = StatTile(self.tr("过号（人）"))
        self.average_tile = StatTile(self.tr("平均办理（分钟）"))
        for tile in (self.served_tile, self.no_show_tile, self.average_tile):
            tiles.addWidget(tile)
        layout.addLayout(tiles)
        self.served_model = ServedModel(self)
        self.served_table = self._table(self.served_model)
        layout.addWidget(self.served_table, 1)
        return panel

    # ---- session -------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        if self.session is None and not self._asked_sign_in:
            self._asked_sign_in = True
            QTimer.singleShot(0, self.sign_in)

    def sign_in(self) -> None:
        """Open the sign-in dialog (window-modal, not blocking; see ``sign_in_dialog``)."""
        if self._closing or self.session is not None or self.sign_in_dialog is not None:
            return
        dialog = self.signin_dialog_class(
            self.services, self.pc, self.config_path, runner=self.runner, parent=self
        )
        self.sign_in_dialog = dialog
        dialog.signed_in.connect(self.start_session)
        dialog.finished.connect(self._sign_in_closed)
        dialog.open()

    def _sign_in_closed(self) -> None:
        if self.sign_in_dialog is not None:
            self.sign_in_dialog.deleteLater()
            self.sign_in_dialog = None

    def start_session(self, session: ClerkSession) -> None:
        """Work at ``session.counter`` as ``session.staff`` (already signed in with the engine)."""
        self.session = session
        self.pc = replace(self.pc, counter=session.counter)
        self.state = None
        self.waiting_model.counter = session.counter
        self.waiting_model.set_tickets([])
        self.served_model.set_tickets([])
        staff = session.staff
        self.clerk_label.setText(
            self.tr("{name}（工号 {number}）").format(name=staff.name, number=staff.number)
        )
        self.counter_label.setText(self.tr("{n} 号窗口").format(n=session.counter))
        self.queues_label.clear()
        self.counter_chip.hide()
        for widget in self._session_widgets:
            widget.show()
        self.pages.setCurrentIndex(1)
        self._show_message(self.tr("{name} 已签到，按 F1 叫号").format(name=staff.name))
        services = self.services

        def load() -> _SessionInfo:
            last = EventFeed(services.store).latest_id()  # before the snapshot: nothing missed
            items = {item.code: item for item in services.directory.items()}
            return _SessionInfo(
                items, services.engine.queues(), settings.queue_policy().noshow_min_calls, last
            )

        self.runner.submit(load, self._session_loaded, self._show_error)
        self.refresh()
        self._update_actions()
        self.signed_in.emit(session)

    def _session_loaded(self, info: _SessionInfo) -> None:
        if self._closing:
            return
        self._info = info
        names = {code: item.name for code, item in info.items.items()}
        self.waiting_model.set_item_names(names)
        self.served_model.set_item_names(names)
        self._render_state()
        if self.follower is None:
            self.follower = EventFollower(self.services.store, after_id=info.last_event_id)
            self.follower.events.connect(self._on_events)
            self.follower.connection_changed.connect(self._on_connection)
            self.follower.start()
        self.refresh()

    def sign_out(self) -> None:
        if self.session is None:
            return
        engine, number = self.services.engine, self.session.counter
        self._act(lambda: engine.sign_out(number), self._signed_out, refresh=False)

    def _signed_out(self, _state: CounterState) -> None:
        self.session = None
        self.state = None
        self.waiting_model.set_tickets([])
        self.served_model.set_tickets([])
        self.clerk_label.clear()
        self.counter_label.clear()
        self.queues_label.clear()
        self.counter_chip.hide()
        for widget in self._session_widgets:
            widget.hide()
        self.connection_label.clear()
        self.setWindowTitle(self.tr("一窗 · 窗口端"))
        self.pages.setCurrentIndex(0)
        self._show_message(self.tr("已签退"))
        self._update_actions()
        self.signed_out.emit()
        QTimer.singleShot(0, self.sign_in)

    # ---- reading -------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the counter, its waiting list and today's served list (coalesced)."""
        if self.session is None or self._closing:
            return
        if self._refreshing:
            self._refresh_again = True
            return
        self._refreshing = True
        engine, number = self.services.engine, self.session.counter

        def load() -> CounterSnapshot:
            state = engine.counter(number)
            try:
                waiting, nothing = engine.waiting(counter=number), False
            except CounterServesNothing:
                waiting, nothing = [], True
            return CounterSnapshot(state, waiting, engine.served_today(number), nothing)

        self.runner.submit(load, self._apply_snapshot, self._refresh_failed)

    def _refresh_done(self) -> bool:
        """Bookkeeping after a refresh; False if the result is no longer wanted."""
        self._refreshing = False
        if self._closing:
            return False
        if self._refresh_again:
            self._refresh_again = False
            self.refresh()
        return True

    def _apply_snapshot(self, snapshot: CounterSnapshot) -> None:
        if not self._refresh_done() or self.session is None:
            return
        if snapshot.state.number != self.session.counter:
            return
        self.state = snapshot.state
        selected = self.selected_waiting_number()
        self.waiting_model.set_tickets(snapshot.waiting)
        self.waiting_model.set_now(self.services.clock())
        if selected:
            self.select_waiting(selected)
        self.served_model.set_tickets(snapshot.served)
        self._render_state()
        self._render_waiting(snapshot.serves_nothing)
        self._render_served()
        self.connection_label.setText(
            self.tr("已连接 · {time} 更新").format(time=self.services.clock().strftime("%H:%M:%S"))
        )
        set_tone(self.connection_label, "info")
        self.refreshed.emit()

    def _refresh_failed(self, err: YichuangError) -> None:
        if self._refresh_done():
            self._show_error(err)

    def _on_events(self, _events: list) -> None:
        self.refresh()

    def _on_connection(self, connected: bool) -> None:
        self.banner.setVisible(not connected)
        if connected:
            self.refresh()
        else:
            self.connection_label.setText(self.tr("数据库连接中断"))
            set_tone(self.connection_label, "error")

    # ---- rendering -----------------------------------------------------------------------

    def current_ticket(self) -> Ticket | None:
        return self.state.current if self.state is not None else None

    def is_paused(self) -> bool:
        return self.state is not None and self.state.status is CounterStatus.PAUSED

    def _render_state(self) -> None:
        state = self.state
        if state is None:
            return
        self.counter_label.setText(state.name)
        if self.session is not None:
            self.setWindowTitle(
                self.tr("一窗 · 窗口端 · {counter} · {name}").format(
                    counter=state.name, name=self.session.staff.name
                )
            )
        self._render_queues()
        paused = state.status is CounterStatus.PAUSED
        self.counter_chip.show()
        self.counter_chip.setText(self.tr("暂停中") if paused else self.tr("服务中"))
        set_tone(self.counter_chip, "paused" if paused else "open")
        current = state.current
        item = self._info.items.get(current.item_code or "") if current else None
        self.card.show_ticket(current, item)
        self.card.show_paused(
            self.tr("暂停服务：{reason}　　按 F7 恢复").format(reason=state.pause_reason)
            if paused
            else None
        )
        self._render_idle()
        self.tick()
        self._update_actions()

    def _render_idle(self) -> None:
        if self.is_paused():
            hint = self.tr("窗口已暂停，按 F7 恢复后继续叫号")
        else:
            hint = self.tr("按 F1 叫下一位，或在右侧等候队列中选号后按 F8")
        tickets = self.waiting_model.tickets()
        if tickets:
            now = self.services.clock()
            longest = max(minutes_between(t.queued_at, now) for t in tickets)
            figures = self.tr("本窗口等候 {n} 人 · 最长已等 {m} 分钟").format(
                n=len(tickets), m=longest
            )
        else:
            figures = self.tr("本窗口暂无等候")
        title = self.tr("暂停中") if self.is_paused() else self.tr("空闲")
        self.card.show_idle(title, hint, figures)

    def _render_queues(self) -> None:
        if self.state is None:
            return
        names = dict(self._info.queues)
        self.queues_label.setText(" / ".join(names.get(q, q) for q in self.state.queues))

    def _render_waiting(self, serves_nothing: bool) -> None:
        count = self.waiting_model.rowCount()
        self.waiting_count.setText(self.tr("{n} 人等候").format(n=count))
        if serves_nothing:
            self.waiting_empty.setText(self.tr("本窗口尚未配置业务，请联系管理员"))
        else:
            self.waiting_empty.setText(self.tr("暂无等候的群众"))
        self.waiting_empty.setVisible(count == 0)
        self._render_idle()

    def _render_served(self) -> None:
        summary = ServedSummary.of(self.served_model.tickets())
        self.served_tile.set_value(str(summary.served))
        self.no_show_tile.set_value(str(summary.no_show))
        self.average_tile.set_value(
            f"{summary.average_minutes:.1f}" if summary.average_minutes is not None else "—"
        )

    def served_summary(self) -> ServedSummary:
        return ServedSummary.of(self.served_model.tickets())

    def elapsed_text(self) -> str:
        """The service timer: mm:ss since the ticket was started (or called), by the injected
        clock; empty when no ticket is current."""
        current = self.current_ticket()
        if current is None:
            return ""
        since = current.started_at or current.called_at
        if since is None:
            return format_elapsed(0)
        return format_elapsed((self.services.clock() - since).total_seconds())

    def tick(self) -> None:
        """Once a second: the service timer and the "waited" minutes."""
        self.card.set_timer(self.elapsed_text())
        if self.session is not None:
            self.waiting_model.set_now(self.services.clock())
            if self.current_ticket() is None:
                self._render_idle()

    def _update_actions(self) -> None:
        signed = self.session is not None and self.state is not None
        ready = signed and not self._acting
        current = self.current_ticket()
        paused = self.is_paused()
        called = current is not None and current.status is TicketStatus.CALLED
        active = current is not None and current.status in (
            TicketStatus.CALLED,
            TicketStatus.SERVING,
        )
        can_call = ready and current is None and not paused
        self.act_call_next.setEnabled(can_call)
        self.act_call_chosen.setEnabled(can_call and self.waiting_model.rowCount() > 0)
        self.act_recall.setEnabled(ready and called)
        self.act_start.setEnabled(ready and called)
        self.act_finish.setEnabled(ready and active)
        self.act_no_show.setEnabled(ready and called)
        self.act_transfer.setEnabled(ready and active)
        self.act_pause.setEnabled(ready)
        self.act_pause.setText(self.tr("恢复") if paused else self.tr("暂停"))
        self.buttons["F7"].emphasize(paused)
        self.act_case_entry.setEnabled(signed and self.case_entry is not None)
        for action in (self.act_check_in, self.act_schedule, self.act_cases):
            action.setEnabled(signed)
        self.act_refresh.setEnabled(signed)
        self.act_sign_out.setEnabled(signed and not self._acting)

    # ---- messages ------------------------------------------------------------------------

    def _show_message(self, text: str, error: bool = False) -> None:
        self.notice.setText(text)
        set_tone(self.notice, "error" if error else "info")
        self.message_shown.emit(text, error)

    def _show_error(self, err: YichuangError) -> None:
        log.warning("clerk console: %s", err)
        self._show_message(tr_error(err), error=True)

    def _log_error(self, err: YichuangError) -> None:
        log.warning("clerk console: %s", err)

    def notice_text(self) -> str:
        """The message line under the buttons (the last message or error)."""
        return self.notice.text()

    def notice_is_error(self) -> bool:
        return self.notice.property("tone") == "error"

    def _show_hall(self, hall: Any) -> None:
        if not self._closing:
            self.hall_label.setText(hall.name)

    # ---- actions -------------------------------------------------------------------------

    def _act(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        *,
        refresh: bool = True,
    ) -> None:
        """Run one counter step in the background; buttons wait until it answered."""
        if self._acting or self._closing:
            return
        self._acting = True
        self._update_actions()

        def done(result: Any) -> None:
            self._acting = False
            if self._closing:
                return
            on_done(result)
            self._update_actions()
            if refresh:
                self.refresh()

        def failed(err: YichuangError) -> None:
            self._acting = False
            if self._closing:
                return
            self._show_error(err)
            self._update_actions()
            self.refresh()

        self.runner.submit(work, done, failed)

    def _set_current(self, ticket: Ticket | None) -> None:
        """Show an action's result at once (the refresh that follows confirms it)."""
        if self.state is not None:
            self.state = replace(self.state, current=ticket)
            self._render_state()

    def _counter(self) -> int | None:
        return self.session.counter if self.session is not None else None

    def call_next(self) -> None:
        number = self._counter()
        if number is None:
            return
        engine = self.services.engine
        self._act(lambda: engine.call_next(number), self._called)

    def call_chosen(self, ticket_number: str | None = None) -> None:
        """Call a waiting ticket chosen in the list (F8, the button, or a double click)."""
        number = self._counter()
        if number is None:
            return
        chosen = ticket_number or self.selected_waiting_number()
        if not chosen:
            self.waiting_table.setFocus()
            if self.waiting_model.rowCount():
                self.waiting_table.selectRow(0)
            self._show_message(self.tr("请先在等候队列中选中要叫的号码，再按 F8 或双击"))
            return
        engine = self.services.engine
        self._act(lambda: engine.call_ticket(number, chosen), self._called)

    def _called(self, ticket: Ticket | None) -> None:
        if ticket is None:
            self._show_message(self.tr("当前没有等候的群众"))
            return
        self._set_current(ticket)
        self._show_message(
            self.tr("请 {ticket} 号到 {counter} 办理").format(
                ticket=ticket.number, counter=self.state.name if self.state else ""
            )
        )
        self.ticket_called.emit(ticket)

    def recall(self) -> None:
        number = self._counter()
        if number is None:
            return
        engine = self.services.engine
        self._act(lambda: engine.recall(number), self._recalled)

    def _recalled(self, ticket: Ticket) -> None:
        self._set_current(ticket)
        self._show_message(
            self.tr("已重呼 {ticket}（第 {n} 次）").format(
                ticket=ticket.number, n=ticket.call_count
            )
        )
        self.ticket_called.emit(ticket)

    def start(self) -> None:
        number = self._counter()
        if number is None:
            return
        engine = self.services.engine
        self._act(lambda: engine.start(number), self._started)

    def _started(self, ticket: Ticket) -> None:
        self._set_current(ticket)
        self._show_message(self.tr("{ticket} 开始办理").format(ticket=ticket.number))

    def finish(self) -> None:
        number = self._counter()
        if number is None:
            return
        engine = self.services.engine
        self._act(lambda: engine.finish(number), self._finished)

    def _finished(self, ticket: Ticket) -> None:
        self._set_current(None)
        self._show_message(self.tr("{ticket} 已办结").format(ticket=ticket.number))
        self.ticket_finished.emit(ticket)
        if self.case_entry is not None:
            self._run_case_entry(ticket)

    def open_case_entry(self) -> None:
        """登记办件 without a ticket: a walk-up or phone consultation."""
        if self.case_entry is not None and self.session is not None:
            self._run_case_entry(None)

    def _run_case_entry(self, ticket: Ticket | None) -> None:
        assert self.case_entry is not None
        if self.session is None:
            return
        try:
            self.case_entry(self, self.session, ticket)
        except YichuangError as err:
            self._show_error(err)
        except Exception:  # the form is another module: keep the counter working
            log.exception("case entry failed")
            self._show_message(self.tr("办件登记窗口出错，请重试或联系管理员"), error=True)

    def open_check_in(self) -> QDialog | None:
        """预约签到 at the counter: scan the slip, the appointment's ticket is issued."""
        from desktop.appointment_desk import CheckInDialog

        if self.session is None:
            return None
        dialog = CheckInDialog(self.services, self.session.staff, self)
        dialog.checked_in.connect(lambda _result: self.refresh())
        return self._show_tool(dialog)

    def open_schedule(self) -> QDialog | None:
        """The clerk's appointments of the day (home visits included), printable."""
        from desktop.appointment_desk import HomeVisitSchedule

        if self.session is None:
            return None
        staff = self.session.staff
        return self._show_tool(
            HomeVisitSchedule(self.services, staff, self, staff_number=staff.number)
        )

    def open_case_history(self) -> QDialog | None:
        """Cases and their timelines; materials received; reopening by the first clerk."""
        from desktop.case_history import CaseHistoryDialog

        if self.session is None:
            return None
        return self._show_tool(
            CaseHistoryDialog(self.services, self.session.staff, self.session.counter, self)
        )

    def _show_tool(self, dialog: QDialog) -> QDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def no_show(self) -> None:
        number = self._counter()
        current = self.current_ticket()
        if number is None or current is None:
            return
        needed = self._info.noshow_min_calls
        if current.call_count < needed:
            self._show_error(
                NoShowTooEarly(ticket=current.number, calls=current.call_count, needed=needed)
            )
            return
        requeue = self.noshow_dialog_class.ask(self, current)
        if requeue is None:
            return
        engine = self.services.engine
        self._act(lambda: engine.no_show(number, requeue=requeue), self._no_showed)

    def _no_showed(self, ticket: Ticket) -> None:
        self._set_current(None)
        if ticket.status is TicketStatus.WAITING:
            text = self.tr("{ticket} 已过号，已重新排队").format(ticket=ticket.number)
        else:
            text = self.tr("{ticket} 已过号").format(ticket=ticket.number)
        self._show_message(text)

    def transfer(self) -> None:
        """Ask where to (the counters are read fresh), then transfer."""
        if self.session is None or self.current_ticket() is None:
            return
        self._act(self.services.engine.counters, self._ask_transfer, refresh=False)

    def _ask_transfer(self, counters: list[CounterState]) -> None:
        current, number = self.current_ticket(), self._counter()
        if current is None or number is None:
            return
        self._counter_names = {state.number: state.name for state in counters}
        target = self.transfer_dialog_class.ask(self, current, self._info.queues, counters, number)
        if target is None:
            return
        self.transfer_to(target)

    def transfer_to(self, target: TransferTarget) -> None:
        number = self._counter()
        if number is None:
            return
        engine = self.services.engine
        self._act(
            lambda: engine.transfer(number, to_queue=target.queue, to_counter=target.counter),
            lambda ticket: self._transferred(ticket, target),
        )

    def _transferred(self, ticket: Ticket, target: TransferTarget) -> None:
        self._set_current(None)
        if target.counter is not None:
            where = self._counter_names.get(target.counter) or self.tr("{n} 号窗口").format(
                n=target.counter
            )
        else:
            where = ticket.queue_name
        self._show_message(
            self.tr("{ticket} 已转至{where}").format(ticket=ticket.number, where=where)
        )

    def toggle_pause(self) -> None:
        number = self._counter()
        if number is None:
            return
        engine = self.services.engine
        if self.is_paused():
            self._act(lambda: engine.resume(number), self._counter_changed)
            return
        reason = self.pause_dialog_class.ask(self)
        if reason is None:
            return
        self._act(lambda: engine.pause(number, reason), self._counter_changed)

    def _counter_changed(self, state: CounterState) -> None:
        self.state = state
        self._render_state()
        if state.status is CounterStatus.PAUSED:
            self._show_message(self.tr("已暂停：{reason}").format(reason=state.pause_reason))
        else:
            self._show_message(self.tr("已恢复服务"))

    # ---- waiting list --------------------------------------------------------------------

    def selected_waiting_number(self) -> str | None:
        rows = self.waiting_table.selectionModel().selectedRows()
        if not rows:
            return None
        ticket = self.waiting_model.ticket_at(rows[0].row())
        return ticket.number if ticket else None

    def select_waiting(self, number: str) -> bool:
        row = self.waiting_model.row_of(number)
        if row < 0:
            return False
        self.waiting_table.selectionModel().select(
            self.waiting_model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        return True

    def waiting_numbers(self) -> list[str]:
        return [t.number for t in self.waiting_model.tickets()]

    def served_numbers(self) -> list[str]:
        return [t.number for t in self.served_model.tickets()]

    def _waiting_double_clicked(self, index: QModelIndex) -> None:
        ticket = self.waiting_model.ticket_at(index.row())
        if ticket is None:
            return
        if not self.act_call_chosen.isEnabled():
            self._show_message(self.tr("请先办结、过号或转办当前号，再叫下一位"), error=True)
            return
        self.call_chosen(ticket.number)

    # ---- closing -------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        """Stop the follower thread and wait for pending work, so nothing outlives the window.
        The clerk stays signed in: reopening the console continues where it was."""
        self._closing = True
        self.timer.stop()
        if self.sign_in_dialog is not None:
            self.sign_in_dialog.reject()
        if self.follower is not None:
            self.follower.stop()
            self.follower = None
        self.runner.wait()
        super().closeEvent(event)
