"""The citizen a case, an escalation or an appointment is about: a person or an enterprise.

Numbers are checked when the clerk enters them (``Citizen.validated``): a resident ID by its
GB 11643 check digit and birth date, a unified social credit code by its GB 32100 check
character, a phone by its shape. Values are kept in full; printed documents mask them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum
from typing import Any

from printing.documents import Citizen as PrintedCitizen
from yichuang.i18n import QT_TRANSLATE_NOOP
from yichuang.idcheck import (
    IdType,
    validate_credit_code,
    validate_id_number,
    validate_phone,
)


class CitizenKind(StrEnum):
    PERSON = "person"
    ENTERPRISE = "enterprise"


CITIZEN_KIND_NAMES = {
    CitizenKind.PERSON: QT_TRANSLATE_NOOP("citizen", "个人"),
    CitizenKind.ENTERPRISE: QT_TRANSLATE_NOOP("citizen", "企业"),
}


@dataclass(frozen=True)
class Citizen:
    """A person (name, ID type and number, phone) or an enterprise (name, credit code, contact).

    For an enterprise ``contact_name`` and ``phone`` are its contact person's; ``id_type`` and
    ``id_number`` are unused. Every field may be empty while a case is being registered (an
    anonymous phone consultation); the outcome decides what is required.
    """

    kind: CitizenKind = CitizenKind.PERSON
    name: str = ""
    id_type: IdType = IdType.RESIDENT_ID
    id_number: str = ""
    phone: str = ""
    credit_code: str = ""
    contact_name: str = ""
    address: str = ""

    @classmethod
    def person(
        cls,
        name: str,
        id_number: str = "",
        phone: str = "",
        *,
        id_type: IdType = IdType.RESIDENT_ID,
        address: str = "",
    ) -> Citizen:
        return cls(CitizenKind.PERSON, name, id_type, id_number, phone, address=address)

    @classmethod
    def enterprise(
        cls,
        name: str,
        credit_code: str = "",
        *,
        contact_name: str = "",
        phone: str = "",
        address: str = "",
    ) -> Citizen:
        return cls(
            CitizenKind.ENTERPRISE,
            name,
            phone=phone,
            credit_code=credit_code,
            contact_name=contact_name,
            address=address,
        )

    @property
    def is_enterprise(self) -> bool:
        return self.kind is CitizenKind.ENTERPRISE

    @property
    def identifier(self) -> str:
        """The number that identifies the applicant: ID number or credit code."""
        return self.credit_code if self.is_enterprise else self.id_number

    def validated(self, today: date | None = None) -> Citizen:
        """The same citizen with numbers normalised; raises the first number error found."""
        kind = CitizenKind(self.kind)
        id_type = IdType(self.id_type)
        changes: dict[str, Any] = {
            "kind": kind,
            "id_type": id_type,
            "name": self.name.strip(),
            "contact_name": self.contact_name.strip(),
            "address": self.address.strip(),
        }
        if kind is CitizenKind.PERSON and self.id_number.strip():
            changes["id_number"] = validate_id_number(id_type, self.id_number, today)
        if kind is CitizenKind.ENTERPRISE and self.credit_code.strip():
            changes["credit_code"] = validate_credit_code(self.credit_code)
        changes["phone"] = validate_phone(self.phone) if self.phone.strip() else ""
        return replace(self, **changes)

    def to_dict(self) -> dict[str, str]:
        return {
            "kind": self.kind.value,
            "name": self.name,
            "id_type": self.id_type.value,
            "id_number": self.id_number,
            "phone": self.phone,
            "credit_code": self.credit_code,
            "contact_name": self.contact_name,
            "address": self.address,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Citizen:
        data = data or {}
        return cls(
            kind=CitizenKind(data.get("kind", CitizenKind.PERSON)),
            name=str(data.get("name", "")),
            id_type=IdType(data.get("id_type", IdType.RESIDENT_ID)),
            id_number=str(data.get("id_number", "")),
            phone=str(data.get("phone", "")),
            credit_code=str(data.get("credit_code", "")),
            contact_name=str(data.get("contact_name", "")),
            address=str(data.get("address", "")),
        )

    def printed(self) -> PrintedCitizen:
        """The applicant block of a printed document (the renderer masks ID and phone)."""
        if self.is_enterprise:
            name = self.name
            if self.contact_name:
                name = f"{self.name}（联系人：{self.contact_name}）"
            return PrintedCitizen(name=name, phone=self.phone, credit_code=self.credit_code)
        return PrintedCitizen(name=self.name, id_number=self.id_number, phone=self.phone)
