"""Numbered schema migrations. Each runs in its own transaction (see ``db.upgrade``).

Rule for later versions: never edit a released step; add a new one (``playhouse.migrate`` for
column changes). Version 1 creates the foundation tables; version 2 adds cases, escalations and
appointments; version 3 replaces the call-next index and adds its PostgreSQL claim function.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import peewee

from yichuang import models

Step = Callable[[peewee.Database], None]


def _v1_foundation(database: peewee.Database) -> None:
    database.create_tables(models.ALL_MODELS)
    if isinstance(database, peewee.PostgresqlDatabase):
        # Every new event wakes the followers (LISTEN yichuang_events) when its transaction
        # commits, whichever program wrote it, without an extra round trip per change.
        database.execute_sql(
            """
            CREATE OR REPLACE FUNCTION yichuang_notify_event() RETURNS trigger AS $$
            BEGIN
                PERFORM pg_notify('yichuang_events', '');
                RETURN NULL;
            END;
            $$ LANGUAGE plpgsql
            """
        )
        database.execute_sql(
            "CREATE TRIGGER event_notify AFTER INSERT ON event "
            "FOR EACH STATEMENT EXECUTE FUNCTION yichuang_notify_event()"
        )


def _v2_cases(database: peewee.Database) -> None:
    """Cases and their timeline, escalations, appointment slots and appointments."""
    database.create_tables(models.CASE_MODELS)


# Call-next's claim on PostgreSQL, in one round trip (see ``QueueEngine._claim``, which does the
# same in Python on SQLite). Under the hall's advisory lock: if the counter is still as the caller
# read it and the chosen ticket still waits, call the ticket and log the event. Returns 1 when
# called, 0 when the ticket was taken meanwhile, -1 when the counter changed; nothing is written
# unless it returns 1. The statement is its own transaction, so the lock is held only while the
# server runs these few lines, never across a network round trip.
CLAIM_CALL_FUNCTION = """
CREATE OR REPLACE FUNCTION yichuang_claim_call(
    lock_key bigint, p_ticket integer, p_queue text, p_queued_at timestamp,
    p_counter integer, p_current integer, p_staff integer, p_status text, p_streak integer,
    new_streak integer, new_status text, p_now timestamp, p_counter_number integer,
    p_payload text
) RETURNS integer AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(lock_key);
    PERFORM 1 FROM counter
        WHERE id = p_counter AND current_ticket_id IS NOT DISTINCT FROM p_current
          AND staff_id IS NOT DISTINCT FROM p_staff AND status = p_status
          AND priority_streak = p_streak;
    IF NOT FOUND THEN
        RETURN -1;
    END IF;
    UPDATE ticket SET status = 'called', call_count = 1,
           first_called_at = COALESCE(first_called_at, p_now), called_at = p_now,
           counter_id = p_counter, staff_id = p_staff, target_counter_id = NULL
        WHERE id = p_ticket AND status = 'waiting' AND queue_id = p_queue
          AND queued_at = p_queued_at
          AND (target_counter_id IS NULL OR target_counter_id = p_counter);
    IF NOT FOUND THEN
        RETURN 0;
    END IF;
    UPDATE counter SET current_ticket_id = p_ticket, priority_streak = new_streak,
           status = new_status
        WHERE id = p_counter;
    INSERT INTO event (at, kind, ticket_id, counter_number, payload)
        VALUES (p_now, 'called', p_ticket, p_counter_number, p_payload);
    RETURN 1;
END;
$$ LANGUAGE plpgsql
"""


def _v3_call_next(database: peewee.Database) -> None:
    """Call-next reads each queue head through an index that ends at (kind, queued_at), and
    tickets transferred to a counter through their own index, instead of filtering every
    waiting ticket of the day; on PostgreSQL it claims the chosen ticket in one round trip."""
    database.execute_sql(
        "DROP INDEX IF EXISTS ticketrow_status_business_date_queue_id_queued_at_id"
    )
    database.create_tables([models.TicketRow], safe=True)  # adds the missing indexes
    if isinstance(database, peewee.PostgresqlDatabase):
        database.execute_sql(CLAIM_CALL_FUNCTION)


STEPS: list[Step] = [_v1_foundation, _v2_cases, _v3_call_next]
LATEST = len(STEPS)


def pending(found: int) -> Iterator[tuple[int, Step]]:
    yield from enumerate(STEPS[found:], start=found + 1)
