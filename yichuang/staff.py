"""Staff, their roles and PINs (salted scrypt hashes, never the PIN itself)."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from enum import StrEnum

from yichuang.db import Store
from yichuang.errors import AuthError, PermissionDenied
from yichuang.i18n import QT_TRANSLATE_NOOP
from yichuang.models import StaffRow

_N, _R, _P = 2**14, 8, 1


class Role(StrEnum):
    CLERK = "clerk"  # 窗口人员
    DESK = "desk"  # "办不成事" desk staff
    SUPERVISOR = "supervisor"
    ADMIN = "admin"
    KIOSK = "kiosk"  # lobby guide / ticket machine operator


ROLE_NAMES = {
    Role.CLERK: QT_TRANSLATE_NOOP("roles", "窗口人员"),
    Role.DESK: QT_TRANSLATE_NOOP("roles", "办不成事窗口"),
    Role.SUPERVISOR: QT_TRANSLATE_NOOP("roles", "值班主任"),
    Role.ADMIN: QT_TRANSLATE_NOOP("roles", "管理员"),
    Role.KIOSK: QT_TRANSLATE_NOOP("roles", "导办员"),
}

# Which roles may do what; admin may do everything.
PERMISSIONS: dict[str, set[Role]] = {
    "serve": {Role.CLERK, Role.DESK, Role.SUPERVISOR},
    "close_escalation": {Role.DESK, Role.SUPERVISOR},
    "see_reports": {Role.SUPERVISOR},
    "edit_catalog": set(),
}


@dataclass(frozen=True)
class StaffMember:
    id: int
    number: str
    name: str
    role: Role

    def may(self, action: str) -> bool:
        return self.role is Role.ADMIN or self.role in PERMISSIONS.get(action, set())

    def require(self, action: str) -> None:
        if not self.may(action):
            raise PermissionDenied(action=action)


def hash_pin(pin: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=_N, r=_R, p=_P)
    return f"scrypt${_N}${_R}${_P}${salt.hex()}${digest.hex()}"


def verify_pin(pin: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    candidate = hashlib.scrypt(pin.encode(), salt=bytes.fromhex(salt), n=int(n), r=int(r), p=int(p))
    return hmac.compare_digest(candidate.hex(), digest)


def _member(row: StaffRow) -> StaffMember:
    return StaffMember(row.id, row.number, row.name, Role(row.role))


class StaffDirectory:
    def __init__(self, store: Store) -> None:
        self.store = store

    def add(self, number: str, name: str, role: Role | str, pin: str) -> StaffMember:
        with self.store.write():
            row = StaffRow.create(number=number, name=name, role=Role(role), pin_hash=hash_pin(pin))
        return _member(row)

    def authenticate(self, number: str, pin: str) -> StaffMember:
        row = self.store.retrying(
            lambda: StaffRow.get_or_none((StaffRow.number == number.strip()) & StaffRow.active)
        )
        if row is None or not verify_pin(pin, row.pin_hash):
            raise AuthError()
        return _member(row)

    def get(self, number: str) -> StaffMember | None:
        row = StaffRow.get_or_none(StaffRow.number == number)
        return _member(row) if row else None

    def all(self) -> list[StaffMember]:
        return [_member(r) for r in StaffRow.select().order_by(StaffRow.number)]
