"""The outcomes a case can end in, and the details each one needs (窗口无否决权).

``Outcome`` has no "rejected" value: what cannot be done now is accepted, accepted with
deficiency, told once, referred, escalated or scheduled. Each outcome has a frozen details class
the form fills in; ``CaseBook.close`` checks its required fields, fills catalog defaults in and
stores it (``to_json`` / ``from_json``).
"""

from __future__ import annotations

import dataclasses
import types
from dataclasses import dataclass, fields
from datetime import date, datetime
from enum import Enum, StrEnum
from typing import Any, Union, get_args, get_origin, get_type_hints

from printing.documents import (
    DEFAULT_COMMITMENT,
    DEFAULT_DEFICIENCY_CONSEQUENCE,
    DEFAULT_LEGAL_BASIS,
)
from yichuang.appointments import AppointmentKind
from yichuang.escalations import EscalationCategory
from yichuang.i18n import QT_TRANSLATE_NOOP


class Outcome(StrEnum):
    """How a case ends. There is deliberately no "rejected"."""

    CONSULTED = "consulted"  # 咨询
    COMPLETED = "completed"  # 办结
    ACCEPTED = "accepted"  # 受理
    ACCEPTED_DEFICIENT = "accepted_deficient"  # 容缺受理
    ONE_TIME_NOTICE = "one_time_notice"  # 一次性告知
    REFERRED = "referred"  # 指路
    ESCALATED = "escalated"  # 转"办不成事"窗口
    SCHEDULED = "scheduled"  # 特殊办

    @property
    def label(self) -> str:
        return OUTCOME_NAMES[self]


OUTCOME_NAMES = {
    Outcome.CONSULTED: QT_TRANSLATE_NOOP("outcome", "咨询"),
    Outcome.COMPLETED: QT_TRANSLATE_NOOP("outcome", "办结"),
    Outcome.ACCEPTED: QT_TRANSLATE_NOOP("outcome", "受理"),
    Outcome.ACCEPTED_DEFICIENT: QT_TRANSLATE_NOOP("outcome", "容缺受理"),
    Outcome.ONE_TIME_NOTICE: QT_TRANSLATE_NOOP("outcome", "一次性告知"),
    Outcome.REFERRED: QT_TRANSLATE_NOOP("outcome", "指路"),
    Outcome.ESCALATED: QT_TRANSLATE_NOOP("outcome", "转“办不成事”窗口"),
    Outcome.SCHEDULED: QT_TRANSLATE_NOOP("outcome", "特殊办"),
}

# The document each outcome prints ("" = none required).
OUTCOME_DOCUMENTS = {
    Outcome.CONSULTED: "",
    Outcome.COMPLETED: "",
    Outcome.ACCEPTED: QT_TRANSLATE_NOOP("outcome", "受理通知书"),
    Outcome.ACCEPTED_DEFICIENT: QT_TRANSLATE_NOOP("outcome", "容缺受理告知书（明白纸，一式两联）"),
    Outcome.ONE_TIME_NOTICE: QT_TRANSLATE_NOOP("outcome", "一次性告知书（明白纸）"),
    Outcome.REFERRED: QT_TRANSLATE_NOOP("outcome", "指路牌"),
    Outcome.ESCALATED: QT_TRANSLATE_NOOP("outcome", "答复卡"),
    Outcome.SCHEDULED: QT_TRANSLATE_NOOP("outcome", "预约服务单"),
}


# Outcomes about a concrete service item, and those for which the applicant must be identified.
NEEDS_ITEM = {
    Outcome.COMPLETED,
    Outcome.ACCEPTED,
    Outcome.ACCEPTED_DEFICIENT,
    Outcome.ONE_TIME_NOTICE,
    Outcome.SCHEDULED,
}
NEEDS_IDENTITY = {Outcome.COMPLETED, Outcome.ACCEPTED, Outcome.ACCEPTED_DEFICIENT}
NEEDS_NAME = NEEDS_IDENTITY | {Outcome.ONE_TIME_NOTICE, Outcome.ESCALATED, Outcome.SCHEDULED}
NEEDS_PHONE = {Outcome.ACCEPTED_DEFICIENT, Outcome.ESCALATED, Outcome.SCHEDULED}

DEFAULT_HOW_TO_SUPPLY = "携带原件到受理窗口补交"


# ---- outcome details (what the clerk fills in) -------------------------------------------------
#
# Every field has a default so that a form can build a details object field by field; ``close``
# says which required field is still empty. Defaults noted "from the catalog" are filled in
# when the case closes and are stored with it.


@dataclass(frozen=True)
class ConsultedDetails:
    summary: str = ""  # what was asked and answered (required)


@dataclass(frozen=True)
class CompletedDetails:
    result: str = ""  # e.g. the certificate number; optional


