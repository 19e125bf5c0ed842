"""Signed QR payloads on appointment slips: three shapes, and every way a scan is refused."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from yichuang import qrsign, settings
from yichuang.errors import ConfigError, QrForged, QrMalformed, QrOtherHall, QrWrongDay
from yichuang.qrsign import HallKey, QrConfig, QrMode, SlipContent

KEY = HallKey("H1A2B3C4D", bytes.fromhex("11" * 32))
OTHER_HALL = HallKey("H99990000", bytes.fromhex("22" * 32))
SAME_ID_OTHER_SECRET = HallKey("H1A2B3C4D", bytes.fromhex("33" * 32))
DAY = date(2026, 3, 3)
TEMPLATE = "https://zwfw.example.gov.cn/yy/{hall}?no={no}&d={date}&s={sig}"

SLIP = SlipContent(
    appointment_no="YY20260302-001",
    kind="提前办",
    start=datetime(2026, 3, 3, 8, 0),
    end=datetime(2026, 3, 3, 8, 30),
    place="一楼A区 1号窗口",
    item_name="企业设立登记",
    hall_name="测试区政务服务中心",
    staff_name="张敏",
)

CONFIGS = [
    QrConfig(QrMode.TEXT),
    QrConfig(QrMode.URL, TEMPLATE),
    QrConfig(QrMode.VEVENT),
]


@pytest.mark.parametrize("config", CONFIGS, ids=lambda c: c.mode.value)
def test_round_trip_in_every_mode(config):
    payload = qrsign.build_payload(KEY, SLIP, config)
    ref = qrsign.verify(KEY, payload, DAY, TEMPLATE)
    assert ref.appointment_no == "YY20260302-001"
    assert ref.day == DAY
    assert ref.hall_id == KEY.hall_id


def test_text_mode_is_readable_and_ends_with_the_machine_line():
    payload = qrsign.build_payload(KEY, SLIP)
    lines = payload.splitlines()
    assert "测试区政务服务中心" in lines[0]
    assert any("2026年3月3日 08:00-08:30" in line for line in lines)
    assert any("企业设立登记" in line for line in lines)
    assert lines[-1].startswith("YC1|YY20260302-001|20260303|H1A2B3C4D|")
    assert len(lines[-1].rsplit("|", 1)[1]) == 24


def test_url_mode_follows_the_template():
    payload = qrsign.build_payload(KEY, SLIP, QrConfig(QrMode.URL, TEMPLATE))
    sig = qrsign.signature(KEY, "YY20260302-001", DAY)
    assert payload == (
        f"https://zwfw.example.gov.cn/yy/H1A2B3C4D?no=YY20260302-001&d=20260303&s={sig}"
    )
    # the template may leave out the hall: the slip then claims this hall
    short = "https://zwfw.example.gov.cn/c?{no}.{date}.{sig}"
    url = qrsign.build_payload(KEY, SLIP, QrConfig(QrMode.URL, short))
    assert qrsign.verify(KEY, url, DAY, short).appointment_no == "YY20260302-001"
    with pytest.raises(QrForged):
        qrsign.verify(OTHER_HALL, url, DAY, short)


def test_vevent_mode_is_a_folded_calendar_event():
    payload = qrsign.build_payload(KEY, SLIP, QrConfig(QrMode.VEVENT))
    lines = payload.split("\r\n")
    assert lines[0] == "BEGIN:VEVENT" and lines[-1] == "END:VEVENT"
    assert "DTSTART:20260303T080000" in lines
    assert "DTEND:20260303T083000" in lines
    assert any(line.startswith("SUMMARY:提前办：企业设立登记") for line in lines)
    assert any(line.startswith("LOCATION:测试区政务服务中心 一楼A区 1号窗口") for line in lines)
    assert all(len(line.encode("utf-8")) <= 75 for line in lines)
    unfolded = payload.replace("\r\n ", "")
    assert "DESCRIPTION:" in unfolded and "\\nYC1|YY20260302-001|20260303|" in unfolded


@pytest.mark.parametrize("config", CONFIGS, ids=lambda c: c.mode.value)
@pytest.mark.parametrize(
    ("old", "new"),
    [("YY20260302-001", "YY20260302-002"), ("20260303", "20260302")],
    ids=["number", "date"],
)
def test_a_tampered_number_or_date_is_forged(config, old, new):
    payload = qrsign.build_payload(KEY, SLIP, config)
    assert old in payload
    tampered = payload.replace(old, new)
    today = DAY if new != "20260302" else date(2026, 3, 2)
    with pytest.raises(QrForged) as err:
        qrsign.verify(KEY, tampered, today, TEMPLATE)
    assert "校验失败" in err.value.user_message()
    assert "altered or forged" in str(err.value)


@pytest.mark.parametrize("config", CONFIGS, ids=lambda c: c.mode.value)
def test_a_tampered_signature_is_forged(config):
    payload = qrsign.build_payload(KEY, SLIP, config)
    sig = qrsign.signature(KEY, SLIP.appointment_no, DAY)
    flipped = ("B" if sig[5] == "A" else "A").join((sig[:5], sig[6:]))
    with pytest.raises(QrForged):
        qrsign.verify(KEY, payload.replace(sig, flipped), DAY, TEMPLATE)


def test_a_slip_signed_with_another_secret_is_forged():
    payload = qrsign.build_payload(SAME_ID_OTHER_SECRET, SLIP)
    with pytest.raises(QrForged):
        qrsign.verify(KEY, payload, DAY)


@pytest.mark.parametrize("config", CONFIGS, ids=lambda c: c.mode.value)
def test_another_halls_slip(config):
    payload = qrsign.build_payload(OTHER_HALL, SLIP, config)
    with pytest.raises(QrOtherHall) as err:
        qrsign.verify(KEY, payload, DAY, TEMPLATE)
    assert "H99990000" in err.value.user_message()
    assert "其他政务服务大厅" in err.value.user_message()


@pytest.mark.parametrize("config", CONFIGS, ids=lambda c: c.mode.value)
def test_another_day(config):
    payload = qrsign.build_payload(KEY, SLIP, config)
    with pytest.raises(QrWrongDay) as err:
        qrsign.verify(KEY, payload, date(2026, 3, 2), TEMPLATE)
    assert "2026年3月3日" in err.value.user_message()
    assert "不是今天" in err.value.user_message()
    with pytest.raises(QrWrongDay):
        qrsign.verify(KEY, payload, date(2026, 3, 4), TEMPLATE)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "https://www.gov.cn/",
        "YC1|YY1|2026|H1|ABC",
        "A015",
        "YC1|YY20260302-001|20261399|H1|" + "A" * 24,
    ],
)
def test_not_a_slip(text):
    with pytest.raises(QrMalformed) as err:
        qrsign.verify(KEY, text, DAY, TEMPLATE)
    assert "不是本大厅的预约单二维码" in err.value.user_message()


def test_a_scanner_that_types_lower_case_still_verifies():
    payload = qrsign.build_payload(KEY, SLIP).lower()
    assert qrsign.verify(KEY, payload, DAY).appointment_no == "YY20260302-001"


@pytest.mark.parametrize(
    ("template", "needle"),
    [
        ("ftp://x/{no}{date}{sig}", "http"),
        ("https://x/?no={no}&s={sig}", "{date}"),
        ("https://x/?no={no}&d={date}&s={sig}&u={user}", "{user}"),
        ("https://x/?no={no}&d={date}&s={sig}{", "{"),
    ],
)
def test_bad_url_templates_are_refused(template, needle):
    with pytest.raises(ConfigError) as err:
        qrsign.check_url_template(template)
    assert needle in err.value.user_message()


def test_hall_key_is_created_once_per_installation(store):
    first = qrsign.hall_key(store)
    assert first == qrsign.hall_key(store)
    assert first.hall_id.startswith("H") and len(first.secret) == 32
    assert settings.hall_secret() == first.secret


def test_mode_setting(store):
    assert qrsign.qr_config() == QrConfig(QrMode.TEXT, "")
    with store.write():
        qrsign.put_qr_config(QrConfig(QrMode.VEVENT))
    assert qrsign.qr_config().mode is QrMode.VEVENT
    with pytest.raises(ConfigError), store.write():
        qrsign.put_qr_config(QrConfig(QrMode.URL, "https://x/?no={no}"))
    with store.write():
        qrsign.put_qr_config(QrConfig(QrMode.URL, TEMPLATE))
    assert qrsign.qr_config() == QrConfig(QrMode.URL, TEMPLATE)
