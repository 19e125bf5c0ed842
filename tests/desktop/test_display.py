"""The call display and the counter screen, driven through real calls on a real database.

Calls are made through the engine (in this process, or in another one as on a hall's other
PCs); the display follows the event log exactly as in production. Speech goes through Qt's
"mock" engine, so the exact sentences and their order are checked without audio. A real
network outage is staged with a TCP proxy in front of PostgreSQL that the test can unplug.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import re
import socket
import threading
from typing import Any

import pytest

from desktop.announcer import Announcer, Chime, display_sentence, speech_sentence
from desktop.display import CallDisplay, CounterDisplay
from tests.hallfixtures import SMALL_HALL, drop_pg_schema, new_pg_schema, small_catalog
from yichuang import settings
from yichuang.catalog import from_dict
from yichuang.db import open_database
from yichuang.hall import install_catalog
from yichuang.queue import CounterStatus, TicketKind
from yichuang.services import HallServices

pytestmark = pytest.mark.qt_log_ignore(
    r"^Couldn't (load|resolve) ", "^PulseAudioService:", "^QSoundEffect", "multimedia with FFmpeg"
)

WAIT = 10_000  # ms; generous for a loaded two-core machine, never slept


def first_voice(tts):
    return tts.availableVoices()[0]


class Recorder:
    """The announcer's signals in the order received."""

    def __init__(self, announcer: Announcer) -> None:
        self.log: list[tuple[str, str]] = []
        for name in ("announcing", "spoken", "announced"):
            getattr(announcer, name).connect(lambda text, n=name: self.log.append((n, text)))

    def texts(self, kind: str) -> list[str]:
        return [text for name, text in self.log if name == kind]


def make_announcer(qtbot, **options: Any) -> Announcer:
    options.setdefault("choose_voice", first_voice)
    announcer = Announcer(
        engine="mock", rate=1.0, chime=Chime(hold_ms=10), gap_ms=5, silent_hold_ms=10, **options
    )
    with qtbot.waitSignal(announcer.voice_ready, timeout=WAIT):
        pass
    return announcer


def open_display(qtbot, services: HallServices, announcer: Announcer) -> CallDisplay:
    display = CallDisplay(services, announcer=announcer)
    qtbot.addWidget(display, before_close_func=lambda w: w.shutdown())
    qtbot.waitUntil(lambda: display.is_loaded, timeout=WAIT)
    return display


def set_repeat(services: HallServices, repeat: int) -> None:
    with services.store.write():
        settings.put("announce_repeat", repeat)


@pytest.fixture
def announcer(qtbot):
    announcer = make_announcer(qtbot)
    yield announcer
    announcer.close()


@pytest.fixture
def display(qtbot, services, announcer):
    set_repeat(services, 1)
    display = open_display(qtbot, services, announcer)
    yield display
    display.shutdown()  # the follower thread stops before the database closes


# ---- calls on screen and in the loudspeaker ---------------------------------------------


def test_a_call_shows_as_the_newest_and_is_announced(qtbot, services, display, announcer):
    record = Recorder(announcer)
    services.engine.issue("A")
    services.engine.call_next(1)
    qtbot.waitUntil(lambda: display.newest_call is not None, timeout=WAIT)
    assert display.newest_call.ticket == "A001"
    assert display.banner.sentence == "请 A001 号到 1号窗口办理"
    assert display.banner.flashing
    assert display.tiles[1].current == "A001"
    qtbot.waitUntil(lambda: len(record.texts("announced")) == 1, timeout=WAIT)
    assert record.log == [
        ("announcing", "请 A001 号到 1号窗口办理"),
        ("spoken", "请 A 0 0 1 号，到 1号窗口办理"),
        ("announced", "请 A001 号到 1号窗口办理"),
    ]


def test_a_recall_is_announced_again_and_listed_once(qtbot, services, display, announcer):
    record = Recorder(announcer)
    services.engine.issue("B")
    services.engine.call_next(2)
    qtbot.waitUntil(lambda: len(record.texts("announced")) == 1, timeout=WAIT)
    services.engine.recall(2)
    qtbot.waitUntil(lambda: len(record.texts("announced")) == 2, timeout=WAIT)
    assert record.texts("spoken") == ["请 B 0 0 1 号，到 2号窗口办理"] * 2
    assert [c.ticket for c in display.calls] == ["B001"]


