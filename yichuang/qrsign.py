"""The signed QR code on an appointment slip: building its payload and verifying a scan.

Every payload carries one machine line::

    YC1|<appointment no>|<yyyymmdd>|<hall id>|<signature>

The signature is HMAC-SHA256 with the hall's per-installation secret (``settings.hall_secret``)
over ``YC1|<no>|<yyyymmdd>|<hall id>``, truncated to 15 bytes (120 bits) and written in base32
(24 characters, no padding), so it survives scanners that type upper case only. Altering the
number, the day or the hall invalidates it; nobody without the secret can make a new one.

Three shapes, chosen by the administrator (setting ``appointment_qr``):

- ``text`` (default): readable Chinese lines a phone shows even offline, then the machine line.
  The citizen's name and phone are not in the code: a lost slip tells a finder nothing personal.
- ``url``: a link into the hall's portal built from a template with the placeholders ``{no}``,
  ``{date}``, ``{hall}`` and ``{sig}`` (``{no}``, ``{date}`` and ``{sig}`` are required).
- ``vevent``: an iCalendar event (RFC 5545) that phones offer to add to the calendar, with the
  machine line at the end of its DESCRIPTION.

``verify`` accepts any of the three (a slip printed before the administrator switched modes
still scans) and says exactly what is wrong: not a slip at all, another hall, forged or altered,
another day.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from urllib.parse import unquote

from yichuang import settings
from yichuang.db import Store
from yichuang.errors import ConfigError, QrForged, QrMalformed, QrOtherHall, QrWrongDay
from yichuang.i18n import QT_TRANSLATE_NOOP

PROTOCOL = "YC1"
TAG_BYTES = 15

_NO = r"[A-Z0-9][A-Z0-9-]{0,39}"
_DAY = r"\d{8}"
_HALL = r"[A-Z0-9]{1,16}"
_SIG = r"[A-Z2-7]{24}"
MACHINE_LINE = re.compile(
    rf"{PROTOCOL}\|(?P<no>{_NO})\|(?P<date>{_DAY})\|(?P<hall>{_HALL})\|(?P<sig>{_SIG})(?![A-Z2-7])",
    re.IGNORECASE,
)
PLACEHOLDERS = ("no", "date", "hall", "sig")
_PLACEHOLDER_PATTERNS = {"no": _NO, "date": _DAY, "hall": _HALL, "sig": _SIG}


class QrMode(StrEnum):
    TEXT = "text"
    URL = "url"
    VEVENT = "vevent"


QR_MODE_NAMES = {
    QrMode.TEXT: QT_TRANSLATE_NOOP("qr", "可读文字（手机离线也能查看预约信息）"),
    QrMode.URL: QT_TRANSLATE_NOOP("qr", "网址（打开大厅门户网站）"),
    QrMode.VEVENT: QT_TRANSLATE_NOOP("qr", "日历事件（手机可添加到日历）"),
}


@dataclass(frozen=True)
class HallKey:
    """What signs a hall's slips: its id (printed in the code) and its secret (never printed)."""

    hall_id: str
    secret: bytes


KeyProvider = Callable[[], HallKey]


@dataclass(frozen=True)
class QrConfig:
    mode: QrMode = QrMode.TEXT
    url_template: str = ""


@dataclass(frozen=True)
class SlipRef:
    """What a scanned code claims: which appointment, for which day, from which hall."""

    appointment_no: str
    day: date
    hall_id: str
    signature: str


@dataclass(frozen=True)
class SlipContent:
    """The appointment details shown by the text and calendar shapes."""

    appointment_no: str
    kind: str
    start: datetime
    end: datetime
    place: str
    item_name: str
    hall_name: str
    staff_name: str = ""


# ---- keys and configuration -------------------------------------------------------------------


def _new_hall_id() -> str:
    return "H" + secrets.token_hex(4).upper()


def hall_key(store: Store) -> HallKey:
    """This installation's key, created (in one write transaction) on first use."""
    hall_id = settings.get("hall_id")
    secret = settings.get("hall_secret")
    if hall_id is None or secret is None:
        with store.write():
            settings.hall_secret()
            if settings.get("hall_id") is None:
                settings.put("hall_id", _new_hall_id())
        hall_id = settings.get("hall_id")
        secret = settings.get("hall_secret")
    return HallKey(str(hall_id), bytes.fromhex(secret))


