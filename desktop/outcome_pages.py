"""One page of the case form per outcome, each holding exactly the fields that outcome needs.

Every page is a small ``OutcomePage``: it is told the hall (``set_hall``), the chosen items
(``set_items``) and the citizen (``set_citizen``), pre-fills what the catalog knows, and builds
its outcome's details object (``details()``) from what is on screen. Pages never check rules;
the core does when the case is registered, and ``field_for`` maps the field a ``MissingField``
names back to the input to highlight.

There is no page, and no button, for rejecting: 窗口无否决权.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import ClassVar

from PySide6.QtCore import QCoreApplication, QDate, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTimeEdit,
    QWidget,
)

from desktop.case_entry_data import (
    COMPLEX_KEY,
    EMPTY_ITEMS,
    HallContext,
    ItemContext,
    default_received,
    material_form,
)
from printing.documents import (
    DEFAULT_COMMITMENT,
    DEFAULT_DEFICIENCY_CONSEQUENCE,
    DEFAULT_LEGAL_BASIS,
)
from yichuang.appointments import APPOINTMENT_KIND_NAMES, AppointmentKind, Slot
from yichuang.cases import (
    AcceptedDetails,
    Citizen,
    CompletedDetails,
    ConsultedDetails,
    DeferredMaterial,
    DeficientDetails,
    EscalatedDetails,
    MaterialReceipt,
    NoticeProblem,
    OneTimeNoticeDetails,
    Outcome,
    OutcomeDetails,
    ReferralDetails,
    ScheduledDetails,
)
from yichuang.errors import (
    DeadlineInPast,
    DeadlineTooLate,
    InvalidTimeSlot,
    MaterialNotDeferrable,
    SlotFull,
    StaffDoubleBooked,
    YichuangError,
)
from yichuang.escalations import CATEGORY_NAMES, EscalationCategory
from yichuang.i18n import QT_TRANSLATE_NOOP
from yichuang.outcomes import DEFAULT_HOW_TO_SUPPLY

DATA = Qt.ItemDataRole.UserRole
DATE_FORMAT = "yyyy年M月d日"

CATEGORY_HINTS = {
    EscalationCategory.CANNOT: QT_TRANSLATE_NOOP(
        "EscalatedPage", "法律法规不允许：解释政策、引导办理"
    ),
    EscalationCategory.HARD: QT_TRANSLATE_NOOP(
        "EscalatedPage", "缺材料或流程不畅：容缺受理、跟进帮办"
    ),
    EscalationCategory.NEGLECTED: QT_TRANSLATE_NOOP(
        "EscalatedPage", "工作人员不作为：立即督办、记录问责"
    ),
    EscalationCategory.SPECIAL: QT_TRANSLATE_NOOP(
        "EscalatedPage", "需提前、延时、上门或节假日办理"
    ),
}

PROBLEM_PRESETS = (
    QT_TRANSLATE_NOOP("OneTimeNoticePage", "缺少"),
    QT_TRANSLATE_NOOP("OneTimeNoticePage", "已过期"),
    QT_TRANSLATE_NOOP("OneTimeNoticePage", "签字或盖章不全"),
    QT_TRANSLATE_NOOP("OneTimeNoticePage", "信息与证件不一致"),
    QT_TRANSLATE_NOOP("OneTimeNoticePage", "复印件不清晰"),
    QT_TRANSLATE_NOOP("OneTimeNoticePage", "格式不符合要求"),
)
# A first suggestion for how to fix each preset problem (the clerk edits it).
FIX_SUGGESTIONS = {
    "缺少": QT_TRANSLATE_NOOP("OneTimeNoticePage", "请按合格标准准备后补充提交"),
    "已过期": QT_TRANSLATE_NOOP("OneTimeNoticePage", "请重新开具有效期内的材料"),
    "签字或盖章不全": QT_TRANSLATE_NOOP("OneTimeNoticePage", "请补齐签字或盖章"),
    "信息与证件不一致": QT_TRANSLATE_NOOP("OneTimeNoticePage", "请核对证件信息，更正后重新提交"),
    "复印件不清晰": QT_TRANSLATE_NOOP("OneTimeNoticePage", "请重新复印，字迹和印章须清晰"),
    "格式不符合要求": QT_TRANSLATE_NOOP("OneTimeNoticePage", "请按样表格式重新填写"),
}

# Usual times for each kind of special service (the clerk changes them).
KIND_TIMES = {
    AppointmentKind.EARLY: (time(7, 30), time(8, 30)),
    AppointmentKind.AFTER_HOURS: (time(17, 30), time(18, 30)),
    AppointmentKind.HOME_VISIT: (time(9, 0), time(11, 0)),
    AppointmentKind.HOLIDAY: (time(9, 0), time(11, 0)),
}


def cn_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def required(text: str) -> str:
    """A field label with the red mark of a field the outcome needs."""
    return f'<span style="color:#b3261e">*</span> {text}'


def lines(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.splitlines() if line.strip())


def text_box(height: int = 84, placeholder: str = "") -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setFixedHeight(height)
    box.setTabChangesFocus(True)
    box.setPlaceholderText(placeholder)
    return box


def fit_rows(view: QTableWidget | QListWidget, rows: int, least: int = 2, most: int = 6) -> None:
    """Size a table or list to its rows (between ``least`` and ``most`` rows high), so a page
    shows no empty expanse and needs no inner scroll bar for a usual number of rows."""
    if isinstance(view, QTableWidget):
        default = view.verticalHeader().defaultSectionSize()
        heights = [view.rowHeight(r) for r in range(min(rows, most))]
        header = view.horizontalHeader().sizeHint().height()
    else:
        default = max(view.sizeHintForRow(0), 26) if view.count() else 26
        heights = [default] * min(rows, most)
        header = 0
    body = sum(heights) + max(0, least - len(heights)) * default
    view.setFixedHeight(header + body + 2 * view.frameWidth() + 4)


def table(columns: list[str], row_height: int = 38) -> QTableWidget:
    """A table of editable rows whose long texts wrap (the rows grow to show them)."""
    view = QTableWidget(0, len(columns))
    view.setHorizontalHeaderLabels(columns)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(row_height)
    view.setWordWrap(True)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return view


class OutcomePage(QWidget):
    """Base of the outcome pages: a grid of labelled fields, two columns wide.

    Signals: changed() — something on the page changed (the form clears its messages).
    """

    outcome: ClassVar[Outcome]
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hall: HallContext | None = None
        self.items: ItemContext = EMPTY_ITEMS
        self.citizen = Citizen()
        self._fields: dict[str, QWidget] = {}
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(4, 4, 4, 4)
        self.grid.setHorizontalSpacing(12)
        self.grid.setVerticalSpacing(10)
        self.grid.setColumnStretch(1, 1)
        self.grid.setColumnStretch(3, 1)
        self._row = 0
        self._half = False

    # ---- building --------------------------------------------------------------------------

    def add(
        self,
        label: str,
        widget: QWidget,
        *,
        key: str = "",
        needed: bool = False,
        half: bool = False,
    ) -> QWidget:
        """A labelled field: full width, or ``half`` (two fields side by side)."""
        caption = QLabel(required(label) if needed else label)
        caption.setTextFormat(Qt.TextFormat.RichText)
        top = isinstance(widget, (QPlainTextEdit, QListWidget, QTableWidget))
        align = Qt.AlignmentFlag.AlignRight | (
            Qt.AlignmentFlag.AlignTop if top else Qt.AlignmentFlag.AlignVCenter
        )
        if half and self._half:
            self.grid.addWidget(caption, self._row, 2, align)
            self.grid.addWidget(widget, self._row, 3)
            self._row += 1
            self._half = False
        else:
            if self._half:
                self._row += 1
            self.grid.addWidget(caption, self._row, 0, align)
            self.grid.addWidget(widget, self._row, 1, 1, 1 if half else 3)
            if half:
                self._half = True
            else:
                self._row += 1
        caption.setBuddy(widget)
        self._fields[key or label] = widget
        return widget

    def add_note(self, text: str, role: str = "hint") -> QLabel:
        if self._half:
            self._row += 1
            self._half = False
        label = QLabel(text)
        label.setWordWrap(True)
        label.setProperty("role", role)
        self.grid.addWidget(label, self._row, 0, 1, 4)
        self._row += 1
        return label

    def finish(self) -> None:
        self.grid.setRowStretch(self._row + 1, 1)

    # ---- what the form tells the page ------------------------------------------------------

    def set_hall(self, hall: HallContext) -> None:
        self.hall = hall

    def set_items(self, items: ItemContext) -> None:
        self.items = items

    def set_citizen(self, citizen: Citizen) -> None:
        self.citizen = citizen

    # ---- what the form asks ----------------------------------------------------------------

    def details(self) -> OutcomeDetails:
        raise NotImplementedError

    def field_for(self, label: str) -> QWidget | None:
        """The input for a field the core named, e.g. "补交期限" or "存在问题（营业执照）"."""
        if label in self._fields:
            return self._fields[label]
        base = label.split("（", 1)[0]
        return self._fields.get(base)

    def widget_for_error(self, err: YichuangError) -> QWidget | None:
        return None

    def item_name(self, code: str) -> str:
        item = next((i for i in self.items.items if i.code == code), None)
        return item.name if item else code


# ---- 咨询 / 办结 -----------------------------------------------------------------------------


class ConsultedPage(OutcomePage):
    """咨询: what was asked and answered. Prints nothing."""

    outcome = Outcome.CONSULTED

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary_edit = text_box(
            130, self.tr("问了什么、如何答复的，例如：咨询企业设立所需材料，已逐项告知")
        )
        self.summary_edit.textChanged.connect(self.changed)
        self.add(self.tr("咨询内容"), self.summary_edit, key="咨询内容", needed=True)
        self.add_note(self.tr("咨询答复后即办结，不打印文书。"))
        self.finish()

    def details(self) -> ConsultedDetails:
        return ConsultedDetails(summary=self.summary_edit.toPlainText())


class CompletedPage(OutcomePage):
    """办结: done on the spot; optionally the result (a certificate number). Prints nothing."""

    outcome = Outcome.COMPLETED

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.result_edit = QLineEdit()
        self.result_edit.setPlaceholderText(self.tr("如证照编号、办结文号（可不填）"))
        self.result_edit.textChanged.connect(self.changed)
        self.add(self.tr("办理结果"), self.result_edit, key="办理结果")
        self.add_note(self.tr("当场办结，不打印文书。"))
        self.finish()

    def details(self) -> CompletedDetails:
        return CompletedDetails(result=self.result_edit.text())


# ---- 受理 -------------------------------------------------------------------------------------


class AcceptedPage(OutcomePage):
    """受理: the promised completion date, the materials taken in, where to collect the result."""

    outcome = Outcome.ACCEPTED

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.promise_label = QLabel()
        self.promise_label.setProperty("role", "promise")
        self.promise_label.setWordWrap(True)
        self.add(self.tr("承诺办结"), self.promise_label, key="承诺办结")
        self.received_list = QListWidget()
        self.received_list.itemChanged.connect(lambda _i: self.changed.emit())
        self.add(self.tr("收取材料"), self.received_list, key="收取材料")
        self.collect_edit = QLineEdit()
        self.collect_edit.setPlaceholderText(self.tr("默认：事项的办理地点"))
        self.collect_edit.textChanged.connect(self.changed)
        self.add(self.tr("领取地点"), self.collect_edit, key="领取地点")
        self.add_note(self.tr("承诺时限按工作日计算，自受理次日起算，节假日和调休已计入。"))
        self.finish()
        self.set_items(EMPTY_ITEMS)

    def set_items(self, items: ItemContext) -> None:
        super().set_items(items)
        if not items.promises:
            self.promise_label.setText(self.tr("请先选择办理事项"))
        else:
            rows = []
            for p in items.promises:
                if p.working_days:
                    text = self.tr("{date} 前办结（{days} 个工作日）").format(
                        date=cn_date(p.promised_on), days=p.working_days
                    )
                else:
                    text = self.tr("即办件，当日办结")
                rows.append(f"{p.item_name}：{text}" if len(items.promises) > 1 else text)
            self.promise_label.setText("\n".join(rows))
        self.received_list.clear()
        for item in items.items:
            defaults = {m.name for m in default_received(item)}
            for material in item.materials:
                form, copies = material_form(material)
                text = self.tr("{name}（{form} {copies} 份）").format(
                    name=material.name, form=form, copies=copies
                )
                if len(items.items) > 1:
                    text += f" — {item.name}"
                row = QListWidgetItem(text)
                row.setData(DATA, (item.code, material.name, form, copies))
                row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                row.setCheckState(
                    Qt.CheckState.Checked if material.name in defaults else Qt.CheckState.Unchecked
                )
                self.received_list.addItem(row)
        fit_rows(self.received_list, self.received_list.count(), least=2, most=8)

    def details(self) -> AcceptedDetails:
        ticked, defaults = [], []
        for item in self.items.items:
            defaults += [(item.code, m.name) for m in default_received(item)]
        for i in range(self.received_list.count()):
            row = self.received_list.item(i)
            if row.checkState() == Qt.CheckState.Checked:
                ticked.append(row.data(DATA))
        received: tuple[MaterialReceipt, ...] = ()
        if ticked and [(c, n) for c, n, _f, _k in ticked] != defaults:
            received = tuple(MaterialReceipt(n, f, k, c) for c, n, f, k in ticked)
        return AcceptedDetails(received=received, collect_place=self.collect_edit.text())


# ---- 容缺受理 ---------------------------------------------------------------------------------


class DeficientPage(OutcomePage):
    """容缺受理: which 容缺后补 materials are missing, by when (never after the promised date),
    how to bring them, and what happens if they are late. Prints the 明白纸 with its 承诺书."""

    outcome = Outcome.ACCEPTED_DEFICIENT

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = table(
            [self.tr("容缺材料（勾选缺少的）"), self.tr("补交方式"), self.tr("标准要求")]
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        fit_rows(self.table, 0)
        self.table.itemChanged.connect(self._table_changed)
        self.add(self.tr("容缺材料"), self.table, key="容缺材料", needed=True)
        self.empty_label = self.add_note("", role="error")
        self.empty_label.hide()

        self.deadline_edit = QDateEdit()
        self.deadline_edit.setCalendarPopup(True)
        self.deadline_edit.setDisplayFormat(DATE_FORMAT)
        self.deadline_edit.dateChanged.connect(self._deadline_changed)
        self._deadline_chosen = False  # the clerk picked a date: keep it (within the cap)
        self._placing = False
        self.add(self.tr("补交期限"), self.deadline_edit, key="补交期限", needed=True, half=True)
        self.cap_label = QLabel()
        self.cap_label.setProperty("role", "hint")
        self.cap_label.setWordWrap(True)
        self.add(self.tr("最迟"), self.cap_label, key="最迟", half=True)
        self.place_edit = QLineEdit()
        self.place_edit.setPlaceholderText(self.tr("默认：本窗口"))
        self.add(self.tr("补交地点"), self.place_edit, key="补交地点")
        self.consequence_edit = text_box(64)
        self.consequence_edit.setPlainText(DEFAULT_DEFICIENCY_CONSEQUENCE)
        self.add(self.tr("逾期后果"), self.consequence_edit, key="逾期后果", needed=True)
        self.commitment_edit = text_box(84)
        self.commitment_edit.setPlainText(DEFAULT_COMMITMENT)
        self.add(self.tr("承诺书"), self.commitment_edit, key="承诺书内容", needed=True)
        self.add_note(
            self.tr(
                "打印《容缺受理告知书（明白纸）》一式两联，含承诺书：申请人签字，一联留存。"
                "办件显示为“待补材料”，补齐前逾期会被标出。"
            )
        )
        self.finish()
        self._filling = False
        self.set_items(EMPTY_ITEMS)

    def set_hall(self, hall: HallContext) -> None:
        super().set_hall(hall)
        self._placing = True
        self.deadline_edit.setMinimumDate(QDate(hall.today))
        self._placing = False
        self._update_cap()

    def set_items(self, items: ItemContext) -> None:
        super().set_items(items)
        before = {
            self.table.item(r, 0).data(DATA): (
                self.table.item(r, 0).checkState(),
                self.table.item(r, 1).text(),
                self.table.item(r, 2).text(),
            )
            for r in range(self.table.rowCount())
        }
        self._filling = True
        self.table.setRowCount(0)
        for item in items.items:
            for material in item.deferrable_materials:
                key = (item.code, material.name)
                check, how, standard = before.get(
                    key, (Qt.CheckState.Unchecked, DEFAULT_HOW_TO_SUPPLY, material.standard)
                )
                row = self.table.rowCount()
                self.table.insertRow(row)
                name = QTableWidgetItem(
                    material.name if len(items.items) == 1 else f"{material.name}（{item.name}）"
                )
                name.setData(DATA, key)
                name.setFlags(
                    Qt.ItemFlag.ItemIsEnabled
                    | Qt.ItemFlag.ItemIsUserCheckable
                    | Qt.ItemFlag.ItemIsSelectable
                )
                name.setCheckState(check)
                self.table.setItem(row, 0, name)
                self.table.setItem(row, 1, QTableWidgetItem(how))
                self.table.setItem(row, 2, QTableWidgetItem(standard))
        self._filling = False
        self.table.resizeRowsToContents()
        fit_rows(self.table, self.table.rowCount(), least=1)
        if items.items and not self.table.rowCount():
            self.empty_label.setText(
                self.tr("所选事项没有“容缺后补”材料，不能容缺受理；可改用“一次性告知”。")
            )
            self.empty_label.show()
        else:
            self.empty_label.hide()
        self._update_cap()

    def _table_changed(self, _item: QTableWidgetItem) -> None:
        if not self._filling:
            self.table.resizeRowsToContents()
            fit_rows(self.table, self.table.rowCount(), least=1)
            self._update_cap()
            self.changed.emit()

    def _deadline_changed(self) -> None:
        if not self._placing:
            self._deadline_chosen = True
        self.changed.emit()

    def ticked_rows(self) -> list[int]:
        return [
            r
            for r in range(self.table.rowCount())
            if self.table.item(r, 0).checkState() == Qt.CheckState.Checked
        ]

    def tick(self, name: str, on: bool = True) -> None:
        for r in range(self.table.rowCount()):
            if self.table.item(r, 0).data(DATA)[1] == name:
                self.table.item(r, 0).setCheckState(
                    Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
                )

    def cap(self) -> date | None:
        """The latest deadline allowed: the earliest promised date of the items concerned."""
        codes = {self.table.item(r, 0).data(DATA)[0] for r in self.ticked_rows()}
        promises = [p for p in self.items.promises if not codes or p.item_code in codes]
        return min((p.promised_on for p in promises), default=None)

    def _update_cap(self) -> None:
        cap = self.cap()
        if cap is None:
            self.cap_label.setText(self.tr("不晚于承诺办结日"))
            return
        # By default the latest date allowed (the most time for the citizen); a date the clerk
        # chose stays, pulled back to the cap if the cap moved before it.
        self._placing = True
        self.deadline_edit.setMaximumDate(QDate(cap))
        if not self._deadline_chosen:
            self.deadline_edit.setDate(QDate(cap))
        self._placing = False
        self.cap_label.setText(self.tr("不晚于承诺办结日 {date}").format(date=cn_date(cap)))

    def details(self) -> DeficientDetails:
        missing = []
        for r in self.ticked_rows():
            code, name = self.table.item(r, 0).data(DATA)
            missing.append(
                DeferredMaterial(
                    name=name,
                    item_code=code,
                    how_to_supply=self.table.item(r, 1).text(),
                    standard=self.table.item(r, 2).text(),
                )
            )
        deadline = self.deadline_edit.date().toPython() if self.items.promises else None
        return DeficientDetails(
            missing=tuple(missing),
            deadline=deadline,  # type: ignore[arg-type]
            consequence=self.consequence_edit.toPlainText(),
            supply_place=self.place_edit.text(),
            commitment=self.commitment_edit.toPlainText(),
        )

    def field_for(self, label: str) -> QWidget | None:
        if label == "容缺材料名称":
            return self.table
        return super().field_for(label)

    def widget_for_error(self, err: YichuangError) -> QWidget | None:
        if isinstance(err, DeadlineTooLate | DeadlineInPast):
            return self.deadline_edit
        if isinstance(err, MaterialNotDeferrable):
            return self.table
        return None


# ---- 一次性告知 -------------------------------------------------------------------------------


class OneTimeNoticePage(OutcomePage):
    """一次性告知: every missing or wrong material at once, how to fix it, its standard and sample
    form, and the online guide's address (printed as a QR code)."""

    outcome = Outcome.ONE_TIME_NOTICE
    COLUMNS = 5

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = table(
            [
                self.tr("材料（勾选有问题的）"),
                self.tr("存在问题"),
                self.tr("补正方法"),
                self.tr("合格标准"),
                self.tr("样表"),
            ]
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(0, 176)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setColumnWidth(1, 196)
        fit_rows(self.table, 0, least=3, most=8)
        self.table.itemChanged.connect(self._cell_changed)
        self.add(self.tr("需补正的材料"), self.table, key="需补正的材料", needed=True)
        self.add_row_button = QPushButton(self.tr("＋ 目录外的材料"))
        self.add_row_button.clicked.connect(lambda: self.add_material(""))
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_row_button)
        buttons.addStretch(1)
        holder = QWidget()
        holder.setLayout(buttons)
        buttons.setContentsMargins(0, 0, 0, 0)
        self.grid.addWidget(holder, self._row, 1, 1, 3)
        self._row += 1

        self.guide_edit = QLineEdit()
        self.guide_edit.setPlaceholderText(self.tr("https://… 打印为二维码"))
        self.add(self.tr("网上办事指南"), self.guide_edit, key="网上办事指南网址", needed=True)
        self.place_edit = QLineEdit()
        self.place_edit.setPlaceholderText(self.tr("默认：本窗口"))
        self.add(self.tr("补正后递交"), self.place_edit, key="补正后递交")
        self.basis_edit = QLineEdit(DEFAULT_LEGAL_BASIS)
        self.basis_edit.setCursorPosition(0)
        self.add(self.tr("告知依据"), self.basis_edit, key="告知依据")
        self.add_note(
            self.tr(
                "所有问题一次讲清：打印《一次性告知书（明白纸）》，列明问题、补正方法、合格标准、"
                "样表和网上办事指南二维码。"
            )
        )
        self.finish()
        self._guide_from_catalog = ""

    def set_items(self, items: ItemContext) -> None:
        super().set_items(items)
        before = {}
        for r in range(self.table.rowCount()):
            key = self.table.item(r, 0).data(DATA)
            if key is not None and key[0]:
                before[key] = self._row_values(r)
        extra = [
            self._row_values(r) for r in range(self.table.rowCount()) if not self._row_key(r)[0]
        ]
        self.table.setRowCount(0)
        for item in items.items:
            for material in item.materials:
                values = before.get((item.code, material.name))
                self.add_material(
                    material.name,
                    item_code=item.code,
                    item_name=item.name if len(items.items) > 1 else "",
                    standard=material.standard,
                    sample_form=material.sample_form,
                    values=values,
                )
        for values in extra:
            self.add_material(values[1], values=values)
        guide = items.items[0].guide_url if len(items.items) == 1 else ""
        if self.guide_edit.text() in ("", self._guide_from_catalog):
            self.guide_edit.setText(guide)
        self._guide_from_catalog = guide

    def _cell_changed(self, _item: QTableWidgetItem) -> None:
        self._refit()
        self.changed.emit()

    def _refit(self) -> None:
        self.table.resizeRowsToContents()
        for r in range(self.table.rowCount()):  # room for the problem's drop-down
            default = self.table.verticalHeader().defaultSectionSize()
            self.table.setRowHeight(r, max(self.table.rowHeight(r), default))
        fit_rows(self.table, self.table.rowCount(), least=3, most=8)

    def _row_key(self, r: int) -> tuple[str, str]:
        return self.table.item(r, 0).data(DATA) or ("", "")

    def _row_values(self, r: int) -> tuple:
        name_item = self.table.item(r, 0)
        combo = self.table.cellWidget(r, 1)
        assert isinstance(combo, QComboBox)
        return (
            name_item.checkState(),
            self._row_key(r)[1] or name_item.text(),
            combo.currentText(),
            self.table.item(r, 2).text(),
            self.table.item(r, 3).text(),
            self.table.item(r, 4).text(),
        )

    def add_material(
        self,
        name: str,
        *,
        item_code: str = "",
        item_name: str = "",
        standard: str = "",
        sample_form: str = "",
        values: tuple | None = None,
    ) -> int:
        """A row for a material; a catalog material's name is fixed, another one is typed."""
        row = self.table.rowCount()
        self.table.insertRow(row)
        check = Qt.CheckState.Checked if not item_code and not values else Qt.CheckState.Unchecked
        problem, how, std, sample = "", "", standard, sample_form
        if values is not None:
            check, _name, problem, how, std, sample = values
        label = f"{name}\n{item_name}" if item_name else name
        first = QTableWidgetItem(label)
        first.setToolTip(f"{name}（{item_name}）" if item_name else name)
        first.setData(DATA, (item_code, name) if item_code else None)
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable
        if not item_code:
            flags |= Qt.ItemFlag.ItemIsEditable
        first.setFlags(flags | Qt.ItemFlag.ItemIsSelectable)
        first.setCheckState(check)
        self.table.setItem(row, 0, first)
        combo = QComboBox()
        combo.setEditable(True)
        combo.addItem("")
        for preset in PROBLEM_PRESETS:
            combo.addItem(self.tr(preset), preset)
        combo.setCurrentText(problem)
        combo.lineEdit().setCursorPosition(0)
        combo.currentTextChanged.connect(lambda text, c=combo: self._problem_chosen(c, text))
        self.table.setCellWidget(row, 1, combo)
        for column, text in ((2, how), (3, std), (4, sample)):
            self.table.setItem(row, column, QTableWidgetItem(text))
        self._refit()
        if not item_code and not name:
            self.table.editItem(first)
        return row

    def _row_of(self, widget: QWidget) -> int:
        for r in range(self.table.rowCount()):
            if self.table.cellWidget(r, 1) is widget:
                return r
        return -1

    def _problem_chosen(self, combo: QComboBox, text: str) -> None:
        r = self._row_of(combo)
        if r < 0:
            return
        if text.strip():
            self.table.item(r, 0).setCheckState(Qt.CheckState.Checked)
        fix = self.table.item(r, 2)
        presets = {self.tr(p): p for p in PROBLEM_PRESETS}
        preset = presets.get(text.strip(), "")
        if preset in FIX_SUGGESTIONS and not fix.text().strip():
            fix.setText(self.tr(FIX_SUGGESTIONS[preset]))
        self.changed.emit()

    def row_for(self, material: str) -> int:
        for r in range(self.table.rowCount()):
            if self._row_key(r)[1] == material or self.table.item(r, 0).text() == material:
                return r
        return -1

    def set_problem(
        self, material: str, problem: str, how_to_fix: str = "", standard: str | None = None
    ) -> None:
        """Tick a material and describe its problem (what the clerk does with the cells)."""
        r = self.row_for(material)
        if r < 0:
            r = self.add_material(material)
            self.table.item(r, 0).setText(material)
        self.table.item(r, 0).setCheckState(Qt.CheckState.Checked)
        combo = self.table.cellWidget(r, 1)
        assert isinstance(combo, QComboBox)
        combo.setCurrentText(problem)
        combo.lineEdit().setCursorPosition(0)
        if how_to_fix:
            self.table.item(r, 2).setText(how_to_fix)
        if standard is not None:
            self.table.item(r, 3).setText(standard)

    def details(self) -> OneTimeNoticeDetails:
        problems = []
        for r in range(self.table.rowCount()):
            first = self.table.item(r, 0)
            if first.checkState() != Qt.CheckState.Checked:
                continue
            code, name = self._row_key(r)
            combo = self.table.cellWidget(r, 1)
            assert isinstance(combo, QComboBox)
            problems.append(
                NoticeProblem(
                    material=name or first.text(),
                    problem=combo.currentText(),
                    how_to_fix=self.table.item(r, 2).text(),
                    standard=self.table.item(r, 3).text(),
                    sample_form=self.table.item(r, 4).text(),
                    item_code=code,
                )
            )
        return OneTimeNoticeDetails(
            problems=tuple(problems),
            guide_url=self.guide_edit.text(),
            resubmit_place=self.place_edit.text(),
            legal_basis=self.basis_edit.text(),
        )

    def field_for(self, label: str) -> QWidget | None:
        base, _, rest = label.partition("（")
        material = rest.rstrip("）")
        columns = {"存在问题": 1, "补正方法": 2, "合格标准": 3}
        if base in columns and material:
            r = self.row_for(material)
            if r >= 0:
                self.table.setCurrentCell(r, columns[base])
                if base == "存在问题":
                    return self.table.cellWidget(r, 1)
            return self.table
        if base in ("材料名称",):
            return self.table
        return super().field_for(label)


