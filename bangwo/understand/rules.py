"""The words of the rule grammar: what is shared by every domain, and what each domain adds.

A domain's rules say which verbs and nouns make a sentence that domain's request, how its
orders are asked after or cancelled, and when an unknown noun ("酸辣粉") counts as one of
its items. Dish and product names are never listed here; they come from the catalogues
(see lexicon.py). Grocery, movie, flight and hotel add a `DomainRules` each.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bangwo.understand.numbers import EN_NUMBER, ZH_NUMBER
from bangwo.understand.text import compiled, letter_led

# ---- shared by every domain ------------------------------------------------------------

# Measure words, longest first so 人份 is not read as 人 + 份.
ZH_MEASURES = (
    "人份",
    "公斤",
    "杯",
    "份",
    "个",
    "盒",
    "瓶",
    "碗",
    "袋",
    "包",
    "罐",
    "听",
    "板",  # 一板鸡蛋
    "串",
    "只",
    "块",
    "片",
    "根",
    "条",
    "碟",
    "盘",
    "屉",
    "笼",
    "桶",
    "套",
    "支",
    "斤",
    "箱",
    "打",
    "张",
    "件",
    "副",
    "对",
    "双",
    "颗",
    "枚",
    "把",
    "本",
    "位",
    "间",
    "客",
    "扎",
    "提",
    "卷",  # 两卷垃圾袋, 一卷保鲜膜
    "棵",  # 两棵大白菜
    "壶",  # 一壶油
)
EN_MEASURES = (
    r"cups?|glass(?:es)?|bottles?|cans?|box(?:es)?|bags?|bowls?|plates?|portions?|servings?|orders?|"
    r"pieces?|packs?|packets?|slices?|cartons?|jars?|pints?|kilos?|kg|pounds?|lbs?|dozens?|cases?|crates?|"
    # Counting words of things sold whole: "two bars of soap", "a loaf of bread", "a bunch of bananas".
    r"bars?|rolls?|loaf|loaves|bunch(?:es)?|heads?|tubes?|sticks?|blocks?|sheets?|tubs?|tins?|trays?|buckets?|sacks?|"
    r"sets?|pairs?|pots?|mugs?|jugs?|pitchers?|"  # ("a pot of chrysanthemum tea", "a jug of lemonade")
    r"punnets?|lit(?:re|er)s?|"  # ("2 punnets strawberries", "1 litre milk")
    # Chinese measures said in English: "pork 2 jin", "xiaolongbao 2 basket".
    r"jin|baskets?|steamers?"
)
# The one-character measures as one class (no two measures start with the same character, so which
# one matches never depends on their order): re tests a class at once, an alternation one by one.
assert len({measure[0] for measure in ZH_MEASURES}) == len(ZH_MEASURES)
_MEASURE_ALT = "|".join(m for m in ZH_MEASURES if len(m) > 1) + f"|[{''.join(m for m in ZH_MEASURES if len(m) == 1)}]"
# Verb characters after which a bare measure word means "one" (来杯, 叫个, 买份).
VERB_CHARS_BEFORE_BARE_MEASURE = frozenset("来买点叫要整拿订送给吃喝加弄")  # (再加个肉夹馍, 给我弄个汉堡)

# A number before one of these is the size of one package (一桶5升的油, "a 500 ml bottle"), not how many:
# volumes, weights per pack, lengths and strengths. 斤/公斤/kg stay measures: food is bought by the jin.
SIZE_UNITS = r"(?:毫升|升|千克|克|毫米|厘米|英寸|寸|度|瓦|%|ml|cl|l|g|oz|mm|cm|inch(?:es)?|percent)(?![a-z])"
ZH_QUANTITY = compiled(
    rf"(?P<num>(?>{ZH_NUMBER}))\s*[大小]?(?P<measure>{_MEASURE_ALT})"  # 一大包薯片
    rf"|(?P<bare>{_MEASURE_ALT})"
    rf"|(?P<alone>(?>{ZH_NUMBER}))(?=\s*[\ue000\ue003])"  # 俩汉堡, 一大杯… : a number right before a dish or option
    # 俩 and 仨 are "two of" / "three of" themselves and take no measure word: 来俩肉夹馍, 仨菠萝.
    r"|(?P<pair>俩|仨|一打|半打)"
)
# Where a ZH_QUANTITY match can start: a numeral (一打 and 半打 included), a measure word, 俩 or 仨.
ZH_QUANTITY_START = compiled(rf"[\d零〇一二两三四五六七八九十百千万俩仨几半{''.join(m[0] for m in ZH_MEASURES)}]")
# What may follow a count said last: a courtesy, the next item ("… 2 bags and diapers"), where it is from
# or what it is for ("diapers 2 pack from FreshBox", "tangyuan 2 bag for the festival").
AFTER_A_COUNT_EN = (
    r"(?:pls|please|thx|and|plus|with|n|from|for|to|each|only|urgent|asap|rn|now|lah|leh|lor|lol|haha|size)\b"
)
EN_QUANTITY = compiled(
    # "2 packs of …", or "2 packs" said last, after what it counts ("diapers, 2 packs", "cat food 2 bags and …").
    # Without "of" too, before the thing: "2 box eggs", "one cup milk tea" (a word, or a dish the catalogue knows).
    rf"(?<![a-z0-9'])(?P<num>{EN_NUMBER})(?:\s+(?P<measure>{EN_MEASURES})"
    # (before a thing named in Chinese too: "1 box 褚橙", "2 bowl 凉皮")
    rf"(?:\s+of|(?=\s*(?:$|[,.;!?+&\ue002-\ue007]|{AFTER_A_COUNT_EN}))|(?=\s+[a-z\ue000\u4e00-\u9fff])))?"
    rf"(?![a-z0-9'])(?!\s*{SIZE_UNITS})"
)

# Parts of a sentence: items on either side of these are separate items.
ZH_CONJUNCTIONS = compiled(r"和|跟|与|及|以及|还有|再来|再要|再加|外加|加上|另外|然后|、")
EN_CONJUNCTIONS = compiled(letter_led("and|plus|also|then|as well as|along with", then=r"\b") + "|&")
PUNCTUATION = compiled(r"[,，。.!！?？;；:：~～+]")  # (+ between the things of a typed list: 煎饼果子 x2 + 豆浆 x2)

# Non-service requests: writing, homework, chit-chat. They decide only when no item was found.
CHAT_VERBS = compiled(
    r"写|作诗|作文|翻译|检查|讲个|讲讲|讲一|解释|画|唱|背诵|改一下|教我|算一下|计算|聊|祝福|涨|告诉|介绍|分析|总结|"
    r"生成|编个|编一|起个名|起名|笑话|故事|天气|作业|论文|诗|歌词|问卷|投票"
    r"|"
    + letter_led(
        r"write|translate|check(?!\s+(?:if|whether|in|out))|tell me|explain|draw|sing|summari[sz]e|compose|"
        r"poem|joke|story(?!\s+\d)|weather|"  # (Toy Story 5 is a film)
        # (not greetings or thanks: "hi, two lattes", "two iced americanos thanks" order all the same)
        r"homework|essay|calculate|who|why|how are|what is|what's",
        then=r"\b",
    )
)

# What the noun scanner stops at when reading an unknown item name.
NOUN_STOP_CHARS = frozenset(
    "和跟与及或还再加送到给帮吧呢啊呀吗了嘛哦哈请在去用就好要我你他她它们这那哪个谢快点来买叫订吃喝拿整想让把被从完怎卖啥改没装有事呗什么也"
)

def name_letter(also_not: str = "") -> str:
    """A regex class for one letter of a name said in Chinese: no digit, Latin letter, verb or particle (nor any
    character of `also_not`)."""
    return f"[^\\W\\d_a-z{''.join(sorted(NOUN_STOP_CHARS))}{also_not}]"


NOUN_STOP_WORDS = ("外卖", "谢谢", "送到", "过来", "快点", "马上", "立刻", "尽快", "左右", "以内", "一下", "可以")
NOUN_STOP_WORDS += ("附近", "哪家", "超市", "店")  # 查一下附近哪家店有…, 超市有没有卖…, 卖X的店: where, not what
NOUN_STOP_WORDS += ("但是", "不过")  # 再要一杯一样的但是去冰: what follows changes the dish, it names none
EN_NOUN_STOP_WORDS = frozenset(
    [
        # Typed shorthand and feelings around an order: "2 packs pls", "thx", "craving crayfish rn".
        *("pls", "plz", "thx", "thanks", "ty", "lol", "rn", "has", "have", "sells", "sell", "selling"),
        *("can", "could", "will", "should"),  # "one kopi can order or not?"
        *("right", "asap", "quickly", "already", "instead"),  # "a coffee right now", "2 lattes asap"
        "and",
        "with",
        "for",
        "from",
        "to",
        "at",
        "in",
        "on",
        "under",
        "below",
        "less",
        "no",
        "please",
        "delivered",
        "delivery",
        "now",
        "asap",
        "that",
        "which",
        "plus",
        "or",
        "by",
        "before",
        "after",
        "around",
        "than",
        "without",
        "extra",
        "but",
        "tonight",
        "tomorrow",
        "today",
        "me",
        "us",
        "it",
        "this",
        "there",
        "here",
        "too",
        "also",
        "then",
        "is",
        "are",
        "was",
        "be",
        "if",
        "so",
        "of",
        "near",
        "nearby",
        "delivered",
        "quickly",
        "fast",
    ]
)
EN_FILLERS_AFTER_VERB = compiled(r"\s*(?:(?:me|us|myself|for me|for us|like|uh|um|erm|just)\b\s*)*")


@dataclass(frozen=True)
class DomainRules:
    """What makes a sentence one domain's request."""

    domain: str
    # Verbs that ask for this domain's things on their own and may take a bare noun (点酸辣粉, order sushi).
    verbs: re.Pattern[str]
    # Asking after an order, cancelling one, looking things up.
    status: re.Pattern[str]
    cancel: re.Pattern[str]
    search: re.Pattern[str]
    # Nouns that name this domain's orders without naming an item (外卖, 订单, my food).
    order_objects: re.Pattern[str]
    # Words that ask for this domain's things but are not items: the frame then misses items.
    generic_items: re.Pattern[str]
    # An unknown noun after one of these measure words is this domain's item (一份酸辣粉).
    measures: frozenset[str]
    # Last characters / words that make an unknown noun look like this domain's (…粉, …面, …tea).
    noun_heads_zh: frozenset[str]
    noun_words_en: frozenset[str]


