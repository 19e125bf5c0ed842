"""Every document renders, reads back with its Chinese data, embeds a font subset, masks people."""

from __future__ import annotations

import io
import re
from dataclasses import replace

import pypdf
import pytest

from printing import render, samples
from printing.documents import Citizen
from printing.masking import mask_id, mask_phone
from printing.render import RENDERERS

from .pdfcheck import SUBSET_PREFIX, all_text, flat, fonts_of, image_count, page_texts

MAX_BYTES = 150 * 1024

EXPECTED = {
    "ticket_slip": [
        "A015",
        "不动产登记综合窗口",
        "绿色通道",
        "预约号WH20240520-0031",
        "您前面还有6人等候",
        "预计等候约18分钟",
        "取号时间：2024年5月20日10:31",
    ],
    "acceptance_notice": [
        "受理通知书",
        "WH2024052000117",
        "张晓梅",
        "食品经营许可（新办）",
        "武侯区市场监督管理局",
        "食品经营许可申请书",
        "食品安全自查、从业人员健康管理等食品安全管理制度",
        "原件及复印件",
        "7个工作日",
        "预计于2024年5月29日前办结",
        "综合出件窗口（18号窗口）",
        "028-85551234转8018",
        "（盖章）",
    ],
    "deficiency_notice": [
        "容缺受理告知书（明白纸）",
        "第一联申请人留存",
        "第二联窗口存档",
        "成都蜀锦文化传播有限公司",
        "91510107MA6C8XXX1Q",
        "公共场所卫生许可（新办）",
        "公共场所卫生检测报告",
        "补交原件1份，现场或邮寄至承办窗口",
        "每名从业人员一份，在有效期内",
        "请于2024年5月31日前补齐",
        "本事项终止办理",
        "申请人承诺书",
        "承诺人（签名或盖章）",
    ],
    "one_time_notice": [
        "一次性告知书（明白纸）",
        "个体工商户设立登记",
        "《中华人民共和国行政许可法》第三十二条",
        "经营范围填写不规范",
        "补充出租方签字或盖章，并附产权证明复印件",
        "A4纸复印，字迹清晰可辨",
        "经营场所使用证明（样表）",
        "（共3项）",
        samples.GUIDE_URL,
    ],
    "referral_slip": [
        "指路牌",
        "王大伟",
        "城乡居民基本医疗保险参保登记",
        "请前往二楼东区·21号窗口",
        "武侯区医疗保障局医保经办窗口",
        "成都市武侯区武侯祠大街266号政务服务中心",
        "李建国（窗口负责人）",
        "028-85551234转8021",
        "周六上午9:00—12:00",
        "户口簿原件",
        "窗口核验后当场办结，领取参保凭证。",
        "https://zwfw.sc.gov.cn/guide/item/510107-ybcb01",
    ],
    "reply_card": [
        "答复卡",
        "“办不成事”反映窗口",
        "BBC-2024-0042",
        "很难办",
        "刘秀英",
        "无法提供不动产首次登记所需的竣工验收材料",
        "陈志强",
        "2024年6月7日",
        "协调容缺受理",
        "一楼大厅东侧“办不成事”反映窗口（1号窗口）",
    ],
    "appointment_slip": [
        "预约服务单",
        "WH20240525-0007",
        "节假日办",
        "2024年5月25日（星期六）09:00—10:00",
        "综合受理区12号窗口",
        "出生医学证明、户口登记、医保参保“一件事”",
        "赵敏",
        "周丽",
        "结婚证原件",
        "签到二维码",
        "在导办台扫描二维码签到",
    ],
    "staff_schedule": [
        "预约服务日程",
        "周丽（工号WH1023）",
        "2024年5月20日星期一",
        "孙*兰",
        "欧**华",
        "马*",
        "136****2222",
        "028-****5555",
        "武侯区玉林北路12号3栋2单元501",
        "高龄津贴申领",
        "行动不便，请携带移动终端",
        "WH20240520-0101",
    ],
}

NAMES = sorted(EXPECTED)


@pytest.fixture(scope="module")
def pdfs() -> dict[str, bytes]:
    return {name: render(doc) for name, doc in samples.all_samples().items()}