def test_ten_counters_calling_at_once_are_announced_one_after_another(
    qtbot, services, display, announcer
):
    hall = dict(SMALL_HALL)
    hall["counters"] = [{"number": n, "name": f"{n}号窗口", "queues": ["A"]} for n in range(1, 11)]
    install_catalog(services.store, from_dict(hall))
    display.refresh()
    qtbot.waitUntil(lambda: len(display.tiles) == 10, timeout=WAIT)
    record = Recorder(announcer)
    for _ in range(10):
        services.engine.issue("A")
    for counter in range(1, 11):
        services.engine.call_next(counter)

    # Every call is on screen at once; the voice takes its time.
    qtbot.waitUntil(
        lambda: len(display.calls) == 8 and display.calls[0].ticket == "A010", timeout=WAIT
    )
    assert all(display.tiles[n].current == f"A{n:03d}" for n in range(1, 11))
    assert announcer.queue_length > 0
    qtbot.waitUntil(lambda: len(record.texts("announced")) == 10, timeout=30_000)
    expected = []
    for n in range(1, 11):
        shown = display_sentence(f"A{n:03d}", f"{n}号窗口")
        expected += [
            ("announcing", shown),
            ("spoken", speech_sentence(f"A{n:03d}", f"{n}号窗口")),
            ("announced", shown),
        ]
    # In call order, and each one ends before the next begins: never two at once.
    assert record.log == expected


def test_without_a_voice_the_display_still_flashes_and_says_so_once(qtbot, services, caplog):
    caplog.set_level(logging.WARNING, logger="desktop.announcer")
    silent = make_announcer(qtbot, choose_voice=lambda tts: None)
    record = Recorder(silent)
    display = open_display(qtbot, services, silent)
    try:
        for _ in range(2):
            services.engine.issue("A")
        services.engine.call_next(1)
        qtbot.waitUntil(lambda: display.newest_call is not None, timeout=WAIT)
        assert display.banner.flashing
        services.engine.finish(1)
        services.engine.call_next(1)
        qtbot.waitUntil(lambda: len(record.texts("announced")) == 2, timeout=WAIT)
        assert display.newest_call.ticket == "A002"
        assert record.texts("spoken") == []
        assert len([r for r in caplog.records if "will not be spoken" in r.getMessage()]) == 1
    finally:
        display.shutdown()


def test_calls_made_before_start_are_shown_but_not_announced(qtbot, services, announcer):
    engine = services.engine
    for queue in ("A", "A", "B"):
        engine.issue(queue)
    engine.call_next(1)
    engine.finish(1)
    engine.call_next(1)
    engine.call_next(2)
    record = Recorder(announcer)
    display = open_display(qtbot, services, announcer)
    try:
        # Newest first; 2号窗口 serves queue B before A.
        assert [(c.ticket, c.counter) for c in display.calls] == [
            ("B001", 2),
            ("A002", 1),
            ("A001", 1),
        ]
        assert display.banner.sentence == "请 B001 号到 2号窗口办理"
        assert not display.banner.flashing
        assert record.log == []
        assert announcer.queue_length == 0 and not announcer.busy
    finally:
        display.shutdown()


# ---- counters and queues ----------------------------------------------------------------


def test_counter_grid_and_waiting_counts_follow_the_hall(qtbot, services, display):
    engine = services.engine
    for queue in ("A", "A", "A", "B"):
        engine.issue(queue)
    qtbot.waitUntil(lambda: display.waiting == {"A": 3, "B": 1, "C": 0}, timeout=WAIT)
    assert "企业开办 3 人" in display.visible_texts()

    engine.pause(2, "午休")
    qtbot.waitUntil(lambda: display.tiles[2].status == CounterStatus.PAUSED, timeout=WAIT)
    assert display.tiles[2].value_label.text() == "暂停"

    engine.call_next(1)
    qtbot.waitUntil(lambda: display.tiles[1].current == "A001", timeout=WAIT)
    qtbot.waitUntil(lambda: display.waiting["A"] == 2, timeout=WAIT)
    engine.finish(1)
    qtbot.waitUntil(lambda: display.tiles[1].current is None, timeout=WAIT)
    assert display.tiles[1].value_label.text() == "—"

    engine.resume(2)
    qtbot.waitUntil(lambda: display.tiles[2].status == CounterStatus.OPEN, timeout=WAIT)


