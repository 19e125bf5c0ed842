"""What the call display and the counter screen share: the start-up load in the background,
the event follower, re-reads after each burst of events, the connection notice, the clock, and
an orderly shutdown (the follower and the reader thread stop before the database closes).
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QLayout, QWidget

from desktop.feed import EventFollower
from desktop.tasks import Runner
from yichuang.db import CONNECTION_ERRORS
from yichuang.errors import YichuangError
from yichuang.events import Event
from yichuang.services import HallServices

log = logging.getLogger(__name__)


class LiveScreen(QWidget):
    """What both screens share: the start-up load, the follower, background re-reads after
    each burst of events, the connection notice, the clock, and an orderly shutdown.

    Signals:
    - loaded(): the first picture from the database is on screen and the follower runs;
    - refreshed(): a background re-read was applied;
    - connection_changed(bool): the screen lost (False) or regained (True) the database.
    """

    loaded = Signal()
    refreshed = Signal()
    connection_changed = Signal(bool)

    SETTLE_MS = 150  # re-read this long after the last event of a burst
    RESYNC_MS = 30_000  # and now and then anyway (settings, a new day)
    RETRY_MS = 2_000  # start-up load retry while the database is away

    def __init__(
        self, services: HallServices, parent: QWidget | None, poll_interval: float
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.poll_interval = poll_interval
        self.runner = Runner(self, name="display-db")  # one reader thread, one connection
        self.follower: EventFollower | None = None
        self.connected = True
        self.is_loaded = False
        self._closed = False
        self._refreshing = False
        self._dirty = False
        self._discarded = 0

        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(self.SETTLE_MS)
        self._settle.timeout.connect(self.refresh)
        self._resync = QTimer(self)
        self._resync.setInterval(self.RESYNC_MS)
        self._resync.timeout.connect(self.refresh)
        self._clock_timer = QTimer(self)
        self._clock_timer.timeout.connect(self._tick)
        self._spaced: list[tuple[QLayout, tuple[int, int, int, int], int]] = []

    def _space(
        self, layout: QLayout, margins: tuple[int, int, int, int] = (0, 0, 0, 0), spacing: int = 0
    ) -> QLayout:
        """Margins and spacing in pixels at 1080 lines; they scale with the screen."""
        self._spaced.append((layout, margins, spacing))
        return layout

    def _scale_spacing(self, scale: float) -> None:
        for layout, margins, spacing in self._spaced:
            layout.setContentsMargins(*(round(m * scale) for m in margins))
            layout.setSpacing(round(spacing * scale))

    # ---- hooks for the two screens -------------------------------------------------------

    def _load_start(self) -> Any:  # worker thread
        raise NotImplementedError

    def _load_refresh(self) -> Any:  # worker thread
        raise NotImplementedError

    def _apply_start(self, result: Any) -> int:
        """Show the start-up picture; return the event id to follow from."""
        raise NotImplementedError

    def _apply_refresh(self, result: Any) -> None:
        raise NotImplementedError

    def _apply_events(self, events: list[Event]) -> None:
        raise NotImplementedError

    def _show_connection(self, connected: bool) -> None:
        raise NotImplementedError

    def _show_time(self, now: datetime) -> None:
        raise NotImplementedError

    # ---- life cycle ----------------------------------------------------------------------

    def _begin(self) -> None:
        self._tick()
        self._clock_timer.start(1000)
        self.runner.submit(self._read(self._load_start), self._started, self._start_failed)

    def _started(self, result: Any) -> None:
        if self._closed:
            return
        last_id = self._apply_start(result)
        self._set_connected(True)
        self.follower = EventFollower(
            self.services.store, after_id=last_id, poll_interval=self.poll_interval
        )
        self.follower.events.connect(self._on_events)
        self.follower.connection_changed.connect(self._on_connection)
        self.follower.start()
        self._resync.start()
        self.is_loaded = True
        self.loaded.emit()

    def _start_failed(self, err: YichuangError) -> None:
        if self._closed:
            return
        log.warning("display cannot load from the database yet: %s", err)
        self._set_connected(False)
        QTimer.singleShot(self.RETRY_MS, self._retry_start)

    def _retry_start(self) -> None:
        if not self._closed:
            self.runner.submit(self._read(self._load_start), self._started, self._start_failed)

    def _on_events(self, events: list[Event]) -> None:
        if self._closed:
            return
        if self._refreshing:
            self._dirty = True  # that re-read may predate these events
        self._apply_events(events)
        self._settle.start()

    def _on_connection(self, connected: bool) -> None:
        if self._closed:
            return
        self._set_connected(connected)
        if connected:
            self.refresh()

    def _set_connected(self, connected: bool) -> None:
        if connected != self.connected:
            self.connected = connected
            self._show_connection(connected)
            self.connection_changed.emit(connected)

    def refresh(self) -> None:
        """Re-read the picture from the database in the background."""
        if self._closed or not self.is_loaded:
            return
        if self._refreshing:
            self._dirty = True
            return
        self._refreshing = True
        self._dirty = False
        self.runner.submit(self._read(self._load_refresh), self._refreshed, self._refresh_failed)

    def _refreshed(self, result: Any) -> None:
        self._refreshing = False
        if self._closed:
            return
        if self._dirty and self._discarded < 3:
            self._discarded += 1
            self.refresh()  # events arrived meanwhile: read again rather than step back
            return
        self._discarded = 0
        self._apply_refresh(result)
        self.refreshed.emit()
        if self._dirty:
            self.refresh()

    def _refresh_failed(self, err: YichuangError) -> None:
        self._refreshing = False
        if not self._closed:
            log.warning("display could not re-read the hall: %s", err)

    def _read(self, load: Callable[[], Any]) -> Callable[[], Any]:
        """A background read that reconnects after the server went away (the next read would
        otherwise fail on the dead connection for good)."""
        return lambda: self.services.store.retrying(load)

    def _tick(self) -> None:
        self._show_time(self.services.clock())

    def shutdown(self) -> None:
        """Stop the follower, the timers and the reader thread (before the database closes)."""
        if self._closed:
            return
        self._closed = True
        for timer in (self._settle, self._resync, self._clock_timer):
            timer.stop()
        if self.follower is not None:
            self.follower.stop()
        self.runner.submit(self._close_reader)
        self.runner.close()  # runs what is queued, then ends the reader thread

    def _close_reader(self) -> None:
        """Close the reader thread's own connection (peewee keeps one per thread)."""
        with contextlib.suppress(*CONNECTION_ERRORS):  # already gone with the server
            self.services.store.close()

    def closeEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        self.shutdown()
        super().closeEvent(event)
