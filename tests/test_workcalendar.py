"""Working-day counting with China's holidays and make-up working weekends (调休)."""

from __future__ import annotations

from datetime import date

import pytest

from yichuang.errors import ConfigError
from yichuang.workcalendar import WorkCalendar


@pytest.fixture(scope="module")
def cal() -> WorkCalendar:
    return WorkCalendar.default()


def test_shipped_calendar_covers_2025_and_2026_only(cal: WorkCalendar) -> None:
    assert cal.known_years() == {2025, 2026}
    assert cal.day_name(date(2026, 2, 17)) == "春节"
    assert cal.day_name(date(2026, 1, 4)) == "元旦调休上班"
    # every make-up working day is a weekend, every weekday holiday is listed
    assert all(d.weekday() >= 5 for d in cal.workdays)
    assert len([d for d in cal.holidays if d.year == 2026 and d.weekday() < 5]) == 19


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (date(2026, 1, 1), False),  # 元旦, Thursday
        (date(2026, 1, 4), True),  # Sunday, make-up day
        (date(2026, 2, 14), True),  # Saturday, make-up day before 春节
        (date(2026, 2, 23), False),  # Monday, last day of 春节
        (date(2026, 2, 24), True),
        (date(2026, 3, 7), False),  # ordinary Saturday
        (date(2026, 3, 8), False),  # ordinary Sunday
        (date(2026, 3, 9), True),  # ordinary Monday
        (date(2025, 10, 8), False),  # 2025 国庆中秋 merged holiday, Wednesday
        (date(2025, 10, 11), True),  # 2025 make-up Saturday
        (date(2027, 1, 1), True),  # 2027 not shipped: a plain Friday until the admin adds it
    ],
)
def test_is_working_day(cal: WorkCalendar, day: date, working: bool) -> None:
    assert cal.is_working_day(day) is working


def test_spring_festival_make_up_saturday_is_the_next_working_day(cal: WorkCalendar) -> None:
    friday = date(2026, 2, 13)
    assert cal.add_working_days(friday, 1) == date(2026, 2, 14)
    assert cal.next_working_day(friday) == date(2026, 2, 14)
    # after the make-up Saturday the holiday runs to Monday 23rd
    assert cal.next_working_day(date(2026, 2, 14)) == date(2026, 2, 24)
    assert cal.add_working_days(friday, 2) == date(2026, 2, 24)


def test_twenty_working_days_across_national_day(cal: WorkCalendar) -> None:
    # Materials arrive Friday 18 Sep 2026. Counted by hand: Sun 20 Sep (make-up) is day 1,
    # 21–24 Sep days 2–5, 25–27 Sep 中秋 off, 28–30 Sep days 6–8, 1–7 Oct 国庆 off,
    # 8–9 Oct days 9–10, Sat 10 Oct (make-up) day 11, then 12–16 and 19–22 Oct days 12–20.
    start = date(2026, 9, 18)
    assert cal.add_working_days(start, 20) == date(2026, 10, 22)
    assert cal.working_days_between(start, date(2026, 10, 22)) == 20


def test_zero_days_is_the_start_day_even_on_a_holiday(cal: WorkCalendar) -> None:
    assert cal.add_working_days(date(2026, 3, 9), 0) == date(2026, 3, 9)
    assert cal.add_working_days(date(2026, 10, 1), 0) == date(2026, 10, 1)


def test_negative_count_is_a_programming_error(cal: WorkCalendar) -> None:
    with pytest.raises(ValueError):
        cal.add_working_days(date(2026, 3, 9), -1)


def test_weekends_do_not_count_without_holidays() -> None:
    plain = WorkCalendar()
    friday = date(2026, 3, 6)
    assert plain.next_working_day(friday) == date(2026, 3, 9)
    assert plain.next_working_day(date(2026, 3, 7)) == date(2026, 3, 9)
    assert plain.add_working_days(friday, 5) == date(2026, 3, 13)
    # starting on a Saturday: Monday is day 1
    assert plain.add_working_days(date(2026, 3, 7), 1) == date(2026, 3, 9)


def test_working_days_between(cal: WorkCalendar) -> None:
    assert cal.working_days_between(date(2026, 3, 9), date(2026, 3, 9)) == 0
    assert cal.working_days_between(date(2026, 3, 6), date(2026, 3, 9)) == 1  # Fri → Mon
    assert cal.working_days_between(date(2026, 3, 6), date(2026, 3, 8)) == 0  # weekend only
    # the whole Spring Festival week plus the make-up Saturdays
    assert cal.working_days_between(date(2026, 2, 13), date(2026, 2, 28)) == 6
    assert cal.working_days_between(date(2026, 2, 28), date(2026, 2, 13)) == -6


def test_between_inverts_add_for_working_days(cal: WorkCalendar) -> None:
    start = date(2025, 12, 30)
    for n in range(0, 60):
        end = cal.add_working_days(start, n)
        assert cal.working_days_between(start, end) == n


def test_admin_additions_win_and_leave_the_original_untouched(cal: WorkCalendar) -> None:
    changed = cal.merged(
        holidays={"2027-01-01": "元旦", date(2026, 2, 14): "春节（更正）"},
        workdays={"2026-03-07": "大厅集中办公日"},
    )
    assert not changed.is_working_day(date(2027, 1, 1))
    assert not changed.is_working_day(date(2026, 2, 14))  # was a make-up day
    assert changed.is_working_day(date(2026, 3, 7))
    assert cal.is_working_day(date(2026, 2, 14))  # the shipped calendar is unchanged
    assert changed.known_years() == {2025, 2026, 2027}
    assert cal.with_overrides(holidays={"2027-01-01": "元旦"}).day_name(date(2027, 1, 1)) == "元旦"


def test_round_trip_through_dict(cal: WorkCalendar) -> None:
    assert WorkCalendar.from_dict(cal.to_dict()) == cal


@pytest.mark.parametrize("bad", ["2026-13-01", "2026/01/01", "明天", ""])
def test_bad_date_string_is_a_clear_config_error(bad: str) -> None:
    with pytest.raises(ConfigError) as info:
        WorkCalendar(holidays={bad: "某节"})
    message = info.value.user_message()
    assert "工作日历" in message and "YYYY-MM-DD" in message
    assert repr(bad) in str(info.value)


def test_a_day_cannot_be_holiday_and_workday() -> None:
    with pytest.raises(ConfigError) as info:
        WorkCalendar(holidays={"2026-03-07": "x"}, workdays={"2026-03-07": "y"})
    assert "2026-03-07" in info.value.user_message()


def test_malformed_json_is_a_config_error() -> None:
    with pytest.raises(ConfigError) as info:
        WorkCalendar.from_json('{"holidays": {"2026-01-01": "元旦",}}')
    assert "第 1 行" in info.value.user_message()
    with pytest.raises(ConfigError):
        WorkCalendar.from_json('{"holidays": ["2026-01-01"]}')
