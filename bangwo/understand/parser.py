"""The offline rule parser: text -> intent frames, deterministic and fast.

The stages run over one masked copy of the command (see text.py): film titles in 《》 and
catalogue names first (so a dish's own words are never read as options or times), then
the command is cut into its requests (clauses.py). Each food or grocery clause goes
through times, budget and options, and what is left holds the verbs, quantities and any
dish the catalogue lacks; its domain's `DomainRules` decide whether it is a request.
Movie, flight and hotel clauses go to domains/travel.py. Last, later requests take what
the earlier ones said and they did not (a hotel after a flight: its date and city).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from itertools import pairwise

from bangwo.domain.frame import FrameItem, IntentFrame, ItemOptions, ParseResult
from bangwo.understand.backstory import request_start
from bangwo.understand.budget import find_budget
from bangwo.understand.clauses import (
    CHAT_REQUEST,
    ELSEWHERE,
    ORDERS_AGAIN,
    SHOP_ASKED_AFTER_EN,
    SHOP_ASKED_AFTER_ZH,
    SHOP_QUESTION_HINT,
    Clause,
    split_clauses,
)
from bangwo.understand.corrections import repaired
from bangwo.understand.domains.flight import ROUND_TRIP
from bangwo.understand.domains.movie import titles_marked
from bangwo.understand.domains.places import searched_near
from bangwo.understand.domains.travel import TRAVEL_DOMAINS, complete, the_day_after, travel_frame
from bangwo.understand.every_request import change_to_every_request
from bangwo.understand.lexicon import Lexicon, LexiconEntry, NameMention
from bangwo.understand.numbers import EN_NUMBER, EN_NUMBER_WORDS, ZH_NUMBER, parse_number
from bangwo.understand.options import OptionMention, find_options
from bangwo.understand.pinyin import is_pinyin
from bangwo.understand.pinyin import says_a_dish as pinyin_says_a_dish
from bangwo.understand.rules import (
    AFTER_A_COUNT_EN,
    AFTER_SALES_ASKED,
    BABY_GOODS_EN,
    BABY_GOODS_ZH,
    CHANGED_MIND,
    CHAT_VERBS,
    COOKED_BEFORE_EN,
    COOKED_BEFORE_ZH,
    DISH_HEAD_WORDS_ZH,
    DISH_HEADS_EN,
    DISH_HEADS_ZH,
    DOMAIN_RULES,
    EN_CONJUNCTIONS,
    EN_FILLERS_AFTER_VERB,
    EN_NOUN_STOP_WORDS,
    EN_ORDER_VERBS,
    EN_QUANTITY,
    FOOD,
    FOOD_MEASURE_HINT,
    GROCERY,
    GROCERY_MEASURE_HINT,
    MILKS_EN,
    MILKS_ZH,
    NOUN_STOP_CHARS,
    NOUN_STOP_WORDS,
    PACKETS_EN,
    PACKETS_ZH,
    PUNCTUATION,
    RULES_BY_DOMAIN,
    SEARCH_NOUN_STARTS,
    SERVED_BEFORE,
    SHOP_SUFFIX_ZH,
    SHOP_WORDS_EN,
    VERB_CHARS_BEFORE_BARE_MEASURE,
    WITH_BEFORE,
    ZH_BARE_NOUN_VERBS,
    ZH_CONJUNCTIONS,
    ZH_ORDER_VERBS,
    ZH_QUANTITY,
    ZH_QUANTITY_START,
    DomainRules,
    is_talk,
    looks_up_only,
    name_letter,
)
from bangwo.understand.speech import as_typed
from bangwo.understand.spelling import Speller
from bangwo.understand.text import (
    BUDGET_MARK,
    ITEM_MARK,
    MARKS,
    OPTION_MARK,
    PLACE_MARK,
    TITLE_MARK,
    MaskedText,
    as_said,
    compiled,
    detect_lang,
    letter_led,
    lower_ascii,
    simplified,
    tidied,
)
from bangwo.understand.times import TimeSlots, find_times

log = logging.getLogger(__name__)

MAX_QUANTITY = 999
# Longest unknown dish name read after a measure word or verb; longer runs are sentences.
MAX_OPEN_NOUN_CHARS = 8
MAX_PREFIX_CHARS = 4
MAX_OPEN_NOUN_WORDS = 4
_HAN = compiled(r"[\u3400-\u4dbf\u4e00-\u9fff]")
_NUMERAL_CHARS = frozenset("零〇一二两三四五六七八九十百千万俩仨几")
_EN_WORD = compiled(r"[a-z][a-z'-]*")
# Head characters of Chinese dish and drink names (and so of the shops named by them: 喜茶, 老王面).
FOOD_HEAD_CHARS = FOOD.noun_heads_zh
# A dish name that starts with its cooking is a dish: "hot chocolate", "fried rice", 红烧肉, 炸鸡.
_COOKED_START = compiled(
    r"(?:fried|grilled|roast|roasted|braised|steamed|stir-fried|scrambled|boiled|baked|poached|smoked|hot)\s|flat white"
    r"|(?:红烧|清蒸|糖醋|水煮|香煎|干煸|凉拌|炸|烤|煎|炒|卤|炖|焖)"
)
# Verbs after which an English noun may come without an article ("order sushi").
_EN_BARE_NOUN_VERBS = frozenset({"order", "eat", "drink", "buy"})
# Words that begin a noun phrase and are no part of a dish's name.
_EN_DETERMINERS = frozenset({"a", "an", "any", "another", "this", "that", "these", "those", "our", "their", "more"})
_EN_DETERMINERS |= {"fresh", "good", "nice", "cheap", "tasty", "delicious", "best", "proper", "real"}  # and praise
# What "a" or "an" counts in a phrase, not a dish: "I'm in a rush", "give me a minute".
_EN_NOT_A_DISH = frozenset({"rush", "hurry", "minute", "moment", "second", "bit", "while", "lot", "favour", "favor"})
_EN_NOT_A_DISH |= {"one", "ones"}  # "a small hot one": the dish said before (see _ANOTHER_ONE)
_EN_NOT_A_DISH |= {"people", "persons", "each", "everyone", "everybody", "guys", "folks", "family", "team", "group"}
# Where and what it costs, asked in a look-up: "any places that deliver ramen", "price of coffee beans".
_EN_NOT_A_DISH |= {"place", "places", "spot", "spots", "price", "prices", "cost"}
_EN_NOT_A_DISH |= {"card", "cards", "coupon", "coupons", "voucher", "vouchers"}  # "with my free order card"
_EN_NOT_A_DISH |= {"movie", "film"}  # "we're having a movie night"
_EN_NOT_A_DISH |= {"more", "same"}  # "one more of the same": the dish said before (see _SAME_AGAIN_EN)
_EN_WHO_IT_IS_FOR = frozenset({"roommates", "flatmates", "housemates", "colleagues", "coworkers", "friends", "guests"})
_EN_WHO_IT_IS_FOR |= {"mates", "buddies", "classmates", "teammates", "parents", "grandparents", "kids", "children"}
# "my food order", "the order": an order named, not asked for.
_ORDER_AS_A_NOUN = compiled(r"\b(?:my|our|the|that|this|food|grocery|takeout|delivery)\s+orders?\b")
# Words that may follow an English verb but never start a dish name.
_EN_NOT_A_NOUN_START = frozenset({"me", "us", "some", "something", "anything", "the", "my", "your", "to"}) | {
    "how", "much", "many", "what", "whether", "eat", "drink"  # "look up how much X is", "I want eat pizza"
}
# A film title in book-title marks, known to the catalogue or not: 《某某》.
_BOOK_TITLE = compiled(r"《([^《》]{1,60})》")
# What is turned down is no request: 别买猪肉, 不用订酒店了, "no need for a hotel", "don't get the fries", "not the
# large one" (read up to the next pause, "and", "but" or "just").
_TURNED_DOWN = compiled(
    # (别给我 with what it turns down after it: 别给我香辣鸡腿堡; 第一排别给我 is the row's, see movie.py)
    r"(?:别|不用|不要|不需要)再?(?:买|点|订|预订|叫|给我(?=[^\s，。,.!！?？；;]))[^，。,.!！?？；;]*|不需要[^，。,.!！?？；;]*"
    # 酒店不用订了, 酒店就不订了: what is not booked named first
    r"|(?:酒店|机票|电影票|外卖|[\u4e00-\u9fff]{1,4}?)(?:就|也)?(?:不用|不)(?:订|买|点)了"
    + "|"
    + letter_led(
        # ("I don't need the milk tea anymore, cancel it" names what is cancelled: need is no verb here)
        r"no need for|don't (?:book|order|get|buy)|do not (?:book|order|get|buy)|no [a-z]+ (?:needed|required)"
        r"|not the (?:[a-z]+ ){0,2}one",
        then=r"\b[^,.;!?]*?(?=[,.;!?]|\s(?:and|but|just)\b|$)",
    )
)
# What every turned-down phrase holds (searched first: _TURNED_DOWN tries every position).
_TURNED_DOWN_HINT = compiled(r"别|不用|不要|不需要|不订|不买|不点|need|don't|do not|not the|required")
# Dumplings made at home say what the shopping is for, no dish ordered: 过年要包饺子，帮我买两斤猪肉; "flour to make
# dumplings" (一包汤圆 is a packet of them).
_MADE_AT_HOME = compiled(
    r"[包擀](?<![一两二三四五六七八九十几俩仨\d]包)(?:饺子|馄饨|汤圆|粽子)|"
    + letter_led("make dumplings|making dumplings|wrap dumplings", then=r"\b")
)
# A dish whose name holds an "and" is one dish, named as said (no word of it is an item or an option of its own):
# "sweet and sour pork", "a hot and sour soup", "pork and cabbage dumplings", "tomato and egg noodle soup".
_FILLINGS_EN = (
    "pork|beef|chicken|lamb|mutton|shrimp|prawn|fish|egg|tomato|cabbage|chive|leek|mushroom|corn|potato|spinach"
    "|cheese|ham|bacon|tofu|peanut|celery|fennel|onion|garlic|scallion|seaweed|bean|noodle|rice"
)
_FILLED_DISHES_EN = (
    "dumplings?|noodles?|soups?|buns?|wontons?|pies?|rice|porridge|congee|sandwich(?:es)?|pizzas?|salads?"
    "|omelet(?:te)?s?|stir[- ]fry|baozi|jiaozi"
)
_DISH_NAMED_WITH_AND = compiled(
    letter_led(
        "sweet and sour(?: (?:pork|chicken|spare ribs|ribs|fish|prawns?|shrimps?|tofu|soup))?|hot and sour(?: soups?)?"
        "|salt and pepper (?:squid|chicken|prawns?|shrimps?|tofu|pork)|mac and cheese|macaroni and cheese"
        "|fish and chips|surf and turf|"
        + "|".join(
            f"{filling} and (?:{_FILLINGS_EN})(?: [a-z]+)? (?:{_FILLED_DISHES_EN})"
            for filling in _FILLINGS_EN.split("|")
        ),
        then=r"\b",
    )
)
_DISH_SAID_WITH_AND = LexiconEntry("", kinds={"item"}, domains={"food"}, option_groups={"size", "sugar", "ice"})
# Places to eat asked after: what is good or open near here, which place delivers, which is cheapest or best rated.
_WHERE_TO_EAT_ASKED = compiled(
    r"附近有没有|附近哪家|附近有什么好吃|开门没|还开着吗|出了哪些新品|有什么新品|"
    + letter_led(
        "what's good (?:to eat|for (?:lunch|dinner|breakfast)|near|around|at)|whats good|what's open|what is open"
        "|anything good (?:and cheap )?(?:near|around|for)|places? (?:that |still )?(?:deliver|open)"
        "|shops? (?:around|near) (?:me|here)|restaurants? (?:near|around) (?:me|here)|still delivering"
        "|late-night delivery|that deliver|that delivers|menu at|on the menu",
        then=r"\b",
    )
)
# An order of groceries pointed at by what it holds: 那单菜, 我的水果订单, "the veg delivery".
_GROCERIES_POINTED_AT = compiled(
    r"那单菜|这单菜|买的菜|水果订单|水果那单|的水果(?:到|送|还|怎么)|"
    + letter_led(
        "veg delivery|veg order|veggies delivery|veggie delivery|vegetable delivery|fruit delivery", then=r"\b"
    )
)
# What a shop has on its shelves asked after: fresh, in season, on sale, available.
_ON_THE_SHELVES_ASKED = compiled(
    letter_led(
        "in season|on sale|any fresh|are there fresh|fresh [a-z]+ available|do you guys have",
        then=r"\b",
    )
)
# The last order placed again: 再来一单跟上次一样的, 按上周五那单原样再下一次, "reorder my usual", "same as last time".
_REORDERED = compiled(
    r"跟上次一样|和上次一样|同上次|原样|老样子|照旧|再来一单|再下一单|"
    + letter_led("reorder|re-order|my usual|the usual|same as last time|same order as", then=r"\b")
)
_SAID_TITLE = LexiconEntry("", kinds={"title"})
# 在肯德基点…, 从盒马买…: the place a person orders from is the merchant, unless it is no shop's name.
_ORDERED_AT = compiled(
    # (an option word or a place's may be part of the name: 在蜜雪冰城点…, 冰 an option, 冰城 a city's name)
    # (再去绝味买, and a name with the space the clean-up put between scripts: 在85度 c买)
    # (where it is is no part of its name: 在楼下老王饺子馆订, 从巷子口那家阿香粥铺点)
    r"(?:在|从|去(?<![^再又]去))\s*(?:(?:楼下|隔壁|对面|巷子口|街口|路口|小区门口|门口)的?(?:那家)?)?"
    r"([^\s\ue000-\ue007在从的,，。!！?？、]"
    # (a dish the catalogue knows may be part of the name after its first letter: 老王饺子馆)
    r"(?:[^\s\ue001\ue002\ue004\ue006\ue007在从的,，。!！?？、]|\s(?=[a-z\d])){1,11}?)"
    r"\s*再?(?:点|叫|买|订|下单|下的单|下的订单|下的[那这]一?单|订的[那这]|要|来|带)"
)
# The shop first, then what is ordered there: 肯德基点一个全家桶 (matched at the start only).
_SHOP_FIRST = compiled(
    r"(?:看看|查一下|查查|请问)?"
    # (a word that joins requests is no shop, nor a count: 一份炸鸡两杯可乐)
    r"(?!顺便|然后|另外|还有|接着|同时|并且|而且|[一两三四五六七八九十几俩仨])"
    rf"({name_letter()}{{2,6}}?)"
    # 肯德基点一个全家桶, 星巴克 中杯美式 两杯, 永辉超市有没有卖车厘子的, 看看叮咚买菜有没有新鲜的草莓
    # 家乐福买三包薯片, 麦当劳有什么早餐套餐, 茶百道一杯大杯杨枝甘露 and 瑞幸来一杯…生椰拿铁 (a dish the catalogue knows
    # after the count: 热干面一碗, 砂糖橘来3斤 name the dish first, no shop)
    r"(?:(?:帮我|给我)?[点买](?=[一两三四五六七八九十几俩仨\d个份杯碗])|\s+(?=[\ue000\ue003])|(?=有没有|有卖|有什么)"
    # (the dish in the count's own phrase: 宫保鸡丁饭三份 / …可乐 counts the 宫保鸡丁饭)
    r"|(?=(?:来|[一两三四五六七八九十\d][杯份个碗])[^\ue000,，、/;；]*\ue000))"
)
_A_SHOPS_ORDER_ZH = compiled(r"(的)(?:订单|外卖|单子)")  # the order is the shop's said before it (麦当劳的订单)
_NAME_CHAR = name_letter()
# The shop said after the dish, a phrase of its own: 帮我点份鸭血粉丝汤 南京大牌档的, 四份炸鸡 要华莱士的, 星巴克的 嗯,
# 要5份螺蛳粉 好欢喜那家, 我买的水果到哪了 百果园那个.
_SHOP_SAID_AFTER = compiled(
    rf"(?:^|(?<=[\s,，要是]))(?![一两三四五六七八九十几俩仨])((?:{_NAME_CHAR}|{PLACE_MARK}){{2,6}}?)"
    r"(?:的|那家的?|那个|家的)(?=[\s,，。!！]|$)"
)
# The app-search way: the shop first and a space, then what is ordered there, counted or with its options
# (古茗 芝士莓莓 热的 半糖, 盒马 买两盒鸡蛋, 七鲜 买一盒草莓, Manner 燕麦拿铁 小杯 热). Not a meal (早饭 两根油条).
_SHOP_THEN_A_SPACE = compiled(
    # (or after the verb: 点个肯德基 两个香辣鸡腿堡, 点个必胜客外卖 一个超级至尊披萨)
    r"(?:[,，\s]*(?:and\s+|then\s+)?再?(?:帮我|给我)?(?:点个|叫个|来个|点份|订个|点|订)\s*(?=\S+\s))?"
    r"(?![一两三四五六七八九十几俩仨]|早饭|早餐|午饭|午餐|晚饭|晚餐|夜宵|宵夜|下午茶|外卖|快餐|零食|水果|蔬菜|饮料|奶茶|咖啡)"
    rf"({_NAME_CHAR}{{2,6}}?|(?!(?:order|get|buy|book|want|need|pls|please)\b)[a-z][a-z'&]{{1,15}}"
    r"(?=(?:\s*外卖)?\s+[\u4e00-\u9fff]))\s*(?:外卖)?\s+"
    rf"(?=(?:买|来|点|要)?[一两三四五六七八九十几俩仨\d]|(?:{_NAME_CHAR}|\ue000){{1,8}}?\s*(?:\ue003|[一两三四五六七八九十几俩仨\d]))"
)
# A word set apart by spaces, or right after its shop, then the options of a drink (see Parser._open_nouns):
# 伯牙绝弦 大杯 少糖, 霸王茶姬伯牙绝弦大杯 (where no dish the catalogue knows is named, a mark is a shop's).
_NAMED_BEFORE_ITS_OPTIONS = compiled(
    rf"(?:^|(?<=\s))([\u4e00-\u9fff]{{2,8}})\s+(?=\ue003)|(?<=\ue000)({_NAME_CHAR}{{2,8}})\s*(?=\ue003)"
    # (in English at the start, after the shop or an option: "cold brew tall no sugar", "starbucks venti caramel
    # macchiato half sugar", "heytea duo rou putao, no ice")
    r"|(?:^|(?<=\ue000 )|(?<=\ue003 ))([a-z][a-z'-]+(?: [a-z][a-z'-]+){0,3}?)(?:,\s*|\s+)(?=\ue003)"
)
# The order pointed at by its shop: 把盒马那单取消吧, 把永辉那单取消了, 把那单喜茶退了 (那单水果: by what it holds).
_GOODS_OF_AN_ORDER = compiled(f"(?:水果|蔬菜|零食|饮料|奶茶|咖啡|日用品|年货|东西|快递|{BABY_GOODS_ZH})$")
_THAT_SHOPS_ORDER_ZH = compiled(
    rf"(?<![^把将\s，,])({_NAME_CHAR}{{2,6}})[那这]一?单|[那这]一?单({_NAME_CHAR}{{2,6}}?)(?=退|取消)"
)
# The shop pointed at where it is, then what is ordered there: 楼下张记冒菜 两份冒菜, 隔壁的老王面馆点两碗面 (not
# whoever is there, 给楼下保安大哥也点一份, nor where a meal goes, 送到宿舍楼下: see _SENT_OR_GIVEN).
_SENT_OR_GIVEN = frozenset("给到送")
_SHOP_NEARBY = compiled(
    rf"(?:楼下|隔壁|对面|门口)的?\s*({_NAME_CHAR}{{2,6}}?)"
    r"(?=\s|的(?![一两三四五六七八九十几俩仨\d])|[点买订要来][一两三四五六七八九十几俩仨\d个份杯碗])"
)
# What parts a shop said first from the dish ordered there (see Parser._open_nouns); no dish starts with a word of
# where, the asking or a verb (盒马上买, 海底捞那家, 喜茶帮我点).
_BEFORE_A_SHOP_SAID_FIRST = frozenset(" ,，。!！~")
_NO_DISH_AFTER_A_SHOP = "上里那这有还帮给买点订来要去在"
_AFTER_ITS_SHOP = compiled(rf"(?:\s*[:：]\s*|\s+|的)(?![{_NO_DISH_AFTER_A_SHOP}])(?=[\u4e00-\u9fff\ue003])")
# (the shop said first of all may be followed by a comma, and in English too: "Din Tai Fung xiao long bao, 2 baskets",
# "Burger King: whopper meal", 星巴克，焦糖玛奇朵，大杯)
_AFTER_THE_SHOP_SAID_FIRST = compiled(
    r"(?:\s*[:,，]\s*|\s+)(?!(?:i|we|my|our|is|are|do|does|has|have|again|help|please|pls|plz|order|delivery)\b)"
    rf"(?![{_NO_DISH_AFTER_A_SHOP}我])(?=[a-z\u4e00-\u9fff\ue003])"
)
# What may come after the count that ends a command: 焦糖玛奇朵 大杯 热 一杯。
_AFTER_THE_LAST_COUNT = " ,，。.!！~"
# A numeral read alone as a noun is no dish: the 一 of 一点点 (a shop).
_NUMERALS_ALONE = frozenset("一二两三四五六七八九十几")
# An order placed, what it holds not said: 帮我在盒马下一单, "place an order at Walmart".
_AN_ORDER_PLACED = compiled(r"下单|下一单|下个单|" + letter_led("place an order|put in an order", then=r"\b"))
_ANOTHER_DISH_COUNTED = compiled(
    r"(?:买|来|点|要)?[一两三四五六七八九十几俩仨\d]+\s*[^\W\d_][\u4e00-\u9fff\ue000]{2}"
)
# (家 as home, 我家, 在家里, 家门口 — not the 家 of 家乐福)
_NOT_A_MERCHANT = compiled(
    r"附近|楼下|楼上|家$|家里|家门口|公司|网上|线上|这|那|哪|手机|平台|app|外卖|单位|学校|宿舍|店里"
    # (when, which meal, or the asking: 刚才那单, 刚下的那单, 夜宵来一份, 午饭点个, 麻烦点两份, 重新点, 年货买)
    r"|刚才|刚下|刚点|重新|麻烦|早饭|早餐|午饭|午餐|晚饭|晚餐|夜宵|宵夜|年货|时候|适合"
    # (the asking, the joining, for whom: 能不能帮我点, 可以帮我买, 然后点两杯, 取消那单, 宝宝的纸尿裤; the looking
    # up: 查下有没有荔枝卖)
    r"|能不能|可以|然后|取消|宝宝|查|搜|找一?下|看一?下"
)
# A shop said by its kind, not its name: 在超市买, 从便利店买, 在大超市买 (盒马 is a name: 在盒马买 is the merchant, and
# so is 永辉超市: a name with its kind after it).
_SHOP_KIND = compiled(
    # (超市里有没有, 在超市帮我买: the kind still)
    r"^(?:大型?|小型?|生鲜|社区|24小时)?(?:超市|便利店|市场|菜场|菜市场|商店|商场|小卖部)(?:里|帮我)?$"
)
# "from Starbucks", "from Burger King": the shop an English order names, up to three words, ended by a
# word that starts the next part of the sentence or by punctuation.
_EN_ORDERED_FROM = compiled(
    # ("at" too, where a price is asked: "how much is a large pizza at Little Caesars")
    r"\b(?:from|at)\s+(?!(?:the|a|an|my|our|your|home|work|here|there|nearby|downstairs|somewhere|anywhere|any"
    r"|noon|night|midnight|lunch|lunchtime|dinner|breakfast|once|least|most|all|about|around|latest|earliest"
    r"|yesterday|today|tonight|tomorrow|earlier|before|last|this|that|it|you|me|us|them)\b)"
    # (a shop's name may hold a dot, "St. Louis Bread", but none ends it: "from Krispy Kreme.")
    r"([a-z][a-z0-9'&.-]*(?<!\.)(?:\s+[a-z][a-z0-9'&.-]*(?<!\.)){0,3}?)"
    r"(?=\s*(?:$|[,.!?;:+]|\b(?:and|for|to|with|without|please|pls|plz|thx|thanks|lol|at|near|in|on|by|before"
    r"|around|under|tonight|tomorrow|today|now|right now|asap|delivered|large|medium|small|less|no|extra|its|it's"
    r"|i|were|was|is|are|when|instead|still|not|never|yet|has|hasn't|hasnt|isn't|isnt|arrive|arrived|came)\b))"
)
# The shop named by the order asked after: "my burger king order", "the Whole Foods delivery", "my Walmart grocery
# order" (not "my food order", "my last order", "my latte order": no shop, a dish).
_EN_SHOPS_ORDER = compiled(
    r"(?:\b(?:my|our|the)\s+|我的\s*)(?!(?:food|grocery|groceries|takeout|takeaway|delivery|lunch|dinner|breakfast|last|latest"
    r"|recent|previous|current|online|first|second|next|other|new|old|(?:whole|entire)\s+(?:order|delivery)"
    r"|supermarket|grocery store|store|shop|"
    + BABY_GOODS_EN
    + r")\b)"
    r"([a-z][a-z0-9'&.-]*(?:\s+[a-z][a-z0-9'&.-]*){0,2}?|[\u4e00-\u9fff]{2,6})\s+"
    r"(?:(?:grocery|groceries|food|takeout|takeaway)\s+)?(?:order\b|delivery\b|外卖)"
)
# A shop named in Chinese inside English: "from 永辉", "three cups of 杨枝甘露 from 许留山, 中杯" (not a place the
# map knows, "from 广州", nor a time).
_EN_FROM_A_CHINESE_SHOP = compiled(r"\bfrom\s*([\u4e00-\u9fff]{2,8})(?=\s|[,，.。!！?？]|$)")
# (nor how a drink is served: "two lemonades at room temperature")
_NOT_A_SHOP_EN = compiled(r"\b(?:supermarkets?|grocery|groceries|store|market|shop|place|restaurant|temperature)$")
# The owner before 的 (喜茶的多肉葡萄, McDonald's的巨无霸): a shop named by what it sells, or a brand in
# Latin letters. Flavours, fillings and tastes before 的 describe the dish instead (麻辣的, 猪肉馅的).
# A brand in Latin letters right before 的, after Chinese or a count (not an English word of the sentence).
# (Where the scripts meet a space was put: 杯 coco 的.)
_LATIN_NAME_BEFORE = compiled(r"(?<![a-z'])(?<![a-z'] )[a-z][a-z'&]{1,19}(?= ?$)")
# Words read as something else that a shop's name may hold: 蜜雪冰城 (冰 an option, 冰城 a city's other name).
_MARKS_IN_A_NAME = frozenset((OPTION_MARK, PLACE_MARK))
# What ends the words before a shop's name: a verb, a count's measure, a look-up (帮我点, 两杯, 查一下). (Not a
# numeral: 茶百道 and 一点点 hold one.)
_BEFORE_A_SHOP = NOUN_STOP_CHARS | frozenset("查搜找看下杯份碗消")  # (取消|叮咚的订单)
# (十斤装的: a size; 新鲜的, 便宜的: how it is)
# (二两的: a weight; 肥瘦相间的: how it is cut)
_NOT_AN_OWNER_END = frozenset("味馅辣甜酸咸香脆软嫩色样式款种份杯大小热冰温装斤两鲜宜着间")  # (开着的: still open)
# Whose or when, not which shop: 上次的, 平时的, 刚才的, 中午的, 之前的, 老婆的, 朋友的, 同事的.
_NOT_A_SHOP_END = frozenset("次时常天回才刚早午晚上前婆公妈爸哥姐弟妹友事人家子")
MAX_SHOP_CHARS = 4


def _shop_owner(before: str) -> str | None:
    """The shop a dish is said with before 的: named by what it sells (老王面), or a short name of its own
    (瑞幸的生椰拿铁) when it is neither a taste (麻辣的), a person or a time (朋友的, 上次的), nor a place."""
    if len(before) < 2 or before[-1] in _NOT_AN_OWNER_END:
        return None
    if before[-1] in FOOD_HEAD_CHARS:
        return before
    if len(before) > MAX_SHOP_CHARS or before[-1] in _NOT_A_SHOP_END or _NOT_A_MERCHANT.search(before):
        return None
    return before


# Every request said called off by one verb after them: 机票和酒店都取消了, 都退了吧, "cancel both".
_ALL_CALLED_OFF = compiled(
    r"都(?:给我|帮我)?(?:取消|退掉|退了|不要了)|" + letter_led("cancel (?:both|them all|all of them)", then=r"\b")
)
_PRICED_BEFORE = compiled(f"{BUDGET_MARK}+的")
# (a lookahead, so that "where the heck is my Peking duck" still finds "my Peking duck")
_THE_THING_EN = compiled(r"\b(?:my|our|the|those|these)\s+(?=((?:[a-z]+\s+){0,2}[a-z]+))")
_POINTED_AT = compiled(r"[那这][一两三四五六七八九十几\d]?(人份|[^\W\d])")
# The dish an order already made is pointed at by, with its count: 那四份盖浇饭, 那杯冰淇淋红茶, 那箱猕猴桃.
# (its shop may come between: 那杯霸王茶姬的伯牙绝弦)
_POINTED_AT_A_DISH = compiled(
    r"[那这]([一两三四五六七八九十\d]*)(?:份|杯|碗|箱|盒|袋|瓶|串|斤|根|桶|提|个)的?(?:\ue000+的)?"
)
# What is said of the dish pointed at, right after its name: 那碗牛肉面都过去…, 那份麻辣香锅商家接单了吗.
_SAID_OF_IT_AFTER = compiled(r"都|也|还|商家|老板|骑手")
# What is pointed at that is no dish: the order itself, the takeaway, the booking.
_NO_DISH_POINTED_AT = compiled(r"订单|外卖|单子?|东西|快递|预订|预定|预约|包裹|菜|刚才|骑手")
_EN_BOOKING_VERBS = compiled(letter_led("book|reserve|find|order", then=r"\b"))
_POLITE = compiled(letter_led("please|pls|plz|thanks|thank you", then=r"\b") + "|谢谢|麻烦|劳驾|请")
_PLEASE = compiled(letter_led("please|pls|plz", then=r"\b") + "|麻烦|劳驾|请(?!问)")
# What a shopping list holds besides the things on it: marks of what was read (items, counts, budgets, options),
# separators, digits, and thanks. "牛奶 / 面包 / 鸡蛋", "grapes + pears + oranges, 50 yuan max", "latte, max ¥25".
_NOTHING_BUT_A_LIST = compiled(
    r"(?:[\ue000-\ue007\s/+&、,，.。;；:：x×*\d!！?？-]|"
    + letter_led("please|pls|plz|thanks|thx|and|any shop|anywhere|whatever", then=r"\b")
    + r"|谢谢|和|随便哪家|哪家都行|随便)*"
)
# A word long enough to be mistyped (spelling.py): a command without one skips the speller.
_LATIN_WORD = compiled(r"[a-z]{5}")
# Every English count (EN_QUANTITY) holds an ASCII letter or a digit: a command without one skips that search.
_LETTER_OR_DIGIT = compiled(r"[a-z\d]")
_SIZE_AFTER_COUNT = compiled(r"(?:斤|公斤|千克|克|升|kg|g|l)?\s*(?:的|装)")
# A dish typed alone and asked for: "coffee please", "pad thai pls".
_DISH_ALONE_PLEASE = compiled(r"[a-z][a-z' -]*?[ ,.!]+(?:please|pls|plz)[\s.!~]*$")
# A typed dish ends right before its "x2", maybe with what it is like between ("mocha M x2").
_EN_WORD_ENDS = compiled(rf"[a-z][ {OPTION_MARK}]*$")
# A count said after the dish it counts: 生椰拿铁 x2, "lemon tea ×3", 矿泉水 ×2箱 (with its measure).
_TIMES_COUNT = compiled(
    r"(?<![a-z0-9])[x×*]\s?(\d{1,3})(?![\d.:])(?:\s?(?P<unit>[箱提瓶袋盒杯份个斤包罐桶碗]"
    # ("pork dumplings x2 portions": the measure after it, in English too)
    r"|(?<=\d )(?:portions?|bowls?|cups?|boxes|packs?|bags?|bottles?|cans?|baskets?|pieces?|pcs|orders?|plates?)\b))?"
)
# Said before it: "2x bubble tea".
_COUNT_TIMES = compiled(r"(?<![a-z0-9.])(\d{1,3})\s?[x×](?=\s+[a-z\u4e00-\u9fff\ue000])")
# Said after it as a share of "them": "jianbing, 2 of them" (one of them is a part of those counted).
_N_OF_THEM = compiled(rf"(?<![a-z0-9])(?!one\b|1\b)({EN_NUMBER})\s+of\s+(?:them|those|these)\b")
_BARE_CANCEL = compiled(
    r"\W*(?:请|帮我|麻烦)?\s*(?:取消|cancel|撤销)(?:一下|吧|了|掉|it|that|this|please|\s|\W)*", re.UNICODE
)


@dataclass(frozen=True, slots=True)
class _Quantity:
    start: int
    end: int
    value: int | None
    unit: str | None
    trailing: bool = False  # said after what it counts: "lemon tea x2"
    article: bool = False  # a measure word alone after a verb (点个, 来杯): "a", which a count said later outweighs
    # 俩, 仨, 一打, "2 dozen": a count that needs no measure word to stand after its dish (汉堡俩, 鸡蛋半打)
    stands_alone: bool = False


@dataclass
class _ItemDraft:
    start: int
    end: int
    name: str
    domain: str
    entry: LexiconEntry | None
    quantity: int | None = None
    unit: str | None = None
    options: dict[str, str] = field(default_factory=dict)
    owner: str | None = None  # the shop said with it (喜茶的多肉葡萄)
    counted_by_article: bool = False  # its quantity is the 个 of 点个 (a count said after it outweighs that)

    def supports(self, group: str) -> bool:
        # A dish the catalogue lacks may have any option; the skill checks it against the offer.
        return self.entry is None or group in self.entry.option_groups


@dataclass
class _Reading:
    """Everything the domain-independent stages found in one command."""

    masked: MaskedText
    names: list[NameMention]
    times: TimeSlots
    budget: float | None
    options: list[OptionMention]
    quantities: list[_Quantity]
    boundaries: list[int]  # ends of conjunctions and punctuation: items either side are separate
    shops: dict[int, int]  # where each shop the catalogue names starts: where it ends
    told_until: int = 0  # where the request begins after backstory (backstory.py)
    _talk: bool | None = None
    _shop: tuple[str, str | None] | None = None  # (the text read, the shop read from its shape)

    @property
    def shop(self) -> str | None:
        """The shop read from the sentence's shape (_ordered_at), read once for the text as it stands."""
        if self._shop is None or self._shop[0] != self.masked.current:
            self._shop = (self.masked.current, _ordered_at(self.masked))
        return self._shop[1]

    @property
    def talk(self) -> bool:
        """Conversation about services (rules.is_talk), read once for all the domains tried."""
        if self._talk is None:
            self._talk = is_talk(self.masked.current[self.told_until :])
        return self._talk

    @property
    def text(self) -> str:
        return self.masked.current


