"""A case after registration (办件查询): its timeline, waiting materials, reopening.

``CaseHistoryDialog`` finds a case by its number, or from the list of cases awaiting 容缺
materials (the overdue ones flagged), and shows what it is and its timeline (who did what, when).
From there the clerk records that the materials arrived, prints its documents again, or — only
the case's first clerk (首问负责), the core refuses anyone else — reopens it and records a new
outcome in the case form (``CaseEntryDialog`` with ``case=``).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.app import restyle, tr_error
from desktop.case_entry import CaseEntryDialog
from desktop.case_style import CASE_FORM_QSS
from desktop.preview import DocumentPreview, PrinterChooser, SavePathChooser, preview_documents
from desktop.tasks import Runner
from yichuang.cases import CASE_KIND_NAMES, OUTCOME_DOCUMENTS, Case, CaseStatus
from yichuang.errors import YichuangError
from yichuang.services import HallServices
from yichuang.staff import StaffMember

NUMBER_ROLE = Qt.ItemDataRole.UserRole


def _cn_date(day: object) -> str:
    return f"{day.year}年{day.month}月{day.day}日" if day else "—"  # type: ignore[attr-defined]


class CaseHistoryDialog(QDialog):
    """One case's facts and timeline, with 材料已补齐 / 重新打开 / 登记办理结果 / 重新打印.

    Signals: case_loaded(object) — the ``Case`` now shown (after every change too);
    entry_opened(object) — the ``CaseEntryDialog`` recording a reopened case's new outcome;
    preview_opened(object) — the ``DocumentPreview`` of its documents.
    """

    case_loaded = Signal(object)
    entry_opened = Signal(object)
    preview_opened = Signal(object)

    def __init__(
        self,
        services: HallServices,
        clerk: StaffMember,
        counter_number: int | None,
        parent: QWidget | None = None,
        *,
        case_no: str = "",
        choose_printer: PrinterChooser | None = None,
        choose_save_path: SavePathChooser | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.clerk = clerk
        self.counter_number = counter_number
        self.choose_printer = choose_printer
        self.choose_save_path = choose_save_path
        self.case: Case | None = None
        self.entry: CaseEntryDialog | None = None
        self.preview: DocumentPreview | None = None
        self.runner = Runner(self)
        self._closing = False
        self.setWindowTitle(self.tr("办件查询"))
        self.setStyleSheet(CASE_FORM_QSS)
        self._build()
        self.resize(1240, 700)
        self.refresh_waiting()
        if case_no:
            self.number_edit.setText(case_no)
            self.find()

    # ---- layout ------------------------------------------------------------------------------

    def _build(self) -> None:
        root = QHBoxLayout(self)
        root.setContentsMargins(20, 16, 20, 16)
        root.setSpacing(14)

        left = QVBoxLayout()
        heading = QLabel(self.tr("待补材料的办件"))
        heading.setProperty("role", "section")
        left.addWidget(heading)
        self.waiting_list = QListWidget()
        self.waiting_list.setObjectName("waitingCases")
        self.waiting_list.setFixedWidth(300)
        self.waiting_list.itemClicked.connect(self._waiting_clicked)
        left.addWidget(self.waiting_list, 1)
        root.addLayout(left)

        right = QVBoxLayout()
        right.setSpacing(10)
        search = QHBoxLayout()
        search.addWidget(QLabel(self.tr("办件编号")))
        self.number_edit = QLineEdit()
        self.number_edit.setPlaceholderText(self.tr("如 YC20260302-0001"))
        self.number_edit.returnPressed.connect(self.find)
        search.addWidget(self.number_edit, 1)
        self.find_button = QPushButton(self.tr("查询"))
        self.find_button.clicked.connect(self.find)
        search.addWidget(self.find_button)
        right.addLayout(search)

        self.card = QFrame()
        self.card.setProperty("role", "card")
        card_layout = QVBoxLayout(self.card)
        card_layout.setContentsMargins(16, 12, 16, 12)
        self.title_label = QLabel()
        self.title_label.setProperty("role", "section")
        card_layout.addWidget(self.title_label)
        self.facts = QFormLayout()
        self.facts.setHorizontalSpacing(14)
        self.facts.setVerticalSpacing(6)
        self.fact_labels: dict[str, QLabel] = {}
        for key, caption in (
            ("status", self.tr("状态")),
            ("outcome", self.tr("办理结果")),
            ("citizen", self.tr("申请人")),
            ("items", self.tr("办理事项")),
            ("clerk", self.tr("首问责任人")),
            ("dates", self.tr("期限")),
            ("refs", self.tr("关联编号")),
        ):
            label = QLabel()
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fact_labels[key] = label
            self.facts.addRow(caption, label)
        card_layout.addLayout(self.facts)
        right.addWidget(self.card)

        timeline_heading = QLabel(self.tr("办理过程"))
        timeline_heading.setProperty("role", "section")
        right.addWidget(timeline_heading)
        self.timeline = QTableWidget(0, 3)
        self.timeline.setHorizontalHeaderLabels(
            [self.tr("时间"), self.tr("经办人"), self.tr("事项")]
        )
        self.timeline.verticalHeader().hide()
        self.timeline.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.timeline.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.timeline.setWordWrap(True)
        header = self.timeline.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        right.addWidget(self.timeline, 1)

        reason_row = QHBoxLayout()
        reason_row.addWidget(QLabel(self.tr("说明")))
        self.reason_edit = QLineEdit()
        self.reason_edit.setPlaceholderText(self.tr("重新打开的原因，或补交材料的备注（可不填）"))
        reason_row.addWidget(self.reason_edit, 1)
        right.addLayout(reason_row)

        footer = QHBoxLayout()
        self.message = QLabel()
        self.message.setWordWrap(True)
        footer.addWidget(self.message, 1)
        self.received_button = QPushButton(self.tr("容缺材料已补齐"))
        self.received_button.clicked.connect(self.materials_received)
        self.reopen_button = QPushButton(self.tr("重新打开"))
        self.reopen_button.clicked.connect(self.reopen)
        self.outcome_button = QPushButton(self.tr("登记办理结果"))
        self.outcome_button.setProperty("role", "primary")
        self.outcome_button.clicked.connect(self.record_outcome)
        self.print_button = QPushButton(self.tr("重新打印"))
        self.print_button.clicked.connect(self.print_documents)
        close = QPushButton(self.tr("关闭"))
        close.clicked.connect(self.accept)
        for button in (
            self.received_button,
            self.reopen_button,
            self.outcome_button,
            self.print_button,
            close,
        ):
            button.setMinimumWidth(112)
            footer.addWidget(button)
        right.addLayout(footer)
        root.addLayout(right, 1)
        self._show(None)

    # ---- loading -----------------------------------------------------------------------------

    def refresh_waiting(self) -> None:
        cases = self.services.cases
        self.runner.submit(cases.awaiting_materials, self._waiting_loaded, self._failed)

    def _waiting_loaded(self, waiting: list[Case]) -> None:
        if self._closing:
            return
        self.waiting_list.clear()
        for case in waiting:
            text = self.tr("{number}\n{name} · 补交期限 {deadline}").format(
                number=case.number,
                name=case.citizen.name or "—",
                deadline=_cn_date(case.materials_deadline),
            )
            if case.materials_overdue:
                text += self.tr("（已逾期）")
            row = QListWidgetItem(text)
            row.setData(NUMBER_ROLE, case.number)
            if case.materials_overdue:
                row.setForeground(Qt.GlobalColor.darkRed)
            self.waiting_list.addItem(row)
        if not waiting:
            row = QListWidgetItem(self.tr("没有待补材料的办件"))
            row.setFlags(Qt.ItemFlag.NoItemFlags)
            self.waiting_list.addItem(row)

    def waiting_texts(self) -> list[str]:
        return [self.waiting_list.item(i).text() for i in range(self.waiting_list.count())]

    def _waiting_clicked(self, row: QListWidgetItem) -> None:
        number = row.data(NUMBER_ROLE)
        if number:
            self.number_edit.setText(number)
            self.find()

    def find(self) -> None:
        number = self.number_edit.text().strip()
        if not number:
            return
        cases = self.services.cases
        self._act(lambda: cases.case(number))

    def _act(self, fn: object) -> None:
        self._say("")
        self._enable(False)
        self.runner.submit(fn, self._loaded, self._failed)  # type: ignore[arg-type]

    def _loaded(self, case: Case) -> None:
        if self._closing:
            return
        self._show(case)
        self.case_loaded.emit(case)

    def _failed(self, err: YichuangError) -> None:
        if self._closing:
            return
        self._enable(True)
        self._say(tr_error(err), error=True)

    def _say(self, text: str, error: bool = False) -> None:
        restyle(self.message, "role", "error" if error else "hint")
        self.message.setText(text)

    def message_text(self) -> str:
        return self.message.text()

    # ---- showing -----------------------------------------------------------------------------

    def _show(self, case: Case | None) -> None:
        self.case = case
        self.card.setVisible(case is not None)
        if case is None:
            self.timeline.setRowCount(0)
            self._enable(True)
            return
        translate = QCoreApplication.translate
        self.title_label.setText(
            self.tr("办件 {number}（{kind}）").format(
                number=case.number, kind=translate("case", CASE_KIND_NAMES[case.kind])
            )
        )
        status = translate("case", case.status_name)
        if case.materials_overdue:
            status += self.tr("（补交已逾期）")
        facts = self.fact_labels
        facts["status"].setText(status)
        restyle(facts["status"], "role", "error" if case.materials_overdue else "")
        facts["outcome"].setText(translate("outcome", case.outcome_name) if case.outcome else "—")
        citizen = case.citizen
        ident = citizen.credit_code if citizen.is_enterprise else citizen.id_number
        facts["citizen"].setText(
            " ".join(p for p in (citizen.name, ident, citizen.phone) if p) or "—"
        )
        facts["items"].setText("、".join(case.item_names) or "—")
        facts["clerk"].setText(f"{case.first_clerk_name}（{case.first_clerk}）")
        dates = []
        if case.promised_on:
            dates.append(self.tr("承诺办结 {date}").format(date=_cn_date(case.promised_on)))
        if case.materials_deadline:
            dates.append(
                self.tr("材料补交期限 {date}").format(date=_cn_date(case.materials_deadline))
            )
        facts["dates"].setText("；".join(dates) or "—")
        refs = [r for r in (case.ticket_number, case.escalation_no, case.appointment_no) if r]
        facts["refs"].setText("、".join(refs) or "—")

        self.timeline.setRowCount(len(case.timeline))
        for row, entry in enumerate(case.timeline):
            who = f"{entry.staff_name}（{entry.staff_number}）" if entry.staff_number else "—"
            for column, text in enumerate((f"{entry.at:%Y-%m-%d %H:%M}", who, entry.summary)):
                self.timeline.setItem(row, column, QTableWidgetItem(text))
        self.timeline.resizeRowsToContents()
        self.timeline.scrollToBottom()
        self._enable(True)

    def _enable(self, on: bool) -> None:
        case = self.case
        status = case.status if case is not None else None
        self.find_button.setEnabled(on)
        self.received_button.setEnabled(on and status is CaseStatus.AWAITING_MATERIALS)
        self.reopen_button.setEnabled(
            on and status in (CaseStatus.CLOSED, CaseStatus.AWAITING_MATERIALS)
        )
        self.outcome_button.setEnabled(on and status is CaseStatus.OPEN)
        prints = bool(case and case.outcome and OUTCOME_DOCUMENTS[case.outcome])
        self.print_button.setEnabled(on and prints and status is not CaseStatus.OPEN)

    # ---- actions -----------------------------------------------------------------------------

    def materials_received(self) -> None:
        if self.case is None:
            return
        cases, number, clerk = self.services.cases, self.case.number, self.clerk.number
        note = self.reason_edit.text().strip()
        self._act(lambda: cases.materials_received(number, clerk, note))
        self.reason_edit.clear()
        self.refresh_waiting()

    def reopen(self) -> None:
        """Reopen the case (only its first clerk may; the core says so to anyone else)."""
        if self.case is None:
            return
        cases, number, clerk = self.services.cases, self.case.number, self.clerk.number
        reason = self.reason_edit.text().strip()
        self._act(lambda: cases.reopen(number, clerk, reason))
        self.refresh_waiting()

    def record_outcome(self) -> None:
        """The case form for the reopened case: its registration and a new outcome."""
        if self.case is None or self.case.status is not CaseStatus.OPEN:
            return
        self.entry = CaseEntryDialog(
            self.services,
            self.clerk,
            self.counter_number,
            None,
            self,
            case=self.case,
            choose_printer=self.choose_printer,
            choose_save_path=self.choose_save_path,
        )
        self.entry.case_registered.connect(self._loaded)
        self.entry.case_registered.connect(lambda _case: self.refresh_waiting())
        self.entry.open()
        self.entry_opened.emit(self.entry)

    def print_documents(self) -> None:
        if self.case is None:
            return
        cases, number, clerk = self.services.cases, self.case.number, self.clerk.number
        self.runner.submit(
            lambda: preview_documents(cases.documents_for(number, printed_by=clerk)),
            self._show_preview,
            self._failed,
        )

    def _show_preview(self, documents: list) -> None:
        if self._closing or not documents or self.case is None:
            return
        if self.preview is not None:
            self.preview.close()
            self.preview.deleteLater()
        number = self.case.number
        self.preview = DocumentPreview(
            documents,
            self,
            title=self.tr("办件 {number} 的文书").format(number=number),
            choose_printer=self.choose_printer,
            choose_save_path=self.choose_save_path,
        )
        cases, clerk = self.services.cases, self.clerk.number
        self.preview.printed.connect(
            lambda labels: self.runner.submit(
                lambda: cases.record_printed(number, clerk, labels), None, self._failed
            )
        )
        self.preview.open()
        self.preview_opened.emit(self.preview)

    def done(self, result: int) -> None:
        self._closing = True
        self.runner.close()  # queued work finishes, then the worker thread ends
        super().done(result)
