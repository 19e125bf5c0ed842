"""Running database work off the UI thread, with results delivered back on it.

``Runner.submit(fn, on_done, on_error)`` runs ``fn`` on the runner's own worker thread;
``on_done(result)`` or ``on_error(YichuangError)`` then runs on the UI thread. A connection error
is converted to ``DatabaseUnavailable`` so the UI always gets a message it can show.

Each runner has one long-lived Python thread, so jobs run in the order they were submitted (a
counter's steps never overtake each other) and peewee keeps that thread's connection between
jobs instead of reconnecting for each one. The thread is a daemon: a window that forgets to
close its runner never keeps the program from exiting.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable
from typing import Any

import peewee
from PySide6.QtCore import QObject, Signal, Slot

from yichuang.db import drop_thread_connection
from yichuang.errors import DatabaseUnavailable, YichuangError

log = logging.getLogger(__name__)

Job = Callable[[], Any]


class _Relay(QObject):
    """Signals: done(object), failed(object) — emitted on the worker, received on the UI thread."""

    done = Signal(object)
    failed = Signal(object)


class Runner(QObject):
    """Signals: busy_changed(bool) — true while any submitted job is queued or running."""

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None, name: str = "yichuang-db") -> None:
        super().__init__(parent)
        self._jobs: queue.Queue[tuple[Job, _Relay] | None] = queue.Queue()
        self._pending = 0
        self._relays: set[_Relay] = set()  # released on the UI thread, never on the worker
        self._thread = threading.Thread(target=self._work, name=name, daemon=True)
        self._thread.start()

    def submit(
        self,
        fn: Job,
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
        self._jobs.put((fn, relay))

    def _work(self) -> None:
        while True:
            item = self._jobs.get()
            try:
                if item is None:
                    return
                fn, relay = item
                try:
                    result = fn()
                except DatabaseUnavailable as err:
                    drop_thread_connection()
                    relay.failed.emit(err)
                except YichuangError as err:
                    relay.failed.emit(err)
                except (peewee.OperationalError, peewee.InterfaceError) as exc:
                    drop_thread_connection()  # reads on this thread reconnect next time
                    relay.failed.emit(DatabaseUnavailable(detail=str(exc).strip()))
                except Exception as exc:  # a bug: log it fully, show a short message
                    log.exception("background task failed")
                    relay.failed.emit(YichuangError(detail=type(exc).__name__))
                else:
                    relay.done.emit(result)
                del fn, item
            finally:
                self._jobs.task_done()

    def _finish(self, relay: _Relay) -> None:
        self._relays.discard(relay)
        self._pending -= 1
        if self._pending == 0:
            self.busy_changed.emit(False)

    @property
    def busy(self) -> bool:
        return self._pending > 0

    def wait(self, msecs: int = 10000) -> bool:
        """Block until every submitted job has run (teardown). Results not yet delivered to the
        UI thread are delivered when its event loop runs again."""
        deadline = time.monotonic() + msecs / 1000
        while self._jobs.unfinished_tasks:
            if time.monotonic() > deadline:
                return False
            time.sleep(0.002)
        return True

    def close(self, msecs: int = 5000) -> None:
        """Finish queued jobs, then end the worker thread."""
        self._jobs.put(None)
        self._thread.join(msecs / 1000)
