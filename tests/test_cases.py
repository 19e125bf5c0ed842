"""Case entry: one outcome per case, the fields each outcome needs, dates, 首问负责, timeline."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest

from yichuang import casesettings
from yichuang.appointments import AppointmentBook, AppointmentKind, AppointmentStatus
from yichuang.cases import (
    OUTCOME_NAMES,
    AcceptedDetails,
    CaseAction,
    CaseBook,
    CaseChannel,
    CaseDraft,
    CaseKind,
    CaseStatus,
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
    ReferralDetails,
    ScheduledDetails,
)
from yichuang.errors import (
    CaseNotFound,
    DeadlineInPast,
    DeadlineTooLate,
    InvalidCaseState,
    InvalidCreditCode,
    InvalidResidentId,
    ItemNotInCase,
    MaterialNotDeferrable,
    MissingField,
    NotFirstClerk,
    OutcomeRequired,
    PermissionDenied,
)
from yichuang.escalations import EscalationCategory, EscalationStatus
from yichuang.events import EventFeed
from yichuang.hall import HallDirectory
from yichuang.models import CaseRow
from yichuang.services import HallServices
from yichuang.workcalendar import WorkCalendar

ROOT = Path(__file__).resolve().parents[1]
WANG = Citizen.person("王小明", "11010519491231002X", "13800138000", address="测试路8号")
COMPANY = Citizen.enterprise(
    "示范科技有限公司", "91350100M000100Y43", contact_name="李四", phone="0531-66668888"
)
GUIDE = "https://zwfw.example.gov.cn/guide/SCJG-001"


@pytest.fixture
def calendar():
    return WorkCalendar.default()


@pytest.fixture
def book(store, engine, clock, calendar):
    directory = HallDirectory(store)
    appointments = AppointmentBook(store, engine, clock, directory=directory)
    return CaseBook(store, directory, calendar, clock, appointments=appointments)


def served_ticket(engine, service="SCJG-001", counter=1, clerk="1001"):
    engine.sign_in(counter, clerk)
    engine.issue(service)
    engine.call_next(counter)
    return engine.finish(counter)


def open_business(book, citizen=WANG, items=("SCJG-001",), clerk="1001"):
    return book.open_case(None, clerk, citizen, items, CaseKind.BUSINESS, counter=1)


# ---- opening -------------------------------------------------------------------------------------


def test_open_from_a_finished_ticket(book, engine):
    ticket = served_ticket(engine)
    case = book.open_case(ticket, "1001", WANG, ["SCJG-001"])
    assert case.number == "YC20260302-0001"
    assert case.channel is CaseChannel.TICKET
    assert (case.ticket_number, case.counter_number) == ("A001", 1)
    assert case.status is CaseStatus.OPEN and case.outcome is None
    assert (case.first_clerk, case.first_clerk_name) == ("1001", "张敏")
    assert case.item_names == ("企业设立登记",)
    assert [c.number for c in book.cases_for_ticket(ticket.id)] == [case.number]
    (entry,) = case.timeline
    assert entry.action is CaseAction.OPENED and entry.staff_number == "1001"
    assert "A001" in entry.summary


def test_phone_consultation_without_a_ticket_or_a_name(book, clock):
    case = book.open_case(None, "1002", kind=CaseKind.CONSULTATION, channel=CaseChannel.PHONE)
    assert case.channel is CaseChannel.PHONE and case.ticket_number is None
    clock.advance(minutes=4)
    closed = book.close(
        case.number, Outcome.CONSULTED, ConsultedDetails("询问企业设立所需材料，已告知"), "1002"
    )
    assert closed.status is CaseStatus.CLOSED and closed.outcome is Outcome.CONSULTED
    assert closed.closed_at == datetime(2026, 3, 2, 9, 4)
    assert book.documents_for(case.number) == []


def test_case_numbers_run_per_day(book, clock):
    assert open_business(book).number == "YC20260302-0001"
    assert open_business(book).number == "YC20260302-0002"
    clock.advance(days=1)
    assert open_business(book).number == "YC20260303-0001"


def test_numbers_are_checked_when_entered(book):
    with pytest.raises(InvalidResidentId):
        open_business(book, Citizen.person("王小明", "11010519491231002"))
    with pytest.raises(InvalidCreditCode):
        open_business(book, Citizen.enterprise("示范科技有限公司", "91350100M000100Y44"))
    assert CaseRow.select().count() == 0


def test_update_an_open_case(book):
    case = book.open_case(None, "1001", kind=CaseKind.CONSULTATION)
    updated = book.update(
        case.number, "1001", citizen=WANG, item_codes=["RSJ-001"], kind=CaseKind.BUSINESS
    )
    assert updated.citizen.name == "王小明" and updated.item_codes == ("RSJ-001",)
    assert updated.kind is CaseKind.BUSINESS
    assert updated.timeline[-1].action is CaseAction.UPDATED


# ---- the outcome is not optional ----------------------------------------------------------------


def test_there_is_no_reject_outcome():
    assert len(Outcome) == 8
    for outcome in Outcome:
        assert "reject" not in outcome.value
        assert not any(word in OUTCOME_NAMES[outcome] for word in ("驳回", "不予", "拒"))


@pytest.mark.parametrize("outcome", [None, "", "rejected", "驳回"])
def test_closing_without_an_outcome_is_refused(book, outcome):
    case = open_business(book)
    with pytest.raises(OutcomeRequired) as err:
        book.close(case.number, outcome, None, "1001")
    message = err.value.user_message()
    assert "窗口无否决权" in message
    assert all(name in message for name in OUTCOME_NAMES.values())
    assert "choose an outcome" in str(err.value)
    assert book.case(case.number).status is CaseStatus.OPEN


@pytest.mark.parametrize(
    ("citizen", "items", "outcome", "details", "zh", "en"),
    [
        (WANG, ["SCJG-001"], Outcome.CONSULTED, None, "咨询内容", "consultation summary"),
        (Citizen(), ["SCJG-001"], Outcome.COMPLETED, None, "申请人姓名", "applicant name"),
        (Citizen.person("王小明"), ["SCJG-001"], Outcome.ACCEPTED, None, "证件号码", "ID number"),
        (
            Citizen.enterprise("示范科技有限公司"),
            ["SCJG-001"],
            Outcome.ACCEPTED,
            AcceptedDetails(),
            "统一社会信用代码",
            "credit code",
        ),
        (WANG, [], Outcome.ACCEPTED, AcceptedDetails(), "办理事项", "service item"),
        (
            Citizen.person("王小明", "11010519491231002X"),
            ["SCJG-001"],
            Outcome.ACCEPTED_DEFICIENT,
            DeficientDetails(),
            "联系电话",
            "phone",
        ),
        (WANG, ["SCJG-001"], Outcome.ACCEPTED_DEFICIENT, DeficientDetails(), "容缺材料", "missing"),
        (
            WANG,
            ["SCJG-001"],
            Outcome.ACCEPTED_DEFICIENT,
            DeficientDetails(missing=(DeferredMaterial("住所使用证明"),)),
            "补交期限",
            "deadline",
        ),
        (
            WANG,
            ["SCJG-001"],
            Outcome.ACCEPTED_DEFICIENT,
            DeficientDetails(
                missing=(DeferredMaterial("住所使用证明"),),
                deadline=date(2026, 3, 4),
                consequence="",
            ),
            "逾期后果",
            "consequence",
        ),
        (WANG, ["SCJG-001"], Outcome.ONE_TIME_NOTICE, None, "需补正的材料", "problems"),
        (
            WANG,
            ["SCJG-001"],
            Outcome.ONE_TIME_NOTICE,
            OneTimeNoticeDetails(
                problems=(NoticeProblem("营业执照申请书", "未签字"),), guide_url=GUIDE
            ),
            "补正方法（营业执照申请书）",
            "how to fix",
        ),
        (
            WANG,
            ["SCJG-001"],
            Outcome.ONE_TIME_NOTICE,
            OneTimeNoticeDetails(
                problems=(NoticeProblem("营业执照申请书", "未签字", "法定代表人签字"),),
                guide_url=GUIDE,
            ),
            "合格标准（营业执照申请书）",
            "standard",
        ),
        (
            WANG,
            ["SCJG-001"],
            Outcome.ONE_TIME_NOTICE,
            OneTimeNoticeDetails(
                problems=(NoticeProblem("营业执照申请书", "未签字", "签字", "法定代表人亲笔签字"),)
            ),
            "网上办事指南网址",
            "online guide",
        ),
        (
            WANG,
            ["SCJG-001", "RSJ-001"],
            Outcome.ONE_TIME_NOTICE,
            OneTimeNoticeDetails(
                problems=(NoticeProblem("营业执照申请书", "未签字", "签字", "亲笔签字"),),
                guide_url=GUIDE,
            ),
            "所属事项（营业执照申请书）",
            "item of",
        ),
        (
            Citizen(),
            [],
            Outcome.REFERRED,
            ReferralDetails(matter="办理护照"),
            "前往部门",
            "department",
        ),
        (
            Citizen(),
            [],
            Outcome.REFERRED,
            ReferralDetails("办理护照", "市公安局出入境管理支队", "人民路1号", "0531-12345678"),
            "办公时间",
            "office hours",
        ),
        (WANG, [], Outcome.ESCALATED, EscalatedDetails(), "问题类别", "category"),
        (
            WANG,
            [],
            Outcome.ESCALATED,
            EscalatedDetails(EscalationCategory.CANNOT, "  "),
            "问题描述",
            "description",
        ),
        (
            Citizen.person("王小明"),
            [],
            Outcome.ESCALATED,
            EscalatedDetails(EscalationCategory.CANNOT, "情况说明"),
            "联系电话",
            "phone",
        ),
        (WANG, ["SCJG-001"], Outcome.SCHEDULED, ScheduledDetails(), "特殊办类型", "kind"),
        (
            WANG,
            ["SCJG-001"],
            Outcome.SCHEDULED,
            ScheduledDetails(
                AppointmentKind.EARLY, datetime(2026, 3, 3, 8), datetime(2026, 3, 3, 8, 30)
            ),
            "服务人员",
            "serving staff",
        ),
        (
            Citizen.person("王小明", phone="13800138000"),
            ["SCJG-001"],
            Outcome.SCHEDULED,
            ScheduledDetails(
                AppointmentKind.HOME_VISIT,
                datetime(2026, 3, 3, 14),
                datetime(2026, 3, 3, 15),
                staff_number="1001",
            ),
            "上门地址",
            "home visit address",
        ),
    ],
)
def test_required_fields_are_named(book, citizen, items, outcome, details, zh, en):
    case = book.open_case(None, "1001", citizen, items)
    with pytest.raises(MissingField) as err:
        book.close(case.number, outcome, details, "1001")
    assert zh in err.value.user_message()
    assert en in str(err.value)
    after = book.case(case.number)
    assert after.status is CaseStatus.OPEN and after.outcome is None
    assert after.escalation_no is None and after.appointment_no is None
    assert [e.action for e in after.timeline] == [CaseAction.OPENED]


def test_register_opens_and_closes_at_once_or_not_at_all(book):
    draft = CaseDraft(clerk="1001", citizen=WANG, item_codes=("RSJ-001",), counter=2)
    with pytest.raises(MissingField):
        book.register(draft, Outcome.CONSULTED, ConsultedDetails(""))
    assert CaseRow.select().count() == 0
    case = book.register(draft, Outcome.COMPLETED, CompletedDetails("社保卡已制发"))
    assert case.number == "YC20260302-0001"
    assert case.outcome is Outcome.COMPLETED and case.details == CompletedDetails("社保卡已制发")
    assert [e.action for e in case.timeline] == [CaseAction.OPENED, CaseAction.CLOSED]


def test_a_closed_case_cannot_be_closed_again(book):
    case = open_business(book)
    book.close(case.number, Outcome.COMPLETED, None, "1001")
    with pytest.raises(InvalidCaseState) as err:
        book.close(case.number, Outcome.CONSULTED, ConsultedDetails("x"), "1001")
    assert "已出结果" in err.value.user_message()
    with pytest.raises(CaseNotFound):
        book.case("YC20990101-0001")


# ---- 受理: the promised date in working days ---------------------------------------------------


def test_accepted_before_may_day_promises_after_the_holiday(book, clock):
    # Thursday 30 April 2026: 1-5 May is the Labour Day holiday; 3 working days end Friday 8 May
    clock.now = datetime(2026, 4, 30, 10, 0)
    case = open_business(book)
    closed = book.close(case.number, Outcome.ACCEPTED, AcceptedDetails(), "1001")
    assert closed.promised_on == date(2026, 5, 8)
    (promise,) = closed.promises
    assert (promise.item_code, promise.working_days) == ("SCJG-001", 3)
    assert "2026年5月8日" in closed.timeline[-1].summary
    # the catalog's non-optional materials are taken in by default
    assert closed.details.received == (
        MaterialReceipt("营业执照申请书", "原件", 1, "SCJG-001"),
        MaterialReceipt("住所使用证明", "原件", 1, "SCJG-001"),
    )
    assert closed.details.collect_place  # a default place to collect the result


def test_make_up_saturday_counts_and_weekends_do_not(book, clock, calendar):
    # Friday 8 May 2026; Saturday 9 May is a make-up working day (调休上班)
    assert book.promise("SCJG-001", date(2026, 5, 8)).promised_on == date(2026, 5, 12)
    # an ordinary Friday: Monday, Tuesday, Wednesday
    assert book.promise("SCJG-001", date(2026, 3, 6)).promised_on == date(2026, 3, 11)
    # Friday before 清明 (4-6 April 2026)
    assert book.promise("SCJG-001", date(2026, 4, 3)).promised_on == date(2026, 4, 9)
    # an item without a promised limit falls back to its statutory limit (20 working days)
    assert book.promise("RSJ-002", date(2026, 3, 2)).working_days == 20
    assert book.promise("RSJ-001", date(2026, 3, 2)).promised_on == date(2026, 3, 2)  # 即办件


def test_accepted_with_the_materials_received(book):
    case = open_business(book, COMPANY)
    received = (MaterialReceipt("营业执照申请书", "原件及复印件", 2),)
    closed = book.close(
        case.number, Outcome.ACCEPTED, AcceptedDetails(received, "一楼A区3号窗口"), "1002"
    )
    assert closed.details.received == (
        MaterialReceipt("营业执照申请书", "原件及复印件", 2, "SCJG-001"),
    )
    assert closed.details.collect_place == "一楼A区3号窗口"
    assert closed.closed_by == "1002" and closed.first_clerk == "1001"


# ---- 容缺受理 ---------------------------------------------------------------------------------


def deficient(deadline=date(2026, 3, 5), name="住所使用证明", **extra):
    return DeficientDetails(missing=(DeferredMaterial(name, **extra),), deadline=deadline)


def test_deficient_acceptance_waits_for_the_materials(book, clock):
    case = open_business(book)
    assert [m.name for m in book.deferrable_materials(case.number)] == ["住所使用证明"]
    closed = book.close(case.number, Outcome.ACCEPTED_DEFICIENT, deficient(), "1001")
    assert closed.status is CaseStatus.AWAITING_MATERIALS
    assert closed.status_name == "待补材料"
    assert closed.materials_deadline == date(2026, 3, 5)
    assert closed.promised_on == date(2026, 3, 5)  # Mon + 3 working days
    (missing,) = closed.details.missing
    assert missing.item_code == "SCJG-001" and missing.how_to_supply  # defaults filled in
    assert [m.name for m in closed.details.received] == ["营业执照申请书"]
    assert not closed.materials_overdue
    assert [c.number for c in book.awaiting_materials()] == [case.number]

    clock.now = datetime(2026, 3, 5, 17, 0)  # the deadline day itself is not late
    assert not book.case(case.number).materials_overdue
    assert book.overdue() == []
    clock.now = datetime(2026, 3, 6, 9, 0)
    assert book.case(case.number).materials_overdue
    assert [c.number for c in book.overdue()] == [case.number]

    done = book.materials_received(case.number, "1002")
    assert done.status is CaseStatus.CLOSED and not done.materials_overdue
    assert done.materials_received_at == datetime(2026, 3, 6, 9, 0)
    assert "逾期补交" in done.timeline[-1].summary
    assert done.timeline[-1].staff_number == "1002"
    assert book.overdue() == []
    with pytest.raises(InvalidCaseState):
        book.materials_received(case.number, "1002")


def test_the_deadline_never_passes_the_promised_date(book):
    case = open_business(book)
    with pytest.raises(DeadlineTooLate) as err:
        book.close(case.number, Outcome.ACCEPTED_DEFICIENT, deficient(date(2026, 3, 6)), "1001")
    message = err.value.user_message()
    assert "2026年3月6日" in message and "2026年3月5日" in message and "企业设立登记" in message
    with pytest.raises(DeadlineInPast):
        book.close(case.number, Outcome.ACCEPTED_DEFICIENT, deficient(date(2026, 3, 1)), "1001")
    assert book.case(case.number).status is CaseStatus.OPEN


def test_only_deferrable_materials_may_be_missing(book):
    case = open_business(book)
    for name in ("营业执照申请书", "不存在的材料"):
        with pytest.raises(MaterialNotDeferrable) as err:
            book.close(case.number, Outcome.ACCEPTED_DEFICIENT, deficient(name=name), "1001")
        assert name in err.value.user_message()
        assert "容缺" in err.value.user_message()
    with pytest.raises(ItemNotInCase):
        book.close(case.number, Outcome.ACCEPTED_DEFICIENT, deficient(item_code="RSJ-001"), "1001")


# ---- the other outcomes ----------------------------------------------------------------------------


def test_one_time_notice_fills_in_from_the_catalog(book):
    case = open_business(book)
    problems = (
        NoticeProblem("营业执照申请书", "未签字", "由法定代表人签字", "法定代表人亲笔签字"),
        NoticeProblem("住所使用证明", "缺少", "提供房产证或租赁合同", "与申请书地址一致"),
    )
    closed = book.close(
        case.number,
        Outcome.ONE_TIME_NOTICE,
        OneTimeNoticeDetails(problems, guide_url=GUIDE),
        "1001",
    )
    assert closed.outcome is Outcome.ONE_TIME_NOTICE and closed.status is CaseStatus.CLOSED
    assert [p.item_code for p in closed.details.problems] == ["SCJG-001", "SCJG-001"]
    assert closed.details.legal_basis.startswith("《中华人民共和国行政许可法》")
    assert "告知 2 项" in closed.timeline[-1].summary


def test_referral_picked_from_the_catalog(book):
    case = book.open_case(None, "1001", kind=CaseKind.CONSULTATION)
    referral = book.referral_from_catalog("RSJ-001")
    assert referral.department == "区人力资源和社会保障局"
    assert referral.floor == "二楼B区" and referral.address == "测试路1号"
    assert referral.phone == "0531-88880000" and referral.bring == ("居民身份证",)
    with pytest.raises(MissingField) as err:  # the small catalog has no office hours
        book.close(case.number, Outcome.REFERRED, referral, "1001")
    assert "办公时间" in err.value.user_message()
    closed = book.close(
        case.number, Outcome.REFERRED, replace(referral, hours="工作日 9:00-17:00"), "1001"
    )
    assert closed.details.matter == "社会保障卡申领"
    assert "区人力资源和社会保障局" in closed.timeline[-1].summary


def test_escalation_gets_a_number_and_a_reply_date(book, calendar, clock):
    case = book.open_case(None, "1001", WANG, ["SCJG-001"])
    closed = book.close(
        case.number,
        Outcome.ESCALATED,
        EscalatedDetails(EscalationCategory.HARD, "住所证明无法取得，需协调"),
        "1001",
    )
    assert closed.escalation_no == "BBCS-20260302-001"
    escalation = book.escalations.get(closed.escalation_no)
    assert escalation.case_no == case.number and escalation.citizen.name == "王小明"
    assert escalation.reply_by == calendar.add_working_days(date(2026, 3, 2), 3)
    assert escalation.handler_name == "“办不成事”反映窗口"
    assert escalation.status is EscalationStatus.OPEN
    assert "BBCS-20260302-001" in closed.timeline[-1].summary


def test_escalation_desk_limits_answers_and_overdue(book, store, clock):
    desk = book.escalations
    monday = date(2026, 3, 2)
    assert desk.reply_deadline(EscalationCategory.CANNOT) == date(2026, 3, 3)
    assert desk.reply_deadline(EscalationCategory.NEGLECTED) == date(2026, 3, 3)
    assert desk.reply_deadline(EscalationCategory.SPECIAL) == date(2026, 3, 11)
    assert desk.reply_deadline(EscalationCategory.CANNOT, complex=True) == date(2026, 3, 23)
    with store.write():
        casesettings.put_escalation_reply_days({"不能办": 2})
    assert desk.reply_deadline(EscalationCategory.CANNOT, on=monday) == date(2026, 3, 4)

    first = desk.create(category="不能办", description="咨询无法律依据的事项", created_by="1001")
    second = desk.create(
        category="特殊办", description="周末办理", created_by="1001", handler="1002"
    )
    assert second.number == "BBCS-20260302-002" and second.handler_name == "李强"
    clock.now = datetime(2026, 3, 5, 9, 0)
    assert [e.number for e in desk.overdue()] == [first.number]
    assert desk.get(first.number).overdue
    with pytest.raises(PermissionDenied):
        desk.answer(first.number, "已解释相关规定", by="1002")  # a clerk may not close it
    answered = desk.answer(first.number, "已解释相关规定并引导", by="0001")
    assert answered.status is EscalationStatus.ANSWERED and answered.answered_by == "0001"
    assert [e.number for e in desk.open_escalations()] == [second.number]
    assert desk.overdue() == []


def test_scheduled_books_an_appointment(book):
    case = open_business(book)
    closed = book.close(
        case.number,
        Outcome.SCHEDULED,
        ScheduledDetails(
            AppointmentKind.AFTER_HOURS,
            datetime(2026, 3, 3, 17, 30),
            datetime(2026, 3, 3, 18, 0),
            staff_number="1002",
        ),
        "1001",
    )
    assert closed.appointment_no == "YY20260302-001"
    appointment = book.appointments.get(closed.appointment_no)
    assert appointment.case_no == case.number
    assert appointment.status is AppointmentStatus.BOOKED
    assert appointment.created_by == "1001" and appointment.staff_number == "1002"
    assert closed.details.item_code == "SCJG-001"


# ---- 首问负责 and the timeline -------------------------------------------------------------


def test_only_the_first_clerk_reopens(book, clock):
    case = open_business(book)
    book.close(case.number, Outcome.COMPLETED, None, "1001")
    with pytest.raises(NotFirstClerk) as err:
        book.reopen(case.number, "1002")
    assert isinstance(err.value, PermissionDenied)
    message = err.value.user_message()
    assert "首问责任人" in message and "张敏" in message and "1001" in message
    assert "first clerk" in str(err.value)
    clock.advance(minutes=30)
    reopened = book.reopen(case.number, "1001", reason="市民补充了新情况")
    assert reopened.status is CaseStatus.OPEN and reopened.outcome is None
    assert reopened.closed_at is None
    with pytest.raises(InvalidCaseState):
        book.reopen(case.number, "1001")
    again = book.close(case.number, Outcome.ACCEPTED, AcceptedDetails(), "1001")
    assert again.outcome is Outcome.ACCEPTED


def test_reopening_a_scheduled_case_cancels_its_booked_appointment(book):
    case = open_business(book)
    slot = (datetime(2026, 3, 3, 17, 30), datetime(2026, 3, 3, 18, 0))
    details = ScheduledDetails(AppointmentKind.AFTER_HOURS, *slot, staff_number="1002")
    first = book.close(case.number, Outcome.SCHEDULED, details, "1001").appointment_no
    book.reopen(case.number, "1001", reason="市民改约")
    assert book.appointments.get(first).status is AppointmentStatus.CANCELLED
    # the same staff member and time can be booked again: the first booking let go of them
    again = book.close(case.number, Outcome.SCHEDULED, details, "1001")
    assert again.appointment_no != first
    assert book.appointments.get(again.appointment_no).status is AppointmentStatus.BOOKED


def test_an_escalated_case_is_not_reopened_while_the_desk_works_on_it(book):
    case = open_business(book)
    details = EscalatedDetails(EscalationCategory.HARD, "住所证明无法取得，需协调")
    number = book.close(case.number, Outcome.ESCALATED, details, "1001").escalation_no
    with pytest.raises(InvalidCaseState) as err:
        book.reopen(case.number, "1001")
    assert number in err.value.user_message()
    book.escalations.answer(number, "已协调住建部门出具证明", by="0001")
    assert book.reopen(case.number, "1001").status is CaseStatus.OPEN
    assert len(book.escalations.for_case(case.number)) == 1


def test_the_timeline_says_who_did_what_and_when(book, clock):
    case = open_business(book)
    clock.advance(minutes=5)
    book.close(case.number, Outcome.ACCEPTED_DEFICIENT, deficient(), "1001")
    clock.advance(minutes=1)
    book.record_printed(case.number, "1001", ["容缺受理告知书（明白纸）"])
    clock.advance(days=1)
    book.add_note(case.number, "1002", "电话提醒市民补交材料")
    clock.advance(hours=2)
    book.materials_received(case.number, "1002")
    clock.advance(hours=1)
    final = book.reopen(case.number, "1001", "材料有误")
    timeline = final.timeline
    assert [e.action for e in timeline] == [
        CaseAction.OPENED,
        CaseAction.CLOSED,
        CaseAction.PRINTED,
        CaseAction.NOTE,
        CaseAction.MATERIALS_RECEIVED,
        CaseAction.REOPENED,
    ]
    assert [e.staff_number for e in timeline] == ["1001", "1001", "1001", "1002", "1002", "1001"]
    assert [e.staff_name for e in timeline][:2] == ["张敏", "张敏"]
    assert [e.at for e in timeline] == sorted(e.at for e in timeline)
    assert timeline[1].at == datetime(2026, 3, 2, 9, 5)
    assert "容缺受理" in timeline[1].summary and "2026年3月5日" in timeline[1].summary
    assert timeline[3].summary == "电话提醒市民补交材料"
    assert "原结果：容缺受理" in timeline[5].summary and "材料有误" in timeline[5].summary
    assert timeline[5].detail["previous_outcome"] == "accepted_deficient"


def test_the_event_log_has_numbers_not_names(book, store):
    feed = EventFeed(store)
    last = feed.latest_id()
    case = open_business(book)
    book.close(case.number, Outcome.ACCEPTED, AcceptedDetails(), "1001")
    events = feed.after(last)
    assert [e.kind for e in events] == ["case_opened", "case_closed"]
    assert events[1].payload["case"] == case.number
    assert events[1].payload["outcome"] == "accepted"
    assert "王小明" not in repr([e.payload for e in events])


def test_the_core_imports_no_qt():
    script = (
        "import sys, yichuang.cases, yichuang.appointments, yichuang.escalations, "
        "yichuang.qrsign, yichuang.idcheck, yichuang.services\n"
        "print(' '.join(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'desktop')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""


def test_hall_services_bundle_the_case_services(store, clock):
    services = HallServices.for_store(store, clock=clock)
    assert services.cases.appointments is services.appointments
    assert services.cases.escalations is services.escalations
    assert services.appointments.engine is services.engine
    assert services.calendar.is_working_day(date(2026, 2, 14))  # a 调休 Saturday
    case = services.cases.open_case(None, "1001", WANG, ["SCJG-001"])
    closed = services.cases.close(case.number, Outcome.ACCEPTED, AcceptedDetails(), "1001")
    assert closed.promised_on == date(2026, 3, 5)
