"""Many processes at once: every ticket is issued once, numbered without gaps, served exactly once.

Eight counter processes call and finish tickets while two kiosk processes keep issuing, on a
SQLite file (several processes on one PC) and on PostgreSQL (several PCs).
"""

from __future__ import annotations

import multiprocessing as mp
from collections import Counter as Tally

import pytest

from yichuang.catalog import from_dict
from yichuang.db import open_database
from yichuang.hall import install_catalog
from yichuang.queue import QueueEngine, TicketKind

COUNTERS = 8
PRE_ISSUED = 160
PER_KIOSK = 60
KIOSKS = 2


def busy_hall():
    return from_dict(
        {
            "hall": {"name": "并发测试大厅"},
            "areas": [{"code": "Z", "name": "综合"}],
            "departments": [{"code": "D", "name": "综合部门", "area": "Z"}],
            "queues": [{"code": "A", "name": "综合受理"}, {"code": "B", "name": "社保"}],
            "items": [{"code": "I1", "name": "事项", "department": "D", "queue": "A"}],
            "counters": [
                {"number": n, "name": f"{n}号窗口", "queues": ["A", "B"] if n % 2 else ["B", "A"]}
                for n in range(1, COUNTERS + 1)
            ],
            "staff": [],
        }
    )


def counter_worker(url: str, number: int, issuing_done, results) -> None:
    store = open_database(url)
    engine = QueueEngine(store)
    served: list[str] = []
    idle_rounds = 0
    while True:
        ticket = engine.call_next(number)
        if ticket is None:
            if issuing_done.is_set():
                idle_rounds += 1
                if idle_rounds > 3:
                    break
            continue
        idle_rounds = 0
        engine.start(number)
        engine.finish(number)
        served.append(ticket.number)
    results.put((number, served))
    store.close()


def kiosk_worker(url: str, kiosk: int, results) -> None:
    store = open_database(url)
    engine = QueueEngine(store)
    issued = []
    for i in range(PER_KIOSK):
        kind = TicketKind.PRIORITY if i % 7 == 0 else TicketKind.NORMAL
        queue = "A" if i % 3 else "B"
        issued.append(engine.issue(queue, kind=kind).ticket.number)
    results.put((f"kiosk{kiosk}", issued))
    store.close()


@pytest.mark.slow
def test_concurrent_counters_serve_every_ticket_exactly_once(db_url):
    store = open_database(db_url, migrate=True)
    install_catalog(store, busy_hall())
    engine = QueueEngine(store)
    for n in range(1, COUNTERS + 1):
        engine.resume(n)  # open the counters
    pre = [engine.issue("A" if i % 2 else "B").ticket.number for i in range(PRE_ISSUED)]
    store.close()

    ctx = mp.get_context("spawn")
    results = ctx.Queue()
    issuing_done = ctx.Event()
    counters = [
        ctx.Process(target=counter_worker, args=(db_url, n, issuing_done, results))
        for n in range(1, COUNTERS + 1)
    ]
    kiosks = [ctx.Process(target=kiosk_worker, args=(db_url, k, results)) for k in range(KIOSKS)]
    for p in counters + kiosks:
        p.start()
    for p in kiosks:
        p.join(120)
    issuing_done.set()
    for p in counters:
        p.join(180)
    outputs = dict(results.get(timeout=10) for _ in counters + kiosks)
    assert all(p.exitcode == 0 for p in counters + kiosks)

    issued = pre + [n for k in range(KIOSKS) for n in outputs[f"kiosk{k}"]]
    served = [n for c in range(1, COUNTERS + 1) for n in outputs[c]]
    # no number issued twice, and numbering per prefix has no gap
    assert len(set(issued)) == len(issued) == PRE_ISSUED + KIOSKS * PER_KIOSK
    for prefix in "AB":
        seqs = sorted(int(n[1:]) for n in issued if n.startswith(prefix))
        assert seqs == list(range(1, len(seqs) + 1))
    # every ticket served exactly once, by some counter
    duplicates = [n for n, k in Tally(served).items() if k > 1]
    assert duplicates == []
    assert sorted(served) == sorted(issued)
    # the work was really shared between the processes
    assert sum(1 for c in range(1, COUNTERS + 1) if outputs[c]) >= COUNTERS // 2

    store = open_database(db_url)
    try:
        assert QueueEngine(store).waiting_counts() == {"A": 0, "B": 0}
    finally:
        store.close()