# 点 as a verb (点外卖), not a time or an amount (三点, 快点, 早点, 多点): the lookbehind comes after the
# character, so that re can skip to where a 点 is (see text.letter_led).
# 点 ordering food, not a clock's 点 (十二点) nor "a bit" (快点, 靠后点, 说点什么).
# (便宜点, 宽敞点, 安静点, 干净点: how something should be)
_NOT_BEFORE_DIAN = (
    r"零〇一二两三四五六七八九十\d快早晚慢多少好有差几前后高低远近大小加放说写做聊讲学想玩省花攒存宜敞净静"
)
# (想点个/想点两杯: wanting to order; 想点办法 is thinking of one)
_DIAN_VERB = (
    rf"点(?:(?<![{_NOT_BEFORE_DIAN}]点)|(?<=想点)(?=[个份杯碗两俩几一二三四五六七八九十\d]))(?![评赞击开钟半儿头])"
)

# The words that cancel an order or a booking, in every domain (each domain adds its own: 别送了, 退房).
# (想退 / 请你退我的票 / 帮我退昨天买的票: a learner's cancel; not 退出, 退休, 退烧)
# (能退吗, 退一下: whether it can be taken back is asking to)
CANCELLED_ZH = (
    "取消|退掉|退了|撤销|撤回|撤了|撤掉|撤单|退单|不要了|退(?<=[想要你我]退)(?![出休烧役伍步款点钱])|能退吗|可以退吗|能不能退|退一下"
)
# (cancle: typed fast; "drop the supermarket order", not "drop off" or "drop by")
CANCELLED_EN = "cancel|cancle|call off|refund|scrap|money back|drop(?= (?:the|my|our|that|this)\\b)"


# Whether a shop still sends or sells, and at what price: 海底捞外卖能送到望京吗, 这么晚还送吗, 现在还能点吗,
# 柠檬水还是4块钱吗 (a look-up in every domain; domains.common.SEARCH holds it too).
STILL_SOLD_ASKED_ZH = (
    r"能送(?:外卖)?(?:到|吗)|还送吗|还能点[^，。,.!?？]{0,6}[吗么]|能配送|还是[^，。,.!?？]{0,6}[块元]钱?[吗么]"
)


