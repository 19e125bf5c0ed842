"""The appointment desk (特殊办): a staff member's day of appointments, and checking slips in.

``HomeVisitSchedule`` lists one staff member's appointments for a day (the round of home visits,
or early / after-hours / holiday service) and prints the day's schedule (预约服务日程) through
``DocumentPreview``.

``CheckInDialog`` verifies a scanned slip and checks its appointment in, issuing the queue
ticket (``AppointmentBook.check_in``). A keyboard-wedge scanner types the QR's text into the scan
field, pressing Enter after each line; the QR of a slip may hold several lines (readable Chinese,
which a scanner set to a US layout drops, then the signed machine line ``YC1|…``; or a calendar
event). The scan is complete when the signed line has arrived (for a calendar event, its
``END:VEVENT``; for a link, its line), so no timer is involved — unlike the kiosk's
``ScanCollector``, which has no input field and waits for the keys to settle. A clerk may also
type or paste the text and press 核验签到. Every refusal has its own message: not a slip, altered
or forged, another hall, another day, rescheduled, already checked in.
"""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.app import restyle, tr_error
from desktop.case_style import CASE_FORM_QSS
from desktop.preview import DocumentPreview, PrinterChooser, SavePathChooser, preview_documents
from desktop.tasks import Runner
from yichuang.appointments import (
    APPOINTMENT_KIND_NAMES,
    APPOINTMENT_STATUS_NAMES,
    Appointment,
    AppointmentKind,
    CheckIn,
)
from yichuang.errors import YichuangError
from yichuang.i18n import QT_TRANSLATE_NOOP
from yichuang.qrsign import MACHINE_LINE
from yichuang.services import HallServices
from yichuang.staff import StaffMember

DATE_FORMAT = "yyyy年M月d日"
_FOLD = re.compile(r"\r?\n[ \t]")  # RFC 5545 folding (a calendar event's long lines)


def _translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


# ---- a staff member's day ---------------------------------------------------------------------