_NAME_FIELDS = ("merchant", "title", "origin", "destination", "city", "near")


def _restore_case(frame: IntentFrame, lowered: str, cased: str) -> IntentFrame:
    """Names go out as the person wrote them ("the Bund", "Silent Awakening", 拿鐵), not as the rules read them."""
    updates: dict[str, object] = {
        name: as_said(value, lowered, cased) for name in _NAME_FIELDS if (value := getattr(frame, name))
    }
    if frame.items:
        updates["items"] = [
            item.model_copy(update={"name": as_said(item.name, lowered, cased)}) for item in frame.items
        ]
    return frame.model_copy(update=updates)


def _stay_where_the_flight_goes(frames: Iterable[IntentFrame]) -> None:
    """A flight and a stay in one breath (杭州飞西双版纳 三张 酒店订两间): the stay is where the flight goes,
    not where it leaves from, though the place it leaves from is the first city said."""
    flight = None
    for frame in frames:
        if frame.domain == "flight":
            flight = frame
        elif frame.domain == "hotel" and flight is not None and flight.destination and frame.city == flight.origin:
            frame.city = flight.destination


def _the_way_back(way_out: IntentFrame, day: str) -> IntentFrame:
    """The return flight of a round trip, on the last day of its span: home again, the same party in the same cabin."""
    return way_out.model_copy(
        update={"origin": way_out.destination, "destination": way_out.origin, "date": day, "time": None,
                "time_window": None}  # (what it still needs is said once context is shared: travel.complete)
    )


def _chat(lang: str) -> ParseResult:
    return ParseResult(lang=lang, frames=[IntentFrame(domain="chat")])  # type: ignore[arg-type]