FOOD = DomainRules(
    domain="food",
    verbs=compiled(
        rf"{_DIAN_VERB}|叫(?!上)|下单|下一单|下个单|想吃|想喝|要吃|要喝|吃|喝|"
        + letter_led("order|eat|drink|deliver|delivered|hungry|thirsty|craving", then=r"\b")
    ),
    status=compiled(
        r"到哪|在哪|送到哪|到了吗|到没到|怎么还没|还没到|还没送|多久(?:能|才)?到|还要多久|什么时候(?:能|才)?(?:到|送)|进度|状态|"
        # (超市买的菜也没到, 为什么还没有来; not someone awaited: 他还没来)
        r"也没到|也还没到|都没到|也没送到|还没有到|还(?<![他她人们友]还)(?:没有?|不)来|是不是丢了|送丢了|还在配送|配送中|"
        # (还有多久送到 waits for one: 外卖一般多久能送到 is talk)
        r"啥时候(?:能|才)?(?:到|送)|我的[^，。,.!?]{0,6}订单|还有多久(?:能|才)?送到|还没发货|没发货|"
        r"几时到|几时送|几点(?:能|才)?(?:送)?到|显示已?送达|显示已?签收|我的[^，。,.!?？]{1,8}?(?:到底)?还送不送|"
        r"订的[^，。,.!?？]{1,10}?能(?:送)?到[吗没]|"
        r"送到了没|送出了吗|出餐了吗|送到没|到了没"
        # The order hurried along: 帮我催一下肯德基的单子, 催单, 外卖催一催 (not 催方案: what is hurried is an order)
        r"|催单|催一下|催下|催一催|催催"
        # Whether something already happened to an order: 发货了吗, 商家接单了没, 骑手取餐了吗.
        # (Each spelt out, so that every alternative starts with its own character: see text.letter_led.)
        r"|发货了(?:吗|没)|发出了(?:吗|没)|接单了(?:吗|没)|出餐了(?:吗|没)|送出了(?:吗|没)|取餐了(?:吗|没)|取走了(?:吗|没)"
        r"|配送了(?:吗|没)|派送了(?:吗|没)|揽收了(?:吗|没)|签收了(?:吗|没)|送达了(?:吗|没)|做好了(?:吗|没)|备好了(?:吗|没)|"
        # (还要等多久 asks after one ordered; 要等多久 alone, how long a new one takes)
        r"做好没|显示已发货|显示待配送|还显示|还没出库|出库了(?:吗|没)|配送中|还要等多久|"
        r"送出来了(?:吗|没)|送出来没|送出去没|送过来没|送来没|送到那了|发货没有|发货了没有|送到没有|送到了没有|到了没有|出餐没有|出餐了没有|接单了没有|"
        # 订单好了没, 我那杯星巴克好了没, 我的麻辣烫呢 (asked after by name alone)
        r"好了(?:吗|没)|我的[^，。,.!?？呢]{1,8}呢(?=[，。,.!?？\s]|$)|"
        + letter_led(
            r"where(?:'s| is| are| r)|where (?:my|our|the|that|this) [a-z \ue000-\ue007]{1,30}? (?:is|are|r|at)|track"
            r"|where (?:tf|the hell|the heck|tf) (?:is|are)|still says|still shows|still preparing"
            r"|tracking|status|"
            r"check on (?:it|my|our|the|that)|tell me where|"
            # Typed fast: "wheres it at", "my order stuck??" (not "I'm stuck at work").
            r"wheres|whers|wher is|order (?:is |got )?stuck|delivery (?:is |got )?stuck|stuck(?= ?\?)|"
            r"when (?:will|does|is) .{0,60}(?:arrive|come|get here|here)|"
            r"what time (?:will|does|is) .{0,40}(?:arrive|arriving|come|coming|get here|here)|"
            r"what time's .{0,40}(?:arrive|arriving|come|coming|get here|here)|still coming|any update|"
            r"when's (?:my|our|the) .{0,40}(?:arrive|arriving|come|coming|get here|here)|what happened to (?:my|our)|"
            r"did the (?:rider|driver|courier) pick up|"
            r"how long (?:until|till|before|for|will)|on (?:its|the) way|eta|"
            # Second-language English: "my malatang where already?", "when arrive?", "still not come".
            r"where already|when (?:can )?arrive|still not (?:come|coming|arrive|arrived|here|reach)"
            # Typed short: "groceries delivered yet?", "food here yet?"
            r"|delivered yet|arrived yet|shipped yet|here yet|dispatched yet|gone out yet|left yet|out yet"
            r"|how's my|how is my|left the (?:store|shop|restaurant)"
            r"|not (?:come|arrive) yet|out for delivery|how much longer|any update on"
            # as a second language asks it: "my 盒马 order where now?", "arrive where?", "still not make?"
            r"|where now|arrive where|still not (?:make|made|ready|done|send|sent)"
            r"|coming or not|come or not|arrived or not|here or not|delivered or not"  # "my burger is coming or not?"
            r"|arrive yet|come yet|did (?:it|the|my|our) [a-z ]{0,24}(?:ship|arrive|go out)"
            # "it still hasn't come", "hasn't arrived", "never came": an order waited for
            r"|hasn't (?:come|arrived|turned up)|has not (?:come|arrived)|haven't (?:come|arrived)"
            r"|never (?:came|arrived)"
            r"|look into (?:it|my order)|where (?:it|my order) is"
            # an order waited for: "still waiting for the 一点点 order... what is happening" (not "for my friend")
            r"|still waiting (?:for|on) (?:the|my|our) [^,.!?]{0,30}?(?:order|delivery|food|meal)"
            r"|been waiting for (?:the|my|our) [^,.!?]{0,30}?(?:order|delivery|food|meal)",
            then=r"\b",
        )
        + "|"
        + letter_led(r"where (?:my|our) [a-z\ue000-\ue007 ]{1,30}", then=r"\?")  # "where my coffee??"
        # A yes/no question about one's own order asks after it: "has my order shipped?", "is our food ready?".
        # (A lookbehind of any character is the start of the text, ^.)
        + "|"
        + letter_led("has|have|did|is|was|were|are", not_after=r"[\s\S]", then=r"\s+(?:my|our)\b")
        + "|"
        # Whether it happened yet: "has the rider picked up my coffee yet?", "has the milk I bought arrived".
        + letter_led("has|have|did|is", not_after=r"[\s\S]", then=r"\s+(?:the|my|our)\b.*\byet\b")
        + "|"
        + letter_led("has|have", not_after=r"[\s\S]", then=r"\s+(?:the|my|our)\b.*\b(?:arrived|come|shipped)\b")
    ),
    cancel=compiled(
        rf"{CANCELLED_ZH}|别送了|不想要了|退款|"
        + letter_led(f"{CANCELLED_EN}|don't want .{{0,30}}any ?more", not_after="[a-z]", then="(?![a-z])")
    ),
    search=compiled(
        r"查一下|查查|查下|搜一下|搜索|看看|看一下|看下|有什么|有啥|有没有|有哪些|推荐|哪里有|哪儿有|哪有|菜单"
        r"|送不送|营业|开门吗|还开着"  # 塔斯汀还送不送, 肯德基还营业吗: whether a shop is open
        # 几点关门, 早餐卖到几点, 朴朴几点开始配送, 永辉现在还能下单送货吗: its hours, and whether it still delivers
        r"|几点关门|几点开门|几点开始|卖到几点|营业到几点|开到几点|还能下单|送货吗|开着的"
        rf"|{STILL_SOLD_ASKED_ZH}|几点结束"
        # 拿铁多少钱一杯, 大米一袋多少钱: the price asked
        # (spelt out: an alternative that starts with a set makes re try every position)
        r"|多少钱(?=[一每])|一[杯份斤袋盒箱瓶个碗]多少钱|每[杯份斤袋盒箱瓶个碗]多少钱"
        # 一箱牛奶多少钱, 鸡蛋现在打折吗, 卫生纸最近在搞活动吗, 喜茶最近出了什么新品: the price, a sale or what is new
        r"|多少钱(?=\s*[吗呀啊呢]?\s*(?:[?？，,。]|$))|打折吗|打折没|在打折|有折扣|特价吗|搞活动|有活动吗|促销吗|贵不贵|贵吗|便宜吗"
        # 还有优惠吗, 西瓜几块钱一斤, 有车厘子卖吗 (not 还有外卖吗: whether anyone delivers)
        r"|有优惠|优惠吗|几块钱一|有(?!外卖)[^，。,.!！?？\s]{1,10}?卖[吗么没]"
        r"|出了什么|上了什么|出新品|上新了"
        # 山姆的烤鸡还有吗, 还有货吗, 牛排现在什么价, 哪个便宜: whether it is in stock, its price, which costs less
        # (not 点杯奶茶，还有吗: anything else; nor 随便哪家便宜点的: any will do)
        r"|还有吗(?<![，,。\s]还有吗)|还有货|有货吗|有货没|什么价|啥价"
        r"|哪(?<!随便哪)(?:个|种|家)[^，。,.!！?？\s]{0,6}便宜"
        # 有车厘子吗, 鲜盒超市 有…吗, 你们有…吗: whether it is sold (帮我点一杯奶茶，有少糖的吗 asks how to make
        # the order)
        r"|有(?<![^\s\ue000-\ue007们]有)[^，。,.!！?？\s]{1,10}[吗么]"
        r"|有卖[^，。,.!！?？\s]{1,10}[吗么]"  # 永辉超市有卖车厘子吗: whether a shop sells it
        r"|"
        + letter_led(
            r"look up|search|show me|what .{0,30}(?:do you have|are there|open|available)|any .{0,40}nearby"
            # (and as a second language asks it: "how much 1 斤 车厘子 in 钱大妈")
            r"|any [a-z \ue000-\ue007]{1,40}\?|recommend|how much (?:is|are|r|does|do|[\d\ue000])|price of|prices of"
            r"|open (?:right )?now|menu|still open|in stock|on sale|does [a-z' &.\ue000-]{1,30} deliver"
            r"|still delivering|doing delivery|still taking (?:delivery )?orders|deliver near"
            r"|what's good|what is good|what's new|anything new|which is cheaper|what's the cheapest|still doing"
            r"|any deals|deals on"
            # ("costco rotisserie chicken price?", "Nando's quarter chicken how much ah?": the price asked last)
            r"|prices? ?\?|how much (?:ah|lah|la|leh) ?\?|how much ?\?|how much per",
            not_after="[a-z]",
            then="(?![a-z])",
        )
        # Asking whether something exists or is sold is a look-up, not an order.
        + "|"
        + letter_led(
            r"are there|is there|check (?:if|whether)|where can i (?:get|buy|find)"
            r"|does (?:the |this |that |your |you |they )?[a-z \ue000-\ue007]{0,30}?(?:have|sell|carry|stock)"
            r"|do (?:the |this |that |your |you |they )?[a-z \ue000-\ue007]{0,30}?(?:have|sell|carry|stock)",
            then=r"\b",
        )
    ),
    order_objects=compiled(
        # What one ordered, said with when: 我早上点的, 我中午订的.
        r"外卖|订单|餐|饭|骑手|吃的|喝的|饮料|咖啡|奶茶|我点的|刚点的|刚才点的|我[^，。,.!！?？点]{1,4}点的|订的|那一?单|这一?单"
        r"|退单|撤单|催单|单子|拼单"  # (an order called off or hurried by its 单 alone: 我要退单, 催单, the takeaway's)
        r"|"
        + letter_led(
            "order|ordered|food|delivery|takeout|takeaway|meal|rider|driver|drink|coffee|tea|lunch|dinner|breakfast",
            then=r"\b",
        )
    ),
    generic_items=compiled(
        r"外卖|吃的|喝的|东西|饭菜|午饭|晚饭|早饭|早餐|午餐|晚餐|夜宵|宵夜|饮料|好吃的|点心|吃|喝|菜单|新品"
        # a restaurant looked for by its kind: 火锅店, 川菜馆, 能包场的烧烤店, "romantic restaurants"
        # (each spelt out: a group before the 店 would make re try every position)
        r"|餐厅|饭店|饭馆|餐馆|菜馆|酒楼|自助餐|火锅店|烧烤店|日料店|料理店|西餐厅|烤肉店|海鲜馆|海鲜店|小吃店|快餐店|甜品店|面馆|面店"
        r"|"
        + letter_led(
            "food|something to (?:eat|drink)|anything to (?:eat|drink)|something|lunch|dinner|breakfast|meal|"
            "takeout|takeaway|snacks?|drinks?|a bite|eat|drink|hungry|thirsty|menu|restaurants|eateries",
            then=r"\b",
        )
    ),
    # 个 只 块 are left out: they count anything (一个女朋友), so they say nothing about food.
    measures=frozenset("杯份碗盒瓶袋串罐听碟盘屉笼桶客扎根") | {"人份"},
    # Head morphemes of Chinese dish names (Chinese noun phrases end in their head); the
    # catalogue adds the last two characters of each of its names.
    noun_heads_zh=frozenset("饭面粉粥汤饼茶奶啡汁酒饺馄饨烧鸡鸭鱼肉虾蟹堡糕酥羹锅丸肠馍浆挞串条脑"),
    noun_words_en=frozenset(
        [
            "soup",
            "noodles",
            "noodle",
            "rice",
            "sandwich",
            "sandwiches",
            "salad",
            "sushi",
            "ramen",
            "coffee",
            "tea",
            "juice",
            *("brew", "brews", "cocoa", "mocha", "mochas", "smoothie", "smoothies", "frappe"),
            "cake",
            "bread",
            "chicken",
            "beef",
            "pork",
            "fish",
            "shrimp",
            "duck",
            "curry",
            "taco",
            "tacos",
            "burrito",
            "wrap",
            "dumplings",
            "fries",
            "wings",
            "steak",
            "pasta",
            "smoothie",
            # What takeaway sells by its own name: "6 glazed donuts", "a chicken combo".
            *("donut", "doughnut", "pancake", "waffle", "kebab", "pho", "nuggets"),
            *("combo", "platter", "milkshake", "shake", "bao"),
            *("macchiato", "cappuccino", "espresso", "frappuccino", "chai", "matcha", "cortado", "naan"),
            # Chinese dishes said by their pinyin names: "two youtiao", "a jianbing", "10 baozi"
            *("jianbing", "youtiao", "baozi", "jiaozi", "xiaolongbao", "mantou", "zongzi", "tangyuan", "wonton"),
            *("wontons", "huntun", "malatang", "congee", "dimsum", "roujiamo", "liangpi", "lamian"),
            *("buns", "bun", "gyoza", "udon", "dumpling", "skewers"),
            # "a family bucket", "a turkey sub", "six curry puffs"
            *("bucket", "buckets", "sub", "subs", "puff", "puffs"),
            # "a chicken rice bowl", "a Big Mac meal", "half a dozen egg tarts", "a cheese foam oolong"
            *("bowl", "bowls", "meal", "meals", "tart", "tarts", "oolong"),
        ]
    ),
)

