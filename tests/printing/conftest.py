"""Sample documents for the printing tests (the same fictional data the bench uses)."""

from __future__ import annotations

import pytest

from printing import samples
from printing.fonts import cjk_font_name


@pytest.fixture(scope="session", autouse=True)
def cjk_font() -> str:
    """Register the CJK font once; a machine without one fails here with FontNotFound's advice."""
    return cjk_font_name()


@pytest.fixture
def sample_docs():
    return samples.all_samples()