class HomeVisitSchedule(QDialog):
    """One staff member's appointments on a day, and the printable 预约服务日程.

    Signals: loaded(list) — the appointments now listed;
    preview_opened(object) — the ``DocumentPreview`` of the printed schedule.
    """

    loaded = Signal(list)
    preview_opened = Signal(object)

    COLUMNS = (
        QT_TRANSLATE_NOOP("HomeVisitSchedule", "时间"),
        QT_TRANSLATE_NOOP("HomeVisitSchedule", "类型"),
        QT_TRANSLATE_NOOP("HomeVisitSchedule", "申请人"),
        QT_TRANSLATE_NOOP("HomeVisitSchedule", "地点（上门地址）"),
        QT_TRANSLATE_NOOP("HomeVisitSchedule", "联系电话"),
        QT_TRANSLATE_NOOP("HomeVisitSchedule", "事项"),
        QT_TRANSLATE_NOOP("HomeVisitSchedule", "状态"),
        QT_TRANSLATE_NOOP("HomeVisitSchedule", "预约号"),
    )

    def __init__(
        self,
        services: HallServices,
        clerk: StaffMember,
        parent: QWidget | None = None,
        *,
        day: date | None = None,
        staff_number: str | None = None,
        home_visits_only: bool = False,
        choose_printer: PrinterChooser | None = None,
        choose_save_path: SavePathChooser | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.clerk = clerk
        self.choose_printer = choose_printer
        self.choose_save_path = choose_save_path
        self.appointments: list[Appointment] = []
        self.preview: DocumentPreview | None = None
        self.runner = Runner(self)
        self._token = 0
        self._closing = False
        self._wanted_staff = staff_number or clerk.number
        self.setWindowTitle(self.tr("预约服务日程"))
        self.setStyleSheet(CASE_FORM_QSS)
        self._build(day or services.clock().date(), home_visits_only)
        self.resize(1180, 640)
        self.runner.submit(
            lambda: [m for m in services.staff.all() if m.may("serve")],
            self._staff_loaded,
            self._failed,
        )

    def _build(self, day: date, home_visits_only: bool) -> None:
        root = QVBoxLayout(self)
        root.setContentsMargins(20, 16, 20, 16)
        root.setSpacing(12)
        title = QLabel(self.tr("预约服务日程"))
        title.setProperty("role", "section")
        title.setStyleSheet("font-size: 18pt;")
        root.addWidget(title)

        bar = QHBoxLayout()
        bar.setSpacing(10)
        bar.addWidget(QLabel(self.tr("日期")))
        self.date_edit = QDateEdit(QDate(day))
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat(DATE_FORMAT)
        self.date_edit.setMinimumWidth(170)
        bar.addWidget(self.date_edit)
        bar.addSpacing(12)
        bar.addWidget(QLabel(self.tr("服务人员")))
        self.staff_combo = QComboBox()
        self.staff_combo.setMinimumWidth(180)
        bar.addWidget(self.staff_combo)
        bar.addSpacing(12)
        bar.addWidget(QLabel(self.tr("类型")))
        self.kind_combo = QComboBox()
        self.kind_combo.addItem(self.tr("全部"), None)
        for kind in AppointmentKind:
            self.kind_combo.addItem(
                _translate("appointment", APPOINTMENT_KIND_NAMES[kind]), kind.value
            )
        if home_visits_only:
            self.kind_combo.setCurrentIndex(
                self.kind_combo.findData(AppointmentKind.HOME_VISIT.value)
            )
        bar.addWidget(self.kind_combo)
        bar.addStretch(1)
        self.refresh_button = QPushButton(self.tr("刷新"))
        bar.addWidget(self.refresh_button)
        root.addLayout(bar)

        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in self.COLUMNS])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        for column in range(len(self.COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        root.addWidget(self.table, 1)

        self.empty_label = QLabel()
        self.empty_label.setProperty("role", "hint")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        root.addWidget(self.empty_label)

        footer = QHBoxLayout()
        self.message = QLabel()
        self.message.setWordWrap(True)
        footer.addWidget(self.message, 1)
        self.print_button = QPushButton(self.tr("打印日程"))
        self.print_button.setProperty("role", "primary")
        self.close_button = QPushButton(self.tr("关闭"))
        for button in (self.print_button, self.close_button):
            button.setMinimumWidth(128)
            footer.addWidget(button)
        root.addLayout(footer)

        self.date_edit.dateChanged.connect(lambda _d: self.refresh())
        self.staff_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.kind_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.refresh_button.clicked.connect(self.refresh)
        self.print_button.clicked.connect(self.print_schedule)
        self.close_button.clicked.connect(self.accept)
        self.print_button.setEnabled(False)

    # ---- reading ---------------------------------------------------------------------------

    def day(self) -> date:
        return self.date_edit.date().toPython()

    def staff_number(self) -> str:
        return self.staff_combo.currentData() or ""

    def set_staff(self, number: str) -> None:
        index = self.staff_combo.findData(number)
        if index >= 0:
            self.staff_combo.setCurrentIndex(index)

    def kind(self) -> AppointmentKind | None:
        value = self.kind_combo.currentData()
        return AppointmentKind(value) if value else None

    def is_loaded(self) -> bool:
        return self._token > 0 and not self.runner.busy

    # ---- loading ---------------------------------------------------------------------------

    def _staff_loaded(self, servers: list[StaffMember]) -> None:
        if self._closing:
            return
        self.staff_combo.blockSignals(True)
        for member in servers:
            self.staff_combo.addItem(f"{member.name}（{member.number}）", member.number)
        self.staff_combo.blockSignals(False)
        self.set_staff(self._wanted_staff)
        self.refresh()

    def refresh(self) -> None:
        number = self.staff_number()
        if not number:
            return
        self._token += 1
        token = self._token
        day, kind = self.day(), self.kind()
        book = self.services.appointments
        kinds = [kind] if kind is not None else None
        self.runner.submit(
            lambda: book.day_list(day, staff_number=number, kinds=kinds),
            lambda found: self._listed(token, found),
            self._failed,
        )

    def _listed(self, token: int, appointments: list[Appointment]) -> None:
        if self._closing or token != self._token:
            return
        self.appointments = appointments
        self.table.setRowCount(len(appointments))
        for row, a in enumerate(appointments):
            citizen = a.citizen
            who = citizen.name
            if citizen.is_enterprise and citizen.contact_name:
                who = f"{citizen.name}（{citizen.contact_name}）"
            values = (
                f"{a.start:%H:%M}—{a.end:%H:%M}",
                _translate("appointment", APPOINTMENT_KIND_NAMES[a.kind]),
                who,
                a.place,
                citizen.phone,
                a.item_name,
                _translate("appointment", APPOINTMENT_STATUS_NAMES[a.status]),
                a.number,
            )
            for column, text in enumerate(values):
                cell = QTableWidgetItem(text)
                if column == 3 and a.kind is AppointmentKind.HOME_VISIT:
                    cell.setToolTip(self.tr("上门地址"))
                self.table.setItem(row, column, cell)
        self.table.resizeRowsToContents()
        home = sum(a.kind is AppointmentKind.HOME_VISIT for a in appointments)
        if appointments:
            self.empty_label.hide()
            self._say(
                self.tr("共 {n} 个预约，其中上门办 {home} 个").format(
                    n=len(appointments), home=home
                )
            )
        else:
            self.empty_label.setText(self.tr("这一天没有安排预约"))
            self.empty_label.show()
            self._say("")
        self.print_button.setEnabled(bool(appointments))
        self.loaded.emit(appointments)

    def _failed(self, err: YichuangError) -> None:
        if not self._closing:
            self._say(tr_error(err), error=True)

    def _say(self, text: str, error: bool = False) -> None:
        restyle(self.message, "role", "error" if error else "hint")
        self.message.setText(text)

    # ---- printing --------------------------------------------------------------------------

    def print_schedule(self) -> None:
        """The day's 预约服务日程 as a PDF, in the preview (print / save as PDF)."""
        number = self.staff_number()
        if not number:
            return
        book, day, clerk = self.services.appointments, self.day(), self.clerk.number
        self.print_button.setEnabled(False)
        self.runner.submit(
            lambda: preview_documents([book.staff_schedule(number, day, clerk)]),
            self._show_preview,
            self._print_failed,
        )

    def _print_failed(self, err: YichuangError) -> None:
        self.print_button.setEnabled(True)
        self._failed(err)

    def _show_preview(self, documents: list) -> None:
        if self._closing:
            return
        self.print_button.setEnabled(True)
        if self.preview is not None:
            self.preview.close()
            self.preview.deleteLater()
        self.preview = DocumentPreview(
            documents,
            self,
            title=self.tr("{name} {day} 的预约服务日程").format(
                name=self.staff_combo.currentText(), day=self.date_edit.text()
            ),
            choose_printer=self.choose_printer,
            choose_save_path=self.choose_save_path,
        )
        self.preview.open()
        self.preview_opened.emit(self.preview)

    def done(self, result: int) -> None:
        self._closing = True
        self.runner.close()  # queued work finishes, then the worker thread ends
        if self.preview is not None:
            self.preview.close()
        super().done(result)


# ---- checking a slip in -----------------------------------------------------------------------


def scan_complete(text: str) -> bool:
    """Whether a scanner has typed a whole slip code: its signed line (or, for a calendar
    event, its end; for a link, the line) has arrived and been ended with Enter."""
    done, _, _pending = text.rpartition("\n")
    if not done.strip():
        return False
    lines = done.split("\n")
    first = lines[0].strip().upper()
    if first.startswith("BEGIN:VEVENT") or first.startswith("BEGIN:VCALENDAR"):
        return any(line.strip().upper() in ("END:VEVENT", "END:VCALENDAR") for line in lines)
    if MACHINE_LINE.search(_FOLD.sub("", done)):
        return True
    return any("://" in line for line in lines)


class CheckInDialog(QDialog):
    """Scanning a slip back: verify it, check the appointment in, show its queue ticket.

    ``clerk``: who checks in (recorded with the check-in); with a clerk, a slip-less check-in by
    appointment number is offered too (the staff member vouches for the citizen).

    Signals: checked_in(object) — the ``CheckIn`` (appointment and issued ticket);
    refused(str) — the message shown for a slip that did not check in.
    """

    checked_in = Signal(object)
    refused = Signal(str)

    def __init__(
        self,
        services: HallServices,
        clerk: StaffMember | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.clerk = clerk
        self.runner = Runner(self)
        self.last: CheckIn | None = None
        self._busy = False
        self._closing = False
        self.setWindowTitle(self.tr("预约签到"))
        self.setStyleSheet(CASE_FORM_QSS)
        self._build()
        self.resize(720, 560)

    def _build(self) -> None:
        root = QVBoxLayout(self)
        root.setContentsMargins(24, 18, 24, 18)
        root.setSpacing(12)
        title = QLabel(self.tr("预约签到"))
        title.setProperty("role", "section")
        title.setStyleSheet("font-size: 18pt;")
        root.addWidget(title)
        hint = QLabel(
            self.tr("请扫描预约服务单（或手机上）的二维码；也可粘贴二维码内容后点“核验签到”。")
        )
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        root.addWidget(hint)

        self.scan_edit = QPlainTextEdit()
        self.scan_edit.setPlaceholderText(self.tr("YC1|预约号|日期|大厅|签名"))
        self.scan_edit.setFixedHeight(96)
        self.scan_edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.scan_edit.textChanged.connect(self._scanned_text)
        root.addWidget(self.scan_edit)

        buttons = QHBoxLayout()
        self.progress = QLabel()
        self.progress.setProperty("role", "hint")
        buttons.addWidget(self.progress, 1)
        self.clear_button = QPushButton(self.tr("清空"))
        self.clear_button.clicked.connect(self.clear)
        self.check_button = QPushButton(self.tr("核验签到"))
        self.check_button.setProperty("role", "primary")
        self.check_button.clicked.connect(lambda: self.submit(self.scan_edit.toPlainText()))
        for button in (self.clear_button, self.check_button):
            button.setMinimumWidth(120)
            buttons.addWidget(button)
        root.addLayout(buttons)

        self.by_number = QWidget()
        number_row = QHBoxLayout(self.by_number)
        number_row.setContentsMargins(0, 0, 0, 0)
        number_row.addWidget(QLabel(self.tr("没有预约单？")))
        self.number_edit = QLineEdit()
        self.number_edit.setPlaceholderText(self.tr("预约号，如 YY20260302-001"))
        self.number_edit.returnPressed.connect(self.submit_number)
        number_row.addWidget(self.number_edit, 1)
        self.number_button = QPushButton(self.tr("凭预约号签到"))
        self.number_button.clicked.connect(self.submit_number)
        number_row.addWidget(self.number_button)
        self.by_number.setVisible(self.clerk is not None)
        root.addWidget(self.by_number)

        self.result = QFrame()
        self.result.setProperty("role", "card")
        result_layout = QVBoxLayout(self.result)
        result_layout.setContentsMargins(20, 14, 20, 16)
        self.result_title = QLabel()
        self.result_title.setProperty("role", "section")
        self.ticket_label = QLabel()
        self.ticket_label.setProperty("role", "big-number")
        self.ticket_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.result_text = QLabel()
        self.result_text.setWordWrap(True)
        self.result_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        for widget in (self.result_title, self.ticket_label, self.result_text):
            result_layout.addWidget(widget)
        result_layout.addStretch(1)
        root.addWidget(self.result, 1)
        self.result.hide()

        footer = QHBoxLayout()
        footer.addStretch(1)
        close = QPushButton(self.tr("关闭"))
        close.setMinimumWidth(120)
        close.clicked.connect(self.accept)
        footer.addWidget(close)
        root.addLayout(footer)
        self.scan_edit.setFocus()

    # ---- scanning --------------------------------------------------------------------------

    def clear(self) -> None:
        self.scan_edit.blockSignals(True)
        self.scan_edit.clear()
        self.scan_edit.blockSignals(False)
        self.progress.setText("")
        self.scan_edit.setFocus()

    def _scanned_text(self) -> None:
        if self._busy:
            return
        text = self.scan_edit.toPlainText()
        if scan_complete(text):
            self.submit(text)
            return
        lines = text.count("\n")
        self.progress.setText(
            self.tr("已读取 {n} 行，等待二维码的签名行…").format(n=lines) if lines else ""
        )

    def submit(self, payload: str) -> None:
        """Verify the scanned text and check the appointment in (on the runner)."""
        if self._busy or not payload.strip():
            return
        book, by = self.services.appointments, self.clerk.number if self.clerk else None
        self._start()
        self.runner.submit(lambda: book.check_in(payload, by), self._done, self._refused)

    def submit_number(self) -> None:
        number = self.number_edit.text().strip()
        if self._busy or not number or self.clerk is None:
            return
        book, by = self.services.appointments, self.clerk.number
        self._start()
        self.runner.submit(lambda: book.check_in_by_number(number, by), self._done, self._refused)

    def _start(self) -> None:
        self._busy = True
        self.scan_edit.setReadOnly(True)
        self.check_button.setEnabled(False)
        self.number_button.setEnabled(False)
        self.progress.setText(self.tr("正在核验…"))

    def _finish(self) -> None:
        self._busy = False
        self.scan_edit.setReadOnly(False)
        self.check_button.setEnabled(True)
        self.number_button.setEnabled(True)
        self.clear()
        self.number_edit.clear()

    def _done(self, check_in: CheckIn) -> None:
        if self._closing:
            return
        self._finish()
        self.last = check_in
        a, issued = check_in.appointment, check_in.ticket
        self.result_title.setText(self.tr("签到成功，排队号"))
        self.result_title.setStyleSheet("color: #1f7a43;")
        self.ticket_label.setText(issued.ticket.number)
        self.ticket_label.show()
        self.result_text.setText(
            self.tr(
                "预约 {number}（{kind}）已签到\n{name} · {item}\n预约时间 {start}—{end}，前面还有 {ahead} 人"
            ).format(
                number=a.number,
                kind=_translate("appointment", APPOINTMENT_KIND_NAMES[a.kind]),
                name=a.citizen.name,
                item=a.item_name,
                start=f"{a.start:%H:%M}",
                end=f"{a.end:%H:%M}",
                ahead=issued.ahead,
            )
        )
        self.result.show()
        self.checked_in.emit(check_in)

    def _refused(self, err: YichuangError) -> None:
        if self._closing:
            return
        self._finish()
        message = tr_error(err)
        self.result_title.setText(self.tr("不能签到"))
        self.result_title.setStyleSheet("color: #b3261e;")
        self.ticket_label.hide()
        self.result_text.setText(message)
        self.result.show()
        self.refused.emit(message)

    def message_text(self) -> str:
        return self.result_text.text() if self.result.isVisible() else ""

    def done(self, result: int) -> None:
        self._closing = True
        self.runner.close()  # queued work finishes, then the worker thread ends
        super().done(result)
