"""Hall settings for cases, escalations and appointments, with their defaults.

Stored in the ``Setting`` table like every hall setting (see ``settings``), so every PC shares
them; the administrator changes them, these are the values until then. Rules differ by
province, hence nothing here is hard-coded in the services.

``escalation_reply_days``: working days for the "办不成事" desk to answer, per category, plus
``complex`` for a matter that needs coordination. Defaults follow the local classes seen in
Jiangsu's 2023 rules (1 / 3 / 7 working days, complex matters 15): 不能办 1 (explain the law at
once), 很难办 3 (arrange 容缺受理 and guided follow-up), 不给办·拖着办 1 (order immediate
handling), 特殊办 7 (coordinate a special-timing appointment), complex 15.

``escalation_desk``: the desk's name, location and phone printed on the 答复卡 (phone defaults to
the hall's).

``appointment_slot_capacity``: appointments a time slot takes unless the slot says otherwise
(default 4).

``appointment_qr``: what the QR on an appointment slip holds; ``qrsign`` reads and checks it.

``work_calendar``: the administrator's additions to the shipped holiday calendar,
``{"holidays": {"2027-01-01": "元旦"}, "workdays": {...}}``.

Every ``put_*`` runs inside the caller's write transaction (``Store.write``).
"""

from __future__ import annotations

from dataclasses import dataclass

from yichuang import settings
from yichuang.errors import ConfigError
from yichuang.i18n import QT_TRANSLATE_NOOP
from yichuang.workcalendar import WorkCalendar

COMPLEX = "complex"

DEFAULT_REPLY_DAYS: dict[str, int] = {
    "不能办": 1,
    "很难办": 3,
    "不给办·拖着办": 1,
    "特殊办": 7,
    COMPLEX: 15,
}

DEFAULT_SLOT_CAPACITY = 4

DEFAULT_DESK_NAME = "“办不成事”反映窗口"


@dataclass(frozen=True)
class DeskInfo:
    name: str
    location: str
    phone: str


def escalation_reply_days() -> dict[str, int]:
    stored = settings.get("escalation_reply_days") or {}
    days = dict(DEFAULT_REPLY_DAYS)
    days.update({str(k): int(v) for k, v in stored.items()})
    return days


def put_escalation_reply_days(days: dict[str, int]) -> None:
    for key, value in days.items():
        if key not in DEFAULT_REPLY_DAYS or not isinstance(value, int) or value < 0:
            raise ConfigError(detail=f"escalation_reply_days: {key} = {value!r}")
    settings.put("escalation_reply_days", dict(days))


def escalation_desk() -> DeskInfo:
    stored = settings.get("escalation_desk") or {}
    hall = settings.get("hall") or {}
    return DeskInfo(
        name=str(stored.get("name") or DEFAULT_DESK_NAME),
        location=str(stored.get("location") or hall.get("address") or "大厅"),
        phone=str(stored.get("phone") or hall.get("phone") or ""),
    )


def put_escalation_desk(name: str, location: str, phone: str) -> None:
    settings.put("escalation_desk", {"name": name, "location": location, "phone": phone})


def slot_capacity() -> int:
    value = settings.get("appointment_slot_capacity")
    return DEFAULT_SLOT_CAPACITY if value is None else int(value)


def put_slot_capacity(capacity: int) -> None:
    if capacity < 1:
        raise ConfigError(
            zh=QT_TRANSLATE_NOOP("errors", "配置有误：每个预约时段至少容纳 1 个预约"),
            en="configuration error: a slot holds at least one appointment",
        )
    settings.put("appointment_slot_capacity", int(capacity))


def hall_calendar() -> WorkCalendar:
    """The shipped national calendar with the administrator's additions."""
    calendar = WorkCalendar.default()
    extra = settings.get("work_calendar")
    if extra:
        extra_calendar = WorkCalendar.from_dict(extra)
        calendar = calendar.merged(extra_calendar.holidays, extra_calendar.workdays)
    return calendar
