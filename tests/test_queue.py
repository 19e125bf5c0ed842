"""The queue engine on both backends: numbering, calling, fairness, no-show, transfer, pause."""

from __future__ import annotations

import pytest

from yichuang import settings
from yichuang.errors import (
    CounterBusy,
    CounterInUse,
    CounterNotOpen,
    CounterPaused,
    CounterServesNothing,
    DailyCapReached,
    InvalidTicketState,
    NoShowTooEarly,
    UnknownCounter,
    UnknownService,
)
from yichuang.events import EventFeed
from yichuang.fairness import QueuePolicy
from yichuang.queue import CounterStatus, EventKind, QueueEngine, TicketKind, TicketStatus


def test_numbers_run_per_queue_and_restart_each_day(engine, clock):
    numbers = [engine.issue("A").ticket.number for _ in range(3)]
    assert numbers == ["A001", "A002", "A003"]
    assert engine.issue("RSJ-001").ticket.number == "B001"
    clock.advance(days=1)
    assert engine.issue("A").ticket.number == "A001"
    # yesterday's tickets are kept, and those never called are closed as expired
    assert engine.ticket("A003", clock.now.date().replace(day=2)).status is TicketStatus.EXPIRED


def test_item_code_is_recorded_and_unknown_service_is_refused(engine):
    issued = engine.issue("SCJG-001")
    assert issued.ticket.queue == "A"
    assert issued.ticket.item_code == "SCJG-001"
    with pytest.raises(UnknownService) as err:
        engine.issue("NOPE")
    assert "NOPE" in err.value.user_message()
    assert "未知" in err.value.user_message()


def test_daily_cap(engine):
    for _ in range(3):
        engine.issue("C")
    with pytest.raises(DailyCapReached) as err:
        engine.issue("C")
    assert "今日号源已取完" in err.value.user_message()
    # an appointment check-in is not turned away by the cap
    assert engine.issue("C", kind=TicketKind.APPOINTMENT).ticket.number == "C004"


def test_issue_is_idempotent_by_request_id(engine):
    first = engine.issue("A", request_id="kiosk-1-0001")
    again = engine.issue("A", request_id="kiosk-1-0001")
    assert again.ticket.id == first.ticket.id
    assert engine.issue("A").ticket.number == "A002"


def test_estimate_uses_people_ahead_and_recent_service_time(engine, clock):
    engine.sign_in(1, "1001")
    assert engine.issue("A").ahead == 0
    engine.issue("A")
    third = engine.issue("A")
    assert third.ahead == 2
    # one counter open for A, no history: default 6 minutes each
    assert third.estimated_minutes == 12
    engine.call_next(1)
    engine.start(1)
    clock.advance(minutes=10)
    engine.finish(1)
    ahead, minutes = engine.estimate("A")
    assert ahead == 2 and minutes == 20


def test_call_next_orders_by_counter_rank_then_time(engine, clock):
    engine.sign_in(1, "1001")
    engine.issue("B")
    clock.advance(minutes=1)
    engine.issue("A")
    # counter 1 serves A first (its main business) even though B was issued earlier
    assert engine.call_next(1).number == "A001"


def test_call_next_requires_finishing_current_and_an_open_counter(engine):
    engine.sign_in(1, "1001")
    engine.issue("A")
    engine.issue("A")
    engine.call_next(1)
    with pytest.raises(CounterBusy):
        engine.call_next(1)
    engine.finish(1)
    engine.pause(1, "午休")
    with pytest.raises(CounterPaused) as err:
        engine.call_next(1)
    assert "午休" in err.value.user_message()
    engine.resume(1)
    assert engine.call_next(1).number == "A002"


def test_counter_errors_are_clear(engine):
    with pytest.raises(CounterServesNothing) as err:
        engine.call_next(9)
    assert "没有配置任何业务" in err.value.user_message()
    with pytest.raises(UnknownCounter):
        engine.call_next(42)


def test_empty_queue_returns_none(engine):
    engine.sign_in(1, "1001")
    assert engine.call_next(1) is None


def test_priority_goes_first_but_never_starves_ordinary(engine, clock):
    engine.sign_in(1, "1001")
    for _ in range(3):
        engine.issue("A")
    for _ in range(5):
        engine.issue("A", kind=TicketKind.PRIORITY, priority_group="老年人")
    order = []
    for _ in range(8):
        ticket = engine.call_next(1)
        order.append(ticket.number)
        engine.finish(1)
    # burst of 2 priority, then one ordinary, and so on
    assert order == ["A004", "A005", "A001", "A006", "A007", "A002", "A008", "A003"]


