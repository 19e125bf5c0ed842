"""Opening a hall database by URL, its schema version, migrations, and serialized writes.

SQLite (the default, one PC) and PostgreSQL (a hall with several PCs) share one schema. Every
state change is a serialized write: on SQLite a ``BEGIN IMMEDIATE`` transaction, on PostgreSQL a
transaction that holds one advisory lock. Serial writes are what make "call next" atomic across
PCs and keep event ids committing in order, so a follower reading "events after id N" never
misses one.

Two shapes of write:

- ``Store.write()``: a transaction that holds the lock from its first statement to commit. On
  PostgreSQL "BEGIN; SELECT pg_advisory_xact_lock(…)" is one round trip. SQLite writers take
  turns on a file lock beside the database, so the next one starts within 2 ms of the lock
  coming free instead of after SQLite's busy-handler sleep.
- ``Store.write_batch()``: for the operations a counter repeats all day (call, recall, start,
  finish). The caller reads without the lock, decides, then writes a batch of statements whose
  WHERE clauses repeat what it read; if any finds its row changed, nothing is written and the
  caller reads again. On PostgreSQL the batch is one call of the ``yichuang_apply`` function,
  so the lock is held only while the server runs a few statements, never across a round trip
  to a client that may be slow to get the CPU back. 60 counters then call with a p99 of
  10–20 ms on a 2-core machine (``bench/queue.py``).
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import re
import shutil
import threading
import time
import weakref
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import unquote, urlparse

import peewee

try:
    import fcntl
except ImportError:  # Windows: SQLite's busy handler alone serializes writers
    fcntl = None  # type: ignore[assignment]
from playhouse.db_url import parse as parse_url

from yichuang import migrations
from yichuang.errors import DatabaseUnavailable, SchemaMissing, SchemaTooNew, SchemaTooOld
from yichuang.models import SchemaVersion, database_proxy

log = logging.getLogger(__name__)

ADVISORY_LOCK_KEY = 0x59_43_48  # "YCH": one lock for every write to the hall's database
NOTIFY_CHANNEL = "yichuang_events"
SQLITE_BUSY_SECONDS = 15.0  # a SQLite writer waits this long for its turn, then fails clearly

T = TypeVar("T")

CONNECTION_ERRORS = (peewee.OperationalError, peewee.InterfaceError)


def sqlite_path(url: str) -> Path | None:
    """The file behind a ``sqlite:///relative.db`` or ``sqlite:////absolute.db`` URL."""
    parsed = urlparse(url)
    if parsed.scheme != "sqlite":
        return None
    return Path(unquote(parsed.path)[1:])


@dataclass(frozen=True)
class Change:
    """One write of ``Store.write_batch``; ``required``: it must change a row, or the batch is
    undone (its WHERE clause checks that the rows are still as they were read)."""

    query: Any  # a peewee update, insert or delete
    required: bool = True


class _Undo(Exception):
    """Rolls back a write batch whose required change found its rows changed."""


class Store:
    """One open hall database. Pass it to every service; there is no global handle."""

    def __init__(self, database: peewee.Database, url: str) -> None:
        self.database = database
        self.url = url
        self.is_postgres = isinstance(database, peewee.PostgresqlDatabase)

    @contextmanager
    def write(self) -> Iterator[None]:
        """A serialized write transaction (see module docstring)."""
        database = self.database
        if isinstance(database, HallPostgresqlDatabase):
            if database.in_transaction():  # a write inside a read transaction: lock now
                with database.atomic():
                    database.execute_sql("SELECT pg_advisory_xact_lock(%s)", (ADVISORY_LOCK_KEY,))
                    yield
            else:
                with database.atomic(advisory_lock=ADVISORY_LOCK_KEY):
                    yield
        elif isinstance(database, HallSqliteDatabase):
            with database.writer_turn(), database.atomic(lock_type="IMMEDIATE"):
                yield
        else:
            raise AssertionError(f"unexpected database {database!r}")

    def write_batch(self, changes: Sequence[Change]) -> bool:
        """Apply ``changes`` as one serialized write, all or nothing.

        For optimistic operations: read without the lock, decide, then apply writes whose
        WHERE clauses repeat what was read (``Change(query, required=True)``). If a required
        write changes no row, someone changed those rows in between: nothing is written and
        the result is False, and the caller reads and decides again. On PostgreSQL the batch
        is one call of ``yichuang_apply`` (one round trip, the lock held only while the server
        runs it); on SQLite one ``BEGIN IMMEDIATE`` transaction; inside a transaction that
        already holds the lock, a savepoint.
        """
        database = self.database
        if isinstance(database, HallPostgresqlDatabase) and not database.in_transaction():
            cursor = database.cursor()
            statements = [cursor.mogrify(*c.query.sql()).decode() for c in changes]
            failed = database.execute_sql(
                "SELECT yichuang_apply(%s, %s, %s)",
                (ADVISORY_LOCK_KEY, statements, [c.required for c in changes]),
            ).fetchone()[0]
            return bool(failed == 0)
        try:
            with self.write():  # inside a transaction: a savepoint, and the lock if not yet held
                for change in changes:
                    if change.query.execute() == 0 and change.required:
                        raise _Undo
        except _Undo:
            return False
        return True

    def prepared(self, sql: str) -> str:
        """The statement to run instead of ``sql`` (same parameters) for a query that runs on
        every call: on PostgreSQL a server-side prepared statement, planned once per
        connection; on SQLite ``sql`` itself (the driver already caches compiled statements)."""
        if isinstance(self.database, HallPostgresqlDatabase):
            return self.database.prepared(sql)
        return sql

    def retrying(self, operation: Callable[[], T], attempts: int = 3) -> T:
        """Run an idempotent operation, reconnecting if the server went away in between.

        A restarted PostgreSQL server (or a briefly locked SQLite file) costs a retry, not a
        traceback. Operations passed here must be safe to repeat after a rollback.
        """
        delay = 0.2
        for attempt in range(1, attempts + 1):
            try:
                return operation()
            except CONNECTION_ERRORS as exc:
                if self.database.in_transaction():
                    raise
                log.warning("database error (attempt %d/%d): %s", attempt, attempts, exc)
                if not self.database.is_closed():
                    with contextlib.suppress(*CONNECTION_ERRORS):
                        self.database.close()
                if attempt == attempts:
                    raise DatabaseUnavailable(
                        detail=str(exc).strip() or type(exc).__name__
                    ) from exc
                time.sleep(delay)
                delay *= 2
        raise AssertionError("unreachable")

    def close(self) -> None:
        if not self.database.is_closed():
            self.database.close()


