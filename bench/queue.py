"""A simulated busy day on each backend: issue rate, call-next latency, call-to-follower delay.

    python bench/queue.py                      # SQLite and PostgreSQL, 60 counters, 5,000 tickets
    python bench/queue.py --backends sqlite --tickets 1000 --counters 20

Phase 1 issues every ticket from two kiosk processes (tickets per second). Phase 2 starts one
process per counter; when every one has signed on (as a hall's PCs are all up before opening),
each calls the next ticket, "serves" it for a random time and finishes it, while a follower
process waits on the event feed and records when it sees each call. Service is compressed:
--service-min/--service-max, default 1–3 s instead of minutes, so the hall calls ~30 tickets a
second (a real hall of 60 counters calls one every few seconds). All 60 counter processes, the
database server and the follower share this machine's cores, unlike a hall where every counter
is its own PC. Reported: call-next latency p50/p95/p99 (every call, the morning's first and
those that find nobody waiting included) and call→follower delay p50/p95/p99.
Targets: call-next p99 < 20 ms; call→follower p95 < 300 ms.
"""

from __future__ import annotations

import sys
from pathlib import Path

# This file is named like the standard library's ``queue``: take its folder off the import path
# (multiprocessing needs the real one) and put the project root there instead.
_HERE = Path(__file__).resolve().parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != _HERE]
sys.path.insert(0, str(_HERE.parent))

import argparse
import multiprocessing as mp
import random
import statistics
import tempfile
import time
from datetime import datetime

from tests.hallfixtures import drop_pg_schema, new_pg_schema
from yichuang.catalog import from_dict
from yichuang.db import open_database
from yichuang.events import EventFeed
from yichuang.hall import install_catalog
from yichuang.queue import QueueEngine, TicketKind

QUEUES = "ABCDEFGH"


def bench_hall(counters: int):
    return from_dict(
        {
            "hall": {"name": "压力测试大厅"},
            "areas": [{"code": "Z", "name": "综合"}],
            "departments": [{"code": "D", "name": "部门", "area": "Z"}],
            "queues": [{"code": q, "name": f"业务{q}"} for q in QUEUES],
            "items": [],
            "counters": [
                {
                    "number": n,
                    "name": f"{n}号窗口",
                    "queues": [QUEUES[n % len(QUEUES)], QUEUES[(n + 1) % len(QUEUES)]],
                }
                for n in range(1, counters + 1)
            ],
            "staff": [],
        }
    )


def pct(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))
    return ordered[index]


def kiosk(url: str, count: int, seed: int, out) -> None:
    rng = random.Random(seed)
    store = open_database(url)
    engine = QueueEngine(store)
    started = time.perf_counter()
    for _ in range(count):
        kind = TicketKind.PRIORITY if rng.random() < 0.1 else TicketKind.NORMAL
        engine.issue(rng.choice(QUEUES), kind=kind)
    out.put(("kiosk", count, time.perf_counter() - started))
    store.close()


def counter(url: str, number: int, service_ms: tuple[int, int], ready, go, out) -> None:
    rng = random.Random(number)
    store = open_database(url)
    engine = QueueEngine(store)
    engine.resume(number)
    latencies: list[float] = []
    ready.release()
    go.wait()
    # Counters open over the first moments of the day, not all in the same millisecond.
    time.sleep(rng.uniform(0, service_ms[1]) / 1000)
    empty = 0
    while empty < 3:
        t0 = time.perf_counter()
        ticket = engine.call_next(number)
        latencies.append((time.perf_counter() - t0) * 1000)
        if ticket is None:
            empty += 1
            time.sleep(0.5)  # a clerk with nobody waiting looks again in a moment
            continue
        empty = 0
        time.sleep(rng.uniform(*service_ms) / 1000)
        engine.finish(number)
    out.put(("counter", number, latencies))
    store.close()


