"""The demo world offers what the issue promises, the same on every start, at any hour."""

from __future__ import annotations

from collections import Counter

from bangwo.domain.catalogue import Merchant
from bangwo.providers.demo.world import demo_catalogue
from bangwo.providers.registry import load_registry

REQUIRED_DISHES = {
    "奶茶": "milk tea",
    "珍珠奶茶": "bubble tea",
    "杨枝甘露": "mango pomelo sago",
    "柠檬茶": "lemon tea",
    "柠檬水": "lemonade",
    "拿铁": "latte",
    "生椰拿铁": "coconut latte",
    "美式": "americano",
    "可颂": "croissant",
    "汉堡": "burger",
    "薯条": "fries",
    "披萨": "pizza",
    "可乐": "cola",
    "饺子": "dumplings",
    "麻辣烫": "malatang",
    "黄焖鸡米饭": "braised chicken rice",
    "小龙虾": "crayfish",
    "啤酒": "beer",
}


def food_shops() -> list[Merchant]:
    return [m for m in demo_catalogue().merchants if m.category == "food"]


def test_the_demo_world_registers_through_the_public_entry_point():
    registry = load_registry()
    assert "demo" in registry.food
    assert {"Hangzhou", "Shanghai", "Beijing", "Sanya", "Xi'an"} <= {c.name_en for c in registry.cities()}


def test_every_required_dish_is_on_some_menu_by_either_name():
    names = {n.lower() for m in food_shops() for item in m.menu for n in item.names()}
    for zh, en in REQUIRED_DISHES.items():
        assert zh in names, zh
        assert en in names, en


def test_enough_merchants_with_bilingual_names_and_two_open_around_the_clock_in_each_city():
    merchants = food_shops()
    assert len(merchants) >= 8
    for m in merchants:
        assert m.name_zh and m.name_en and m.name_zh != m.name_en
        assert 0 < m.rating <= 5 and m.delivery_fee_fen >= 0 and m.min_order_fen >= 0
    always_open = Counter(m.city_id for m in merchants if m.hours.around_the_clock)
    assert always_open == {"hangzhou": 2, "shanghai": 2, "beijing": 2}


def test_drinks_have_size_sugar_and_ice_options_with_price_deltas():
    tea = next(i for m in food_shops() for i in m.menu if i.name_zh == "珍珠奶茶")
    assert {g.name for g in tea.option_groups} == {"size", "sugar", "ice"}
    assert any(c.price_delta_fen for g in tea.option_groups for c in g.choices)


def test_the_catalogue_is_deterministic():
    demo_catalogue.cache_clear()
    first = demo_catalogue()
    demo_catalogue.cache_clear()
    assert demo_catalogue() == first


def test_supermarkets_stock_the_new_year_goods_with_units():
    catalogue = demo_catalogue()
    markets = [m for m in catalogue.merchants if m.category == "grocery"]
    assert {m.city_id for m in markets} == {"hangzhou", "shanghai", "beijing"} and len(markets) == 6
    for market in markets:
        assert len(market.menu) >= 60
        assert all(item.unit for item in market.menu)
    names = {n for item in markets[0].menu for n in item.names()}
    assert {"鸡蛋", "牛奶", "大米", "苹果", "坚果礼盒", "春联", "福字", "nut gift box", "spring couplets"} <= names


def test_films_and_landmarks_are_bilingual():
    catalogue = demo_catalogue()
    titles = {(f.title_zh, f.title_en) for f in catalogue.films}
    assert {("惊蛰无声", "Silent Awakening"), ("星河旅人", "Star Wanderer"), ("团圆饭", "Reunion Dinner"),
            ("小熊快跑", "Run Little Bear")} <= titles
    landmarks = {lm.name_zh: lm.city_id for lm in catalogue.landmarks}
    for name, city in {"外滩": "shanghai", "陆家嘴": "shanghai", "西湖": "hangzhou", "王府井": "beijing",
                       "故宫": "beijing", "亚龙湾": "sanya", "春熙路": "chengdu", "中央大街": "harbin",
                       "大雁塔": "xian", "滇池": "kunming"}.items():
        assert landmarks[name] == city