class HallPostgresqlDatabase(peewee.PostgresqlDatabase):
    """PostgreSQL whose write transactions begin and take the hall's advisory lock in one
    round trip ("BEGIN; SELECT pg_advisory_xact_lock(…)"), so a lock waiter is woken straight
    into its transaction and the lock is held one round trip less."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._prepared: weakref.WeakKeyDictionary[Any, set[str]] = weakref.WeakKeyDictionary()

    def prepared(self, sql: str) -> str:
        """``EXECUTE`` of ``sql`` prepared on this thread's connection (prepared on first use,
        and again after a reconnect): the server plans it once, not on every run."""
        if "%%" in sql:
            raise ValueError("prepared statements take no literal % signs")
        name = "yc_" + hashlib.sha1(sql.encode()).hexdigest()[:16]
        connection = self.connection()
        names = self._prepared.setdefault(connection, set())
        count = sql.count("%s")
        if name not in names:
            numbered = iter(range(1, count + 1))
            body = re.sub("%s", lambda _: f"${next(numbered)}", sql)
            self.execute_sql(f"PREPARE {name} AS {body}")
            names.add(name)
        return f"EXECUTE {name}({', '.join(['%s'] * count)})" if count else f"EXECUTE {name}"

    def begin(self, isolation_level: Any = None, advisory_lock: int | None = None) -> None:
        if advisory_lock is None:
            super().begin(isolation_level)
            return
        try:
            with peewee.__exception_wrapper__:  # type: ignore[attr-defined]  # maps driver errors
                self.cursor().execute("BEGIN; SELECT pg_advisory_xact_lock(%s)", (advisory_lock,))
        except Exception:
            # The BEGIN may have run and the lock wait failed (cancelled, timed out): peewee
            # has not recorded a transaction, so end the server's aborted one here.
            with contextlib.suppress(Exception):
                self.cursor().execute("ROLLBACK")
            raise


class HallSqliteDatabase(peewee.SqliteDatabase):
    """SQLite whose writers take turns on an operating-system file lock beside the database.

    SQLite's own busy handler makes a writer that finds the database locked sleep 1, 2, 5,
    10, 15, 20, 25, 50, 100 ms before it looks again, so under load a call waits for the sleep,
    not for the writer ahead of it. Writers here wait for the turn file instead, looking again
    within 2 ms, so the next writer starts about when the lock is free. SQLite's busy timeout
    stays as the fallback for writers that do not take turns (and on systems without
    ``fcntl``).
    """

    def __init__(self, database: str, *args: Any, **kwargs: Any) -> None:
        super().__init__(database, *args, **kwargs)
        self._turn = threading.Lock()  # threads of this process take turns before the file
        self._turn_file: Path | None = None
        if fcntl is not None and database != ":memory:":
            self._turn_file = Path(f"{database}.writelock")

    @contextmanager
    def writer_turn(self) -> Iterator[None]:
        if self._turn_file is None or self.in_transaction():
            yield
            return
        deadline = time.monotonic() + SQLITE_BUSY_SECONDS
        if not self._turn.acquire(timeout=SQLITE_BUSY_SECONDS):
            raise peewee.OperationalError("database is locked (a writer of this program is stuck)")
        try:
            try:
                handle = open(self._turn_file, "a+b")  # noqa: SIM115  (closed below)
            except OSError as exc:  # the folder is gone (a file share went away): an outage
                raise peewee.OperationalError(f"cannot open {self._turn_file}: {exc}") from exc
            with handle:
                self._take_turn(handle, deadline)  # released when the file closes
                yield
        finally:
            self._turn.release()

    def _take_turn(self, handle: Any, deadline: float) -> None:
        """Lock the turn file, looking again every 0.2 ms growing to 2 ms (SQLite's own handler
        grows to 100 ms); a writer that waits past the busy timeout gets "database is locked"
        rather than hanging the counter behind a stuck file share."""
        delay = 0.0002
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise peewee.OperationalError("database is locked") from None
                time.sleep(delay)
                delay = min(delay * 2, 0.002)
            except OSError as exc:  # a file system without locks: an error, not a crash
                raise peewee.OperationalError(f"cannot lock {self._turn_file}: {exc}") from exc


def _make_database(url: str) -> peewee.Database:
    path = sqlite_path(url)
    if path is not None:
        if str(path) != ":memory:":
            path.parent.mkdir(parents=True, exist_ok=True)
        return HallSqliteDatabase(
            str(path),
            pragmas={
                "journal_mode": "wal",  # readers (the display) never block the counters
                "busy_timeout": int(SQLITE_BUSY_SECONDS * 1000),
                "foreign_keys": 1,
                "synchronous": "normal",
            },
        )
    if urlparse(url).scheme in ("postgres", "postgresql"):
        # A server that vanishes (power or network loss) must fail a query in seconds, not
        # after the kernel's TCP timeout: keepalives plus a send timeout.
        return HallPostgresqlDatabase(
            **parse_url(url),
            connect_timeout=5,
            client_encoding="UTF8",  # write batches are sent as UTF-8 text (Store.write_batch)
            keepalives=1,
            keepalives_idle=10,
            keepalives_interval=3,
            keepalives_count=3,
            tcp_user_timeout=15000,
        )
    raise DatabaseUnavailable(detail=f"unsupported database URL {url!r}")


def open_database(url: str, *, migrate: bool = False) -> Store:
    """Open the hall database at ``url``.

    With ``migrate`` the schema is created or upgraded (``yichuang init``); without it, a missing
    or older schema is a clear error rather than a half-working program.
    """
    database = _make_database(url)
    try:
        database.connect(reuse_if_open=True)
    except CONNECTION_ERRORS as exc:
        raise DatabaseUnavailable(detail=str(exc).strip().splitlines()[0]) from exc
    database_proxy.initialize(database)
    store = Store(database, url)
    try:
        found = current_version(database)
        needed = migrations.LATEST
        if found > needed:
            raise SchemaTooNew(found=found, needed=needed)
        if found < needed:
            if not migrate:
                if found == 0:
                    raise SchemaMissing()
                raise SchemaTooOld(found=found, needed=needed)
            upgrade(store, found)
    except BaseException:
        store.close()
        raise
    return store


def current_version(database: peewee.Database) -> int:
    if not database.table_exists(SchemaVersion._meta.table_name):
        return 0
    row = SchemaVersion.select(peewee.fn.MAX(SchemaVersion.version)).scalar()
    return int(row or 0)


def upgrade(store: Store, found: int) -> None:
    """Back up a SQLite file, then run each pending migration in its own transaction."""
    path = sqlite_path(store.url)
    if path is not None and found > 0 and path.exists():
        backup = path.with_name(f"{path.name}.v{found}-{datetime.now():%Y%m%d%H%M%S}.bak")
        store.database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        shutil.copy2(path, backup)
        log.info("backed up %s to %s before migrating", path, backup)
    for version, step in migrations.pending(found):
        with store.write():
            step(store.database)
            SchemaVersion.create(version=version, applied_at=datetime.now())
        log.info("database migrated to schema version %d", version)


def drop_thread_connection() -> None:
    """After a connection error outside a transaction: forget this thread's connection, so its
    next query reconnects instead of failing on a dead socket."""
    database = database_proxy.obj
    if database is None or database.is_closed() or database.in_transaction():
        return
    with contextlib.suppress(*CONNECTION_ERRORS):
        database.close()


def describe(url: str) -> str:
    """A URL safe for logs and screens: the password is hidden."""
    parsed = urlparse(url)
    if parsed.password:
        netloc = parsed.netloc.replace(f":{parsed.password}@", ":***@")
        return parsed._replace(netloc=netloc).geturl()
    return url


def run_sql(store: Store, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    return list(store.database.execute_sql(sql, params).fetchall())
