"""Hall settings kept in the database, so every PC of a hall shares them.

Values are JSON. Each setting has a default here; the administrator's value overrides it.
"""

from __future__ import annotations

import secrets
from dataclasses import asdict, fields
from typing import Any

from yichuang.fairness import QueuePolicy
from yichuang.models import Setting

DEFAULTS: dict[str, Any] = {
    "queue_policy": asdict(QueuePolicy()),
    "ticket_notice": "请留意叫号，过号请到导办台重新排队。",
    "display_notice": "窗口无否决权 · 办不成事请到“办不成事”反映窗口",
    "announce_repeat": 2,
}


def get(key: str) -> Any:
    row = Setting.get_or_none(Setting.key == key)
    if row is not None:
        return row.value
    return DEFAULTS.get(key)


def put(key: str, value: Any) -> None:
    """Set a value. Call inside a write transaction."""
    Setting.insert(key=key, value=value).on_conflict(
        conflict_target=[Setting.key], update={Setting.value: value}
    ).execute()


def queue_policy() -> QueuePolicy:
    stored = get("queue_policy") or {}
    known = {f.name for f in fields(QueuePolicy)}
    return QueuePolicy(**{k: v for k, v in stored.items() if k in known})


def hall_secret() -> bytes:
    """The per-installation secret that signs QR payloads; created on first use."""
    value = get("hall_secret")
    if value is None:
        value = secrets.token_hex(32)
        put("hall_secret", value)
    return bytes.fromhex(value)
