"""Numbered schema migrations. Each runs in its own transaction (see ``db.upgrade``).

Rule for later versions: never edit a released step; add a new one (``playhouse.migrate`` for
column changes). Version 1 creates the foundation tables; version 2 adds cases, escalations and
appointments; version 3 replaces the call-next index and adds ``yichuang_apply`` on PostgreSQL.
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


# ``Store.write_batch`` on PostgreSQL: run prepared writes under the hall's advisory lock in one
# round trip. A statement marked as required that changes no row undoes the whole batch (the
# rows it guards were changed by someone else since they were read) and its 1-based position is
# returned; 0 means every write was applied. The call is its own transaction, so the lock is held
# only while the server runs these statements, never across a network round trip.
APPLY_FUNCTION = """
CREATE OR REPLACE FUNCTION yichuang_apply(lock_key bigint, statements text[], required boolean[])
RETURNS integer AS $$
DECLARE
    changed integer;
BEGIN
    PERFORM pg_advisory_xact_lock(lock_key);
    BEGIN
        FOR i IN 1 .. coalesce(array_length(statements, 1), 0) LOOP
            EXECUTE statements[i];
            GET DIAGNOSTICS changed = ROW_COUNT;
            IF required[i] AND changed = 0 THEN
                RAISE EXCEPTION USING ERRCODE = 'YC409', MESSAGE = i::text;
            END IF;
        END LOOP;
    EXCEPTION WHEN SQLSTATE 'YC409' THEN
        RETURN SQLERRM::integer;
    END;
    RETURN 0;
END;
$$ LANGUAGE plpgsql
"""


def _v3_call_next(database: peewee.Database) -> None:
    """Call-next reads each queue head through an index that ends at (kind, queued_at), and
    tickets transferred to a counter through their own index, instead of filtering every
    waiting ticket of the day; on PostgreSQL, guarded write batches run in one round trip."""
    database.execute_sql(
        "DROP INDEX IF EXISTS ticketrow_status_business_date_queue_id_queued_at_id"
    )
    database.create_tables([models.TicketRow], safe=True)  # adds the missing indexes
    if isinstance(database, peewee.PostgresqlDatabase):
        database.execute_sql(APPLY_FUNCTION)


STEPS: list[Step] = [_v1_foundation, _v2_cases, _v3_call_next]
LATEST = len(STEPS)


def pending(found: int) -> Iterator[tuple[int, Step]]:
    yield from enumerate(STEPS[found:], start=found + 1)
