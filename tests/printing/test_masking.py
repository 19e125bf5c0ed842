"""Masks for ID numbers, phone numbers and names on paper."""

from __future__ import annotations

import pytest

from printing.masking import credit_code, mask_id, mask_name, mask_phone


@pytest.mark.parametrize(
    ("number", "masked"),
    [
        ("110101199003077777", "110101********7777"),
        ("11010119900307777X", "110101********777X"),
        ("110101 19900307 7777", "110101********7777"),
        ("110101900307777", "110101******777"),
        ("E12345678", "E1*****78"),
        ("H1234567", "H1****67"),
        ("AB123", "A***3"),
        ("A1", "**"),
        ("", ""),
    ],
)
def test_mask_id(number, masked):
    assert mask_id(number) == masked


@pytest.mark.parametrize(
    ("phone", "masked"),
    [
        ("13812345678", "138****5678"),
        ("+86 138 1234 5678", "+86 138 **** 5678"),
        ("028-87654321", "028-****4321"),
        ("8765432", "***5432"),
        ("1234", "***4"),
        ("", ""),
    ],
)
def test_mask_phone(phone, masked):
    assert mask_phone(phone) == masked


@pytest.mark.parametrize(
    ("name", "masked"),
    [("张三", "张*"), ("王小明", "王*明"), ("欧阳建华", "欧**华"), ("李", "李"), ("", "")],
)
def test_mask_name(name, masked):
    assert mask_name(name) == masked


def test_credit_codes_are_public_and_printed_in_full():
    assert credit_code("91510107 ma6c8xxx1q") == "91510107MA6C8XXX1Q"
