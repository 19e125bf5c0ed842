"""The hall's services bundled for the front ends; built once by the composition root."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from yichuang.db import Store, open_database
from yichuang.hall import HallDirectory
from yichuang.queue import Clock, QueueEngine
from yichuang.staff import StaffDirectory


@dataclass
class HallServices:
    store: Store
    engine: QueueEngine
    directory: HallDirectory
    staff: StaffDirectory
    clock: Clock

    @classmethod
    def open(cls, url: str, *, migrate: bool = False, clock: Clock = datetime.now) -> HallServices:
        store = open_database(url, migrate=migrate)
        return cls.for_store(store, clock=clock)

    @classmethod
    def for_store(cls, store: Store, *, clock: Clock = datetime.now) -> HallServices:
        return cls(
            store=store,
            engine=QueueEngine(store, clock=clock),
            directory=HallDirectory(store),
            staff=StaffDirectory(store),
            clock=clock,
        )

    def close(self) -> None:
        self.store.close()
