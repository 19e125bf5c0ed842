"""The document data classes refuse values the hall does not have."""

from __future__ import annotations

from dataclasses import FrozenInstanceError, replace

import pytest

from printing import samples
from printing.documents import APPOINTMENT_KINDS, ESCALATION_CATEGORIES


def test_documents_are_frozen():
    with pytest.raises(FrozenInstanceError):
        samples.ticket_slip().ticket_no = "B001"  # type: ignore[misc]


@pytest.mark.parametrize("category", ESCALATION_CATEGORIES)
def test_every_escalation_category_is_accepted(category):
    assert replace(samples.reply_card(), category=category).category == category


def test_unknown_escalation_category_is_refused():
    with pytest.raises(ValueError, match="category"):
        replace(samples.reply_card(), category="不想办")


@pytest.mark.parametrize("kind", APPOINTMENT_KINDS)
def test_every_appointment_kind_is_accepted(kind):
    assert replace(samples.appointment_slip(), kind=kind).kind == kind


def test_appointment_needs_a_known_kind_and_a_payload():
    with pytest.raises(ValueError, match="kind"):
        replace(samples.appointment_slip(), kind="随便办")
    with pytest.raises(ValueError, match="payload"):
        replace(samples.appointment_slip(), qr_payload="")
