"""Database tables (peewee models) bound to one ``DatabaseProxy`` that ``db.open_database`` fills.

Tables mirror the domain: the catalog (areas, departments, queues, items), counters and the
queues they serve, staff, tickets, and the append-only event log every PC follows.
"""

from __future__ import annotations

import json
from typing import Any

from peewee import (
    AutoField,
    BooleanField,
    CharField,
    DatabaseProxy,
    DateField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)

database_proxy = DatabaseProxy()


class JSONField(TextField):
    """JSON stored as text: portable between SQLite and PostgreSQL."""

    def db_value(self, value: Any) -> str | None:
        return None if value is None else json.dumps(value, ensure_ascii=False)

    def python_value(self, value: str | None) -> Any:
        return None if value is None else json.loads(value)


class BaseModel(Model):
    class Meta:
        database = database_proxy


class SchemaVersion(BaseModel):
    version = IntegerField()
    applied_at = DateTimeField()


class Setting(BaseModel):
    key = CharField(primary_key=True, max_length=64)
    value = JSONField()


class AreaRow(BaseModel):
    code = CharField(primary_key=True, max_length=32)
    name = CharField(max_length=100)

    class Meta:
        table_name = "area"


class DepartmentRow(BaseModel):
    code = CharField(primary_key=True, max_length=32)
    name = CharField(max_length=100)
    area = ForeignKeyField(AreaRow)
    place = CharField(default="")
    phone = CharField(default="")
    hours = CharField(default="")

    class Meta:
        table_name = "department"


class QueueRow(BaseModel):
    code = CharField(primary_key=True, max_length=8)  # the ticket prefix
    name = CharField(max_length=100)
    daily_cap = IntegerField(null=True)

    class Meta:
        table_name = "ticket_queue"


class ServiceItemRow(BaseModel):
    code = CharField(primary_key=True, max_length=64)
    name = CharField(max_length=200)
    department = ForeignKeyField(DepartmentRow)
    queue = ForeignKeyField(QueueRow)
    data = JSONField()  # every other field of catalog.ServiceItem, materials included
    active = BooleanField(default=True)

    class Meta:
        table_name = "service_item"


class StaffRow(BaseModel):
    id = AutoField()
    number = CharField(unique=True, max_length=32)
    name = CharField(max_length=50)
    role = CharField(max_length=16)
    pin_hash = CharField(max_length=200)
    active = BooleanField(default=True)

    class Meta:
        table_name = "staff"


class CounterRow(BaseModel):
    id = AutoField()
    number = IntegerField(unique=True)
    name = CharField(max_length=50)
    place = CharField(default="")
    status = CharField(max_length=16, default="closed")  # open / paused / closed
    pause_reason = CharField(default="")
    staff = ForeignKeyField(StaffRow, null=True)
    current_ticket_id = IntegerField(null=True)
    priority_streak = IntegerField(default=0)  # consecutive priority calls (fairness rule)

    class Meta:
        table_name = "counter"


class CounterQueueRow(BaseModel):
    counter = ForeignKeyField(CounterRow, backref="queues", on_delete="CASCADE")
    queue = ForeignKeyField(QueueRow)
    rank = IntegerField(default=0)  # 0 is the counter's main business

    class Meta:
        table_name = "counter_queue"
        indexes = ((("counter", "queue"), True),)


class TicketRow(BaseModel):
    id = AutoField()
    queue = ForeignKeyField(QueueRow)  # where it waits now (changes on transfer)
    prefix = CharField(max_length=8)  # the issuing queue's prefix: numbering never changes
    business_date = DateField(index=True)
    seq = IntegerField()
    number = CharField(max_length=16)  # e.g. A015
    item_code = CharField(null=True, max_length=64)
    kind = CharField(max_length=16, default="normal")  # normal / priority / appointment
    priority_group = CharField(default="")
    status = CharField(max_length=16, default="waiting", index=True)
    issued_at = DateTimeField()
    queued_at = DateTimeField()  # order in the queue; kept on transfer, reset on re-queue
    first_called_at = DateTimeField(null=True)
    called_at = DateTimeField(null=True)
    call_count = IntegerField(default=0)
    started_at = DateTimeField(null=True)
    finished_at = DateTimeField(null=True)
    counter = ForeignKeyField(CounterRow, null=True)
    staff = ForeignKeyField(StaffRow, null=True)
    target_counter = ForeignKeyField(
        CounterRow, null=True, column_name="target_counter_id", backref="directed"
    )
    transfer_count = IntegerField(default=0)
    appointment_no = CharField(null=True, max_length=40)
    request_id = CharField(null=True, unique=True, max_length=64)  # idempotent issue on retry

    class Meta:
        table_name = "ticket"
        indexes = ((("prefix", "business_date", "seq"), True),)


class EventRow(BaseModel):
    """Append-only: rows are never updated or deleted."""

    id = AutoField()
    at = DateTimeField()
    kind = CharField(max_length=32)
    ticket_id = IntegerField(null=True)
    counter_number = IntegerField(null=True)
    payload = JSONField()

    class Meta:
        table_name = "event"


class AuditRow(BaseModel):
    id = AutoField()
    at = DateTimeField()
    staff_number = CharField(null=True, max_length=32)
    action = CharField(max_length=64)
    detail = JSONField()

    class Meta:
        table_name = "audit_log"


ALL_MODELS: list[type[BaseModel]] = [
    SchemaVersion,
    Setting,
    AreaRow,
    DepartmentRow,
    QueueRow,
    ServiceItemRow,
    StaffRow,
    CounterRow,
    CounterQueueRow,
    TicketRow,
    EventRow,
    AuditRow,
]
