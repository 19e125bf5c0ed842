"""The hall's working calendar: which days count toward a time limit.

Time limits in the catalog (法定时限, 承诺时限) are in working days. China moves working days
around every year: public holidays (法定节假日) are off even on a weekday, and some weekends are
make-up working days (调休上班). The State Council publishes each year's schedule only in
November of the year before, so the shipped data (``resources/calendar``) is a starting point and
the administrator adds days in the app; ``merged`` gives the calendar with those additions.

Counting follows the administrative rule: the day the materials arrive does not count, so the
first working day of a time limit is the working day after it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from datetime import date, datetime, timedelta
from importlib import resources
from typing import Any

from yichuang.errors import ConfigError
from yichuang.i18n import QT_TRANSLATE_NOOP

DEFAULT_RESOURCE = "calendar/cn_2025_2027.json"

_ONE_DAY = timedelta(days=1)


def parse_day(value: date | str, where: str = "") -> date:
    """A date from a ``date`` or an ISO string ``YYYY-MM-DD``; ConfigError naming ``where`` otherwise."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise ConfigError(
        zh=QT_TRANSLATE_NOOP(
            "errors", "工作日历有误：{where}“{value}”不是有效日期（应为 YYYY-MM-DD）"
        ),
        en="work calendar: {where}{value!r} is not a valid date (expected YYYY-MM-DD)",
        where=f"{where} " if where else "",
        value=value,
    )


def _malformed(zh_detail: str, en_detail: str) -> ConfigError:
    return ConfigError(
        zh=QT_TRANSLATE_NOOP("errors", "工作日历文件格式有误：{detail}"),
        en="work calendar file is malformed: {en_detail}",
        detail=zh_detail,
        en_detail=en_detail,
    )


def _day_map(days: Mapping[Any, str] | Iterable[Any] | None, where: str) -> dict[date, str]:
    if days is None:
        return {}
    if isinstance(days, str | date):
        days = [days]
    if not isinstance(days, Mapping):
        days = dict.fromkeys(days, "")
    return {parse_day(d, where): str(name or "") for d, name in days.items()}


class WorkCalendar:
    """Working days: Monday to Friday, less ``holidays``, plus the weekend days in ``workdays``.

    Both mappings go from a day to its label (e.g. "春节", "春节调休上班"); keys may be dates or
    ISO strings. A day may not be both a holiday and a make-up working day. Instances are
    immutable: ``merged`` returns a new calendar.
    """

    def __init__(
        self,
        holidays: Mapping[date, str] | Mapping[str, str] | None = None,
        workdays: Mapping[date, str] | Mapping[str, str] | None = None,
    ) -> None:
        self._holidays = _day_map(holidays, "holidays")
        self._workdays = _day_map(workdays, "workdays")
        both = sorted(set(self._holidays) & set(self._workdays))
        if both:
            raise ConfigError(
                zh=QT_TRANSLATE_NOOP("errors", "工作日历有误：{day} 既是节假日又是调休上班日"),
                en="work calendar: {day} is both a holiday and a make-up working day",
                day=both[0].isoformat(),
            )

    # -- construction ------------------------------------------------------------------------

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> WorkCalendar:
        """From the JSON shape ``{"holidays": {"2026-01-01": "元旦"}, "workdays": {...}}``."""
        if not isinstance(data, Mapping):
            raise _malformed("不是 JSON 对象", "not a JSON object")
        holidays = data.get("holidays", {})
        workdays = data.get("workdays", {})
        for key, value in (("holidays", holidays), ("workdays", workdays)):
            if not isinstance(value, Mapping):
                raise _malformed(f"“{key}”应为“日期: 名称”的对象", f"{key} must map dates to names")
        return cls(holidays, workdays)

    @classmethod
    def from_json(cls, text: str) -> WorkCalendar:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise _malformed(
                f"第 {exc.lineno} 行：{exc.msg}", f"line {exc.lineno}: {exc.msg}"
            ) from exc
        return cls.from_dict(data)

    @classmethod
    def default(cls) -> WorkCalendar:
        """The national holidays shipped with the program (see the file's ``note``)."""
        text = resources.files("resources").joinpath(DEFAULT_RESOURCE).read_text("utf-8")
        return cls.from_json(text)

    def merged(
        self,
        holidays: Mapping[date, str] | Mapping[str, str] | None = None,
        workdays: Mapping[date, str] | Mapping[str, str] | None = None,
    ) -> WorkCalendar:
        """A new calendar with the administrator's days added; they win over the shipped ones.

        A day added as a holiday stops being a make-up working day and vice versa, so that a
        correction (the State Council changed a date) needs no separate removal.
        """
        add_h = _day_map(holidays, "holidays")
        add_w = _day_map(workdays, "workdays")
        new_h = {d: n for d, n in self._holidays.items() if d not in add_w}
        new_w = {d: n for d, n in self._workdays.items() if d not in add_h}
        new_h.update(add_h)
        new_w.update(add_w)
        return WorkCalendar(new_h, new_w)

    with_overrides = merged

    def to_dict(self) -> dict[str, dict[str, str]]:
        """The JSON shape, sorted by date; ``from_dict(to_dict())`` gives an equal calendar."""
        return {
            "holidays": {d.isoformat(): n for d, n in sorted(self._holidays.items())},
            "workdays": {d.isoformat(): n for d, n in sorted(self._workdays.items())},
        }

    # -- queries -----------------------------------------------------------------------------

    @property
    def holidays(self) -> Mapping[date, str]:
        return dict(self._holidays)

    @property
    def workdays(self) -> Mapping[date, str]:
        return dict(self._workdays)

    def known_years(self) -> set[int]:
        """Years for which some holiday is listed; a year outside these is weekends-only."""
        return {d.year for d in self._holidays}

    def day_name(self, d: date) -> str:
        """The holiday or make-up day's label, "" for an ordinary day."""
        return self._holidays.get(d) or self._workdays.get(d) or ""

    def is_working_day(self, d: date) -> bool:
        if d in self._workdays:
            return True
        if d in self._holidays:
            return False
        return d.weekday() < 5

    def next_working_day(self, d: date) -> date:
        """The first working day strictly after ``d``."""
        d += _ONE_DAY
        while not self.is_working_day(d):
            d += _ONE_DAY
        return d

    def add_working_days(self, start: date, n: int) -> date:
        """The date of the ``n``-th working day after ``start`` (``start`` itself never counts).

        This is a time limit's last day when materials arrived on ``start``; ``n == 0`` is
        ``start`` (an on-the-spot item).
        """
        if n < 0:
            raise ValueError(f"n must not be negative: {n}")
        d = start
        for _ in range(n):
            d = self.next_working_day(d)
        return d

    def working_days_between(self, a: date, b: date) -> int:
        """Working days after ``a`` up to and including ``b``; negative when ``b`` is before ``a``.

        For a working day ``b``: ``add_working_days(a, working_days_between(a, b)) == b``.
        """
        if b < a:
            return -self.working_days_between(b, a)
        count = 0
        d = a + _ONE_DAY
        while d <= b:
            if self.is_working_day(d):
                count += 1
            d += _ONE_DAY
        return count

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, WorkCalendar):
            return NotImplemented
        return self._holidays == other._holidays and self._workdays == other._workdays

    def __repr__(self) -> str:
        return f"WorkCalendar({len(self._holidays)} holidays, {len(self._workdays)} workdays)"
