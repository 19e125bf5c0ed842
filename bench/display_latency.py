"""How long a call takes to reach a call display running in another process.

    python bench/display_latency.py                       # SQLite and PostgreSQL, 200 calls each
    python bench/display_latency.py --backends sqlite --calls 50
    python bench/display_latency.py --plain               # a bare EventFeed.wait loop instead

For each backend a fresh hall is made (a temp SQLite file; a fresh PostgreSQL schema). A second
process runs the real ``CallDisplay`` offscreen (speech off) and prints each call the moment the
display has put it on screen; this process plays two counters calling tickets with random gaps
(``--gap-ms``, default 50-600 ms) and records when each call started. Reported per backend:
call->on-screen delay p50/p95/p99/max (from the start of ``call_next``, so the write itself is
included) and the ``call_next`` time alone. Target: p95 < 0.5 s.

Both processes read ``time.monotonic()``, which is one clock for the whole machine.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

# bench/ holds a queue.py: take the folder off the import path (it would hide the standard
# library's queue) and put the project root there instead.
HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != HERE]
sys.path.insert(0, str(ROOT))

from tests.hallfixtures import drop_pg_schema, new_pg_schema, small_catalog  # noqa: E402
from yichuang.db import open_database  # noqa: E402
from yichuang.hall import install_catalog  # noqa: E402
from yichuang.services import HallServices  # noqa: E402

COUNTERS = (1, 2)  # the small test hall's two counters for queues A and B


# ---- the display process -----------------------------------------------------------------


def run_display(url: str) -> None:
    """Child: the real call display, offscreen; prints "SEEN ticket time" per call shown."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.announcer import Announcer, Chime
    from desktop.display import CallDisplay

    app = QApplication([sys.argv[0]])
    services = HallServices.open(url)
    display = CallDisplay(services, announcer=Announcer(engine="none", chime=Chime(hold_ms=0)))

    def seen(ticket: str, counter: int) -> None:
        print(f"SEEN {ticket} {time.monotonic():.6f}", flush=True)

    display.call_shown.connect(seen)
    display.loaded.connect(lambda: print("READY", flush=True))
    display.show()
    done = threading.Event()  # the parent closes our stdin when it has finished calling
    threading.Thread(target=lambda: (sys.stdin.read(), done.set()), daemon=True).start()
    poll = QTimer()
    poll.timeout.connect(lambda: app.quit() if done.is_set() else None)
    poll.start(100)
    app.exec()
    display.close()
    services.close()


def run_plain(url: str) -> None:
    """Child: a bare follower, ``EventFeed.wait`` in a loop (no Qt)."""
    from yichuang.events import EventFeed

    services = HallServices.open(url)
    feed = EventFeed(services.store)
    last = feed.latest_id()
    print("READY", flush=True)
    stop = threading.Event()
    threading.Thread(target=lambda: (sys.stdin.read(), stop.set()), daemon=True).start()
    while not stop.is_set():
        for event in feed.wait(last, timeout=0.5):
            last = event.id
            if event.kind == "called":
                print(f"SEEN {event.payload['ticket']} {time.monotonic():.6f}", flush=True)
    feed.close()
    services.close()


# ---- the calling side ----------------------------------------------------------------------


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(p / 100 * len(ordered) + 0.5) - 1))
    return ordered[index]