def test_no_ticket_waits_beyond_the_bound(engine, clock, store):
    with store.write():
        settings.put("queue_policy", {"priority_burst": 10, "max_wait_minutes": 20})
    engine.sign_in(1, "1001")
    engine.issue("B")  # counter 1's secondary business
    clock.advance(minutes=5)
    for _ in range(3):
        engine.issue("A")
    assert engine.call_next(1).number == "A001"
    engine.finish(1)
    clock.advance(minutes=16)  # B001 has now waited 21 minutes
    assert engine.call_next(1).number == "B001"


def test_recall_and_no_show_after_enough_calls(engine, store):
    engine.sign_in(1, "1001")
    engine.issue("A")
    engine.call_next(1)
    with pytest.raises(NoShowTooEarly) as err:
        engine.no_show(1)
    assert "2" in err.value.user_message()
    assert engine.recall(1).call_count == 2
    missed = engine.no_show(1)
    assert missed.status is TicketStatus.NO_SHOW
    assert engine.counter(1).current is None
    # the late citizen comes back: the ticket joins the queue again and can be called
    assert engine.requeue("A001").status is TicketStatus.WAITING
    assert engine.call_next(1).number == "A001"


def test_no_show_with_immediate_requeue(engine):
    engine.sign_in(1, "1001")
    engine.issue("A")
    engine.call_next(1)
    engine.recall(1)
    engine.no_show(1, requeue=True)
    assert engine.ticket("A001").status is TicketStatus.WAITING


def test_transfer_keeps_original_issue_time(engine, clock):
    engine.sign_in(1, "1001")
    engine.sign_in(2, "1002")
    engine.issue("A")
    clock.advance(minutes=3)
    engine.issue("B")
    clock.advance(minutes=3)
    engine.call_next(1)  # A001
    engine.transfer(1, to_queue="B")
    moved = engine.ticket("A001")
    assert moved.queue == "B" and moved.status is TicketStatus.WAITING
    assert moved.transfer_count == 1
    # counter 2 serves B first: A001 (issued earlier) goes before B001
    assert engine.call_next(2).number == "A001"


def test_transfer_to_a_named_counter_goes_first_there(engine, clock):
    engine.sign_in(1, "1001")
    engine.sign_in(2, "1002")
    for _ in range(2):
        engine.issue("B")
    engine.issue("A")
    engine.call_next(1)  # A001 (counter 1 ranks A first)
    engine.transfer(1, to_counter=2)
    assert engine.ticket("A001").target_counter_number == 2
    assert engine.call_next(1).number == "B001"  # counter 1 does not take it back
    assert engine.call_next(2).number == "A001"


def test_call_specific_ticket(engine):
    engine.sign_in(2, "1002")
    for _ in range(3):
        engine.issue("A")
    assert engine.call_ticket(2, "a003").number == "A003"


def test_service_times_and_events(engine, clock, store):
    feed = EventFeed(store)
    engine.sign_in(1, "1001")
    engine.issue("A")
    clock.advance(minutes=4)
    engine.call_next(1)
    clock.advance(minutes=1)
    engine.start(1)
    clock.advance(minutes=7)
    served = engine.finish(1)
    assert (served.first_called_at - served.issued_at).total_seconds() == 240
    assert (served.finished_at - served.started_at).total_seconds() == 420
    kinds = [e.kind for e in feed.after(0)]
    assert kinds == [
        EventKind.SIGNED_IN,
        EventKind.ISSUED,
        EventKind.CALLED,
        EventKind.STARTED,
        EventKind.FINISHED,
    ]
    called = [e for e in feed.after(0) if e.kind == EventKind.CALLED][0]
    assert called.payload["ticket"] == "A001"
    assert called.payload["counter"] == 1
    assert called.payload["counter_name"] == "1号窗口"


def test_pause_resume_and_sign_out(engine):
    state = engine.sign_in(1, "1001")
    assert state.status is CounterStatus.OPEN and state.staff_name == "张敏"
    assert engine.pause(1, "系统维护").pause_reason == "系统维护"
    assert engine.resume(1).status is CounterStatus.OPEN
    assert engine.sign_out(1).staff_number is None


