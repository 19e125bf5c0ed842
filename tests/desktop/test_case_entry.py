"""The case-entry form driven through its real widgets: every outcome registered and stored, the
number checks, refusals shown inline with the named field framed, no reject control anywhere,
the 容缺 deadline capped at the promised date, and the documents opened in the preview.

The discard question is answered at class level; the preview prints to a PDF file through an
injected printer chooser. Nothing waits on time: tests wait on signals and conditions.
"""

from __future__ import annotations

from datetime import date, datetime, time

import pypdf
import pytest
import shiboken6
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QAbstractButton, QApplication

from desktop.case_entry import CaseEntryDialog, open_case_entry
from desktop.case_history import CaseHistoryDialog
from desktop.outcome_pages import (
    DeficientPage,
    EscalatedPage,
    OneTimeNoticePage,
    ReferralPage,
    ScheduledPage,
)
from yichuang.appointments import AppointmentKind
from yichuang.cases import (
    AcceptedDetails,
    CaseAction,
    CaseChannel,
    CaseDraft,
    CaseKind,
    CaseStatus,
    CompletedDetails,
    ConsultedDetails,
    DeferredMaterial,
    DeficientDetails,
    EscalatedDetails,
    OneTimeNoticeDetails,
    Outcome,
    ReferralDetails,
    ScheduledDetails,
)
from yichuang.citizens import Citizen, CitizenKind
from yichuang.escalations import EscalationCategory

ID = "11010519491231002X"
BAD_ID = "110105194912310021"  # one digit off: the GB 11643 check digit no longer matches
CREDIT = "91350100M000100Y43"
GUIDE = "https://zwfw.example.gov.cn/guide/SCJG-001"
PROMISED = date(2026, 3, 5)  # SCJG-001: 3 working days after Monday 2 March 2026


@pytest.fixture(autouse=True)
def closing_without_asking(monkeypatch):
    """The "close without an outcome?" question, answered "close" (teardown closes forms)."""
    asked = []

    def answer(parent):
        asked.append(parent)
        return True

    monkeypatch.setattr(CaseEntryDialog, "confirm_discard", staticmethod(answer))
    return asked


@pytest.fixture
def clerk(services):
    return services.staff.get("1001")


@pytest.fixture
def ticket(services):
    """A finished SCJG-001 ticket at counter 1."""
    engine = services.engine
    engine.sign_in(1, "1001")
    engine.issue("SCJG-001")
    engine.call_next(1)
    return engine.finish(1)


@pytest.fixture
def pdf_printer(tmp_path):
    """A printer chooser that "prints" to PDF files in tmp_path, and the files it made."""
    files = []

    def choose(_parent):
        path = tmp_path / f"printed-{len(files) + 1}.pdf"
        files.append(path)
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(path))
        return printer

    choose.files = files
    return choose


def type_text(qtbot, widget, text):
    """Type as the clerk does: keys for ASCII, an input-method commit for Chinese (QTest cannot
    press keys that are not on the keyboard)."""
    if text.isascii():
        qtbot.keyClicks(widget, text)
        return
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def open_form(qtbot, services, clerk, ticket=None, **kwargs):
    dialog = CaseEntryDialog(services, clerk, 1, ticket, **kwargs)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.is_ready)
    qtbot.waitUntil(dialog.items_loaded)
    return dialog


def fill_person(qtbot, dialog, name="王小明", id_number=ID, phone="13800138000", address=""):
    section = dialog.citizen
    type_text(qtbot, section.name_edit, name)
    if id_number:
        type_text(qtbot, section.id_field.edit, id_number)
    if phone:
        type_text(qtbot, section.phone_field.edit, phone)
    if address:
        type_text(qtbot, section.address_edit, address)


def choose(qtbot, dialog, outcome):
    qtbot.mouseClick(dialog.outcome_buttons[outcome], Qt.MouseButton.LeftButton)
    assert dialog.outcome() is outcome
    return dialog.page()


def register(qtbot, dialog):
    with qtbot.waitSignal(dialog.case_registered, timeout=10000) as blocker:
        qtbot.mouseClick(dialog.register_button, Qt.MouseButton.LeftButton)
    return blocker.args[0]


