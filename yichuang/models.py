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
        only_save_dirty = True  # an UPDATE names only the columns that changed


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
    area_id: str  # set by peewee; declared for type checkers
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
    department_id: str  # set by peewee; declared for type checkers
    queue = ForeignKeyField(QueueRow)
    queue_id: str  # set by peewee; declared for type checkers
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
    staff_id: int | None  # set by peewee; declared for type checkers
    current_ticket_id = IntegerField(null=True)
    priority_streak = IntegerField(default=0)  # consecutive priority calls (fairness rule)

    class Meta:
        table_name = "counter"


class CounterQueueRow(BaseModel):
    counter = ForeignKeyField(CounterRow, backref="queues", on_delete="CASCADE")
    counter_id: int  # set by peewee; declared for type checkers
    queue = ForeignKeyField(QueueRow)
    queue_id: str  # set by peewee; declared for type checkers
    rank = IntegerField(default=0)  # 0 is the counter's main business

    class Meta:
        table_name = "counter_queue"
        indexes = ((("counter", "queue"), True),)


class TicketRow(BaseModel):
    id = AutoField()
    queue = ForeignKeyField(QueueRow)  # where it waits now (changes on transfer)
    queue_id: str  # set by peewee; declared for type checkers
    prefix = CharField(max_length=8)  # the issuing queue's prefix: numbering never changes
    business_date = DateField(index=True)
    seq = IntegerField()
    number = CharField(max_length=16)  # e.g. A015
    item_code = CharField(null=True, max_length=64)
    kind = CharField(max_length=16, default="normal")  # normal / priority / appointment
    priority_group = CharField(default="")
    status = CharField(max_length=16, default="waiting")
    issued_at = DateTimeField()
    queued_at = DateTimeField()  # order in the queue; kept on transfer, reset on re-queue
    first_called_at = DateTimeField(null=True)
    called_at = DateTimeField(null=True)
    call_count = IntegerField(default=0)
    started_at = DateTimeField(null=True)
    finished_at = DateTimeField(null=True)
    counter = ForeignKeyField(CounterRow, null=True)
    counter_id: int | None  # set by peewee; declared for type checkers
    staff = ForeignKeyField(StaffRow, null=True)
    staff_id: int | None  # set by peewee; declared for type checkers
    target_counter = ForeignKeyField(
        CounterRow, null=True, column_name="target_counter_id", backref="directed"
    )
    target_counter_id: int | None  # set by peewee; declared for type checkers
    transfer_count = IntegerField(default=0)
    appointment_no = CharField(null=True, max_length=40)
    request_id = CharField(null=True, unique=True, max_length=64)  # idempotent issue on retry

    class Meta:
        table_name = "ticket"
        indexes = (
            (("prefix", "business_date", "seq"), True),
            # call-next: the oldest waiting ticket of one kind in a queue today (one index range
            # per queue head, so the head is the first entry read, however long the queue is)
            (("status", "business_date", "queue", "kind", "queued_at", "id"), False),
            # call-next: the oldest waiting ticket transferred to a counter by name
            (("target_counter", "status", "business_date", "queued_at", "id"), False),
        )


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


# ---- cases, escalations, appointments (schema version 2) -------------------------------------


class CaseRow(BaseModel):
    """办件: one matter a citizen brought, from registration to its outcome (see ``cases``)."""

    id = AutoField()
    number = CharField(unique=True, max_length=24)  # YC20260302-0001
    business_date = DateField()
    seq = IntegerField()
    kind = CharField(max_length=16)  # consultation / business
    channel = CharField(max_length=16)  # ticket / phone / walk_in
    ticket_id = IntegerField(null=True, index=True)
    ticket_number = CharField(null=True, max_length=16)
    counter_number = IntegerField(null=True)
    citizen = JSONField()
    item_codes = JSONField()
    first_clerk = ForeignKeyField(StaffRow, backref="first_cases")  # 首问负责
    first_clerk_id: int  # set by peewee; declared for type checkers
    status = CharField(max_length=24, index=True)
    outcome = CharField(null=True, max_length=24, index=True)
    details = JSONField(null=True)  # the outcome's details, defaults filled in
    opened_at = DateTimeField()
    closed_at = DateTimeField(null=True)
    closed_by = ForeignKeyField(StaffRow, null=True, backref="closed_cases")
    closed_by_id: int | None  # set by peewee; declared for type checkers
    promised_on = DateField(null=True)
    materials_deadline = DateField(null=True, index=True)
    materials_received_at = DateTimeField(null=True)
    escalation_no = CharField(null=True, max_length=24)
    appointment_no = CharField(null=True, max_length=24)

    class Meta:
        table_name = "service_case"
        indexes = ((("business_date", "seq"), True),)


