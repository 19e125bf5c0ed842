"""Resident ID (GB 11643-1999) and unified social credit code (GB 32100-2015) checks."""

from __future__ import annotations

import random
from datetime import date

import pytest

from yichuang.citizens import Citizen
from yichuang.errors import (
    InvalidCreditCode,
    InvalidIdNumber,
    InvalidPhone,
    InvalidResidentId,
)
from yichuang.idcheck import (
    CREDIT_CODE_ALPHABET,
    IdType,
    credit_code_check_char,
    is_valid_credit_code,
    is_valid_resident_id,
    resident_id_check_char,
    validate_credit_code,
    validate_id_number,
    validate_phone,
    validate_resident_id,
)

TODAY = date(2026, 3, 2)


def make_resident_id(rng: random.Random) -> str:
    born = date.fromordinal(
        rng.randint(date(1930, 1, 1).toordinal(), date(2020, 12, 31).toordinal())
    )
    body = f"{rng.randint(110000, 659999)}{born:%Y%m%d}{rng.randint(0, 999):03d}"
    return body + resident_id_check_char(body)


def make_credit_code(rng: random.Random) -> str:
    body = (
        rng.choice("159ABCDEFGHJNY")
        + rng.choice("123459")
        + f"{rng.randint(110000, 659999)}"
        + "".join(rng.choice(CREDIT_CODE_ALPHABET) for _ in range(9))
    )
    return body + credit_code_check_char(body)


# ---- resident ID -------------------------------------------------------------------------------


def test_the_standards_own_example_is_valid():
    # GB 11643-1999's worked example: check character X
    assert resident_id_check_char("11010519491231002") == "X"
    assert validate_resident_id("11010519491231002X", TODAY) == "11010519491231002X"
    assert validate_resident_id(" 110105 19491231 002x ", TODAY) == "11010519491231002X"


@pytest.mark.parametrize(
    "number",
    # samples used by test-data generators and tutorials
    ["11010119900307803X", "110101199003074477", "110101199003076712"],
)
def test_known_public_samples(number):
    assert validate_resident_id(number, TODAY) == number


def test_generated_numbers_pass_and_every_single_digit_typo_fails():
    rng = random.Random(11643)
    for _ in range(200):
        number = make_resident_id(rng)
        assert validate_resident_id(number, TODAY) == number
        pos = rng.randrange(17)
        wrong = str((int(number[pos]) + rng.randint(1, 9)) % 10)
        typo = number[:pos] + wrong + number[pos + 1 :]
        assert not is_valid_resident_id(typo, TODAY)


def test_swapped_neighbours_fail():
    number = "11010519491231002X"
    swapped = number[:15] + number[16] + number[15] + number[17:]  # "002" -> "020"
    assert swapped == "11010519491231020X"
    with pytest.raises(InvalidResidentId) as err:
        validate_resident_id(swapped, TODAY)
    assert "校验位" in err.value.user_message()
    assert "check digit" in str(err.value)


@pytest.mark.parametrize(
    ("number", "zh", "en"),
    [
        ("11010519491231002", "18 位", "18 characters"),
        ("110105491231002", "15 位旧号码已停用", "18 characters"),
        ("1101051949123100AX", "前 17 位应为数字", "17 digits"),
        ("01010519491231002X", "地址码", "region code"),
        ("110105194902300021", "出生日期 19490230", "birth date"),
        ("110105203001010021", "出生日期 20300101", "birth date"),
    ],
)
def test_errors_say_what_is_wrong(number, zh, en):
    with pytest.raises(InvalidResidentId) as err:
        validate_resident_id(number, TODAY)
    assert zh in err.value.user_message()
    assert en in str(err.value)


def test_a_valid_check_digit_with_an_implausible_birth_date():
    # Chinese Wikipedia's example: the check digit is right, but nobody born in 1880 applies
    assert resident_id_check_char("44052418800101001") == "4"
    with pytest.raises(InvalidResidentId) as err:
        validate_resident_id("440524188001010014", TODAY)
    assert "出生日期 18800101" in err.value.user_message()


