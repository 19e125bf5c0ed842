"""Realistic sample documents for previews, tests and the benchmark (fictional people)."""

from __future__ import annotations

from datetime import date, datetime, time

from .documents import (
    AcceptanceNotice,
    AppointmentSlip,
    Citizen,
    DeficiencyNotice,
    Document,
    DocumentHeader,
    MissingMaterial,
    NoticeItem,
    OneTimeNotice,
    ReceivedMaterial,
    ReferralSlip,
    ReplyCard,
    ScheduleEntry,
    StaffSchedule,
    TicketSlip,
)

HALL = "成都市武侯区政务服务中心"
HALL_PHONE = "028-85551234"
ISSUED = datetime(2024, 5, 20, 10, 31)

# A checksum-valid resident ID (GB 11643) and a mobile number, both fictional.
CITIZEN = Citizen(name="张晓梅", id_number="510107199003071228", phone="13812345678")
COMPANY = Citizen(
    name="成都蜀锦文化传播有限公司",
    phone="13987654321",
    credit_code="91510107MA6C8XXX1Q",
)
GUIDE_URL = "https://zwfw.sc.gov.cn/guide/item/510107-00012345?from=yichuang"
APPOINTMENT_QR = (
    "YC1:APPT:WH20240525-0007:2024-05-25T09:00:"
    "sig=MEUCIQDk3x9Zq2l7s0b6PqA1bq8vJt2xVQm0u4f3Yb7nJm0zYwIgK9s7Dq"
)


def header(document_no: str, counter: str = "3号窗口", clerk_no: str = "WH1023") -> DocumentHeader:
    return DocumentHeader(
        hall_name=HALL,
        hall_phone=HALL_PHONE,
        document_no=document_no,
        issued_at=ISSUED,
        clerk_no=clerk_no,
        counter=counter,
    )


def ticket_slip() -> TicketSlip:
    return TicketSlip(
        header=header("T20240520-A015", counter="", clerk_no="DB007"),
        ticket_no="A015",
        service_name="不动产登记综合窗口",
        waiting_ahead=6,
        estimated_wait_minutes=18,
        green_channel=True,
        appointment_no="WH20240520-0031",
    )


def acceptance_notice() -> AcceptanceNotice:
    return AcceptanceNotice(
        header=header("SL-2024-052001"),
        case_no="WH2024052000117",
        citizen=CITIZEN,
        item_name="食品经营许可（新办）",
        accepted_on=date(2024, 5, 20),
        promised_on=date(2024, 5, 29),
        promised_working_days=7,
        materials=(
            ReceivedMaterial("食品经营许可申请书"),
            ReceivedMaterial("营业执照", "复印件"),
            ReceivedMaterial("法定代表人身份证明", "原件及复印件", 2),
            ReceivedMaterial("与食品经营相适应的主要设备设施布局、操作流程等文件"),
            ReceivedMaterial("食品安全自查、从业人员健康管理等食品安全管理制度"),
        ),
        collect_place="武侯区政务服务中心一楼 综合出件窗口（18号窗口），或选择免费邮寄送达",
        enquiry_phone="028-85551234 转 8018",
        department="武侯区市场监督管理局",
    )


def deficiency_notice() -> DeficiencyNotice:
    return DeficiencyNotice(
        header=header("RQ-2024-052003"),
        case_no="WH2024052000121",
        citizen=COMPANY,
        item_name="公共场所卫生许可（新办）",
        accepted_on=date(2024, 5, 20),
        missing=(
            MissingMaterial(
                "公共场所卫生检测报告",
                "补交原件1份，现场或邮寄至承办窗口",
                "由具备资质的检测机构出具，检测日期在申请日前一年内，加盖检测机构公章",
            ),
            MissingMaterial(
                "从业人员健康合格证明",
                "补交复印件，核验原件",
                "每名从业人员一份，在有效期内",
            ),
        ),
        deadline=date(2024, 5, 31),
        supply_place="武侯区政务服务中心二楼 卫生健康窗口（26号窗口）",
    )


