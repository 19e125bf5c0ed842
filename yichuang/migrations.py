"""Numbered schema migrations. Each runs in its own transaction (see ``db.upgrade``).

Rule for later versions: never edit a released step; add a new one (``playhouse.migrate`` for
column changes). Version 1 creates the foundation tables; version 2 adds cases, escalations and
appointments; version 3 replaces the call-next index.
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


def _v3_queue_head_indexes(database: peewee.Database) -> None:
    """Call-next reads each queue head through an index that ends at (kind, queued_at), and
    tickets transferred to a counter through their own index, instead of filtering every
    waiting ticket of the day."""
    database.execute_sql(
        "DROP INDEX IF EXISTS ticketrow_status_business_date_queue_id_queued_at_id"
    )
    database.create_tables([models.TicketRow], safe=True)  # adds the missing indexes


STEPS: list[Step] = [_v1_foundation, _v2_cases, _v3_queue_head_indexes]
LATEST = len(STEPS)


def pending(found: int) -> Iterator[tuple[int, Step]]:
    yield from enumerate(STEPS[found:], start=found + 1)