@dataclass(frozen=True)
class MaterialReceipt:
    """A material taken in. ``item_code`` may stay empty when the case has one item."""

    name: str
    form: str = "原件"  # 原件 / 复印件 / 原件及复印件 / 电子件
    copies: int = 1
    item_code: str = ""


@dataclass(frozen=True)
class AcceptedDetails:
    received: tuple[MaterialReceipt, ...] = ()  # empty: every non-optional catalog material
    collect_place: str = ""  # where the result is collected; default from the catalog


@dataclass(frozen=True)
class DeferredMaterial:
    """A 容缺后补 material the citizen will bring later."""

    name: str
    item_code: str = ""  # may stay empty when the case has one item
    how_to_supply: str = ""  # default: bring the original to the counter
    standard: str = ""  # default from the catalog


@dataclass(frozen=True)
class DeficientDetails:
    missing: tuple[DeferredMaterial, ...] = ()  # required, only 容缺后补 materials
    deadline: date | None = None  # required, not after the promised completion date
    consequence: str = DEFAULT_DEFICIENCY_CONSEQUENCE  # what happens if they are late
    supply_place: str = ""  # default: the counter / the hall
    received: tuple[MaterialReceipt, ...] = ()  # empty: the non-optional materials not missing
    commitment: str = DEFAULT_COMMITMENT  # the 承诺书 text the citizen signs


@dataclass(frozen=True)
class NoticeProblem:
    """One missing or wrong material on a one-time notice."""

    material: str = ""
    problem: str = ""  # e.g. 缺少 / 已过期 / 签字不全
    how_to_fix: str = ""
    standard: str = ""  # default from the catalog; required
    sample_form: str = ""  # default from the catalog
    item_code: str = ""  # may stay empty when the case has one item


@dataclass(frozen=True)
class OneTimeNoticeDetails:
    problems: tuple[NoticeProblem, ...] = ()  # every problem at once (required)
    guide_url: str = ""  # default: the item's online guide; required
    resubmit_place: str = ""
    legal_basis: str = DEFAULT_LEGAL_BASIS


@dataclass(frozen=True)
class ReferralDetails:
    """Where the matter is handled; ``CaseBook.referral_from_catalog`` pre-fills it."""

    matter: str = ""  # default: the case's item names
    department: str = ""
    address: str = ""
    phone: str = ""
    hours: str = ""
    counter: str = ""
    floor: str = ""
    contact: str = ""
    bring: tuple[str, ...] = ()
    steps: tuple[str, ...] = ()
    guide_url: str = ""
    item_code: str = ""  # the catalog item it was picked from, if any


@dataclass(frozen=True)
class EscalatedDetails:
    category: EscalationCategory | None = None
    description: str = ""
    complex: bool = False  # needs coordination: the longer reply limit
    handler: str | None = None  # staff number at the desk, if already known


@dataclass(frozen=True)
class ScheduledDetails:
    kind: AppointmentKind | None = None
    start: datetime | None = None
    end: datetime | None = None
    staff_number: str = ""
    place: str = ""  # required for a home visit (default: the citizen's address)
    materials: tuple[str, ...] | None = None  # None: the item's catalog list
    item_code: str = ""  # may stay empty when the case has one item
    contact_phone: str = ""
    note: str = ""


OutcomeDetails = (
    ConsultedDetails
    | CompletedDetails
    | AcceptedDetails
    | DeficientDetails
    | OneTimeNoticeDetails
    | ReferralDetails
    | EscalatedDetails
    | ScheduledDetails
)

DETAILS_TYPES: dict[Outcome, type] = {
    Outcome.CONSULTED: ConsultedDetails,
    Outcome.COMPLETED: CompletedDetails,
    Outcome.ACCEPTED: AcceptedDetails,
    Outcome.ACCEPTED_DEFICIENT: DeficientDetails,
    Outcome.ONE_TIME_NOTICE: OneTimeNoticeDetails,
    Outcome.REFERRED: ReferralDetails,
    Outcome.ESCALATED: EscalatedDetails,
    Outcome.SCHEDULED: ScheduledDetails,
}


# ---- details <-> JSON (stored with the case) ---------------------------------------------------


def to_json(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_json(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date):  # datetime too
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [to_json(v) for v in value]
    return value


def from_json(tp: Any, value: Any) -> Any:
    origin = get_origin(tp)
    if origin in (Union, types.UnionType):
        if value is None:
            return None
        inner = [a for a in get_args(tp) if a is not type(None)]
        return from_json(inner[0], value)
    if origin is tuple:
        inner = get_args(tp)[0]
        return tuple(from_json(inner, v) for v in value)
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        hints = get_type_hints(tp)
        return tp(
            **{
                f.name: from_json(hints[f.name], value[f.name])
                for f in fields(tp)
                if f.name in value
            }
        )
    if tp is datetime:
        return datetime.fromisoformat(value)
    if tp is date:
        return date.fromisoformat(value)
    if isinstance(tp, type) and issubclass(tp, Enum):
        return tp(value)
    return value