def test_the_big_screen_shows_numbers_never_people(qtbot, services, display):
    """Privacy: whatever the tickets carry (a priority group, an appointment number) and
    whoever serves, the lobby screen shows ticket numbers, queues and counters only."""
    engine = services.engine
    engine.sign_in(1, "1001")
    engine.sign_in(2, "1002")
    engine.issue("A", kind=TicketKind.PRIORITY, priority_group="孕妇")
    engine.issue("B", kind=TicketKind.APPOINTMENT, appointment_no="YY20260302-0042")
    engine.issue("A")
    engine.call_next(1)
    engine.call_next(2)
    qtbot.waitUntil(lambda: len(display.calls) == 2, timeout=WAIT)
    qtbot.waitUntil(lambda: display.waiting.get("A") == 1, timeout=WAIT)

    texts = display.visible_texts()
    shown = "\n".join(texts)
    for secret in ("孕妇", "YY2026", "0042", "张敏", "李强", "1001", "1002", "绿色通道", "预约"):
        assert secret not in shown

    # Everything left after removing what may be shown must be nothing at all.
    allowed = [
        "测试区政务服务中心",
        "叫号信息 · 请留意屏幕和广播",
        "最近叫号",
        "各窗口当前号码",
        "等候人数",
        "正在叫号",
        display.date_label.text(),
        display.time_label.text(),
        settings.DEFAULTS["display_notice"],
        *(f"{n}号窗口" for n in (1, 2, 3, 9)),
        *(name for _, name in engine.queues()),
        "请",
        "号到",
        "办理",
        "暂停",
        "人",
    ]
    rest = shown
    for phrase in sorted(allowed, key=len, reverse=True):
        rest = rest.replace(phrase, "")
    rest = re.sub(r"[A-Z]\d{3}|\d+|[\s—·]", "", rest)
    assert rest == "", f"unexpected text on the lobby screen: {rest!r}"


# ---- the counter screen -----------------------------------------------------------------


def open_counter(qtbot, services: HallServices, number: int) -> CounterDisplay:
    screen = CounterDisplay(services, number)
    qtbot.addWidget(screen, before_close_func=lambda w: w.shutdown())
    qtbot.waitUntil(lambda: screen.is_loaded, timeout=WAIT)
    return screen


def test_counter_screen_shows_clerk_number_and_status(qtbot, services):
    engine = services.engine
    engine.sign_in(1, "1001")
    screen = open_counter(qtbot, services, 1)
    try:
        assert screen.name_label.text() == "1号窗口"
        assert "张敏" in screen.clerk_label.text()
        assert "1001" in screen.staff_label.text()
        assert screen.current_number is None

        engine.issue("A")
        engine.issue("B")
        engine.call_next(2)  # B001 at another counter: not this screen's business
        engine.call_next(1)
        qtbot.waitUntil(lambda: screen.current_number is not None, timeout=WAIT)
        assert screen.current_number == "A001"
        assert screen.flashing
        assert screen.status_label.text() == "请 A001 号到本窗口办理"

        engine.start(1)
        qtbot.waitUntil(lambda: screen.status_label.text() == "正在办理", timeout=WAIT)
        engine.finish(1)
        qtbot.waitUntil(lambda: screen.current_number is None, timeout=WAIT)

        engine.pause(1, "午休")
        qtbot.waitUntil(lambda: screen.current_label.text() == "暂停服务", timeout=WAIT)
        assert "午休" in screen.status_label.text()
        engine.resume(1)
        qtbot.waitUntil(lambda: screen.current_label.text() == "—", timeout=WAIT)

        engine.sign_out(1)
        qtbot.waitUntil(lambda: screen.current_label.text() == "暂未开放", timeout=WAIT)
        assert "张敏" not in screen.clerk_label.text()
    finally:
        screen.shutdown()


# ---- other processes, both databases, and a lost connection -----------------------------


def hall_worker(url: str, actions: list[tuple[str, Any]], results: Any) -> None:
    """Another PC of the hall: opens the database itself and issues or calls tickets."""
    services = HallServices.open(url)
    try:
        for action, arg in actions:
            if action == "issue":
                services.engine.issue(arg)
            elif action == "call":
                ticket = services.engine.call_next(arg)
                results.put(ticket.number if ticket else None)
            elif action == "finish":
                services.engine.finish(arg)
    finally:
        services.close()


def run_elsewhere(qtbot, url: str, actions: list[tuple[str, Any]]) -> list[str | None]:
    """Run ``actions`` in a separate process (spawned, as a different PC would be)."""
    context = multiprocessing.get_context("spawn")
    results = context.Queue()
    process = context.Process(target=hall_worker, args=(url, actions, results))
    process.start()
    qtbot.waitUntil(lambda: not process.is_alive(), timeout=60_000)  # the display keeps running
    assert process.exitcode == 0
    calls = sum(1 for action, _ in actions if action == "call")
    return [results.get(timeout=10) for _ in range(calls)]


