"""Numbered schema migrations. Each runs in its own transaction (see ``db.upgrade``).

Rule for later versions: never edit a released step; add a new one (``playhouse.migrate`` for
column changes). Version 1 creates the foundation tables; version 2 adds cases, escalations and
appointments.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import peewee

from yichuang import models

Step = Callable[[peewee.Database], None]


def _v1_foundation(database: peewee.Database) -> None:
    database.create_tables(models.ALL_MODELS)


def _v2_cases(database: peewee.Database) -> None:
    """Cases and their timeline, escalations, appointment slots and appointments."""
    database.create_tables(models.CASE_MODELS)


STEPS: list[Step] = [_v1_foundation, _v2_cases]
LATEST = len(STEPS)


def pending(found: int) -> Iterator[tuple[int, Step]]:
    for index, step in enumerate(STEPS[found:], start=found + 1):
        yield index, step