def register_refused(qtbot, dialog):
    qtbot.mouseClick(dialog.register_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.is_ready() and dialog.message.property("role") == "error")
    return dialog.message_text()


def wait_preview(qtbot, dialog):
    qtbot.waitUntil(lambda: dialog.preview is not None and dialog.preview.isVisible())
    return dialog.preview


# ---- the eight outcomes -----------------------------------------------------------------------


def test_phone_consultation_without_a_ticket_prints_nothing(qtbot, services, clerk):
    dialog = open_form(qtbot, services, clerk)
    assert dialog.kind() is CaseKind.CONSULTATION  # no ticket: a consultation by default
    assert dialog.channel_group.button(1).isVisible()
    qtbot.mouseClick(dialog.channel_group.button(1), Qt.MouseButton.LeftButton)  # 电话咨询
    page = choose(qtbot, dialog, Outcome.CONSULTED)
    assert dialog.register_button.text() == "登记"
    type_text(qtbot, page.summary_edit, "询问企业设立所需材料，已逐项告知")
    case = register(qtbot, dialog)

    stored = services.cases.case(case.number)
    assert stored.outcome is Outcome.CONSULTED and stored.status is CaseStatus.CLOSED
    assert stored.channel is CaseChannel.PHONE and stored.ticket_number is None
    assert stored.details == ConsultedDetails("询问企业设立所需材料，已逐项告知")
    assert dialog.preview is None and not dialog.documents_button.isVisible()
    assert case.number in dialog.banner_label.text()
    assert dialog.register_button.text() == "完成"
    assert not dialog.body.isEnabled() and not dialog.kind_group.button(0).isEnabled()


def test_completed_on_the_spot(qtbot, services, clerk, ticket):
    dialog = open_form(qtbot, services, clerk, ticket)
    assert dialog.items.selected() == ("SCJG-001",)  # the ticket's item is preselected
    assert dialog.kind() is CaseKind.BUSINESS
    assert not dialog.channel_group.button(0).isVisible()
    fill_person(qtbot, dialog)
    page = choose(qtbot, dialog, Outcome.COMPLETED)
    type_text(qtbot, page.result_edit, "营业执照 91350100M000100Y43")
    case = register(qtbot, dialog)

    stored = services.cases.case(case.number)
    assert stored.outcome is Outcome.COMPLETED
    assert stored.details == CompletedDetails("营业执照 91350100M000100Y43")
    assert stored.ticket_number == ticket.number and stored.counter_number == 1
    assert stored.citizen.id_number == ID and stored.first_clerk == "1001"


def test_accepted_shows_the_promised_date_and_prints_the_notice(
    qtbot, services, clerk, ticket, pdf_printer
):
    dialog = open_form(qtbot, services, clerk, ticket, choose_printer=pdf_printer)
    fill_person(qtbot, dialog)
    page = choose(qtbot, dialog, Outcome.ACCEPTED)
    assert "2026年3月5日" in page.promise_label.text() and "3 个工作日" in page.promise_label.text()
    assert dialog.register_button.text() == "登记并打印"
    case = register(qtbot, dialog)

    stored = services.cases.case(case.number)
    assert stored.outcome is Outcome.ACCEPTED and stored.promised_on == PROMISED
    assert isinstance(stored.details, AcceptedDetails)
    assert [m.name for m in stored.details.received] == ["营业执照申请书", "住所使用证明"]

    preview = wait_preview(qtbot, dialog)
    assert [d.title for d in preview.documents] == ["受理通知书"]
    assert preview.documents[0].pages >= 1
    with qtbot.waitSignal(preview.printed) as blocker:
        qtbot.mouseClick(preview.print_button, Qt.MouseButton.LeftButton)
    assert blocker.args[0] == ["受理通知书"]
    text = pypdf.PdfReader(pdf_printer.files[0]).pages[0].extract_text()
    assert "受理通知书" in text and "王小明" in text

    def printed_in_timeline():
        timeline = services.cases.case(case.number).timeline
        return [e.summary for e in timeline if e.action is CaseAction.PRINTED]

    qtbot.waitUntil(lambda: printed_in_timeline() == ["打印：受理通知书"])


