"""Opening databases: schema versions, migrations with backup, unreachable servers, reconnects."""

from __future__ import annotations

import psycopg2
import pytest

from tests.hallfixtures import PG_BASE
from yichuang import migrations
from yichuang.db import describe, open_database
from yichuang.errors import DatabaseUnavailable, SchemaMissing, SchemaTooNew, SchemaTooOld
from yichuang.events import EventFeed
from yichuang.models import SchemaVersion


def test_missing_schema_is_a_clear_error(db_url):
    with pytest.raises(SchemaMissing) as err:
        open_database(db_url)
    assert "yichuang init" in err.value.user_message()
    assert "yichuang init" in str(err.value)


def test_older_schema_needs_init_and_init_upgrades_with_a_backup(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'hall.db'}"
    open_database(url, migrate=True).close()

    def add_notes_table(database):
        database.execute_sql("CREATE TABLE release_note (id INTEGER PRIMARY KEY, text TEXT)")

    # a newer program version with one more migration step
    monkeypatch.setattr(migrations, "STEPS", [*migrations.STEPS, add_notes_table])
    monkeypatch.setattr(migrations, "LATEST", len(migrations.STEPS))
    with pytest.raises(SchemaTooOld) as err:
        open_database(url)
    assert "升级" in err.value.user_message()
    store = open_database(url, migrate=True)
    assert store.database.table_exists("release_note")
    store.close()
    assert list(tmp_path.glob("hall.db.v*.bak")), "a backup is made before migrating"
    open_database(url).close()


def test_version_3_replaces_the_call_next_index_of_a_version_2_hall(db_url):
    store = open_database(db_url, migrate=True)
    database = store.database
    # the ticket indexes as a version 2 hall has them
    for index in database.get_indexes("ticket"):
        if "queued_at" in index.columns:
            database.execute_sql(f"DROP INDEX {index.name}")
    database.execute_sql(
        "CREATE INDEX ticketrow_status_business_date_queue_id_queued_at_id "
        "ON ticket (status, business_date, queue_id, queued_at, id)"
    )
    with store.write():
        SchemaVersion.delete().where(SchemaVersion.version == 3).execute()
    store.close()
    with pytest.raises(SchemaTooOld):
        open_database(db_url)
    store = open_database(db_url, migrate=True)
    columns = {tuple(i.columns) for i in store.database.get_indexes("ticket")}
    store.close()
    assert ("status", "business_date", "queue_id", "kind", "queued_at", "id") in columns
    assert ("target_counter_id", "status", "business_date", "queued_at", "id") in columns
    assert ("status", "business_date", "queue_id", "queued_at", "id") not in columns


def test_newer_schema_is_refused(db_url):
    store = open_database(db_url, migrate=True)
    with store.write():
        SchemaVersion.create(version=migrations.LATEST + 5, applied_at="2030-01-01 00:00:00")
    store.close()
    with pytest.raises(SchemaTooNew):
        open_database(db_url)


def test_unreachable_server_is_a_clear_error():
    with pytest.raises(DatabaseUnavailable) as err:
        open_database("postgresql://postgres@127.0.0.1:1/test")
    assert "无法连接数据库" in err.value.user_message()


def test_unsupported_url():
    with pytest.raises(DatabaseUnavailable):
        open_database("mysql://root@localhost/x")


def test_password_is_hidden_in_logs():
    assert (
        describe("postgresql://hall:s3cret@db.local/hall") == "postgresql://hall:***@db.local/hall"
    )


def test_engine_survives_a_dropped_postgres_connection(db_url, engine, store):
    """A restarted server (simulated by killing our session) costs a retry, not an error."""
    if not store.is_postgres:
        pytest.skip("PostgreSQL only: SQLite has no server to lose")
    engine.issue("A")
    pid = store.database.execute_sql("SELECT pg_backend_pid()").fetchone()[0]
    admin = psycopg2.connect(PG_BASE)
    admin.autocommit = True
    admin.cursor().execute("SELECT pg_terminate_backend(%s)", (pid,))
    admin.close()
    assert engine.issue("A").ticket.number == "A002"
    assert [e.payload["ticket"] for e in EventFeed(store).after(0)] == ["A001", "A002"]


def test_hot_queries_are_planned_once_per_postgres_connection(db_url, engine, store):
    if not store.is_postgres:
        pytest.skip("PostgreSQL only: SQLite's driver caches compiled statements itself")
    engine.sign_in(1, "1001")
    for _ in range(3):
        engine.issue("A")

    def prepared():
        rows = store.database.execute_sql("SELECT name FROM pg_prepared_statements").fetchall()
        return sorted(name for (name,) in rows)

    engine.call_next(1)
    engine.finish(1)
    names = prepared()
    assert names and all(name.startswith("yc_") for name in names)
    engine.call_next(1)
    engine.finish(1)
    assert prepared() == names, "the second call runs the statement prepared by the first"
    # a restarted server (our session killed) forgets them: the next call prepares again
    pid = store.database.execute_sql("SELECT pg_backend_pid()").fetchone()[0]
    admin = psycopg2.connect(PG_BASE)
    admin.autocommit = True
    admin.cursor().execute("SELECT pg_terminate_backend(%s)", (pid,))
    admin.close()
    assert engine.call_next(1).number == "A003"
    engine.finish(1)
    assert prepared() == names


