"""The demo world's food and drink: the shops of Hangzhou, Shanghai and Beijing and their menus.

Deterministic: the same data on every start. Opening hours are daily, so the demo works
on any day and at any hour; in every city the tea shop and the burger shop never close.
"""

from __future__ import annotations

from dataclasses import dataclass

from bangwo.domain.catalogue import (
    City,
    MenuItem,
    Merchant,
    OpeningHours,
    OptionChoice,
    OptionGroup,
)
from bangwo.domain.geo import offset_point
from bangwo.providers.demo.places import CITY_BY_ID


def _choice(value: str, zh: str, en: str, delta: int = 0) -> OptionChoice:
    return OptionChoice(value, zh, en, delta)


TEA_SIZE = OptionGroup(
    "size",
    "medium",
    (
        _choice("medium", "中杯", "medium"),
        _choice("large", "大杯", "large", 300),
    ),
)
COFFEE_SIZE = OptionGroup(
    "size",
    "medium",
    (
        _choice("small", "小杯", "small", -200),
        _choice("medium", "中杯", "medium"),
        _choice("large", "大杯", "large", 400),
    ),
)
SUGAR = OptionGroup(
    "sugar",
    "normal",
    (
        _choice("normal", "全糖", "full sugar"),
        _choice("less", "少糖", "less sugar"),
        _choice("half", "半糖", "half sugar"),
        _choice("none", "无糖", "no sugar"),
    ),
)
TEA_ICE = OptionGroup(
    "ice",
    "normal",
    (
        _choice("normal", "正常冰", "regular ice"),
        _choice("less", "少冰", "less ice"),
        _choice("none", "去冰", "no ice"),
        _choice("room", "常温", "room temperature"),
        _choice("warm", "温", "warm"),
        _choice("hot", "热", "hot", 100),
    ),
)
COLD_ONLY_ICE = OptionGroup(
    "ice",
    "normal",
    (
        _choice("normal", "正常冰", "regular ice"),
        _choice("less", "少冰", "less ice"),
        _choice("none", "去冰", "no ice"),
    ),
)
COFFEE_TEMPERATURE = OptionGroup(
    "ice",
    "hot",
    (
        _choice("hot", "热", "hot"),
        _choice("warm", "温", "warm"),
        _choice("normal", "冰", "iced"),
        _choice("less", "少冰", "less ice"),
        _choice("none", "去冰", "iced, no ice"),
    ),
)
SODA_ICE = OptionGroup(
    "ice",
    "normal",
    (
        _choice("normal", "加冰", "with ice"),
        _choice("less", "少冰", "less ice"),
        _choice("none", "去冰", "no ice"),
        _choice("room", "常温", "room temperature"),
    ),
)

TEA = (TEA_SIZE, SUGAR, TEA_ICE)
COFFEE = (COFFEE_SIZE, SUGAR, COFFEE_TEMPERATURE)


@dataclass(frozen=True)
class _Dish:
    key: str
    zh: str
    en: str
    price_fen: int
    aliases: tuple[str, ...] = ()
    groups: tuple[OptionGroup, ...] = ()


@dataclass(frozen=True)
class _Brand:
    key: str
    zh: str
    en: str
    open_minute: int
    close_minute: int
    delivery_fee_fen: int
    min_order_fen: int
    prep_minutes: int
    rating: float
    dishes: tuple[_Dish, ...]


MILK_TEA = _Dish("milk-tea", "奶茶", "Milk Tea", 1200, ("原味奶茶", "milk tea"), TEA)
BUBBLE_TEA = _Dish(
    "bubble-tea",
    "珍珠奶茶",
    "Bubble Tea",
    1400,
    ("珍奶", "波霸奶茶", "bubble milk tea", "pearl milk tea", "boba", "boba tea"),
    TEA,
)
MANGO_SAGO = _Dish(
    "mango-sago",
    "杨枝甘露",
    "Mango Pomelo Sago",
    1800,
    ("mango pomelo sago", "mango sago", "芒果西柚西米露"),
    (TEA_SIZE, SUGAR, COLD_ONLY_ICE),
)
LEMON_TEA = _Dish("lemon-tea", "柠檬茶", "Lemon Tea", 1300, ("手打柠檬茶", "lemon tea"), TEA)
LEMONADE = _Dish("lemonade", "柠檬水", "Lemonade", 800, ("lemon water", "lemonade"), (TEA_SIZE, SUGAR, COLD_ONLY_ICE))
TARO_TEA = _Dish("taro-tea", "芋泥波波奶茶", "Taro Boba Milk Tea", 1600, ("芋泥奶茶", "taro milk tea"), TEA)