def test_deficient_acceptance_waits_for_the_materials(qtbot, services, clerk, ticket):
    dialog = open_form(qtbot, services, clerk, ticket)
    fill_person(qtbot, dialog)
    page = choose(qtbot, dialog, Outcome.ACCEPTED_DEFICIENT)
    assert isinstance(page, DeficientPage)
    assert page.table.rowCount() == 1  # only the 容缺后补 material is offered
    assert page.table.item(0, 0).text() == "住所使用证明"
    page.table.item(0, 0).setCheckState(Qt.CheckState.Checked)
    page.table.item(0, 2).setText("租赁合同原件，须在有效期内")
    page.deadline_edit.setDate(QDate(2026, 3, 4))
    case = register(qtbot, dialog)

    stored = services.cases.case(case.number)
    assert stored.outcome is Outcome.ACCEPTED_DEFICIENT
    assert stored.status is CaseStatus.AWAITING_MATERIALS and not stored.materials_overdue
    assert stored.materials_deadline == date(2026, 3, 4)
    assert isinstance(stored.details, DeficientDetails)
    (missing,) = stored.details.missing
    assert (missing.name, missing.standard) == ("住所使用证明", "租赁合同原件，须在有效期内")
    assert "待补材料" in dialog.banner_label.text()

    preview = wait_preview(qtbot, dialog)
    (doc,) = preview.documents
    assert doc.title == "容缺受理告知书（明白纸）"
    assert doc.pages == 2  # two copies, each with the 承诺书


def test_the_deficiency_deadline_cannot_pass_the_promised_date(qtbot, services, clerk, ticket):
    dialog = open_form(qtbot, services, clerk, ticket)
    page = choose(qtbot, dialog, Outcome.ACCEPTED_DEFICIENT)
    assert page.deadline_edit.date().toPython() == PROMISED  # the most time, by default
    assert page.deadline_edit.maximumDate().toPython() == PROMISED
    assert page.deadline_edit.minimumDate().toPython() == date(2026, 3, 2)
    assert "2026年3月5日" in page.cap_label.text()
    page.deadline_edit.setDate(QDate(2026, 3, 20))
    assert page.deadline_edit.date().toPython() == PROMISED
    page.deadline_edit.setFocus()
    page.deadline_edit.selectAll()
    type_text(qtbot, page.deadline_edit, "2026年3月9日")
    assert page.deadline_edit.date().toPython() <= PROMISED


def test_one_time_notice_tells_every_problem_at_once(qtbot, services, clerk, ticket):
    dialog = open_form(qtbot, services, clerk, ticket)
    fill_person(qtbot, dialog)
    page = choose(qtbot, dialog, Outcome.ONE_TIME_NOTICE)
    assert isinstance(page, OneTimeNoticePage)
    assert page.table.rowCount() == 2  # every material of the item is listed
    combo = page.table.cellWidget(page.row_for("营业执照申请书"), 1)
    combo.setCurrentText("签字或盖章不全")  # picks the row and suggests how to fix
    row = page.row_for("营业执照申请书")
    assert page.table.item(row, 0).checkState() == Qt.CheckState.Checked
    assert page.table.item(row, 2).text() == "请补齐签字或盖章"
    page.table.item(row, 3).setText("法定代表人签字并加盖公章")
    page.set_problem("住所使用证明", "已过期", "请提供有效期内的租赁合同", "在有效期内的原件")
    type_text(qtbot, page.guide_edit, GUIDE)
    case = register(qtbot, dialog)

    stored = services.cases.case(case.number)
    assert isinstance(stored.details, OneTimeNoticeDetails)
    assert [(p.material, p.problem) for p in stored.details.problems] == [
        ("营业执照申请书", "签字或盖章不全"),
        ("住所使用证明", "已过期"),
    ]
    assert stored.details.guide_url == GUIDE
    preview = wait_preview(qtbot, dialog)
    assert [d.title for d in preview.documents] == ["一次性告知书（明白纸）"]


