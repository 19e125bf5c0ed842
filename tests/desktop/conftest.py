"""GUI test fixtures: the real widgets, offscreen, with the hall style and a Chinese font."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from desktop.app import create_application  # noqa: E402
from tests.hallfixtures import FakeClock, small_catalog  # noqa: E402
from yichuang.db import open_database  # noqa: E402
from yichuang.hall import install_catalog  # noqa: E402
from yichuang.services import HallServices  # noqa: E402


@pytest.fixture(scope="session")
def qapp(qapp_args):
    """pytest-qt's application, set up as every role sets it up (style, font, language)."""
    return create_application(qapp_args or ["yichuang-tests"], "zh_CN")


@pytest.fixture
def hall_url(tmp_path):
    """A fresh SQLite hall with the small test catalog (GUI tests run on SQLite; the storage
    tests cover PostgreSQL)."""
    url = f"sqlite:///{tmp_path / 'hall.db'}"
    store = open_database(url, migrate=True)
    install_catalog(store, small_catalog())
    store.close()
    return url


@pytest.fixture
def services(hall_url, clock):
    services = HallServices.open(hall_url, clock=clock)
    yield services
    services.close()


@pytest.fixture
def clock():
    return FakeClock()
