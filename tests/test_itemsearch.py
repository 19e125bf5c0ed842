"""Kiosk item search: Chinese names, full pinyin, initials and abbreviations, ranked."""

from __future__ import annotations

import pytest

from tests.hallfixtures import small_catalog
from yichuang.catalog import Department, ServiceItem
from yichuang.itemsearch import ItemSearch, match, normalize, tokens


def names(found: list[ServiceItem]) -> list[str]:
    return [item.name for item in found]


def item(code: str, name: str, department: str = "D") -> ServiceItem:
    return ServiceItem(code=code, name=name, department=department, queue="A")


@pytest.fixture(scope="module")
def small() -> ItemSearch:
    catalog = small_catalog()
    return ItemSearch(catalog.items, catalog.departments)


@pytest.mark.parametrize(
    "query",
    [
        "社会保障卡",
        "保障卡",
        "社保卡",
        "sbk",
        "SBK",
        "ｓｂｋ",
        "shbzk",
        "shehuibaozhang",
        "shehuibaoz",
        "she hui bao",
        "shbaozk",
        "sh'bzk",
    ],
)
def test_social_security_card_is_found_every_way_people_type_it(small, query):
    assert names(small.search(query))[0] == "社会保障卡申领"


def test_initials_of_another_item(small):
    assert names(small.search("qysl")) == ["企业设立登记"]
    assert names(small.search("qiyesheli")) == ["企业设立登记"]


def test_blank_and_unmatched_queries_find_nothing(small):
    assert small.search("") == []
    assert small.search("  ") == []
    assert small.search("xyzxyz") == []
    assert small.search("护照") == []


def test_partial_syllable_is_only_allowed_at_the_end_of_the_query():
    search = ItemSearch([item("1", "契税申报"), item("2", "社会保险登记")])
    # "she" is 社, not the start of 申 (shen) followed by more syllables
    assert names(search.search("shebao")) == ["社会保险登记"]
    # while typing, the last syllable may be incomplete
    assert names(search.search("shenb")) == ["契税申报"]
    assert set(names(search.search("she"))) == {"契税申报", "社会保险登记"}


def test_context_reading_of_polyphonic_characters():
    search = ItemSearch([item("1", "银行账户备案"), item("2", "出行登记")])
    assert names(search.search("yinhang")) == ["银行账户备案"]
    assert names(search.search("cx")) == ["出行登记"]
    assert search.search("yinxing") == []


def test_v_and_u_both_spell_u_umlaut():
    search = ItemSearch([item("1", "绿色通道登记")])
    assert names(search.search("lvse")) == ["绿色通道登记"]
    assert names(search.search("luse")) == ["绿色通道登记"]


def test_ranking_prefix_then_contains_then_code_then_abbreviation_then_department():
    items = [
        item("X-1", "社区保洁补助", department="MZ"),  # abbreviation: 社(区)保
        item("X-2", "参保登记", department="MZ"),  # no "s" before "b": no match
        item("SB-01", "其他事项", department="MZ"),  # the code contains "sb"
        item("X-3", "失业保险申领", department="MZ"),  # abbreviation: 失(业)保
        item("X-4", "社保转移", department="MZ"),  # starts with 社保
        item("X-5", "办理社保", department="MZ"),  # contains 社保
        item("X-6", "档案查询", department="SB"),  # only its department matches
    ]
    departments = [Department("MZ", "民政局", "A"), Department("SB", "社保中心", "A")]
    found = names(ItemSearch(items, departments).search("sb"))
    assert found == ["社保转移", "办理社保", "其他事项", "社区保洁补助", "失业保险申领", "档案查询"]


def test_one_letter_does_not_match_codes_or_departments():
    items = [item("S-1", "档案查询", department="SB")]
    search = ItemSearch(items, [Department("SB", "社保中心", "A")])
    assert search.search("s") == []
    assert names(search.search("sb")) == ["档案查询"]


def test_abbreviation_skips_at_most_two_characters_between_pieces():
    search = ItemSearch([item("1", "房屋建筑和市政基础设施工程竣工验收备案")])
    assert search.search("fwjz") != []  # consecutive
    assert search.search("fjs") != []  # 房(屋)建(筑和)市: skips of one and two
    assert search.search("fwsz") == []  # 房屋(建筑和)市政: three skipped is not an abbreviation


def test_limit_keeps_the_best():
    search = ItemSearch(
        [
            item("1", "新建商品房转移登记（交房即交证）"),  # 商(品)房转: an abbreviation of "sfz"
            item("2", "居民身份证申领、换领、补领"),
            item("3", "身份证挂失"),
        ]
    )
    assert names(search.search("sfz")) == [
        "身份证挂失",
        "居民身份证申领、换领、补领",
        "新建商品房转移登记（交房即交证）",
    ]
    assert names(search.search("sfz", limit=1)) == ["身份证挂失"]


def test_tokens_and_normalize():
    assert normalize("Ｓ B-k ") == "sbk"
    spelled = tokens("社保（补）A1")
    assert len(spelled) == 5  # punctuation dropped
    assert {"社", "she"} <= spelled[0]
    assert spelled[3] == frozenset({"a"})
    assert match("sb", spelled, prefix=True)
    assert not match("bb", spelled, prefix=True)


def test_characters_without_pinyin_still_match_themselves():
    spelled = tokens("㐂㐃证")  # Extension A characters pypinyin has no reading for
    assert spelled == (frozenset({"㐂"}), frozenset({"㐃"}), frozenset({"证", "zheng"}))
    assert ItemSearch([item("1", "㐂㐃证明")]).search("㐃证") != []
