"""From a closed case to paper and back: documents_for() rendered, read back with pypdf, and the
appointment slip's QR decoded from the rendered page, verified and checked in."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest

from printing import (
    AcceptanceNotice,
    AppointmentSlip,
    DeficiencyNotice,
    OneTimeNotice,
    ReferralSlip,
    ReplyCard,
    render,
)
from tests.printing.pdfcheck import all_text, decode_qr_codes, needs_pdftoppm, page_texts
from yichuang import qrsign
from yichuang.appointments import (
    AppointmentBook,
    AppointmentKind,
    AppointmentRequest,
    AppointmentStatus,
)
from yichuang.cases import (
    AcceptedDetails,
    CaseBook,
    CaseKind,
    Citizen,
    ConsultedDetails,
    DeferredMaterial,
    DeficientDetails,
    EscalatedDetails,
    NoticeProblem,
    OneTimeNoticeDetails,
    Outcome,
    ScheduledDetails,
)
from yichuang.errors import QrForged, QrWrongDay
from yichuang.escalations import EscalationCategory
from yichuang.hall import HallDirectory
from yichuang.qrsign import QrConfig, QrMode
from yichuang.queue import TicketKind
from yichuang.workcalendar import WorkCalendar

WANG = Citizen.person("王小明", "11010519491231002X", "13800138000", address="测试路8号3单元")
COMPANY = Citizen.enterprise(
    "示范科技有限公司", "91350100M000100Y43", contact_name="李四", phone="0531-66668888"
)
GUIDE = "https://zwfw.example.gov.cn/guide/SCJG-001"
TOMORROW = date(2026, 3, 3)


@pytest.fixture
def book(store, engine, clock):
    directory = HallDirectory(store)
    appointments = AppointmentBook(store, engine, clock, directory=directory)
    return CaseBook(store, directory, WorkCalendar.default(), clock, appointments=appointments)


def closed_case(book, outcome, details, citizen=WANG, items=("SCJG-001",)):
    case = book.open_case(None, "1001", citizen, items, CaseKind.BUSINESS, counter=1)
    return book.close(case.number, outcome, details, "1001")


def test_no_document_for_a_consultation(book):
    case = closed_case(book, Outcome.CONSULTED, ConsultedDetails("咨询办理时间"))
    assert book.documents_for(case.number) == []


def test_acceptance_notice(book):
    case = closed_case(book, Outcome.ACCEPTED, AcceptedDetails())
    (doc,) = book.documents_for(case.number)
    assert isinstance(doc, AcceptanceNotice)
    assert doc.citizen.id_number == "11010519491231002X"  # full: the renderer masks
    assert (doc.promised_on, doc.promised_working_days) == (date(2026, 3, 5), 3)
    assert doc.header.clerk_no == "1001" and doc.header.counter == "1号窗口"
    assert doc.department == "区市场监督管理局"
    text = all_text(render(doc))
    for expected in (
        "受理通知书",
        case.number,
        "王小明",
        "企业设立登记",
        "2026年3月5日",
        "营业执照申请书",
        "住所使用证明",
        "测试区政务服务中心",
        "区市场监督管理局",
        "经办人工号：1001",
        "110105********002X",
    ):
        assert expected in text, expected
    assert "11010519491231002X" not in text
    assert "13800138000" not in text


def test_deficiency_notice_prints_two_copies_with_the_commitment(book):
    details = DeficientDetails(
        missing=(DeferredMaterial("住所使用证明", standard="与申请书地址一致"),),
        deadline=date(2026, 3, 4),
    )
    case = closed_case(book, Outcome.ACCEPTED_DEFICIENT, details, citizen=COMPANY)
    (doc,) = book.documents_for(case.number)
    assert isinstance(doc, DeficiencyNotice)
    assert doc.citizen.credit_code == "91350100M000100Y43"
    pages = page_texts(render(doc))
    joined = "".join(pages)
    assert "第一联" in joined and "第二联" in joined
    for copy in ("第一联", "第二联"):  # each copy is complete: materials and commitment
        text = "".join(p for p in pages if copy in p)
        assert "住所使用证明" in text and "承诺书" in text and "2026年3月4日" in text
    for expected in (
        "容缺受理告知书",
        case.number,
        "示范科技有限公司",
        "91350100M000100Y43",
        "2026年3月4日",
        "与申请书地址一致",
        "携带原件到受理窗口补交",
        "承诺书",
        "逾期",
    ):
        assert expected in joined, expected
    assert joined.count("承诺书") >= 2


@needs_pdftoppm
def test_one_time_notice_lists_everything_and_its_qr_opens_the_guide(book, tmp_path):
    problems = (
        NoticeProblem(
            "营业执照申请书", "未签字", "由法定代表人签字", "法定代表人亲笔签字", "申请书样表"
        ),
        NoticeProblem("住所使用证明", "缺少", "提供房产证或租赁合同", "与申请书地址一致"),
    )
    case = closed_case(
        book, Outcome.ONE_TIME_NOTICE, OneTimeNoticeDetails(problems, guide_url=GUIDE)
    )
    (doc,) = book.documents_for(case.number)
    assert isinstance(doc, OneTimeNotice)
    pdf = render(doc)
    text = all_text(pdf)
    for expected in (
        "一次性告知书",
        "未签字",
        "由法定代表人签字",
        "提供房产证或租赁合同",
        "申请书样表",
        "共2项",
    ):
        assert expected in text, expected
    assert GUIDE in decode_qr_codes(pdf, tmp_path)


def test_referral_slip(book):
    case = book.open_case(None, "1002", kind=CaseKind.CONSULTATION, counter=2)
    referral = book.referral_from_catalog("RSJ-001")
    book.close(case.number, Outcome.REFERRED, replace(referral, hours="工作日 9:00-17:00"), "1002")
    (doc,) = book.documents_for(case.number)
    assert isinstance(doc, ReferralSlip)
    text = all_text(render(doc))
    for expected in (
        "指路牌",
        "社会保障卡申领",
        "区人力资源和社会保障局",
        "二楼B区",
        "工作日9:00-17:00",
        "居民身份证",
    ):
        assert expected in text, expected


def test_reply_card(book):
    case = closed_case(
        book,
        Outcome.ESCALATED,
        EscalatedDetails(EscalationCategory.NEGLECTED, "材料齐全但窗口一直未受理"),
        items=(),
    )
    (doc,) = book.documents_for(case.number)
    assert isinstance(doc, ReplyCard)
    assert doc.escalation_no == "BBCS-20260302-001"
    assert doc.reply_by == date(2026, 3, 3)
    text = all_text(render(doc))
    for expected in (
        "答复卡",
        "BBCS-20260302-001",
        "不给办·拖着办",
        "材料齐全但窗口一直未受理",
        "2026年3月3日",
        "138****8000",
    ):
        assert expected in text, expected


def scheduled(book):
    return closed_case(
        book,
        Outcome.SCHEDULED,
        ScheduledDetails(
            AppointmentKind.EARLY,
            datetime(2026, 3, 3, 8, 0),
            datetime(2026, 3, 3, 8, 30),
            staff_number="1002",
        ),
    )


@needs_pdftoppm
@pytest.mark.parametrize(
    "config",
    [
        QrConfig(QrMode.TEXT),
        QrConfig(QrMode.URL, "https://zwfw.example.gov.cn/yy?no={no}&d={date}&h={hall}&s={sig}"),
        QrConfig(QrMode.VEVENT),
    ],
    ids=lambda c: c.mode.value,
)
def test_appointment_slip_qr_scans_back_and_checks_in(book, store, engine, clock, tmp_path, config):
    with store.write():
        qrsign.put_qr_config(config)
    case = scheduled(book)
    (slip,) = book.documents_for(case.number)
    assert isinstance(slip, AppointmentSlip)
    assert (slip.appointment_no, slip.kind, slip.staff_name) == ("YY20260302-001", "提前办", "李强")
    pdf = render(slip)
    text = all_text(pdf)
    for expected in (
        "预约服务单",
        "YY20260302-001",
        "企业设立登记",
        "2026年3月3日",
        "08:00",
        "营业执照申请书",
    ):
        assert expected in text, expected

    (scanned,) = decode_qr_codes(pdf, tmp_path)
    assert scanned.replace("\r\n", "\n") == slip.qr_payload.replace("\r\n", "\n")
    key = qrsign.hall_key(store)
    ref = qrsign.verify(key, scanned, TOMORROW, config.url_template)
    assert ref.appointment_no == "YY20260302-001"
    if config.mode is QrMode.TEXT:
        assert "企业设立登记" in scanned and "王小明" not in scanned  # readable, not personal

    with pytest.raises(QrWrongDay):
        book.appointments.check_in(scanned)  # the slip is for tomorrow
    clock.now = datetime(2026, 3, 3, 7, 55)
    tampered = scanned.replace("YY20260302-001", "YY20260302-002")
    with pytest.raises(QrForged):
        book.appointments.check_in(tampered)
    result = book.appointments.check_in(scanned)
    assert result.appointment.status is AppointmentStatus.CHECKED_IN
    assert result.ticket.ticket.kind is TicketKind.APPOINTMENT
    assert result.ticket.ticket.appointment_no == "YY20260302-001"
    assert engine.waiting(["A"])[0].number == result.ticket.ticket.number


def test_staff_schedule_renders(book):
    scheduled(book)
    visit = book.appointments.book(
        AppointmentRequest(
            kind=AppointmentKind.HOME_VISIT,
            item_code="RSJ-001",
            citizen=WANG,
            start=datetime(2026, 3, 3, 14, 0),
            end=datetime(2026, 3, 3, 15, 0),
            staff_number="1002",
        )
    )
    schedule = book.appointments.staff_schedule("1002", TOMORROW, printed_by="0001")
    assert [e.appointment_no for e in schedule.entries] == ["YY20260302-001", visit.number]
    text = all_text(render(schedule))
    for expected in ("预约服务日程", "李强", "上门办", "测试路8号3单元", "王*明", "138****8000"):
        assert expected in text, expected