def test_referral_prefilled_from_the_catalog_and_a_missing_field_named(
    qtbot, services, clerk, ticket
):
    dialog = open_form(qtbot, services, clerk, ticket)
    page = choose(qtbot, dialog, Outcome.REFERRED)
    assert isinstance(page, ReferralPage)
    assert page.department_edit.text() == "区市场监督管理局"  # from the ticket's item
    assert page.floor_edit.text() == "一楼A区" and page.address_edit.text() == "测试路1号"

    with qtbot.waitSignal(page.changed):  # another catalog item, as the clerk picks it
        page.pick("RSJ-001")
    qtbot.waitUntil(lambda: page.department_edit.text() == "区人力资源和社会保障局")
    assert page.bring_edit.toPlainText() == "居民身份证"
    type_text(qtbot, page.counter_edit, "5号窗口")

    # the catalog has no office hours: the core names the field, the form frames it
    message = register_refused(qtbot, dialog)
    assert message == "请填写“办公时间”"
    assert dialog.marked() == [page.hours_edit]
    assert page.counter_edit.text() == "5号窗口"  # nothing typed is lost
    type_text(qtbot, page.hours_edit, "工作日 9:00—17:00")
    case = register(qtbot, dialog)

    stored = services.cases.case(case.number)
    assert isinstance(stored.details, ReferralDetails)
    assert stored.details.department == "区人力资源和社会保障局"
    assert (stored.details.counter, stored.details.item_code) == ("5号窗口", "RSJ-001")
    assert stored.details.hours == "工作日 9:00—17:00"
    preview = wait_preview(qtbot, dialog)
    assert [d.title for d in preview.documents] == ["指路牌"]


def test_escalation_gets_a_number_shown_to_the_clerk(qtbot, services, clerk, ticket):
    dialog = open_form(qtbot, services, clerk, ticket)
    fill_person(qtbot, dialog)
    page = choose(qtbot, dialog, Outcome.ESCALATED)
    assert isinstance(page, EscalatedPage)
    page.set_category(EscalationCategory.HARD)
    assert "3 个工作日" in page.reply_label.text() and "2026年3月5日" in page.reply_label.text()
    type_text(qtbot, page.description_edit, "住所证明的出具单位不明确，申请人无法取得")
    case = register(qtbot, dialog)

    stored = services.cases.case(case.number)
    assert stored.escalation_no == "BBCS-20260302-001"
    assert stored.details == EscalatedDetails(
        EscalationCategory.HARD, "住所证明的出具单位不明确，申请人无法取得"
    )
    escalation = services.escalations.get(stored.escalation_no)
    assert escalation.reply_by == date(2026, 3, 5) and escalation.case_no == case.number
    assert "BBCS-20260302-001" in dialog.banner_label.text()
    preview = wait_preview(qtbot, dialog)
    assert [d.title for d in preview.documents] == ["答复卡"]


def test_home_visit_books_an_appointment_at_the_citizens_address(qtbot, services, clerk, ticket):
    dialog = open_form(qtbot, services, clerk, ticket)
    fill_person(qtbot, dialog, address="测试路8号3单元")
    page = choose(qtbot, dialog, Outcome.SCHEDULED)
    assert isinstance(page, ScheduledPage)
    qtbot.mouseClick(page.kind_buttons[AppointmentKind.HOME_VISIT], Qt.MouseButton.LeftButton)
    assert "测试路8号3单元" in page.place_edit.placeholderText()
    assert page.day() == date(2026, 3, 3) and page.staff_combo.currentData() == "1001"
    qtbot.waitUntil(lambda: page._slot_day == date(2026, 3, 3))
    assert page.custom()  # no slot opened that day yet: the clerk sets the times
    page.set_times(time(14, 0), time(15, 30))
    page.set_staff("1002")
    case = register(qtbot, dialog)

    stored = services.cases.case(case.number)
    assert isinstance(stored.details, ScheduledDetails)
    assert stored.details.kind is AppointmentKind.HOME_VISIT
    appointment = services.appointments.get(stored.appointment_no)
    assert appointment.place == "测试路8号3单元" and appointment.staff_number == "1002"
    assert (appointment.start, appointment.end) == (
        datetime(2026, 3, 3, 14, 0),
        datetime(2026, 3, 3, 15, 30),
    )
    assert appointment.materials == ("营业执照申请书", "住所使用证明")
    assert stored.appointment_no in dialog.banner_label.text()
    preview = wait_preview(qtbot, dialog)
    assert [d.title for d in preview.documents] == ["预约服务单"]