# Said right after a place, or a shop standing for one: 万达附近, 肯德基旁边 (where, not what).
NEAR_IT_ZH = compiled(r"\s*(?:附近|旁边|周边|边上|对面)")

# Words that put a request in the supermarket (clauses.py decides 可乐/啤酒 with them too).
# What babies eat and wear: sold by the shop, whatever "milk" says (an order of them is no shop's: 奶粉那单).
BABY_GOODS_ZH = "奶粉|纸尿裤|尿不湿|辅食"
BABY_GOODS_EN = "formula|baby formula|diapers?|nappies|nappy|baby wipes"
# (and what pets eat: sold by the shop, whatever "food" says)
GROCERY_CONTEXT_ZH = "超市|盒马|年货|买菜|生鲜|便利店|菜市场|菜场|日用品|生活用品|囤货|囤点|狗粮|猫砂|宠物粮|"
GROCERY_CONTEXT_ZH += BABY_GOODS_ZH
# (and a hotpot cooked at home, what the shopping is for: 今晚涮火锅)
GROCERY_CONTEXT_ZH += "|涮火锅|煮火锅"
GROCERY_CONTEXT_EN = letter_led(
    "supermarkets?|grocer(?:y|ies)|grocery store|convenience store|dog food|cat food|pet food|cat litter|"
    # (what a shop has on its shelves: "do you have durians in stock"; cooking at home: "for meal prep")
    "in stock|out of stock|meal prep|cook at home|cooking at home|"
    + BABY_GOODS_EN,
    then=r"\b",
)
GROCERY_CONTEXT = compiled(f"{GROCERY_CONTEXT_ZH}|{GROCERY_CONTEXT_EN}")
# Measure words that sell by the case, the pack or the weight: a shop's, not a restaurant's.
# The milks a coffee or tea is made with: oat milk, 燕麦奶 (said after the drink, no item of its own).
MILKS_EN = r"oat|soy|almond|coconut|skim|skimmed|whole|lactose[- ]free|low[- ]fat"
MILKS_ZH = "燕麦|豆|椰|脱脂|全脂|杏仁"
# A shop's packets, what products are counted in: 两袋, 一箱, "2 bags of", "a case of".
PACKETS_ZH = "箱袋包罐瓶提"
PACKETS_EN = "bags?|cases?|crates?|cans?|packs?|packets?|bottles?|cartons?|jars?"
GROCERY_MEASURE_HINT = compiled(
    r"箱|提|斤|公斤|千克|袋|\b(?:cases?|crates?|packs?|six-pack|kg|kilos?|pounds?|lbs?|jars?|loaf|loaves|cartons?|tubs?)\b"
    r"|\d\s*kg"
)
# Measure words and words of a restaurant order.
FOOD_MEASURE_HINT = compiled(r"杯|份|碗|扎|外卖|" + letter_led("cups?|glass(?:es)?|takeout|takeaway", then=r"\b"))