class Parser:
    """Turns one command into intent frames. Never raises; anything it cannot read is chat."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self._zh_heads: dict[str, frozenset[str]] = {}
        self._en_heads: dict[str, frozenset[str]] = {}
        self._speller = Speller(
            word for key, entry in lexicon.entries.items() if entry.kinds & {"item", "title"} for word in key.split()
        )
        for rules in DOMAIN_RULES:
            keys = [e.key for e in lexicon.entries.values() if rules.domain in e.domains]
            self._zh_heads[rules.domain] = frozenset(k[-2:] for k in keys if not k.isascii() and len(k) >= 2)
            self._en_heads[rules.domain] = frozenset(k.split()[-1] for k in keys if k.isascii())

    def _names_in(self, said: str) -> list[NameMention]:
        return self.lexicon.find(MaskedText(said))

    def parse(self, text: str, now: datetime) -> ParseResult:
        written = tidied(text if isinstance(text, str) else str(text))
        cleaned = lower_ascii(simplified(written))
        # The names go out as written, in their own script: 拿鐵 for a person in Taipei (the copies share their
        # indices; a conversion that changed the length, if OpenCC ever made one, leaves the simplified names).
        cased = written if len(written) == len(cleaned) else simplified(written)
        lang = detect_lang(cleaned)
        if not cleaned:
            return _chat(lang)
        try:
            cleaned, cased = as_typed(cleaned, cased)
            if _LATIN_WORD.search(cleaned):
                cleaned, cased = self._speller.corrected(cleaned, cased)
            cleaned, cased = repaired(cleaned, cased, self.lexicon)  # (a film changed is the one marked after)
            cleaned, cased = titles_marked(cleaned, cased, self._names_in)
            frames = self._frames(cleaned, now)
        except Exception:  # a rule bug must cost one command its frame, never the caller its request
            log.exception("parser failed on %r", cleaned[:80])
            return _chat(lang)
        if cased != cleaned:
            frames = [_restore_case(frame, cleaned, cased) for frame in frames]
        return ParseResult(lang=lang, frames=frames or [IntentFrame(domain="chat")])  # type: ignore[arg-type]

    # ---- stages -------------------------------------------------------------------------

    def _read(
        self,
        masked: MaskedText,
        names: list[NameMention],
        options: list[OptionMention],
        now: datetime,
        told_until: int = 0,
    ) -> _Reading:
        """The food and grocery stages over one clause (the request starting at `told_until`, see backstory.py)."""
        times = find_times(masked, now, told_until)
        budget = find_budget(masked)
        text = masked.current
        quantities = _find_quantities(text)
        shops = {n.start: n.end for n in names if "merchant" in n.entry.kinds}
        boundaries = sorted(
            [m.end() for regex in (ZH_CONJUNCTIONS, EN_CONJUNCTIONS, PUNCTUATION) for m in regex.finditer(text)]
            # 火锅底料一包 肥牛卷一斤: a count after its noun ends that item, as a comma would.
            + [q.end for q in quantities if _counts_the_noun_before(text, q, shops)]
        )
        return _Reading(masked, names, times, budget, options, quantities, boundaries, shops, told_until)

    def _frames(self, cleaned: str, now: datetime) -> list[IntentFrame]:
        masked = MaskedText(cleaned)
        titles = [
            NameMention(m.start(), m.end(), m.group(1).strip(), _SAID_TITLE) for m in _BOOK_TITLE.finditer(cleaned)
        ]
        for title in titles:
            masked.mask(title.start, title.end, TITLE_MARK)
        dishes = [
            NameMention(m.start(), m.end(), m.group(0), _DISH_SAID_WITH_AND)
            for m in (_DISH_NAMED_WITH_AND.finditer(cleaned) if " and " in cleaned else ())
        ]
        for dish in dishes:
            masked.mask(dish.start, dish.end, ITEM_MARK)
        if _TURNED_DOWN_HINT.search(cleaned):
            for m in _TURNED_DOWN.finditer(cleaned):
                masked.mask(m.start(), m.end(), " ")
        for m in _MADE_AT_HOME.finditer(cleaned):
            masked.mask(m.start(), m.end(), " ")
        to_every_request = change_to_every_request(masked, now)  # 都往后推一天: no request's own day
        names = sorted(titles + dishes + self.lexicon.find(masked, _part_of_a_dish), key=lambda n: n.start)
        # Options before the split: "room temperature" is a drink's, not a hotel room.
        options = find_options(masked)
        read: list[tuple[IntentFrame, str | None]] = []
        asked_from = request_start(cleaned)
        told: set[int] = set()  # the frames read from backstory alone (see backstory.py)
        day_implied: set[int] = set()  # the frames whose date was only implied (see travel_frame)
        on_check_out_day: set[int] = set()  # the flights on the day the stay before them ends
        talk_after: list[int] = []  # where the assistant is asked to talk: after how many of the service frames
        for clause in split_clauses(masked.current, names):
            if clause.domains == CHAT_REQUEST:
                if clause.end > asked_from:
                    talk_after.append(len(read))
                continue
            produced = self._clause_frames(clause, masked, names, options, now, asked_from, day_implied)
            if clause.end <= asked_from:
                told.update(id(frame) for frame, _ in produced)
            if produced and read and read[-1][0].action != "order":
                said = masked.original[clause.start : clause.end]
                said = _ORDER_AS_A_NOUN.sub(" ", said)  # "and my food order": no verb of its own
                if not (
                    ZH_ORDER_VERBS.search(said) or EN_ORDER_VERBS.search(said) or _EN_BOOKING_VERBS.search(said)
                    or ORDERS_AGAIN.search(said)  # 再加一杯, "also add": a new order after the question
                ):
                    # One verb for both: "look up flights to Kunming and hotels near Green Lake" looks both up,
                    # "cancel my flight and my hotel" cancels both.
                    for frame, _ in produced:
                        if frame.action == "order":
                            frame.action = read[-1][0].action
                            if frame.domain in RULES_BY_DOMAIN:
                                frame.missing = []  # a meal cancelled or asked after needs no dish named
            if read and (said_again := _day_said_again(masked.current, clause)) is not None:
                shift = 1 if said_again.group("next") else -1 if said_again.group("before") else 0
                _on_the_day_said_before(produced, read, shift)
                day_implied.difference_update(id(frame) for frame, _ in produced)
            if read and produced and _said_on_the_day_of_check_out(masked.original, clause):
                on_check_out_day.update(id(frame) for frame, _ in produced)
            if read and produced and _SAME_AGAIN_AS_BEFORE_HINT.search(masked.original, clause.start, clause.end):
                _as_the_request_before(produced, read[-1][0], masked.original[clause.start : clause.end])
            read += produced
        read = _one_meal_said_twice(read)
        if len(read) > 1 and _ALL_CALLED_OFF.search(cleaned):
            for frame, _ in read:  # 把明天去广州的机票和酒店都取消了: the verb at the end calls off each
                frame.action, frame.missing = "cancel", []
        _share_context(read, day_implied)
        if on_check_out_day:
            _on_the_day_of_check_out([frame for frame, _ in read], on_check_out_day)
        if to_every_request is not None:
            to_every_request.apply([frame for frame, _ in read])
        asked = {frame.domain for frame, _ in read if id(frame) not in told}
        frames = [frame for frame, _ in read if id(frame) not in told or frame.domain in asked or not asked]
        if frames:
            for at in reversed(talk_after):  # (one chat frame for talk said twice in a row)
                if not (at < len(frames) and frames[at].domain == "chat"):
                    frames.insert(min(at, len(frames)), IntentFrame(domain="chat"))  # type: ignore[arg-type]
        return frames

    def _clause_frames(
        self,
        clause: Clause,
        masked: MaskedText,
        names: list[NameMention],
        options: list[OptionMention],
        now: datetime,
        asked_from: int,
        day_implied: set[int],
    ) -> list[tuple[IntentFrame, str | None]]:
        """The clause's frames, each with the end day of a stay it said (hotels only); the bookings whose date
        was only implied are added to `day_implied`."""
        start, end = clause.start, clause.end
        told_until = asked_from - start if start < asked_from < end else 0
        local_names = [
            NameMention(n.start - start, n.end - start, n.said, n.entry) for n in names if start <= n.start < end
        ]
        local_options = [
            OptionMention(o.start - start, o.end - start, o.group, o.value) for o in options if start <= o.start < end
        ]
        frames: list[tuple[IntentFrame, str | None]] = []
        if not clause.domains:
            # Nothing points to a domain: the first whose rules claim the sentence (food before grocery, unless
            # only groceries are named: "some kiwis and two boxes of blueberries").
            reading = self._read(masked.slice(start, end), local_names, local_options, now, told_until)
            at_a_store = any(n.entry.merchant_domains == {"grocery"} for n in local_names)  # 鲜盒超市 可乐x2
            # (a restaurant named serves what it sells: "an orange chicken bowl from Panda Express")
            at_a_restaurant = any(n.entry.merchant_domains == {"food"} for n in local_names)
            text = reading.text
            shopping = at_a_store or _ON_THE_SHELVES_ASKED.search(text) or _GROCERIES_POINTED_AT.search(text) or (
                not at_a_restaurant
                and (_names_groceries_only(text) or _bought_not_served(text) or _all_in_packets(reading))
            )
            for rules in (DOMAIN_RULES[::-1] if shopping else DOMAIN_RULES):
                # (and cooks the products named: the orange of an orange chicken bowl)
                borrow = at_a_restaurant and rules.domain == "food"
                if (frame := self._frame_for(rules, reading, borrow)) is not None:
                    return [(frame, None)]
            return []
        if clause.domains == ELSEWHERE:
            return []  # a ride, a train, an alarm: nothing any provider here sells
        for domain in clause.domains:
            sub = masked.slice(start, end)
            if domain in TRAVEL_DOMAINS:
                if (booking := travel_frame(domain, sub, local_names, now, told_until)) is not None:
                    frame, end_date, implied = booking
                    frames.append((frame, end_date))
                    if implied:
                        day_implied.add(id(frame))
                    if domain == "flight" and end_date and frame.date and ROUND_TRIP.search(sub.original):
                        frames.append((_the_way_back(frame, end_date), None))
            else:
                reading = self._read(sub, local_names, local_options, now, told_until)
                # A food request with a product in it (鸡翅 from the fried-chicken place) orders it cooked; a shopping
                # list with a dish's name in it ("a crate of beer and 2 bags of chips") buys it packed.
                borrow = (domain == "food" and "grocery" not in clause.domains) or (
                    domain == "grocery" and "food" not in clause.domains
                )
                if (frame := self._frame_for(RULES_BY_DOMAIN[domain], reading, borrow)) is not None:
                    frames.append((frame, None))
                    if reading.times.day_implied:
                        day_implied.add(id(frame))
        _stay_where_the_flight_goes(frame for frame, _ in frames)
        return frames

    def _frame_for(self, rules: DomainRules, reading: _Reading, borrow: bool) -> IntentFrame | None:
        text = reading.text
        own_names = [
            n
            for n in reading.names
            if n.entry.is_item
            and (
                rules.domain in n.entry.domains
                # (a shopping list buys a dish's name only in the shop's packets: "2 bags of chips", not 包饺子)
                or (borrow and (rules.domain == "food" or _IN_PACKETS_BEFORE.search(text, 0, n.start) is not None))
            )
        ]
        names_an_order = bool(own_names) or bool(rules.order_objects.search(text))

        # Each rule is searched once: the text does not change while one domain decides.
        cancel_word = rules.cancel.search(text)
        status_word = rules.status.search(text)
        cancelling, asking_after = cancel_word is not None, status_word is not None
        if not names_an_order and (cancelling or asking_after):
            # 那份麻辣香锅, 这两箱, 那些菜: a thing pointed at by its measure word is one already ordered; "is my poke
            # bowl on the way?": one's own, named as this domain names its things.
            names_an_order = (
                any(m.group(1) in rules.measures or m.group(1) == "些" for m in _POINTED_AT.finditer(text))
                or any(
                    word in rules.noun_words_en or word in DISH_HEADS_EN
                    for m in _THE_THING_EN.finditer(text)
                    for word in m.group(1).split()
                )
                # (or by its shop: 我的蜜雪冰城送到了吗, 永辉的菜到哪了)
                or any("merchant" in n.entry.kinds and rules.domain in n.entry.merchant_domains for n in reading.names)
                # (or as this domain's things end, the catalogue's or not: 麻辣香锅到哪了, 取消刚才那个螺蛳粉)
                or any(
                    self._ends_as_its_item(rules, noun)
                    for noun in (
                        _han_run(text, _before_who_says_it(text, word.start()), -1) if word is not None else ""
                        for word in (status_word, cancel_word)
                    )
                )
                or (cancel_word is not None and self._ends_as_its_item(rules, _called_off_after(text, cancel_word)))
            )
        if (cancelling or asking_after) and AFTER_SALES_ASKED.search(text):
            return None
        # The order cancelled or asked after named by what it holds: 取消刚才点的那杯杨枝甘露, "cancel the milk tea I
        # just ordered" (the catalogue's names only: a word of the request is no dish of it).
        named = [_ItemDraft(n.start, n.end, n.said, rules.domain, n.entry) for n in own_names]
        if (cancelling or asking_after) and named:
            _count_pointed_at(reading.text, named)  # 刚才点的那两份麻辣烫不要了
        elif (cancelling or asking_after) and names_an_order:
            # 我点的那四份盖浇饭到哪了, 那杯冰淇淋红茶帮我退了 (what is asked of it ends the dish)
            asked_at = [w.start() for w in (cancel_word, status_word) if w is not None]
            named = _pointed_at_dishes(reading, rules.domain, asked_at)
        if cancelling and (names_an_order or _BARE_CANCEL.fullmatch(text)):
            return self._frame(rules, reading, "cancel", named)
        if asking_after and names_an_order:
            return self._frame(rules, reading, "status", named)
        # Places to eat ("what's good to eat around here", 附近哪家螺蛳粉配送费最便宜) or what a shop has on its shelves
        # ("any fresh lychees available?") looked up, with what is named (not 老街小馆还开着吗？开着的话帮我点一份…: an
        # order after the question).
        looked_up = (_WHERE_TO_EAT_ASKED if rules.domain == "food" else _ON_THE_SHELVES_ASKED).search(text)
        if looked_up is not None and not (
            ZH_ORDER_VERBS.search(text, looked_up.end()) or EN_ORDER_VERBS.search(text, looked_up.end())
        ):
            return self._frame(rules, reading, "search", self._items(rules, reading, own_names))
        if reading.talk:
            return None

        drafts = self._items(rules, reading, own_names)
        if not drafts and _REORDERED.search(text) is not None:
            return self._frame(rules, reading, "order", [])  # 瑞幸再来一单跟上次一样的: what it holds is known
        said_its_verb = rules.verbs.search(text) is not None
        said_a_verb = said_its_verb or bool(ZH_ORDER_VERBS.search(text) or EN_ORDER_VERBS.search(text))
        # A catalogue dish counted, or said with how it is wanted or where from, is an order by itself (两杯奶茶,
        # 春水茶研所 大杯杨枝甘露 走冰); a counted dish the catalogue lacks is one when asked for politely
        # ("two hot chocolates please", 两碗凉皮谢谢).
        polite = _POLITE.search(text) is not None
        asked_please = polite and _PLEASE.search(text) is not None  # "braised chicken rice for lunch pls"
        # (a shop said by name is one too, known or not: "a large coffee from Dunkin'" orders by itself)
        shop_named = any("merchant" in n.entry.kinds for n in reading.names)
        shop_said = shop_named or (
            "from " in text and _EN_ORDERED_FROM.search(reading.masked.original) is not None
        )
        after_the_shop_first = _after_the_shop_said_first(reading) if shop_named else None
        ordered_by_itself = any(
            (d.quantity is not None and (d.entry is not None or polite or shop_said or _served(rules, d)))
            or ((d.quantity is not None or asked_please) and d.name.isascii() and _named_as_a_dish(rules, d.name))
            or (d.entry is not None and (d.options or d.owner or shop_said or asked_please))
            # 伯牙绝弦 大杯 少糖, "heytea duo rou putao less sugar": a drink the catalogue lacks, said as it is wanted
            or len(d.options) > 1
            or (shop_named and d.options)
            # said right after the shop that starts the command: "burger king whopper meal", "Burger King: whopper meal"
            or (after_the_shop_first is not None and d.start == after_the_shop_first)
            for d in drafts
        ) or _a_shopping_list(drafts, reading)
        if not ordered_by_itself and not shop_said and any(d.quantity is not None for d in drafts):
            # (a shop read from the sentence's shape counts too: Haidilao外卖 一份番茄锅底 两份虾滑)
            ordered_by_itself = reading.shop is not None
        chatting = bool(CHAT_VERBS.search(text))
        looking_up = looks_up_only(rules.search, text)
        said_generic = rules.generic_items.search(text) is not None
        # "what's on the menu at sweetgreen", "does pizza hut deliver": a shop asked after, no dish named
        shop_asked = (
            looking_up
            and not drafts
            and (
                shop_named  # 帮我看看麦当劳现在有什么套餐, "what desserts does Heytea have?"
                or (
                    (text.isascii() or bool(SHOP_QUESTION_HINT.search(text) and SHOP_ASKED_AFTER_ZH.search(text)))
                    and reading.shop is not None
                )
            )
        )
        asked = said_a_verb or (looking_up and (bool(drafts) or said_generic or shop_asked))
        if not asked and (chatting or not ordered_by_itself):
            return None
        action = "search" if looking_up else "order"
        if drafts or shop_asked:
            return self._frame(rules, reading, action, drafts)
        if chatting:
            return None
        counted_its_measure = any(q.unit in rules.measures for q in reading.quantities)  # 来杯热的
        # (an order placed at a shop, what it holds still to say: 帮我在盒马下一单, "place an order at Walmart")
        placed_at_a_shop = shop_named and _AN_ORDER_PLACED.search(text) is not None
        if said_generic or said_its_verb or counted_its_measure or placed_at_a_shop:
            frame = self._frame(rules, reading, action, [])
            if action == "order":
                frame.missing.append("items")
            return frame
        return None

    def _frame(self, rules: DomainRules, reading: _Reading, action: str, drafts: list[_ItemDraft]) -> IntentFrame:
        merchant = next((n.said for n in reading.names if "merchant" in n.entry.kinds), None)
        if merchant is None:
            merchant = next((d.owner for d in drafts if d.owner), None) or reading.shop
            if merchant is not None and (at := reading.masked.original.rfind(merchant)) >= 0:
                # A word of the shop's name is no dish of it: "from Pret A Manger", "does pizza hut deliver".
                drafts = [d for d in drafts if not (d.start < at + len(merchant) and at < d.end)]
        items = [
            FrameItem(
                name=d.name,
                quantity=min(max(d.quantity or 1, 1), MAX_QUANTITY),
                unit=d.unit,
                options=ItemOptions(**d.options),
            )
            for d in drafts
        ]
        return IntentFrame(
            domain=rules.domain,  # type: ignore[arg-type]
            action=action,  # type: ignore[arg-type]
            merchant=merchant,
            # where to look: "any Haidilao near the Bund?", 查查新街口附近的超市
            near=searched_near(reading.masked, reading.names, reading.told_until) if action == "search" else None,
            items=items,
            date=reading.times.date,
            time=reading.times.time,
            time_window=reading.times.time_window,  # type: ignore[arg-type]
            budget_max=reading.budget,
        )

    # ---- items --------------------------------------------------------------------------

    def _items(self, rules: DomainRules, reading: _Reading, own_names: list[NameMention]) -> list[_ItemDraft]:
        text = reading.text
        used_quantities: set[_Quantity] = set()
        drafts: list[_ItemDraft] = []
        previous_end = 0
        counted_after = _counted_after_each(reading, own_names)
        for name in own_names:
            zone_start = max([previous_end] + [b for b in reading.boundaries if b <= name.start])
            before = next(
                (
                    q
                    for q in reversed(reading.quantities)
                    if zone_start <= q.start and q.end <= name.start and not q.trailing  # ("x2" counts what is before)
                ),
                None,
            )
            after = next((q for q in reading.quantities if q.start == _where_its_count_starts(text, name.end)), None)
            quantity = (after or before) if counted_after else before
            anchor = before.end if before is not None and quantity is before else zone_start
            said = _with_modifier(text, reading.masked.original, anchor, name)
            owner = _owner_before(text, reading.masked.original, anchor, name.start - (len(said) - len(name.said)))
            draft = _ItemDraft(
                name.start - (len(said) - len(name.said)) if said.endswith(name.said) else name.start,
                name.end,
                said,
                rules.domain,
                name.entry,
                owner=owner,
            )
            if quantity is not None:
                used_quantities.add(quantity)
                draft.quantity, draft.unit = quantity.value, quantity.unit
                draft.counted_by_article = quantity.article
            drafts.append(draft)
            previous_end = quantity.end if quantity is not None and quantity is after else name.end

        # A dish or a shop of this domain named: the nouns the catalogue lacks are its things too
        # (在邻里生活超市买二十个粽子: the supermarket's).
        domain_named = bool(own_names) or any(
            "merchant" in n.entry.kinds and rules.domain in n.entry.merchant_domains for n in reading.names
        )
        drafts += self._open_nouns(rules, reading, used_quantities, domain_named)
        if drafts and ("same" in text):
            # "and another one the same but iced", "one more of the same", "the same again"
            drafts += [
                _ItemDraft(m.start(), m.end(), _SAME_AGAIN, rules.domain, None, quantity=1 if m.group(1) else None)
                for m in _SAME_AGAIN_EN.finditer(text)
            ]
        if drafts and "one" in text:  # "… and a small hot one"
            for m in _ANOTHER_ONE.finditer(text):
                count = int(parse_number(m["count"]) or 1)  # ("another" is one)
                drafts.append(_ItemDraft(m.start("count"), m.end(), _SAME_AGAIN, rules.domain, None, count))
        drafts.sort(key=lambda d: d.start)
        self._count_the_dish_before(rules, reading, drafts, used_quantities, domain_named)
        drafts = _one_dish_said_twice(
            _only_the_things_of_a_kind(_what_ran_out_is_said_instead(drafts, text), text), text
        )
        _one_for_each_person(drafts, text)
        _counted_each(drafts, reading)
        _the_whole_count(drafts, reading)
        drafts, options_left = _each_made_its_own_way(drafts, reading, used_quantities)
        drafts, options_left = _each_persons_own_way(drafts, replace(reading, options=options_left))
        _attach_options(drafts, replace(reading, options=options_left))
        drafts = _the_same_again(drafts, text)
        if len(drafts) > 1:
            drafts = _without_the_milk_a_drink_is_made_with(drafts, text)
        if len(drafts) > 1 and "想" in text:
            drafts = _without_the_craving(drafts, text, reading.masked.original)
        if len(drafts) > 1 and "帮" in text:
            drafts = _without_the_story_before_the_asking(drafts, text)
        if reading.told_until and any(d.start >= reading.told_until for d in drafts):
            # 他爸爸负责买蛋糕。我这边…送三个大号披萨: the dishes of the story before the request are none of it
            drafts = [d for d in drafts if d.start >= reading.told_until]
        return drafts

    def _count_the_dish_before(
        self, rules: DomainRules, reading: _Reading, drafts: list[_ItemDraft], used: set[_Quantity], domain_named: bool
    ) -> None:
        """A count said after its dish counts it: 奶茶来两杯, 酸菜鱼来一份，米饭两碗, "diapers, 2 packs",
        "lemon tea x2"; so does a lone count said before the one dish of the sentence (中午想吃麻辣烫，帮我点一份)."""
        text = reading.text
        unclaimed: list[tuple[_ItemDraft, _Quantity]] = []  # dishes counted after them that no word here claims
        for quantity in reading.quantities:
            said_alone = (  # 两杯, x2, 俩, "get two", "chicken nuggets two": a count with nothing after it
                quantity.unit is not None
                or quantity.trailing
                or quantity.stands_alone
                or _EN_COUNT_VERB_BEFORE.search(text, 0, quantity.start)
                # ("fries large 2": what it is like may come between; "a" is the next thing's article)
                or (text[: quantity.start].rstrip(_BETWEEN_A_DISH_AND_ITS_COUNT).endswith(ITEM_MARK)
                    and text[quantity.start] != "a")
            )
            if quantity in used or not said_alone or not _ends_a_phrase(text, quantity.end):
                continue
            # "a latte x2", 点个鸡块，两份: a count said after the dish outweighs its article
            before = [
                d for d in drafts
                if d.end <= quantity.start and (d.quantity is None or quantity.trailing or d.counted_by_article)
            ]
            dish = max(before, key=lambda d: d.end) if before else None
            # 煎饼果子 x2 + 豆浆 x2: a trailing count said in a part of the list of its own counts the dish the
            # catalogue lacks said there, if there is one ("iced latte, less sugar, medium ×2" has none).
            said_apart = dish is not None and quantity.trailing and dish.end <= max(
                (b for b in reading.boundaries if b <= quantity.start), default=0
            )
            if (dish is None or said_apart) and (
                said := self._dish_right_before(rules, reading, quantity, domain_named)
            ) is not None:
                unknown, claimed = said
                if any(d.start < unknown.end and unknown.start < d.end for d in drafts):
                    continue  # the dish already counted before it: 点十份盖浇饭 一份25以内的 (each one's price)
                if not claimed:
                    unclaimed.append((unknown, quantity))
                    continue
                drafts.append(unknown)
                drafts.sort(key=lambda d: d.start)
                dish = unknown
            if dish is None:
                continue
            dish.quantity, dish.unit = quantity.value, quantity.unit
            used.add(quantity)
        if drafts:
            # Counted dishes said in one list are one kind: 豆浆四杯，肉包子六个，油条三根 orders the 油条 too.
            for unknown, quantity in unclaimed:
                if quantity not in used and not any(d.start < unknown.end and unknown.start < d.end for d in drafts):
                    unknown.quantity, unknown.unit = quantity.value, quantity.unit
                    drafts.append(unknown)
                    used.add(quantity)
            drafts.sort(key=lambda d: d.start)
        uncounted = [d for d in drafts if d.quantity is None]
        dangling = [q for q in reading.quantities if q not in used and q.unit is not None and _HAN.match(q.unit)]
        if len(uncounted) == 1 and len(dangling) == 1:
            uncounted[0].quantity, uncounted[0].unit = dangling[0].value, dangling[0].unit
            used.add(dangling[0])

    def _dish_right_before(
        self, rules: DomainRules, reading: _Reading, quantity: _Quantity, domain_named: bool
    ) -> tuple[_ItemDraft, bool] | None:
        """The dish the catalogue lacks, said right before its count (老街小馆的酸菜鱼来一份, 瓜子三袋), and whether
        this domain's words claim it."""
        text = reading.text
        end = quantity.start
        while end > 0 and text[end - 1] == " ":
            end -= 1
        # (typed before its "x2", or its bowl: "hot chocolate x2", "pho one bowl"; "place an order" counts nothing)
        by_its_measure = quantity.unit is not None and quantity.unit.isascii() and not quantity.unit.startswith("order")
        if (quantity.trailing or by_its_measure) and _EN_WORD_ENDS.search(text, 0, end):
            return self._en_dish_right_before(rules, reading, quantity, end, domain_named)
        if quantity.trailing or not text[quantity.end :].strip(_AFTER_THE_LAST_COUNT):
            # (伯牙绝弦 大杯/少糖/去冰 ×1; 焦糖玛奇朵 大杯 热 一杯: the count that ends the command)
            while end > 0 and text[end - 1] in (" ", "/", OPTION_MARK):
                end -= 1
        if (verb := _COUNT_VERB_BEFORE.search(text, 0, end)) is not None:
            end = verb.start()
        # (not back into another count: 点十份盖浇饭 一份 counts no 十份盖浇饭)
        floor = max((q.end for q in reading.quantities if q.end <= end), default=0)
        start = end
        while start > floor and end - start < MAX_OPEN_NOUN_CHARS and _HAN.match(text[start - 1]) and (
            text[start - 1] not in NOUN_STOP_CHARS
        ):
            start -= 1
        if end - start < 2:
            return None
        found = _scan_han_noun(text[:end], reading.masked.original[:end], start, frozenset(), None)
        if found is None or _names_people(found[0]) or _NO_NOUN_AFTER_A_COUNT.fullmatch(found[0]):
            return None
        noun, start, end, owner = found
        claimed = self._claims(rules, noun, quantity, "", text, domain_named)
        return _ItemDraft(start, end, noun, rules.domain, None, owner=owner), claimed

    def _en_dish_right_before(
        self, rules: DomainRules, reading: _Reading, quantity: _Quantity, end: int, domain_named: bool
    ) -> tuple[_ItemDraft, bool] | None:
        """The dish the catalogue lacks, typed right before its "x2" ("hot chocolate x2", "mocha M x2"): the words
        back to the start of its part of the list, up to the verb or article before them."""
        text = reading.text
        while end > 0 and text[end - 1] in (" ", OPTION_MARK):  # ("mocha M x2": its size said between)
            end -= 1
        words: list[re.Match[str]] = []
        for m in reversed(list(_EN_WORD.finditer(text, max(0, end - 60), end))):
            gap = text[m.end() : words[-1].start() if words else end]
            if (
                gap.strip()
                or m.group(0) in EN_NOUN_STOP_WORDS
                or m.group(0) in _EN_NOT_A_NOUN_START
                or m.group(0) in ("a", "an")
                or EN_ORDER_VERBS.fullmatch(m.group(0))
                or len(words) >= MAX_OPEN_NOUN_WORDS
            ):
                break
            words.append(m)
        if not words or words[0].end() != end:
            return None
        start = words[-1].start()
        noun = text[start:end]
        if noun in _EN_NOT_A_DISH or _names_people(noun):
            return None
        claimed = self._claims(rules, noun, quantity, "", text, domain_named)
        return _ItemDraft(start, end, noun, rules.domain, None), claimed

    def _open_nouns(
        self, rules: DomainRules, reading: _Reading, used: set[_Quantity], domain_named: bool
    ) -> list[_ItemDraft]:
        """Dishes the catalogue lacks, read from the sentence's shape: 一份酸辣粉, 点酸辣粉, "order a poke bowl"."""
        text = reading.text
        drafts: list[_ItemDraft] = []
        taken_until = -1
        starts: list[tuple[int, _Quantity | None, str]] = []  # (where the noun may start, its quantity, the verb)
        for quantity in reading.quantities:
            if quantity not in used and not _counts_the_noun_before(text, quantity, reading.shops):
                starts.append((quantity.end, quantity, ""))
        for m in ZH_BARE_NOUN_VERBS.finditer(text):
            if not text.endswith(("不", "别", "没"), 0, m.start()):  # 她不吃辣: what is not wanted
                starts.append((m.end(), None, m.group(0)))
        looking_up = rules.search.search(text) is not None  # names what it looks for, even to order it after
        if looking_up:
            # A look-up names what it looks for after its own words: 有没有卖煲仔饭的, "look up sushi places".
            for m in SEARCH_NOUN_STARTS.finditer(text):
                after = EN_FILLERS_AFTER_VERB.match(text, m.end()) if m.group(0).isascii() else None
                # (有没有二十块以内的盖浇饭: the dish said after its price)
                after = after or _PRICED_BEFORE.match(text, m.end())
                starts.append((after.end() if after else m.end(), None, ""))
        for m in EN_ORDER_VERBS.finditer(text):
            after = EN_FILLERS_AFTER_VERB.match(text, m.end())
            position = after.end() if after else m.end()
            quantity = next((q for q in reading.quantities if q.start == position and q not in used), None)
            if quantity is not None:
                continue  # read from the quantity itself
            if m.group(0) in _EN_BARE_NOUN_VERBS or rules.verbs.fullmatch(m.group(0)):
                starts.append((position, None, m.group(0)))
        # The app-search way: a drink said by itself, then its options (伯牙绝弦 大杯 少糖, 芝士莓莓 热的 半糖).
        before_options = (  # (only when nothing else names the dish: 点杯杨枝甘露 就是 不要冰 然后也别太甜 少糖)
            {m.start(m.lastindex or 1) for m in _NAMED_BEFORE_ITS_OPTIONS.finditer(text)}
            if rules.domain == "food"
            and OPTION_MARK in text
            and not starts
            and not any(n.entry.is_item for n in reading.names)
            else set()
        )
        starts.extend((position, None, "") for position in before_options)
        if domain_named and reading.shops and not looking_up:
            # The shop said first, then what is ordered there: 星巴克 大杯冷萃 不要冰, 喜茶的四季春，两杯 (not
            # where a count or a verb before it leads: 点一杯库迪的橙C美式, 订今晚海底捞的位子).
            first_start = min((s[0] for s in starts), default=len(text))
            starts.extend(
                (m.end(), None, "")
                for start, end in reading.shops.items()
                if end < first_start
                # (not 听说蒙自源的米线不错, nor where a meal is sent: 送到 CGV 影城)
                and (start == 0 or text[start - 1] in _BEFORE_A_SHOP_SAID_FIRST)
                and not text.endswith(("到 ", "送 ", "给 "), 0, start)
                and (
                    m := _AFTER_ITS_SHOP.match(text, end)
                    # (in English only first, with no verb of its own: not "my Walmart groceries still say processing")
                    or (
                        start == 0
                        and EN_ORDER_VERBS.search(text) is None
                        and _AFTER_THE_SHOP_SAID_FIRST.match(text, end)
                    )
                )
            )
        if not starts and rules.domain == "food" and _DISH_ALONE_PLEASE.match(text):
            starts.append((0, None, ""))  # "coffee please": the whole request is the dish
        quantity_starts = frozenset(q.start for q in reading.quantities)
        counted_unclaimed: list[tuple[_ItemDraft, _Quantity]] = []
        for position, quantity, verb in sorted(starts, key=lambda s: s[0]):
            if reading.shops and (quantity is not None or verb):
                # a shop said between the count or the verb and the dish: 6份麦当劳巨无霸套餐, 点瑞幸生椰拿铁, "a KFC
                # family bucket", after its size: "a large Heytea cheese tea"
                at = position
                while at < len(text) and text[at] in (" ", OPTION_MARK):
                    at += 1
                position = reading.shops.get(position, reading.shops.get(at, position))
            if position < taken_until:
                continue
            if quantity is not None and _PEOPLE_AFTER.match(text, quantity.end):
                used.add(quantity)  # 7位同事, 30个工作人员: who the dishes are for
                continue
            found = _scan_noun(text, reading.masked.original, position, quantity_starts)
            if found is None:
                continue
            noun, start, end, owner = found
            if looking_up:
                noun = _without_shop_word(noun)
            elif quantity is None and text.startswith("的", end) and _ends_a_phrase(text, end + 1):
                continue  # 想吃点清淡的: what kind of dish, not one (a look-up's 有没有卖煲仔饭的 names it)
            if noun in _NO_DISH_EN:
                continue  # "Ugh, what a day": a time, no dish
            if noun.isascii() and noun.rsplit(" ", 1)[-1] in _WHERE_IT_IS_GOT_EN:
                continue  # "from a fruit shop near my hotel", "from a local café": where it comes from, no dish
            if _names_people(noun) or (noun.startswith("人") and quantity is not None and quantity.unit == "个"):
                if quantity is not None:
                    used.add(quantity)  # the party's size counts no dish
                continue  # 两个人吃, 六个人一人一杯: who it is for
            if (
                not noun
                or noun in _NUMERALS_ALONE  # (一点点的四季春: a shop's name read from its numeral)
                or rules.generic_items.fullmatch(noun)
                or (looking_up and rules.search.fullmatch(noun))
            ):
                continue
            draft = _ItemDraft(start, end, noun, rules.domain, None, owner=owner)
            if position not in before_options and not self._claims(rules, noun, quantity, verb, text, domain_named):
                if quantity is not None:
                    counted_unclaimed.append((draft, quantity))
                continue
            if quantity is not None:
                used.add(quantity)
                draft.quantity, draft.unit = quantity.value, quantity.unit
                draft.counted_by_article = quantity.article
            drafts.append(draft)
            taken_until = end
        if drafts or domain_named:
            # Counted items said in one list are one kind: 来俩肉夹馍一碗凉皮 orders the 肉夹馍 too.
            for draft, quantity in counted_unclaimed:
                if quantity not in used and not any(d.start < draft.end and draft.start < d.end for d in drafts):
                    used.add(quantity)
                    draft.quantity, draft.unit = quantity.value, quantity.unit
                    drafts.append(draft)
        return drafts

    def _has_its_head(self, rules: DomainRules, noun: str) -> bool:
        """Whether a Chinese noun ends as this domain's things do: a head character (面, 粉) or the last two of a
        catalogue name (拿铁)."""
        return (
            noun[-1] in rules.noun_heads_zh
            or noun[-2:] in self._zh_heads[rules.domain]
            # (a bento alone is a dish, a set meal alone is no dish named; 订餐 is no set meal)
            or (rules.domain == "food" and (noun.endswith("便当") or (len(noun) > 2 and noun.endswith("套餐"))))
        )

    def _ends_as_its_item(self, rules: DomainRules, noun: str) -> bool:
        """Whether a noun of two characters or more, asked after or called off, ends as this domain's things do
        (麻辣香锅; and 烧烤, grilled, for food)."""
        return len(noun) >= 2 and (
            self._has_its_head(rules, noun) or (rules.domain == "food" and noun[-1] in _GRILLED_HEADS)
        )

    def _claims(
        self, rules: DomainRules, noun: str, quantity: _Quantity | None, verb: str, text: str, domain_named: bool
    ) -> bool:
        """Whether an unknown noun is this domain's item: its verb, measure word or head says so."""
        if domain_named or (verb and rules.verbs.fullmatch(verb)) or rules.verbs.search(text):
            # The sentence already names this domain's dishes or shop, or uses its verbs (点/叫/吃/喝/order).
            return True
        if quantity is not None and quantity.unit in rules.measures:
            return True
        if rules.domain == "grocery" and _bought_not_served(text):
            return True  # 买2瓶护发素: bought, no meal
        if (
            rules.domain == "food"
            and noun.isascii()
            and "from " in text
            and (shop := _EN_ORDERED_FROM.search(text)) is not None
            and not text.startswith(" to ", shop.end(1))  # ("an auto from Majestic to Indiranagar": a ride)
        ):
            return True  # "a large pad thai from Thai Orchid": ordered from a shop, a dish of it
        if rules.domain == "food" and (_COOKED_START.match(noun)):
            return True  # cooked is a dish: "hot chocolate", "fried rice", 红烧肉
        if rules.domain == "food" and quantity is not None and quantity.trailing:
            return True  # typed as an order form does: "pad thai x2", 沙拉x1
        if rules.domain == "food" and OPTION_MARK in text and EN_ORDER_VERBS.search(text):
            return True  # asked for with how it is made: "get me a cheese foam oolong, less ice, half sugar"
        if (
            quantity is not None
            and quantity.unit is not None
            and (noun.isascii() or (rules.domain == "grocery" and quantity.unit.isascii()))
        ):
            return True  # counted in English by its measure: "2 bags of chips"; a shop's packet: "buy 2 packs of 辣条"
        if noun.isascii():
            head = noun.split()[-1]
            singular = head[:-1] if head.endswith("s") and len(head) > 3 else head
            heads = rules.noun_words_en | self._en_heads[rules.domain]
            if head in heads or singular in heads:
                return True
            # One word made of a modifier and a dish word: "cheeseburgers", "pancakes".
            if any(len(singular) > len(h) + 2 and singular.endswith(h) for h in heads):
                return True
            if rules.domain == "food" and pinyin_says_a_dish(noun):
                return True  # named in pinyin as dishes end: "dandan mian", "jidan chaofan"
        elif self._has_its_head(rules, noun):
            return True
        return bool(rules.generic_items.search(text))


