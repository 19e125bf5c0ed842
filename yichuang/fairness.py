"""Which waiting ticket a counter calls next: the hall's fairness rule, as a pure function.

The rule, in the order it is applied (every parameter lives in ``QueuePolicy``):

1. A ticket transferred to *this* counter by name goes first (oldest first): the citizen has
   already been served once and was sent here.
2. Green-channel (绿色通道) tickets and appointment check-ins go before ordinary tickets, but at
   most ``priority_burst`` of them in a row at one counter while ordinary tickets wait; then
   one ordinary ticket is called. Priority therefore never sinks behind the ordinary queue —
   not even on a busy day when every ordinary ticket is late — and a stream of priority
   tickets never starves it.
3. Within the chosen class, any ticket that has waited longer than ``max_wait_minutes`` goes
   first, oldest first, so no ticket of a counter's secondary business waits without bound.
4. Otherwise the counter's main business (lower rank) comes first, then queue order
   (``queued_at``: the issue time, kept on transfer; the re-queue time for a late citizen).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta


@dataclass(frozen=True)
class QueuePolicy:
    priority_burst: int = 2
    max_wait_minutes: int = 30
    noshow_min_calls: int = 2  # a ticket must be called this often before it may be a no-show
    default_service_minutes: float = 6.0  # for wait estimates before anyone has been served


@dataclass(frozen=True)
class Candidate:
    ticket_id: int
    rank: int  # the queue's rank at this counter (0 = main business)
    queued_at: datetime
    priority: bool  # green channel or appointment check-in
    directed: bool = False  # transferred to this very counter


def choose(
    candidates: Iterable[Candidate],
    *,
    priority_streak: int,
    policy: QueuePolicy,
    now: datetime,
) -> Candidate | None:
    """The ticket to call, or None if nobody is waiting. ``priority_streak`` counts the
    counter's consecutive priority calls just before this one."""
    pool = list(candidates)
    if not pool:
        return None
    directed = [c for c in pool if c.directed]
    if directed:
        return min(directed, key=lambda c: (c.queued_at, c.ticket_id))
    bound = now - timedelta(minutes=policy.max_wait_minutes)

    def pick(group: list[Candidate]) -> Candidate:
        overdue = [c for c in group if c.queued_at <= bound]
        if overdue:
            return min(overdue, key=lambda c: (c.queued_at, c.ticket_id))
        return min(group, key=lambda c: (c.rank, c.queued_at, c.ticket_id))

    priority = [c for c in pool if c.priority]
    ordinary = [c for c in pool if not c.priority]
    if priority and (not ordinary or priority_streak < policy.priority_burst):
        return pick(priority)
    return pick(ordinary)