# ---- 指路 -------------------------------------------------------------------------------------


class ReferralPage(OutcomePage):
    """指路: where the matter is handled — department, counter, floor, address, phone, hours,
    whom to find, what to bring, the steps — picked from the catalog or typed.

    Signals: referral_requested(str) — the clerk picked a catalog item to fill the page from.
    """

    outcome = Outcome.REFERRED
    referral_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._code = ""
        self._edited = False
        self._applying = False
        self.catalog_combo = QComboBox()
        self.catalog_combo.setEditable(True)
        self.catalog_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = self.catalog_combo.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.catalog_combo.activated.connect(self._picked)
        self.add(self.tr("从目录选择"), self.catalog_combo, key="从目录选择")

        self.matter_edit = QLineEdit()
        self.department_edit = QLineEdit()
        self.counter_edit = QLineEdit()
        self.floor_edit = QLineEdit()
        self.address_edit = QLineEdit()
        self.contact_edit = QLineEdit()
        self.phone_edit = QLineEdit()
        self.hours_edit = QLineEdit()
        self.guide_edit = QLineEdit()
        self.bring_edit = text_box(74, self.tr("每行一项"))
        self.steps_edit = text_box(60, self.tr("每行一步（可不填）"))
        self.add(self.tr("咨询事项"), self.matter_edit, key="咨询事项", needed=True)
        self.add(self.tr("前往部门"), self.department_edit, key="前往部门", needed=True)
        self.add(self.tr("办理窗口"), self.counter_edit, key="办理窗口", half=True)
        self.add(self.tr("楼层区域"), self.floor_edit, key="楼层区域", half=True)
        self.add(self.tr("地址"), self.address_edit, key="地址", needed=True)
        self.add(self.tr("联系人"), self.contact_edit, key="联系人", half=True)
        self.add(self.tr("联系电话"), self.phone_edit, key="联系电话", needed=True, half=True)
        self.add(self.tr("办公时间"), self.hours_edit, key="办公时间", needed=True)
        self.add(self.tr("携带材料"), self.bring_edit, key="携带材料")
        self.add(self.tr("办理步骤"), self.steps_edit, key="办理步骤")
        self.add(self.tr("网上指南"), self.guide_edit, key="网上指南")
        self.add_note(self.tr("打印《指路牌》：去哪里、找谁、怎么办、带什么。"))
        self.finish()
        for edit in (
            self.matter_edit,
            self.department_edit,
            self.counter_edit,
            self.floor_edit,
            self.address_edit,
            self.contact_edit,
            self.phone_edit,
            self.hours_edit,
            self.guide_edit,
        ):
            edit.textEdited.connect(self._typed)
        for box in (self.bring_edit, self.steps_edit):
            box.textChanged.connect(self._typed)

    def set_hall(self, hall: HallContext) -> None:
        super().set_hall(hall)
        departments = {d.code: d.name for d in hall.departments}
        self.catalog_combo.clear()
        self.catalog_combo.addItem(self.tr("（手工填写）"), "")
        for item in hall.items:
            self.catalog_combo.addItem(
                f"{item.name} — {departments.get(item.department, item.department)}", item.code
            )
        self.catalog_combo.setCurrentIndex(0)

    def set_items(self, items: ItemContext) -> None:
        super().set_items(items)
        if items.referral is not None and not self._edited:
            self.apply(items.referral)

    def _typed(self) -> None:
        if not self._applying:
            self._edited = True
            self.changed.emit()

    def _picked(self, index: int) -> None:
        code = self.catalog_combo.itemData(index) or ""
        if code:
            self.referral_requested.emit(code)
        else:
            self._code = ""

    def pick(self, code: str) -> None:
        """Choose a catalog item as the clerk does in the combo."""
        index = self.catalog_combo.findData(code)
        if index >= 0:
            self.catalog_combo.setCurrentIndex(index)
            self._picked(index)

    def apply(self, referral: ReferralDetails) -> None:
        """Fill the page from a referral pre-filled by the core (every field stays editable)."""
        self._applying = True
        self._code = referral.item_code
        self.matter_edit.setText(referral.matter)
        self.department_edit.setText(referral.department)
        self.counter_edit.setText(referral.counter)
        self.floor_edit.setText(referral.floor)
        self.address_edit.setText(referral.address)
        self.contact_edit.setText(referral.contact)
        self.phone_edit.setText(referral.phone)
        self.hours_edit.setText(referral.hours)
        self.guide_edit.setText(referral.guide_url)
        self.bring_edit.setPlainText("\n".join(referral.bring))
        self.steps_edit.setPlainText("\n".join(referral.steps))
        index = self.catalog_combo.findData(referral.item_code)
        if index >= 0:
            self.catalog_combo.setCurrentIndex(index)
        self._applying = False
        self.changed.emit()

    def details(self) -> ReferralDetails:
        return ReferralDetails(
            matter=self.matter_edit.text(),
            department=self.department_edit.text(),
            address=self.address_edit.text(),
            phone=self.phone_edit.text(),
            hours=self.hours_edit.text(),
            counter=self.counter_edit.text(),
            floor=self.floor_edit.text(),
            contact=self.contact_edit.text(),
            bring=lines(self.bring_edit.toPlainText()),
            steps=lines(self.steps_edit.toPlainText()),
            guide_url=self.guide_edit.text(),
            item_code=self._code,
        )