# ---- helpers over the masked text ------------------------------------------------------


def _zh_quantities(text: str) -> Iterator[re.Match[str]]:
    """ZH_QUANTITY.finditer(text), tried only where a count can start: its groups keep re from skipping
    ahead by itself, so it would try the whole pattern at every character."""
    position = 0
    while (candidate := ZH_QUANTITY_START.search(text, position)) is not None:
        if (m := ZH_QUANTITY.match(text, candidate.start())) is None:
            position = candidate.start() + 1
        else:
            yield m
            position = m.end()


_A_NAME_OF_TWO_CHARACTERS = compiled(r"[\u4e00-\u9fff\ue000]{2}")  # (or a catalogue dish, marked)


def _find_quantities(text: str) -> list[_Quantity]:
    quantities: list[_Quantity] = []
    for m in _zh_quantities(text):
        if m.group("bare"):
            before = text[m.start() - 1] if m.start() > 0 else ""
            if (
                before not in VERB_CHARS_BEFORE_BARE_MEASURE
                or text.startswith("子", m.end())
                or _WORD_STARTING_WITH_A_MEASURE.match(text, m.start())
            ):
                continue  # 吃包子, 买瓶子, 要提醒, 给客户, 给张总: the measure word's character starts another word
            if before == "加" and not _A_NAME_OF_TWO_CHARACTERS.match(text, m.end()):
                continue  # 加个蛋, 加个菜: what goes into the dish (再加个肉夹馍 and 加个卤蛋 add a dish)
            quantities.append(_Quantity(m.start(), m.end(), 1, m.group("bare"), article=True))
            continue
        said = m.group("num") or m.group("alone") or m.group("pair")
        value = parse_number(said)
        if m.group("measure") == "打":  # 两打啤酒: dozens
            quantities.append(_Quantity(m.start(), m.end(), _as_count(value and value * 12), None, stands_alone=True))
            continue
        alone = bool(m.group("pair"))
        quantities.append(_Quantity(m.start(), m.end(), _as_count(value), m.group("measure"), stands_alone=alone))
    said_in_chinese = [(q.start, q.end) for q in quantities]
    for m in EN_QUANTITY.finditer(text) if _LETTER_OR_DIGIT.search(text) else ():
        if any(start <= m.start() < end for start, end in said_in_chinese):
            continue  # the 10 of 10斤, read already
        value = parse_number(m.group("num"))
        if m.group("measure") in ("dozen", "dozens"):  # "2 dozen eggs"
            quantities.append(_Quantity(m.start(), m.end(), _as_count(value and value * 12), None, stands_alone=True))
            continue
        quantities.append(_Quantity(m.start(), m.end(), _as_count(value), m.group("measure")))
    if " of th" in text:
        # "order me jianbing, 2 of them": a count said after its dish (not some of those already counted: "three
        # americanos, one of them iced", "5 milk teas, 3 of them light sugar")
        for m in _N_OF_THEM.finditer(text):
            if any(q.end <= m.start() for q in quantities):
                continue
            quantities = [q for q in quantities if not m.start() <= q.start < m.end()]
            quantities.append(_Quantity(m.start(), m.end(), _as_count(parse_number(m.group(1))), None, trailing=True))
    if "x" in text or "×" in text or "*" in text:
        for regex, trailing in ((_TIMES_COUNT, True), (_COUNT_TIMES, False)):
            for m in regex.finditer(text):
                # the 2 of x2 or 2x: no count of its own
                quantities = [q for q in quantities if not m.start() <= q.start < m.end()]
                unit = m.group("unit") if trailing else None  # (矿泉水 ×2箱: the measure after it)
                quantities.append(_Quantity(m.start(), m.end(), _as_count(int(m.group(1))), unit, trailing=trailing))
    quantities.sort(key=lambda q: q.start)
    # 一袋五公斤的大米, 一袋10斤的, 一箱十斤装: right after a count, the size of what is counted, no count of its own.
    return [
        q for i, q in enumerate(quantities)
        if not (i and quantities[i - 1].end == q.start and _SIZE_AFTER_COUNT.match(text, q.end))
    ]


# Between a dish and its count said after it: spaces, and a verb (速冻饺子来三袋 汤圆两袋, 香蕉买一把 苹果买三个).
_BEFORE_A_COUNT_AFTER = compiled(r" *(?:(?:再|各)?(?:来|买|要|拿) *)?")


def _where_its_count_starts(text: str, position: int) -> int:
    """Where a count said right after a dish ending at `position` would start."""
    return _BEFORE_A_COUNT_AFTER.match(text, position).end()  # type: ignore[union-attr]


def _counted_after_each(reading: _Reading, names: list[NameMention]) -> bool:
    """麻辣小龙虾两份蒜蓉小龙虾一份，啤酒来一打: each dish of a list but the last counted right after it, none
    before the first, so a count between two dishes is the one before's."""
    if len(names) < 2 or len({n.entry.key for n in names}) < len(names):
        return False  # (蜂蜜来一罐 要土蜂蜜: one dish said twice, no list)
    starts = {q.start: q for q in reading.quantities if q.unit is not None or q.stands_alone}
    return all(_where_its_count_starts(reading.text, n.end) in starts for n in names[:-1]) and not any(
        q.end <= names[0].start for q in reading.quantities
    )


