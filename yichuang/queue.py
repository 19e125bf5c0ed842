"""The queue engine: issue, call, recall, no-show, re-queue, transfer, start, finish, pause.

Every operation is one serialized write that changes the ticket or counter, stamps the time,
and appends an event to the log. Wait, service and idle times are derived from those stamps and
events. The engine returns plain ``Ticket`` / ``CounterState`` values, never database rows.

Most operations are a ``Store.write`` transaction. Those a counter repeats all day (call next,
call a ticket, recall, start, finish) are optimistic (``QueueEngine._optimistic``): they read
and decide without the write lock and write one guarded batch (``Store.write_batch``), reading
again in the rare case another PC changed the same rows in between.
"""

from __future__ import annotations

import contextlib
import math
import random
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any, TypeVar, cast

from peewee import JOIN, Model, fn

from yichuang import settings
from yichuang.db import CONNECTION_ERRORS, Change, Store
from yichuang.errors import (
    AuthError,
    CounterBusy,
    CounterInUse,
    CounterNotOpen,
    CounterPaused,
    CounterServesNothing,
    DailyCapReached,
    InvalidTicketState,
    NoShowTooEarly,
    TicketNotFound,
    UnknownCounter,
    UnknownService,
)
from yichuang.fairness import Candidate, QueuePolicy, choose
from yichuang.i18n import QT_TRANSLATE_NOOP
from yichuang.models import (
    CounterQueueRow,
    CounterRow,
    EventRow,
    QueueRow,
    ServiceItemRow,
    StaffRow,
    TicketRow,
)

Clock = Callable[[], datetime]


class TicketStatus(StrEnum):
    WAITING = "waiting"
    CALLED = "called"
    SERVING = "serving"
    SERVED = "served"
    NO_SHOW = "no_show"
    EXPIRED = "expired"  # still waiting when its business day ended


STATUS_NAMES = {
    TicketStatus.WAITING: QT_TRANSLATE_NOOP("status", "等候中"),
    TicketStatus.CALLED: QT_TRANSLATE_NOOP("status", "已叫号"),
    TicketStatus.SERVING: QT_TRANSLATE_NOOP("status", "办理中"),
    TicketStatus.SERVED: QT_TRANSLATE_NOOP("status", "已办结"),
    TicketStatus.NO_SHOW: QT_TRANSLATE_NOOP("status", "已过号"),
    TicketStatus.EXPIRED: QT_TRANSLATE_NOOP("status", "已作废"),
}


class TicketKind(StrEnum):
    NORMAL = "normal"
    PRIORITY = "priority"  # 绿色通道
    APPOINTMENT = "appointment"  # checked-in appointment


class PriorityGroup(StrEnum):
    ELDERLY = "老年人"
    DISABLED = "残疾人"
    MILITARY = "军人"
    PREGNANT = "孕妇"
    MARTYR_FAMILY = "烈属"
    RESCUE = "消防救援人员"


class CounterStatus(StrEnum):
    OPEN = "open"
    PAUSED = "paused"
    CLOSED = "closed"


class EventKind(StrEnum):
    ISSUED = "issued"
    CALLED = "called"
    RECALLED = "recalled"
    STARTED = "started"
    FINISHED = "finished"
    NO_SHOW = "no_show"
    REQUEUED = "requeued"
    TRANSFERRED = "transferred"
    PAUSED = "counter_paused"
    RESUMED = "counter_resumed"
    SIGNED_IN = "counter_signed_in"
    SIGNED_OUT = "counter_signed_out"


@dataclass(frozen=True)
class Ticket:
    id: int
    number: str
    queue: str
    queue_name: str
    business_date: date
    item_code: str | None
    kind: TicketKind
    priority_group: str
    status: TicketStatus
    issued_at: datetime
    queued_at: datetime
    first_called_at: datetime | None
    called_at: datetime | None
    call_count: int
    started_at: datetime | None
    finished_at: datetime | None
    counter_number: int | None
    target_counter_number: int | None
    transfer_count: int
    appointment_no: str | None

    @property
    def is_priority(self) -> bool:
        return self.kind is not TicketKind.NORMAL


@dataclass(frozen=True)
class IssuedTicket:
    ticket: Ticket
    ahead: int
    estimated_minutes: int


@dataclass(frozen=True)
class CounterState:
    number: int
    name: str
    place: str
    status: CounterStatus
    pause_reason: str
    staff_number: str | None
    staff_name: str | None
    current: Ticket | None
    queues: tuple[str, ...]


class _Conflict:
    """An optimistic attempt found its rows changed by another writer (see ``_optimistic``)."""


T = TypeVar("T")
M = TypeVar("M", bound=Model)