GROCERY = DomainRules(
    domain="grocery",
    verbs=compiled(GROCERY_CONTEXT.pattern + r"|囤|采购|" + letter_led("stock up", then=r"\b")),
    status=FOOD.status,
    cancel=FOOD.cancel,
    search=FOOD.search,
    order_objects=compiled(
        r"超市|买的菜|年货|日用品|买的东西|下的单|那单|这单|订单|"
        + letter_led("groceries|grocery|supermarket|order|delivery", then=r"\b")
        + "|"
        + GROCERY_CONTEXT.pattern
    ),
    generic_items=compiled(
        # (菜 of a cuisine or a restaurant is no vegetable: 川菜馆, 粤菜)
        r"年货|菜(?<![川粤湘鲁浙闽徽苏]菜)(?!馆)|日用品|生活用品|东西|"
        + letter_led("groceries|grocery|stuff|things|essentials", then=r"\b")
    ),
    measures=frozenset("斤箱提袋包") | {"公斤"},
    # Fruit and vegetables by their last character too: 榴莲, 水蜜桃, 脐橙, 香菇, 枸杞.
    noun_heads_zh=frozenset("菜果蛋米油盐醋酱纸瓜豆肉面粉桃梨橙柚莓蕉枣杏柿莲椒葱蒜姜笋菇藕杞枝柑橘李杷梅榴茄薯芋"),
    noun_words_en=frozenset(
        [
            *("vegetables", "fruit", "fruits", "eggs", "rice", "oil", "salt", "flour", "milk", "paper", "detergent"),
            "soap",
            # Fruit and vegetables by their own names: "some kiwis", "two boxes of blueberries".
            *("berries", "kiwis", "grapes", "oranges", "lemons", "limes", "mangoes", "avocados", "peaches", "pears"),
            *("melons", "tomatoes", "potatoes", "onions", "carrots", "cucumbers", "peppers", "mushrooms", "cabbage"),
            # What else a supermarket shelves, by its English name: "buy butter", "sunscreen + 3 bottles water".
            *("butter", "cheese", "yogurt", "yoghurt", "cereal", "oats", "pasta", "sugar", "vinegar", "ketchup"),
            *("honey", "jam", "nuts", "snacks", "crisps", "tissues", "wipes", "diapers", "nappies", "shampoo"),
            *("conditioner", "toothpaste", "toothbrush", "sunscreen", "lotion", "razors", "batteries", "bleach"),
            *("sponges", "formula", "litter", "spinach", "lettuce", "broccoli", "garlic", "ginger", "apples"),
            *("bananas", "strawberries", "blueberries", "cherries", "watermelon", "pineapple", "tofu"),
        ]
    ),
)

DOMAIN_RULES: tuple[DomainRules, ...] = (FOOD, GROCERY)
RULES_BY_DOMAIN = {rules.domain: rules for rules in DOMAIN_RULES}

# Verbs every domain's order shares: buying and asking to have something.
ZH_ORDER_VERBS = compiled(r"买|订|预订|预定|下单|下一单|下个单|来|要|整|拿|送|叫|点|帮我弄|改成|换成")
# Verbs that name a thing right after them even without a number (点酸辣粉, 想吃酸辣粉, 买酸辣粉).
# (叫上室友: brings; 订单 and 买单 are the order and the bill)
ZH_BARE_NOUN_VERBS = compiled(rf"{_DIAN_VERB}|叫(?!上)|下单|想吃|想喝|要吃|要喝|吃|喝|买(?!单)|订(?!单)")
EN_ORDER_VERBS = compiled(
    letter_led(
        "order|buy|get|want|wants|would like|have|need|needs|bring|grab|send|deliver|fetch|pick up|i'll take|craving|"
        "can i get|could i get|give|wanna|gimme|could use|could really use|could go for|could do with|arrange",
        then=r"\b",
    )
    # "'d like" starts with no letter: the \b before it is a word character before the quote.
    + r"|'(?<=\w')d like\b"
)

# ---- looking things up ------------------------------------------------------------------

# Asked to act after looking: 有没有外滩附近的酒店？帮我订一晚, 有没有卖榴莲的 有的话帮我买一个, "any rooms near the
# Bund? book me one": the look-up only says what to order.
ACT_AFTER_LOOKING = compiled(
    r"有的话|如果有|要是有|(?<!没)有就|帮我订|给我订|帮我预订|帮我预定|帮我买|给我买|帮我来|帮我点|帮我抢|就订|就买|就要"
    r"|[来要抢买订][一两三四五六七八九十俩仨\d]张"  # 还有票吗，来一张
    # 凌晨一点还能送吗？想来一份烧烤拼盘; 八点半之前能送到吗？要一把芹菜: an order after the question
    r"|[?？]\s*(?:想|我)?[来要][一两三四五六七八九十俩仨\d]"
    r"|" + letter_led("book (?:me|it|one|that|a)|if so", then=r"\b")
    # "if there are, book one" (not "check if there are flights": what is looked up)
    + r"|(?<!check )(?<!see )(?<!know )(?<!me )if there (?:is|are)\b"
)