def _as_count(value: float | None) -> int | None:
    if value is None or value <= 0:
        return None
    return min(max(round(value), 1), MAX_QUANTITY)


def _with_modifier(text: str, original: str, anchor: int, name: NameMention) -> str:
    """The dish as said, with the modifier before a catalogue name: 一杯芒果奶茶 -> 芒果奶茶.

    Noun phrases end in their head, so the catalogue word is the head and the free words
    right before it (after the quantity or verb) are the person's own kind of it.
    """
    if name.said.isascii():
        # The one or two free words right before the name, back to a verb or a word that starts no dish
        # name: "the kids want margherita pizza" -> "margherita pizza".
        modifiers: list[str] = []
        said_before = text[anchor : name.start].split()
        if said_before and _BRAND_IN_ENGLISH.fullmatch(said_before[-1]) and _COUNTED_IN_ENGLISH_BEFORE.search(
            text, 0, name.start - len(said_before[-1]) - 1
        ):
            return f"{said_before[-1]} {name.said}"  # a Chinese brand's product: "2 boxes of 蒙牛 milk", "燕京 beer"
        for word in reversed(said_before):
            if (
                len(modifiers) == 2
                or not _EN_WORD.fullmatch(word)
                or word in EN_NOUN_STOP_WORDS
                or word in _EN_NOT_A_NOUN_START
                or word in _EN_DETERMINERS
                or EN_ORDER_VERBS.fullmatch(word)
            ):
                break
            modifiers.insert(0, word)
        return " ".join([*modifiers, name.said])
    start = name.start
    while start > anchor and name.start - start < MAX_PREFIX_CHARS:
        ch = text[start - 1]
        if not _HAN.match(ch) or ch in NOUN_STOP_CHARS or ch in _NUMERAL_CHARS or ch in _NO_MODIFIER_CHARS:
            break
        start -= 1
    if start == name.start:
        return name.said
    before = text[start - 1] if start > 0 else ""
    if (
        start > anchor
        and _HAN.match(before)
        and before not in NOUN_STOP_CHARS
        and before not in _NUMERAL_CHARS
        and before not in _NO_MODIFIER_CHARS
    ):
        return name.said  # the run goes on further back: a clause, not a modifier
    if any(text[start:].startswith(w) for w in NOUN_STOP_WORDS):
        return name.said
    if text.startswith(_SWAP_VERBS, start):
        start += 2  # 柠檬水不要了，换成珍珠奶茶: the verb of a swap is no kind of the dish
    return original[start : name.start] + name.said


_SWAP_VERBS = ("换成", "改成")
_BRAND_IN_ENGLISH = compiled(r"[\u4e00-\u9fff]{2,5}")
# ("a bottle of 冰峰 soda", "2 蒙牛 milks"; not 帮我买 bananas, lunch 想吃 braised chicken rice, 雪碧 ok)
_COUNTED_IN_ENGLISH_BEFORE = compiled(r"(?:\bof|\ban?|[0-9]) $")
_NO_MODIFIER_CHARS = "的些种"  # (芒果的 ends what is said of it; 一些, 买些: "some"; 哪种: which; no kind of it)


def _scan_noun(
    text: str, original: str, position: int, quantity_starts: frozenset[int]
) -> tuple[str, int, int, str | None] | None:
    """The noun phrase starting at `position` (after options, a price limit and 的), or None;
    with the shop said before 的 (喜茶的多肉葡萄, McDonald's的巨无霸套餐) as its owner.

    A quantity ends the phrase: 点两杯奶茶 is read from 两杯, not from 点.
    """
    n = len(text)
    while position < n and (text[position] in " 的" or text[position] in (OPTION_MARK, BUDGET_MARK)):
        position += 1
    if (size := _A_SIZE_IN_INCHES.match(text, position)) is not None:
        position = size.end()  # 订个6寸的蛋糕: how big, no part of its name
    if position < n and text[position] == ITEM_MARK:
        # 一份老街小馆的红烧肉饭: a shop the catalogue knows, then 的, then its dish the catalogue lacks.
        shop_end = position
        while shop_end < n and text[shop_end] == ITEM_MARK:
            shop_end += 1
        if text.startswith("的", shop_end) and shop_end + 1 < n and _HAN.match(text[shop_end + 1]):
            return _scan_han_noun(text, original, shop_end + 1, quantity_starts, original[position:shop_end])
    if position >= n or text[position] in MARKS or position in quantity_starts:
        return None
    if _HAN.match(text[position]):
        if _NO_NOUN_AFTER_A_COUNT.match(text, position):
            return None  # 可乐三杯都去冰, 四杯，其中两杯少糖: what is said of the count, no dish
        found = _scan_han_noun(text, original, position, quantity_starts, None)
        if (
            found is not None
            and text.startswith(" ", found[2])
            and _EN_WORD.match(text, found[2] + 1)
            and _COUNTED_IN_ENGLISH_BEFORE.search(text, 0, position)
        ):
            # A Chinese brand in English, then the product: "2 boxes of 五芳斋 zongzi", "a tin of 飞鹤 formula".
            words, end = _en_words(text, found[2] + 1, quantity_starts)
            if words and not EN_ORDER_VERBS.fullmatch(words[0]) and words[0] not in _EN_NOT_A_NOUN_START:
                return f"{found[0]} {' '.join(words)}", found[1], end, found[3]
        return found
    words, end = _en_words(text, position, quantity_starts)
    if (
        not words
        or EN_ORDER_VERBS.fullmatch(words[0])
        or (words[0] in _EN_NOT_A_NOUN_START | _EN_NOT_A_DISH and not (words[0] == "family" and words[1:]))
    ):
        return None  # (but "a family bucket", "a family pack": a size of dish)
    if words[-1] in ("order", "orders") or (len(words) == 1 and words[0] in _EN_WHO_IT_IS_FOR):
        return None  # "a grocery order for Wednesday", "a lunch order"; "for me and my two roommates"
    if text[end : end + 2].lstrip().startswith(ITEM_MARK):
        return None  # "fresh strawberries": a modifier of a catalogue name, read with that name
    if text.startswith("的", end) and end + 1 < n and _HAN.match(text[end + 1]):
        # A brand in Latin letters owning a dish said in Chinese: McDonald's的巨无霸套餐.
        found = _scan_han_noun(text, original, end + 1, quantity_starts, original[position:end])
        if found is not None:
            return found
    return " ".join(words), position, end, None


def _en_words(text: str, position: int, quantity_starts: frozenset[int]) -> tuple[list[str], int]:
    """The English words of a noun phrase from `position`, and where they end (a count or a stop word ends them)."""
    words: list[str] = []
    end = position
    for m in _EN_WORD.finditer(text, position):
        if (
            text[end : m.start()].strip()
            or m.start() in quantity_starts
            or m.group(0) in EN_NOUN_STOP_WORDS
            or len(words) >= MAX_OPEN_NOUN_WORDS
        ):
            break
        words.append(m.group(0))
        end = m.end()
    return words, end


# How one of the dishes is made is no dish: 两碗麻辣烫，一碗不要辣; 一份微辣一份不辣 (份微辣的酸辣粉 is the dish).
_HOW_IT_IS_MADE = compiled(r"(?:不要|不加|[不微中特免少多加]辣)(?!的)")


def _count_pointed_at(text: str, named: list[_ItemDraft]) -> None:
    """The count a catalogue dish of an order already made is pointed at with: 那两份麻辣烫 is two."""
    for m in _POINTED_AT_A_DISH.finditer(text):
        if m.group(1) and (dish := next((d for d in named if d.start == m.end()), None)) is not None:
            count = parse_number(m.group(1))
            dish.quantity = int(count) if count else None


def _pointed_at_dishes(reading: _Reading, domain: str, asked_at: list[int]) -> list[_ItemDraft]:
    """The dishes the catalogue lacks that an order asked after or called off is pointed at by (那四份盖浇饭), each
    ending before the words that ask after or call off (`asked_at`: where they start)."""
    text, original = reading.text, reading.masked.original
    drafts = []
    for m in _POINTED_AT_A_DISH.finditer(text):
        end = min((at for at in asked_at if at > m.end()), default=len(text))
        found = _scan_han_noun(text[:end], original[:end], m.end(), frozenset(), None)
        if found is None:
            continue
        noun, start, end, _ = found
        if (after := _SAID_OF_IT_AFTER.search(noun, 2)) is not None:
            # (那碗牛肉面都过去四十分钟了, 那份麻辣香锅商家接单了吗)
            noun, end = noun[: after.start()], start + after.start()
        if len(noun) < 2 or _NO_DISH_POINTED_AT.fullmatch(noun):
            continue
        quantity = parse_number(m.group(1)) if m.group(1) else None
        drafts.append(_ItemDraft(start, end, noun, domain, None, quantity=int(quantity) if quantity else None))
    return drafts


def _scan_han_noun(
    text: str, original: str, position: int, quantity_starts: frozenset[int], owner: str | None
) -> tuple[str, int, int, str | None] | None:
    n = len(text)
    if (lead := _BEFORE_A_DISH_ZH.match(text, position)) is not None:
        position = lead.end()
    end = position
    while end < n and end - position < MAX_OPEN_NOUN_CHARS:
        ch = text[end]
        if (
            not _HAN.match(ch)
            or (ch in NOUN_STOP_CHARS and not (ch == "吃" and text.startswith("小吃的", end - 1)))  # (沙县小吃的拌面)
            or end in quantity_starts
            or any(text.startswith(w, end) for w in NOUN_STOP_WORDS)
            or (ch in "不微中特免少多加" and _HOW_IT_IS_MADE.match(text, end))
        ):
            break
        end += 1
    if end == position or (end < n and text[end] == ITEM_MARK):
        return None  # a modifier of a catalogue dish, read with that dish
    noun = original[position:end]
    if (same := _THE_SAME_ZH.match(noun)) is not None:
        return _SAME_AGAIN, position, position + same.end(), owner  # 再来一杯一样的, 同款: the dish said before
    while noun.endswith("的") and len(noun) > 1:  # 有没有卖煲仔饭的: the noun before the closing 的
        noun, end = noun[:-1], end - 1
    if "的" in noun:
        cut = noun.rindex("的") + 1
        before = noun[: cut - 1]
        if owner is None:
            owner = _shop_owner(before)
        noun, position = noun[cut:], position + cut
    return (noun, position, end, owner) if noun and noun not in _NO_DISH_WORDS else None


_A_SIZE_IN_INCHES = compiled(r"[\d一二两三四五六七八九十]{1,2}\s*(?:英寸|寸)的?")
# Said before the dish and no part of it: some of it (买一些水果), how it should be (点个便宜点的盖浇饭).
_BEFORE_A_DISH_ZH = compiled(r"一?些|便宜点的|便宜的|实惠点?的")


# Another of the dish said before, made as said after it: 再要一杯一样的但是去冰, 再来一杯同款但是要热的.
_SAME_AGAIN = "一样的"
_THE_SAME_ZH = compiled(r"(?:一模一样|一样|同款|同样)的?")


_SAME_AGAIN_EN = compiled(
    r"\b(?:(another|one more|1 more)(?: one)?(?: of)? the same|(?:the )?same again|same thing again)\b"
)
# The dish said before, made another way: "a large iced latte for me and a small hot one for my mum", "one iced
# americano and a hot one".
_ANOTHER_ONE = compiled(
    # (after "and": "a watermelon, a big one" and "make it a small one" describe the dish itself)
    rf"\b(?:and|plus)\s+(?P<count>a|an|another|{EN_NUMBER})\s+(?:{OPTION_MARK}+\s+)+ones?\b"
)
# "a brown sugar bubble tea the same way": made as the dish before it.
_MADE_THE_SAME_WAY = compiled(r"\s*(?:made\s+)?the same way\b|\s*同样的做法|\s*做法一样")


def _the_same_again(drafts: list[_ItemDraft], text: str) -> list[_ItemDraft]:
    """Each 一样的 takes the name and the options of the dish said before it (its own options first); a dish
    made "the same way" takes that dish's options."""
    result: list[_ItemDraft] = []
    for draft in drafts:
        if draft.name != _SAME_AGAIN:
            if result and _MADE_THE_SAME_WAY.match(text, draft.end):
                draft.options = {**result[-1].options, **draft.options}
            result.append(draft)
        elif result:
            before = result[-1]
            draft.name, draft.entry, draft.owner = before.name, before.entry, before.owner
            draft.quantity, draft.unit = draft.quantity or before.quantity, draft.unit or before.unit
            draft.options = {**before.options, **draft.options}
            result.append(draft)
    return result


# A question, "anything" or an exclamation is no dish: 今天能帮我做点什么, 帮我点个什么吃的都行, 来一杯 绝绝子.
_NO_DISH_WORDS = frozenset({"什么", "啥", "啥子", "哪些", "哪个", "多少", "几", "几个", "都行", "都可以", "随便"}) | {
    "绝绝子", "救命", "冲冲冲", "安排上", "啊啊啊", "哈哈哈", "呜呜呜", "好耶"
}
_NO_DISH_WORDS |= {"也", "也是", "还是", "也要"}  # 鸡翅换成虾仁，也是一斤; 另一杯也少糖: the one said before
_NO_DISH_WORDS |= {"所以", "剩下", "剩下的", "其余", "其余的", "其他", "其他的"}  # 一人一份，所以四份; 剩下三杯去冰
_NO_DISH_WORDS |= {"多少钱", "几块钱", "钱", "什么价", "啥价"}  # 苹果一斤多少钱, 西瓜几块钱一斤: the price asked
# 回来吃饭, 吃顿饭: a meal had, no dish; 吃不了多少, 便宜点的, 速冻的, 囤点货: how or how much, no dish
_NO_DISH_WORDS |= {"饭", "顿饭", "不", "便宜", "速冻", "货"}
_NO_DISH_WORDS |= {"楼", "层", "栋", "号楼", "单元", "室"}  # 送到7楼: where it goes
_NO_DISH_WORDS |= {"小时", "分钟", "钟头", "不够"}  # 点了快一个小时了: how long; 一份不够，来两份: too few
_NO_DISH_WORDS |= {"分量", "份量", "量"}  # 两个人的分量: how much of the dish, for how many
# 下单一杯: the ordering; 还差几块满减: the discount; 餐具两份: the cutlery; 适合四个人吃的: for how many; 有的话帮我
# 买一只: if so
_NO_DISH_WORDS |= {"下单", "满减", "餐具", "适合", "话"}


def _owner_before(text: str, original: str, anchor: int, start: int) -> str | None:
    """The shop said before a catalogue dish: 来一杯瑞幸咖啡的生椰拿铁 -> 瑞幸咖啡, 帮我点瑞幸的冰美式 -> 瑞幸
    (see _scan_han_noun)."""
    while start > anchor and text[start - 1] == OPTION_MARK:
        start -= 1  # 瑞幸的冰美式: the option said between the shop and the dish
    if start - anchor < 3 or text[start - 1] != "的":
        return None
    if (latin := _LATIN_NAME_BEFORE.search(text, anchor, start - 1)) is not None:
        return original[latin.start() : latin.end()]  # a brand in Latin letters: 帮我点杯coco的奶茶, Manner的燕麦拿铁
    # The shop's name starts after the verb or count before it: 帮我点|瑞幸, 查一下|星巴克, 两杯|茶百道.
    begins = start - 1
    while begins > anchor and (
        (_HAN.match(ch := text[begins - 1]) and ch not in _BEFORE_A_SHOP) or ch in _MARKS_IN_A_NAME
    ):
        begins -= 1
    while begins < start - 1 and text[begins] in _MARKS_IN_A_NAME:
        begins += 1  # (上海的小笼包: a place's name alone is no shop; 蜜雪冰城的 holds 冰城 after its own characters)
    before = text[begins : start - 1]
    if (begins == anchor and len(before) > MAX_OPEN_NOUN_CHARS) or _NUMERAL_CHARS.issuperset(before[:-1]):
        return None  # (五百克的牛肉: a weight)
    return original[begins : start - 1] if _shop_owner(before) else None


def _a_kind_of_dish_en(word: str) -> bool:
    return word in FOOD.noun_words_en or word in DISH_HEADS_EN or word.rstrip("s") in DISH_HEADS_EN


_WHERE_IT_IS_GOT_EN = SHOP_WORDS_EN | {"cafe", "café", "caf", "cafes", "hotel", "hotels", "supermarket", "market"}


def _without_shop_word(noun: str) -> str:
    """A shop named by its dish is the dish being looked for: 螺蛳粉店 -> 螺蛳粉, "sushi places" -> sushi."""
    if noun.isascii():
        words = noun.split()
        if len(words) > 1 and words[-1] in SHOP_WORDS_EN:
            return " ".join(words[:-1])
        return noun
    if len(noun) > 2 and noun.endswith(SHOP_SUFFIX_ZH):
        return noun[:-1]
    return noun


# Marks of slots read elsewhere (times, budget, places, titles): a shop's name holds none of them.
MARKS_NOT_IN_A_NAME = frozenset(MARKS) - {ITEM_MARK, OPTION_MARK}


def _ordered_at(masked: MaskedText) -> str | None:
    """The merchant of 在肯德基点…, as said; None when the place is no shop's name (在楼下买)."""
    text = masked.current
    if "from" in text or "at " in text:
        # Read from the text as said: a shop's name may hold a catalogue word (Burger King).
        m = _EN_ORDERED_FROM.search(masked.original)
        if m is not None and not _NOT_A_SHOP_EN.search(m.group(1)) and MARKS_NOT_IN_A_NAME.isdisjoint(
            text[m.start(1) : m.end(1)]
        ):
            return m.group(1)
    asked_after = (
        (SHOP_ASKED_AFTER_EN.search(masked.original) or SHOP_ASKED_AFTER_ZH.search(text))
        if SHOP_QUESTION_HINT.search(text)
        else None
    )
    if asked_after is not None and MARKS_NOT_IN_A_NAME.isdisjoint(text[asked_after.start(1) : asked_after.end(1)]):
        return masked.original[asked_after.start(1) : asked_after.end(1)]
    if "from" in text and (m := _EN_FROM_A_CHINESE_SHOP.search(text)) is not None:
        return m.group(1)
    if "order" in text or "delivery" in text or "外卖" in text:
        m = _EN_SHOPS_ORDER.search(masked.original)
        if m is not None and MARKS_NOT_IN_A_NAME.isdisjoint(said := text[m.start(1) : m.end(1)]) and (
            said.strip(ITEM_MARK + " ")  # (a dish the catalogue knows, whole, is no shop: "my latte order")
            and not _a_kind_of_dish_en(said.split()[-1])  # (nor a kind of dish: "my coffee order", "my sushi order")
        ):
            return m.group(1)
    if (
        (whose := _A_SHOPS_ORDER_ZH.search(text)) is not None
        and (owner := _owner_before(text, masked.original, 0, whose.end(1)))
        and not text.endswith("卖", 0, whose.start(1) - len(owner))  # (有没有卖螺蛳粉的外卖: what is sold)
        and not _NOT_A_MERCHANT.search(owner)
        and not _SHOP_KIND.search(owner)  # (取消超市的订单: a shop's kind)
    ):
        return owner  # 取消刚才那个麦当劳的订单, 帮我点海底捞的外卖: the order is that shop's
    if ("的" in text or "那" in text) and (after := _SHOP_SAID_AFTER.search(text)) is not None:
        said = after.group(1)
        if (
            said.strip(PLACE_MARK)
            and not said.endswith("的")  # (鸭屎香的那个: the flavour's one)
            and not _SHOP_KIND.search(said)  # (超市那个: a shop's kind)
            and (_shop_owner(said) or said.endswith(SHOP_SUFFIX_ZH))
        ):
            return masked.original[after.start(1) : after.end(1)]  # 鸭血粉丝汤 南京大牌档的, 要华莱士的
    if "单" in text and (that := _THAT_SHOPS_ORDER_ZH.search(text)) is not None:
        said = that.group(that.lastindex or 1)
        if not _NOT_A_MERCHANT.search(said) and not _SHOP_KIND.search(said) and not _GOODS_OF_AN_ORDER.search(said):
            return masked.original[that.start(that.lastindex or 1) : that.end(that.lastindex or 1)]
    m = _ORDERED_AT.search(text) if "在" in text or "从" in text or "去" in text else None
    if m is not None and ITEM_MARK in m.group(1) and not m.group(1).endswith(SHOP_SUFFIX_ZH):
        m = None  # (a dish in a shop's name ends with the shop's word, 老王饺子馆; 从超市送一箱可口可乐过来 names none)
    if m is None:
        m = _SHOP_FIRST.match(text)
    if m is None and ("楼" in text or "隔壁" in text or "对面" in text or "门口" in text):
        m = _SHOP_NEARBY.search(text)
        if m is not None and (
            (_FOR_PEOPLE.search(m.group(1)) and not m.group(1).endswith(SHOP_SUFFIX_ZH))  # (老王面馆 is a shop)
            or not _SENT_OR_GIVEN.isdisjoint(text[max(0, m.start() - 6) : m.start()])
        ):
            m = None
    if (
        m is None
        and (m := _SHOP_THEN_A_SPACE.match(text)) is not None
        and m.group(1)[-1] in FOOD.noun_heads_zh
        and not _ANOTHER_DISH_COUNTED.match(text, m.end())
    ):
        m = None  # 酸辣粉 两份: a dish named first, not a shop (喜茶 一杯多肉葡萄 is: another dish is counted)
    if m is None or _NOT_A_MERCHANT.search(said := m.group(1)) or _SHOP_KIND.search(said):
        return None
    return masked.original[m.start(1) : m.end(1)]