def test_waiting_lists_and_counts(engine):
    engine.issue("A")
    engine.issue("B")
    engine.issue("B")
    assert engine.waiting_counts() == {"A": 1, "B": 2, "C": 0}
    assert [t.number for t in engine.waiting(counter=2)] == ["A001", "B001", "B002"]
    assert [t.number for t in engine.waiting(queues=["B"])] == ["B001", "B002"]


def test_fairness_policy_defaults_are_documented():
    policy = QueuePolicy()
    assert policy.priority_burst >= 1 and policy.max_wait_minutes > 0


def test_a_counter_left_busy_overnight_is_free_next_morning(engine, clock):
    engine.sign_in(1, "1001")
    engine.issue("A")
    engine.call_next(1)  # never finished: the clerk went home
    clock.advance(days=1)
    state = engine.sign_in(1, "1001")
    assert state.current is None
    assert engine.sign_out(1).status is CounterStatus.CLOSED
    assert engine.ticket("A001", clock.now.date().replace(day=2)).status is TicketStatus.EXPIRED


def test_a_counter_in_use_by_a_colleague_is_not_taken_over(engine):
    engine.sign_in(1, "1001")
    with pytest.raises(CounterInUse) as err:
        engine.sign_in(1, "1002")
    assert "张敏" in err.value.user_message() and "签退" in err.value.user_message()
    assert engine.sign_in(1, "1001").staff_number == "1001"  # the same clerk again is fine
    engine.sign_out(1)
    assert engine.sign_in(1, "1002").staff_number == "1002"


def test_transfer_to_an_unstaffed_counter_is_refused(engine):
    engine.sign_in(1, "1001")
    engine.issue("A")
    engine.call_next(1)
    with pytest.raises(CounterNotOpen):
        engine.transfer(1, to_counter=2)
    assert engine.counter(1).current.number == "A001"  # nothing changed


def test_signing_out_sends_citizens_waiting_for_this_counter_back_to_their_queue(engine):
    engine.sign_in(1, "1001")
    engine.sign_in(2, "1002")
    engine.issue("A")
    engine.call_next(1)
    engine.transfer(1, to_counter=2)
    engine.sign_out(2)
    assert engine.ticket("A001").target_counter_number is None
    assert engine.call_next(1).number == "A001"  # anyone serving A can call it now


def test_priority_still_goes_first_when_ordinary_tickets_are_late(engine, clock):
    engine.sign_in(1, "1001")
    engine.issue("A")
    clock.advance(minutes=45)  # a busy day: the ordinary ticket is long overdue
    engine.issue("A", kind=TicketKind.PRIORITY, priority_group="孕妇")
    assert engine.call_next(1).number == "A002"
    engine.finish(1)
    assert engine.call_next(1).number == "A001"


def _between_choice_and_claim(engine, monkeypatch, action):
    """Run ``action`` once, right after ``engine`` has chosen a ticket and before it claims it
    (the moment another counter or PC could act)."""
    choose = engine._choose
    pending = [action]

    def choose_then_act(counter, now):
        result = choose(counter, now)
        if pending:
            pending.pop()()
        return result

    monkeypatch.setattr(engine, "_choose", choose_then_act)


def test_a_ticket_taken_between_choice_and_claim_is_not_called_twice(
    engine, store, clock, monkeypatch
):
    other = QueueEngine(store, clock=clock)
    engine.sign_in(1, "1001")
    other.sign_in(2, "1002")
    engine.issue("A")
    engine.issue("A")
    taken = []
    _between_choice_and_claim(
        engine, monkeypatch, lambda: taken.append(other.call_ticket(2, "A001"))
    )
    called = engine.call_next(1)
    assert [t.number for t in taken] == ["A001"]
    # counter 1 chose A001, found it gone, and chose again under the lock
    assert called.number == "A002" and called.counter_number == 1
    assert engine.ticket("A001").counter_number == 2
    calls = [e for e in EventFeed(store).wait(0, timeout=0) if e.kind == EventKind.CALLED]
    assert [(e.payload["ticket"], e.counter_number) for e in calls] == [("A001", 2), ("A002", 1)]


def test_the_last_ticket_taken_between_choice_and_claim_leaves_nothing_to_call(
    engine, store, clock, monkeypatch
):
    other = QueueEngine(store, clock=clock)
    engine.sign_in(1, "1001")
    other.sign_in(2, "1002")
    engine.issue("A")
    _between_choice_and_claim(engine, monkeypatch, lambda: other.call_next(2))
    assert engine.call_next(1) is None
    assert engine.counter(1).current is None