def looks_up_only(search: re.Pattern[str], text: str) -> bool:
    """Whether the text asks to look something up, and not to order it after looking."""
    looked = search.search(text)
    return looked is not None and ACT_AFTER_LOOKING.search(text, looked.end()) is None


# Words after which a look-up names what it looks for: 有没有卖煲仔饭的, 查一下附近的螺蛳粉店,
# "look up sushi places", "are there any dumpling places", "check if there are strawberries".
SEARCH_NOUN_STARTS = compiled(
    r"卖|有没有|哪里有|哪儿有|哪有|查一下|查查|搜一下|搜索|搜|找一下|找找|附近的|附近有没有|附近有|店有|家有"
    r"|" + letter_led("look up|looking for|search for|search|find|sell|sells|any|there are|there is", then=r"\b")
    # "price of durian on hema", "does walmart have oatly", "any discounts on eggs" ("have any": read from any)
    + "|"
    + letter_led(r"price of|prices of|have(?!\s+any\b)|has(?!\s+any\b)|carry|carries|discounts on|deals on", then=r"\b")
)
# A shop named by what it sells is a look-up of that dish: 螺蛳粉店, 面馆, "sushi places".
SHOP_SUFFIX_ZH = ("店", "馆", "铺", "档", "摊")
SHOP_WORDS_EN = frozenset(["place", "places", "shop", "shops", "restaurant", "restaurants", "joint", "joints"])
SHOP_WORDS_EN |= {"spot", "spots", "stall", "stalls", "stand", "stands", "store", "stores"}

# Right before a wish, what turns it down: 不要红眼, 别给我冰的, 不坐经济舱, 别太靠前, "not the front row", "no business
# class", "anything but a red-eye" (不要冰 and "no ice" are phrases of their own). Searched up to where the wish starts.
TURNED_DOWN_BEFORE = compiled(
    r"(?:不要|不用|别|不坐|不想|避开|除了|不敢|不能)(?:太|给我|帮我)?(?:订|坐|买|要|做成|弄成|喝|吃)?\s*$"
    r"|(?<![a-z])(?:not(?: in)?|no|avoid|anything but|except|rather than|don't want)\s*(?:an?\s+|the\s+)?$"
)
# Said between two wishes of one kind, what makes the second the one wanted: 中间偏后那种……算了就要后排, "I wanted
# Dianchi Lake but let's just do Green Lake", 本来想订冰雪大世界附近，算了，就中央大街.
CHANGED_MIND = compiled(
    r"算了|不对|哦不|还是|改成|"
    + letter_led("actually|instead|no,|make it|but let's|let's do|let's just", then=r"(?![a-z])")
)

# ---- conversation that mentions services ------------------------------------------------

# A command that starts with a writing, language or arithmetic task is that task, whatever it quotes:
# "translate 'I'd like a latte'", 帮我写一段点外卖的文案, 帮我算一下住五晚一共多少钱.
CHAT_TASK_FIRST = compiled(
    r"^(?:请|帮我|帮忙|麻烦你?|你能|能不能|可以)?\s*(?:翻译|写|作|编|解释|润色|改写|算一下|算算|计算|估算|translate\b)"
    r"|^(?:(?:please|pls|can you|could you|would you)\s+)?"
    r"(?:translate|write|compose|explain|rephrase|proofread|draft|calculate|work out)\b"
    # A sum asked about what would be: "if a room costs 450 a night, how much are 3 nights", 如果…一共多少钱.
    r"|^(?:if|suppose)\s[^?]*\bhow (?:much|many)\b|^(?:如果|假如|假设)[^？?]*多少"
)
# Questions about how things are, not requests to do them: rules, differences, permissions, how a dish is made.
KNOWLEDGE_QUESTION = compiled(
    r"区别|有什么不同|有啥不同|什么意思|可以带|能带|能不能带|可不可以带|让不让带|允许带|规定|票房|排行"
    # A rating asked about, not wished for (评分高的川菜馆 asks for one).
    r"|口碑(?:怎么样|如何|好吗|咋样)|评分(?:多少|怎么样|如何|高吗|咋样)"
    r"|怎么[做煮炒烧炖泡调弄腌包蒸烤]|怎样做|做法|菜谱|食谱|热量|卡路里|叫什么"
    # Why things are, how long they take, what a film meant, what the assistant thinks.
    r"|为什么|为啥|要多久|多长时间|几个小时|啥意思|没看懂|结局|你觉得|您觉得|听听[^，。,.!！]{0,6}建议|有什么建议|给点建议|文案"
    r"|好还是|哪个好|哪个更|拍得(?:更|好|怎么样|咋样)|满意|什么药"  # which is better, how it went, what medicine
    # a festival's food, ideas, distances, sights (不讲究: not fussy, about what is asked for)
    r"|讲究(?<!不讲究)(?<!没讲究)|习俗|风俗|寓意|点子|出主意|多远|景点|好玩的"
    # a translation asked for; thanks for what was had
    r"|翻译成|翻成|很好[喝吃]|真好[喝吃]|太好[喝吃]|挺好[喝吃]|贼好[喝吃]"
    # the assistant's name asked, a choice left to it, whether a food fattens: 你叫啥名字, 你帮我拿个主意, 会胖吗
    r"|叫啥|拿个主意|拿主意|会胖|长胖|吃什么比较好|吃啥比较好"
    # Complaints about what was had: 难吃死了, 别再推荐了; refunds and fees asked after, a change of booking, an
    # invoice (退点钱, 钱退到哪里去了, 退票手续费, 改签, 发票怎么开), and a greeting over a meal (你吃过饭了没有).
    # (not 心脏不好喝不了浓咖啡: a health that is not good, then what cannot be drunk)
    r"|难吃|难喝|不好吃(?!不)|不好喝(?!不)|别再推荐|投诉|退点钱|退到哪|手续费|改签|发票|怎么处理|吃过饭了|吃饭了没|吃了吗|吃了没"
    # How things usually are: 酒店一般几点退房, 外卖通常多久送到.
    r"|一般[^，。,.!！?？]{0,6}?(?:几|什么|怎么|多少|多久|要不要)|通常[^，。,.!！?？]{0,6}?(?:几|什么|怎么|多少|多久)"
    r"|"
    + letter_led(
        r"difference between|what(?:'s| is) the difference|is it (?:ok|okay|safe|allowed|healthy|bad|good) to"
        r"|can (?:i|we|you) (?:bring|take|carry)|may (?:i|we|you) (?:bring|take|carry)|am i allowed"
        r"|allowed to bring|box office|movies? to watch at home|films? to watch at home|ratings?|recipes?"
        r"|how (?:do (?:i|you) |to )(?:make|cook|brew|bake)"
        # How the service itself works, what a food is made of, and travel advice.
        r"|how do (?:i|we)|how does|calories|things to do|what to do in|places to (?:visit|see|go)|worth visiting"
        r"|why|how long (?:does|is|will|would|do)|do you think|what do you think|good (?:film|movie) for"
        # Things no provider sells, recommended: "a good book for a long flight".
        r"|recommend (?:me )?(?:a |some )?(?:good )?(?:books?|songs?|music|podcasts?|games?|shows?)"
        r"|is it (?:cheaper|faster|better) to|which is (?:cheaper|faster|better)"
        r"|what do people (?:usually |normally |traditionally )?(?:eat|drink|do)|traditions?|customs?|how far"
        r"|whether (?:a|an) [a-z ]{1,30} is (?:a|an)\b|settle (?:this|it)\b"  # "whether a hot dog is a sandwich"
        r"|how many (?:kilomet\w*|km|miles|hours|minutes)"
        # what a word means, whether something heard is so
        r"|what does [^?.!]{1,30} mean|is (?:it|that|this) true"
        r"|how to apply|do i need a visa|visa requirements?",  # papers for a trip: asked about, never sold here
        then=r"\b",
    )
)
# A yes/no question about what would happen (会胖吗, 可以…吗, 会不会长胖) or a story of what happened ("I had
# the worst stay"): talk, unless the sentence also asks for something (REQUEST_MARKERS).
_WOULD_IT = ("会", "可以", "能不能", "可不可以", "是不是", "算不算", "应该", "好不好")
# Asked the A-not-A way, a question needs no 吗: 奶茶喝多了会不会长胖, 这家是不是关门了.
_A_NOT_A = ("会不会", "是不是", "算不算", "该不该", "能不能", "可不可以")
TALK_QUESTION = compiled(
    # Each word spelt out with the question after it, so that every alternative starts with a plain character.
    "|".join(f"{word}[^，。,.!！]*(?:吗|么|呢)[?？!！。]*$" for word in _WOULD_IT)
    + "".join(f"|{word}[^，。,.!！]*$" for word in _A_NOT_A)
    + "|"
    + letter_led(
        "i|we",
        then=r"(?: just| already| literally)? (?:had|stayed|was|were|went|saw|watched|flew|loved|hated|ate|drank)\b",
    )
    # What one already had, told: 我昨天吃了顿火锅, 喝了两杯奶茶, 看了场电影.
    + "".join(f"|{verb}了[一两三几]?[顿杯碗份场次晚趟回]" for verb in "吃喝看住")
    # How something was ("my flight was so bumpy", "the movie last night was soooo boring", "the crayfish have been
    # amazing"), and questions about how things are ("do hotels usually…", "how come…", "any tips for…", "is it
    # worth the money").
    + "|"
    + letter_led(
        "was|were|has been|have been",
        then=r"\s+(?:s+o+|really|super|too|pretty|kinda|very|absolutely|totally|amazing|awful|terrible|boring)\b",
    )
    + "|"
    + letter_led("usually|how come|any tips|tips for|worth the money|worth it", then=r"\b")
)
REQUEST_MARKERS = compiled(
    # (订的, 买过: what was booked or bought, told, asks for nothing)
    r"帮|给我|我要|我想要|请(?<!申请)(?!问)|麻烦|订(?![的过])|买(?![的过])|叫|下单|预定|预订|来[一两俩几杯份个碗]|查一下|查下|查查"
    r"|查询|搜一下"
    rf"|{_DIAN_VERB}|"
    + letter_led(
        "book|reserve|order|buy|get me|find me|i need|i want|i'd like|we need|we want|look up|search|arrange"
        "|if you could|could you|can you|would you", then=r"\b"
    )
)


