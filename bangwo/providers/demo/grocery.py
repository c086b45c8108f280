"""The demo world's supermarkets and what they stock, bilingual, each with the unit it is sold by."""

from __future__ import annotations

from bangwo.domain.catalogue import City, MenuItem, Merchant, OpeningHours
from bangwo.domain.geo import offset_point

# (key, 中文, English, price in fen, unit, aliases)
_PRODUCTS: tuple[tuple[str, str, str, int, str, tuple[str, ...]], ...] = (
    ("eggs", "鸡蛋", "Eggs (10)", 1290, "盒", ("土鸡蛋", "egg", "eggs")),
    ("milk", "牛奶", "Milk 1L", 850, "瓶", ("纯牛奶", "milk")),
    ("yogurt", "酸奶", "Yogurt", 690, "盒", ("yogurt", "yoghurt")),
    ("rice", "大米", "Rice 5kg", 3990, "袋", ("东北大米", "rice")),
    ("flour", "面粉", "Flour", 1590, "袋", ("flour",)),
    ("cooking-oil", "食用油", "Cooking Oil", 5990, "瓶", ("花生油", "cooking oil", "peanut oil")),
    ("soy-sauce", "酱油", "Soy Sauce", 1290, "瓶", ("生抽", "soy sauce")),
    ("vinegar", "陈醋", "Vinegar", 890, "瓶", ("醋", "vinegar")),
    ("white-sugar", "白糖", "White Sugar", 690, "袋", ("white sugar",)),
    ("apples", "苹果", "Apples", 698, "斤", ("红富士", "apple", "apples")),
    ("bananas", "香蕉", "Bananas", 398, "斤", ("banana", "bananas")),
    ("strawberries", "草莓", "Strawberries", 2990, "盒", ("strawberry", "strawberries")),
    ("cherries", "车厘子", "Cherries", 8900, "盒", ("樱桃", "cherry", "cherries")),
    ("oranges", "橙子", "Oranges", 598, "斤", ("脐橙", "orange", "oranges")),
    ("grapes", "葡萄", "Grapes", 1280, "斤", ("grape", "grapes")),
    ("watermelon", "西瓜", "Watermelon", 2500, "个", ("watermelon",)),
    ("pears", "雪梨", "Pears", 498, "斤", ("pear", "pears")),
    ("potatoes", "土豆", "Potatoes", 250, "斤", ("马铃薯", "potato", "potatoes")),
    ("tomatoes", "西红柿", "Tomatoes", 450, "斤", ("番茄", "tomato", "tomatoes")),
    ("cucumbers", "黄瓜", "Cucumbers", 350, "斤", ("cucumber", "cucumbers")),
    ("cabbage", "大白菜", "Chinese Cabbage", 198, "斤", ("白菜", "cabbage", "napa cabbage")),
    ("bok-choy", "青菜", "Bok Choy", 398, "斤", ("小青菜", "bok choy")),
    ("carrots", "胡萝卜", "Carrots", 298, "斤", ("carrot", "carrots")),
    ("onions", "洋葱", "Onions", 298, "斤", ("onion", "onions")),
    ("pork", "猪肉", "Pork", 1990, "斤", ("五花肉", "pork")),
    ("beef", "牛肉", "Beef", 4990, "斤", ("beef",)),
    ("chicken-wings", "鸡翅", "Chicken Wings", 2290, "斤", ("鸡翅中", "chicken wings")),
    ("salmon", "三文鱼", "Salmon", 5990, "盒", ("salmon",)),
    ("shrimp", "虾仁", "Shrimp", 3990, "盒", ("shrimp", "prawns")),
    ("hairtail", "带鱼", "Hairtail Fish", 2990, "斤", ("hairtail",)),
    ("frozen-dumplings", "速冻饺子", "Frozen Dumplings", 2490, "袋", ("frozen dumplings",)),
    ("tangyuan", "汤圆", "Tangyuan", 1590, "袋", ("glutinous rice balls", "tangyuan")),
    ("nian-gao", "年糕", "Rice Cake", 990, "袋", ("nian gao", "rice cakes")),
    ("instant-noodles", "方便面", "Instant Noodles", 3990, "箱", ("泡面", "instant noodles")),
    ("dried-noodles", "挂面", "Dried Noodles", 690, "袋", ("dried noodles",)),
    ("tofu", "豆腐", "Tofu", 350, "盒", ("tofu",)),
    ("mineral-water", "矿泉水", "Mineral Water", 2990, "箱", ("water", "bottled water", "mineral water")),
    ("cola", "可乐", "Cola", 4500, "箱", ("可口可乐", "coke", "cola")),
    ("orange-juice", "橙汁", "Orange Juice", 990, "瓶", ("orange juice",)),
    ("beer", "啤酒", "Beer", 5990, "箱", ("青岛啤酒", "beer")),
    ("baijiu", "白酒", "Baijiu", 19900, "瓶", ("baijiu",)),
    ("red-wine", "红酒", "Red Wine", 12900, "瓶", ("葡萄酒", "red wine", "wine")),
    ("nut-gift-box", "坚果礼盒", "Nut Gift Box", 12800, "盒", ("坚果", "nut gift box", "nuts")),
    ("candy-gift-box", "糖果礼盒", "Candy Gift Box", 6800, "盒", ("年货糖果", "candy gift box", "candy")),
    ("sunflower-seeds", "瓜子", "Sunflower Seeds", 1290, "袋", ("葵花籽", "sunflower seeds")),
    ("peanuts", "花生", "Peanuts", 1090, "袋", ("peanuts",)),
    ("walnuts", "核桃", "Walnuts", 2590, "袋", ("walnuts",)),
    ("cured-pork", "腊肉", "Cured Pork", 4590, "斤", ("cured pork",)),
    ("sausages", "香肠", "Chinese Sausages", 3290, "袋", ("腊肠", "sausages", "sausage")),
    ("spring-couplets", "春联", "Spring Couplets", 1990, "副", ("对联", "spring couplets", "couplets")),
    ("fu-character", "福字", "Fu Character", 590, "张", ("fu character",)),
    ("red-envelopes", "红包袋", "Red Envelopes", 990, "袋", ("红包封", "red envelopes")),
    ("lanterns", "红灯笼", "Red Lanterns", 3990, "对", ("灯笼", "lanterns", "lantern")),
    ("bread", "面包", "Bread", 990, "袋", ("吐司", "bread", "toast")),
    ("biscuits", "饼干", "Biscuits", 1590, "盒", ("cookies", "biscuits")),
    ("chocolate", "巧克力", "Chocolate", 2990, "盒", ("chocolate",)),
    ("potato-chips", "薯片", "Potato Chips", 890, "袋", ("potato chips", "crisps")),
    ("hot-pot-base", "火锅底料", "Hot Pot Base", 1290, "袋", ("hot pot base",)),
    ("coffee-beans", "咖啡豆", "Coffee Beans", 7900, "袋", ("coffee beans",)),
    ("tea-leaves", "茶叶", "Tea Leaves", 8800, "盒", ("tea leaves",)),
    ("honey", "蜂蜜", "Honey", 4500, "瓶", ("honey",)),
    ("toilet-paper", "卫生纸", "Toilet Paper", 2990, "提", ("卷纸", "纸巾", "toilet paper", "tissues")),
    ("laundry-detergent", "洗衣液", "Laundry Detergent", 3990, "瓶", ("laundry detergent",)),
    ("dish-soap", "洗洁精", "Dish Soap", 1290, "瓶", ("dish soap", "washing-up liquid")),
    ("toothpaste", "牙膏", "Toothpaste", 1590, "支", ("toothpaste",)),
    ("shampoo", "洗发水", "Shampoo", 4990, "瓶", ("shampoo",)),
    ("diapers", "纸尿裤", "Diapers", 9900, "包", ("尿不湿", "diapers", "nappies")),
    ("cat-food", "猫粮", "Cat Food", 6900, "袋", ("cat food",)),
)

