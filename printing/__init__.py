"""Printed documents as PDF bytes, built from plain data. No Qt and no database here.

    from printing import render, AcceptanceNotice, ...
    pdf: bytes = render(AcceptanceNotice(...))

``documents`` holds the data classes, ``render`` the dispatcher, ``fonts`` the CJK font lookup
(``FontNotFound`` when no embeddable Chinese font is installed), ``masking`` the ID/phone masks.
"""

from .documents import (
    APPOINTMENT_KINDS,
    ESCALATION_CATEGORIES,
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
from .fonts import FontNotFound, cjk_font_name
from .render import render

__all__ = [
    "APPOINTMENT_KINDS",
    "ESCALATION_CATEGORIES",
    "AcceptanceNotice",
    "AppointmentSlip",
    "Citizen",
    "DeficiencyNotice",
    "Document",
    "DocumentHeader",
    "FontNotFound",
    "MissingMaterial",
    "NoticeItem",
    "OneTimeNotice",
    "ReceivedMaterial",
    "ReferralSlip",
    "ReplyCard",
    "ScheduleEntry",
    "StaffSchedule",
    "TicketSlip",
    "cjk_font_name",
    "render",
]