def check_url_template(template: str) -> str:
    """The template trimmed, or ConfigError naming what is missing."""
    t = template.strip()
    if not re.match(r"^https?://", t, re.IGNORECASE):
        raise ConfigError(
            zh=QT_TRANSLATE_NOOP(
                "errors", "二维码网址模板应以 http:// 或 https:// 开头：{template}"
            ),
            en="the QR URL template must start with http:// or https://: {template}",
            template=t,
        )
    try:
        names = _template_names(t)
    except ValueError as exc:
        raise ConfigError(detail=f"{t}: {exc}") from exc
    missing = [f"{{{n}}}" for n in ("no", "date", "sig") if n not in names]
    unknown = [f"{{{n}}}" for n in names if n not in PLACEHOLDERS]
    if missing or unknown:
        raise ConfigError(
            zh=QT_TRANSLATE_NOOP(
                "errors",
                "二维码网址模板须包含 {{no}}、{{date}}、{{sig}}（可选 {{hall}}），"
                "缺少：{missing}；不认识：{unknown}",
            ),
            en="the QR URL template needs {{no}}, {{date}} and {{sig}} ({{hall}} optional); "
            "missing: {missing}; unknown: {unknown}",
            missing="、".join(missing) or "—",
            unknown="、".join(unknown) or "—",
        )
    return t


def _template_names(template: str) -> list[str]:
    names = []
    for part in re.split(r"(\{[^{}]*\})", template):
        if part.startswith("{") and part.endswith("}"):
            names.append(part[1:-1])
        elif "{" in part or "}" in part:
            raise ValueError("unbalanced braces")
    return names


def qr_config() -> QrConfig:
    stored = settings.get("appointment_qr") or {}
    try:
        mode = QrMode(stored.get("mode", QrMode.TEXT))
    except ValueError:
        mode = QrMode.TEXT
    return QrConfig(mode, str(stored.get("url_template", "")))


def put_qr_config(config: QrConfig) -> None:
    """Store the administrator's choice (inside a write transaction); a bad template is refused."""
    mode = QrMode(config.mode)
    template = config.url_template.strip()
    if mode is QrMode.URL or template:
        template = check_url_template(template)
    settings.put("appointment_qr", {"mode": mode.value, "url_template": template})


# ---- signing ----------------------------------------------------------------------------------


def _message(no: str, day: date, hall_id: str) -> bytes:
    return f"{PROTOCOL}|{no}|{day:%Y%m%d}|{hall_id}".encode("ascii")


def signature(key: HallKey, appointment_no: str, day: date) -> str:
    tag = hmac.new(key.secret, _message(appointment_no, day, key.hall_id), hashlib.sha256)
    return base64.b32encode(tag.digest()[:TAG_BYTES]).decode("ascii")


def machine_line(key: HallKey, appointment_no: str, day: date) -> str:
    sig = signature(key, appointment_no, day)
    return f"{PROTOCOL}|{appointment_no}|{day:%Y%m%d}|{key.hall_id}|{sig}"


