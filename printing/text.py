"""Small text helpers shared by the renderers: escaping user text and Chinese date formats."""

from __future__ import annotations

from datetime import date, datetime, time
from xml.sax.saxutils import escape

_WEEKDAYS = "一二三四五六日"


def esc(text: str) -> str:
    """Escape user text for a reportlab Paragraph; keep its line breaks."""
    return escape(text).replace("\r\n", "\n").replace("\n", "<br/>")


def cn_date(d: date) -> str:
    """``2024年5月20日``"""
    return f"{d.year}年{d.month}月{d.day}日"


def cn_weekday(d: date) -> str:
    """``星期一``"""
    return "星期" + _WEEKDAYS[d.weekday()]


def cn_datetime(dt: datetime) -> str:
    """``2024年5月20日 09:05``"""
    return f"{cn_date(dt)} {dt:%H:%M}"


def hm(t: time) -> str:
    """``09:05``"""
    return f"{t:%H:%M}"


def blank_date() -> str:
    """A date line to fill in by hand."""
    return "________年_____月_____日"