def test_a_counter_paused_between_choice_and_claim_claims_nothing(
    engine, store, clock, monkeypatch
):
    other = QueueEngine(store, clock=clock)
    engine.sign_in(1, "1001")
    engine.issue("A")
    _between_choice_and_claim(engine, monkeypatch, lambda: other.pause(1, "临时离开"))
    with pytest.raises(CounterPaused):
        engine.call_next(1)
    assert engine.ticket("A001").status is TicketStatus.WAITING
    assert engine.counter(1).current is None
    other.resume(1)
    assert engine.call_next(1).number == "A001"


def _before_writing(engine, monkeypatch, *actions):
    """Run one of ``actions`` each time ``engine`` has read and decided and is about to write
    its guarded batch (the moment another PC could act)."""
    save = engine._save
    pending = list(actions)

    def act_then_save(rows, event):
        if pending:
            pending.pop(0)()
        return save(rows, event)

    monkeypatch.setattr(engine, "_save", act_then_save)


def test_finish_overtaken_by_a_recall_reads_again_and_logs_what_it_finished(
    engine, store, clock, monkeypatch
):
    other = QueueEngine(store, clock=clock)
    engine.sign_in(1, "1001")
    engine.issue("A")
    engine.call_next(1)
    _before_writing(engine, monkeypatch, lambda: other.recall(1))
    finished = engine.finish(1)
    assert finished.status is TicketStatus.SERVED and finished.call_count == 2
    events = [(e.kind, e.payload.get("call_count")) for e in EventFeed(store).wait(0, timeout=0)]
    assert events[-2:] == [(EventKind.RECALLED, 2), (EventKind.FINISHED, 2)]


def test_after_two_conflicts_the_operation_runs_under_the_write_lock(
    engine, store, clock, monkeypatch
):
    other = QueueEngine(store, clock=clock)
    engine.sign_in(1, "1001")
    engine.issue("A")
    engine.call_next(1)
    _before_writing(engine, monkeypatch, lambda: other.recall(1), lambda: other.recall(1))
    finished = engine.finish(1)
    assert finished.call_count == 3 and finished.status is TicketStatus.SERVED
    assert engine.counter(1).current is None
    kinds = [e.kind for e in EventFeed(store).wait(0, timeout=0)]
    assert kinds.count(EventKind.FINISHED) == 1 and kinds[-1] == EventKind.FINISHED


def test_a_finished_ticket_cannot_be_finished_again_by_a_late_attempt(
    engine, store, clock, monkeypatch
):
    other = QueueEngine(store, clock=clock)
    engine.sign_in(1, "1001")
    engine.issue("A")
    engine.call_next(1)
    _before_writing(engine, monkeypatch, lambda: other.finish(1))
    with pytest.raises(InvalidTicketState):
        engine.finish(1)
    kinds = [e.kind for e in EventFeed(store).wait(0, timeout=0)]
    assert kinds.count(EventKind.FINISHED) == 1


def test_the_first_call_after_signing_in_reads_no_more_than_later_calls(engine, store):
    """Signing in prepares the call path (caches, prepared statements), so the morning's
    first call is as quick as the rest."""
    for _ in range(3):
        engine.issue("A")
    engine.sign_in(1, "1001")
    statements: list[str] = []
    execute_sql = store.database.execute_sql

    def counting(sql, *args, **kwargs):
        statements.append(sql)
        return execute_sql(sql, *args, **kwargs)

    store.database.execute_sql = counting
    try:
        engine.call_next(1)
        first = len(statements)
        engine.finish(1)
        statements.clear()
        engine.call_next(1)
    finally:
        store.database.execute_sql = execute_sql
    assert first == len(statements)
    assert not any(s.startswith("PREPARE") for s in statements)


def test_a_ticket_sent_to_another_counter_can_still_be_called_by_number(engine):
    engine.sign_in(1, "1001")
    engine.sign_in(2, "1002")
    engine.issue("A")
    engine.call_next(1)
    engine.transfer(1, to_counter=2)
    called = engine.call_ticket(1, "A001")  # the citizen came back to counter 1's desk
    assert called.counter_number == 1 and called.target_counter_number is None