def _cn_date(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def text_payload(key: HallKey, slip: SlipContent) -> str:
    day = slip.start.date()
    lines = [
        f"{slip.hall_name} 预约服务单",
        f"预约编号：{slip.appointment_no}（{slip.kind}）",
        f"时间：{_cn_date(day)} {slip.start:%H:%M}-{slip.end:%H:%M}",
        f"地点：{slip.place}",
        f"事项：{slip.item_name}",
    ]
    if slip.staff_name:
        lines.append(f"服务人员：{slip.staff_name}")
    lines.append("请按时到场，在导办台扫码签到。")
    lines.append(machine_line(key, slip.appointment_no, day))
    return "\n".join(lines)


def url_payload(key: HallKey, slip: SlipContent, template: str) -> str:
    template = check_url_template(template)
    day = slip.start.date()
    values = {
        "no": slip.appointment_no,
        "date": f"{day:%Y%m%d}",
        "hall": key.hall_id,
        "sig": signature(key, slip.appointment_no, day),
    }
    return template.format(**values)


def _ical_text(value: str) -> str:
    return (
        value.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def _fold(line: str, limit: int = 75) -> list[str]:
    """RFC 5545 line folding: at most 75 octets a line, never inside a UTF-8 character."""
    out: list[str] = []
    current = ""
    size = 0
    for ch in line:
        n = len(ch.encode("utf-8"))
        if size + n > limit:
            out.append(current)
            current, size = " ", 1
        current += ch
        size += n
    out.append(current)
    return out


def vevent_payload(key: HallKey, slip: SlipContent) -> str:
    day = slip.start.date()
    description = "\n".join(
        [
            f"预约编号 {slip.appointment_no}（{slip.kind}）",
            *([f"服务人员 {slip.staff_name}"] if slip.staff_name else []),
            "请携带预约服务单按时到场签到",
            machine_line(key, slip.appointment_no, day),
        ]
    )
    lines = [
        "BEGIN:VEVENT",
        f"UID:{slip.appointment_no}@{key.hall_id}.yichuang",
        f"DTSTART:{slip.start:%Y%m%dT%H%M%S}",
        f"DTEND:{slip.end:%Y%m%dT%H%M%S}",
        f"SUMMARY:{_ical_text(f'{slip.kind}：{slip.item_name}')}",
        f"LOCATION:{_ical_text(f'{slip.hall_name} {slip.place}'.strip())}",
        f"DESCRIPTION:{_ical_text(description)}",
        "END:VEVENT",
    ]
    return "\r\n".join(folded for line in lines for folded in _fold(line))


def build_payload(key: HallKey, slip: SlipContent, config: QrConfig | None = None) -> str:
    """The QR payload for ``slip`` in the configured shape."""
    config = config or QrConfig()
    if config.mode is QrMode.URL:
        return url_payload(key, slip, config.url_template)
    if config.mode is QrMode.VEVENT:
        return vevent_payload(key, slip)
    return text_payload(key, slip)


# ---- verifying --------------------------------------------------------------------------------


def _unfold(text: str) -> str:
    return re.sub(r"\r?\n[ \t]", "", text)


def _url_pattern(template: str) -> re.Pattern[str]:
    parts = []
    seen: set[str] = set()
    for part in re.split(r"(\{[^{}]*\})", template):
        name = part[1:-1] if part.startswith("{") and part.endswith("}") else None
        if name in _PLACEHOLDER_PATTERNS:
            if name in seen:
                parts.append(f"(?P={name})")
            else:
                seen.add(name)
                parts.append(f"(?P<{name}>{_PLACEHOLDER_PATTERNS[name]})")
        else:
            parts.append(re.escape(part))
    return re.compile("^" + "".join(parts) + "$", re.IGNORECASE)


def parse(text: str, url_template: str = "") -> SlipRef:
    """What a scanned payload claims, unverified. ``QrMalformed`` if it is not a slip's code.

    ``url_template`` is the hall's current template, needed to read the ``url`` shape.
    """
    unfolded = _unfold(text or "")
    found = MACHINE_LINE.search(unfolded)
    groups: dict[str, str] | None = found.groupdict() if found else None
    if groups is None and url_template:
        match = _url_pattern(url_template.strip()).match(unquote(unfolded.strip()))
        if match is not None:
            groups = match.groupdict()
    if groups is None:
        raise QrMalformed()
    raw_day = groups["date"]
    try:
        day = date(int(raw_day[:4]), int(raw_day[4:6]), int(raw_day[6:]))
    except ValueError:
        raise QrMalformed() from None
    return SlipRef(
        appointment_no=groups["no"].upper(),
        day=day,
        hall_id=(groups.get("hall") or "").upper(),
        signature=groups["sig"].upper(),
    )


def verify(key: HallKey, text: str, today: date, url_template: str = "") -> SlipRef:
    """The verified reference of a scanned slip valid for ``today``.

    Raises, in this order: ``QrMalformed`` (not a slip), ``QrOtherHall``, ``QrForged`` (the
    signature does not match: a character was changed, or it was never signed by this hall),
    ``QrWrongDay``. A URL without ``{hall}`` is taken to claim this hall.
    """
    ref = parse(text, url_template)
    hall_id = ref.hall_id or key.hall_id.upper()
    if hall_id != key.hall_id.upper():
        raise QrOtherHall(hall=ref.hall_id)
    expected = signature(key, ref.appointment_no, ref.day)
    if not hmac.compare_digest(expected, ref.signature):
        raise QrForged()
    if ref.day != today:
        raise QrWrongDay(day=_cn_date(ref.day), today=_cn_date(today))
    return SlipRef(ref.appointment_no, ref.day, key.hall_id, ref.signature)