def test_a_slot_shows_its_places_and_a_home_visit_needs_an_address(qtbot, services, clerk, ticket):
    services.appointments.open_slot(datetime(2026, 3, 3, 9), datetime(2026, 3, 3, 10), capacity=2)
    dialog = open_form(qtbot, services, clerk, ticket)
    fill_person(qtbot, dialog)
    page = choose(qtbot, dialog, Outcome.SCHEDULED)
    qtbot.waitUntil(lambda: page._slot_day == date(2026, 3, 3))
    assert page.slot_combo.currentText() == "09:00—10:00　已约 0/2"
    assert "还可约 2 个" in page.capacity_label.text()
    qtbot.mouseClick(page.kind_buttons[AppointmentKind.HOME_VISIT], Qt.MouseButton.LeftButton)

    assert register_refused(qtbot, dialog) == "请填写“上门地址”"
    assert dialog.marked() == [page.place_edit]
    type_text(qtbot, page.place_edit, "测试路20号")
    case = register(qtbot, dialog)
    appointment = services.appointments.get(services.cases.case(case.number).appointment_no)
    assert appointment.start == datetime(2026, 3, 3, 9) and appointment.place == "测试路20号"


# ---- checks and refusals ----------------------------------------------------------------------


def test_a_wrong_resident_id_is_flagged_as_typed_and_refused(qtbot, services, clerk, ticket):
    dialog = open_form(qtbot, services, clerk, ticket)
    field = dialog.citizen.id_field
    type_text(qtbot, field.edit, BAD_ID[:10])
    assert field.message() == "已录入 10/18 位"  # typing is never blocked
    type_text(qtbot, field.edit, BAD_ID[10:])
    assert field.message() == "居民身份证号码校验位不符，号码可能录入有误，请逐位核对"
    assert not field.is_ok()
    type_text(qtbot, dialog.citizen.name_edit, "王小明")
    choose(qtbot, dialog, Outcome.ACCEPTED)

    assert "校验位不符" in register_refused(qtbot, dialog)
    assert dialog.marked() == [field.edit]
    assert services.cases.cases_for_ticket(ticket.id) == []  # nothing stored
    assert field.text() == BAD_ID

    field.edit.setText(ID)
    assert field.message() == "✓ 校验通过"
    case = register(qtbot, dialog)
    assert services.cases.case(case.number).citizen.id_number == ID


def test_enterprise_credit_code_and_phone_are_checked_live(qtbot, services, clerk):
    dialog = open_form(qtbot, services, clerk)
    section = dialog.citizen
    qtbot.mouseClick(section.enterprise_button, Qt.MouseButton.LeftButton)
    assert section.kind() is CitizenKind.ENTERPRISE
    assert section.credit_field.isVisible() and not section.id_field.isVisible()
    type_text(qtbot, section.credit_field.edit, CREDIT[:-1] + "4")
    assert (
        section.credit_field.message() == "统一社会信用代码校验码不符，代码可能录入有误，请逐位核对"
    )
    section.credit_field.edit.setText(CREDIT)
    assert section.credit_field.message() == "✓ 校验通过"
    type_text(qtbot, section.phone_field.edit, "12345")
    section.phone_field.edit.editingFinished.emit()
    assert "联系电话“12345”无效" in section.phone_field.message()
    type_text(qtbot, section.name_edit, "示范科技有限公司")
    type_text(qtbot, section.contact_edit, "李四")
    section.phone_field.edit.setText("0531-66668888")
    assert section.phone_field.is_ok()
    page = choose(qtbot, dialog, Outcome.CONSULTED)
    type_text(qtbot, page.summary_edit, "咨询变更登记")
    case = register(qtbot, dialog)
    citizen = services.cases.case(case.number).citizen
    assert (citizen.kind, citizen.credit_code, citizen.contact_name) == (
        CitizenKind.ENTERPRISE,
        CREDIT,
        "李四",
    )


def test_registering_without_an_outcome_says_the_window_has_no_veto(qtbot, services, clerk, ticket):
    dialog = open_form(qtbot, services, clerk, ticket)
    fill_person(qtbot, dialog)
    message = register_refused(qtbot, dialog)
    assert message.startswith("请选择办理结果：窗口无否决权")
    assert dialog.marked() == [dialog.outcome_box]
    assert services.cases.cases_for_ticket(ticket.id) == []