# ---- 转“办不成事”窗口 -------------------------------------------------------------------------


class EscalatedPage(OutcomePage):
    """转“办不成事”窗口: the category and what the matter is; the desk answers by a date.
    Registering gives the escalation its number; the 答复卡 is printed."""

    outcome = Outcome.ESCALATED

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.category_combo = QComboBox()
        self.category_combo.addItem(self.tr("请选择问题类别"), None)
        for category in EscalationCategory:
            self.category_combo.addItem(
                f"{self.tr_category(category)} — {self.tr(CATEGORY_HINTS[category])}",
                category.value,
            )
        self.category_combo.currentIndexChanged.connect(self._update_reply)
        self.add(self.tr("问题类别"), self.category_combo, key="问题类别", needed=True)
        self.complex_check = QCheckBox(self.tr("复杂事项，需会商协调"))
        self.complex_check.toggled.connect(self._update_reply)
        self.add("", self.complex_check, key="复杂事项")
        self.description_edit = text_box(120, self.tr("申请人要办什么、卡在哪里、已经做了什么"))
        self.description_edit.textChanged.connect(self.changed)
        self.add(self.tr("问题描述"), self.description_edit, key="问题描述", needed=True)
        self.reply_label = QLabel()
        self.reply_label.setProperty("role", "promise")
        self.reply_label.setWordWrap(True)
        self.add(self.tr("答复期限"), self.reply_label, key="答复期限")
        self.add_note(
            self.tr(
                "登记后立即生成“办不成事”编号，打印《答复卡》交申请人，写明编号、承办人和答复日期。"
            )
        )
        self.finish()
        self._update_reply()

    def tr_category(self, category: EscalationCategory) -> str:
        return QCoreApplication.translate("escalation", CATEGORY_NAMES[category])

    def set_hall(self, hall: HallContext) -> None:
        super().set_hall(hall)
        self._update_reply()

    def category(self) -> EscalationCategory | None:
        value = self.category_combo.currentData()
        return EscalationCategory(value) if value else None

    def set_category(self, category: EscalationCategory) -> None:
        self.category_combo.setCurrentIndex(self.category_combo.findData(category.value))

    def _update_reply(self) -> None:
        category = self.category()
        if self.hall is None or category is None:
            self.reply_label.setText(self.tr("选择类别后显示"))
        else:
            key = COMPLEX_KEY if self.complex_check.isChecked() else category.value
            self.reply_label.setText(
                self.tr("{days} 个工作日内，{date} 前答复申请人").format(
                    days=self.hall.reply_days[key], date=cn_date(self.hall.reply_by[key])
                )
            )
        if self.hall is not None:
            self.complex_check.setText(
                self.tr("复杂事项，需会商协调（答复期限 {days} 个工作日）").format(
                    days=self.hall.reply_days[COMPLEX_KEY]
                )
            )
        self.changed.emit()

    def details(self) -> EscalatedDetails:
        return EscalatedDetails(
            category=self.category(),
            description=self.description_edit.toPlainText(),
            complex=self.complex_check.isChecked(),
        )


