"""The demo catalog and the JSON loader's error reporting."""

from __future__ import annotations

import copy
import json
import re
from importlib import resources
from typing import Any

import pytest

from yichuang.catalog import (
    ITEM_TYPES,
    Catalog,
    Handling,
    Necessity,
    Scope,
    demo_catalog,
    from_dict,
    load_json,
)
from yichuang.errors import CatalogError

ROLES = {"clerk", "desk", "supervisor", "admin", "kiosk"}


@pytest.fixture(scope="module")
def demo() -> Catalog:
    return demo_catalog()


@pytest.fixture
def raw() -> dict[str, Any]:
    text = resources.files("resources").joinpath("demo/catalog.json").read_text("utf-8")
    return json.loads(text)


def test_demo_hall_has_the_seed_shape(demo: Catalog) -> None:
    assert demo.hall.name == "示范区政务服务中心"
    assert len(demo.areas) == 2
    assert len(demo.departments) == 13
    assert 6 <= len(demo.queues) <= 8
    assert len(demo.items) >= 60
    assert len(demo.counters) == 14
    assert len(demo.staff) == 16


def test_codes_are_unique(demo: Catalog) -> None:
    for codes in (
        [a.code for a in demo.areas],
        [d.code for d in demo.departments],
        [q.code for q in demo.queues],
        [i.code for i in demo.items],
        [c.number for c in demo.counters],
        [s.number for s in demo.staff],
    ):
        assert len(codes) == len(set(codes))


def test_every_department_offers_items_and_every_area_has_departments(demo: Catalog) -> None:
    assert {i.department for i in demo.items} == {d.code for d in demo.departments}
    assert {d.area for d in demo.departments} == {a.code for a in demo.areas}


def test_items_are_complete(demo: Catalog) -> None:
    for it in demo.items:
        assert re.fullmatch(r"370112-[A-Z]+-\d{3}", it.code), it.code
        assert it.code.split("-")[1] == it.department
        assert it.item_type in ITEM_TYPES
        assert "《" in it.legal_basis and it.conditions
        assert 2 <= len(it.materials) <= 8, it.code
        assert it.guide_url == f"https://zwfw.example.gov.cn/guide/{it.code}"
        assert it.place and it.hours and it.phone.startswith("0531-8")
        if it.handling is Handling.ON_THE_SPOT:
            assert it.promised_limit_days == 0
        else:
            assert 0 < it.promised_limit_days <= it.statutory_limit_days


def test_deferrable_materials_and_flags(demo: Catalog) -> None:
    assert sum(1 for it in demo.items if it.deferrable_materials) >= 15
    assert sum(1 for it in demo.items if it.one_visit) >= 30
    scopes = {it.scope for it in demo.items}
    assert {Scope.NATIONWIDE, Scope.PROVINCE, Scope.CITY, Scope.LOCAL} <= scopes
    necessities = {m.necessity for it in demo.items for m in it.materials}
    assert necessities == set(Necessity)


def test_every_queue_is_served_by_at_least_two_counters(demo: Catalog) -> None:
    for q in demo.queues:
        serving = [c.number for c in demo.counters if q.code in c.queues]
        assert len(serving) >= 2, q.code
    escalation = next(q for q in demo.queues if q.code == "G")
    assert escalation.name == "办不成事反映窗口"
    counter14 = next(c for c in demo.counters if c.number == 14)
    assert counter14.queues == ("G",)


def test_every_item_queue_is_a_real_queue_served_somewhere(demo: Catalog) -> None:
    served = {q for c in demo.counters for q in c.queues}
    assert {it.queue for it in demo.items} <= served


def test_staff_roles_and_demo_logins(demo: Catalog) -> None:
    roles = [s.role for s in demo.staff]
    assert set(roles) <= ROLES
    assert roles.count("desk") >= 2 and "supervisor" in roles and "kiosk" in roles
    admin = next(s for s in demo.staff if s.number == "0001")
    assert (admin.role, admin.pin) == ("admin", "0000")


def test_load_json_reports_malformed_json_with_its_line() -> None:
    with pytest.raises(CatalogError) as info:
        load_json('{"hall": {"name": "x"},\n "areas": [,]}')
    assert "line 2" in str(info.value)
    assert info.value.user_message().startswith("服务目录有误")


def test_missing_field_is_named(raw: dict[str, Any]) -> None:
    del raw["items"][0]["department"]
    with pytest.raises(CatalogError) as info:
        from_dict(raw)
    assert "department" in info.value.user_message()


def test_bad_enum_value_is_reported(raw: dict[str, Any]) -> None:
    raw["items"][3]["materials"][0]["necessity"] = "可有可无"
    with pytest.raises(CatalogError) as info:
        from_dict(raw)
    assert "可有可无" in str(info.value)


@pytest.mark.parametrize(
    ("path", "value", "named"),
    [
        (("items", 5, "department"), "NOPE", "NOPE"),
        (("items", 5, "queue"), "Z", "'Z'"),
        (("departments", 2, "area"), "XX", "XX"),
        (("counters", 1, "queues"), ["A", "Q"], "'Q'"),
    ],
)
def test_broken_reference_names_it(
    raw: dict[str, Any], path: tuple[Any, ...], value: Any, named: str
) -> None:
    broken = copy.deepcopy(raw)
    target = broken
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    with pytest.raises(CatalogError) as info:
        from_dict(broken)
    assert named in str(info.value)
    assert named in info.value.user_message()


def test_duplicate_item_code_is_reported(raw: dict[str, Any]) -> None:
    raw["items"][1]["code"] = raw["items"][0]["code"]
    with pytest.raises(CatalogError) as info:
        from_dict(raw)
    assert raw["items"][0]["code"] in info.value.user_message()