def test_there_is_no_reject_control_anywhere(qtbot, services, clerk, ticket, pdf_printer):
    dialog = open_form(qtbot, services, clerk, ticket, choose_printer=pdf_printer)
    fill_person(qtbot, dialog)
    choose(qtbot, dialog, Outcome.ACCEPTED)
    register(qtbot, dialog)
    preview = wait_preview(qtbot, dialog)
    texts = []
    for window in (dialog, preview):
        for button in window.findChildren(QAbstractButton):
            texts += [button.text(), button.toolTip()]
    assert len(dialog.outcome_buttons) == 8
    joined = " ".join(texts)
    for word in ("拒绝", "退回", "不予受理", "驳回", "不予办理"):
        assert word not in joined


def test_a_case_can_name_several_items_found_by_pinyin(qtbot, services, clerk, ticket):
    dialog = open_form(qtbot, services, clerk, ticket)
    type_text(qtbot, dialog.items.search_edit, "sbk")
    assert dialog.items.shown_codes()[:2] == ["SCJG-001", "RSJ-001"]  # ticked first, then hits
    dialog.items.list.item(1).setCheckState(Qt.CheckState.Checked)
    qtbot.waitUntil(dialog.items_loaded)
    assert dialog.items.selected() == ("SCJG-001", "RSJ-001")
    fill_person(qtbot, dialog)
    page = choose(qtbot, dialog, Outcome.ACCEPTED)
    assert "企业设立登记：2026年3月5日 前办结" in page.promise_label.text()
    assert "社会保障卡申领：即办件" in page.promise_label.text()
    case = register(qtbot, dialog)
    assert services.cases.case(case.number).item_codes == ("SCJG-001", "RSJ-001")


def test_closing_before_registering_asks_first(
    qtbot, services, clerk, ticket, monkeypatch, closing_without_asking
):
    dialog = open_form(qtbot, services, clerk, ticket)
    monkeypatch.setattr(CaseEntryDialog, "confirm_discard", staticmethod(lambda parent: False))
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()  # "继续登记"
    monkeypatch.setattr(CaseEntryDialog, "confirm_discard", staticmethod(lambda parent: True))
    with qtbot.waitSignal(dialog.rejected):
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


def test_open_case_entry_opens_a_window_modal_form(qtbot, services, clerk, ticket):
    from PySide6.QtWidgets import QWidget

    console = QWidget()
    qtbot.addWidget(console)
    console.show()
    dialog = open_case_entry(console, services, ticket, clerk, 1)
    assert dialog.isVisible() and dialog.windowModality() == Qt.WindowModality.WindowModal
    assert dialog.parent() is console
    qtbot.waitUntil(dialog.is_ready)
    assert dialog.ticket is ticket and dialog.counter_number == 1
    dialog.close()
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog))  # deleted once closed and idle


# ---- after registration: waiting materials, reopening (首问负责), the timeline ------------------


def registered(services, ticket, outcome, details):
    draft = CaseDraft(
        clerk="1001",
        citizen=Citizen.person("王小明", ID, "13800138000"),
        item_codes=("SCJG-001",),
        ticket=ticket,
    )
    return services.cases.register(draft, outcome, details)


def open_history(qtbot, services, member, case_no=""):
    dialog = CaseHistoryDialog(services, member, 1, case_no=case_no)
    qtbot.addWidget(dialog)
    if case_no:
        with qtbot.waitSignal(dialog.case_loaded):
            dialog.show()
    else:
        dialog.show()
    return dialog