_TALK_HINT = compiled(
    r"吗|么|呢|吃了|喝了|看了|住了|"
    + "|".join(_A_NOT_A)
    + "|"
    + letter_led("i|we|was|were|been|usually|how come|any tips|tips|worth", then=r"\s")
)


# The campaign asked about: 免单卡能不能买机票用, 能拿几张免单卡, "how many free order cards can I get?", "is the free
# order thing legit?" (using a card to order is no question: 用免单卡帮我点一杯奶茶).
_CAMPAIGN_QUESTION = compiled(
    r"免单[^，。,.!！]{0,15}?(?:吗|么|能不能|可不可以|怎么|几张|多少|哪些|啥|靠谱)|(?:几|多少)张免单"
    r"|\b(?:how|is|are|can|could|does|do|what|will|why) [^.!?]{0,40}free[- ]?orders?"
)


# What was had, judged, or thanks for it: 昨晚那部电影挺好看的, 服务太差了, "the movie was awful", "thanks for sorting
# out the hotel" (talk, unless the sentence also asks for something).
_OPINION = compiled(
    # (thanks that end the message close a request: 奶茶x2 半糖少冰 谢谢啦)
    r"挺好看|好好看|难看|哭了|哭死|太好看|太差|无语|烂的|放心了|(?:谢啦|谢谢你|谢谢您)(?=.*[\u4e00-\u9fff])"
    r"|体验真|体验太|体验很|都凉了|白买了|差评|太慢了|"
    # a vent: 外卖又送晚了，真的服了; 飞机又延误了，烦死了
    r"烦死|服了|气死|受不了了|心累|崩溃了|"
    # prices and tastes complained of: 机票怎么这么贵, 全涨价了真离谱, 吃不起了, 那家奶茶太甜了, 味道变了
    r"这么贵|那么贵|涨价|离谱|翻了一倍|便宜不少|贵不少|吃不起|看不起|住不起|坐不起|太甜|太咸|太油|太烂|浪费我|味道变了|没以前好|"
    # …and praised, or a mood told: 真香, 是真的好喝, 心疼, 好烦, 涨得好厉害, 真不容易, 好纠结, 不知道吃啥
    r"真香|真的好[吃喝]|心疼|好烦|涨得|涨这么多|真不容易|纠结|不知道吃啥|不知道吃什么|"
    # …or a stay, a film, a trip remembered: 床好软, 挺好的, 太震撼了, 哭得稀里哗啦, 隔音太差, 睡得我腰疼
    r"好软|太软|太硬|绝绝子|很不错|挺不错|挺好的|很舒服|住得很|太震撼|泪目|好巴适|真靠谱|稀里哗啦|隔音|腰疼|太吵|"
    # the assistant's own taste asked: 你喜欢吃火锅吗, 你平时喜欢看什么电影
    r"你(?:平时|平常|一般|最)?(?:喜欢|爱)(?:吃|喝|看)|你呢|"
    + letter_led(
        "was (?:awful|terrible|great|amazing|bad|good|boring)|smelled|never again|thanks for|thank you for"
        "|lifesaver|waste of|what a day|so annoying|fed up|so expensive|are crazy expensive|is crazy expensive"
        "|ridiculous|cost a fortune|made no sense|makes no sense|overpriced|rip-off|beats|arrived right on time"
        # (and a trip or a night out remembered: "jet lag is killing me", "the seats were perfect last night")
        "|jet lag|is killing me|just venting|nobody told us|the worst|so slow|so noisy|can't sleep|was lovely"
        "|were perfect|so stressed|so tired|so annoyed"
        # (a booking that went well: "thank u so much, the flight booking worked perfectly")
        "|worked perfectly|worked great|went smoothly|all went well",
        then=r"\b",
    )
)


