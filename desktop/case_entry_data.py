"""What the case-entry form reads from the hall, loaded off the UI thread.

Each ``load_*`` function takes the hall's services and returns plain frozen data; the form runs
them through its ``Runner`` and hands the result to its sections and outcome pages. No widgets
here, and nothing is written.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from yichuang.appointments import Slot
from yichuang.cases import ItemPromise, ReferralDetails
from yichuang.catalog import Department, HallInfo, Material, Necessity, ServiceItem
from yichuang.escalations import EscalationCategory
from yichuang.services import HallServices
from yichuang.staff import StaffMember

COMPLEX_KEY = "complex"


@dataclass(frozen=True)
class HallContext:
    """Read once when the form opens."""

    today: date
    hall: HallInfo
    items: tuple[ServiceItem, ...]
    departments: tuple[Department, ...]
    servers: tuple[StaffMember, ...]  # staff who may serve an appointment
    reply_by: dict[str, date]  # escalation category value (or "complex") -> reply date
    reply_days: dict[str, int]
    slot_capacity: int  # places in a new appointment slot


@dataclass(frozen=True)
class ItemContext:
    """Read whenever the chosen items change."""

    items: tuple[ServiceItem, ...]
    promises: tuple[ItemPromise, ...]
    referral: ReferralDetails | None  # pre-filled from the first item

    def promise(self, code: str) -> ItemPromise | None:
        return next((p for p in self.promises if p.item_code == code), None)

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(item.code for item in self.items)


EMPTY_ITEMS = ItemContext((), (), None)


def load_hall(services: HallServices) -> HallContext:
    today = services.clock().date()
    desk = services.escalations
    reply_by = {c.value: desk.reply_deadline(c, False, today) for c in EscalationCategory}
    reply_by[COMPLEX_KEY] = desk.reply_deadline(EscalationCategory.HARD, True, today)
    reply_days = {c.value: desk.reply_days(c) for c in EscalationCategory}
    reply_days[COMPLEX_KEY] = desk.reply_days(EscalationCategory.HARD, True)
    return HallContext(
        today=today,
        hall=services.directory.hall(),
        items=tuple(services.directory.items()),
        departments=tuple(services.directory.departments()),
        servers=tuple(m for m in services.staff.all() if m.may("serve")),
        reply_by=reply_by,
        reply_days=reply_days,
        slot_capacity=services.appointments.default_capacity(),
    )


def load_items(services: HallServices, codes: tuple[str, ...]) -> ItemContext:
    items = []
    for code in codes:
        item = services.directory.item(code)
        if item is not None:
            items.append(item)
    cases = services.cases
    promises = tuple(cases.promise(item.code) for item in items)
    referral = cases.referral_from_catalog(items[0].code) if items else None
    return ItemContext(tuple(items), promises, referral)


def load_referral(services: HallServices, code: str) -> ReferralDetails:
    return services.cases.referral_from_catalog(code)


def load_slots(services: HallServices, day: date) -> list[Slot]:
    return services.appointments.slots(day)


def material_form(material: Material) -> tuple[str, int]:
    """How a material is handed in (原件 / 复印件 / 原件及复印件) and how many copies."""
    if material.originals and material.copies:
        return "原件及复印件", material.copies
    if material.copies:
        return "复印件", material.copies
    return "原件", max(1, material.originals)


def default_received(item: ServiceItem) -> list[Material]:
    """The materials taken in by default at acceptance: every one that is not optional."""
    return [m for m in item.materials if m.necessity is not Necessity.OPTIONAL]
