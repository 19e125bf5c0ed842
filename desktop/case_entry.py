"""Case entry (办件登记): the form a clerk fills in after serving a ticket, or for a phone or
walk-up consultation without one.

Left: the applicant (``CitizenSection``: person or enterprise, numbers checked as typed), the
service item(s) (``ItemPicker``, pinyin search; the ticket's item is preselected) and the kind
(咨询 / 业务办理). Right: exactly one outcome among eight toggles — there is no reject control
anywhere (窗口无否决权) — and the page of that outcome (``outcome_pages``), pre-filled from the
catalog through the core (promised dates, 容缺后补 materials, the referral, reply dates, slots).

"登记并打印" registers the case through ``CaseBook.register`` on the form's ``Runner``; a
refusal is shown under the form with the named field framed in red, and everything typed stays.
After success the form locks, shows the case number (and the escalation or appointment number),
and, when the outcome prints documents, opens them in ``DocumentPreview``; printing or saving is
recorded in the case's timeline (``record_printed``).

``open_case_entry`` opens the form window-modal (``QDialog.open``): the clerk console is blocked
while a case is being entered — one contact, one outcome — but the caller returns at once.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import ClassVar

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.app import restyle, tr_error
from desktop.case_citizen import CitizenSection, set_invalid
from desktop.case_entry_data import (
    EMPTY_ITEMS,
    HallContext,
    ItemContext,
    load_hall,
    load_items,
    load_referral,
    load_slots,
)
from desktop.case_items import ItemPicker
from desktop.case_style import CASE_FORM_QSS
from desktop.outcome_pages import (
    PAGE_CLASSES,
    OutcomePage,
    ReferralPage,
    ScheduledPage,
)
from desktop.preview import (
    DocumentPreview,
    PreviewDocument,
    PrinterChooser,
    SavePathChooser,
    preview_documents,
)
from desktop.tasks import Runner
from yichuang.cases import (
    CASE_CHANNEL_NAMES,
    CASE_KIND_NAMES,
    OUTCOME_DOCUMENTS,
    OUTCOME_NAMES,
    Case,
    CaseAction,
    CaseChannel,
    CaseDraft,
    CaseKind,
    Outcome,
)
from yichuang.errors import (
    InvalidCreditCode,
    InvalidIdNumber,
    InvalidPhone,
    MissingField,
    OutcomeRequired,
    YichuangError,
)
from yichuang.queue import Ticket
from yichuang.services import HallServices
from yichuang.staff import StaffMember

log = logging.getLogger(__name__)


def ask_discard(parent: QWidget) -> bool:
    """Asked when the form is closed before an outcome is registered; True closes it."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("CaseEntryDialog", "尚未登记"))
    box.setText(
        QCoreApplication.translate(
            "CaseEntryDialog",
            "这件事还没有登记办理结果。窗口无否决权：每件事都要以一种结果办结。\n仍要关闭吗？",
        )
    )
    keep = box.addButton(
        QCoreApplication.translate("CaseEntryDialog", "继续登记"), QMessageBox.ButtonRole.RejectRole
    )
    box.addButton(
        QCoreApplication.translate("CaseEntryDialog", "关闭"), QMessageBox.ButtonRole.AcceptRole
    )
    box.setDefaultButton(keep)
    box.exec()
    return box.clickedButton() is not keep


def _card(title: str) -> tuple[QFrame, QVBoxLayout]:
    frame = QFrame()
    frame.setProperty("role", "card")
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(16, 12, 16, 14)
    layout.setSpacing(10)
    heading = QLabel(title)
    heading.setProperty("role", "section")
    layout.addWidget(heading)
    return frame, layout


def _scroll(widget: QWidget) -> QScrollArea:
    """A frameless vertical scroll area that shows the window's background."""
    scroll = QScrollArea()
    scroll.setObjectName("caseScroll")
    widget.setObjectName("caseScrollBody")
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.setWidget(widget)
    scroll.viewport().setAutoFillBackground(False)
    widget.setAutoFillBackground(False)
    return scroll