@pytest.fixture
def hall_db(db_url):
    store = open_database(db_url, migrate=True)
    install_catalog(store, small_catalog())
    store.close()
    return db_url


@pytest.mark.slow
def test_a_call_from_another_process_reaches_the_display(qtbot, hall_db, announcer):
    record = Recorder(announcer)
    services = HallServices.open(hall_db)
    try:
        display = open_display(qtbot, services, announcer)
        assert run_elsewhere(qtbot, hall_db, [("issue", "A"), ("call", 1)]) == ["A001"]
        qtbot.waitUntil(
            lambda: display.newest_call is not None and display.newest_call.ticket == "A001",
            timeout=WAIT,
        )
        qtbot.waitUntil(
            lambda: "请 A 0 0 1 号，到 1号窗口办理" in record.texts("spoken"), timeout=WAIT
        )
        display.shutdown()
    finally:
        services.close()


class UnpluggableProxy:
    """A TCP forwarder in front of PostgreSQL: ``cut()`` drops every connection and turns new
    ones away (a pulled network cable), ``restore()`` lets them through again."""

    def __init__(self, target: tuple[str, int]) -> None:
        self.target = target
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.open = True
        self.sockets: list[socket.socket] = []
        self.lock = threading.Lock()
        self.accepting = threading.Thread(target=self._accept, daemon=True)
        self.accepting.start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return  # closed
            if not self.open:
                client.close()
                continue
            upstream = socket.create_connection(self.target)
            with self.lock:
                self.sockets += [client, upstream]
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(a, b), daemon=True).start()

    @staticmethod
    def _pump(source: socket.socket, sink: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        for s in (source, sink):
            with contextlib.suppress(OSError):
                s.shutdown(socket.SHUT_RDWR)

    def cut(self) -> None:
        self.open = False
        with self.lock:
            for s in self.sockets:
                with contextlib.suppress(OSError):
                    s.shutdown(socket.SHUT_RDWR)
                s.close()
            self.sockets.clear()

    def restore(self) -> None:
        self.open = True

    def close(self) -> None:
        self.cut()
        self.listener.close()


@pytest.mark.slow
def test_a_display_that_loses_the_database_keeps_its_picture_and_catches_up(qtbot, announcer):
    url, schema = new_pg_schema()
    proxy = UnpluggableProxy(("127.0.0.1", 5432))
    services = None
    try:
        store = open_database(url, migrate=True)
        install_catalog(store, small_catalog())
        store.close()
        assert "127.0.0.1:5432" in url
        services = HallServices.open(url.replace("127.0.0.1:5432", f"127.0.0.1:{proxy.port}"))
        set_repeat(services, 1)
        record = Recorder(announcer)
        display = open_display(qtbot, services, announcer)

        run_elsewhere(qtbot, url, [("issue", "A"), ("issue", "B"), ("issue", "A"), ("call", 1)])
        qtbot.waitUntil(lambda: display.newest_call is not None, timeout=WAIT)
        assert display.newest_call.ticket == "A001"

        with qtbot.waitSignal(display.connection_changed, timeout=WAIT) as lost:
            proxy.cut()
        assert lost.args == [False]
        assert not display.offline_label.isHidden()

        # The hall goes on without this screen: 2号窗口 calls B001, serves it, calls A002.
        called = run_elsewhere(qtbot, url, [("call", 2), ("finish", 2), ("call", 2)])
        assert called == ["B001", "A002"]
        assert display.newest_call.ticket == "A001"  # the last known picture stays
        assert display.tiles[1].current == "A001"
        assert not display.offline_label.isHidden()

        with qtbot.waitSignal(display.connection_changed, timeout=WAIT) as back:
            proxy.restore()
        assert back.args == [True]
        qtbot.waitUntil(lambda: display.newest_call.ticket == "A002", timeout=WAIT)
        assert display.offline_label.isHidden()
        assert [c.ticket for c in display.calls] == ["A002", "B001", "A001"]
        assert display.tiles[2].current == "A002"
        # Caught up: A002 is announced; B001, already served, is listed but not called out.
        qtbot.waitUntil(lambda: len(record.texts("announced")) == 2, timeout=WAIT)
        assert record.texts("spoken") == [
            speech_sentence("A001", "1号窗口"),
            speech_sentence("A002", "2号窗口"),
        ]
        display.shutdown()
    finally:
        if services is not None:
            services.close()
        proxy.close()
        drop_pg_schema(schema)
