"""Following the append-only event log from any process: "give me the events after id N".

``EventFeed.wait(after, timeout)`` blocks until there is something newer or the timeout passes.
On PostgreSQL it sleeps on LISTEN/NOTIFY (woken at the commit of a call); on SQLite it polls
the log every ``poll_interval`` seconds, a cheap indexed query. Both survive a database restart:
a lost connection is reopened on the next wait, and the follower resumes from its last id, so it
catches up on everything it missed.
"""

from __future__ import annotations

import contextlib
import logging
import select
import time
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import peewee

from yichuang.db import CONNECTION_ERRORS, NOTIFY_CHANNEL, Store
from yichuang.models import EventRow

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Event:
    id: int
    at: datetime
    kind: str
    ticket_id: int | None
    counter_number: int | None
    payload: dict[str, Any]


def _event(row: EventRow) -> Event:
    return Event(row.id, row.at, row.kind, row.ticket_id, row.counter_number, row.payload or {})


class EventFeed:
    """Read side of the event log. One per follower thread (it keeps a LISTEN connection)."""

    def __init__(self, store: Store, poll_interval: float = 0.05) -> None:
        self.store = store
        self.poll_interval = poll_interval
        self._listen_conn: Any = None

    def latest_id(self) -> int:
        return int(EventRow.select(peewee.fn.MAX(EventRow.id)).scalar() or 0)

    def after(self, last_id: int, limit: int = 500) -> list[Event]:
        rows = EventRow.select().where(EventRow.id > last_id).order_by(EventRow.id).limit(limit)
        return [_event(r) for r in rows]

    def recent(self, kinds: tuple[str, ...], limit: int = 20) -> list[Event]:
        """The newest events of some kinds, newest first (a display's start-up state)."""
        rows = (
            EventRow.select()
            .where(EventRow.kind.in_(list(kinds)))
            .order_by(EventRow.id.desc())
            .limit(limit)
        )
        return [_event(r) for r in rows]

    def wait(self, last_id: int, timeout: float) -> list[Event]:
        """Events after ``last_id``, waiting up to ``timeout`` seconds for the first one.

        Raises the database's connection error if it is unreachable; callers retry later.
        """
        deadline = time.monotonic() + timeout
        if self.store.is_postgres:
            self._listen()
        while True:
            events = self.after(last_id)
            if events:
                return events
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return []
            if self.store.is_postgres and self._listen_conn is not None:
                self._sleep_on_notify(min(remaining, 1.0))
            else:  # SQLite, or a LISTEN connection lost during this wait: poll
                time.sleep(min(self.poll_interval, remaining))

    def _listen(self) -> None:
        if self._listen_conn is not None and not self._listen_conn.closed:
            return
        import psycopg2  # only on PostgreSQL halls

        params = self.store.database.connect_params
        try:
            conn = psycopg2.connect(dbname=self.store.database.database, **params)
            conn.set_session(autocommit=True)
            conn.cursor().execute(f"LISTEN {NOTIFY_CHANNEL}")
        except psycopg2.Error as exc:  # callers handle peewee's errors, as for any query
            raise peewee.OperationalError(str(exc).strip()) from exc
        self._listen_conn = conn

    def _sleep_on_notify(self, seconds: float) -> None:
        conn = self._listen_conn
        try:
            ready, _, _ = select.select([conn], [], [], seconds)
            if ready:
                conn.poll()
                conn.notifies.clear()
        except (OSError, ValueError, *CONNECTION_ERRORS) as exc:
            log.warning("event listener lost its connection: %s", exc)
            self.close()
        except Exception as exc:  # psycopg2.Error subclasses on a dropped server
            log.warning("event listener error: %s", exc)
            self.close()
            time.sleep(min(seconds, 0.5))

    def close(self) -> None:
        if self._listen_conn is not None:
            with contextlib.suppress(Exception):  # already gone
                self._listen_conn.close()
            self._listen_conn = None
