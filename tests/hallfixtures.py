"""Shared test helpers: a small hall catalog, a controllable clock, database URLs per backend."""

from __future__ import annotations

import os
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from yichuang.catalog import from_dict

PG_BASE = os.environ.get("YICHUANG_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")

SMALL_HALL = {
    "hall": {"name": "测试区政务服务中心", "phone": "0531-88880000", "address": "测试路1号"},
    "areas": [{"code": "QY", "name": "企业服务领域"}, {"code": "MS", "name": "社会民生领域"}],
    "departments": [
        {"code": "SCJG", "name": "区市场监督管理局", "area": "QY", "place": "一楼A区"},
        {"code": "RSJ", "name": "区人力资源和社会保障局", "area": "MS", "place": "二楼B区"},
    ],
    "queues": [
        {"code": "A", "name": "企业开办"},
        {"code": "B", "name": "社保医保"},
        {"code": "C", "name": "限号业务", "daily_cap": 3},
    ],
    "items": [
        {
            "code": "SCJG-001",
            "name": "企业设立登记",
            "department": "SCJG",
            "queue": "A",
            "handling": "承诺件",
            "statutory_limit_days": 15,
            "promised_limit_days": 3,
            "materials": [
                {"name": "营业执照申请书", "necessity": "必要"},
                {"name": "住所使用证明", "necessity": "容缺后补"},
            ],
        },
        {
            "code": "RSJ-001",
            "name": "社会保障卡申领",
            "department": "RSJ",
            "queue": "B",
            "handling": "即办件",
            "materials": [{"name": "居民身份证", "necessity": "必要"}],
        },
        {"code": "RSJ-002", "name": "限号事项", "department": "RSJ", "queue": "C"},
    ],
    "counters": [
        {"number": 1, "name": "1号窗口", "queues": ["A", "B"]},
        {"number": 2, "name": "2号窗口", "queues": ["B", "A"]},
        {"number": 3, "name": "3号窗口", "queues": ["C"]},
        {"number": 9, "name": "9号窗口", "queues": []},
    ],
    "staff": [
        {"number": "1001", "name": "张敏", "role": "clerk", "pin": "1234"},
        {"number": "1002", "name": "李强", "role": "clerk", "pin": "2345"},
        {"number": "0001", "name": "王管理", "role": "admin", "pin": "0000"},
    ],
}


def small_catalog():
    return from_dict(SMALL_HALL)


@dataclass
class FakeClock:
    """A clock tests move by hand: no sleeps."""

    now: datetime = field(default_factory=lambda: datetime(2026, 3, 2, 9, 0, 0))

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> datetime:
        self.now += timedelta(**delta)
        return self.now


def new_pg_schema() -> tuple[str, str]:
    """Create a fresh schema in the test database; returns (url, schema)."""
    import psycopg2

    schema = f"yc_{uuid.uuid4().hex[:12]}"
    conn = psycopg2.connect(PG_BASE)
    conn.autocommit = True
    conn.cursor().execute(f"CREATE SCHEMA {schema}")
    conn.close()
    sep = "&" if "?" in PG_BASE else "?"
    return f"{PG_BASE}{sep}options=-csearch_path%3D{schema}", schema


def drop_pg_schema(schema: str) -> None:
    import psycopg2

    conn = psycopg2.connect(PG_BASE)
    conn.autocommit = True
    conn.cursor().execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
    conn.close()