def test_only_the_first_clerk_reopens_and_records_a_new_outcome(qtbot, services, clerk, ticket):
    case = registered(services, ticket, Outcome.ACCEPTED, AcceptedDetails())

    colleague = open_history(qtbot, services, services.staff.get("1002"), case.number)
    assert colleague.reopen_button.isEnabled() and not colleague.outcome_button.isEnabled()
    qtbot.mouseClick(colleague.reopen_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: colleague.message.property("role") == "error")
    assert colleague.message_text() == (
        f"办件 {case.number} 由首问责任人 张敏（工号 1001）负责，只有其本人可以重新打开"
    )
    assert services.cases.case(case.number).status is CaseStatus.CLOSED

    history = open_history(qtbot, services, clerk, case.number)
    assert history.fact_labels["clerk"].text() == "张敏（1001）"
    type_text(qtbot, history.reason_edit, "申请人补充了经营范围")
    with qtbot.waitSignal(history.case_loaded) as blocker:
        qtbot.mouseClick(history.reopen_button, Qt.MouseButton.LeftButton)
    assert blocker.args[0].status is CaseStatus.OPEN
    assert history.outcome_button.isEnabled() and not history.print_button.isEnabled()

    with qtbot.waitSignal(history.entry_opened) as blocker:
        qtbot.mouseClick(history.outcome_button, Qt.MouseButton.LeftButton)
    entry = blocker.args[0]
    qtbot.waitUntil(entry.is_ready)
    qtbot.waitUntil(entry.items_loaded)
    assert entry.citizen.name_edit.text() == "王小明" and entry.items.selected() == ("SCJG-001",)
    assert case.number in entry.context_label.text()
    page = choose(qtbot, entry, Outcome.ONE_TIME_NOTICE)
    page.set_problem(
        "营业执照申请书", "信息与证件不一致", "按营业执照核对经营范围", "与营业执照一致"
    )
    type_text(qtbot, page.guide_edit, GUIDE)
    with qtbot.waitSignal(history.case_loaded) as blocker:
        qtbot.mouseClick(entry.register_button, Qt.MouseButton.LeftButton)
    again = blocker.args[0]
    assert again.number == case.number and again.outcome is Outcome.ONE_TIME_NOTICE
    actions = [e.action for e in again.timeline]
    assert actions == [
        CaseAction.OPENED,
        CaseAction.CLOSED,
        CaseAction.REOPENED,
        CaseAction.UPDATED,
        CaseAction.CLOSED,
    ]
    assert history.timeline.rowCount() == 5
    assert "申请人补充了经营范围" in history.timeline.item(2, 2).text()
    assert history.fact_labels["outcome"].text() == "一次性告知"


def test_waiting_materials_listed_overdue_flagged_and_received(
    qtbot, services, clerk, ticket, clock
):
    details = DeficientDetails(
        missing=(DeferredMaterial("住所使用证明"),), deadline=date(2026, 3, 4)
    )
    case = registered(services, ticket, Outcome.ACCEPTED_DEFICIENT, details)
    clock.advance(days=3)  # Thursday 5 March: past the deadline

    history = open_history(qtbot, services, clerk)
    qtbot.waitUntil(lambda: any(case.number in t for t in history.waiting_texts()))
    (text,) = history.waiting_texts()
    assert "补交期限 2026年3月4日" in text and text.endswith("（已逾期）")
    with qtbot.waitSignal(history.case_loaded):
        qtbot.mouseClick(
            history.waiting_list.viewport(),
            Qt.MouseButton.LeftButton,
            pos=history.waiting_list.visualItemRect(history.waiting_list.item(0)).center(),
        )
    assert history.fact_labels["status"].text() == "待补材料（补交已逾期）"
    assert history.received_button.isEnabled()

    with qtbot.waitSignal(history.case_loaded) as blocker:
        qtbot.mouseClick(history.received_button, Qt.MouseButton.LeftButton)
    assert blocker.args[0].status is CaseStatus.CLOSED
    assert blocker.args[0].timeline[-1].summary == "容缺材料已补齐（逾期补交）"
    qtbot.waitUntil(lambda: history.waiting_texts() == ["没有待补材料的办件"])


def test_documents_printed_again_from_the_history(qtbot, services, clerk, ticket, pdf_printer):
    case = registered(services, ticket, Outcome.ACCEPTED, AcceptedDetails())
    history = CaseHistoryDialog(services, clerk, 1, case_no=case.number, choose_printer=pdf_printer)
    qtbot.addWidget(history)
    with qtbot.waitSignal(history.case_loaded):
        history.show()
    with qtbot.waitSignal(history.preview_opened) as blocker:
        qtbot.mouseClick(history.print_button, Qt.MouseButton.LeftButton)
    preview = blocker.args[0]
    with qtbot.waitSignal(preview.printed):
        qtbot.mouseClick(preview.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: services.cases.case(case.number).timeline[-1].action is CaseAction.PRINTED
    )