# ---- 特殊办 -----------------------------------------------------------------------------------


class ScheduledPage(OutcomePage):
    """特殊办: the kind (提前办 / 延时办 / 上门办 / 节假日办), the day and slot (with the places
    left), the staff member who serves, the place (the citizen's address for a home visit) and
    what to bring. Registering books the appointment; its slip with the signed QR is printed.

    Signals: slots_requested(object) — the chosen day changed (a ``date``); the form answers
    with ``set_slots``.
    """

    outcome = Outcome.SCHEDULED
    slots_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._slots: list[Slot] = []
        self._slot_day: date | None = None
        self._catalog_materials = ""

        self.kind_box = QWidget()
        kind_row = QHBoxLayout(self.kind_box)
        kind_row.setContentsMargins(0, 0, 0, 0)
        kind_row.setSpacing(0)
        self.kind_group = QButtonGroup(self)
        self.kind_buttons: dict[AppointmentKind, QPushButton] = {}
        kinds = list(AppointmentKind)
        for i, kind in enumerate(kinds):
            button = QPushButton(self.tr_kind(kind))
            button.setCheckable(True)
            button.setProperty("role", "segment")
            if i == 0:
                button.setProperty("position", "left")
            elif i == len(kinds) - 1:
                button.setProperty("position", "right")
            self.kind_group.addButton(button, i)
            self.kind_buttons[kind] = button
            kind_row.addWidget(button)
        kind_row.addStretch(1)
        self.kind_group.idToggled.connect(lambda _i, on: on and self._kind_changed())
        self.add(self.tr("类型"), self.kind_box, key="特殊办类型", needed=True)

        self.item_combo = QComboBox()
        self.add(self.tr("预约事项"), self.item_combo, key="所属事项", needed=True)
        self._item_row_widgets = (
            self.grid.itemAtPosition(self._row - 1, 0).widget(),
            self.item_combo,
        )

        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat(DATE_FORMAT)
        self.date_edit.dateChanged.connect(self._day_changed)
        self.add(self.tr("日期"), self.date_edit, key="预约日期", needed=True, half=True)
        self.staff_combo = QComboBox()
        self.add(self.tr("服务人员"), self.staff_combo, key="服务人员", needed=True, half=True)

        slot_box = QWidget()
        slot_row = QHBoxLayout(slot_box)
        slot_row.setContentsMargins(0, 0, 0, 0)
        slot_row.setSpacing(8)
        self.slot_combo = QComboBox()
        self.slot_combo.setMinimumWidth(230)
        self.slot_combo.currentIndexChanged.connect(self._slot_changed)
        self.start_edit = QTimeEdit()
        self.end_edit = QTimeEdit()
        for edit in (self.start_edit, self.end_edit):
            edit.setDisplayFormat("HH:mm")
            edit.setMinimumWidth(84)
        self.start_edit.setTime(QTime(9, 0))
        self.end_edit.setTime(QTime(10, 0))
        self.dash = QLabel("—")
        slot_row.addWidget(self.slot_combo, 1)
        slot_row.addWidget(self.start_edit)
        slot_row.addWidget(self.dash)
        slot_row.addWidget(self.end_edit)
        self.add(self.tr("时段"), slot_box, key="预约时间", needed=True)
        self.capacity_label = self.add_note("")

        self.place_label_text = self.tr("办理地点")
        self.place_edit = QLineEdit()
        self.add(self.tr("地点"), self.place_edit, key="上门地址")
        self.place_caption = self.grid.itemAtPosition(self._row - 1, 0).widget()
        self.materials_edit = text_box(70, self.tr("每行一项"))
        self.add(self.tr("携带材料"), self.materials_edit, key="携带材料")
        self.phone_edit = QLineEdit()
        self.add(self.tr("服务电话"), self.phone_edit, key="服务电话", half=True)
        self.note_edit = QLineEdit()
        self.add(self.tr("备注"), self.note_edit, key="备注", half=True)
        self.add_note(
            self.tr(
                "打印《预约服务单》，带签名二维码：申请人按时到场在导办台扫码签到，上门办由服务人员带单上门。"
            )
        )
        self.finish()
        self._fill_slots()
        self._kind_changed()

    def tr_kind(self, kind: AppointmentKind) -> str:
        return QCoreApplication.translate("appointment", APPOINTMENT_KIND_NAMES[kind])

    # ---- what the form tells ---------------------------------------------------------------

    def set_hall(self, hall: HallContext) -> None:
        super().set_hall(hall)
        self.staff_combo.clear()
        self.staff_combo.addItem(self.tr("请选择"), "")
        for member in hall.servers:
            self.staff_combo.addItem(f"{member.name}（{member.number}）", member.number)
        self.date_edit.setMinimumDate(QDate(hall.today))
        self.date_edit.setDate(QDate(hall.today + timedelta(days=1)))
        self.phone_edit.setPlaceholderText(
            self.tr("默认：大厅电话 {phone}").format(phone=hall.hall.phone)
            if hall.hall.phone
            else ""
        )
        self._day_changed()

    def set_staff(self, number: str) -> None:
        index = self.staff_combo.findData(number)
        if index >= 0:
            self.staff_combo.setCurrentIndex(index)

    def set_items(self, items: ItemContext) -> None:
        super().set_items(items)
        current = self.item_combo.currentData()
        self.item_combo.clear()
        for item in items.items:
            self.item_combo.addItem(item.name, item.code)
        if current:
            self.item_combo.setCurrentIndex(max(0, self.item_combo.findData(current)))
        many = len(items.items) > 1
        for widget in self._item_row_widgets:
            widget.setVisible(many)
        materials = "\n".join(m.name for item in items.items[:1] for m in item.materials)
        if self.materials_edit.toPlainText() in ("", self._catalog_materials):
            self.materials_edit.setPlainText(materials)
        self._catalog_materials = materials

    def set_citizen(self, citizen: Citizen) -> None:
        super().set_citizen(citizen)
        self._kind_changed()

    def set_slots(self, day: date, slots: list[Slot]) -> None:
        if day != self.day():
            return  # an answer for a day no longer shown
        self._slots = list(slots)
        self._slot_day = day
        self._fill_slots()

    # ---- reading ---------------------------------------------------------------------------

    def kind(self) -> AppointmentKind | None:
        for kind, button in self.kind_buttons.items():
            if button.isChecked():
                return kind
        return None

    def set_kind(self, kind: AppointmentKind) -> None:
        self.kind_buttons[kind].setChecked(True)

    def day(self) -> date:
        return self.date_edit.date().toPython()

    def custom(self) -> bool:
        return self.slot_combo.currentData() is None

    def times(self) -> tuple[datetime, datetime]:
        day = self.day()
        if not self.custom():
            slot = self._slots[self.slot_combo.currentData()]
            return slot.start, slot.end
        return (
            datetime.combine(day, self.start_edit.time().toPython()),
            datetime.combine(day, self.end_edit.time().toPython()),
        )

    def set_times(self, start: time, end: time) -> None:
        self.slot_combo.setCurrentIndex(self.slot_combo.count() - 1)
        self.start_edit.setTime(QTime(start))
        self.end_edit.setTime(QTime(end))

    def details(self) -> ScheduledDetails:
        start, end = self.times()
        materials: tuple[str, ...] | None = lines(self.materials_edit.toPlainText())
        if self.materials_edit.toPlainText() == self._catalog_materials:
            materials = None
        code = self.item_combo.currentData() or ""
        if len(self.items.items) <= 1:
            code = ""
        return ScheduledDetails(
            kind=self.kind(),
            start=start,
            end=end,
            staff_number=self.staff_combo.currentData() or "",
            place=self.place_edit.text(),
            materials=materials,
            item_code=code,
            contact_phone=self.phone_edit.text(),
            note=self.note_edit.text(),
        )

    def widget_for_error(self, err: YichuangError) -> QWidget | None:
        if isinstance(err, SlotFull | InvalidTimeSlot):
            return self.slot_combo
        if isinstance(err, StaffDoubleBooked):
            return self.staff_combo
        return None

    # ---- behaviour -------------------------------------------------------------------------

    def _day_changed(self) -> None:
        self._slots = []
        self._slot_day = None
        self._fill_slots()
        if self.hall is not None:
            self.slots_requested.emit(self.day())

    def _fill_slots(self) -> None:
        self.slot_combo.blockSignals(True)
        self.slot_combo.clear()
        model = self.slot_combo.model()
        first_free = -1
        for i, slot in enumerate(self._slots):
            text = self.tr("{start}—{end}　已约 {booked}/{capacity}").format(
                start=f"{slot.start:%H:%M}",
                end=f"{slot.end:%H:%M}",
                booked=slot.booked,
                capacity=slot.capacity,
            )
            if not slot.remaining:
                text += self.tr("（已满）")
            self.slot_combo.addItem(text, i)
            if not slot.remaining:
                model.item(i).setEnabled(False)  # type: ignore[attr-defined]
            elif first_free < 0:
                first_free = i
        self.slot_combo.addItem(self.tr("其他时段（自定）"), None)
        self.slot_combo.setCurrentIndex(
            first_free if first_free >= 0 else self.slot_combo.count() - 1
        )
        self.slot_combo.blockSignals(False)
        self._slot_changed()

    def _slot_changed(self) -> None:
        custom = self.custom()
        for widget in (self.start_edit, self.dash, self.end_edit):
            widget.setVisible(custom)
        if self._slot_day is None and self.hall is not None:
            text = self.tr("正在读取当日时段…")
        elif custom:
            capacity = self.hall.slot_capacity if self.hall else 0
            text = self.tr(
                "自定时段：新开时段可约 {n} 个；同一服务人员同一时间只能安排一个预约。"
            ).format(n=capacity)
        else:
            slot = self._slots[self.slot_combo.currentData()]
            text = self.tr("该时段还可约 {n} 个（共 {capacity} 个）。").format(
                n=slot.remaining, capacity=slot.capacity
            )
        self.capacity_label.setText(text)
        self.changed.emit()

    def _kind_changed(self) -> None:
        kind = self.kind()
        home = kind is AppointmentKind.HOME_VISIT
        caption = self.tr("上门地址") if home else self.tr("办理地点")
        self.place_caption.setText(required(caption) if home else caption)
        if home:
            self.place_edit.setPlaceholderText(
                self.tr("默认：申请人地址 {address}").format(address=self.citizen.address)
                if self.citizen.address
                else self.tr("申请人的住址或企业住所（必填）")
            )
        else:
            self.place_edit.setPlaceholderText(self.tr("默认：事项的办理地点"))
        if kind is not None and self.custom():
            start, end = KIND_TIMES[kind]
            self.start_edit.setTime(QTime(start))
            self.end_edit.setTime(QTime(end))
        self.changed.emit()


PAGE_CLASSES: tuple[type[OutcomePage], ...] = (
    ConsultedPage,
    CompletedPage,
    AcceptedPage,
    DeficientPage,
    OneTimeNoticePage,
    ReferralPage,
    EscalatedPage,
    ScheduledPage,
)
