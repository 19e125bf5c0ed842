"""``render(doc) -> bytes``: pick the renderer for a document and return its PDF.

Renderers are cheap to make once the font is registered; pass ``font_name`` to use another
registered font (tests, or a hall that ships its own).
"""

from __future__ import annotations

from .cards import AppointmentSlipRenderer, ReferralSlipRenderer, ReplyCardRenderer
from .documents import (
    AcceptanceNotice,
    AppointmentSlip,
    DeficiencyNotice,
    Document,
    OneTimeNotice,
    ReferralSlip,
    ReplyCard,
    StaffSchedule,
    TicketSlip,
)
from .layout import DocumentRenderer
from .notices import AcceptanceNoticeRenderer, DeficiencyNoticeRenderer, OneTimeNoticeRenderer
from .schedule import StaffScheduleRenderer
from .ticket import TicketSlipRenderer

RENDERERS: dict[type, type[DocumentRenderer]] = {
    TicketSlip: TicketSlipRenderer,
    AcceptanceNotice: AcceptanceNoticeRenderer,
    DeficiencyNotice: DeficiencyNoticeRenderer,
    OneTimeNotice: OneTimeNoticeRenderer,
    ReferralSlip: ReferralSlipRenderer,
    ReplyCard: ReplyCardRenderer,
    AppointmentSlip: AppointmentSlipRenderer,
    StaffSchedule: StaffScheduleRenderer,
}


def renderer_for(doc: Document, font_name: str | None = None) -> DocumentRenderer:
    """The renderer instance for ``doc``'s type."""
    try:
        cls = RENDERERS[type(doc)]
    except KeyError:
        raise TypeError(f"no renderer for {type(doc).__name__}") from None
    return cls(font_name)


def render(doc: Document, font_name: str | None = None) -> bytes:
    """The PDF of any document."""
    return renderer_for(doc, font_name).render(doc)


def render_ticket_slip(doc: TicketSlip) -> bytes:
    return TicketSlipRenderer().render(doc)


def render_acceptance_notice(doc: AcceptanceNotice) -> bytes:
    return AcceptanceNoticeRenderer().render(doc)


def render_deficiency_notice(doc: DeficiencyNotice) -> bytes:
    return DeficiencyNoticeRenderer().render(doc)


def render_one_time_notice(doc: OneTimeNotice) -> bytes:
    return OneTimeNoticeRenderer().render(doc)


def render_referral_slip(doc: ReferralSlip) -> bytes:
    return ReferralSlipRenderer().render(doc)


def render_reply_card(doc: ReplyCard) -> bytes:
    return ReplyCardRenderer().render(doc)


def render_appointment_slip(doc: AppointmentSlip) -> bytes:
    return AppointmentSlipRenderer().render(doc)


def render_staff_schedule(doc: StaffSchedule) -> bytes:
    return StaffScheduleRenderer().render(doc)