_A_PLAZA_AFTER = compiled(r"\s?(?:广场|plaza\b)")
# What a chain named by an amount (一点点) says after these words: how much.
_SAYS_HOW_MUCH = frozenset("辣甜咸淡酸多少放加冰热快慢稍")


# English words spelt as pinyin is, said after a product ("tea", "can you…"): no more of its Chinese name.
_ENGLISH_LIKE_PINYIN = frozenset({"can", "man", "long", "she", "pie", "tea", "ban", "hen", "pan", "tie", "die", "pin"})


def _more_pinyin_after(text: str, end: int, mentions: list[NameMention], dropped: set[int]) -> bool:
    """Whether a word of pinyin follows a name right after a space, one the catalogue does not name or that is
    itself the first words of a dish (xihongshi jidan tang)."""
    if not text.startswith(" ", end):
        return False
    if any(m.start == end + 1 for m in mentions):
        return end + 1 in dropped
    after = _EN_WORD.match(text, end + 1)
    word = after.group(0) if after else ""
    return (
        len(word) >= 3
        and is_pinyin(word)
        and word not in _ENGLISH_LIKE_PINYIN
        and word not in FOOD.noun_words_en
        and word not in GROCERY.noun_words_en
        and word not in EN_NOUN_STOP_WORDS
    )


def _part_of_a_dish(text: str, mention: NameMention, mentions: list[NameMention], dropped: set[int]) -> bool:
    """Whether a catalogue name is only part of what is ordered, so not an item of its own:
    the filling or flavour of a dish (猪肉白菜馅的), a product a dish is made of (牛肉面, "beef
    noodles"), cooked (红烧牛肉, "hot chocolate") or served by the cup or bowl (一杯牛奶), or what a
    drink is made "with" (with oat milk); or a chain's name only part of a place's (万达广场). The lexicon asks
    right to left (see Lexicon.find)."""
    entry = mention.entry
    if "city" in entry.kinds and not entry.is_item:
        return _city_of_a_dish(text, mention, mentions, dropped) or _city_of_a_chinese_name_in_english(text, mention)
    if "merchant" in entry.kinds and _A_PLAZA_AFTER.match(text, mention.end):
        return True  # 万达广场, "Wanda Plaza": a mall named after the chain, a place
    if (
        "merchant" in entry.kinds
        and mention.said[0] in _NUMERALS_ALONE
        and text[mention.start - 1 : mention.start] in _SAYS_HOW_MUCH
    ):
        return True  # 辣一点点, 少放一点点: how much, not the chain 一点点
    if not entry.is_item or "merchant" in entry.kinds:
        return False
    start, end = mention.start, mention.end
    if end in dropped:
        return True  # glued to a name already left out: 猪肉 of 猪肉白菜馅
    if not entry.key.isascii() and mention.said.isascii() and _more_pinyin_after(text, end, mentions, dropped):
        return True  # "jidan chaofan", "cha ye dan": a product spelt in pinyin, the first words of a dish's name
    if _LEFT_OUT_BEFORE.search(text, max(0, start - 12), start):
        return True  # 不要洋葱, "no onions": what the dish comes without
    latin = mention.said.isascii()
    if latin:
        after = _EN_WORD.match(text, end + 1) if text.startswith(" ", end) else None
        next_word = after.group(0) if after else ""
        if next_word and next_word not in EN_NOUN_STOP_WORDS and text.endswith("from ", 0, start):
            return True  # the first word of a shop's name: "from Burger King", "from Pizza Hut"
    else:
        next_word = text[end : end + 1]
    if next_word == "馅" and _WEIGHED_BEFORE.search(text, max(0, start - 4), start):
        return False  # a filling weighed or bagged is itself bought: 十斤猪肉馅
    # A filling or a flavour of the dish ordered; or the name of a festival ("the Lantern Festival").
    if next_word in ("馅", "味", "flavor", "flavour", "flavored", "flavoured", "filling", "festival"):
        return True
    if entry.domains != {"grocery"}:
        return False  # a dish after "with" is a side ("a burger with fries"), an item of its own
    with_word = WITH_BEFORE.search(text, max(0, start - 24), start) if start and ("w" in text or "换" in text) else None
    if with_word is not None and any(m.start < start for m in mentions):
        counted = with_word.group(0).split()
        if not (len(counted) > 1 and (counted[1] in EN_NUMBER_WORDS or counted[1].isdigit())):
            return True  # a product "with" a dish goes into it: "a latte with oat milk"
    if next_word in (DISH_HEADS_EN if latin else DISH_HEADS_ZH) or (
        not latin and (text.startswith(DISH_HEAD_WORDS_ZH, end) or _dish_run_after(text, end))
    ):
        return True
    if (
        latin
        and any(m.start == end + 1 and m.entry.is_item and m.entry.domains == {"food"} for m in mentions)
        and not _IN_PACKETS_BEFORE.search(text, 0, start)
    ):
        return True  # "a chocolate croissant": the kind of the restaurant's dish named right after it
    if not latin and _CUP_AFTER.match(text, end):
        return True  # 多肉葡萄来一杯: counted by the cup, a drink made of it
    if not latin and _COOKED_AFTER.match(text, end):
        return True  # 猪肉炖粉条, 鸡蛋炒西红柿: cooked with what follows, a dish
    before = text[max(0, start - 16) : start]
    if (COOKED_BEFORE_EN if latin else COOKED_BEFORE_ZH).search(before):
        return True
    # Served by the cup or bowl, with its own modifiers between: 一杯热牛奶, 点杯喜茶的多肉葡萄.
    i = len(before)
    while True:
        if SERVED_BEFORE.search(before, 0, i) is not None:
            return True
        if i == 0 or len(before) - i >= 6 or not _HAN.match(before[i - 1]) or before[i - 1] in NOUN_STOP_CHARS:
            return False
        i -= 1


# A bare English count after its verb: "pepperoni pizza, get two please".
_EN_COUNT_VERB_BEFORE = compiled(r"\b(?:get|order|want|take|bring|grab|make it|make that)\s+(?:me\s+|us\s+)?$")
# Between a dish and the count said after it: 奶茶来两杯, 酸菜鱼再来一份, 饺子各要一份.
# (砂糖橘也来一箱, 华莱士全家桶帮我点一个)
_COUNT_VERB_BEFORE = compiled(r"也?(?:再|各|给我|帮我)?(?:来|要|点|订|买)\s*$")
# After a count said last in its phrase: punctuation, a slot already read, a joining word, or the end.
_PHRASE_END = compiled(
    rf"\s*(?:$|[,，。.!！?？;；、~+&/|\ue001-\ue007]|{AFTER_A_COUNT_EN}|和|再|还|谢谢|吧|啊|呀|[（(])"
    r"|\s+(?=[\u4e00-\u9fff\ue000])"
)


def _named_as_a_dish(rules: DomainRules, name: str) -> bool:
    """"a hot chocolate", "four coffees", "dandan mian": named as this domain names its dishes, or cooked."""
    head = name.split()[-1]
    singular = head[:-2] if head.endswith("es") and head[:-2] in rules.noun_words_en else head.rstrip("s")
    return (
        head in rules.noun_words_en
        or singular in rules.noun_words_en
        or _COOKED_START.match(name) is not None
        or (rules.domain == "food" and pinyin_says_a_dish(name))
    )


def _served(rules: DomainRules, draft: _ItemDraft) -> bool:
    """一份螺蛳粉, 两碗牛肉面, 两个鸡蛋灌饼: a dish the catalogue lacks, counted by the plate or bowl and named as
    dishes end, is ordered (一份工作, 一杯敬明天 are not: no dish ends so)."""
    # (by the piece too where the name ends as a dish does: 两个鸡蛋灌饼; 两个人 is no dish)
    return (draft.unit in rules.measures or draft.unit == "个") and draft.name[-1:] in rules.noun_heads_zh


def _a_shopping_list(drafts: list[_ItemDraft], reading: _Reading) -> bool:
    """Things the catalogue sells and nothing else, two or more or with a budget, are an order: a list typed to a
    shopping assistant ("牛奶 / 面包 / 鸡蛋", "latte, max ¥25"); one thing alone (奶茶) may be anything."""
    return (
        (len(drafts) >= 2 or reading.budget is not None)
        and all(d.entry is not None for d in drafts)
        and _NOTHING_BUT_A_LIST.fullmatch(reading.text) is not None
    )


def _ends_a_phrase(text: str, position: int) -> bool:
    return _PHRASE_END.match(text, position) is not None


_A_DISH_NEXT = compiled(rf"\s+{ITEM_MARK}")


_BETWEEN_A_DISH_AND_ITS_COUNT = " " + OPTION_MARK
# Words around a count that say which of them or how many in all, no dish: 三杯都去冰, 其中两杯, 另外两杯, 一共两张.
_NO_NOUN_AFTER_A_COUNT = compiled(r"都|其中|另外|一共|总共|是我的|给我|给他|给她|也是|也|还是|所以|剩下|其余|其他")


def _counts_the_noun_before(text: str, quantity: _Quantity, shops: dict[int, int]) -> bool:
    """火锅底料一包 肥牛卷一斤, "red envelopes 3 packs + …": a count between a noun and the end of its phrase counts
    that noun, not the next; not a shop's name (`shops`: where each starts and ends): Starbucks 一杯 venti 的…."""
    before = text[quantity.start - 1] if quantity.start else ""
    said_before = text[: quantity.start].rstrip(_BETWEEN_A_DISH_AND_ITS_COUNT)
    if shops and len(said_before) in shops.values():
        return False
    noun_before = (
        before == ITEM_MARK
        or (bool(_HAN.match(before)) and before not in NOUN_STOP_CHARS)
        # 生椰拿铁 冰 x2: what the dish is like may come between it and its count
        or (before != "" and before in _BETWEEN_A_DISH_AND_ITS_COUNT and said_before.endswith(ITEM_MARK))
    )
    if quantity.unit is None and not quantity.trailing and _A_DISH_NEXT.match(text, quantity.end):
        return False  # "order from Morning Light Coffee two cappuccinos": a bare number counts the dish after it
    if said_before.endswith(("每人", "一人", "人手", "每个人")) or _SAID_FOR_SOMEONE.search(said_before):
        return False  # 每人一杯小杯橙汁, 王总一杯大杯多肉葡萄: each one's count of the dish after it
    return noun_before and _ends_a_phrase(text, quantity.end)


# Said right before a product the dish is to come without: 不要洋葱, 别放香菜, "no onions", "hold the cheese".
_LEFT_OUT_BEFORE = compiled(
    r"(?:不要|不加|不放|别放|别加|去掉|(?<![a-z])(?:no|without|hold the))\s*$"
    r"|(?:多放|多加|少放|少加)点?\s*$"  # 多放点香菜: how the dish comes, no item of its own
)
# Who a dish is for, no dish: 两个人吃, 三人份.
_PEOPLE_NOUNS = frozenset({"人", "人份", "位", "个人", "ppl", "people", "pax", "person", "persons", "guests"})
# What people at work are called after their surname: 张总, 李姐, 王经理.
_TITLES = "总|总监|经理|主任|老师|老板|姐|哥|阿姨|师傅|工|助|秘"
# Words that start with a measure word's character and count nothing: 提醒, 包括, 客户, 张总 (张 is a surname).
_WORD_STARTING_WITH_A_MEASURE = compiled(
    r"提(?:醒|前|供|交|到|议)|包(?:括|含)|客(?:户|人)|位(?:置|于)|只(?:是|有|要)|条(?:件)|份(?:额)"
    rf"|张(?:{_TITLES})"
)
# Who a dish is for, not a dish: 同事, 工作人员每人, 一人 (一人一杯).
_PEOPLE_WORDS = (
    r"同事|客户|员工|工作人员|人员|小伙伴|朋友|同学|小朋友|孩子|家人|领导|老板|室友|舍友|闺蜜|主子|小姑娘|姑娘|小伙子"
    r"|学生|老太太|老头|大爷|大妈|打工人|社畜"  # (who the one asking is: 穷学生一枚, 一个人住的老太太)
)
_EACH_ONE = r"每人|每个人|一人|人手"
# Family, whom one orders for: 我妈要中杯去冰的, 爸妈两杯无糖, 给我姐也来一杯 (never a dish).
_FAMILY_WORDS = (
    r"老公|老婆|媳妇|女朋友|男朋友|对象|爸爸|妈妈|爸妈|老爸|老妈|弟弟|妹妹|哥哥|姐姐|爷爷|奶奶|外公|外婆|姥姥|姥爷"
    r"|儿子|女儿|小孩|宝宝|岳父|岳母|婆婆|公公|老人|大人|爸|妈|弟|妹|哥|姐"
)
# People at work by surname and title, or as colleagues call each other: 张总, 李姐, 王经理, 小陈, 老王.
_SURNAMES = (
    "陈王李张刘杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏"
    "吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方邹孟熊秦邱江薛段雷侯龙史黎贺顾毛郝龚邵万钱严武戴孔汤"
)
_BY_SURNAME = rf"[{_SURNAMES}](?:{_TITLES})|[小老][{_SURNAMES}]"
# (老 before them is how long one has known them: 几个老姐妹, 老同事)
_FOR_PEOPLE = compiled(
    rf"[老穷]?(?:{_PEOPLE_WORDS}|{_FAMILY_WORDS}|姐妹|兄弟|伙计|邻居|战友|亲戚|客人|宾客)(?:{_EACH_ONE})?|{_EACH_ONE}"
    rf"|{_BY_SURNAME}"
)
_PEOPLE_AFTER = compiled(f"(?:{_PEOPLE_WORDS})(?!套餐|餐|饭)")  # (一份学生套餐 is a dish)
_SAID_FOR_SOMEONE = compiled(rf"(?:^|[\s，,：:；;、])(?:{_BY_SURNAME})$")
_EACH_CLAUSE_END = compiled(r"[，,。；;！!？?]|再|另外|还要|" + letter_led("and also|plus|then", then=r"\b"))
# How many are in the party, and the words that give each of them one: 我们办公室五个人，每人一杯…, "our team of
# four wants bubble teas, one each", "we're six people, each wants a plate of…".
_PARTY = compiled(
    rf"(?P<zh>(?>{ZH_NUMBER}))\s*(?:个人(?!份)|位|(?:个|名)?(?:{_PEOPLE_WORDS}))"
    rf"|(?:team|group|party|family) of (?P<of>{EN_NUMBER})\b"
    rf"|(?:we're|we are|there are|for) (?P<we>{EN_NUMBER}) (?:people|persons|of us)\b"
    rf"|\b(?P<us>{EN_NUMBER}) of us\b"  # "there's 7 of us", "four of us"
)
_PARTY_WORDS = ("个人", "位", *_PEOPLE_WORDS.split("|"), " of ", "people", "persons", "of us")  # in every _PARTY match
_EACH = compiled(r"每人|每个人|一人|人手|各|" + letter_led("each|apiece|per person|for everyone", then=r"\b"))


_GROCERY_ONLY_WORDS = GROCERY.noun_words_en - FOOD.noun_words_en


# (with how it is kept between: 三袋速冻水饺)
_IN_PACKETS_BEFORE = compiled(
    # (or its brand: 一箱维他柠檬茶)
    rf"[一两二三四五六七八九十几\d]\s*[{PACKETS_ZH}]\s*(?:速冻|冷冻|冰冻|袋装|盒装|瓶装|罐装|[\u4e00-\u9fff]{{1,4}})?\s*$"
    rf"|\b(?:{PACKETS_EN})\s+of\s+$"
)


def _bought_not_served(text: str) -> bool:
    """买两盒蓝莓, 买2瓶护发素: bought, with no word of a meal, no serving of one (买两杯奶茶) and, unless sold in
    packets (两包螺蛳粉), no dish said as dishes end (买个煎饼, 买个芒果慕斯蛋糕)."""
    return (
        "买" in text
        and FOOD.verbs.search(text) is None
        and FOOD_MEASURE_HINT.search(text) is None
        and (_PACKAGED.search(text) is not None or _ENDS_AS_A_DISH.search(text) is None)
    )


_PACKAGED = compiled(f"[{PACKETS_ZH}盒桶支把斤]")  # (sold in packets or by weight)
_ENDS_AS_A_DISH = compiled(f"[{''.join(sorted(FOOD.noun_heads_zh))}](?=$|[，,。！!？?；;\\s])")
_A_PACKET = compiled(f"[{PACKETS_ZH}]|(?:{PACKETS_EN})")


def _all_in_packets(reading: _Reading) -> bool:
    """来4瓶可乐和一袋冰块, "a case of Tsingtao and two bottles of Sprite": everything counted by the shop's packets
    (and nothing by the cup or bowl) is bought, not served."""
    return (
        bool(reading.quantities)
        and all(q.unit is not None and _A_PACKET.fullmatch(q.unit) for q in reading.quantities)
        and FOOD_MEASURE_HINT.search(reading.text) is None
    )


def _names_groceries_only(text: str) -> bool:
    """English product words and no dish words nor servings ("a cup of hot milk" is a restaurant's)."""
    said = _EN_WORD.findall(text)
    words = {*said, *(w.rstrip("s") for w in said)}
    said_groceries = not words.isdisjoint(_GROCERY_ONLY_WORDS) or GROCERY_MEASURE_HINT.search(text) is not None
    return said_groceries and words.isdisjoint(FOOD.noun_words_en) and FOOD_MEASURE_HINT.search(text) is None


_CUP_AFTER = compiled(r"(?:来|要)?[一两三四五六七八九十\d]+杯")
_RAN_OUT_OF = compiled(r"(?:没|没有|用完了?)\s*$")
_RAN_OUT_AFTER = compiled(r"\s*(?:又|快|都)?(?:没了|没有了|用完了|吃完了|喝完了)")  # 家里猫粮没了


def _what_ran_out_is_said_instead(drafts: list[_ItemDraft], text: str) -> list[_ItemDraft]:
    """家里没酱油了，帮我买一瓶生抽 (猫粮没了，买两袋猫粮): what ran out is the reason, the counted item the order
    (alone it is the order)."""
    if not any(d.quantity is not None for d in drafts):
        return drafts
    return [
        d for d in drafts
        if d.quantity is not None or not (_RAN_OUT_OF.search(text, 0, d.start) or _RAN_OUT_AFTER.match(text, d.end))
    ]


# Words for a kind of goods, not a thing to buy: 买点水果，三斤橙子 buys the oranges.
_KINDS_OF_GOODS = frozenset({"水果", "蔬菜", "零食", "饮料", "日用品", "生活用品", "fruit", "fruits", "veggies"}) | {
    "vegetables", "snacks", "drinks", "groceries"
}
# …and of dishes, said before the dishes counted: 整点烧烤，来三十个羊肉串 (附近有啥好吃的烧烤 looks for them).
_KINDS_OF_DISHES = frozenset({"烧烤", "海鲜", "甜品", "小吃"})


def _only_the_things_of_a_kind(drafts: list[_ItemDraft], text: str) -> list[_ItemDraft]:
    """我想买点水果，三斤橙子、两斤香蕉: the kind said, then things of it, orders the things (alone, the kind is);
    so does any dish named before a colon and a list (订咖啡：美式5杯，拿铁3杯; 奶茶来三杯：芋泥波波一杯、…)."""
    kinds = _KINDS_OF_GOODS | _KINDS_OF_DISHES if any(d.quantity is not None for d in drafts) else _KINDS_OF_GOODS
    things = [
        d for i, d in enumerate(drafts)
        # (a kind counted by its own measure is one of the things: 饮料三箱)
        if (d.name not in kinds or d.unit is not None)
        and not (i + 1 < len(drafts) and _LIST_AFTER.match(text, d.end))
    ]
    return things if things else drafts