def bench(url: str, label: str, calls: int, gap_ms: tuple[int, int], plain: bool) -> dict:
    store = open_database(url, migrate=True)
    install_catalog(store, small_catalog())
    store.close()
    services = HallServices.open(url)
    engine = services.engine
    for n in range(calls):
        engine.issue("AB"[n % 2])

    mode = "--plain-child" if plain else "--display-child"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    with tempfile.TemporaryFile("w+") as errors:
        child = subprocess.Popen(
            [sys.executable, __file__, mode, url],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=errors,
            text=True,
            env=env,
        )
        seen: dict[str, float] = {}
        ready = threading.Event()

        def read() -> None:
            assert child.stdout is not None
            for line in child.stdout:
                parts = line.split()
                if parts[:1] == ["READY"]:
                    ready.set()
                elif parts[:1] == ["SEEN"]:
                    seen.setdefault(parts[1], float(parts[2]))

        reader = threading.Thread(target=read, daemon=True)
        reader.start()
        if not ready.wait(60):
            child.kill()
            raise SystemExit(f"{label}: the display process did not start")

        started: dict[str, float] = {}
        call_ms: list[float] = []
        rng = random.Random(20260302)
        for n in range(calls):
            counter = COUNTERS[n % len(COUNTERS)]
            if engine.counter(counter).current is not None:
                engine.finish(counter)
            time.sleep(rng.uniform(*gap_ms) / 1000)
            t0 = time.monotonic()
            ticket = engine.call_next(counter)
            call_ms.append((time.monotonic() - t0) * 1000)
            if ticket is not None:
                started[ticket.number] = t0
        deadline = time.monotonic() + 10
        while len(seen) < len(started) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert child.stdin is not None
        child.stdin.close()
        try:
            child.wait(30)
        except subprocess.TimeoutExpired:
            child.kill()
        services.close()
        if child.returncode != 0:  # a display that died explains every missed call after it
            errors.seek(0)
            tail = [line for line in errors.read().splitlines() if "Couldn't" not in line][-5:]
            print(
                f"{label}: the display process exited with {child.returncode}:", *tail, sep="\n  "
            )

    delays = [(seen[t] - t0) * 1000 for t, t0 in started.items() if t in seen]
    missed = len(started) - len(delays)
    return {
        "label": label,
        "calls": len(started),
        "missed": missed,
        "p50": percentile(delays, 50),
        "p95": percentile(delays, 95),
        "p99": percentile(delays, 99),
        "max": max(delays),
        "mean": statistics.fmean(delays),
        "call_p50": percentile(call_ms, 50),
        "call_p95": percentile(call_ms, 95),
    }


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "--display-child":
        run_display(sys.argv[2])
        return
    if len(sys.argv) == 3 and sys.argv[1] == "--plain-child":
        run_plain(sys.argv[2])
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--backends", default="sqlite,postgres")
    parser.add_argument("--calls", type=int, default=200)
    parser.add_argument("--gap-ms", default="50-600", help="random pause before each call")
    parser.add_argument("--plain", action="store_true", help="follow with a bare EventFeed loop")
    args = parser.parse_args()
    low, high = (int(v) for v in args.gap_ms.split("-"))

    follower = "EventFeed.wait loop" if args.plain else "CallDisplay (offscreen)"
    print(
        f"follower in another process: {follower}; {args.calls} calls per backend; "
        f"load average before: {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs"
    )
    results = []
    for backend in args.backends.split(","):
        if backend == "sqlite":
            with tempfile.TemporaryDirectory() as folder:
                results.append(
                    bench(
                        f"sqlite:///{folder}/hall.db", "SQLite", args.calls, (low, high), args.plain
                    )
                )
        elif backend == "postgres":
            url, schema = new_pg_schema()
            try:
                results.append(bench(url, "PostgreSQL", args.calls, (low, high), args.plain))
            finally:
                drop_pg_schema(schema)
        else:
            raise SystemExit(f"unknown backend {backend!r}")
    print(f"load average after: {os.getloadavg()[0]:.2f}")
    print(
        f"{'backend':<11} {'calls':>5} {'missed':>6} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} "
        f"{'max ms':>7}   call_next p50/p95 ms"
    )
    for r in results:
        verdict = "ok" if r["p95"] < 500 and not r["missed"] else "OVER TARGET"
        print(
            f"{r['label']:<11} {r['calls']:>5} {r['missed']:>6} {r['p50']:>7.1f} {r['p95']:>7.1f} "
            f"{r['p99']:>7.1f} {r['max']:>7.1f}   {r['call_p50']:.1f}/{r['call_p95']:.1f}  "
            f"p95<500: {verdict}"
        )


if __name__ == "__main__":
    main()
