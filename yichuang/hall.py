"""Putting a catalog into a hall database, and reading the catalog back for the front ends."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from yichuang import settings
from yichuang.catalog import Catalog, HallInfo, Queue, ServiceArea, ServiceItem, item_from_dict
from yichuang.catalog import Department as DepartmentSpec
from yichuang.db import Store
from yichuang.models import (
    AreaRow,
    CounterQueueRow,
    CounterRow,
    DepartmentRow,
    QueueRow,
    ServiceItemRow,
    StaffRow,
)
from yichuang.staff import Role, hash_pin


def install_catalog(store: Store, catalog: Catalog, *, with_staff: bool = True) -> None:
    """Insert or update the catalog's rows (one transaction). Existing tickets are untouched."""
    catalog.validate()
    with store.write():
        settings.put("hall", asdict(catalog.hall))
        for a in catalog.areas:
            AreaRow.insert(code=a.code, name=a.name).on_conflict(
                conflict_target=[AreaRow.code], update={AreaRow.name: a.name}
            ).execute()
        for d in catalog.departments:
            dept: dict[str, Any] = {
                "name": d.name,
                "area": d.area,
                "place": d.place,
                "phone": d.phone,
                "hours": d.hours,
            }
            DepartmentRow.insert(code=d.code, **dept).on_conflict(
                conflict_target=[DepartmentRow.code], update=dept
            ).execute()
        for q in catalog.queues:
            QueueRow.insert(code=q.code, name=q.name, daily_cap=q.daily_cap).on_conflict(
                conflict_target=[QueueRow.code],
                update={QueueRow.name: q.name, QueueRow.daily_cap: q.daily_cap},
            ).execute()
        for it in catalog.items:
            values: dict[str, Any] = {
                "name": it.name,
                "department": it.department,
                "queue": it.queue,
                "data": _item_data(it),
                "active": True,
            }
            ServiceItemRow.insert(code=it.code, **values).on_conflict(
                conflict_target=[ServiceItemRow.code], update=values
            ).execute()
        for c in catalog.counters:
            row = CounterRow.get_or_none(CounterRow.number == c.number)
            if row is None:
                row = CounterRow.create(number=c.number, name=c.name, place=c.place)
            else:
                row.name, row.place = c.name, c.place
                row.save()
            CounterQueueRow.delete().where(CounterQueueRow.counter == row).execute()
            for rank, queue in enumerate(c.queues):
                CounterQueueRow.create(counter=row, queue=queue, rank=rank)
        if with_staff:
            for s in catalog.staff:
                if StaffRow.get_or_none(StaffRow.number == s.number) is None:
                    StaffRow.create(
                        number=s.number, name=s.name, role=Role(s.role), pin_hash=hash_pin(s.pin)
                    )


def _item_data(item: ServiceItem) -> dict:
    data = asdict(item)
    data["type"] = data.pop("item_type")
    return data


class HallDirectory:
    """Read access to the hall's catalog for kiosks, clerks and documents."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def hall(self) -> HallInfo:
        raw = settings.get("hall") or {"name": "政务服务中心"}
        return HallInfo(**raw)

    def areas(self) -> list[ServiceArea]:
        return [ServiceArea(r.code, r.name) for r in AreaRow.select().order_by(AreaRow.code)]

    def departments(self) -> list[DepartmentSpec]:
        return [
            DepartmentSpec(r.code, r.name, r.area_id, r.place, r.phone, r.hours)
            for r in DepartmentRow.select().order_by(DepartmentRow.code)
        ]

    def queues(self) -> list[Queue]:
        return [
            Queue(r.code, r.name, r.daily_cap) for r in QueueRow.select().order_by(QueueRow.code)
        ]

    def items(self) -> list[ServiceItem]:
        rows = ServiceItemRow.select().where(ServiceItemRow.active).order_by(ServiceItemRow.code)
        return [item_from_dict(r.data) for r in rows]

    def item(self, code: str) -> ServiceItem | None:
        row = ServiceItemRow.get_or_none(ServiceItemRow.code == code)
        return item_from_dict(row.data) if row else None