def test_every_document_type_has_a_renderer_and_a_sample():
    assert {type(doc) for doc in samples.all_samples().values()} == set(RENDERERS)
    assert set(samples.all_samples()) == set(EXPECTED)


@pytest.mark.parametrize("name", NAMES)
def test_chinese_content_reads_back(pdfs, name):
    text = all_text(pdfs[name])
    missing = [s for s in EXPECTED[name] if flat(s) not in text]
    assert not missing, f"{name}: not found in the PDF text: {missing}"


@pytest.mark.parametrize("name", NAMES)
def test_every_page_carries_the_header_and_footer(pdfs, name):
    header = samples.all_samples()[name].header
    pages = page_texts(pdfs[name])
    for number, text in enumerate(pages, 1):
        for part in (
            header.hall_name,
            header.document_no,
            header.clerk_no,
            header.hall_phone,
            "2024年5月20日10:31",
        ):
            assert part in text, f"{name} page {number} lacks {part!r}"
        if name != "ticket_slip":  # a roll slip is always one page
            assert re.search(r"第\d+/\d+页", text), f"{name} page {number} has no page number"


@pytest.mark.parametrize("name", NAMES)
def test_font_is_embedded_as_a_subset(pdfs, name):
    fonts = fonts_of(pdfs[name])
    assert fonts
    for font in fonts:
        assert SUBSET_PREFIX.match(str(font["/BaseFont"])), font["/BaseFont"]
        assert "/FontFile2" in font["/FontDescriptor"].get_object()


@pytest.mark.parametrize("name", NAMES)
def test_size_and_no_bitmaps(pdfs, name):
    assert pdfs[name].startswith(b"%PDF-")
    assert len(pdfs[name]) < MAX_BYTES
    assert image_count(pdfs[name]) == 0  # QR codes are vectors


def _citizens(doc) -> list[Citizen]:
    citizen = getattr(doc, "citizen", None)
    return [citizen] if citizen else []


@pytest.mark.parametrize("name", NAMES)
def test_citizen_ids_and_phones_are_masked(pdfs, name):
    doc = samples.all_samples()[name]
    text = all_text(pdfs[name])
    numbers = []
    for citizen in _citizens(doc):
        if citizen.id_number:
            numbers.append((citizen.id_number, mask_id(citizen.id_number)))
        if citizen.phone:
            numbers.append((citizen.phone, mask_phone(citizen.phone)))
    for entry in getattr(doc, "entries", ()):
        numbers.append((entry.phone, mask_phone(entry.phone)))
        assert entry.citizen_name not in text
    for full, masked in numbers:
        assert flat(full) not in text, f"{name} prints {full} in full"
        assert flat(masked) in text, f"{name} lacks the masked {masked}"


def test_masked_forms_in_the_notices(pdfs):
    text = all_text(pdfs["acceptance_notice"])
    assert "510107********1228" in text
    assert "138****5678" in text


def test_same_data_gives_the_same_bytes():
    doc = samples.acceptance_notice()
    assert render(doc) == render(doc)


def test_ticket_is_an_80mm_roll_as_long_as_its_content():
    short = render(samples.ticket_slip())
    longer = render(replace(samples.ticket_slip(), notice="请留意叫号。" * 40))
    pages = [pypdf.PdfReader(io.BytesIO(pdf)).pages for pdf in (short, longer)]
    assert [len(p) for p in pages] == [1, 1]
    boxes = [p[0].mediabox for p in pages]
    assert [round(float(b.width) / 72 * 25.4) for b in boxes] == [80, 80]
    assert float(boxes[1].height) > float(boxes[0].height)


def test_ticket_without_queue_says_nobody_waits():
    slip = replace(samples.ticket_slip(), waiting_ahead=0, green_channel=False, appointment_no="")
    text = all_text(render(slip))
    assert "您前面没有人等候" in text
    assert "绿色通道" not in text
    assert "预约号" not in text


def test_unknown_document_type_is_refused():
    with pytest.raises(TypeError, match="no renderer"):
        render(object())  # type: ignore[arg-type]
