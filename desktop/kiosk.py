"""The lobby kiosk (取号机): choose a service, take a ticket, check in an appointment.

Touch first, for a portrait 1080×1920 screen: service areas as big tiles, then the area's items
by department; a search box that understands pinyin initials ("sbk" → 社会保障卡申领) with an
on-screen keyboard; the green channel (绿色通道) for priority groups; an elder-friendly mode
with larger type (适老化). The appointment slip's QR is read by a keyboard-wedge scanner
(characters, Enter after each line) on any page, or its code typed on the check-in page.

Nothing is lost. Each press makes one request id before the first attempt; every retry sends
the same id, and the queue engine returns the same ticket for it, so a connection lost after
the database committed never yields a second number. While the database is unreachable the
kiosk says so (暂停取号), disables the tiles and retries by itself. The ticket is issued before
it is printed: a failed printer leaves it issued, says where to get a copy, and can print again.
"""

from __future__ import annotations

import contextlib
import logging
import math
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.kiosk_widgets import (
    ELDER_SCALE,
    ScanCollector,
    Tile,
    TileGrid,
    TouchKeyboard,
    kiosk_stylesheet,
    set_role,
)
from desktop.tasks import Runner
from desktop.ticket_printer import TicketPrinter, printer_for, ticket_slip
from printing import TicketSlip
from yichuang import settings
from yichuang.catalog import Department, HallInfo, ServiceArea, ServiceItem
from yichuang.config import PCConfig
from yichuang.db import CONNECTION_ERRORS
from yichuang.errors import DatabaseUnavailable, YichuangError
from yichuang.itemsearch import ItemSearch
from yichuang.queue import IssuedTicket, PriorityGroup, TicketKind
from yichuang.services import HallServices

log = logging.getLogger(__name__)

CheckInFn = Callable[[str], IssuedTicket]

SEARCH_LIMIT = 40


def new_request_id(kiosk_id: str) -> str:
    """An id naming one press of one kiosk (fits the ticket's 64-character request_id)."""
    return f"{kiosk_id[:24]}-{uuid.uuid4().hex}"


@dataclass(frozen=True)
class HallSnapshot:
    """What the kiosk shows, read once from the database (off the UI thread)."""

    hall: HallInfo
    areas: list[ServiceArea]
    departments: list[Department]
    items: list[ServiceItem]
    search: ItemSearch
    notice: str
    waiting: dict[str, int] = field(default_factory=dict)

    def items_of_area(self, area: str) -> list[tuple[Department, list[ServiceItem]]]:
        sections = []
        for department in self.departments:
            if department.area != area:
                continue
            items = [i for i in self.items if i.department == department.code]
            if items:
                sections.append((department, items))
        return sections

    def item(self, code: str | None) -> ServiceItem | None:
        return next((i for i in self.items if i.code == code), None)


def load_snapshot(services: HallServices) -> HallSnapshot:
    directory = services.directory
    items = directory.items()
    departments = directory.departments()
    return HallSnapshot(
        hall=directory.hall(),
        areas=directory.areas(),
        departments=departments,
        items=items,
        search=ItemSearch(items, departments),
        notice=str(settings.get("ticket_notice") or ""),
        waiting=services.engine.waiting_counts(),
    )


def appointment_check_in(services: HallServices) -> CheckInFn | None:
    """The hall's appointment book as the kiosk's check-in (self-service: no staff number)."""
    book = getattr(services, "appointments", None)
    if book is None:
        return None

    def check_in(payload: str) -> IssuedTicket:
        return book.check_in(payload).ticket

    return check_in


@dataclass(frozen=True)
class PendingIssue:
    """One press of an item tile, kept until its ticket comes back (across retries)."""

    request_id: str
    service: str
    service_name: str
    kind: TicketKind = TicketKind.NORMAL
    priority_group: str = ""


@dataclass(frozen=True)
class IssuedRecord:
    """The last ticket this kiosk issued, with its slip (for 补打)."""

    issued: IssuedTicket
    slip: TicketSlip
    service_name: str


