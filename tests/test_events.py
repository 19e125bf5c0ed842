"""The event feed: followers in other processes see every event once, in order."""

from __future__ import annotations

import multiprocessing as mp

from yichuang.db import open_database
from yichuang.events import EventFeed
from yichuang.queue import QueueEngine


def issue_some(url: str, count: int) -> None:
    store = open_database(url)
    engine = QueueEngine(store)
    for _ in range(count):
        engine.issue("A")
    store.close()


def test_follower_sees_events_from_another_process_in_order(store, db_url):
    feed = EventFeed(store)
    start = feed.latest_id()
    ctx = mp.get_context("spawn")
    writer = ctx.Process(target=issue_some, args=(db_url, 25))
    writer.start()
    seen = []
    last = start
    for _ in range(200):  # bounded: each wait returns at the latest after its timeout
        batch = feed.wait(last, timeout=2.0)
        seen.extend(batch)
        if batch:
            last = batch[-1].id
        if len(seen) >= 25:
            break
    writer.join(30)
    feed.close()
    assert writer.exitcode == 0
    assert [e.payload["ticket"] for e in seen] == [f"A{n:03d}" for n in range(1, 26)]
    ids = [e.id for e in seen]
    assert ids == sorted(ids) and len(set(ids)) == len(ids)


def test_wait_times_out_with_nothing_new(store):
    feed = EventFeed(store)
    assert feed.wait(feed.latest_id(), timeout=0.2) == []
    feed.close()


def test_recent_returns_newest_first(engine, store):
    engine.sign_in(1, "1001")
    engine.issue("A")
    engine.issue("A")
    engine.call_next(1)
    recent = EventFeed(store).recent(("called", "issued"), limit=2)
    assert [e.kind for e in recent] == ["called", "issued"]
    assert recent[1].payload["ticket"] == "A002"
