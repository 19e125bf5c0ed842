"""Checking the numbers a clerk types: resident IDs, unified social credit codes, phone numbers.

- Resident ID (居民身份证号码, GB 11643-1999): 6-digit region code, 8-digit birth date, 3-digit
  sequence, and a check character: the weighted sum of the first 17 digits (weights 2^(17-i)
  mod 11) taken mod 11 picks it from ``10X98765432``. The old 15-digit numbers are no longer
  valid documents and are refused.
- Unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from the 31-letter
  alphabet without I, O, Z, S, V; characters 3–8 are the region code; the last is a check
  character: 31 minus the weighted sum (weights 3^i mod 31) mod 31. The organisation-code part
  (characters 9–17) also carries a GB 11714 check digit, which is not enforced here: the national
  standard for the whole code is the one the register guarantees.

Each ``validate_*`` returns the number normalised (spaces removed, letters upper-case) or raises
an error whose message tells the clerk what to look at. Typos are what the check characters
catch: a single wrong digit or two swapped neighbours always fail.
"""

from __future__ import annotations

import re
from datetime import date
from enum import StrEnum

from yichuang.errors import InvalidCreditCode, InvalidIdNumber, InvalidPhone, InvalidResidentId
from yichuang.i18n import QT_TRANSLATE_NOOP

RESIDENT_ID_WEIGHTS = tuple(pow(2, 17 - i, 11) for i in range(17))
RESIDENT_ID_CHECK = "10X98765432"

CREDIT_CODE_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # 31 characters: no I O Z S V
CREDIT_CODE_WEIGHTS = tuple(pow(3, i, 31) for i in range(17))

_EARLIEST_BIRTH = date(1900, 1, 1)


class IdType(StrEnum):
    """Identity documents a person may show at the counter."""

    RESIDENT_ID = "居民身份证"
    PASSPORT = "护照"
    HK_MACAO_PERMIT = "港澳居民来往内地通行证"
    TAIWAN_PERMIT = "台湾居民来往大陆通行证"
    FOREIGN_PERMANENT = "外国人永久居留身份证"
    OTHER = "其他证件"


ID_TYPE_NAMES = {
    IdType.RESIDENT_ID: QT_TRANSLATE_NOOP("idtype", "居民身份证"),
    IdType.PASSPORT: QT_TRANSLATE_NOOP("idtype", "护照"),
    IdType.HK_MACAO_PERMIT: QT_TRANSLATE_NOOP("idtype", "港澳居民来往内地通行证"),
    IdType.TAIWAN_PERMIT: QT_TRANSLATE_NOOP("idtype", "台湾居民来往大陆通行证"),
    IdType.FOREIGN_PERMANENT: QT_TRANSLATE_NOOP("idtype", "外国人永久居留身份证"),
    IdType.OTHER: QT_TRANSLATE_NOOP("idtype", "其他证件"),
}


def _compact(text: str) -> str:
    return "".join(text.split()).upper()


# ---- resident ID (GB 11643-1999) ------------------------------------------------------------


def resident_id_check_char(first17: str) -> str:
    """The check character for the first 17 digits of a resident ID number."""
    if len(first17) != 17 or not first17.isdigit() or not first17.isascii():
        raise ValueError("need exactly 17 digits")
    total = sum(int(c) * w for c, w in zip(first17, RESIDENT_ID_WEIGHTS, strict=True))
    return RESIDENT_ID_CHECK[total % 11]


def resident_id_birth_date(number: str) -> date:
    """The birth date coded in characters 7–14 of an 18-character resident ID number."""
    text = number[6:14]
    try:
        return date(int(text[:4]), int(text[4:6]), int(text[6:8]))
    except ValueError:
        raise InvalidResidentId.birth_date(text) from None


def validate_resident_id(number: str, today: date | None = None) -> str:
    """The normalised number, or ``InvalidResidentId`` saying what is wrong.

    ``today`` bounds the birth date (no one is born in the future); it defaults to the system
    date.
    """
    s = _compact(number)
    if len(s) != 18:
        raise InvalidResidentId.length(len(s))
    if not (s[:17].isdigit() and s[:17].isascii() and (s[17].isdigit() or s[17] == "X")):
        raise InvalidResidentId.characters()
    if s[0] == "0":
        raise InvalidResidentId.region()
    born = resident_id_birth_date(s)
    if not _EARLIEST_BIRTH <= born <= (today or date.today()):
        raise InvalidResidentId.birth_date(s[6:14])
    if resident_id_check_char(s[:17]) != s[17]:
        raise InvalidResidentId.check_digit()
    return s


def is_valid_resident_id(number: str, today: date | None = None) -> bool:
    try:
        validate_resident_id(number, today)
    except InvalidResidentId:
        return False
    return True


# ---- unified social credit code (GB 32100-2015) ----------------------------------------------


def credit_code_check_char(first17: str) -> str:
    """The check character for the first 17 characters of a unified social credit code."""
    s = first17.upper()
    if len(s) != 17 or any(c not in CREDIT_CODE_ALPHABET for c in s):
        raise ValueError("need exactly 17 characters of the credit code alphabet")
    total = sum(
        CREDIT_CODE_ALPHABET.index(c) * w for c, w in zip(s, CREDIT_CODE_WEIGHTS, strict=True)
    )
    return CREDIT_CODE_ALPHABET[(31 - total % 31) % 31]


def validate_credit_code(code: str) -> str:
    """The normalised code, or ``InvalidCreditCode`` saying what is wrong."""
    s = _compact(code)
    if len(s) != 18:
        raise InvalidCreditCode.length(len(s))
    for c in s:
        if c not in CREDIT_CODE_ALPHABET:
            raise InvalidCreditCode.characters(c)
    if not s[2:8].isdigit():
        raise InvalidCreditCode.region()
    if credit_code_check_char(s[:17]) != s[17]:
        raise InvalidCreditCode.check_char()
    return s


def is_valid_credit_code(code: str) -> bool:
    try:
        validate_credit_code(code)
    except InvalidCreditCode:
        return False
    return True


# ---- other documents and phones ----------------------------------------------------------------

_OTHER_ID = re.compile(r"^[A-Z0-9()（）-]{5,30}$")
_PHONE_CHARS = re.compile(r"^\+?[0-9 ()（）-]+(?:(?:转|-|ext\.?)\s*[0-9]{1,6})?$", re.IGNORECASE)


def validate_id_number(id_type: IdType | str, number: str, today: date | None = None) -> str:
    """A resident ID checked by its check digit; other documents only by their shape."""
    kind = IdType(id_type)
    if kind is IdType.RESIDENT_ID:
        return validate_resident_id(number, today)
    s = _compact(number)
    if not _OTHER_ID.match(s):
        raise InvalidIdNumber(kind=kind.value, number=number)
    return s


def validate_phone(phone: str) -> str:
    """A phone number as written (trimmed) if it holds 7 to 18 digits (an extension included)."""
    s = phone.strip()
    digits = sum(c.isdigit() for c in s)
    if not _PHONE_CHARS.match(s) or not 7 <= digits <= 18:
        raise InvalidPhone(phone=phone)
    return s