def _same(field: Any, value: Any) -> Any:
    """``field = value``, where None means IS NULL."""
    return field.is_null() if value is None else field == value


def format_number(prefix: str, seq: int) -> str:
    return f"{prefix}{seq:03d}"


class QueueEngine:
    """The hall's queues. Thread- and process-safe through the database's serialized writes."""

    CACHE_SECONDS = 30.0

    def __init__(self, store: Store, clock: Clock = datetime.now) -> None:
        self.store = store
        self.clock = clock
        # Rarely-changing lookups, kept briefly so a call does not re-read them every time.
        self._cache: dict[str, tuple[float, Any]] = {}
        self._statements: dict[str, str] = {}

    def _cached(self, key: str, load: Callable[[], Any]) -> Any:
        """``load()``, kept for CACHE_SECONDS to 1.5 × CACHE_SECONDS (held in the tuple as the
        expiry time): spread out, so that the counters of a hall started together do not all
        re-read at the same moment."""
        now = time.monotonic()
        hit = self._cache.get(key)
        if hit is None or now > hit[0]:
            hit = (now + self.CACHE_SECONDS * random.uniform(1.0, 1.5), load())
            self._cache[key] = hit
        return hit[1]

    def forget_cache(self) -> None:
        """Re-read settings and names on next use (after the administrator changed them)."""
        self._cache.clear()

    def _queue_names(self) -> dict[str, str]:
        return cast(
            dict[str, str],
            self._cached("queues", lambda: {q.code: q.name for q in QueueRow.select()}),
        )

    def _counter_numbers(self) -> dict[int, int]:
        load = lambda: {c.id: c.number for c in CounterRow.select(CounterRow.id, CounterRow.number)}  # noqa: E731
        return cast(dict[int, int], self._cached("counters", load))

    def _queue_name(self, code: str) -> str:
        if code not in self._queue_names():
            self.forget_cache()
        return self._queue_names().get(code, code)

    def _counter_number(self, counter_id: int | None) -> int | None:
        if counter_id is None:
            return None
        if counter_id not in self._counter_numbers():
            self.forget_cache()
        return self._counter_numbers().get(counter_id)

    def _warm_up(self, counter_number: int) -> None:
        """Fill the caches that call-next reads and prepare its queries on this connection, so
        that a counter's first call of the day is as quick as the rest. Run when the clerk
        signs in or resumes, which always comes before calling. Best effort: the sign-in is
        done, so a database error here only means the first call warms up instead."""
        with contextlib.suppress(*CONNECTION_ERRORS, CounterServesNothing):
            self._prepare_calls(counter_number)

    def _prepare_calls(self, counter_number: int) -> None:
        counter = self._counter_row(counter_number)
        self._queue_names()
        self._counter_numbers()
        self._one(TicketRow, TicketRow.id, 0)
        self._choose(counter, self.clock())

    # ---- helpers -------------------------------------------------------------------------

    def _policy(self) -> QueuePolicy:
        return self._cached("policy", settings.queue_policy)

    def _ticket_view(self, row: TicketRow) -> Ticket:
        return Ticket(
            id=row.id,
            number=row.number,
            queue=row.queue_id,
            queue_name=self._queue_name(row.queue_id),
            business_date=row.business_date,
            item_code=row.item_code,
            kind=TicketKind(row.kind),
            priority_group=row.priority_group,
            status=TicketStatus(row.status),
            issued_at=row.issued_at,
            queued_at=row.queued_at,
            first_called_at=row.first_called_at,
            called_at=row.called_at,
            call_count=row.call_count,
            started_at=row.started_at,
            finished_at=row.finished_at,
            counter_number=self._counter_number(row.counter_id),
            target_counter_number=self._counter_number(row.target_counter_id),
            transfer_count=row.transfer_count,
            appointment_no=row.appointment_no,
        )

    def _counter_row(self, number: int) -> CounterRow:
        row = self._one(CounterRow, CounterRow.number, number)
        if row is None:
            raise UnknownCounter(number=number)
        return row

    def _one(self, model: type[M], key: Any, value: Any) -> M | None:
        """The row of ``model`` whose unique ``key`` column equals ``value``, by SQL built once per
        engine and prepared on PostgreSQL: the reads of every call and finish skip building
        and planning the same query each time."""
        name = f"{model.__name__}.{key.name}"
        sql = self._statements.get(name)
        if sql is None:
            sql = self._statements[name] = model.select().where(key == value).sql()[0]
        return next(iter(model.raw(self.store.prepared(sql), value)), None)

    def _event(
        self,
        kind: EventKind,
        now: datetime,
        ticket: TicketRow | None = None,
        counter: CounterRow | None = None,
        **extra: Any,
    ) -> None:
        self._event_change(kind, now, ticket, counter, **extra).query.execute()

    def _event_change(
        self,
        kind: EventKind,
        now: datetime,
        ticket: TicketRow | None = None,
        counter: CounterRow | None = None,
        **extra: Any,
    ) -> Change:
        """The event log entry of a change, as a write (the last of a guarded batch)."""
        return Change(
            EventRow.insert(
                at=now,
                kind=kind,
                ticket_id=ticket.id if ticket is not None else None,
                counter_number=counter.number if counter is not None else None,
                payload=self._event_payload(ticket, counter, **extra),
            ),
            required=False,
        )

    @staticmethod
    def _event_payload(
        ticket: TicketRow | None, counter: CounterRow | None, **extra: Any
    ) -> dict[str, Any]:
        payload: dict[str, Any] = dict(extra)
        if ticket is not None:
            payload.update(
                ticket=ticket.number,
                queue=ticket.queue_id,
                kind=ticket.kind,
                status=ticket.status,
                call_count=ticket.call_count,
            )
        if counter is not None:
            payload.update(counter=counter.number, counter_name=counter.name)
        return payload

    def _current(self, counter: CounterRow) -> TicketRow | None:
        if counter.current_ticket_id is None:
            return None
        return self._one(TicketRow, TicketRow.id, counter.current_ticket_id)

    @staticmethod
    def _wrong_state(ticket: TicketRow, action: str, action_en: str) -> InvalidTicketState:
        status = TicketStatus(ticket.status)
        return InvalidTicketState(
            ticket=ticket.number,
            state=STATUS_NAMES[status],
            state_en=status.value.replace("_", " "),
            action=action,
            action_en=action_en,
        )

    def _require_current(self, counter: CounterRow, action: str, action_en: str) -> TicketRow:
        ticket = self._current(counter)
        if ticket is None:
            raise InvalidTicketState(
                ticket="—", state="无", state_en="none", action=action, action_en=action_en
            )
        return ticket

    def _resolve_queue(self, service: str) -> tuple[QueueRow, str | None]:
        """A queue code, or an item code (whose queue is used)."""
        queue = QueueRow.get_or_none(QueueRow.code == service)
        if queue is not None:
            return queue, None
        item = ServiceItemRow.get_or_none((ServiceItemRow.code == service) & ServiceItemRow.active)
        if item is None:
            raise UnknownService(code=service)
        return item.queue, item.code

    def _expire_stale(self, today: date) -> None:
        """Close what an earlier business day left open: tickets still waiting, called or in
        service expire, and no counter keeps pointing at them (a counter left busy overnight
        is free again in the morning)."""
        earlier = TicketRow.business_date < today
        TicketRow.update(status=TicketStatus.EXPIRED).where(
            earlier
            & TicketRow.status.in_(
                [TicketStatus.WAITING, TicketStatus.CALLED, TicketStatus.SERVING]
            )
        ).execute()
        stale = TicketRow.select(TicketRow.id).where(earlier)
        CounterRow.update(current_ticket_id=None).where(
            CounterRow.current_ticket_id.is_null(False) & CounterRow.current_ticket_id.in_(stale)
        ).execute()

    # ---- issuing -------------------------------------------------------------------------

    def issue(
        self,
        service: str,
        *,
        kind: TicketKind = TicketKind.NORMAL,
        priority_group: str = "",
        appointment_no: str | None = None,
        request_id: str | None = None,
    ) -> IssuedTicket:
        """Issue a ticket for a queue or service item.

        ``request_id`` makes the call idempotent: the kiosk sends the same id again after a lost
        connection and gets the same ticket back, never a second number.
        """

        def run() -> TicketRow:
            with self.store.write():
                if request_id is not None:
                    existing = TicketRow.get_or_none(TicketRow.request_id == request_id)
                    if existing is not None:
                        return existing
                queue, item_code = self._resolve_queue(service)
                now = self.clock()
                today = now.date()
                self._expire_stale(today)
                day = TicketRow.select().where(
                    (TicketRow.prefix == queue.code) & (TicketRow.business_date == today)
                )
                if (
                    queue.daily_cap is not None
                    and kind is not TicketKind.APPOINTMENT
                    and day.where(TicketRow.kind != TicketKind.APPOINTMENT).count()
                    >= queue.daily_cap
                ):
                    raise DailyCapReached(queue=queue.name, cap=queue.daily_cap)
                seq = (day.select(fn.MAX(TicketRow.seq)).scalar() or 0) + 1
                row = TicketRow.create(
                    queue=queue,
                    prefix=queue.code,
                    business_date=today,
                    seq=seq,
                    number=format_number(queue.code, seq),
                    item_code=item_code,
                    kind=kind,
                    priority_group=priority_group,
                    status=TicketStatus.WAITING,
                    issued_at=now,
                    queued_at=now,
                    appointment_no=appointment_no,
                    request_id=request_id,
                )
                self._event(EventKind.ISSUED, now, row, queue_name=queue.name)
                return row

        # The wait estimate is read after the ticket is committed, outside the write lock.
        row = self.store.retrying(run)
        return self.store.retrying(lambda: self._issued(row))

    def _issued(self, row: TicketRow) -> IssuedTicket:
        ahead, minutes = self._estimate(row.queue, before=row)
        return IssuedTicket(self._ticket_view(row), ahead, minutes)

    def estimate(self, service: str) -> tuple[int, int]:
        """(people waiting, estimated minutes) for a ticket issued now."""
        queue, _ = self._resolve_queue(service)
        return self._estimate(queue)

    def _estimate(self, queue: QueueRow, before: TicketRow | None = None) -> tuple[int, int]:
        waiting = TicketRow.select().where(
            (TicketRow.queue == queue)
            & (TicketRow.status == TicketStatus.WAITING)
            & (TicketRow.business_date == self.clock().date())
        )
        if before is not None:
            waiting = waiting.where(
                (TicketRow.queued_at < before.queued_at)
                | ((TicketRow.queued_at == before.queued_at) & (TicketRow.id < before.id))
            )
        ahead = waiting.count()
        recent = list(
            TicketRow.select(TicketRow.started_at, TicketRow.finished_at)
            .where(
                (TicketRow.queue == queue)
                & (TicketRow.status == TicketStatus.SERVED)
                & TicketRow.started_at.is_null(False)
            )
            .order_by(TicketRow.finished_at.desc())
            .limit(20)
        )
        durations = [
            (r.finished_at - r.started_at).total_seconds()
            for r in recent
            if r.finished_at is not None and r.started_at is not None
        ]
        if durations:
            per_ticket = max(1.0, sum(durations) / len(durations) / 60)
        else:
            per_ticket = self._policy().default_service_minutes
        serving = (
            CounterRow.select()
            .join(CounterQueueRow)
            .where((CounterQueueRow.queue == queue) & (CounterRow.status == CounterStatus.OPEN))
            .count()
        )
        minutes = math.ceil(ahead * per_ticket / max(1, serving))
        return ahead, minutes

    # ---- calling -------------------------------------------------------------------------

    def _callable_counter(self, number: int) -> CounterRow:
        counter = self._counter_row(number)
        if counter.status == CounterStatus.PAUSED:
            raise CounterPaused(number=number, reason=counter.pause_reason)
        current = self._current(counter)
        if current is not None and current.status in (TicketStatus.CALLED, TicketStatus.SERVING):
            raise CounterBusy(number=number, ticket=current.number)
        return counter

    def _counter_queues(self, counter: CounterRow) -> dict[str, int]:
        ranks = self._cached(
            f"ranks-{counter.id}",
            lambda: {
                cq.queue_id: cq.rank
                for cq in CounterQueueRow.select().where(CounterQueueRow.counter == counter)
            },
        )
        if not ranks:
            raise CounterServesNothing(number=counter.number)
        return ranks

    def _candidates(
        self, counter: CounterRow, ranks: dict[str, int], today: date
    ) -> tuple[list[Candidate], dict[int, TicketRow]]:
        """The heads of the counter's queues: per served queue the oldest ticket of each kind
        (ordinary, green channel, appointment), plus the oldest ticket transferred to this
        counter. The
        fairness rule only ever picks one of these, so one query of indexed ``LIMIT 1`` parts
        replaces reading every waiting ticket. Returns the candidates and their rows."""
        key = f"heads-{counter.id}-{sorted(ranks.items())}-{today}"
        sql, params = self._cached(key, lambda: self._heads_sql(counter, ranks, today))
        rows = {row.id: row for row in TicketRow.raw(self.store.prepared(sql), *params)}
        return [
            Candidate(
                ticket_id=row.id,
                rank=ranks.get(row.queue_id, 99),
                queued_at=row.queued_at,
                priority=row.kind != TicketKind.NORMAL,
                directed=row.target_counter_id == counter.id,
            )
            for row in rows.values()
        ], rows

    @staticmethod
    def _heads_sql(
        counter: CounterRow, ranks: dict[str, int], today: date
    ) -> tuple[str, list[Any]]:
        """The queue-heads query for one counter and day, built once (it runs on every call,
        inside the write lock, so it is not rebuilt each time)."""
        waiting = (TicketRow.status == TicketStatus.WAITING) & (TicketRow.business_date == today)
        conditions = [TicketRow.target_counter == counter]
        for queue in ranks:
            for kind in TicketKind:  # one index range each (see the ticket indexes)
                conditions.append(
                    (TicketRow.queue == queue)
                    & (TicketRow.kind == kind)
                    & TicketRow.target_counter.is_null()
                )
        parts: list[str] = []
        params: list[Any] = []
        for index, condition in enumerate(conditions):
            sql, values = (
                TicketRow.select()
                .where(waiting & condition)
                .order_by(TicketRow.queued_at, TicketRow.id)
                .limit(1)
                .sql()
            )
            parts.append(f"SELECT * FROM ({sql}) AS head{index}")
            params.extend(values)
        return " UNION ALL ".join(parts), params

    def call_next(self, counter_number: int) -> Ticket | None:
        """Call the next ticket for a counter, or None if nobody waits for it.

        Atomic: two counters calling at once never get the same ticket. The choice is made from
        plain reads, outside the write lock, and claimed by a guarded write batch that succeeds
        only if the ticket still waits and the counter is as it was read; otherwise the counter
        reads and chooses again (see ``_optimistic``). The lock is therefore held for the few
        writes of a call, not for the queries that choose it, and a counter with nobody waiting
        for it takes no lock at all.
        """

        def attempt() -> Ticket | None | _Conflict:
            counter = self._callable_counter(counter_number)
            now = self.clock()
            chosen, rows = self._choose(counter, now)
            if chosen is None:
                return None
            streak = counter.priority_streak + 1 if chosen.priority else 0
            return self._call(counter, rows[chosen.ticket_id], now, streak=streak)

        return self.store.retrying(lambda: self._optimistic(attempt))

    def _optimistic(self, attempt: Callable[[], T | _Conflict]) -> T:
        """Run ``attempt`` (reads, checks, one guarded write batch) until it is not overtaken
        by another writer; after a second conflict, run it holding the write lock throughout,
        where nothing can overtake it."""
        for _ in range(2):
            result = attempt()
            if not isinstance(result, _Conflict):
                return result
        with self.store.write():
            result = attempt()
        if isinstance(result, _Conflict):
            raise AssertionError("a write batch conflicted while holding the write lock")
        return result

    def _choose(
        self, counter: CounterRow, now: datetime
    ) -> tuple[Candidate | None, dict[int, TicketRow]]:
        ranks = self._counter_queues(counter)
        candidates, rows = self._candidates(counter, ranks, now.date())
        chosen = choose(
            candidates,
            priority_streak=counter.priority_streak,
            policy=self._policy(),
            now=now,
        )
        return chosen, rows

    def call_ticket(self, counter_number: int, ticket_number: str) -> Ticket:
        """Call a chosen waiting ticket (e.g. a citizen who came to the counter directly)."""

        def attempt() -> Ticket | _Conflict:
            counter = self._callable_counter(counter_number)
            now = self.clock()
            ticket = self._find(ticket_number, now.date())
            if ticket.status != TicketStatus.WAITING:
                raise self._wrong_state(ticket, "叫号", "call it")
            return self._call(counter, ticket, now, streak=counter.priority_streak)

        return self.store.retrying(lambda: self._optimistic(attempt))

    def _find(self, number: str, day: date) -> TicketRow:
        row = TicketRow.get_or_none(
            (TicketRow.number == number.strip().upper()) & (TicketRow.business_date == day)
        )
        if row is None:
            raise TicketNotFound(ticket=number)
        return row

    def _call(
        self, counter: CounterRow, ticket: TicketRow, now: datetime, *, streak: int
    ) -> Ticket | _Conflict:
        """Call a waiting ``ticket`` to ``counter``, whose priority streak becomes ``streak``.
        Guarded: a conflict if the ticket no longer waits or the counter changed since both
        were read."""
        counter_unchanged = self._counter_unchanged(counter)
        ticket_still_waiting = (
            (TicketRow.id == ticket.id)
            & (TicketRow.status == TicketStatus.WAITING)
            & (TicketRow.queue == ticket.queue_id)
            & (TicketRow.queued_at == ticket.queued_at)
            & _same(TicketRow.target_counter, ticket.target_counter_id)
        )
        ticket.status = TicketStatus.CALLED
        ticket.call_count = 1
        ticket.first_called_at = ticket.first_called_at or now
        ticket.called_at = now
        ticket.counter_id = counter.id
        ticket.staff_id = counter.staff_id
        ticket.target_counter_id = None
        counter.current_ticket_id = ticket.id
        counter.priority_streak = streak
        if counter.status == CounterStatus.CLOSED:
            counter.status = CounterStatus.OPEN
        event = self._event_change(EventKind.CALLED, now, ticket, counter)
        return self._save([(ticket, ticket_still_waiting), (counter, counter_unchanged)], event)

    def _save(self, rows: Sequence[tuple[Model, Any]], event: Change) -> Ticket | _Conflict:
        """Write the changed fields of each (row, condition that it is as it was read) and the
        event, as one guarded batch. Returns the ticket (the first row) or a conflict."""
        changes = []
        for row, guard in rows:
            model = type(row)
            # a row that did not change is still checked (SET id = id): its guard stays
            key: Any = model._meta.primary_key
            values: dict[Any, Any] = {f: row.__data__[f.name] for f in row.dirty_fields}
            changes.append(Change(model.update(values or {key: key}).where(guard)))
        if not self.store.write_batch([*changes, event]):
            return _Conflict()
        return self._ticket_view(cast(TicketRow, rows[0][0]))

    @staticmethod
    def _ticket_unchanged(ticket: TicketRow) -> Any:
        """A condition: the ticket row still is as ``ticket`` was read (the fields that a call,
        recall, start, finish or transfer changes)."""
        return (
            (TicketRow.id == ticket.id)
            & (TicketRow.status == ticket.status)
            & (TicketRow.call_count == ticket.call_count)
            & _same(TicketRow.counter, ticket.counter_id)
            & (TicketRow.queue == ticket.queue_id)
        )

    @staticmethod
    def _counter_unchanged(counter: CounterRow) -> Any:
        """A condition: the counter row still is as ``counter`` was read (the fields that its
        clerk's actions and sign-in change)."""
        return (
            (CounterRow.id == counter.id)
            & _same(CounterRow.current_ticket_id, counter.current_ticket_id)
            & _same(CounterRow.staff_id, counter.staff_id)
            & (CounterRow.status == counter.status)
            & (CounterRow.priority_streak == counter.priority_streak)
        )

    def recall(self, counter_number: int) -> Ticket:
        """Call the counter's current ticket again (announced again on the display)."""

        def attempt() -> Ticket | _Conflict:
            counter = self._counter_row(counter_number)
            ticket = self._require_current(counter, "重呼", "recall it")
            if ticket.status != TicketStatus.CALLED:
                raise self._wrong_state(ticket, "重呼", "recall it")
            unchanged = self._ticket_unchanged(ticket)
            now = self.clock()
            ticket.call_count += 1
            ticket.called_at = now
            event = self._event_change(EventKind.RECALLED, now, ticket, counter)
            return self._save([(ticket, unchanged)], event)

        return self.store.retrying(lambda: self._optimistic(attempt))

    def no_show(self, counter_number: int, *, requeue: bool = False) -> Ticket:
        """Mark the called ticket as absent (过号), only after enough calls."""

        def run() -> Ticket:
            with self.store.write():
                counter = self._counter_row(counter_number)
                ticket = self._require_current(counter, "过号", "mark it as a no-show")
                needed = self._policy().noshow_min_calls
                if ticket.status != TicketStatus.CALLED:
                    raise self._wrong_state(ticket, "过号", "mark it as a no-show")
                if ticket.call_count < needed:
                    raise NoShowTooEarly(
                        ticket=ticket.number, calls=ticket.call_count, needed=needed
                    )
                now = self.clock()
                ticket.status = TicketStatus.NO_SHOW
                ticket.finished_at = now
                ticket.save()
                counter.current_ticket_id = None
                counter.save()
                self._event(EventKind.NO_SHOW, now, ticket, counter)
                if requeue:
                    self._requeue(ticket, now)
                return self._ticket_view(ticket)

        return self.store.retrying(run)

    def requeue(self, ticket_number: str) -> Ticket:
        """A late citizen whose ticket was a no-show joins the back of the queue again."""

        def run() -> Ticket:
            with self.store.write():
                now = self.clock()
                ticket = self._find(ticket_number, now.date())
                if ticket.status != TicketStatus.NO_SHOW:
                    raise self._wrong_state(ticket, "重新排队", "re-queue it")
                self._requeue(ticket, now)
                return self._ticket_view(ticket)

        return self.store.retrying(run)

    def _requeue(self, ticket: TicketRow, now: datetime) -> None:
        ticket.status = TicketStatus.WAITING
        ticket.queued_at = now
        ticket.finished_at = None
        ticket.call_count = 0
        ticket.save()
        self._event(EventKind.REQUEUED, now, ticket)

    # ---- serving -------------------------------------------------------------------------

    def start(self, counter_number: int) -> Ticket:
        """The citizen arrived at the counter: service time starts."""

        def attempt() -> Ticket | _Conflict:
            counter = self._counter_row(counter_number)
            ticket = self._require_current(counter, "开始办理", "start serving it")
            if ticket.status == TicketStatus.SERVING:
                return self._ticket_view(ticket)
            if ticket.status != TicketStatus.CALLED:
                raise self._wrong_state(ticket, "开始办理", "start serving it")
            unchanged = self._ticket_unchanged(ticket)
            now = self.clock()
            ticket.status = TicketStatus.SERVING
            ticket.started_at = now
            event = self._event_change(EventKind.STARTED, now, ticket, counter)
            return self._save([(ticket, unchanged)], event)

        return self.store.retrying(lambda: self._optimistic(attempt))

    def finish(self, counter_number: int) -> Ticket:
        """Service ended. (Case entry records the outcome of what was served.)"""

        def attempt() -> Ticket | _Conflict:
            counter = self._counter_row(counter_number)
            ticket = self._require_current(counter, "结束办理", "finish it")
            if ticket.status not in (TicketStatus.CALLED, TicketStatus.SERVING):
                raise self._wrong_state(ticket, "结束办理", "finish it")
            guards = [
                (ticket, self._ticket_unchanged(ticket)),
                (counter, self._counter_unchanged(counter)),
            ]
            now = self.clock()
            if ticket.started_at is None:  # the clerk never pressed "start"
                ticket.started_at = ticket.called_at or now
            ticket.status = TicketStatus.SERVED
            ticket.finished_at = now
            counter.current_ticket_id = None
            event = self._event_change(EventKind.FINISHED, now, ticket, counter)
            return self._save(guards, event)

        return self.store.retrying(lambda: self._optimistic(attempt))

    def transfer(
        self,
        counter_number: int,
        *,
        to_queue: str | None = None,
        to_counter: int | None = None,
    ) -> Ticket:
        """Send the current ticket to another queue or a named counter. It keeps its original
        queue position (issue time), so the citizen does not start over."""

        def run() -> Ticket:
            with self.store.write():
                counter = self._counter_row(counter_number)
                ticket = self._require_current(counter, "转办", "transfer it")
                if ticket.status not in (TicketStatus.CALLED, TicketStatus.SERVING):
                    raise self._wrong_state(ticket, "转办", "transfer it")
                target = self._counter_row(to_counter) if to_counter is not None else None
                if target is not None and (
                    target.staff_id is None or target.status == CounterStatus.CLOSED
                ):
                    raise CounterNotOpen(number=target.number)
                if to_queue is not None:
                    queue, _ = self._resolve_queue(to_queue)
                    ticket.queue = queue
                elif target is None:
                    raise UnknownService(code="")
                now = self.clock()
                ticket.status = TicketStatus.WAITING
                ticket.target_counter = target
                ticket.transfer_count += 1
                ticket.call_count = 0
                ticket.started_at = None
                ticket.save()
                counter.current_ticket_id = None
                counter.save()
                self._event(
                    EventKind.TRANSFERRED,
                    now,
                    ticket,
                    counter,
                    to_queue=ticket.queue_id,
                    to_counter=target.number if target else None,
                )
                return self._ticket_view(ticket)

        return self.store.retrying(run)

    # ---- counters ------------------------------------------------------------------------

    def sign_in(self, counter_number: int, staff_number: str) -> CounterState:
        def run() -> CounterState:
            with self.store.write():
                counter = self._counter_row(counter_number)
                staff = StaffRow.get_or_none(StaffRow.number == staff_number)
                if staff is None:
                    raise AuthError()
                other = counter.staff
                if (
                    other is not None
                    and other.id != staff.id
                    and counter.status != CounterStatus.CLOSED
                ):
                    raise CounterInUse(
                        number=counter.number, staff=other.number, staff_name=other.name
                    )
                self._expire_stale(self.clock().date())
                # Signing in at one counter signs the same person out of any other.
                CounterRow.update(staff=None, status=CounterStatus.CLOSED).where(
                    (CounterRow.staff == staff)
                    & (CounterRow.id != counter.id)
                    & CounterRow.current_ticket_id.is_null()
                ).execute()
                counter.staff = staff
                counter.status = CounterStatus.OPEN
                counter.pause_reason = ""
                counter.save()
                self._event(
                    EventKind.SIGNED_IN,
                    self.clock(),
                    None,
                    counter,
                    staff=staff.number,
                    staff_name=staff.name,
                )
            return self.counter(counter_number)

        state = self.store.retrying(run)
        self._warm_up(counter_number)
        return state

    def sign_out(self, counter_number: int) -> CounterState:
        def run() -> CounterState:
            with self.store.write():
                counter = self._counter_row(counter_number)
                current = self._current(counter)
                if current is not None:
                    raise CounterBusy(number=counter_number, ticket=current.number)
                # Citizens sent to this counter by name go back to their queue, in their place.
                TicketRow.update(target_counter=None).where(
                    (TicketRow.target_counter == counter)
                    & (TicketRow.status == TicketStatus.WAITING)
                ).execute()
                counter.staff = None
                counter.status = CounterStatus.CLOSED
                counter.save()
                self._event(EventKind.SIGNED_OUT, self.clock(), None, counter)
            return self.counter(counter_number)

        return self.store.retrying(run)

    def pause(self, counter_number: int, reason: str) -> CounterState:
        def run() -> CounterState:
            with self.store.write():
                counter = self._counter_row(counter_number)
                counter.status = CounterStatus.PAUSED
                counter.pause_reason = reason.strip() or "暂停"
                counter.save()
                self._event(
                    EventKind.PAUSED, self.clock(), None, counter, reason=counter.pause_reason
                )
            return self.counter(counter_number)

        return self.store.retrying(run)

    def resume(self, counter_number: int) -> CounterState:
        def run() -> CounterState:
            with self.store.write():
                counter = self._counter_row(counter_number)
                counter.status = CounterStatus.OPEN
                counter.pause_reason = ""
                counter.save()
                self._event(EventKind.RESUMED, self.clock(), None, counter)
            return self.counter(counter_number)

        state = self.store.retrying(run)
        self._warm_up(counter_number)
        return state

    # ---- reading -------------------------------------------------------------------------

    def counter(self, number: int) -> CounterState:
        row = self._counter_row(number)
        return self._counter_state(row)

    def _counter_state(self, row: CounterRow) -> CounterState:
        current = self._current(row)
        queues = tuple(
            cq.queue_id
            for cq in CounterQueueRow.select()
            .where(CounterQueueRow.counter == row)
            .order_by(CounterQueueRow.rank)
        )
        return CounterState(
            number=row.number,
            name=row.name,
            place=row.place,
            status=CounterStatus(row.status),
            pause_reason=row.pause_reason,
            staff_number=row.staff.number if row.staff is not None else None,
            staff_name=row.staff.name if row.staff is not None else None,
            current=self._ticket_view(current) if current else None,
            queues=queues,
        )

    def counters(self) -> list[CounterState]:
        return [self._counter_state(r) for r in CounterRow.select().order_by(CounterRow.number)]

    def waiting(
        self, queues: Iterable[str] | None = None, counter: int | None = None
    ) -> list[Ticket]:
        """Today's waiting tickets in queue order (optionally those a counter may call)."""
        query = (
            TicketRow.select(TicketRow, QueueRow)
            .join(QueueRow)
            .switch(TicketRow)
            .join(CounterRow, JOIN.LEFT_OUTER, on=(TicketRow.target_counter == CounterRow.id))
            .where(
                (TicketRow.status == TicketStatus.WAITING)
                & (TicketRow.business_date == self.clock().date())
            )
            .order_by(TicketRow.queued_at, TicketRow.id)
        )
        if counter is not None:
            row = self._counter_row(counter)
            served = list(self._counter_queues(row))
            query = query.where(
                (TicketRow.queue.in_(served) & TicketRow.target_counter.is_null())
                | (TicketRow.target_counter == row)
            )
        elif queues is not None:
            query = query.where(TicketRow.queue.in_(list(queues)))
        return [self._ticket_view(r) for r in query]

    def waiting_counts(self) -> dict[str, int]:
        counts = {q.code: 0 for q in QueueRow.select()}
        rows = (
            TicketRow.select(TicketRow.queue, fn.COUNT(TicketRow.id))
            .where(
                (TicketRow.status == TicketStatus.WAITING)
                & (TicketRow.business_date == self.clock().date())
            )
            .group_by(TicketRow.queue)
            .tuples()
        )
        for queue, count in cast(Iterable[tuple[str, int]], rows):
            counts[queue] = count
        return counts

    def ticket(self, number: str, day: date | None = None) -> Ticket:
        return self._ticket_view(self._find(number, day or self.clock().date()))

    def served_today(self, counter_number: int) -> list[Ticket]:
        counter = self._counter_row(counter_number)
        rows = (
            TicketRow.select()
            .where(
                (TicketRow.counter == counter)
                & (TicketRow.business_date == self.clock().date())
                & TicketRow.status.in_([TicketStatus.SERVED, TicketStatus.NO_SHOW])
            )
            .order_by(TicketRow.finished_at.desc())
        )
        return [self._ticket_view(r) for r in rows]

    def queues(self) -> list[tuple[str, str]]:
        return [(q.code, q.name) for q in QueueRow.select().order_by(QueueRow.code)]