def _segmented(group: QButtonGroup, labels: list[str]) -> QHBoxLayout:
    row = QHBoxLayout()
    row.setSpacing(0)
    for i, text in enumerate(labels):
        button = QPushButton(text)
        button.setCheckable(True)
        button.setProperty("role", "segment")
        if i == 0:
            button.setProperty("position", "left")
        elif i == len(labels) - 1:
            button.setProperty("position", "right")
        group.addButton(button, i)
        row.addWidget(button)
    return row


class CaseEntryDialog(QDialog):
    """The case form: applicant, items, kind, one outcome and its page; registers and prints.

    ``case``: an open case to finish instead of a new one (e.g. one its first clerk reopened):
    its registration is updated and the outcome recorded with ``CaseBook.close``.

    Signals: ready() — the catalog is loaded and the form can be used;
    case_registered(object) — the registered ``Case``;
    preview_opened(object) — the ``DocumentPreview`` showing the case's documents.
    """

    ready = Signal()
    case_registered = Signal(object)
    preview_opened = Signal(object)

    # Replaced in tests (class level): asked before closing a form with nothing registered.
    confirm_discard: ClassVar[Callable[[QWidget], bool]] = staticmethod(ask_discard)

    def __init__(
        self,
        services: HallServices,
        clerk: StaffMember,
        counter_number: int | None,
        ticket: Ticket | None,
        parent: QWidget | None = None,
        *,
        case: Case | None = None,
        choose_printer: PrinterChooser | None = None,
        choose_save_path: SavePathChooser | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.clerk = clerk
        self.counter_number = counter_number
        self.ticket = ticket
        self.existing = case
        self.case: Case | None = None
        self.preview: DocumentPreview | None = None
        self.documents: list[PreviewDocument] = []
        self.choose_printer = choose_printer
        self.choose_save_path = choose_save_path
        self.hall: HallContext | None = None
        self.item_context: ItemContext = EMPTY_ITEMS
        self.runner = Runner(self)
        self._items_token = 0
        self._busy = False
        self._closing = False
        self._marked: list[QWidget] = []

        self.setWindowTitle(self.tr("办件登记"))
        self.setStyleSheet(CASE_FORM_QSS)
        self._build()
        self._wire()
        self.resize(1300, 730)
        self._set_message(self.tr("正在读取服务目录…"))
        self.body.setEnabled(False)
        self.runner.submit(lambda: load_hall(services), self._hall_loaded, self._load_failed)

    # ---- layout ------------------------------------------------------------------------------

    def _build(self) -> None:
        root = QVBoxLayout(self)
        root.setContentsMargins(20, 14, 20, 14)
        root.setSpacing(10)

        header = QHBoxLayout()
        title = QLabel(self.tr("办件登记"))
        title.setProperty("role", "section")
        title.setStyleSheet("font-size: 18pt;")
        header.addWidget(title)
        self.context_label = QLabel(self._context_text())
        self.context_label.setProperty("role", "hint")
        header.addSpacing(16)
        header.addWidget(self.context_label, 1)
        header.addWidget(QLabel(self.tr("类别")))
        self.kind_group = QButtonGroup(self)
        header.addLayout(
            _segmented(
                self.kind_group,
                [
                    self._tr_case(CASE_KIND_NAMES[k])
                    for k in (CaseKind.CONSULTATION, CaseKind.BUSINESS)
                ],
            )
        )
        header.addSpacing(16)
        self.channel_label = QLabel(self.tr("方式"))
        header.addWidget(self.channel_label)
        self.channel_group = QButtonGroup(self)
        header.addLayout(
            _segmented(
                self.channel_group,
                [
                    self._tr_case(CASE_CHANNEL_NAMES[c])
                    for c in (CaseChannel.WALK_IN, CaseChannel.PHONE)
                ],
            )
        )
        root.addLayout(header)

        self.body = QWidget()
        body = QHBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(14)
        root.addWidget(self.body, 1)

        # left: who, which items, what kind
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.setSpacing(10)
        citizen_card, citizen_layout = _card(self.tr("申请人"))
        self.citizen = CitizenSection()
        citizen_layout.addWidget(self.citizen)
        left_layout.addWidget(citizen_card)

        items_card, items_layout = _card(self.tr("办理事项"))
        self.items = ItemPicker()
        self.items.list.setMinimumHeight(96)
        # the list takes what height is left, so the left column needs no scroll bar
        self.items.list.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        items_layout.addWidget(self.items, 1)
        left_layout.addWidget(items_card, 1)

        self.left_scroll = _scroll(left)
        self.left_scroll.setFixedWidth(470)
        body.addWidget(self.left_scroll)

        # right: one outcome and its page
        outcome_card, outcome_layout = _card(self.tr("办理结果"))
        heading = outcome_layout.itemAt(0).widget()
        rule = QLabel(self.tr("窗口无否决权：每件事都以下列一种结果办结"))
        rule.setProperty("role", "hint")
        title_row = QHBoxLayout()
        outcome_layout.removeWidget(heading)
        title_row.addWidget(heading)
        title_row.addSpacing(12)
        title_row.addWidget(rule, 1)
        outcome_layout.insertLayout(0, title_row)

        self.outcome_box = QWidget()
        grid = QGridLayout(self.outcome_box)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(8)
        self.outcome_group = QButtonGroup(self)
        self.outcome_buttons: dict[Outcome, QPushButton] = {}
        for i, outcome in enumerate(Outcome):
            button = QPushButton(self._tr_outcome(OUTCOME_NAMES[outcome]))
            button.setCheckable(True)
            button.setProperty("role", "outcome")
            document = OUTCOME_DOCUMENTS[outcome]
            button.setToolTip(
                self.tr("打印：{doc}").format(doc=self._tr_outcome(document))
                if document
                else self.tr("不打印文书")
            )
            self.outcome_group.addButton(button, i)
            self.outcome_buttons[outcome] = button
            grid.addWidget(button, i // 4, i % 4)
        outcome_layout.addWidget(self.outcome_box)

        self.prints_label = QLabel()
        self.prints_label.setProperty("role", "prints")
        self.prints_label.setWordWrap(True)
        outcome_layout.addWidget(self.prints_label)

        self.stack = QStackedWidget()
        placeholder = QLabel(self.tr("请选择办理结果，这里会列出该结果需要填写的内容。"))
        placeholder.setProperty("role", "hint")
        placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(placeholder)
        self.pages: dict[Outcome, OutcomePage] = {}
        self.page_scrolls: dict[Outcome, QScrollArea] = {}
        for cls in PAGE_CLASSES:
            page = cls()
            self.pages[cls.outcome] = page
            scroll = _scroll(page)
            self.page_scrolls[cls.outcome] = scroll
            self.stack.addWidget(scroll)
        outcome_layout.addWidget(self.stack, 1)
        body.addWidget(outcome_card, 1)

        # bottom: messages, result, buttons
        self.banner = QFrame()
        self.banner.setProperty("role", "banner-ok")
        banner_layout = QHBoxLayout(self.banner)
        banner_layout.setContentsMargins(16, 10, 16, 10)
        self.banner_label = QLabel()
        self.banner_label.setWordWrap(True)
        self.banner_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        banner_layout.addWidget(self.banner_label, 1)
        self.banner.hide()
        root.addWidget(self.banner)

        footer = QHBoxLayout()
        self.message = QLabel()
        self.message.setWordWrap(True)
        footer.addWidget(self.message, 1)
        self.documents_button = QPushButton(self.tr("打印文书"))
        self.documents_button.hide()
        self.cancel_button = QPushButton(self.tr("取消"))
        self.register_button = QPushButton(self.tr("登记"))
        self.register_button.setProperty("role", "primary")
        self.register_button.setDefault(True)
        for button in (self.documents_button, self.cancel_button, self.register_button):
            button.setMinimumWidth(128)
            footer.addWidget(button)
        self.register_button.setMinimumWidth(160)
        root.addLayout(footer)

        self.kind_group.button(1 if self._default_kind() is CaseKind.BUSINESS else 0).setChecked(
            True
        )
        self.channel_group.button(0).setChecked(True)
        walk_up = self.ticket is None and self.existing is None
        self.channel_label.setVisible(walk_up)
        for button in self.channel_group.buttons():
            button.setVisible(walk_up)
        self._outcome_changed()

    def _wire(self) -> None:
        self.outcome_group.idToggled.connect(lambda _i, on: on and self._outcome_changed())
        self.items.selection_changed.connect(self._items_changed)
        self.citizen.changed.connect(self._citizen_changed)
        self.register_button.clicked.connect(self._primary_clicked)
        self.cancel_button.clicked.connect(self.reject)
        self.documents_button.clicked.connect(self.open_documents)
        referral = self.pages[Outcome.REFERRED]
        assert isinstance(referral, ReferralPage)
        referral.referral_requested.connect(self._load_referral)
        scheduled = self.pages[Outcome.SCHEDULED]
        assert isinstance(scheduled, ScheduledPage)
        scheduled.slots_requested.connect(self._load_slots)

    def _tr_case(self, text: str) -> str:
        return QCoreApplication.translate("case", text)

    def _tr_outcome(self, text: str) -> str:
        return QCoreApplication.translate("outcome", text)

    def _context_text(self) -> str:
        parts = []
        if self.existing is not None:
            parts.append(self.tr("办件 {number}").format(number=self.existing.number))
        if self.ticket is not None:
            parts.append(f"{self.ticket.number} · {self.ticket.queue_name}")
        elif self.existing is None:
            parts.append(self.tr("无号登记"))
        if self.counter_number is not None:
            parts.append(self.tr("{n}号窗口").format(n=self.counter_number))
        parts.append(f"{self.clerk.name}（{self.clerk.number}）")
        return "　·　".join(parts)

    def _default_kind(self) -> CaseKind:
        if self.existing is not None:
            return self.existing.kind
        return CaseKind.BUSINESS if self.ticket is not None else CaseKind.CONSULTATION

    # ---- reading the form --------------------------------------------------------------------

    def outcome(self) -> Outcome | None:
        checked = self.outcome_group.checkedId()
        return list(Outcome)[checked] if checked >= 0 else None

    def choose_outcome(self, outcome: Outcome) -> None:
        self.outcome_buttons[outcome].setChecked(True)

    def page(self, outcome: Outcome | None = None) -> OutcomePage | None:
        chosen = outcome or self.outcome()
        return self.pages.get(chosen) if chosen else None

    def kind(self) -> CaseKind:
        return CaseKind.BUSINESS if self.kind_group.checkedId() == 1 else CaseKind.CONSULTATION

    def set_kind(self, kind: CaseKind) -> None:
        self.kind_group.button(1 if kind is CaseKind.BUSINESS else 0).setChecked(True)

    def channel(self) -> CaseChannel | None:
        if self.ticket is not None or self.existing is not None:
            return None
        return CaseChannel.PHONE if self.channel_group.checkedId() == 1 else CaseChannel.WALK_IN

    def set_channel(self, channel: CaseChannel) -> None:
        self.channel_group.button(1 if channel is CaseChannel.PHONE else 0).setChecked(True)

    def draft(self) -> CaseDraft:
        return CaseDraft(
            clerk=self.clerk.number,
            citizen=self.citizen.citizen(),
            item_codes=self.items.selected(),
            kind=self.kind(),
            ticket=self.ticket,
            channel=self.channel(),
            counter=self.counter_number,
        )

    def is_ready(self) -> bool:
        return self.hall is not None and not self._busy and self.body.isEnabled()

    def message_text(self) -> str:
        return self.message.text()

    def marked(self) -> list[QWidget]:
        """The inputs currently framed in red (the field the last refusal named)."""
        return [w for w in self._marked if w.property("invalid")]

    # ---- loading -----------------------------------------------------------------------------

    def _hall_loaded(self, hall: HallContext) -> None:
        if self._closing:
            return
        self.hall = hall
        self.items.set_catalog(hall.items, hall.departments)
        for page in self.pages.values():
            page.set_hall(hall)
        scheduled = self.pages[Outcome.SCHEDULED]
        assert isinstance(scheduled, ScheduledPage)
        scheduled.set_staff(self.clerk.number)
        if self.existing is not None:
            self.citizen.set_citizen(self.existing.citizen)
            self.items.set_selected(self.existing.item_codes)
        elif self.ticket is not None and self.ticket.item_code:
            self.items.set_selected([self.ticket.item_code])
        self.body.setEnabled(True)
        self._set_message("")
        self.citizen.name_edit.setFocus()
        self.ready.emit()

    def _load_failed(self, err: YichuangError) -> None:
        if not self._closing:
            self._set_message(tr_error(err), error=True)

    def _items_changed(self, codes: tuple[str, ...]) -> None:
        self._items_token += 1
        token = self._items_token
        services = self.services
        self.runner.submit(
            lambda: load_items(services, codes),
            lambda ctx: self._items_loaded(token, ctx),
            self._load_failed,
        )

    def _items_loaded(self, token: int, context: ItemContext) -> None:
        if self._closing or token != self._items_token:
            return  # the clerk has changed the items again since
        self.item_context = context
        for page in self.pages.values():
            page.set_items(context)

    def items_loaded(self) -> bool:
        """The pages show the items currently ticked (tests wait for this)."""
        return self.item_context.codes == self.items.selected()

    def _load_referral(self, code: str) -> None:
        services = self.services
        page = self.pages[Outcome.REFERRED]
        assert isinstance(page, ReferralPage)
        self.runner.submit(
            lambda: load_referral(services, code),
            lambda referral: None if self._closing else page.apply(referral),
            self._load_failed,
        )

    def _load_slots(self, day: object) -> None:
        services = self.services
        page = self.pages[Outcome.SCHEDULED]
        assert isinstance(page, ScheduledPage)
        self.runner.submit(
            lambda: load_slots(services, day),  # type: ignore[arg-type]
            lambda slots: None if self._closing else page.set_slots(day, slots),  # type: ignore[arg-type]
            self._load_failed,
        )

    # ---- reacting ----------------------------------------------------------------------------

    def _outcome_changed(self) -> None:
        outcome = self.outcome()
        self.stack.setCurrentWidget(
            self.page_scrolls[outcome] if outcome is not None else self.stack.widget(0)
        )
        document = OUTCOME_DOCUMENTS[outcome] if outcome else ""
        if outcome is None:
            self.prints_label.hide()
        else:
            self.prints_label.show()
            self.prints_label.setText(
                self.tr("登记后打印：{doc}").format(doc=self._tr_outcome(document))
                if document
                else self.tr("登记后即办结，不打印文书")
            )
        if self.case is None:
            self.register_button.setText(self.tr("登记并打印") if document else self.tr("登记"))
        set_invalid(self.outcome_box, False)
        self._set_message("")

    def _citizen_changed(self) -> None:
        citizen = self.citizen.citizen()
        for page in self.pages.values():
            page.set_citizen(citizen)

    def _set_message(self, text: str, error: bool = False) -> None:
        restyle(self.message, "role", "error" if error else "hint")
        self.message.setText(text)

    def _clear_marks(self) -> None:
        for widget in self._marked:
            set_invalid(widget, False)
        self._marked = []

    def _mark(self, widget: QWidget) -> None:
        set_invalid(widget, True)
        self._marked.append(widget)
        for scroll in (self.left_scroll, *self.page_scrolls.values()):
            if scroll.widget().isAncestorOf(widget):
                scroll.ensureWidgetVisible(widget)
        widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def widget_for(self, err: YichuangError) -> QWidget | None:
        """The input a refusal is about, to frame in red."""
        page = self.page()
        if isinstance(err, OutcomeRequired):
            return self.outcome_box
        if isinstance(err, MissingField):
            label = str(err.params.get("field", ""))
            found = page.field_for(label) if page is not None else None
            if found is None:
                found = self.citizen.field_for(label)
            if found is None and (label == "办理事项" or label.startswith("所属事项")):
                found = self.items.list
            return found
        if isinstance(err, InvalidCreditCode):
            return self.citizen.credit_field.edit
        if isinstance(err, InvalidIdNumber):
            return self.citizen.id_field.edit
        if isinstance(err, InvalidPhone):
            scheduled = self.pages[Outcome.SCHEDULED]
            assert isinstance(scheduled, ScheduledPage)
            if page is scheduled and err.params.get("phone") == scheduled.phone_edit.text():
                return scheduled.phone_edit
            return self.citizen.phone_field.edit
        return page.widget_for_error(err) if page is not None else None

    # ---- registering -------------------------------------------------------------------------

    def _primary_clicked(self) -> None:
        if self.case is not None:
            self.accept()
        else:
            self.register()

    def register(self) -> None:
        """Register the case with the chosen outcome (on the runner); see ``case_registered``."""
        if self._busy or self.case is not None or self.hall is None:
            return
        self._clear_marks()
        outcome = self.outcome()
        page = self.page(outcome)
        details = page.details() if page is not None else None
        draft = self.draft()
        cases = self.services.cases
        existing = self.existing
        clerk = self.clerk.number

        def run() -> Case:
            if existing is None:
                return cases.register(draft, outcome, details)
            cases.update(
                existing.number,
                clerk,
                citizen=draft.citizen,
                item_codes=draft.item_codes,
                kind=draft.kind,
            )
            return cases.close(existing.number, outcome, details, clerk)

        self._set_busy(True)
        self._set_message(self.tr("正在登记…"))
        self.runner.submit(run, self._registered, self._refused)

    def _lock(self) -> None:
        """A registered case is not edited here any more (reopening goes through its history)."""
        self.body.setEnabled(False)
        for button in (*self.kind_group.buttons(), *self.channel_group.buttons()):
            button.setEnabled(False)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.register_button.setEnabled(not busy)

    def _refused(self, err: YichuangError) -> None:
        if self._closing:
            return
        self._set_busy(False)
        log.info("case not registered: %s", err)
        self._set_message(tr_error(err), error=True)
        widget = self.widget_for(err)
        if widget is not None:
            self._mark(widget)

    def _registered(self, case: Case) -> None:
        if self._closing:
            return
        self._set_busy(False)
        self.case = case
        self._lock()
        self._set_message("")
        lines = [
            self.tr("已登记办件 {number}（{status}）").format(
                number=case.number, status=self._tr_case(case.status_name)
            )
        ]
        closing = next(
            (e.summary for e in reversed(case.timeline) if e.action is CaseAction.CLOSED), ""
        )
        if closing:
            lines.append(closing)
        if case.escalation_no:
            lines.append(self.tr("“办不成事”编号：{number}").format(number=case.escalation_no))
        if case.appointment_no:
            lines.append(self.tr("预约号：{number}").format(number=case.appointment_no))
        self.banner_label.setText("\n".join(lines))
        self.banner.show()
        self.cancel_button.hide()
        self.register_button.setText(self.tr("完成"))
        prints = bool(case.outcome and OUTCOME_DOCUMENTS[case.outcome])
        self.documents_button.setVisible(prints)
        self.case_registered.emit(case)
        if prints:
            self.open_documents()

    # ---- documents ---------------------------------------------------------------------------

    def open_documents(self) -> None:
        """Render the case's documents and show them in the preview (print / save as PDF)."""
        if self.case is None:
            return
        if self.documents:
            self._show_preview(self.documents)
            return
        cases = self.services.cases
        number, clerk = self.case.number, self.clerk.number
        self._set_message(self.tr("正在生成文书…"))
        self.documents_button.setEnabled(False)
        self.runner.submit(
            lambda: preview_documents(cases.documents_for(number, printed_by=clerk)),
            self._show_preview,
            self._documents_failed,
        )

    def _documents_failed(self, err: YichuangError) -> None:
        if self._closing:
            return
        self.documents_button.setEnabled(True)
        self._set_message(
            self.tr("文书生成失败：{reason}。办件已登记，可点“打印文书”重试。").format(
                reason=tr_error(err)
            ),
            error=True,
        )

    def _show_preview(self, documents: list[PreviewDocument]) -> None:
        if self._closing:
            return
        self.documents_button.setEnabled(True)
        self._set_message("")
        if not documents:
            return
        self.documents = documents
        assert self.case is not None
        if self.preview is not None:
            self.preview.close()
            self.preview.deleteLater()
        self.preview = DocumentPreview(
            documents,
            self,
            title=self.tr("办件 {number} 的文书").format(number=self.case.number),
            choose_printer=self.choose_printer,
            choose_save_path=self.choose_save_path,
        )
        self.preview.printed.connect(self._record_printed)
        self.preview.saved.connect(
            lambda path: self._record_printed(
                [self.tr("{label}（另存为PDF）").format(label=d.label) for d in self._shown()]
            )
        )
        self.preview.open()
        self.preview_opened.emit(self.preview)

    def _shown(self) -> list[PreviewDocument]:
        if self.preview is None:
            return []
        return [self.preview.documents[self.preview.current_index()]]

    def _record_printed(self, labels: list[str]) -> None:
        if self.case is None:
            return
        cases = self.services.cases
        number, clerk = self.case.number, self.clerk.number
        self.runner.submit(
            lambda: cases.record_printed(number, clerk, labels),
            None,
            self._load_failed,
        )

    # ---- closing -----------------------------------------------------------------------------

    def _has_input(self) -> bool:
        citizen = self.citizen.citizen()
        typed = any(
            (citizen.name, citizen.identifier, citizen.phone, citizen.address, citizen.contact_name)
        )
        return typed or self.outcome() is not None

    def reject(self) -> None:
        if (
            self.case is None
            and (self.ticket is not None or self._has_input())
            and not self.confirm_discard(self)
        ):
            return
        super().reject()

    def dispose_when_idle(self) -> None:
        """Delete the closed form once its runner has delivered every answer (a deleted form
        must not receive one)."""
        if self.runner.busy:
            self.runner.busy_changed.connect(lambda busy: busy or self.deleteLater())
        else:
            self.deleteLater()

    def done(self, result: int) -> None:
        self._closing = True
        self.runner.close()  # a registration or a printed-record still running finishes first
        if self.preview is not None:
            self.preview.close()
        super().done(result)


def open_case_entry(
    parent: QWidget | None,
    services: HallServices,
    ticket: Ticket | None,
    clerk: StaffMember,
    counter_number: int | None,
) -> CaseEntryDialog:
    """Open the case form for a finished ticket, or without one (walk-up, phone).

    Window-modal and non-blocking (``QDialog.open``): the console waits for this contact's
    outcome while the caller returns at once. The dialog deletes itself once closed and idle.
    """
    dialog = CaseEntryDialog(services, clerk, counter_number, ticket, parent)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.finished.connect(lambda _result: dialog.dispose_when_idle())
    dialog.open()
    return dialog