def follower(url: str, stop, out) -> None:
    store = open_database(url)
    feed = EventFeed(store, poll_interval=0.05)
    last = feed.latest_id()
    delays: list[float] = []
    while not stop.is_set():
        for event in feed.wait(last, timeout=0.5):
            last = event.id
            if event.kind == "called":
                delays.append((datetime.now() - event.at).total_seconds() * 1000)
    feed.close()
    out.put(("follower", 0, delays))
    store.close()


def run_backend(name: str, url: str, args: argparse.Namespace) -> None:
    store = open_database(url, migrate=True)
    install_catalog(store, bench_hall(args.counters))
    store.close()
    ctx = mp.get_context("spawn")
    out = ctx.Queue()

    half = args.tickets // 2
    kiosks = [
        ctx.Process(target=kiosk, args=(url, n, s, out))
        for s, n in enumerate((half, args.tickets - half))
    ]
    started = time.perf_counter()
    for p in kiosks:
        p.start()
    for p in kiosks:
        p.join()
    elapsed = time.perf_counter() - started
    for _ in kiosks:
        out.get()
    print(
        f"[{name}] issued {args.tickets} tickets from 2 kiosk processes in {elapsed:.1f} s "
        f"= {args.tickets / elapsed:.0f} tickets/s"
    )

    go, stop, ready = ctx.Event(), ctx.Event(), ctx.Semaphore(0)
    watcher = ctx.Process(target=follower, args=(url, stop, out))
    watcher.start()
    workers = [
        ctx.Process(
            target=counter, args=(url, n, (args.service_min, args.service_max), ready, go, out)
        )
        for n in range(1, args.counters + 1)
    ]
    for p in workers:
        p.start()
    # The day starts when every counter PC is up: starting 60 Python processes keeps both
    # cores busy for seconds, and calls made meanwhile would measure the start-up, not the hall.
    for _ in workers:
        if not ready.acquire(timeout=120):
            dead = [p.exitcode for p in workers if p.exitcode not in (None, 0)]
            raise SystemExit(f"counter processes did not start (exit codes {dead})")
    time.sleep(1)
    started = time.perf_counter()
    go.set()
    latencies: list[float] = []
    for _ in workers:
        _, _, values = out.get()
        latencies.extend(values)
    for p in workers:
        p.join()
    elapsed = time.perf_counter() - started
    time.sleep(1)
    stop.set()
    _, _, delays = out.get()
    watcher.join()
    calls = len(latencies)
    print(
        f"[{name}] {args.counters} counters served {args.tickets} tickets in {elapsed:.1f} s "
        f"({calls} call-next requests, {calls / elapsed:.0f}/s)"
    )
    print(
        f"[{name}] call-next latency ms: p50 {pct(latencies, 50):.1f}  p95 {pct(latencies, 95):.1f}  "
        f"p99 {pct(latencies, 99):.1f}  max {max(latencies):.1f}  mean {statistics.fmean(latencies):.1f}"
    )
    print(
        f"[{name}] call→follower delay ms ({len(delays)} calls seen): p50 {pct(delays, 50):.0f}  "
        f"p95 {pct(delays, 95):.0f}  p99 {pct(delays, 99):.0f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--backends", default="sqlite,postgres")
    parser.add_argument("--tickets", type=int, default=5000)
    parser.add_argument("--counters", type=int, default=60)
    parser.add_argument("--service-min", type=int, default=1000)
    parser.add_argument("--service-max", type=int, default=3000)
    args = parser.parse_args()
    for backend in args.backends.split(","):
        if backend == "sqlite":
            with tempfile.TemporaryDirectory() as tmp:
                run_backend("sqlite", f"sqlite:///{Path(tmp) / 'bench.db'}", args)
        elif backend == "postgres":
            url, schema = new_pg_schema()
            try:
                run_backend("postgres", url, args)
            finally:
                drop_pg_schema(schema)


if __name__ == "__main__":
    main()