# A dish or a kind said, then a colon and the list right after it: a dish the catalogue knows, or a count.
_LIST_AFTER = compiled(
    r"[^:，,。]{0,6}:\s*(?:[^:，,。]{0,4}?\ue000|[\d一两二三四五六七八九十俩仨]"
    r"|(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten)\b)"
)


_EACH_BEFORE = compiled(r"各\s*(?:来|要|买|拿|点|订)?\s*$")
_OF_EACH = compiled(rf"\b({EN_NUMBER}) of each\b")
_EACH_AFTER = compiled(r"\s*each\b")


def _counted_each(drafts: list[_ItemDraft], reading: _Reading) -> None:
    """年糕和汤圆各来两袋, 拿铁美式各一杯, "sausages, cured pork and rice cakes, two of each", "strawberries and
    cherries, 2 boxes each": a count said after 各, before "of each" or before "each" is each dish's before it
    that has none of its own."""
    if " of each" in reading.text:
        for m in _OF_EACH.finditer(reading.text):
            value = _as_count(parse_number(m.group(1)))
            for draft in drafts:
                if draft.end <= m.start() and draft.quantity is None:
                    draft.quantity = value
    if " each" in reading.text:
        for quantity in reading.quantities:
            if _EACH_AFTER.match(reading.text, quantity.end):
                for draft in drafts:
                    if draft.end <= quantity.start and draft.quantity is None:
                        draft.quantity, draft.unit = quantity.value, quantity.unit
    if "各" not in reading.text:
        return
    for quantity in reading.quantities:
        if not _EACH_BEFORE.search(reading.text, 0, quantity.start):
            continue
        for draft in drafts:
            if draft.end <= quantity.start and draft.quantity is None:
                draft.quantity, draft.unit = quantity.value, quantity.unit


# 一人一份，所以四份; 一共四杯; "so four in total": the whole count, said after the dish and its parts.
_WHOLE_COUNT_BEFORE = compiled(r"(?:所以|一共|总共|合计)\s*(?:是|要|就)?\s*$|\bso\s+$")


def _the_whole_count(drafts: list[_ItemDraft], reading: _Reading) -> None:
    if len(drafts) != 1:
        return
    text = reading.text
    for quantity in reading.quantities:
        people = text.startswith(("人", " people"), quantity.end)  # (一共三个人 counts who eats)
        whole = _WHOLE_COUNT_BEFORE.search(text, max(0, quantity.start - 5), quantity.start) is not None
        if quantity.value and whole and not people:
            drafts[0].quantity, drafts[0].unit = quantity.value, quantity.unit or drafts[0].unit


# A craving for a kind of food said before the order it leads to: 想喝咖啡了，帮我点一杯燕麦拿铁 (the coffee is the
# latte), 今晚想吃烧烤，帮我点20串羊肉串. (A dish craved is the order: 中午想吃黄焖鸡米饭了 帮我叫一份呗.)
_CRAVING = compiled(
    r"想(?:喝|吃)(?:点|个|杯|份|碗)?(咖啡|奶茶|火锅|甜品|甜点|烧烤|夜宵|饮料|果汁|水果|零食|小吃|炸鸡)了?[,，。\s]"
)
# …or a dish craved, then one of its kind ordered: 想吃汉堡，给点两个香辣鸡腿堡 (想吃汉堡，再来杯可乐 orders both).
_DISH_CRAVED = compiled(r"想(?:喝|吃)(?:点|个)?([\u4e00-\u9fff]{1,4}?)了?[,，。\s]")


def _without_the_craving(drafts: list[_ItemDraft], text: str, said: str) -> list[_ItemDraft]:
    """The dishes ordered, less a craving said before them (想喝咖啡了，帮我点一杯燕麦拿铁); `said`: the text as said
    (a dish the catalogue names is masked in `text`)."""
    m = _CRAVING.search(said)  # (as said: 奶茶, a name the catalogue knows, is masked in `text`)
    if m is None:
        m = _DISH_CRAVED.search(said)
        if m is None or not any(d.start >= m.end() and d.name.endswith(m.group(1)[-1]) for d in drafts):
            return drafts
    if not any(d.start >= m.end() for d in drafts):
        return drafts
    return [d for d in drafts if not m.start(1) <= d.start < m.end(1)]


def _without_the_story_before_the_asking(drafts: list[_ItemDraft], text: str) -> list[_ItemDraft]:
    """The dishes asked for after a comma and 帮我, less the uncounted ones of the story before it
    (家里的酱油醋都见底了，帮我买两瓶海天生抽; 过年吃得太油腻了，帮我买一箱简爱酸奶)."""
    asked = _ASKED_AFTER_A_COMMA.search(text)
    if asked is None or not any(d.start >= asked.end() and d.quantity is not None for d in drafts):
        return drafts
    return [d for d in drafts if d.start >= asked.start() or d.quantity is not None]


_ASKED_AFTER_A_COMMA = compiled(r"[,，]\s*(?:麻烦你?|请你?)?帮我")


# (and a table booked, which no provider here sells: 帮我订Haidilao的table)
_NO_DISH_EN = frozenset(
    {"day", "week", "month", "year", "time", "while", "moment", "minute", "second", "bit", "lot", "table", "tables"}
)
_NO_DISH_EN |= {"party", "old friend", "friend", "friends"}  # "it's for a party", "I'm meeting an old friend"
_NO_DISH_EN |= {"discount", "discounts", "deal", "deals", "offer", "offers"}  # "any discounts on eggs": on what
_NO_DISH_EN |= {"xs", "s", "m", "l", "xl", "xxl"}  # 纸尿裤还有没有L码的: a size
# "been an hour", "5 min ago", "around 200 yuan", "order them two bowls": how long, how much, for whom
_NO_DISH_EN |= {"hour", "hours", "min", "mins", "minutes"}
_NO_DISH_EN |= {"hour ago", "hours ago", "min ago", "mins ago", "minutes ago"}
_NO_DISH_EN |= {"yuan", "kuai", "rmb", "bucks", "them", "him", "her", "us"}


def _names_people(noun: str) -> bool:
    return noun in _PEOPLE_NOUNS or _FOR_PEOPLE.fullmatch(noun) is not None


def _one_for_each_person(drafts: list[_ItemDraft], text: str) -> None:
    """The dish given to each of a party counts once a person: 五个人，每人一杯生椰拿铁 is five of it."""
    if not drafts or not any(word in text for word in _PARTY_WORDS):
        return
    # The party is said before the word (五个人，每人一杯) or after it (一人一杯招牌奶茶，我们组8个人).
    parties = [
        (party, people)
        for party in _PARTY.finditer(text)
        if (people := _as_count(parse_number(
            party.group("zh") or party.group("of") or party.group("we") or party.group("us")
        )))
        and people > 1
    ]
    if not parties:
        return
    party, people = parties[0]
    eaches = list(_EACH.finditer(text, party.end())) or list(_EACH.finditer(text, 0, party.start()))[:1]
    for each in eaches:  # 每人一份黄焖鸡米饭，再每人一杯珍珠奶茶: each said again gives its own dishes
        # The dishes said after the word, up to the end of its clause (每人一个汉堡和一杯可乐, "each wants a plate
        # of X": each count is each one's; 每人一桶泡面，再来一大包薯片: the 薯片 is one), else the one before it
        # ("bubble teas, one each").
        clause_end = _EACH_CLAUSE_END.search(text, each.end())
        until = clause_end.start() if clause_end else len(text)
        after = [d for d in drafts if each.end() <= d.start < until]
        for dish in after:
            dish.quantity = min(people * (dish.quantity or 1), MAX_QUANTITY)
        if not after:
            max((d for d in drafts if d.start < each.start()), key=lambda d: d.start, default=drafts[-1]).quantity = (
                people
            )


# The last character of a dish's filling or flavour said on its own: 猪肉白菜馅(的), 草莓味(的).
_FILLING_ENDS = frozenset("馅味")


_MILK_OF_A_DRINK = compiled(rf"(?:{MILKS_EN})\s+milk$|(?:{MILKS_ZH})奶$")
_MADE_WITH_MILK = compiled(
    r"(?:latte|coffee|americano|cappuccino|flat white|mocha|macchiato|cortado|tea|chai)s?$"
    r"|(?:拿铁|咖啡|美式|奶茶|卡布奇诺|摩卡|茶)$"
)


def _without_the_milk_a_drink_is_made_with(drafts: list[_ItemDraft], text: str) -> list[_ItemDraft]:
    """Drop the milk a coffee or tea is made with, said after it with no count of its own: "a hot latte, oat milk if
    they've got it", 拿铁 燕麦奶 (a counted one is a drink of its own: "and a hot soy milk"); or said right before it,
    its count and options the drink's: "a warm oat milk latte"."""
    if not any(_MILK_OF_A_DRINK.search(d.name) for d in drafts) or not any(
        _MADE_WITH_MILK.search(d.name) for d in drafts
    ):
        return drafts
    kept: list[_ItemDraft] = []
    for draft, after in zip(drafts, [*drafts[1:], None], strict=True):
        if not _MILK_OF_A_DRINK.search(draft.name):
            kept.append(draft)
        elif after is not None and _MADE_WITH_MILK.search(after.name) and not text[draft.end : after.start].strip():
            after.name, after.start = f"{draft.name} {after.name}", draft.start
            after.quantity = after.quantity if after.quantity is not None else draft.quantity
            after.options = {**draft.options, **after.options}
        elif draft.quantity is not None:
            kept.append(draft)
        elif kept and _MADE_WITH_MILK.search(kept[-1].name):
            kept[-1].options = {**draft.options, **kept[-1].options}  # "a large latte, oat milk, less sugar"
    return kept


def _one_dish_said_twice(drafts: list[_ItemDraft], text: str) -> list[_ItemDraft]:
    """The dish a person names twice is one item: 想吃饺子，帮我叫一份猪肉白菜馅的 (the filling of the 饺子, its
    count going to them), 想喝奶茶…订两杯珍珠奶茶 (the uncounted 奶茶 was the 珍珠奶茶 said loosely),
    要吃火锅，买两袋火锅底料 (what the counted one is for)."""
    dishes = [d for d in drafts if not (len(d.name) > 1 and d.name[-1] in _FILLING_ENDS)]
    if len(dishes) < len(drafts) and dishes:
        for filling in (d for d in drafts if d not in dishes):
            dish = max((d for d in dishes if d.start < filling.start), key=lambda d: d.start, default=dishes[0])
            if dish.quantity is None:
                dish.quantity, dish.unit = filling.quantity, filling.unit
        drafts = dishes
    return [
        d
        for d in drafts
        if not any(
            o is not d
            and o.quantity is not None
            and d.name in o.name
            # (or counted only by its article before the one said in full: 给老伴买杯奶茶，帮我在CoCo点一杯椰果奶茶; not
            # one more: 来杯奶茶，再来一杯珍珠奶茶)
            and (
                d.quantity is None
                or (
                    d.counted_by_article
                    and d.name != o.name
                    and d.end <= o.start
                    and _ONE_MORE.search(text, d.end, o.start) is None
                )
            )
            for o in drafts
        )
    ]


_ONE_MORE = compiled(r"再|还要|还有|另外|加|" + letter_led("and|also|plus|another", then=r"\b"))
# How the dishes named after a city end: the food heads, and 包/馍/卷/串 (上海小笼包, 西安肉夹馍), which only
# after a city's name are surely food (书包, 钱包 are not).
_CITY_DISH_HEADS = FOOD_HEAD_CHARS | frozenset("包馍卷串")
# Words that make a city the first word of a shop's name: Lanzhou Lamian, Tokyo Bento, Bangkok Bites.
_SHOP_WORDS_AFTER_A_CITY_EN = SHOP_WORDS_EN | {
    *("lamian", "bento", "bites", "kitchen", "house", "express", "garden", "palace", "bistro", "cafe", "café"),
    *("grill", "diner", "deli", "bakery", "bbq", "eatery", "canteen", "wok", "noodle", "noodles", "hotpot"),
    *("dumpling", "dumplings"),
}
_PLACE_WORDS_AFTER_A_CITY = ("附近", "旁边", "周边", "一带", "那边", "边上", "酒店", "宾馆", "民宿", "客栈")


# Grilled things end a dish's name only where one is asked after or called off (烧烤到哪了): elsewhere 烤 and 串
# start more than they end (烤箱, 串门).
_GRILLED_HEADS = frozenset("烤串")
# What stands between a cancel and the order it names: 取消刚才那个麻辣香锅, 取消掉之前的烤串.
_BEFORE_THE_ORDER_CALLED_OFF = compiled(
    r"(?:一下|掉)?(?:刚才|刚刚|之前|上次|今天)?(?:点)?(?:的|那个|那份|这个|这份|那|这)?"
)


def _han_run(text: str, at: int, step: int) -> str:
    """The Chinese characters glued after `at` (step 1) or before it (step -1), at most MAX_PREFIX_CHARS, up to a
    word no name holds."""
    end = at
    while (
        abs(end - at) < MAX_PREFIX_CHARS
        and 0 <= (i := end if step > 0 else end - 1) < len(text)
        and _HAN.match(text[i])
        and text[i] not in NOUN_STOP_CHARS
    ):
        end += step
    return text[min(at, end) : max(at, end)]


def _after_the_shop_said_first(reading: _Reading) -> int | None:
    """Where a dish said right after the shop that starts the command would start ("kfc bucket"); None when no
    shop starts it."""
    shop_end = reading.shops.get(0)
    after = _AFTER_THE_SHOP_SAID_FIRST.match(reading.text, shop_end) if shop_end is not None else None
    return after.end() if after is not None else None


def _before_who_says_it(text: str, at: int) -> int:
    """Where the thing said before its verb ends, before the one who says it: 那个口味虾我不要了."""
    for who in ("我们", "我"):  # (俺 was read as 我: speech.py)
        if text.endswith(who, 0, at):
            return at - len(who)
    return at


def _called_off_after(text: str, cancel_word: re.Match[str]) -> str:
    """The name said after a cancel, past 刚才/那个…: 取消刚才那个麻辣香锅 gives 麻辣香锅."""
    return _han_run(text, _BEFORE_THE_ORDER_CALLED_OFF.match(text, cancel_word.end()).end(), 1)


_COOKED_AFTER = compiled(r"[炖炒焖煮蒸烤煎卤拌][\u4e00-\u9fff]")


def _dish_run_after(text: str, end: int) -> bool:
    """Whether the words glued after a product end in a dish: 番茄牛腩饭, 鸡蛋灌饼 (not 番茄和鸡蛋)."""
    run_end = end
    while run_end < len(text) and run_end - end < MAX_PREFIX_CHARS and _HAN.match(text[run_end]) and (
        text[run_end] not in NOUN_STOP_CHARS
    ):
        run_end += 1
    return run_end - end >= 2 and text[run_end - 1] in DISH_HEADS_ZH


_WEIGHED_BEFORE = compiled(r"[\d一两二三四五六七八九十几半]\s*(?:斤|公斤|克|袋|盒|包)$")
_COUNTED_GOODS_BEFORE = compiled(r"[\d一两二三四五六七八九十几]\s*[瓶罐听箱提]$")


def _city_of_a_dish(text: str, mention: NameMention, mentions: list[NameMention], dropped: set[int]) -> bool:
    """Whether a city starts the name of a dish: 北京烤鸭, 上海小笼包, "Peking duck" (not 北京的酒店, 上海飞北京),
    or is a product counted by the bottle or can (两瓶青岛: the beer)."""
    end = mention.end
    if _COUNTED_GOODS_BEFORE.search(text, max(0, mention.start - 4), mention.start):
        return True
    if mention.said.isascii():
        if not text.startswith(" ", end):
            return False
        end += 1
    after = next((m for m in mentions if m.start == end and m.start not in dropped), None)
    if after is not None:
        return after.entry.is_item
    if mention.said.isascii():
        word = _EN_WORD.match(text, end)
        if word is None:
            return False
        if word.group(0) in _SHOP_WORDS_AFTER_A_CITY_EN:
            return True  # the first word of a shop's name: "from Lanzhou Lamian House", "from Tokyo Bento"
        return not FOOD.noun_words_en.isdisjoint((word.group(0), word.group(0).rstrip("s")))
    run_end = end
    while run_end < len(text) and run_end - end < MAX_OPEN_NOUN_CHARS and _HAN.match(text[run_end]) and (
        text[run_end] not in NOUN_STOP_CHARS and not text.startswith(_PLACE_WORDS_AFTER_A_CITY, run_end)
    ):
        run_end += 1  # (拉萨布达拉宫附近的酒店: a place, no dish; 上海的小笼包 is one)
    return run_end - end >= 2 and text[run_end - 1] in _CITY_DISH_HEADS


def _city_of_a_chinese_name_in_english(text: str, mention: NameMention) -> bool:
    """Whether a city starts a name said in Chinese inside English: "5 seats together for 南京照相馆 on May 2nd"
    (not "a hotel in 南京 near 新街口")."""
    if not text.endswith(" ", 0, mention.start) or not _ASKED_FOR_IN_ENGLISH_BEFORE.search(text, 0, mention.start):
        return False
    name = _HAN_RUN.match(text, mention.end)
    return name is not None and not text.startswith((*_PLACE_WORDS_AFTER_A_CITY, "的"), mention.end) and (
        name.end() == len(text) or text[name.end()] in " ,.?!"
    )


_ASKED_FOR_IN_ENGLISH_BEFORE = compiled(r"\b(?:for|see|watch)\s$")
_HAN_RUN = compiled(r"[\u4e00-\u9fff]{2,8}")


def _each_made_its_own_way(
    drafts: list[_ItemDraft], reading: _Reading, used: set[_Quantity]
) -> tuple[list[_ItemDraft], list[OptionMention]]:
    """两杯柠檬茶，一杯热的一杯去冰，都少糖; 可乐两杯，一杯冰的一杯常温: a dish counted, then each part of that count
    said with options of its own, is one item a part; what is said of the dish as a whole (大杯) goes to each part.
    The drafts with each such dish split, and the options no part took (for _attach_options)."""
    taken: set[OptionMention] = set()
    result: list[_ItemDraft] = []
    for i, dish in enumerate(drafts):
        zone_start = drafts[i - 1].end if i else 0
        zone_end = drafts[i + 1].start if i + 1 < len(drafts) else len(reading.text)
        parts = _parts_made_their_own_way(dish, reading, used, zone_end)
        if parts is None:
            result.append(dish)
            continue
        own = [options for _, options in parts]
        whole = [
            o for o in reading.options
            if zone_start <= o.start < zone_end and not any(o in options for options in own)
        ] if len(drafts) > 1 else [o for o in reading.options if not any(o in options for options in own)]
        for part, options in parts:
            item = replace(dish, quantity=part.value, unit=part.unit or dish.unit, options={})
            for option in (*options, *whole):
                item.options.setdefault(option.group, option.value)
            result.append(item)
        taken.update(o for options in own for o in options)
        taken.update(whole)
    return result, [o for o in reading.options if o not in taken]


# (小王, 老李, 阿杰: a name said the usual way)
_SOMEONE_ZH = rf"(?:(?:[我他她]的?)?(?:{_FAMILY_WORDS}|{_PEOPLE_WORDS})|[小老阿][\u4e00-\u9fff]|[我他她](?:自己)?)"
# Where one person's part of an order for several ends: a pause, or "and" before whose it is ("hers … and mine …").
_PERSONS_PART_END = compiled(r"[,，。;；:：!！]|(?<=[a-z]) and (?=(?:mine|my|hers|his|her|for)\b)")
# Who a part is for, said first (我要…, 我妈要…, 我的…, 给我姐也来一杯, 我和妹妹要两杯…, "mine …", "my sister's …",
# "my roommate wants …") or last ("… for my dad", "… for Jess").
_FOR_SOMEONE = compiled(
    rf"^\s*(?:另外|还有|再)?(?:给|帮)?(?P<zh>{_SOMEONE_ZH}(?:(?:和|跟){_SOMEONE_ZH})?)都?(?:的|也|要|来|喝|点|那杯|那份)"
    r"|^\s*(?:and\s+)?(?P<en>mine|hers|his|my \w+'s|my \w+ (?:wants|would like|will have|gets|likes))\b"
    r"|\bfor (?P<en_for>me|my \w+|him|her|(?!(?:here|now|today|tonight|dinner|lunch|breakfast|delivery|pickup)\b)"
    r"[a-z]+)\s*$"
)
_THE_SPEAKER = frozenset({"我", "mine", "me"})
# Said of every cup at once: 都要小杯, 都是热的, 糖都正常, "both hot", "all large".
_FOR_EVERY_CUP = compiled(r"^[^我他她和跟]{0,3}(?:都|全部|全都)|\b(?:both|all)\b")
# A name said right before how that person has it: 阿杰大杯全糖, 小雨中杯无糖去冰.
_NAME_BEFORE_OPTIONS = compiled(
    r"\s*(?:(?![都是要也就还来再给帮点你的了吧没有那算呃嗯哦啊不一二两三四五六七八九十几杯份碗个])[\u4e00-\u9fff]){2,3}"
)
# Said before an option, what turns it down or gives a reason (她不能喝冰的, 不要太甜): no cup of its own.
_NOT_BEFORE_AN_OPTION = compiled(r"不|别|没")