def one_time_notice() -> OneTimeNotice:
    return OneTimeNotice(
        header=header("YC-2024-052002"),
        case_no="WH2024052000119",
        citizen=CITIZEN,
        item_name="个体工商户设立登记",
        problems=(
            NoticeItem(
                "个体工商户登记（备案）申请书",
                "经营范围填写不规范",
                "按《国民经济行业分类》规范表述重新填写",
                "经营者本人签字，不得涂改",
                "个体工商户登记申请书（样表）",
            ),
            NoticeItem(
                "经营场所使用证明",
                "租赁合同缺少出租方签章",
                "补充出租方签字或盖章，并附产权证明复印件",
                "租赁期限覆盖申请之日，地址与申请书一致",
                "经营场所使用证明（样表）",
            ),
            NoticeItem(
                "经营者身份证明",
                "身份证复印件模糊不清",
                "重新提供清晰的正反面复印件",
                "A4纸复印，字迹清晰可辨",
            ),
        ),
        guide_url=GUIDE_URL,
        resubmit_place="本中心一楼 市场主体登记窗口（5—8号窗口）",
    )


def referral_slip() -> ReferralSlip:
    return ReferralSlip(
        header=header("ZL-2024-052004"),
        matter="城乡居民基本医疗保险参保登记",
        department="武侯区医疗保障局 医保经办窗口",
        counter="21号窗口",
        address="成都市武侯区武侯祠大街 266 号 政务服务中心",
        floor="二楼 东区",
        contact="李建国（窗口负责人）",
        phone="028-85551234 转 8021",
        hours="工作日 9:00—12:00，13:30—17:00；周六上午 9:00—12:00",
        bring=("本人有效身份证件原件", "户口簿原件", "银行卡（用于代扣缴费，可选）"),
        steps=(
            "到二楼东区取号机选择“医保业务”取号。",
            "叫号后到 21 号窗口提交材料。",
            "窗口核验后当场办结，领取参保凭证。",
        ),
        guide_url="https://zwfw.sc.gov.cn/guide/item/510107-ybcb01",
        citizen_name="王大伟",
    )


def reply_card() -> ReplyCard:
    return ReplyCard(
        header=header("DF-2024-052005"),
        escalation_no="BBC-2024-0042",
        category="很难办",
        citizen=Citizen(name="刘秀英", id_number="510107195811020025", phone="13700001111"),
        matter="老旧小区房屋因原始档案缺失，无法提供不动产首次登记所需的竣工验收材料。",
        handler_name="陈志强",
        handler_phone="028-85551234 转 8088",
        reply_by=date(2024, 6, 7),
        desk_location="一楼大厅东侧 “办不成事”反映窗口（1号窗口）",
    )


def appointment_slip() -> AppointmentSlip:
    return AppointmentSlip(
        header=header("YY-2024-052006"),
        appointment_no="WH20240525-0007",
        kind="节假日办",
        day=date(2024, 5, 25),
        start=time(9, 0),
        end=time(10, 0),
        place="武侯区政务服务中心一楼 综合受理区 12号窗口",
        citizen=Citizen(name="赵敏", id_number="510107199208154422", phone="15900002222"),
        item_name="出生医学证明、户口登记、医保参保“一件事”",
        staff_name="周丽",
        staff_phone="028-85551234 转 8012",
        qr_payload=APPOINTMENT_QR,
        materials=("父母双方身份证原件", "结婚证原件", "出生医学证明（医院已签发的）"),
    )


def staff_schedule() -> StaffSchedule:
    entries = (
        ScheduleEntry(
            time(9, 0),
            time(10, 0),
            "上门办",
            "孙桂兰",
            "武侯区玉林北路 12 号 3 栋 2 单元 501",
            "13611112222",
            "高龄津贴申领",
            "行动不便，请携带移动终端",
            "WH20240520-0101",
        ),
        ScheduleEntry(
            time(7, 30),
            time(8, 30),
            "提前办",
            "欧阳建华",
            "中心一楼 12号窗口",
            "028-66665555",
            "道路运输经营许可证换证",
            "",
            "WH20240520-0098",
        ),
        ScheduleEntry(
            time(17, 30),
            time(18, 30),
            "延时办",
            "马丽",
            "中心一楼 12号窗口",
            "18800003333",
            "公积金提取",
            "下班后到场",
            "WH20240520-0105",
        ),
    )
    return StaffSchedule(
        header=header("RC-2024-0520-WH1023"),
        staff_name="周丽",
        staff_no="WH1023",
        day=date(2024, 5, 20),
        entries=entries,
    )


def all_samples() -> dict[str, Document]:
    """One sample of every document, keyed by a short name."""
    return {
        "ticket_slip": ticket_slip(),
        "acceptance_notice": acceptance_notice(),
        "deficiency_notice": deficiency_notice(),
        "one_time_notice": one_time_notice(),
        "referral_slip": referral_slip(),
        "reply_card": reply_card(),
        "appointment_slip": appointment_slip(),
        "staff_schedule": staff_schedule(),
    }
