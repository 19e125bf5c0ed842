"""Finding service items the way people type on a hall kiosk: by name, pinyin or initials.

"社保卡", "shebao", "sbk" and "shbzk" all find 社会保障卡申领. Every character of a name becomes a
token with its spellings (the character itself and its pinyin read in context, so 银行 is
"yinhang"; "u" also stands for "v"); a query matches when it can be cut, in order, into pieces
that are each a token's whole spelling or its initial. Matches are ranked: name starts with the
query, name contains it, the item code, an abbreviation (pieces may skip a token or two:
社保卡 ← 社会保障卡), then the department's name. The index is built once (pypinyin is slow to call per keystroke); searching is pure Python.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import groupby

from pypinyin import Style, lazy_pinyin

from yichuang.catalog import Department, ServiceItem

Token = frozenset[str]

# Rank tiers, best first.
NAME_PREFIX = 0
NAME_CONTAINS = 1
CODE = 2
NAME_ABBREVIATION = 3
DEPARTMENT = 4
ABBREVIATION_GAP = 2  # tokens an abbreviation may skip between its pieces


def _is_cjk(char: str) -> bool:
    return "\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff"


def _spellings(char: str, reading: str) -> Token:
    """A Chinese character's spellings: itself and its reading in context, "u" also for "v"."""
    reading = reading.lower()
    if not reading.isascii():  # no pinyin known for this character
        return frozenset({char})
    return frozenset({char, reading, reading.replace("v", "u")})


def normalize(text: str) -> str:
    """Full-width to half-width, lower case, without spaces and separators."""
    text = unicodedata.normalize("NFKC", text).lower()
    return "".join(c for c in text if c.isalnum())


def tokens(text: str) -> tuple[Token, ...]:
    """One token per letter, digit or Chinese character of ``text``; punctuation is dropped."""
    result: list[Token] = []
    for is_chinese, run in groupby(unicodedata.normalize("NFKC", text), key=_is_cjk):
        chars = "".join(run)
        if is_chinese:
            # A whole run at once, so words are read in context (银行 → hang): one per character.
            readings = lazy_pinyin(chars, style=Style.NORMAL)
            if len(readings) != len(chars):  # characters without pinyin come back joined
                readings = [lazy_pinyin(c, style=Style.NORMAL)[0] for c in chars]
            result += [_spellings(c, r) for c, r in zip(chars, readings, strict=True)]
        else:
            result += [frozenset({c.lower()}) for c in chars if c.isalnum()]
    return tuple(result)


def _advance(query: str, position: int, token: Token) -> set[int]:
    """Query positions reachable by consuming one piece of a spelling of ``token``.

    A piece is the whole spelling, its first letter (or zh/ch/sh), or, at the end of the
    query, any start of it (the citizen is still typing). So "shebao" is 社保, not 申报 (shen).
    """
    reached: set[int] = set()
    rest = query[position:]
    for spelling in token:
        if rest.startswith(spelling):
            reached.add(position + len(spelling))
        if rest[:1] == spelling[:1]:
            reached.add(position + 1)
        if spelling[:2] in ("zh", "ch", "sh") and rest.startswith(spelling[:2]):
            reached.add(position + 2)
        if len(rest) < len(spelling) and spelling.startswith(rest):
            reached.add(len(query))
    return reached


def match(query: str, text_tokens: Sequence[Token], *, prefix: bool, max_gap: int = 0) -> bool:
    """Whether the normalized ``query`` matches the tokens.

    ``prefix``: the match starts at the first token. ``max_gap``: how many tokens may be skipped
    between two pieces (社保卡 ← 社会保障卡 needs 1); 0 means the pieces are consecutive.
    """
    if not query:
        return True
    end = len(query)
    states: dict[int, int] = {0: 0}  # query position -> tokens skipped since the last piece
    for token in text_tokens:
        following: dict[int, int] = {}
        for position, gap in states.items():
            for reached in _advance(query, position, token):
                if reached == end:
                    return True
                following[reached] = 0
            if position == 0:
                if not prefix:
                    following.setdefault(0, 0)  # the match may start at a later token
            elif gap < max_gap and following.get(position, max_gap + 1) > gap + 1:
                following[position] = gap + 1
        if not following:
            return False
        states = following
    return False


@dataclass(frozen=True)
class _Entry:
    order: int
    item: ServiceItem
    name: tuple[Token, ...]
    code: str
    department: tuple[Token, ...]


class ItemSearch:
    """An index of service items for incremental search; build once, query per keystroke."""

    def __init__(
        self, items: Iterable[ServiceItem], departments: Iterable[Department] = ()
    ) -> None:
        names = {d.code: d.name for d in departments}
        self._entries = [
            _Entry(
                order=i,
                item=item,
                name=tokens(item.name),
                code=normalize(item.code),
                department=tokens(names.get(item.department, "")),
            )
            for i, item in enumerate(items)
        ]

    def __len__(self) -> int:
        return len(self._entries)

    def rank(self, query: str, entry: _Entry) -> int | None:
        q = normalize(query)
        if not q:
            return None
        if match(q, entry.name, prefix=True):
            return NAME_PREFIX
        if match(q, entry.name, prefix=False):
            return NAME_CONTAINS
        if len(q) < 2:  # one letter scattered over codes and departments would list everything
            return None
        if q in entry.code:
            return CODE
        if match(q, entry.name, prefix=False, max_gap=ABBREVIATION_GAP):
            return NAME_ABBREVIATION
        if match(q, entry.department, prefix=False):
            return DEPARTMENT
        return None

    def search(self, query: str, limit: int | None = None) -> list[ServiceItem]:
        """Items matching ``query``, best first (catalog order within a tier); [] for blank."""
        ranked = []
        for entry in self._entries:
            tier = self.rank(query, entry)
            if tier is not None:
                ranked.append((tier, entry.order, entry.item))
        ranked.sort(key=lambda r: (r[0], r[1]))
        found = [item for _, _, item in ranked]
        return found if limit is None else found[:limit]
