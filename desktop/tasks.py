"""Running database work off the UI thread, with results delivered back on it.

``Runner.submit(fn, on_done, on_error)`` runs ``fn`` on a worker thread; ``on_done(result)`` or
``on_error(YichuangError)`` then runs on the UI thread. A connection error is converted to
``DatabaseUnavailable`` so the UI always gets a message it can show.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import peewee
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from yichuang.errors import DatabaseUnavailable, YichuangError

log = logging.getLogger(__name__)


class _Relay(QObject):
    """Signals: done(object), failed(object) — emitted from the worker, received on the UI thread."""

    done = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.fn = fn
        self.relay = relay

    def run(self) -> None:
        try:
            result = self.fn()
        except YichuangError as err:
            self.relay.failed.emit(err)
        except (peewee.OperationalError, peewee.InterfaceError) as exc:
            self.relay.failed.emit(DatabaseUnavailable(detail=str(exc).strip()))
        except Exception as exc:  # a bug: log it fully, show a short message
            log.exception("background task failed")
            self.relay.failed.emit(YichuangError(detail=type(exc).__name__))
        else:
            self.relay.done.emit(result)


class Runner(QObject):
    """Signals: busy_changed(bool) — true while any submitted job runs."""

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None, max_threads: int = 1) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(max_threads)  # one at a time keeps a counter's steps in order
        self._pending = 0
        self._relays: set[_Relay] = set()

    def submit(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[YichuangError], None] | None = None,
    ) -> None:
        relay = _Relay()
        self._relays.add(relay)

        @Slot(object)
        def finished(result: Any) -> None:
            self._finish(relay)
            if on_done is not None:
                on_done(result)

        @Slot(object)
        def failed(err: YichuangError) -> None:
            self._finish(relay)
            if on_error is not None:
                on_error(err)
            else:
                log.warning("unhandled task error: %s", err)

        relay.done.connect(finished)
        relay.failed.connect(failed)
        self._pending += 1
        if self._pending == 1:
            self.busy_changed.emit(True)
        self.pool.start(_Job(fn, relay))

    def _finish(self, relay: _Relay) -> None:
        self._relays.discard(relay)
        self._pending -= 1
        if self._pending == 0:
            self.busy_changed.emit(False)

    @property
    def busy(self) -> bool:
        return self._pending > 0

    def wait(self, msecs: int = 10000) -> bool:
        """Block until all jobs ran (teardown)."""
        return self.pool.waitForDone(msecs)