class KioskWindow(QMainWindow):
    """The ticket machine.

    Signals:
    - catalog_loaded(): the hall's areas and items are on screen;
    - ticket_issued(object): an ``IssuedTicket`` (a new ticket or a checked-in appointment's);
    - checked_in(object): the ``IssuedTicket`` of a checked-in appointment;
    - ticket_printed(object): the ``IssuedTicket`` whose slip was printed;
    - print_failed(object): the ``PrinterError`` (or other error) of a failed print;
    - connection_changed(bool): False while the database is unreachable;
    - message_shown(str): a message page (e.g. a refused check-in) was shown;
    - page_changed(str): the page now shown (home, items, search, priority, checkin, ticket,
      message).
    """

    catalog_loaded = Signal()
    ticket_issued = Signal(object)
    checked_in = Signal(object)
    ticket_printed = Signal(object)
    print_failed = Signal(object)
    connection_changed = Signal(bool)
    message_shown = Signal(str)
    page_changed = Signal(str)

    def __init__(
        self,
        services: HallServices,
        pc: PCConfig,
        *,
        elder_mode: bool = False,
        printer: TicketPrinter | None = None,
        check_in: CheckInFn | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.pc = pc
        self.printer = printer if printer is not None else printer_for(pc)
        self._check_in = check_in if check_in is not None else appointment_check_in(services)
        self.default_elder_mode = elder_mode
        self.elder_mode = elder_mode

        # Timing (milliseconds), attributes so tests and halls can tune them.
        self.idle_ms = 60_000  # browsing without a touch: back to the start
        self.ticket_idle_ms = 20_000  # the ticket page stays this long
        self.retry_ms = 3_000  # while the database is unreachable
        self.refresh_ms = 30_000  # waiting counts on the tiles

        self.snapshot: HallSnapshot | None = None
        self.last: IssuedRecord | None = None
        self.online = True
        self._pending: PendingIssue | None = None
        self._checking_in = False
        self._db_jobs = 0
        self._priority: PriorityGroup | None = None
        self.scanner = ScanCollector(parent=self)
        self.scanner.scanned.connect(self.submit_check_in)
        self._item_tiles: dict[str, Tile] = {}
        self.area_tiles: dict[str, Tile] = {}

        self._db_runner = Runner(self)
        self._print_runner = Runner(self)  # a slow printer never holds up issuing

        self.setWindowTitle(self.tr("一窗 · 取号机"))
        self._build()
        self.set_elder_mode(elder_mode)

        self.idle_timer = QTimer(self)
        self.idle_timer.setSingleShot(True)
        self.idle_timer.timeout.connect(self.go_home)
        self.retry_timer = QTimer(self)
        self.retry_timer.setSingleShot(True)
        self.retry_timer.timeout.connect(self._retry)
        self.refresh_timer = QTimer(self)
        self.refresh_timer.timeout.connect(self._refresh_waiting)
        self.clock_timer = QTimer(self)
        self.clock_timer.timeout.connect(self._tick)
        self.clock_timer.start(1000)
        self._tick()

        screen = self.screen().availableGeometry()
        self.resize(min(1080, screen.width()), min(1920, screen.height()))
        self._load()

    # ---- building ------------------------------------------------------------------------

    def _build(self) -> None:
        central = QWidget()
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self._build_header())
        outer.addWidget(self._build_banner())
        outer.addWidget(self._build_priority_strip())

        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(40, 28, 40, 16)
        self.stack = QStackedWidget()
        self.pages: dict[str, QWidget] = {
            "home": self._build_home(),
            "items": self._build_items(),
            "search": self._build_search(),
            "priority": self._build_priority(),
            "checkin": self._build_checkin(),
            "ticket": self._build_ticket(),
            "message": self._build_message(),
        }
        for page in self.pages.values():
            self.stack.addWidget(page)
        body_layout.addWidget(self.stack, 1)
        body_layout.addWidget(self._build_footer())
        outer.addWidget(body, 1)
        self.setCentralWidget(central)

    def _label(self, text: str, role: str, *, wrap: bool = True, centre: bool = False) -> QLabel:
        label = QLabel(text)
        label.setProperty("role", role)
        label.setWordWrap(wrap)
        if centre:
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        return label

    def _button(
        self, text: str, role: str = "", slot: Callable[[], None] | None = None
    ) -> QPushButton:
        button = QPushButton(text)
        if role:
            button.setProperty("role", role)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        if slot is not None:
            button.clicked.connect(lambda _=False: slot())
        return button

    def _build_header(self) -> QFrame:
        header = QFrame()
        header.setProperty("role", "header")
        layout = QHBoxLayout(header)
        layout.setContentsMargins(40, 22, 40, 22)
        self.hall_label = self._label(self.tr("政务服务中心"), "kiosk-hall")
        layout.addWidget(self.hall_label, 1)
        self.elder_button = self._button(self.tr("大字模式"), "header-toggle")
        self.elder_button.setCheckable(True)
        self.elder_button.toggled.connect(self._elder_toggled)
        layout.addWidget(self.elder_button)
        layout.addSpacing(28)
        clock = QVBoxLayout()
        clock.setSpacing(0)
        self.clock_label = self._label("", "kiosk-clock", wrap=False)
        self.date_label = self._label("", "kiosk-date", wrap=False)
        for label in (self.clock_label, self.date_label):
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            clock.addWidget(label)
        layout.addLayout(clock)
        return header

    def _build_banner(self) -> QFrame:
        self.banner = QFrame()
        self.banner.setProperty("role", "banner-error")
        layout = QVBoxLayout(self.banner)
        layout.setContentsMargins(40, 20, 40, 20)
        self.banner_label = self._label(
            self.tr("暂停取号：系统连接中断，正在自动重试…"), "banner-title", centre=True
        )
        layout.addWidget(self.banner_label)
        row = QHBoxLayout()
        self.pending_label = self._label("", "banner-detail")
        row.addWidget(self.pending_label, 1)
        self.cancel_pending_button = self._button(
            self.tr("取消此次取号"), "danger", self.cancel_pending
        )
        row.addWidget(self.cancel_pending_button)
        layout.addLayout(row)
        self.banner.hide()
        return self.banner

    def _build_priority_strip(self) -> QFrame:
        self.priority_strip = QFrame()
        self.priority_strip.setProperty("role", "kiosk-priority")
        layout = QHBoxLayout(self.priority_strip)
        layout.setContentsMargins(40, 14, 40, 14)
        self.priority_label = self._label("", "kiosk-priority-text")
        layout.addWidget(self.priority_label, 1)
        layout.addWidget(self._button(self.tr("取消"), "link", self.clear_priority))
        self.priority_strip.hide()
        return self.priority_strip

    def _build_home(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(22)
        self.search_entry = self._button(
            self.tr("搜索事项：输入名称或拼音首字母，如 sbk"), "", self.show_search
        )
        self.search_entry.setProperty("role", "search-entry")
        layout.addWidget(self.search_entry)
        layout.addWidget(self._label(self.tr("请选择办理领域"), "kiosk-heading"))
        self.area_grid = TileGrid(min_tile_width=10_000)  # one wide tile per row
        layout.addWidget(self.area_grid, 1)
        actions = QHBoxLayout()
        actions.setSpacing(22)
        layout.addSpacing(10)
        self.priority_button = self._button(
            self.tr("绿色通道 · 优先办理"), "priority", self.show_priority
        )
        self.checkin_button = self._button(self.tr("预约签到"), "primary", self.show_checkin)
        actions.addWidget(self.priority_button, 1)
        actions.addWidget(self.checkin_button, 1)
        layout.addLayout(actions)
        self.loading_label = self._label(self.tr("正在读取服务事项…"), "kiosk-hint", centre=True)
        layout.addWidget(self.loading_label)
        self.hall_info_label = self._label("", "kiosk-hint")
        layout.addWidget(self.hall_info_label)
        return page

    def _back_row(self, title: QWidget, back: Callable[[], None]) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(self._button(self.tr("‹ 返回"), "link", back))
        row.addSpacing(18)
        row.addWidget(title, 1)
        return row

    def _build_items(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(16)
        self.area_title = self._label("", "kiosk-heading")
        layout.addLayout(self._back_row(self.area_title, self.go_home))
        layout.addWidget(self._label(self.tr("请点击要办理的事项取号"), "kiosk-hint"))
        self.item_grid = TileGrid()
        self.item_grid.scrolled.connect(self._touch)
        layout.addWidget(self.item_grid, 1)
        return page

    def _build_search(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(16)
        self.search_edit = QLineEdit()
        self.search_edit.setProperty("role", "kiosk-search")
        self.search_edit.setPlaceholderText(self.tr("事项名称或拼音首字母"))
        self.search_edit.setFocusPolicy(
            Qt.FocusPolicy.NoFocus
        )  # typed on screen; see keyPressEvent
        self.search_edit.textChanged.connect(self._search_changed)
        layout.addLayout(self._back_row(self.search_edit, self.go_home))
        self.search_hint = self._label(
            self.tr("例如：社保卡 可输入 sbk，不动产 可输入 bdc"), "kiosk-hint"
        )
        layout.addWidget(self.search_hint)
        self.search_grid = TileGrid()
        self.search_grid.scrolled.connect(self._touch)
        layout.addWidget(self.search_grid, 1)
        self.search_keyboard = TouchKeyboard()
        self.search_keyboard.typed.connect(lambda c: self._edit_key(self.search_edit, c))
        self.search_keyboard.erased.connect(lambda: self._edit_erase(self.search_edit))
        self.search_keyboard.cleared.connect(lambda: self._edit_clear(self.search_edit))
        layout.addWidget(self.search_keyboard)
        return page

    def _build_priority(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(18)
        layout.addLayout(
            self._back_row(
                self._label(self.tr("绿色通道 · 优先办理"), "kiosk-heading"), self.go_home
            )
        )
        layout.addWidget(
            self._label(self.tr("请选择优先对象。办理时请向工作人员出示相关证件。"), "kiosk-hint")
        )
        grid = TileGrid()
        self.group_tiles: dict[PriorityGroup, Tile] = {}
        for group in PriorityGroup:
            tile = Tile(group.value, self._group_hint(group), accent="green")
            tile.clicked.connect(lambda _=False, g=group: self.choose_priority(g))
            self.group_tiles[group] = tile
        grid.set_sections([("", list(self.group_tiles.values()))])
        layout.addWidget(grid, 1)
        return page

    def _group_hint(self, group: PriorityGroup) -> str:
        hints = {
            PriorityGroup.ELDERLY: self.tr("年满 60 周岁"),
            PriorityGroup.DISABLED: self.tr("持残疾人证"),
            PriorityGroup.MILITARY: self.tr("现役军人、退役军人（依法优先）"),
            PriorityGroup.PREGNANT: self.tr("孕期妇女"),
            PriorityGroup.MARTYR_FAMILY: self.tr("烈士遗属"),
            PriorityGroup.RESCUE: self.tr("国家综合性消防救援队伍人员"),
        }
        return hints.get(group, "")

    def _build_checkin(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(18)
        layout.addLayout(
            self._back_row(self._label(self.tr("预约签到"), "kiosk-heading"), self.go_home)
        )
        layout.addWidget(
            self._label(
                self.tr("请将预约单上的二维码对准扫描口；或在下方输入预约码后点“签到”。"),
                "kiosk-hint",
            )
        )
        self.checkin_edit = QLineEdit()
        self.checkin_edit.setProperty("role", "kiosk-search")
        self.checkin_edit.setPlaceholderText(self.tr("预约码"))
        self.checkin_edit.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout.addWidget(self.checkin_edit)
        self.checkin_submit = self._button(self.tr("签到"), "primary", self._checkin_entered)
        layout.addWidget(self.checkin_submit)
        layout.addStretch(1)
        keyboard = TouchKeyboard(digits=True)
        keyboard.typed.connect(lambda c: self._edit_key(self.checkin_edit, c.upper()))
        keyboard.erased.connect(lambda: self._edit_erase(self.checkin_edit))
        keyboard.cleared.connect(lambda: self._edit_clear(self.checkin_edit))
        layout.addWidget(keyboard)
        return page

    def _build_ticket(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(14)
        card = QFrame()
        card.setProperty("role", "card")
        inner = QVBoxLayout(card)
        inner.setContentsMargins(40, 40, 40, 40)
        inner.setSpacing(14)
        self.ticket_heading = self._label(self.tr("取号成功"), "kiosk-heading", centre=True)
        inner.addWidget(self.ticket_heading)
        inner.addWidget(self._label(self.tr("您的号码"), "ticket-caption", centre=True))
        self.ticket_number_label = self._label("", "ticket-number", wrap=False, centre=True)
        inner.addWidget(self.ticket_number_label)
        self.ticket_service_label = self._label("", "ticket-service", centre=True)
        inner.addWidget(self.ticket_service_label)
        self.ticket_priority_label = self._label("", "ticket-priority", wrap=False, centre=True)
        inner.addWidget(self.ticket_priority_label, 0, Qt.AlignmentFlag.AlignHCenter)
        self.ahead_label = self._label("", "ticket-line", centre=True)
        self.estimate_label = self._label("", "ticket-line", centre=True)
        self.place_label = self._label("", "kiosk-hint", centre=True)
        inner.addWidget(self.ahead_label)
        inner.addWidget(self.estimate_label)
        inner.addSpacing(10)
        inner.addWidget(self.place_label)
        layout.addStretch(1)
        layout.addWidget(card)
        layout.addSpacing(20)
        self.print_status_label = self._label("", "print-busy", centre=True)
        layout.addWidget(self.print_status_label)
        self.retry_print_button = self._button(self.tr("重新打印"), "primary", self.reprint)
        self.retry_print_button.setMinimumWidth(420)
        layout.addWidget(self.retry_print_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        self.done_button = self._button(self.tr("完成"), "primary", self.go_home)
        layout.addWidget(self.done_button)
        self.countdown_label = self._label("", "kiosk-hint", centre=True)
        layout.addWidget(self.countdown_label)
        return page

    def _build_message(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 60, 0, 0)
        layout.setSpacing(30)
        self.message_heading = self._label("", "kiosk-heading", centre=True)
        self.message_label = self._label("", "kiosk-message", centre=True)
        layout.addWidget(self.message_heading)
        layout.addWidget(self.message_label)
        layout.addStretch(1)
        layout.addWidget(self._button(self.tr("返回首页"), "primary", self.go_home))
        return page

    def _build_footer(self) -> QWidget:
        footer = QWidget()
        layout = QHBoxLayout(footer)
        layout.setContentsMargins(0, 12, 0, 0)
        self.footer_hint = self._label(
            self.tr("持预约单的群众，可直接扫描二维码签到"), "kiosk-hint"
        )
        layout.addWidget(self.footer_hint, 1)
        self.reprint_button = self._button(self.tr("补打上一张凭条"), "link", self.reprint)
        self.reprint_button.setEnabled(False)
        layout.addWidget(self.reprint_button)
        return footer

    # ---- database work -------------------------------------------------------------------

    def _db(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[YichuangError], None],
    ) -> None:
        """Run ``fn`` on the database worker; its connection closes afterwards, so the next
        job (perhaps a retry after an outage) starts from a fresh one."""
        database = self.services.store.database

        def job() -> Any:
            try:
                return fn()
            finally:
                with contextlib.suppress(*CONNECTION_ERRORS):
                    database.close()

        def done(result: Any) -> None:
            self._db_jobs -= 1
            on_done(result)

        def failed(err: YichuangError) -> None:
            self._db_jobs -= 1
            on_error(err)

        self._db_jobs += 1
        self._db_runner.submit(job, done, failed)

    def _load(self) -> None:
        services = self.services
        self._db(lambda: load_snapshot(services), self._loaded, self._background_failed)

    def _loaded(self, snapshot: HallSnapshot) -> None:
        self.snapshot = snapshot
        self._set_online(True)
        self.hall_label.setText(snapshot.hall.name)
        self.loading_label.hide()
        tiles = []
        self.area_tiles = {}
        for area in snapshot.areas:
            sections = snapshot.items_of_area(area.code)
            count = sum(len(items) for _, items in sections)
            subtitle = self.tr("{count} 项事项：{departments}").format(
                count=count, departments="、".join(d.name for d, _ in sections)
            )
            tile = Tile(area.name, subtitle, title_role="area-title", accent="area")
            tile.clicked.connect(lambda _=False, code=area.code: self.show_area(code))
            self.area_tiles[area.code] = tile
            tiles.append(tile)
        self.area_grid.set_sections([("", tiles)])
        hall = snapshot.hall
        info = []
        if hall.hours:
            info.append(self.tr("办公时间：{hours}").format(hours=hall.hours))
        if hall.phone:
            info.append(self.tr("咨询电话：{phone}").format(phone=hall.phone))
        self.hall_info_label.setText("\n".join(info))
        self.refresh_timer.start(self.refresh_ms)
        self.catalog_loaded.emit()

    def _refresh_waiting(self) -> None:
        if self._db_jobs or not self.online or self.snapshot is None:
            return
        engine = self.services.engine
        self._db(engine.waiting_counts, self._waiting_loaded, self._background_failed)

    def _waiting_loaded(self, waiting: dict[str, int]) -> None:
        self._set_online(True)
        if self.snapshot is None:
            return
        self.snapshot.waiting.clear()
        self.snapshot.waiting.update(waiting)
        for code, tile in self._item_tiles.items():
            item = self.snapshot.item(code)
            if item is not None:
                tile.set_subtitle(self._item_subtitle(item))

    def _background_failed(self, err: YichuangError) -> None:
        if isinstance(err, DatabaseUnavailable):
            self._set_online(False)
        else:
            log.warning("kiosk background task failed: %s", err)
            if self.snapshot is None:
                self.loading_label.setText(self._message(err))

    def _set_online(self, online: bool) -> None:
        changed = online != self.online
        self.online = online
        self.banner.setVisible(not online)
        for name in ("home", "items", "search", "priority", "checkin"):
            self.pages[name].setEnabled(online)  # the ticket and message pages stay usable
        self._update_pending_label()
        if online:
            self.retry_timer.stop()
        else:
            self.retry_timer.start(self.retry_ms)
        if changed:
            log.warning("kiosk database %s", "back" if online else "unreachable")
            self.connection_changed.emit(online)

    def _retry(self) -> None:
        """While offline: send the waiting request again (same request id), or just check."""
        if self.online:
            return
        if self._db_jobs:
            self.retry_timer.start(self.retry_ms)
            return
        if self._pending is not None:
            self._submit_pending()
        elif self.snapshot is None:
            self._load()
        else:
            engine = self.services.engine
            self._db(engine.waiting_counts, self._waiting_loaded, self._background_failed)

    # ---- issuing -------------------------------------------------------------------------

    def request_ticket(self, item: ServiceItem) -> None:
        """Issue a ticket for ``item`` (one press: a double tap never makes two)."""
        self._touch()
        if self._pending is not None or self._checking_in or not self.online:
            return
        group = self._priority
        self._pending = PendingIssue(
            request_id=new_request_id(self.pc.kiosk_id),
            service=item.code,
            service_name=item.name,
            kind=TicketKind.PRIORITY if group else TicketKind.NORMAL,
            priority_group=group.value if group else "",
        )
        self._submit_pending()

    def _submit_pending(self) -> None:
        pending = self._pending
        assert pending is not None
        engine = self.services.engine

        def issue() -> IssuedTicket:
            return engine.issue(
                pending.service,
                kind=pending.kind,
                priority_group=pending.priority_group,
                request_id=pending.request_id,
            )

        self._db(issue, lambda issued: self._issued(pending, issued), self._issue_failed)

    def _issued(self, pending: PendingIssue, issued: IssuedTicket) -> None:
        if self._pending is pending:
            self._pending = None
        self._set_online(True)
        self.clear_priority()
        self._show_issued(issued, pending.service_name)
        self.ticket_issued.emit(issued)
        self._refresh_waiting()

    def _issue_failed(self, err: YichuangError) -> None:
        if isinstance(err, DatabaseUnavailable) and self._pending is not None:
            self._set_online(False)  # keep the request: the retry sends the same id
            self.idle_timer.stop()
            return
        self._pending = None
        if isinstance(err, DatabaseUnavailable):
            self._set_online(False)
            return
        self._show_message(self.tr("暂时无法取号"), self._message(err))

    def cancel_pending(self) -> None:
        """Give up the request waiting for the database (the citizen left)."""
        self._pending = None
        self._update_pending_label()
        self._touch()

    def _update_pending_label(self) -> None:
        pending = self._pending
        show = pending is not None and not self.online
        self.pending_label.setVisible(show)
        self.cancel_pending_button.setVisible(show)
        if pending is not None:
            self.pending_label.setText(
                self.tr("您选择的“{service}”将在恢复后自动出号，请稍候。").format(
                    service=pending.service_name
                )
            )

    def _show_issued(self, issued: IssuedTicket, service_name: str) -> None:
        assert self.snapshot is not None
        slip = ticket_slip(
            issued,
            hall=self.snapshot.hall,
            service_name=service_name,
            kiosk_id=self.pc.kiosk_id,
            notice=self.snapshot.notice,
        )
        self.last = IssuedRecord(issued, slip, service_name)
        self.reprint_button.setEnabled(True)
        self._show_ticket_page(self.last)
        self._print(self.last, reprint=False)

    def _show_ticket_page(self, record: IssuedRecord) -> None:
        ticket = record.issued.ticket
        appointment = ticket.kind is TicketKind.APPOINTMENT
        self.ticket_heading.setText(self.tr("签到成功") if appointment else self.tr("取号成功"))
        self.ticket_number_label.setText(ticket.number)
        self.ticket_service_label.setText(record.service_name)
        if ticket.kind is TicketKind.PRIORITY:
            text = self.tr("绿色通道 · 优先办理")
            if ticket.priority_group:
                text += f"（{ticket.priority_group}）"
            self.ticket_priority_label.setText(text)
        elif appointment and ticket.appointment_no:
            self.ticket_priority_label.setText(
                self.tr("预约号 {number}").format(number=ticket.appointment_no)
            )
        self.ticket_priority_label.setVisible(ticket.kind is not TicketKind.NORMAL)
        ahead = record.issued.ahead
        if ahead > 0:
            self.ahead_label.setText(self.tr("您前面还有 {n} 人等候").format(n=ahead))
            self.estimate_label.setText(
                self.tr("预计等候约 {m} 分钟").format(m=record.issued.estimated_minutes)
            )
        else:
            self.ahead_label.setText(self.tr("您前面没有人等候"))
            self.estimate_label.setText(self.tr("请留意叫号，即将为您办理"))
        self.place_label.setText(self._place_text(record.issued))
        self._show_page("ticket")

    def _place_text(self, issued: IssuedTicket) -> str:
        """Where the citizen will be served, from the item or its department."""
        if self.snapshot is None:
            return ""
        item = self.snapshot.item(issued.ticket.item_code)
        place = item.place if item else ""
        if item and not place:
            department = next(
                (d for d in self.snapshot.departments if d.code == item.department), None
            )
            place = department.place if department else ""
        if not place:
            return self.tr("请在等候区留意叫号屏幕和语音提示")
        return self.tr("办理地点：{place}。请留意叫号屏幕和语音提示").format(place=place)

    # ---- printing ------------------------------------------------------------------------

    def reprint(self) -> None:
        """Print the last ticket again (补打), showing it while it prints."""
        if self.last is None:
            return
        self._show_ticket_page(self.last)
        self._print(self.last, reprint=True)

    def _print(self, record: IssuedRecord, *, reprint: bool) -> None:
        self._set_print_status(
            self.tr("正在补打凭条…") if reprint else self.tr("正在打印凭条…"), "print-busy"
        )
        self.retry_print_button.hide()
        printer, slip = self.printer, record.slip
        self._print_runner.submit(
            lambda: printer.print_slip(slip),
            lambda _: self._printed(record),
            lambda err: self._print_failed(record, err),
        )

    def _printed(self, record: IssuedRecord) -> None:
        if self.last is record:
            self._set_print_status(self.tr("已打印，请取走凭条"), "print-ok")
        self.ticket_printed.emit(record.issued)

    def _print_failed(self, record: IssuedRecord, err: YichuangError) -> None:
        log.warning("ticket %s not printed: %s", record.issued.ticket.number, err)
        if self.last is record:
            self._set_print_status(
                self.tr("打印失败，请到导办台补打（{detail}）").format(detail=self._message(err)),
                "print-failed",
            )
            self.retry_print_button.show()
        self.print_failed.emit(err)

    def _set_print_status(self, text: str, role: str) -> None:
        self.print_status_label.setText(text)
        set_role(self.print_status_label, role)

    # ---- appointment check-in ------------------------------------------------------------

    def submit_check_in(self, code: str) -> None:
        """Check in an appointment by its slip's QR payload or typed code."""
        code = code.strip()
        self._touch()
        if not code or self._checking_in or self._pending is not None or self.snapshot is None:
            return
        if self._check_in is None:
            self._show_message(self.tr("预约签到"), self.tr("预约签到功能未启用，请到导办台办理。"))
            return
        if not self.online:
            self._show_message(
                self.tr("暂停签到"), self.tr("系统连接中断，请稍后重新扫描，或到导办台办理。")
            )
            return
        self._checking_in = True
        check_in = self._check_in
        self._db(lambda: check_in(code), self._checked_in, self._check_in_failed)

    def _checked_in(self, issued: IssuedTicket) -> None:
        self._checking_in = False
        self._set_online(True)
        item = self.snapshot.item(issued.ticket.item_code) if self.snapshot else None
        self._show_issued(issued, item.name if item else issued.ticket.queue_name)
        self.checked_in.emit(issued)
        self.ticket_issued.emit(issued)

    def _check_in_failed(self, err: YichuangError) -> None:
        self._checking_in = False
        if isinstance(err, DatabaseUnavailable):
            self._set_online(False)
            self._show_message(
                self.tr("暂停签到"), self.tr("系统连接中断，请稍后重新扫描，或到导办台办理。")
            )
            return
        self._show_message(self.tr("签到未成功"), self._message(err))

    def _checkin_entered(self) -> None:
        code = self.checkin_edit.text()
        self.checkin_edit.clear()
        self.submit_check_in(code)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        """The keyboard is the appointment scanner (a keyboard wedge). No widget of the kiosk
        takes the focus (text is typed on the on-screen keyboards), so every key lands here."""
        if self.scanner.key(event):
            event.accept()
            return
        super().keyPressEvent(event)

    # ---- navigation ----------------------------------------------------------------------

    def current_page(self) -> str:
        widget = self.stack.currentWidget()
        return next(name for name, page in self.pages.items() if page is widget)

    def _show_page(self, name: str) -> None:
        focused = self.focusWidget()
        if focused is not None:
            focused.clearFocus()  # whatever took it, scanner keys come to the window again
        self.stack.setCurrentWidget(self.pages[name])
        self._touch()
        self.page_changed.emit(name)

    def go_home(self) -> None:
        """Back to the start for the next citizen: no group chosen, default type size."""
        self.clear_priority()
        self.search_edit.clear()
        self.checkin_edit.clear()
        self.scanner.clear()
        if self.elder_mode != self.default_elder_mode:
            self.set_elder_mode(self.default_elder_mode)
        self._show_page("home")

    def show_area(self, code: str) -> None:
        if self.snapshot is None:
            return
        area = next((a for a in self.snapshot.areas if a.code == code), None)
        if area is None:
            return
        self.area_title.setText(area.name)
        sections = []
        self._item_tiles = {}
        for department, items in self.snapshot.items_of_area(code):
            heading = department.name + (f" · {department.place}" if department.place else "")
            sections.append((heading, [self._item_tile(item) for item in items]))
        self.item_grid.set_sections(sections)
        self._show_page("items")

    def _item_tile(self, item: ServiceItem) -> Tile:
        tile = Tile(item.name, self._item_subtitle(item))
        tile.clicked.connect(lambda _=False, it=item: self.request_ticket(it))
        self._item_tiles[item.code] = tile
        return tile

    def _item_subtitle(self, item: ServiceItem) -> str:
        waiting = self.snapshot.waiting.get(item.queue, 0) if self.snapshot else 0
        parts = [self.tr("当前等候 {n} 人").format(n=waiting)]
        if item.one_visit:
            parts.append(self.tr("一次办好"))
        return " · ".join(parts)

    def item_tile(self, code: str) -> Tile | None:
        """The tile of an item on the items or search page (for tests and scripts)."""
        return self._item_tiles.get(code)

    def show_search(self) -> None:
        self._show_page("search")
        self._search_changed(self.search_edit.text())

    def _search_changed(self, text: str) -> None:
        self._touch()
        if self.snapshot is None:
            return
        found = self.snapshot.search.search(text, limit=SEARCH_LIMIT)
        self._item_tiles = {}
        self.search_grid.set_sections([("", [self._item_tile(item) for item in found])])
        if not text.strip():
            self.search_hint.setText(self.tr("例如：社保卡 可输入 sbk，不动产 可输入 bdc"))
        elif found:
            self.search_hint.setText(
                self.tr("找到 {n} 项，请点击要办理的事项").format(n=len(found))
            )
        else:
            self.search_hint.setText(self.tr("没有找到相关事项，请换个关键词，或到导办台咨询"))

    def _edit_key(self, edit: QLineEdit, char: str) -> None:
        edit.insert(char)

    def _edit_erase(self, edit: QLineEdit) -> None:
        edit.backspace()
        self._touch()

    def _edit_clear(self, edit: QLineEdit) -> None:
        edit.clear()
        self._touch()

    def show_priority(self) -> None:
        self._show_page("priority")

    def choose_priority(self, group: PriorityGroup) -> None:
        """The next ticket goes through the green channel for ``group``."""
        self._priority = group
        self.priority_label.setText(
            self.tr("绿色通道 · {group}：请选择办理事项").format(group=group.value)
        )
        self.priority_strip.show()
        self._show_page("home")

    def clear_priority(self) -> None:
        self._priority = None
        self.priority_strip.hide()

    @property
    def priority_group(self) -> PriorityGroup | None:
        return self._priority

    def show_checkin(self) -> None:
        self._show_page("checkin")

    def _show_message(self, heading: str, text: str) -> None:
        self.message_heading.setText(heading)
        self.message_label.setText(text)
        self._show_page("message")
        self.message_shown.emit(text)

    def _message(self, err: YichuangError) -> str:
        return err.user_message(QCoreApplication.translate)

    # ---- idle, clock, elder mode ---------------------------------------------------------

    def _touch(self) -> None:
        """Someone is using the kiosk: restart the countdown back to the start page."""
        if self._pending is not None and not self.online:
            self.idle_timer.stop()  # the banner shows the waiting request
            return
        page = self.stack.currentWidget()
        at_rest = (
            page is self.pages["home"]
            and self._priority is None
            and self.elder_mode == self.default_elder_mode
        )
        if at_rest:
            self.idle_timer.stop()
        else:
            ticket = page is self.pages["ticket"]
            self.idle_timer.start(self.ticket_idle_ms if ticket else self.idle_ms)
        self._update_countdown()

    def _tick(self) -> None:
        now = self.services.clock()
        self.clock_label.setText(f"{now:%H:%M}")
        weekdays = [self.tr("星期一"), self.tr("星期二"), self.tr("星期三"), self.tr("星期四"),
                    self.tr("星期五"), self.tr("星期六"), self.tr("星期日")]  # fmt: skip
        self.date_label.setText(
            self.tr("{month}月{day}日 {weekday}").format(
                month=now.month, day=now.day, weekday=weekdays[now.weekday()]
            )
        )
        self._update_countdown()

    def _update_countdown(self) -> None:
        if self.stack.currentWidget() is not self.pages["ticket"] or not self.idle_timer.isActive():
            self.countdown_label.clear()
            return
        seconds = math.ceil(self.idle_timer.remainingTime() / 1000)
        self.countdown_label.setText(self.tr("{n} 秒后自动返回首页").format(n=seconds))

    def _scale(self) -> float:
        return ELDER_SCALE if self.elder_mode else 1.0

    def set_elder_mode(self, on: bool) -> None:
        """Larger type and touch targets (适老化)."""
        self.elder_mode = on
        self.setStyleSheet(kiosk_stylesheet(self._scale()))
        self.elder_button.blockSignals(True)
        self.elder_button.setChecked(on)
        self.elder_button.setText(self.tr("标准字体") if on else self.tr("大字模式"))
        self.elder_button.blockSignals(False)

    def _elder_toggled(self, on: bool) -> None:
        self.set_elder_mode(on)
        self._touch()

    # ---- teardown ------------------------------------------------------------------------

    def shutdown(self) -> None:
        """Stop the timers and wait for the database and printer workers."""
        for timer in (self.idle_timer, self.retry_timer, self.refresh_timer, self.clock_timer):
            timer.stop()
        self.scanner.clear()
        self._db_runner.wait()
        self._print_runner.wait()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self.shutdown()
        super().closeEvent(event)
