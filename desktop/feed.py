"""Following the hall's event log on a worker thread and re-emitting events as Qt signals."""

from __future__ import annotations

import contextlib
import logging

from PySide6.QtCore import QObject, QThread, Signal

from yichuang.db import CONNECTION_ERRORS, Store
from yichuang.events import EventFeed

log = logging.getLogger(__name__)


class EventFollower(QThread):
    """Signals:
    - events(list[Event]): new events in log order (UI thread receives them queued);
    - connection_changed(bool): False when the database became unreachable, True when back.
    """

    events = Signal(list)
    connection_changed = Signal(bool)

    def __init__(
        self,
        store: Store,
        after_id: int | None = None,
        poll_interval: float = 0.05,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.poll_interval = poll_interval
        self.last_id = after_id
        self._stop = False
        self._connected = True

    def stop(self) -> None:
        self._stop = True
        self.wait(5000)

    def run(self) -> None:
        feed = EventFeed(self.store, poll_interval=self.poll_interval)
        try:
            while not self._stop:
                try:
                    if self.last_id is None:
                        self.last_id = feed.latest_id()
                    batch = feed.wait(self.last_id, timeout=0.5)
                except CONNECTION_ERRORS as exc:
                    self._set_connected(False, exc)
                    feed.close()
                    if not self.store.database.is_closed():
                        with contextlib.suppress(*CONNECTION_ERRORS):
                            self.store.database.close()
                    self.msleep(1000)
                    continue
                self._set_connected(True)
                if batch:
                    self.last_id = batch[-1].id
                    self.events.emit(batch)
        finally:
            feed.close()
            if not self.store.database.is_closed():
                self.store.database.close()  # this thread's connection

    def _set_connected(self, connected: bool, exc: Exception | None = None) -> None:
        if connected != self._connected:
            self._connected = connected
            if exc is not None:
                log.warning("lost the database: %s", exc)
            self.connection_changed.emit(connected)