def _each_persons_own_way(drafts: list[_ItemDraft], reading: _Reading) -> tuple[list[_ItemDraft], list[OptionMention]]:
    """帮我点奶茶，我要大杯少糖的，我妈要中杯去冰的; 点三杯珍珠奶茶：我的半糖少冰，我弟的全糖去冰，我爸的要热的无糖;
    "a large latte for me, a small hot one for my dad": one dish ordered for several people, each said with options
    of their own, is one item a person (or a few: 我和妹妹要两杯少冰的); what is said of every cup (都要小杯) goes to
    each. The drafts with that dish split, and the options no part took (for _attach_options)."""
    if len(drafts) != 1 or len(reading.options) < 2 or drafts[0].name == _SAME_AGAIN:
        return drafts, reading.options
    dish, text = drafts[0], reading.text
    cuts = [m.start() for m in _PERSONS_PART_END.finditer(text)]
    first = max((cut for cut in cuts if cut <= dish.start), default=0)
    edges = [first, *(cut for cut in cuts if cut > first), len(text)]
    lines: list[tuple[int, list[OptionMention], str | None]] = []  # how many, made how, for whom
    counted_lines = 0  # the lines said with a count of their own (两杯大杯热的，一杯中杯少冰)
    every_cup: list[OptionMention] = []
    for start, end in pairwise(edges):
        own = [o for o in reading.options if start <= o.start < end]
        if not own:
            continue
        start += len(text[start:end]) - len(text[start:end].lstrip(",，。;；:：!！ "))
        part = text[start:end]
        who = _FOR_SOMEONE.search(part)
        whom = next((g for g in who.groups() if g), None) if who is not None else None
        if whom is None and _FOR_EVERY_CUP.search(part):
            every_cup += own
            continue
        if _NOT_BEFORE_AN_OPTION.search(text, start, own[0].start):
            continue
        if whom is None and _NAME_BEFORE_OPTIONS.fullmatch(text, start, own[0].start):
            whom = text[start : own[0].start].strip()  # 阿杰大杯全糖
        counts = [q for q in reading.quantities if start <= q.start < end and q.value and q.start != dish.end]
        if (
            lines
            and not counts
            and (whom is None or (whom in _THE_SPEAKER and (lines[-1][2] is None or lines[-1][2] in _THE_SPEAKER)))
            and not {o.group for o in own} & {o.group for o in lines[-1][1]}
        ):
            # 来杯热的招牌奶茶，不要糖; 我男朋友喝小杯的，全糖去冰; 来一杯拿铁，大杯，我要少冰: the same cup
            lines[-1][1].extend(own)
            continue
        people = 2 if whom and ("和" in whom or "跟" in whom) else 1
        lines.append(((counts[0].value or 1) if counts else people, own, whom))
        counted_lines += bool(counts) and _HAN.match(counts[0].unit or "") is not None  # (not "a small one")
    for_others = any(whom and whom not in _THE_SPEAKER for _, _, whom in lines)
    if len(lines) < 2 or not (for_others or counted_lines == len(lines)):
        return drafts, reading.options
    split = []
    for quantity, own, _ in lines:
        item = replace(dish, quantity=quantity, options={})
        for option in (*own, *every_cup):
            item.options.setdefault(option.group, option.value)
        split.append(item)
    taken = {o for _, own, _ in lines for o in own} | set(every_cup)
    return split, [o for o in reading.options if o not in taken]


def _parts_made_their_own_way(
    dish: _ItemDraft, reading: _Reading, used: set[_Quantity], zone_end: int
) -> list[tuple[_Quantity, list[OptionMention]]] | None:
    """The counts said after the dish (before the next one) that add up to its count, each with its own options."""
    if (dish.quantity or 1) < 2:
        return None
    parts = [q for q in reading.quantities if dish.end <= q.start < zone_end and q not in used and q.value]
    if len(parts) < 2 or sum(q.value or 0 for q in parts) != dish.quantity:
        return None
    ends = [q.start for q in parts[1:]]
    ends.append(min(zone_end, next((b for b in reading.boundaries if b > parts[-1].end), len(reading.text))))
    own = [[o for o in reading.options if q.end <= o.start < end] for q, end in zip(parts, ends, strict=True)]
    if not all(own):
        return None  # 一杯给我一杯给她: parts for people, not made differently
    return list(zip(parts, own, strict=True))


# A correction between two options of one kind: the later one is meant.
_OPTION_CORRECTED = compiled(
    CHANGED_MIND.pattern
    + r"|等等|要不|不不|换成|"
    + letter_led("no wait|scratch that|on second thought|wait|nah|oh no|eh|hmm|rather", then=r"(?![a-z])")
)


def _attach_options(drafts: list[_ItemDraft], reading: _Reading) -> None:
    """Options go to the dish they are said with; said apart from every dish, to all dishes that have them."""
    if not drafts:
        return
    # Groups set by a one-word option in front of a dish's name (冰美式, "iced americano"), by dish: an option said
    # apart (冰美式 少冰, "an iced tea with less ice") is the person's wish, the one in the name only its kind.
    glued: dict[int, set[str]] = {id(draft): set() for draft in drafts}
    said_at: dict[tuple[int, str], int] = {}  # where each dish's option of each group was said

    def give(draft: _ItemDraft, option: OptionMention) -> None:
        kind_of_it = glued[id(draft)]
        if option.group in draft.options and option.group not in kind_of_it:
            before = said_at.get((id(draft), option.group))
            if before is None or _OPTION_CORRECTED.search(reading.text, before, option.start) is None:
                return  # (全糖，额还是半糖吧, "room temp. hmm on second thought, hot": the one said after)
        draft.options[option.group] = option.value
        said_at[id(draft), option.group] = option.end
        in_front = option.end == draft.start or (  # "iced" is a drink's kind too ("a warm tea" a wish)
            reading.masked.original.startswith("iced ", option.start) and option.end + 1 == draft.start
        )
        if in_front and option.group not in kind_of_it:
            kind_of_it.add(option.group)
        else:
            kind_of_it.discard(option.group)

    if len(drafts) == 1:
        for option in reading.options:
            give(drafts[0], option)
        return
    edges = [0, *reading.boundaries, len(reading.text) + 1]

    def segment(position: int) -> int:
        return max(i for i, edge in enumerate(edges) if edge <= position)

    apart = []
    for option in reading.options:
        same_segment = [d for d in drafts if segment(d.start) == segment(option.start)]
        if same_segment:
            give(min(same_segment, key=lambda d: (abs(d.start - option.start), d.start < option.start)), option)
        elif (named := _named_again_before(drafts, reading, segment, option)) is not None:
            named.options[option.group] = option.value  # 拿铁都要大杯热的，美式都中杯去冰: each dish named again
        else:
            apart.append(option)
    # Said after the dishes they are for: "two lemon teas, normal ice, and a lemonade with no ice"; "4 lemon teas,
    # all medium. And one lemonade, no sugar"; 拿铁和美式，都要大杯 (before any dish: for all of them).
    for option in apart:
        before = [d for d in drafts if d.start < option.start]
        if before and _FOR_EVERY_DISH.search(reading.text, before[-1].end, option.start) is None:
            before = _run_ending_with(before, reading.options)
        takers = [d for d in before or drafts if d.supports(option.group)] or [(before or drafts)[-1]]
        for draft in takers:
            draft.options.setdefault(option.group, option.value)


def _named_again_before(
    drafts: list[_ItemDraft], reading: _Reading, segment: Callable[[int], int], option: OptionMention
) -> _ItemDraft | None:
    """The dish an option is said for by naming it again in its own part of the sentence, before the option
    (四杯拿铁和四杯美式，拿铁都要大杯热的; "lattes all large and hot, americanos medium no ice")."""
    here = segment(option.start)
    named = [
        n for n in reading.names
        if n.entry.is_item and segment(n.start) == here and n.start < option.start
    ]
    if not named:
        return None
    return next((d for d in drafts if d.entry is named[-1].entry), None)


# What is said for every dish so far: 都/全部 热的, "all medium", "both iced".
_FOR_EVERY_DISH = compiled(r"都|全部|全都|统一|一律|" + letter_led("all|both|each|every|everything", then=r"\b"))


def _run_ending_with(drafts: list[_ItemDraft], options: list[OptionMention]) -> list[_ItemDraft]:
    """The last dishes of `drafts` said one after another with no option between them: a list the options said
    after it are for ("a latte and a mocha, large"), not the dishes before it that had their own."""
    run = [drafts[-1]]
    for draft in reversed(drafts[:-1]):
        if any(draft.start < o.start < run[0].start for o in options):
            break
        run.insert(0, draft)
    return run


def _one_meal_said_twice(read: list[tuple[IntentFrame, str | None]]) -> list[tuple[IntentFrame, str | None]]:
    """看完想吃夜宵，顺便点两斤小龙虾: a meal wished for without a dish, then ordered with one, is one order; so is
    one said after it (点个披萨送到家，看电影前吃)."""
    kept: list[tuple[IntentFrame, str | None]] = []
    for i, (frame, end_date) in enumerate(read):
        following = read[i + 1][0] if i + 1 < len(read) else None
        if following is not None and _the_same_meal(frame, following):
            _fill_the_meal(following, frame)
            continue
        if kept and _the_same_meal(frame, kept[-1][0]) and frame.merchant in (None, kept[-1][0].merchant):
            _fill_the_meal(kept[-1][0], frame)
            continue
        kept.append((frame, end_date))
    return kept


def _the_same_meal(wished: IntentFrame, ordered: IntentFrame) -> bool:
    """Whether `wished`, a meal with no dish, is more of `ordered`, one with dishes."""
    return (
        wished.domain in ("food", "grocery")
        and wished.domain == ordered.domain
        and wished.action == ordered.action == "order"
        and not wished.items
        and bool(ordered.items)
    )


def _fill_the_meal(ordered: IntentFrame, wished: IntentFrame) -> None:
    slots: tuple[str, ...] = ("merchant", "date", "budget_max")
    if ordered.time is None and ordered.time_window is None:
        slots += ("time", "time_window")  # its own hour wins over the wish's part of the day
    for slot in slots:
        if getattr(ordered, slot) is None:
            setattr(ordered, slot, getattr(wished, slot))


_REBOOKED_SLOTS = ("title", "origin", "destination", "city", "near")


# The day of a request said before, said again: 当天晚上, "that evening", "the same day"; or the day after it.
_DAY_SAID_AGAIN = compiled(
    r"当天|那天|同一天|当晚|(?P<next>第二天|次日|隔天|"
    + letter_led("the next day|the day after|next morning", then=r"\b")
    + ")|(?P<before>前一天|头一天|前一晚|"
    + letter_led("the day before|the night before", then=r"\b(?! (?:yesterday|\ue001))")
    + ")|"
    + letter_led("that (?:day|night|evening|afternoon|morning)|the same day|same day", then=r"\b")
)


# 情人节当晚, 5号那天: the day said right before 当晚/那天 is the request's own, not the day said before it.
_A_DAY_ENDS = frozenset("节号日夜0123456789")


def _day_said_again(text: str, clause: Clause) -> re.Match[str] | None:
    """The first 当天/第二天/前一天… of the clause that is not said of a day right before it (情人节当晚, 除夕前一天),
    or one said instead of it (前一天……哦不是，同一天入住)."""
    said = None
    for m in _DAY_SAID_AGAIN.finditer(text, clause.start, clause.end):
        before = text[m.start() - 1] if m.start() > clause.start else ""
        if before in _A_DAY_ENDS or (m.group("before") and _HAN.match(before) and before not in _PAUSE_OR_LINK):
            continue
        if said is None or _SAID_INSTEAD.search(text, said.end(), m.start()):
            said = m
    return said


_PAUSE_OR_LINK = frozenset("，。；、的在是")
_SAID_INSTEAD = compiled(r"不是|不对|" + letter_led("actually|sorry|no|i mean", then=r"\b"))


def _on_the_day_said_before(
    produced: list[tuple[IntentFrame, str | None]], read: list[tuple[IntentFrame, str | None]], shift: int
) -> None:
    """周五晚上到北京…第二天下午看星河旅人: a request on the day said last, or `shift` days after it (前一天: -1; a part
    of the day said with it, 当天晚上, "for that night", says no day of its own)."""
    said = next((frame.date for frame, _ in reversed(read) if frame.date), None)
    if said is None:
        return
    day = (date.fromisoformat(said) + timedelta(days=shift)).isoformat()
    for frame, _ in produced:
        frame.date = day


# "…tomorrow evening, and one for my colleague the day after, same time of day", 周日也要，同一时间: the time and
# the row of the request before.
_SAME_TIME = compiled(r"\bsame (?:show ?)?time\b|同一时间|同一个时间|同样的时间|一样的时间|时间一样|同一场")
_SAME_ROW = compiled(r"\bsame row\b|同一排|一样的位置|位置一样")
_SAME_AGAIN_AS_BEFORE_HINT = compiled(r"same|同一|一样|同样")


def _as_the_request_before(produced: list[tuple[IntentFrame, str | None]], before: IntentFrame, said: str) -> None:
    same_time, same_row = _SAME_TIME.search(said) is not None, _SAME_ROW.search(said) is not None
    for frame, _ in produced:
        if same_time and frame.time is None and frame.time_window is None:
            frame.time, frame.time_window = before.time, before.time_window
            frame.date = frame.date or before.date  # ("order two croissants for the same time": that day's too)
        if same_row and frame.seat is None and before.seat is not None:
            frame.seat = before.seat.model_copy()


# The flight on the day the stay before it ends: 退房那天再飞回深圳, "fly me back the day I check out".
_ON_THE_DAY_OF_CHECK_OUT = compiled(
    r"退房(?:那天|当天|的那天|的时候)|离店(?:那天|当天)|"
    + letter_led(r"the day (?:i|we) check(?:ed)? out|on check-?out day")
)


def _flies_home(flight: IntentFrame, before: list[IntentFrame]) -> bool:
    """Whether the flight goes back to where a flight before it left from (the way back of a round trip)."""
    return flight.destination is not None and any(
        f.domain == "flight" and f.origin == flight.destination for f in before
    )


def _said_on_the_day_of_check_out(text: str, clause: Clause) -> bool:
    """Whether the clause, or the words right before it (退房那天 | 再飞回深圳: the day goes with the stay's words),
    names the day the stay ends."""
    said = _ON_THE_DAY_OF_CHECK_OUT.search(text, max(0, clause.start - 8), clause.end)
    return said is not None and said.end() >= clause.start - 1


def _on_the_day_of_check_out(frames: list[IntentFrame], on_check_out_day: set[int]) -> None:
    for i, frame in enumerate(frames):
        if id(frame) not in on_check_out_day or frame.domain != "flight" or frame.date is not None:
            continue
        stay = next((f for f in reversed(frames[:i]) if f.domain == "hotel" and f.date and f.nights), None)
        if stay is not None:
            frame.date = (date.fromisoformat(stay.date) + timedelta(days=stay.nights)).isoformat()  # type: ignore[arg-type]
            frame.missing = [slot for slot in frame.missing if slot != "date"]


def _share_context(read: list[tuple[IntentFrame, str | None]], day_implied: set[int]) -> None:
    """Later requests take what earlier ones said: "机票…再订一间酒店" books the hotel for the flight's day and city.

    Only the day is shared, not the hour or part of the day (a morning flight does not make
    a morning check-in), and only into a hotel: a meal ordered after a flight is for now.
    """
    frames = [frame for frame, _ in read]
    for i, (frame, end_date) in enumerate(read):
        cancelled = frames[i - 1] if i and frames[i - 1].action == "cancel" else None
        if frame.action == "order" and cancelled is not None and cancelled.domain == frame.domain:
            # 取消明天去上海的机票，改订后天的: booked again, to where the cancelled one went.
            for slot in _REBOOKED_SLOTS:
                if getattr(frame, slot) is None:
                    setattr(frame, slot, getattr(cancelled, slot))
        way_out = next((f for f in reversed(frames[:i]) if f.domain == "flight" and f.destination), None)
        if frame.domain == "flight" and frame.action in ("order", "search") and way_out is not None:
            # 下周五晚上再飞回上海, "then on to Kunming": a later flight leaves from where the one before it lands.
            inferred = frame.origin is None and way_out.destination != frame.destination
            if inferred:
                frame.origin = way_out.destination
            if frame.origin == way_out.destination and (inferred or frame.destination in (None, way_out.origin)):
                # The way back (12月6号回来, "coming back Wednesday", 明天晚上再从广州飞回来): home again, the same
                # party in the same cabin at the same price.
                frame.destination = frame.destination or way_out.origin
                frame.cabin, way_out.cabin = frame.cabin or way_out.cabin, way_out.cabin or frame.cabin
                frame.budget_max = frame.budget_max or way_out.budget_max
                way_out.budget_max = way_out.budget_max or frame.budget_max
                if frame.count and way_out.count:
                    frame.count = way_out.count = max(frame.count, way_out.count)
        earlier_flight = next(
            (f for f in reversed(frames[:i]) if f.domain == "flight" and f.date and f.action != "cancel"), None
        )
        if frame.domain == "flight" and earlier_flight and frame.date and frame.date < earlier_flight.date:
            # 下周三早上深圳到北京，周五晚上北京回深圳: the Friday after that Wednesday, not this week's; "on
            # January 3rd …, and back on the 6th": the 6th after the 3rd.
            first, said = date.fromisoformat(earlier_flight.date), date.fromisoformat(frame.date)
            later = the_day_after(first, said, same_day=True)
            frame.date = later.isoformat() if later is not None else frame.date
        if id(frame) in day_implied and i:
            # 五一第一天早上飞西安，晚上再看场电影: the evening of the day said before, not this evening.
            said = next((f for f in reversed(frames[:i]) if f.date and id(f) not in day_implied), None)
            # ("Tomorrow at 7:30am, a latte…; then at noon, a braised chicken rice": a delivery after a delivery)
            if said is not None and (said.domain in TRAVEL_DOMAINS or said.domain == frame.domain):
                frame.date = said.date
        asked_alike = frame.action in ("cancel", "status") and any(f.action == frame.action for f in frames[:i])
        if frame.domain == "flight" and (frame.action == "order" or asked_alike) and frame.destination is None:
            # "a hotel in Shenzhen for tonight and a flight there from Beijing": to the stay said before it ("is my
            # hotel in Denver booked, and is my flight there confirmed": the same asked of both).
            stay = next((f for f in reversed(frames[:i]) if f.domain == "hotel" and f.city), None)
            if stay is not None and stay.city != frame.origin:
                frame.destination = stay.city
                frame.missing = [slot for slot in frame.missing if slot != "destination"]
        if frame.domain == "hotel" and (
            frame.action in ("order", "search")
            # (机票和酒店都取消了: the stay called off is the one of the trip called off before it; "is my flight to
            # tokyo on time and is my hotel booking confirmed": the one of the trip asked after)
            or asked_alike
        ):
            # (not the flight home: 周五飞上海，周日回来，再订两晚外滩附近的酒店 stays in Shanghai from the Friday)
            earlier = [
                f for j, f in enumerate(frames[:i])
                if f.domain in ("movie", "hotel") or (f.domain == "flight" and not _flies_home(f, frames[:j]))
            ]
            if frame.date is None:
                frame.date = next((f.date for f in reversed(earlier) if f.date), None)
            if frame.city is None:
                flights = (f for f in reversed(earlier) if f.domain == "flight" and f.destination)
                frame.city = next((f.destination for f in flights), None)
        complete(frame, end_date)
