"""The hall's services bundled for the front ends; built once by the composition root."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from yichuang.appointments import AppointmentBook
from yichuang.cases import CaseBook
from yichuang.casesettings import hall_calendar
from yichuang.db import Store, open_database
from yichuang.escalations import EscalationDesk
from yichuang.hall import HallDirectory
from yichuang.queue import Clock, QueueEngine
from yichuang.staff import StaffDirectory
from yichuang.workcalendar import WorkCalendar


@dataclass
class HallServices:
    store: Store
    engine: QueueEngine
    directory: HallDirectory
    staff: StaffDirectory
    clock: Clock
    calendar: WorkCalendar
    escalations: EscalationDesk
    appointments: AppointmentBook
    cases: CaseBook

    @classmethod
    def open(cls, url: str, *, migrate: bool = False, clock: Clock = datetime.now) -> HallServices:
        store = open_database(url, migrate=migrate)
        return cls.for_store(store, clock=clock)

    @classmethod
    def for_store(cls, store: Store, *, clock: Clock = datetime.now) -> HallServices:
        engine = QueueEngine(store, clock=clock)
        directory = HallDirectory(store)
        calendar = hall_calendar()
        escalations = EscalationDesk(store, calendar, clock, directory)
        appointments = AppointmentBook(store, engine, clock, directory=directory)
        return cls(
            store=store,
            engine=engine,
            directory=directory,
            staff=StaffDirectory(store),
            clock=clock,
            calendar=calendar,
            escalations=escalations,
            appointments=appointments,
            cases=CaseBook(
                store,
                directory,
                calendar,
                clock,
                escalations=escalations,
                appointments=appointments,
            ),
        )

    def close(self) -> None:
        self.store.close()