TEA_SHOP = _Brand(
    "tea",
    "一点甜茶饮",
    "Yidian Sweet Tea",
    0,
    1440,
    300,
    0,
    8,
    4.7,
    (MILK_TEA, BUBBLE_TEA, MANGO_SAGO, LEMON_TEA, LEMONADE, TARO_TEA),
)
TEA_HOUSE = _Brand(
    "tea-house",
    "春水茶研所",
    "Spring Water Tea Lab",
    9 * 60,
    23 * 60,
    0,
    1500,
    10,
    4.8,
    (
        _Dish("milk-tea", "招牌奶茶", "Signature Milk Tea", 1500, ("奶茶", "milk tea"), TEA),
        _Dish(
            "bubble-tea",
            "黑糖珍珠奶茶",
            "Brown Sugar Bubble Tea",
            1700,
            ("珍珠奶茶", "珍奶", "bubble tea", "boba"),
            TEA,
        ),
        _Dish(
            "mango-sago",
            "杨枝甘露",
            "Mango Pomelo Sago",
            2200,
            ("mango pomelo sago", "mango sago"),
            (TEA_SIZE, SUGAR, COLD_ONLY_ICE),
        ),
        _Dish("lemon-tea", "鸭屎香柠檬茶", "Duck-Shit Aroma Lemon Tea", 1600, ("柠檬茶", "lemon tea"), TEA),
    ),
)
COFFEE_SHOP = _Brand(
    "coffee",
    "晨光咖啡",
    "Morning Light Coffee",
    7 * 60,
    22 * 60,
    400,
    0,
    6,
    4.6,
    (
        _Dish("latte", "拿铁", "Latte", 1800, ("拿铁咖啡", "caffe latte", "latte"), COFFEE),
        _Dish("coconut-latte", "生椰拿铁", "Coconut Latte", 2000, ("coconut latte", "生椰"), COFFEE),
        _Dish("americano", "美式", "Americano", 1500, ("美式咖啡", "americano", "black coffee"), COFFEE),
        _Dish("cappuccino", "卡布奇诺", "Cappuccino", 1900, ("cappuccino",), COFFEE),
        _Dish("croissant", "可颂", "Croissant", 1200, ("牛角包", "croissant")),
        _Dish("lemonade", "柠檬水", "Lemonade", 1000, ("lemonade",), (TEA_SIZE, SUGAR, COLD_ONLY_ICE)),
    ),
)
BURGER_SHOP = _Brand(
    "burger",
    "麦香汉堡",
    "Maixiang Burgers",
    0,
    1440,
    500,
    1500,
    10,
    4.4,
    (
        _Dish(
            "chicken-burger", "香辣鸡腿堡", "Spicy Chicken Burger", 1900, ("汉堡", "鸡腿堡", "burger", "chicken burger")
        ),
        _Dish("beef-burger", "经典牛肉堡", "Classic Beef Burger", 2300, ("牛肉汉堡", "beef burger", "hamburger")),
        _Dish("fries", "薯条", "Fries", 900, ("french fries", "chips", "fries")),
        _Dish("cola", "可乐", "Cola", 600, ("可口可乐", "coke", "cola"), (TEA_SIZE, SODA_ICE)),
        _Dish("pizza", "意式香肠披萨", "Pepperoni Pizza", 4900, ("披萨", "比萨", "pizza", "pepperoni pizza")),
        _Dish("nuggets", "鸡块", "Chicken Nuggets", 1100, ("麦乐鸡", "nuggets", "chicken nuggets")),
    ),
)
NOODLE_HOUSE = _Brand(
    "kitchen",
    "老街小馆",
    "Old Street Kitchen",
    9 * 60,
    22 * 60,
    400,
    2000,
    15,
    4.5,
    (
        _Dish(
            "dumplings", "猪肉白菜饺子", "Pork and Cabbage Dumplings", 2200, ("饺子", "水饺", "dumplings", "dumpling")
        ),
        _Dish("malatang", "麻辣烫", "Malatang", 2500, ("malatang", "mala tang", "spicy hot pot soup")),
        _Dish(
            "chicken-rice",
            "黄焖鸡米饭",
            "Braised Chicken Rice",
            2300,
            ("黄焖鸡", "braised chicken rice", "braised chicken with rice"),
        ),
        _Dish("cola", "可乐", "Cola", 500, ("coke", "cola"), (SODA_ICE,)),
    ),
)
NIGHT_MARKET = _Brand(
    "night",
    "夜宵龙虾铺",
    "Night Owl Crayfish",
    16 * 60,
    4 * 60,
    800,
    5000,
    25,
    4.6,
    (
        _Dish("crayfish", "麻辣小龙虾", "Spicy Crayfish", 8800, ("小龙虾", "crayfish", "spicy crayfish", "麻小")),
        _Dish("garlic-crayfish", "蒜蓉小龙虾", "Garlic Crayfish", 8800, ("garlic crayfish",)),
        _Dish("beer", "青岛啤酒", "Tsingtao Beer", 800, ("啤酒", "beer", "tsingtao")),
        _Dish("fries", "薯条", "Fries", 1000, ("fries",)),
    ),
)

