"""The service catalog as plain data: areas → departments → service items and their materials.

The catalog is read from a JSON document (the demo hall ships one in ``resources/demo``) or from
an Excel workbook (see ``catalog_excel``) and stored in the hall database by ``storage``.
Validation happens here, so that a malformed row is reported with its place, never a traceback.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from enum import StrEnum
from importlib import resources
from typing import Any

from yichuang.errors import CatalogError


class Necessity(StrEnum):
    """How necessary a material is, as in the national item data."""

    REQUIRED = "必要"
    OPTIONAL = "非必要"
    DEFERRABLE = "容缺后补"  # the only kind that may be missing at 容缺受理


class Handling(StrEnum):
    """Whether an item is finished on the spot or within a promised number of working days."""

    ON_THE_SPOT = "即办件"
    PROMISED = "承诺件"


class Scope(StrEnum):
    """Cross-region scope of an item (通办范围); LOCAL means none."""

    LOCAL = ""
    NATIONWIDE = "跨省通办"
    PROVINCE = "全省通办"
    CITY = "市域通办"


ITEM_TYPES = (
    "行政许可",
    "行政确认",
    "行政给付",
    "行政裁决",
    "行政备案",
    "公共服务",
    "其他行政权力",
)


@dataclass(frozen=True)
class Material:
    name: str
    necessity: Necessity = Necessity.REQUIRED
    originals: int = 1
    copies: int = 0
    source: str = ""  # where the citizen obtains it (出具单位)
    sample_form: str = ""  # name of the sample form (样表) if one exists
    standard: str = ""  # what a correct one looks like (合格标准)


@dataclass(frozen=True)
class ServiceArea:
    code: str
    name: str


@dataclass(frozen=True)
class Department:
    code: str
    name: str
    area: str
    place: str = ""
    phone: str = ""
    hours: str = ""


@dataclass(frozen=True)
class Queue:
    """A ticket queue: its prefix letter numbers the tickets (A001…)."""

    code: str
    name: str
    daily_cap: int | None = None


@dataclass(frozen=True)
class ServiceItem:
    code: str
    name: str
    department: str
    queue: str
    item_type: str = "行政许可"
    handling: Handling = Handling.PROMISED
    legal_basis: str = ""
    conditions: str = ""
    statutory_limit_days: int = 20
    promised_limit_days: int = 0  # 0 for 即办件
    materials: tuple[Material, ...] = ()
    fee: str = "不收费"
    place: str = ""
    hours: str = ""
    phone: str = ""
    guide_url: str = ""
    one_visit: bool = False  # 一次办好
    scope: Scope = Scope.LOCAL

    @property
    def deferrable_materials(self) -> tuple[Material, ...]:
        return tuple(m for m in self.materials if m.necessity is Necessity.DEFERRABLE)


@dataclass(frozen=True)
class CounterSpec:
    number: int
    name: str
    queues: tuple[str, ...]  # served queues, highest priority first
    place: str = ""


@dataclass(frozen=True)
class StaffSpec:
    number: str
    name: str
    role: str
    pin: str


@dataclass(frozen=True)
class HallInfo:
    name: str
    address: str = ""
    phone: str = ""
    hours: str = ""


@dataclass
class Catalog:
    hall: HallInfo
    areas: list[ServiceArea] = field(default_factory=list)
    departments: list[Department] = field(default_factory=list)
    queues: list[Queue] = field(default_factory=list)
    items: list[ServiceItem] = field(default_factory=list)
    counters: list[CounterSpec] = field(default_factory=list)
    staff: list[StaffSpec] = field(default_factory=list)

    def validate(self) -> None:
        """Raise CatalogError naming the first broken reference."""
        areas = {a.code for a in self.areas}
        depts = {d.code for d in self.departments}
        queues = {q.code for q in self.queues}
        for d in self.departments:
            if d.area not in areas:
                raise CatalogError.at(f"department {d.code}", "area", d.area)
        seen: set[str] = set()
        for it in self.items:
            if it.code in seen:
                raise CatalogError.duplicate(it.code)
            seen.add(it.code)
            if it.department not in depts:
                raise CatalogError.at(f"item {it.code}", "department", it.department)
            if it.queue not in queues:
                raise CatalogError.at(f"item {it.code}", "queue", it.queue)
            if it.promised_limit_days > it.statutory_limit_days:
                raise CatalogError.at(
                    f"item {it.code}", "promised_limit_days", it.promised_limit_days
                )
        for c in self.counters:
            for q in c.queues:
                if q not in queues:
                    raise CatalogError.at(f"counter {c.number}", "queues", q)


def _material(raw: dict[str, Any]) -> Material:
    return Material(
        name=str(raw["name"]),
        necessity=Necessity(raw.get("necessity", Necessity.REQUIRED)),
        originals=int(raw.get("originals", 1)),
        copies=int(raw.get("copies", 0)),
        source=str(raw.get("source", "")),
        sample_form=str(raw.get("sample_form", "")),
        standard=str(raw.get("standard", "")),
    )


def item_from_dict(raw: dict[str, Any]) -> ServiceItem:
    return ServiceItem(
        code=str(raw["code"]),
        name=str(raw["name"]),
        department=str(raw["department"]),
        queue=str(raw["queue"]),
        item_type=str(raw.get("type", "行政许可")),
        handling=Handling(raw.get("handling", Handling.PROMISED)),
        legal_basis=str(raw.get("legal_basis", "")),
        conditions=str(raw.get("conditions", "")),
        statutory_limit_days=int(raw.get("statutory_limit_days", 20)),
        promised_limit_days=int(raw.get("promised_limit_days", 0)),
        materials=tuple(_material(m) for m in raw.get("materials", [])),
        fee=str(raw.get("fee", "不收费")),
        place=str(raw.get("place", "")),
        hours=str(raw.get("hours", "")),
        phone=str(raw.get("phone", "")),
        guide_url=str(raw.get("guide_url", "")),
        one_visit=bool(raw.get("one_visit", False)),
        scope=Scope(raw.get("scope", "")),
    )


def from_dict(data: dict[str, Any]) -> Catalog:
    """Build a Catalog from the JSON document shape; every error names its place."""
    try:
        hall = data["hall"]
        catalog = Catalog(
            hall=HallInfo(
                name=str(hall["name"]),
                address=str(hall.get("address", "")),
                phone=str(hall.get("phone", "")),
                hours=str(hall.get("hours", "")),
            ),
            areas=[ServiceArea(str(a["code"]), str(a["name"])) for a in data.get("areas", [])],
            departments=[
                Department(
                    code=str(d["code"]),
                    name=str(d["name"]),
                    area=str(d["area"]),
                    place=str(d.get("place", "")),
                    phone=str(d.get("phone", "")),
                    hours=str(d.get("hours", "")),
                )
                for d in data.get("departments", [])
            ],
            queues=[
                Queue(str(q["code"]), str(q["name"]), q.get("daily_cap"))
                for q in data.get("queues", [])
            ],
            items=[item_from_dict(i) for i in data.get("items", [])],
            counters=[
                CounterSpec(
                    number=int(c["number"]),
                    name=str(c.get("name", f"{c['number']}号窗口")),
                    queues=tuple(c.get("queues", [])),
                    place=str(c.get("place", "")),
                )
                for c in data.get("counters", [])
            ],
            staff=[
                StaffSpec(
                    str(s["number"]), str(s["name"]), str(s.get("role", "clerk")), str(s["pin"])
                )
                for s in data.get("staff", [])
            ],
        )
    except KeyError as exc:
        raise CatalogError.missing(str(exc.args[0])) from exc
    except (ValueError, TypeError) as exc:
        raise CatalogError.malformed(str(exc)) from exc
    catalog.validate()
    return catalog


def load_json(text: str) -> Catalog:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise CatalogError.malformed(f"line {exc.lineno}: {exc.msg}") from exc
    return from_dict(data)


def demo_catalog() -> Catalog:
    """The demo district hall shipped in resources/demo/catalog.json."""
    text = resources.files("resources").joinpath("demo/catalog.json").read_text("utf-8")
    return load_json(text)