# 写作业写饿了，帮我叫份鸡块: what is being written is the backstory of the request after it.
_ASKED_AFTER_A_PAUSE = compiled(r"[，,。！!？?]\s*(?:帮我|麻烦你?|请)?\s*(?:叫|点|订|买|下单)")


# After-sales questions, no cancel or status: how refunds work ("what's the refund policy if I cancel a hotel",
# 电影票退了钱什么时候到账, "how do refunds work"), compensation (延误能赔偿吗) and complaints ("who do I complain to").
# (Not a policy that sets a limit: "under 600 a night per company policy".)
AFTER_SALES_ASKED = compiled(
    r"到账|赔偿|理赔|"
    + letter_led(
        "refund polic|cancellation polic|cancelation polic|return polic|polic(?:y|ies) (?:on|for|if|about)"
        "|how do refunds|refunds work|compensat"
    )
    + "|"
    + letter_led("complain|complaint", then=r"\b")  # (not "my parents keep complaining that I never visit")
)


# Advice asked, with nothing asked for: 我家猫两天不吃东西了咋办, 轮椅服务要怎么申请, "should I take the train or fly",
# "is it rude not to tip".
_ADVICE_ASKED = compiled(
    # (and a film to see at home: 推荐几部适合周末在家看的老电影)
    r"怎么办|咋办|怎么申请|如何申请|怎么让|怎样让|怎么才能|注意事项|要注意什么|多久以后|多大才能|在家看|"
    + letter_led(
        "should i|should we|is it rude|is it alright|is it normal|baggage allowance|what should i"
        "|how (?:to|do i|can i) get (?:from|to)",
        then=r"\b",
    )
)


def is_talk(text: str) -> bool:
    """Whether a sentence that names services is conversation about them (see the three classes above)."""
    if (CHAT_TASK_FIRST.match(text) and not _ASKED_AFTER_A_PAUSE.search(text)) or KNOWLEDGE_QUESTION.search(text):
        return True
    if not REQUEST_MARKERS.search(text) and (_OPINION.search(text) or _ADVICE_ASKED.search(text)):
        return True  # (the markers first: most commands hold one, and the two searches are dearer)
    if ("免单" in text or "free" in text) and _CAMPAIGN_QUESTION.search(text):
        return True
    if _TALK_HINT.search(text) is None:
        return False  # cheap: every talk question holds one of these
    return bool(TALK_QUESTION.search(text)) and not REQUEST_MARKERS.search(text)


# ---- names that are part of a longer dish ------------------------------------------------

# A product name right before one of these heads is what a dish is made of (牛肉面, 鸡蛋饼,
# "beef noodles", "chicken soup"): the dish is the item, not the product. 馅 and 味 make the
# name a filling or a flavour of the dish ordered (猪肉白菜馅的, 草莓味的).
DISH_HEADS_ZH = frozenset("面饭粉粥汤饼饺堡串锅羹卷馅味蛋")  # 茶叶蛋: tea leaves cooked into an egg
# (and the dishes named in more than one character: 排骨便当, 鸡蛋三明治, 牛肉披萨, 牛肉套餐)
DISH_HEAD_WORDS_ZH = ("便当", "三明治", "披萨", "套餐", "汉堡", "沙拉")
DISH_HEADS_EN = frozenset(
    ["noodles", "noodle", "soup", "wings", "burger", "burgers", "sandwich", "sandwiches", "salad", "pie", "pizza"]
) | {"curry", "stew", "dumplings", "roll", "rolls", "taco", "tacos", "wrap", "wraps", "skewers", "kebab", "bowl"}
DISH_HEADS_EN |= {"flavor", "flavour", "flavored", "flavoured", "filling"}
DISH_HEADS_EN |= {"shake", "shakes", "milkshake", "milkshakes", "smoothie", "smoothies", "tart", "tarts", "muffin"}
# (and what a restaurant serves made of a product: "pork buns", "salmon sashimi", "beef udon", "egg fried rice")
DISH_HEADS_EN |= {"bun", "buns", "dumpling", "skewer", "udon", "ramen", "pho", "congee", "porridge", "sashimi", "sushi"}
DISH_HEADS_EN |= {"don", "katsu", "cake", "cakes", "pancake", "pancakes", "omelette", "omelet", "fried", "pudding"}
# Cooking before a product makes a dish of it: 红烧牛肉, 炸鸡翅, "fried chicken", "hot chocolate".
# (and how it is seasoned: 酸辣土豆丝, 麻辣牛肉, 鱼香肉丝, 宫保鸡丁)
COOKED_BEFORE_ZH = compiled(
    r"(?:红烧|清蒸|糖醋|水煮|香煎|干煸|凉拌|酸辣|麻辣|香辣|鱼香|宫保|干锅|蒜蓉|椒盐|手撕|炸|烤|煎|炒|蒸|煮|卤|炖|焖|烧|拌|拍)$"
)
COOKED_BEFORE_EN = compiled(
    r"\b(?:fried|grilled|roast|roasted|braised|steamed|stir-fried|scrambled|boiled|baked|poached|smoked|hot)\s+$"
)
# A serving of a product is a prepared dish or drink: 一杯牛奶, 一碗…, "a cup of milk".
SERVED_BEFORE = compiled(r"(?:[杯碗]|\b(?:cups?|glass(?:es)?|bowls?|mugs?) of)\s*$")
_LAST_WORD_EN = compiled(r"(?<![a-z\ue000-\ue007])[a-z\ue000-\ue007-]+\s+$")  # (an option read: \ue003)
_RICE_DISH_BEFORE_EN = compiled(
    r"\b(?:chicken|beef|pork|duck|lamb|mutton|fish|shrimp|prawn|seafood|curry|egg|kimchi|hainanese|claypot|chop)\s+$"
)


def served_as_a_dish_en(text: str, start: int, said: str) -> bool:
    """Whether a product named in English at `start` is served as a dish: cooked or by the cup, with up to two
    words of its own between ("a cup of hot soy milk"), or rice with what it is cooked with ("chicken rice")."""
    before = text[max(0, start - 32) : start]
    if said == "rice" and _RICE_DISH_BEFORE_EN.search(before) is not None:
        return True
    for _ in range(3):
        if COOKED_BEFORE_EN.search(before) or SERVED_BEFORE.search(before):
            return True
        before = _LAST_WORD_EN.sub("", before)
    return False
# "with oat milk", 换成燕麦奶: an uncounted product after "with" changes the dish before it (汉堡加薯条
# stays two items: 加 adds one).
WITH_BEFORE = compiled(r"\b(?:with|w/|and extra|extra)\s+(?:[a-z]+\s+)?$|(?:换成|换)$")