# Which brands stand in each city, and where (metres east, north of the centre).
BRANCHES: dict[str, tuple[tuple[_Brand, int, int], ...]] = {
    "hangzhou": (
        (TEA_SHOP, 800, 600),
        (TEA_HOUSE, -2500, 1800),
        (COFFEE_SHOP, 1500, -700),
        (BURGER_SHOP, -900, -1200),
        (NOODLE_HOUSE, 2600, 2100),
        (NIGHT_MARKET, -3100, -2400),
    ),
    "shanghai": (
        (TEA_SHOP, -600, 900),
        (TEA_HOUSE, 3000, -1500),
        (COFFEE_SHOP, 700, 1200),
        (BURGER_SHOP, 1800, -600),
        (NOODLE_HOUSE, -2200, -1700),
        (NIGHT_MARKET, 2700, 2900),
    ),
    "beijing": (
        (TEA_SHOP, 1100, -800),
        (COFFEE_SHOP, -1300, 900),
        (BURGER_SHOP, 600, 1500),
        (NOODLE_HOUSE, -2800, -2000),
        (NIGHT_MARKET, 3300, -2600),
    ),
}


def _merchant(city: City, brand: _Brand, east_m: int, north_m: int, provider: str) -> Merchant:
    merchant_id = f"{provider}-{city.id}-{brand.key}"
    menu = tuple(
        MenuItem(
            id=f"{merchant_id}-{dish.key}",
            merchant_id=merchant_id,
            name_zh=dish.zh,
            name_en=dish.en,
            price_fen=dish.price_fen,
            aliases=dish.aliases,
            option_groups=dish.groups,
        )
        for dish in brand.dishes
    )
    return Merchant(
        id=merchant_id,
        provider=provider,
        city_id=city.id,
        name_zh=f"{brand.zh}（{city.name_zh}店）",
        name_en=f"{brand.en} ({city.name_en})",
        location=offset_point(city.centre, east_m, north_m),
        rating=brand.rating,
        hours=OpeningHours(brand.open_minute, brand.close_minute),
        delivery_fee_fen=brand.delivery_fee_fen,
        min_order_fen=brand.min_order_fen,
        prep_minutes=brand.prep_minutes,
        menu=menu,
    )


def food_shops(provider: str) -> tuple[Merchant, ...]:
    return tuple(
        _merchant(CITY_BY_ID[city_id], brand, east, north, provider)
        for city_id, branches in BRANCHES.items()
        for brand, east, north in branches
    )
