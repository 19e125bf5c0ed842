"""Mask personal numbers before they are printed on paper that leaves the counter.

Policy (DESIGN.md, privacy: slips mask ID and phone numbers):

- Resident ID (居民身份证): 18 characters keep the region code (first 6) and the last 4
  (``110101********7777``); the old 15-digit form keeps the first 6 and the last 3. Other
  documents (passports, permits) keep about a quarter at each end, never more than 2 characters.
- Phone numbers: the four digits before the last four are masked, whatever the formatting, so a
  mobile prints as ``138****5678`` and a landline as ``028-****4321``.
- Names (only where a third party reads the paper, e.g. a staff schedule): the first character is
  kept (``张*``, ``王*明``); three or more characters also keep the last one.
- Unified social credit codes (统一社会信用代码) are NOT masked: an enterprise's code is public
  in the national credit register and the citizen needs it to check the paper.
"""

from __future__ import annotations

MASK = "*"


def mask_id(number: str) -> str:
    """Mask an identity document number, keeping enough to recognise one's own paper."""
    s = "".join(number.split())
    n = len(s)
    if n == 18:
        keep_head, keep_tail = 6, 4
    elif n == 15:
        keep_head, keep_tail = 6, 3
    elif n <= 2:
        keep_head, keep_tail = 0, 0
    else:
        keep_head = keep_tail = min(2, n // 4) or 1
    return s[:keep_head] + MASK * (n - keep_head - keep_tail) + s[n - keep_tail :]


def mask_phone(phone: str) -> str:
    """Mask the four digits before the last four; separators and prefixes stay as written."""
    digit_positions = [i for i, ch in enumerate(phone) if ch.isdigit()]
    n = len(digit_positions)
    if n == 0:
        return phone
    if n >= 8:
        hidden = digit_positions[n - 8 : n - 4]
    elif n > 4:
        hidden = digit_positions[: n - 4]
    else:
        hidden = digit_positions[:-1]
    chars = list(phone)
    for i in hidden:
        chars[i] = MASK
    return "".join(chars).strip()


def mask_name(name: str) -> str:
    """Mask a person's name for paper read by others: ``张三`` -> ``张*``, ``王小明`` -> ``王*明``."""
    s = name.strip()
    if len(s) <= 1:
        return s
    if len(s) == 2:
        return s[0] + MASK
    return s[0] + MASK * (len(s) - 2) + s[-1]


def credit_code(code: str) -> str:
    """Unified social credit codes are public; print them in full (normalised spacing only)."""
    return "".join(code.split()).upper()
