"""End to end: kiosk, call display and clerk console as three processes on one database."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.hallfixtures import small_catalog
from yichuang.db import open_database
from yichuang.hall import install_catalog

ROOT = Path(__file__).resolve().parents[1]


def start(role: str, url: str, arg: str) -> subprocess.Popen[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.Popen(
        [sys.executable, "-m", "tests.e2e_roles", role, url, arg],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def finish(process: subprocess.Popen[str]) -> str:
    out, err = process.communicate(timeout=60)
    assert process.returncode == 0, f"{out}\n{err[-2000:]}"
    return out.strip().splitlines()[-1]


@pytest.mark.slow
def test_a_ticket_from_the_kiosk_called_by_a_clerk_shows_on_the_display(db_url):
    store = open_database(db_url, migrate=True)
    install_catalog(store, small_catalog())
    store.close()

    display = start("display", db_url, "A001")
    assert display.stdout is not None
    assert display.stdout.readline().strip() == "ready"  # its window is up, following the log

    assert finish(start("kiosk", db_url, "SCJG-001")) == "issued A001"
    assert finish(start("clerk", db_url, "1001")) == "called A001"
    assert finish(display) == "shown A001 1"