def test_a_write_batch_is_all_or_nothing(db_url, store):
    from yichuang.db import Change
    from yichuang.models import Setting

    with store.write():
        Setting.create(key="a", value=1)

    def set_a(seen, value):
        return Change(
            Setting.update(value=value).where((Setting.key == "a") & (Setting.value == seen))
        )

    stale = [set_a(1, 2), Change(Setting.update(value=0).where(Setting.key == "missing"))]
    assert store.write_batch(stale) is False
    assert Setting.get_by_id("a").value == 1, "the first write was undone with the batch"
    optional = Change(Setting.update(value=0).where(Setting.key == "missing"), required=False)
    assert store.write_batch([set_a(1, 2), optional]) is True
    assert Setting.get_by_id("a").value == 2
    # inside a transaction that holds the lock: a savepoint, the transaction's own writes stay
    with store.write():
        Setting.create(key="b", value="kept")
        assert store.write_batch([set_a(1, 3)]) is False
        assert store.write_batch([set_a(2, 3)]) is True
    assert Setting.get_by_id("b").value == "kept"
    assert Setting.get_by_id("a").value == 3


def test_sqlite_writers_wait_for_their_turn_on_the_file_lock(tmp_path):
    import fcntl
    import threading
    import time

    from tests.hallfixtures import small_catalog
    from yichuang.hall import install_catalog
    from yichuang.queue import QueueEngine

    url = f"sqlite:///{tmp_path / 'hall.db'}"
    store = open_database(url, migrate=True)
    install_catalog(store, small_catalog())
    store.close()
    lock_file = tmp_path / "hall.db.writelock"
    assert lock_file.exists(), "writers take their turn on the lock file beside the database"
    done = threading.Event()

    def kiosk() -> None:  # another writer, with its own connection
        other = open_database(url)
        QueueEngine(other).issue("A")
        other.close()
        done.set()

    with open(lock_file, "a+b") as handle:  # a writer of another process holds its turn
        fcntl.flock(handle, fcntl.LOCK_EX)
        writer = threading.Thread(target=kiosk)
        writer.start()
        assert not done.wait(0.3), "the kiosk waits for its turn"
        released = time.monotonic()
    assert done.wait(5)
    assert time.monotonic() - released < 0.2, "it goes soon after the lock is free"
    writer.join()


def test_a_sqlite_writer_stuck_behind_a_lock_gets_a_clear_error_not_a_hang(tmp_path, monkeypatch):
    import fcntl

    from tests.hallfixtures import small_catalog
    from yichuang import db
    from yichuang.hall import install_catalog
    from yichuang.queue import QueueEngine

    url = f"sqlite:///{tmp_path / 'hall.db'}"
    store = open_database(url, migrate=True)
    install_catalog(store, small_catalog())
    monkeypatch.setattr(db, "SQLITE_BUSY_SECONDS", 0.2)
    with open(tmp_path / "hall.db.writelock", "a+b") as handle:  # a hung writer elsewhere
        fcntl.flock(handle, fcntl.LOCK_EX)
        with pytest.raises(DatabaseUnavailable) as err:
            QueueEngine(store).issue("A")
    assert "无法连接数据库" in err.value.user_message() or "数据库" in err.value.user_message()
    assert QueueEngine(store).issue("A").ticket.number == "A001", "nothing half-written"
    store.close()


def test_a_failed_wait_for_the_write_lock_leaves_the_connection_usable(db_url, store):
    import peewee

    from yichuang.db import ADVISORY_LOCK_KEY

    if not store.is_postgres:
        pytest.skip("PostgreSQL only: the advisory lock")
    holder = psycopg2.connect(PG_BASE)
    holder.autocommit = True
    holder.cursor().execute("SELECT pg_advisory_lock(%s)", (ADVISORY_LOCK_KEY,))
    try:
        store.database.execute_sql("SET lock_timeout = '100ms'")
        with pytest.raises(peewee.OperationalError), store.write():
            pass
        assert store.database.execute_sql("SELECT 1").fetchone() == (1,)
    finally:
        holder.close()
    store.database.execute_sql("SET lock_timeout = 0")
    with store.write():
        assert store.database.execute_sql("SELECT 2").fetchone() == (2,)