def test_birth_date_error_comes_before_the_check_digit():
    body = "11010519490230002"  # 30 February
    with pytest.raises(InvalidResidentId) as err:
        validate_resident_id(body + resident_id_check_char(body), TODAY)
    assert "出生日期" in err.value.user_message()


def test_other_documents_are_checked_by_shape_only():
    assert validate_id_number(IdType.PASSPORT, " e1234 5678 ") == "E12345678"
    with pytest.raises(InvalidIdNumber) as err:
        validate_id_number(IdType.PASSPORT, "12")
    assert "护照" in err.value.user_message()
    with pytest.raises(InvalidResidentId):
        validate_id_number(IdType.RESIDENT_ID, "11010519491231002", TODAY)


# ---- unified social credit code ---------------------------------------------------------------


def test_known_valid_credit_codes():
    assert validate_credit_code("91350100M000100Y43") == "91350100M000100Y43"
    assert validate_credit_code("91110000600037341l") == "91110000600037341L"
    assert credit_code_check_char("91350100M000100Y4") == "3"


def test_generated_codes_pass_and_typos_fail():
    rng = random.Random(32100)
    for _ in range(200):
        code = make_credit_code(rng)
        assert validate_credit_code(code) == code
        pos = rng.randrange(17)
        if pos in range(2, 8):
            continue  # a letter there would be a region error instead; covered below
        others = [c for c in CREDIT_CODE_ALPHABET if c != code[pos]]
        typo = code[:pos] + rng.choice(others) + code[pos + 1 :]
        assert not is_valid_credit_code(typo)


@pytest.mark.parametrize(
    ("code", "zh", "en"),
    [
        ("91350100M000100Y4", "18 位", "18 characters"),
        ("91350100M000100Y44", "校验码不符", "check character"),
        ("91350100MO00100Y43", "“O”", "'O'"),
        ("91350100M000100I43", "“I”", "'I'"),
        ("9135A100M000100Y43", "行政区划码", "region code"),
    ],
)
def test_credit_code_errors_say_what_is_wrong(code, zh, en):
    with pytest.raises(InvalidCreditCode) as err:
        validate_credit_code(code)
    assert zh in err.value.user_message()
    assert en in str(err.value)


@pytest.mark.parametrize("letter", "IOZSV")
def test_letters_outside_the_alphabet(letter):
    assert letter not in CREDIT_CODE_ALPHABET
    assert len(CREDIT_CODE_ALPHABET) == 31


# ---- phones and the citizen ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "phone", ["13800138000", "0531-88880000", "+86 138 0013 8000", "0531-88880000转123"]
)
def test_phones(phone):
    assert validate_phone(phone) == phone


@pytest.mark.parametrize("phone", ["12345", "138abc00000", "电话"])
def test_bad_phones(phone):
    with pytest.raises(InvalidPhone) as err:
        validate_phone(phone)
    assert "联系电话" in err.value.user_message()


def test_citizen_validation_normalises_and_refuses_bad_numbers():
    person = Citizen.person(" 王小明 ", "11010519491231002x", "13800138000").validated(TODAY)
    assert person.name == "王小明"
    assert person.id_number == "11010519491231002X"
    company = Citizen.enterprise("示范科技有限公司", "91350100m000100y43", contact_name="李四")
    assert company.validated(TODAY).credit_code == "91350100M000100Y43"
    assert company.identifier == "91350100m000100y43"
    with pytest.raises(InvalidResidentId):
        Citizen.person("王小明", "110105194912310021").validated(TODAY)
    with pytest.raises(InvalidCreditCode):
        Citizen.enterprise("示范科技有限公司", "91350100M000100Y44").validated(TODAY)
    # an anonymous phone consultation is fine until an outcome needs more
    assert Citizen().validated(TODAY) == Citizen()