# Units of each product a shop has in a day; New Year goods and imported fruit run short first.
STOCK_UNITS = 60
SCARCE_STOCK_UNITS = {"cherries": 6, "nut-gift-box": 8, "strawberries": 12, "spring-couplets": 15}

# (key, 中文, English, open, close, delivery fee, minimum, rating, east m, north m per city)
_SUPERMARKETS = (
    (
        "freshbox",
        "鲜盒超市",
        "FreshBox Market",
        0,
        24 * 60,
        0,
        4900,
        4.7,
        {"hangzhou": (1300, -300), "shanghai": (-900, -700), "beijing": (300, 1900)},
    ),
    (
        "neighbour",
        "邻里生活超市",
        "Neighbour Mart",
        7 * 60,
        23 * 60,
        500,
        2000,
        4.5,
        {"hangzhou": (-1800, 2200), "shanghai": (2100, 1600), "beijing": (-2400, -900)},
    ),
)


def supermarkets(cities: tuple[City, ...], provider: str) -> tuple[Merchant, ...]:
    """Two supermarkets in each city that has them, each stocking every product at its own price."""
    merchants = []
    for key, zh, en, opens, closes, fee, minimum, rating, branches in _SUPERMARKETS:
        for city in cities:
            if city.id not in branches:
                continue
            merchant_id = f"{provider}-{city.id}-{key}"
            east, north = branches[city.id]
            # The neighbourhood store is a little dearer than the big market: 5 % on every shelf price.
            markup = 105 if key == "neighbour" else 100
            menu = tuple(
                MenuItem(
                    id=item_id(merchant_id, product),
                    merchant_id=merchant_id,
                    name_zh=name_zh,
                    name_en=name_en,
                    price_fen=price * markup // 100,
                    aliases=aliases,
                    unit=unit,
                )
                for product, name_zh, name_en, price, unit, aliases in _PRODUCTS
            )
            merchants.append(
                Merchant(
                    id=merchant_id,
                    provider=provider,
                    city_id=city.id,
                    name_zh=f"{zh}（{city.name_zh}店）",
                    name_en=f"{en} ({city.name_en})",
                    location=offset_point(city.centre, east, north),
                    rating=rating,
                    hours=OpeningHours(opens, closes),
                    delivery_fee_fen=fee,
                    min_order_fen=minimum,
                    prep_minutes=20,
                    category="grocery",
                    menu=menu,
                )
            )
    return tuple(merchants)


def item_id(merchant_id: str, product: str) -> str:
    return f"{merchant_id}--{product}"


def stock_units(item: str) -> int:
    """Today's stock of a shop's product (the same each day: shelves are refilled overnight)."""
    _, _, product = item.rpartition("--")
    return SCARCE_STOCK_UNITS.get(product, STOCK_UNITS)