class CaseEventRow(BaseModel):
    """A case's timeline (who did what, when). Append-only."""

    id = AutoField()
    case = ForeignKeyField(CaseRow, backref="timeline", on_delete="CASCADE")
    case_id: int  # set by peewee; declared for type checkers
    at = DateTimeField()
    staff = ForeignKeyField(StaffRow, null=True)
    staff_id: int | None  # set by peewee; declared for type checkers
    action = CharField(max_length=32)
    detail = JSONField()

    class Meta:
        table_name = "case_event"


class EscalationRow(BaseModel):
    """A matter registered at the "办不成事" desk, with its promised reply date."""

    id = AutoField()
    number = CharField(unique=True, max_length=24)  # BBCS-20260302-001
    business_date = DateField()
    seq = IntegerField()
    case = ForeignKeyField(CaseRow, null=True, backref="escalations")
    case_id: int | None  # set by peewee; declared for type checkers
    category = CharField(max_length=16)
    complex = BooleanField(default=False)
    description = TextField()
    citizen = JSONField()
    item_codes = JSONField()
    created_at = DateTimeField()
    created_by = ForeignKeyField(StaffRow, backref="escalations_registered")
    created_by_id: int  # set by peewee; declared for type checkers
    handler = ForeignKeyField(StaffRow, null=True, backref="escalations_handled")
    handler_id: int | None  # set by peewee; declared for type checkers
    reply_by = DateField(index=True)
    status = CharField(max_length=16, index=True)  # open / answered
    answer = TextField(default="")
    answered_at = DateTimeField(null=True)
    answered_by = ForeignKeyField(StaffRow, null=True, backref="escalations_answered")
    answered_by_id: int | None  # set by peewee; declared for type checkers

    class Meta:
        table_name = "escalation"
        indexes = ((("business_date", "seq"), True),)


class AppointmentSlotRow(BaseModel):
    """A bookable time range for special-timing service; capacity NULL means the default."""

    id = AutoField()
    day = DateField(index=True)
    start_at = DateTimeField()
    end_at = DateTimeField()
    capacity = IntegerField(null=True)
    note = CharField(default="")

    class Meta:
        table_name = "appointment_slot"
        indexes = ((("start_at", "end_at"), True),)


class AppointmentRow(BaseModel):
    """A booked special-timing service (特殊办): early, after-hours, home visit or holiday."""

    id = AutoField()
    number = CharField(unique=True, max_length=24)  # YY20260302-001
    business_date = DateField()  # the booking day, which numbers it
    seq = IntegerField()
    kind = CharField(max_length=16)
    slot = ForeignKeyField(AppointmentSlotRow, backref="appointments")
    slot_id: int  # set by peewee; declared for type checkers
    day = DateField(index=True)
    start_at = DateTimeField()
    end_at = DateTimeField()
    place = CharField(default="")
    citizen = JSONField()
    item_code = CharField(max_length=64)
    staff = ForeignKeyField(StaffRow, backref="appointments")
    staff_id: int  # set by peewee; declared for type checkers
    contact_phone = CharField(default="")
    materials = JSONField()
    note = TextField(default="")
    status = CharField(max_length=16, index=True)
    case_no = CharField(null=True, max_length=24)
    created_at = DateTimeField()
    created_by = ForeignKeyField(StaffRow, null=True, backref="appointments_booked")
    created_by_id: int | None  # set by peewee; declared for type checkers
    checked_in_at = DateTimeField(null=True)
    ticket_number = CharField(null=True, max_length=16)
    served_at = DateTimeField(null=True)
    ended_at = DateTimeField(null=True)  # cancelled / no-show / rescheduled
    reason = CharField(default="")
    rescheduled_from = CharField(null=True, max_length=24)
    rescheduled_to = CharField(null=True, max_length=24)

    class Meta:
        table_name = "appointment"
        indexes = ((("business_date", "seq"), True),)


CASE_MODELS: list[type[BaseModel]] = [
    CaseRow,
    CaseEventRow,
    EscalationRow,
    AppointmentSlotRow,
    AppointmentRow,
]
"""Tables added by schema version 2 (kept out of ``ALL_MODELS``, which is version 1's list)."""
