"""Fixtures: every storage test runs on a fresh SQLite file and on a fresh PostgreSQL schema."""

from __future__ import annotations

import os

import pytest

from tests.hallfixtures import FakeClock, drop_pg_schema, new_pg_schema, small_catalog
from yichuang.db import open_database
from yichuang.hall import install_catalog
from yichuang.queue import QueueEngine

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

BACKENDS = ["sqlite", "postgres"]


@pytest.fixture(params=BACKENDS)
def db_url(request, tmp_path):
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'hall.db'}"
        return
    url, schema = new_pg_schema()
    yield url
    drop_pg_schema(schema)


@pytest.fixture
def store(db_url):
    store = open_database(db_url, migrate=True)
    install_catalog(store, small_catalog())
    yield store
    store.close()


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def engine(store, clock):
    return QueueEngine(store, clock=clock)
