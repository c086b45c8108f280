"""What the movie, flight and hotel rules share: the action asked for, and how many (tickets, people, rooms)."""

from __future__ import annotations

import re

from bangwo.understand.numbers import EN_NUMBER, EN_NUMBER_WORDS, ZH_NUMBER, parse_number
from bangwo.understand.rules import CANCELLED_EN, CANCELLED_ZH, STILL_SOLD_ASKED_ZH, looks_up_only
from bangwo.understand.text import SLOT_MARK, MaskedText, compiled, letter_led

MAX_COUNT = 99

# Requests to write or explain something about a film or a trip are conversation, not bookings.
CHAT_ABOUT = compiled(
    r"写|作诗|作文|翻译|讲个|讲讲|讲一|笑话|故事|诗|歌词|攻略|介绍一下|好看吗|好不好看|更好看|哪部|剧情|影评|讲的是|谁演|导演|为什么|"
    r"差评|好评|"
    + letter_led(
        # (a story, not a sequel named one: "Toy Story 5")
        "write|translate|poem|joke|story(?!\\s+\\d)|essay|plot|review|lyrics|who (?:directed|stars|is in)"
        "|tell me about|why|what (?:movies|films) did",
        then=r"\b",
    )
)
CANCEL = compiled(
    # 退房 after a day or hour, or before the day it names, is checking out (周一退房, 退房那天再飞回深圳), not
    # cancelling.
    # (Each lookbehind comes after the first character, so that re can skip ahead: see text.letter_led.)
    rf"{CANCELLED_ZH}|退订|退票|退一下|退(?<![一二三四五六七日天末\d号午晚早点时]退)房(?!时间|那天|当天|的那天|的时候|后|以后|之后)|不(?<!回不)(?<![婆公爸妈哥姐弟妹他她友儿女]不)去了|不看了|不住了|"
    + letter_led(
        f"{CANCELLED_EN}|drop(?! (?:off|by|me|us|it off))|get rid of", not_after="[a-z]", then="(?![a-z])"
    )
)
# Asking after a booking already made: "我的…", "my …", or words only a booking has.
# (订单人间 books a single room)
_MY_BOOKING = compiled(
    r"我的|我订的|我买的|刚订的|刚买的|刚才订的|刚才买的|之前订的|已经订的|订好的|订单(?!人)|"
    r"(?:上周|上个月|昨天|前天|上次|今天|早上)(?:订|买)的|我在[^\s,，。]{1,8}?(?:订|买)的|"  # 我在成都订的酒店
    r"^(?:订|买)的|我给[^\s,，。]{1,6}?(?:订|买)的|"  # 订的回家的机票成功没, 我给孙子买的那张
    # 我那班去昆明的航班, 我明天那班飞机, 下周二那趟航班
    r"我那[班趟张间场个杯份单]|我(?:今天|明天|后天)那[班趟张间场]|[这那][班趟](?:航班|飞机)|"
    + letter_led("my|our|i booked|i bought|we booked", then=r"\b")
)
_STATUS_WORDS = compiled(
    r"订好了|订上了|订到了|订成功|出票|延误|晚点|准点|登机口|状态|到哪|在哪|确认了|进度|几点起飞|几点的|哪个厅|哪个影厅|几号厅|订单(?!人)|订成|订错"
    # Asking whether something happened to it, or what its code or number is: 改签成功了吗, 取票码是多少.
    r"|成功|了吗|了没|码|是多少|是什么|是几|是第几|是哪天|哪天入住|几号入住|来着|还在吗|还在不|还在没|还有效|"
    + letter_led(
        # (not the booking one is making: "I'm booking for my parents: 2 tickets…")
        "status|delayed|on time|gate(?<!golden gate)|confirmed|confirmation"
        "|booking(?<!i'm booking)(?<!we're booking)(?!(?<=^booking) for)|reservation|go through|when does"
        "|what time|issued|"
        "where(?:'s| is| are)",
        then=r"\b",
    )
)
STATUS_ONLY = compiled(
    r"出票了|出了票[了]?[没吗]|改了时间[了]?[没吗]|还没出(?!发|门|来)|延误|晚点|准点|登机口|哪个厅|几号厅|几点落地|几点降落|落地了[吗没]|降落了[吗没]|起飞了[吗没]|查(?:一下|查|下)?我(?:的|订的|[^，。,.!?？]{0,6}?的(?:机票|航班|酒店|电影票|票))|"
    # "booking is confirmed or not?": how a yes/no question ends in Indian and Singapore English.
    + letter_led(
        "delayed|delay|on time|on schedule|gate(?<!golden gate)|confirmed or not|booked or not|issued or not"
        "|done or not|go through|come through"
        "|which hall|what time is (?:my|our)|when is (?:my|our)"
        # the seats got, the tickets sent again: "what seats did i get", "which row did I get", "send me my tickets"
        "|what seats? (?:did|do) (?:i|we) (?:get|have)|which (?:seats?|rows?) (?:did|do) (?:i|we) (?:get|have)"
        "|which seats i have"
        "|send me my (?:movie )?tickets|the qr code|pick-?up code|ticket code|issue my"
        # "when will the vegetables I ordered arrive", "when will my flight land"
        "|when will (?:the|my|our)\\b[^?.!,]{0,60}?\\b(?:arrive|get here|be here|be delivered|land)"
        "|gone through|went through|ticketed|been issued|tickets? issued|any update on|any news on|get a confirmation"
        "|is that booking done|confirm(?:ed)? my|check(?:ing)? on (?:my|our|the)"
        "|booked yet|issued yet|confirmed yet|flight status|booking status|end(?:ed)? up with"
        "|hotel status|room status|order status|ticket status|reservation status|delivery status"
        "|booking confirmed(?= ?\\?)|reservation confirmed(?= ?\\?)"  # "is the Hilton in Xiamen booking confirmed?"
        "|get booked|got booked|been booked|get confirmed|got confirmed|been confirmed"
        # (as a learner asks it: "my movie ticket buy success or not?", "my flight ticket book success?")
        "|success or not|successful or not|book success|booking success|buy success|order success",
        then=r"\b",
    )
    # Whether the booking is done yet: 订好了吗, 航班订好了没, 票买到没有.
    + r"|订好了?(?:吗|没)|定好了?(?:吗|没)|订上了?(?:吗|没)|定上了?(?:吗|没)|订到了?(?:吗|没)|订成了?(?:吗|没)"
    + r"|买好了?(?:吗|没)"
    # Whether one is checked in for a flight: 值机了没, 明天的航班值好机了吗, "am I checked in".
    + r"|值机了?(?:吗|没)|值好机了?(?:吗|没)|值上机了?(?:吗|没)|"
    + letter_led("checked in yet|am i checked in", then=r"\b")
    + r"|买到了?(?:吗|没)|出票了?(?:吗|没)|出了(?:吗|没)|订成功了?(?:吗|没)|定成功了?(?:吗|没)|买成功了?(?:吗|没)"
    + r"|改了(?:吗|没)|变了(?:吗|没)|改签成功|改签好了|成功了(?:吗|没)|"
    # Whether the booking was confirmed or its code sent: 酒店确认了没有, 发确认单了吗, 取票码怎么还没发, 座位锁上了吗.
    + r"确认了?(?:吗|没)|确认单了?(?:吗|没)|什么状态|啥状态|座位是几排|座位是第几排|显示待确认|回复了(?:吗|没)"
    + r"|取票码[^，。,.!?？]{0,8}(?:没|了吗)|锁上了?(?:吗|没)"
    + r"|出好了?(?:吗|没)|"
    # A yes/no question about one's own booking asks after it: "has my ticket been issued", "is my room booked".
    # (A lookbehind of any character is the start of the text, ^.)
    + letter_led("has|have|did|is|was|were|are", not_after=r"[\s\S]", then=r"\s+(?:my|our)\b")
    # "is the room confirmed?", "are the tickets booked": the booking made, asked after
    + "|"
    + letter_led(
        "is|are|has|have|was",
        not_after=r"[\s\S]",
        then=r"\s+the\s+[a-z ]{0,24}?\b(?:confirmed|booked|issued|ticketed)\b",
    )
)
SEARCH = compiled(
    # (not a check-up, 去复查, nor going to see, 去看看海)
    r"查一下|查查|查询|查看|查(?<![复检体]查)|搜一下|搜索|搜|看一下|看看(?<![去来\ue005]看看)|看下|瞧瞧|有没有|是否有|是否还有|有什么|有啥"
    r"|有哪些|有几|哪些|哪(?<!随便哪)天|多少钱|什么价|"
    # 万达影城周六放什么片, 最便宜的是哪班飞机
    r"放什么|演什么|放啥|演啥|哪(?<!随便哪)班|哪(?<!随便哪)趟|哪个航班|是几点|最晚一场|最早一场|"
    # 哪家酒店性价比高; 去桂林有飞机吗
    r"哪家|有(?:飞机|航班|机票|空房|房)(?:吗|么|没)|"
    # 广州塔附近有便宜点的酒店没, 10月1号的 有票没
    r"有[^，。,.!?？]{0,12}?(?:酒店|宾馆|民宿|客栈|房|航班|飞机|机票|票)[没吗么](?![^，。,.!?？\s])|"
    # (not a limit or a shrug said with it: 价格1200以内, 价格不超过, 价格无所谓)
    r"价格(?!\s*[在不控每一\d¥两三四五六七八九十百千]|无所谓|随便|都行|没关系)|比价|比较|"
    r"贵不贵|贵吗|便宜吗|"  # 后天去广州的公务舱贵不贵
    # whether a shop still sends or sells, and at what price (rules.STILL_SOLD_ASKED_ZH); 票价多少, 早餐几点结束
    rf"{STILL_SOLD_ASKED_ZH}"
    r"|票价(?!\s*[在不控每一\d¥两三四五六七八九十百千])"
    r"|几点结束|几点关门|几点开门|"
    r"还有票|有票吗|有余票|还有座|还有位|还有没(?:有)?(?=[?？。!！]?$)|"  # whether there are seats left (…的飞机还有没)
    # …asked the spoken way, 不 or 没 for 吗: 有票不, 三百以内的有没, 有推荐不, 能抢到票不 (at a pause or the end)
    r"有(?:[^，。,.!?？\s]{0,12}?不|没)(?=[\s?？。!！,，]|$)|能[^，。,.!?？\s]{0,6}?到[^，。,.!?？\s]{0,4}?不(?=[\s?？。!！,，]|$)|"
    # whether it can still be had: 还能买到第一排吗, 那班飞长沙的还能买吗, 还能订到房吗
    r"还能(?:买|订|抢)到?[^，。,.!?？]{0,8}?[吗么]|"
    + r"有[^，。,.!?？]{0,10}场次?[吗么]|还有[^，。,.!?？]{0,16}?[吗么]|"  # 明天有IMAX场吗, 十点以后还有…的航班吗
    # whether or when a film is on: 还在上映吗, 上映了吗, 什么时候首映
    + r"在上映|上映了[吗没]|上映没|在[放演][^，。,.!?？]{0,20}?[吗么没]|"
    + r"什么时候(?:上映|首映|上|能看)|几号(?:上映|首映)|"
    # 有电影看吗, 能看的电影: what there is to see
    + r"有电影看|能看的电影|"
    # 请问明天有去三亚的航班吗, 星河旅人 今天 几点有场?
    + r"有(?<![^\s\ue000-\ue007们问天午晚上近边、]有)[^，。,.!！?？]{1,16}?[吗么]|几点有场|有吗|"
    + letter_led(
        "what|whats|which|any(?! ?time| seats?\\b| rows?\\b| one\\b)|are there|is there|list|compare|how much"
        "|still (?:showing|playing|on|in cinemas|in theaters|in theatres)"
        "|showing (?:tonight|today|now|anywhere)|playing (?:tonight|today|now|anywhere)"
        # "Is Wonka playing in Berkeley?": whether a film is on
        "|is [^.!?]{1,40}? (?:playing|showing|screening)(?=[^.!?]*\\?)"
        "|show ?times|show timings?|timings|screenings|schedules?|look for"
        # whether it is sold out, what is good on, when the first or last showing is
        "|is [^.!?;,]{1,60}? sold out|are [^.!?;,]{1,60}? sold out|anything good"
        "|when(?:'s| is) the (?:first|last|next|earliest|latest) (?:showing|show|screening)"
        "|when(?:'s| is) the [^.!?;,]{1,40}? premiere"  # "when is the Ne Zha 3 premiere in Beijing?"
        # the airline way: "show flights from columbus to newark", "list all flights …", "give me flights …"
        "|show (?:me )?(?:all |the )?(?:flights|hotels)|list (?:all |the )?(?:flights|hotels)"
        "|give me (?:all |the )?flights"
        # (as a learner asks it: "《Mufasa》 tonight got seats anot", "business class have or not")
        "|seats left|got seats|have or not",
        then=r"\b",
    )
    # "flights SH→Guangzhou tmr?", "hotels near Canton Tower sat?": what there is, asked in the plural
    + "|"
    + letter_led("flights|hotels|cheapest", then=r"\b(?=[^.!?]*\?)")
    + "|"
    + letter_led("check(?![- ]?(?:in|out))", then="(?![a-z])")  # check一下, not check-in
    # Said between Chinese words (search一下) an English verb has no \b around it.
    + "|"
    + letter_led(
        "look up|looking up|look (?:those|them|it|that) up|search|show me|can i see|let me see",
        not_after="[a-z]",
        then="(?![a-z])",
    )
)


# Whether a cancel went through asks after it: 取消成功了没, 退成功了吗, "did the cancellation go through".
_CANCEL_ASKED_AFTER = compiled(
    r"取消成功了?(?:吗|没)|退成功了?(?:吗|没)|取消好了(?:吗|没)|退好了(?:吗|没)|是不是被?取消了|为什么被?取消|被取消了|"
    + letter_led(
        "cancellation (?:go|gone|went) through|cancellation confirmed|been cancelled"
        # whether the money came back: "did my refund for the cancelled Chongqing flight come thru?"
        "|refund [^.!?]{0,40}?(?:come|came|go|gone|went) (?:thru|through)|refund arrived|refund yet|got my refund",
        then=r"\b",
    )
)


def action_of(text: str) -> str:
    """cancel, status, search or order, from the words of the request."""
    if _CANCEL_ASKED_AFTER.search(text):
        return "status"
    if CANCEL.search(text):
        return "cancel"
    if STATUS_ONLY.search(text) or (_MY_BOOKING.search(text) and _STATUS_WORDS.search(text)):
        return "status"
    if looks_up_only(SEARCH, text):
        return "search"
    return "order"


_N = f"(?>{ZH_NUMBER})"
_ZH_PEOPLE = r"(?:个?(?:大人|成人|小孩|孩子|小朋友|儿童|婴儿|宝宝|老人|乘客|老师|同学|同事|家长|人)|位|名|口人|口)"
_ZH_COUNT = compiled(
    rf"一家({_N})口"
    # 我们俩, 我们三个人; not 我们一家三口, whose 一 counts families.
    rf"|(?:我们|咱们|咱|我)(?:(俩|仨)|({_N})(?:个人|个|人|位))"
    rf"|({_N})\s*(?:张|{_ZH_PEOPLE})"
    rf"|({_N})个(?=[^，,。]{{0,6}}?座位)"  # 选两个最后一排的座位
    # 两个票, 两个座, 两个adults: a ticket or a seat counted by 个, or the party in English words
    rf"|({_N})\s*个\s*(?:票|座|位子)|({_N})\s*个?\s*(?:adults?|people|ppl|persons?|pax)\b"
    # 大人两个小孩一个: counted after who they are.
    rf"|(?:大人|成人|小孩|孩子|儿童|老人)(?:({_N})(?:个|位)|(俩|仨))"  # 大人俩小孩一个
)
# 一大一小, 两大一小: grown-ups and children, each counted.
_ZH_ADULTS_AND_KIDS = compiled(rf"({_N})大({_N})小")
# "me and my two kids", "with 3 mates", 我和两个孩子: the speaker comes too.
_SELF_AND = compiled(
    rf"\b(?:(?:me|myself|i)(?: (?:and|plus|n)| ?[&+])|with) (?:my |our )?({EN_NUMBER})\s+(?:[a-z]+\s+)?"
    r"(?:kids?|children|friends?|mates|buddies|pals|colleagues?|coworkers?|others?|people|adults?|guests?|sons?"
    r"|daughters?|cousins?|flatmates?|roommates?|classmates?|teammates?|siblings?|brothers?|sisters?|grandkids?"
    r"|grandchildren)\b"
    # "three colleagues and I": those counted, and the speaker.
    rf"|\b({EN_NUMBER})\s+(?:[a-z]+\s+)?(?:colleagues?|friends?|cousins?|coworkers?|classmates?|mates|kids|children)"
    r"\s+and\s+(?:i|me|myself)\b"
    rf"|我(?:和|跟|带着?)(?:我的)?({_N})个?(?:孩子|小孩|朋友|同事|人|家人|娃)"
)
# Who comes, listed: 我和老公带两个娃 (4), 我带儿子和他两个同学 (4), 给我爸妈和我岳父母 (4), 五十个学生加两个老师 (52);
# 爸妈 alone, booked for, are two.
_ZH_KIN_TWO = "爸妈|父母|岳父母|公婆|爷爷奶奶|外公外婆|姥姥姥爷|老两口|二老"
_ZH_KIN_ONE = (
    "老公|老婆|妻子|丈夫|爱人|媳妇|女朋友|男朋友|对象|爸爸|妈妈|儿子|女儿|闺女|奶奶|爷爷|外婆|外公|姥姥|姥爷|岳父|岳母"
    "|婆婆|公公|哥哥|姐姐|弟弟|妹妹|孩子|娃|小孩|宝宝|同学|朋友|同事|室友|闺蜜|老人|爸|妈"
)
_ZH_KIN_COUNTED = "孩子|娃|小孩|小朋友|同学|朋友|同事|室友|闺蜜|老人|学生|老师|家长|大人|成人|儿童"
_ZH_MEMBER = rf"(?:[我他她]的?)?(?:{_N}个?(?:{_ZH_KIN_COUNTED})|{_ZH_KIN_TWO}|{_ZH_KIN_ONE})"
_ZH_JOINED = r"(?:和|跟|带着?|、|还有|加上?|以及)"
_ZH_PARTY_LIST = compiled(
    rf"(?:我{_ZH_JOINED}{_ZH_MEMBER}|{_ZH_MEMBER})(?:{_ZH_JOINED}{_ZH_MEMBER})+|(?:{_ZH_KIN_TWO})"
)
_SPEAKER_JOINED = compiled(rf"我{_ZH_JOINED}")
_ZH_MEMBER_COUNTED = compiled(rf"({_N})个?(?:{_ZH_KIN_COUNTED})|({_ZH_KIN_TWO})|{_ZH_KIN_ONE}")


def _zh_party_size(said: str) -> int:
    """How many a listed party is: the speaker when it starts with 我 and a joining word, and each member."""
    size = 1 if _SPEAKER_JOINED.match(said) else 0
    for m in _ZH_MEMBER_COUNTED.finditer(said):
        size += (_as_count(m.group(1)) or 1) if m.group(1) else 2 if m.group(2) else 1
    return size


# One other person named: "me and my wife", 我和我老婆: two.
_ONE_OTHER_EN = (
    r"(?:wife|husband|son|daughter|mom|mum|dad|mother|father|friend|boyfriend|girlfriend|gf|bf|partner|colleague|boss|kid"
    r"|child|sister|brother|manager|coworker|co-worker|assistant|client|fiancee?|roommate|flatmate|grandma|grandpa|aunt"
    r"|uncle|cousin)"
)
_SELF_AND_ONE = compiled(
    rf"\b(?:me|myself|i) (?:and|n|&|plus|\+) (?:(?:my|our) )?{_ONE_OTHER_EN}\b(?!,? and)"  # ("me + my gf")
    rf"|\b(?:my|our) {_ONE_OTHER_EN} and (?:me|myself|i)\b"
    # "fly to Sanya on Friday with my girlfriend": the speaker goes too (not "with my son's class", nor a list)
    rf"|\bwith (?:my|our) {_ONE_OTHER_EN}\b(?!['’]s|,? and\b|,? &|,? plus\b)"
    r"|我(?:和|跟|带着?)我?的?(?:老婆|老公|妻子|丈夫|爱人|女朋友|男朋友|妈妈?|爸爸?|儿子|女儿|朋友|同事|孩子|姐姐?|哥哥?|弟弟|妹妹)"
    # …or said first: 老公和我去三亚
    r"|(?:老婆|老公|妻子|丈夫|爱人|女朋友|男朋友|妈妈|爸爸|儿子|女儿|朋友|同事)(?:和|跟)我(?![们的])"
)
# "me, my wife and our 2 kids", "me and my parents": the speaker and everyone listed after.
_EN_PARTY_LIST = compiled(
    rf"\b(?:me|myself)(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:my|our)\s+(?:{EN_NUMBER}\s+)?"
    rf"(?:{_ONE_OTHER_EN}|parents|kids|children|friends|sons|daughters|grandparents)){{2,}}\b"
    r"|\b(?:me|myself|i) and (?:my|our) (?:parents|grandparents)\b"
)
# "2 grown-ups and a baby", "two adults plus our daughter": the grown-ups and one child (an article alone counts
# nothing where a number is said too, see find_count; here it counts the child).
_ADULTS_AND_ONE_CHILD = compiled(
    rf"\b({EN_NUMBER})\s+(?:adults?|grown-ups?|parents)\s*(?:,|and|plus|\+|&|with)\s+(?:a|an|one|my|our)\s+"
    r"(?:little\s+)?(?:daughter|son|bab(?:y|ies)|child|kid|toddler|infant|little one)\b"
)
# "book my parents on a flight": the two of them, the speaker not said to come.
_THEM_TWO = compiled(
    r"\b(?:book|get|fly|for|put)\s+(?:my|our) (?:parents|grandparents)\b"
    r"|\b(?:my|our) (?:parents|grandparents) (?:need|needs|want|wants|wanna|are)\b"  # "My parents need tickets to …"
)
_LISTED = compiled(rf"(?:my|our)\s+(?:({EN_NUMBER})\s+)?({_ONE_OTHER_EN}|parents|grandparents|[a-z]+)")
_ZH_BARE_TICKET = compiled(r"(?<=[买订要来拿])张")  # 买张票: one
_ZH_PAIR_OF_TICKETS = compiled(r"(?<=[买订要来拿])(俩|仨)")  # 帮我买俩: two
# 两间, 两个大床房.
_ZH_ROOMS = compiled(rf"({_N})\s*(?:间|个?(?:大床房|双床房|标间|标准间|套房|房间|家庭房|海景房|单人间|双人间))")
# Up to two words (or slots already read, such as the cabin) between the number and what it counts.
# (not a morning's, nor another count's: "… Eve 2027 for four people")
_EN_WORD_GAP = (
    r"(?:(?:(?!(?:morning|afternoon|evening|night)\b)(?!(?:"
    + "|".join(w for w in EN_NUMBER_WORDS if w.isalpha() and len(w) > 2)
    + r")(?![a-z-]))[a-z-]+|[\ue000-\ue007]+)\s+){0,2}?"  # ("three one-way tickets": one-way is no count)
)
_EN_COUNT = compiled(
    # "2 kids + me": those counted, and the speaker (before the count of kids alone, which would match first).
    rf"\b({EN_NUMBER})\s+(?:kids|children|adults|friends|colleagues)\s*(?:\+|and|plus|&)\s*me\b"
    rf"|\b(?:a )?family of ({EN_NUMBER})\b|\b(?:party|group|team|class) of ({EN_NUMBER})\b"
    rf"|\bwe(?:'re| are) ({EN_NUMBER})\b"  # "we're 4 roommates"
    rf"|\b(?:the )?({EN_NUMBER}) of (?:us|them)\b"
    # "my two sons", "our three kids": they go, the speaker does not say they do.
    rf"|\b(?:my|our) ({EN_NUMBER}) (?:sons|daughters|kids|children|boys|girls|grandkids|grandchildren)\b"
    rf"|\b({EN_NUMBER})x?\s+{_EN_WORD_GAP}(?:tickets?|tix|seats?|adults?|grown-ups?|child|children|kids?|infants?"
    r"|bab(?:y|ies)|toddlers?|people|persons?|passengers?|"
    rf"travell?ers?|guests?|pax|ppl|flights?|of us)\b"
    # Counted after the word: "tickets x2", "seats ×3"; or with nothing after it: "get me two for the premiere".
    r"|\b(?:tickets?|tix|seats?|premiere)\s*[x×*]\s*(\d{1,2})\b|\ue006\s*[x×*]\s*(\d{1,2})\b"

    # "tickets 5 piece", "movie ticket two please", "2 business class": counted after the word, or by the cabin.
    rf"|\b(?:tickets?|tix|seats?)\s+({EN_NUMBER})(?=\s*(?:pieces?|pcs|please|pls|plz|[,.;!]|$))"
    rf"|\b({EN_NUMBER})\s+(?:business|economy|first)(?:\s+class)?\b|\b({EN_NUMBER})\s+\ue007+"  # (the cabin read)
    rf"|\b(?:get|book|buy|grab)\s+(?:me\s+|us\s+)?({EN_NUMBER})\s+(?=for\b)"
    # "… on Jan 10 for two, plus a hotel": the party said last.
    # "…on May 1st, 2 please.": the count said last, to end the request
    rf"|[,;]\s*({EN_NUMBER})(?=\s+(?:please|pls|plz)\s*[.!]?\s*$)"
    # ("a flight for 2 from Cairo to Rome", "the premiere of Hollow Stars for 2 on October 1st")
    rf"|\bfor ({EN_NUMBER})"
    r"(?=\s*(?:$|[,.;:!?]|plus\b|and\b|from\b|to\b|on\b|at\b|departing\b|leaving\b|[\ue001\ue005]))"
)
_EN_ROOMS = compiled(rf"\b({EN_NUMBER})x?\s+{_EN_WORD_GAP}rooms?\b")  # ("2x rooms")


def _as_count(said: str | None) -> int | None:
    value = parse_number(said) if said else None
    if value is None or value <= 0:
        return None
    return min(int(value), MAX_COUNT)


# The count regexes in the order they are read, each with what a command holds whenever it matches: one of
# some words, or one of some characters (a cheap test that skips the search; () when there is none).
_Holds = tuple[str, ...] | frozenset[str]
_ROOM_COUNTS: tuple[tuple[re.Pattern[str], _Holds], ...] = ((_ZH_ROOMS, ("间", "房")), (_EN_ROOMS, ("room",)))
# "two for Reunion Dinner", "three for Run Little Bear": tickets, counted before the film they are for.
_COUNT_FOR_A_TITLE = compiled(rf"\b({EN_NUMBER})\s+for\s+(?:the\s+)?\ue006")
# x3 typed on its own in a booking: 杭州-西安 下周三 上午 x3, "BJ→SZ thu am biz x2".
_TIMES_A_COUNT = compiled(r"[x×*](?<![a-z0-9][x×*])(\d{1,2})(?![\d.:a-z])")
_PEOPLE_COUNTS: tuple[tuple[re.Pattern[str], _Holds], ...] = (
    (_EN_PARTY_LIST, ("me",)),
    (_ZH_PARTY_LIST, frozenset("和跟带、还加以爸妈父母老")),
    (_SELF_AND, (" and ", "with ", "我", " plus ", " n ", "&", "+")),
    (_SELF_AND_ONE, (" and ", "with ", "我", " plus ", " n ", "&", "+")),
    (_ZH_ADULTS_AND_KIDS, ("大",)),
    (_THEM_TWO, ("parents",)),
    (_ZH_PAIR_OF_TICKETS, ("俩", "仨")),
    (_ADULTS_AND_ONE_CHILD, ("adult", "grown", "parents")),
    (_ZH_COUNT, frozenset("口我咱张人孩友童客师学事长位名")),  # (a character of each way to count)
    (_EN_COUNT, frozenset("abcdefghijklmnopqrstuvwxyz\ue006\ue007")),  # (a word, or a title or cabin read)
    (_COUNT_FOR_A_TITLE, (" for \ue006", " for the \ue006")),
    (_TIMES_A_COUNT, ("x", "×", "*")),
)


# What a count counts, from the word it ends with: tickets, seats, or (any other word) people.
_COUNTED_TICKETS = compiled(r"(?:张|tickets?|tix|flights?)$")
_COUNTED_SEATS = compiled(r"seats?$")


def find_count(masked: MaskedText, rooms: bool) -> int | None:
    """Tickets or people (a family of five: 5; two adults and a child: 3), or rooms when `rooms`; masked.

    Counts of one kind add up (两张成人票一张儿童票: 3); tickets, seats, people and the speaker with company
    are ways to count the same party, so the largest of them is the count (全家五口人，买五张: 5, not 10)."""
    text = masked.current
    said_counts: dict[str, list[int]] = {}  # the counts of each kind, in the order said
    by_article: set[tuple[str, int]] = set()  # (kind, index) of the counts said by "a"/"an"
    added_more: set[tuple[str, int]] = set()  # … and of those said as "one more"
    by_age: set[tuple[str, int]] = set()  # … and of those said by who they are (adults, children)
    wholes: set[tuple[str, int]] = set()  # … and of those said as the whole party ("6 of us", 一家五口)
    spans: list[tuple[int, int]] = []
    for regex, holds in _ROOM_COUNTS if rooms else _PEOPLE_COUNTS:
        if holds and (holds.isdisjoint(text) if isinstance(holds, frozenset) else not any(w in text for w in holds)):
            continue
        for m in regex.finditer(text):
            if any(start < m.end() and m.start() < end for start, end in spans):
                continue  # counted already: "me and my two kids" holds "two kids"
            said = [g for g in m.groups() if g]
            if said and said[0] in ("a", "an") and m.group(0).endswith("flight"):
                continue  # "needs a flight": which flight, not how many go
            if said and _A_YEAR.fullmatch(said[0]):
                continue  # "… Eve 2027 for four people": the year counts no one
            if regex is _SELF_AND_ONE or regex is _THEM_TWO:
                count: int | None = 2
            elif regex is _EN_PARTY_LIST:
                count = 1 + sum(
                    _as_count(number) or 1 if not noun.endswith("parents") else 2
                    for number, noun in _LISTED.findall(m.group(0))
                )
            elif regex is _ZH_PARTY_LIST:
                count = _zh_party_size(m.group(0))
            elif regex is _ZH_ADULTS_AND_KIDS:
                count = sum(c for c in map(_as_count, said) if c)
            elif regex is _ADULTS_AND_ONE_CHILD:
                count = (_as_count(said[0]) or 0) + 1
            else:
                count = _as_count(said[0]) if said else None
            if not count:
                continue
            if regex is _SELF_AND or (regex is _EN_COUNT and m.group(0).endswith("me")):
                count += 1  # "with my two kids", "2 kids + me"
            counted = m.group(0)
            if regex is _SELF_AND or regex is _SELF_AND_ONE or regex is _EN_PARTY_LIST or regex is _ZH_PARTY_LIST:
                kind = "party"  # 我和老婆两个人: the speaker and who comes, the same people counted again
            elif _COUNTED_TICKETS.search(counted):
                kind = "tickets"
            else:
                kind = "seats" if _COUNTED_SEATS.search(counted) else ""
            said_counts.setdefault(kind, []).append(count)
            if _COUNTED_BY_AGE.search(counted):
                by_age.add((kind, len(said_counts[kind]) - 1))
            elif _COUNTED_AS_A_WHOLE.search(counted):
                wholes.add((kind, len(said_counts[kind]) - 1))
            if said and said[0] in ("a", "an"):
                by_article.add((kind, len(said_counts[kind]) - 1))
            elif " more " in counted:
                added_more.add((kind, len(said_counts[kind]) - 1))
            spans.append((m.start(), m.end()))
    for kind, counts in said_counts.items():
        # "a hotel room …, just one room": the article counts nothing more where a number is said too (but "a room
        # …, and add one more room" is two)
        if any((kind, i) not in by_article | added_more for i in range(len(counts))):
            said_counts[kind] = [c for i, c in enumerate(counts) if (kind, i) not in by_article]
    totals = {
        kind: _added_up(counts, first_by_age=(kind, 0) in by_age, first_whole=(kind, 0) in wholes)
        for kind, counts in said_counts.items()
    }
    total = min(max(totals.values()), MAX_COUNT) if totals else None
    if total is not None and (more := len(_ONE_MORE.findall(text))):
        total += more  # "two tickets … oh and add one more for my sister", 再多买一张
    if any(word in text for word in _IN_ALL_WORDS) and (whole := _IN_ALL.search(text)) is not None:
        # 我和我老婆两张，哦我儿子也去，一共三张; "one of us dropped out, so two": the whole, however it was added up
        total = _as_count(next(g for g in whole.groups() if g)) or total
    if total is None and not rooms and (m := _ZH_BARE_TICKET.search(text)) is not None:
        total = 1
        spans.append((m.start(), m.end()))
    for start, end in spans:
        masked.mask(start, end, SLOT_MARK)
    return total


_IN_ALL = compiled(
    rf"(?:一共|总共|共计|合计|总共是|一共是)\s*就?\s*(?:要|买|订)?\s*({_N}|俩|仨)\s*(?:张|个人|人|位|个(?![^\W\d_]))"
    rf"|\b({EN_NUMBER})\s+(?:tickets?\s+|seats?\s+|people\s+)?(?:in total|total|altogether|all together)\b"
    rf"|\b(?:in total|a total of|total of)\s+({EN_NUMBER})\b"
    rf"|[,;.]\s*so(?: just| only)?\s+({EN_NUMBER})\b(?!\s+more)"
    rf"|\bit's\s+({EN_NUMBER})\s+(?:tickets|seats|people|of us)\b"
    # a count corrected: 买一张…嗯…两张吧, 还是三张吧, "make that three" (not "make it 2 nights")
    rf"|(?:还是|改成|算了|不对|嗯)[，,….\s]*({_N}|俩|仨)\s*张"
    rf"|\b(?:make (?:it|that)|actually),?\s+({EN_NUMBER})\b(?!\s+(?:nights?|rooms?|days?|hours?|more)\b)"
    # 哦我女朋友也要去，两张: someone else comes, then the count with them
    rf"|(?:也(?:要)?(?:去|来|一起去|一起)|不去了|不来了|不(?:跟[^，。,.]{{0,4}})?走了?|不一起[^，。,.]{{0,3}})"
    rf"[^，。,.]{{0,4}}[，,。.]\s*(?:那就|就|要|买|订|改|改成)?\s*"
    rf"({_N}|俩|仨)\s*(?:张|个人|人|位)"
)
# (what every _IN_ALL holds, searched for first: re tries _IN_ALL at every position)
_IN_ALL_WORDS = ("共", "合计", "也", "不去了", "不来了", "走", "不一起", "total", "together", "so", "it's")
_IN_ALL_WORDS += ("还是", "改成", "算了", "不对", "嗯", "make it", "make that", "actually")
# One more of what was counted (not "one more night", nor food: find_count reads bookings only).
_ONE_MORE = compiled(r"\b(?:one|1) more\b(?! (?:nights?|days?|rooms?)\b)|\banother (?:ticket|seat)\b")


_A_YEAR = compiled(r"(?:19|20)\d\d")
_COUNTED_AS_A_WHOLE = compiled(r"一家|of us|of them|family of|party of|group of|we're|we are")
_COUNTED_BY_AGE = compiled(
    r"大人|成人|小孩|孩子|小朋友|儿童|婴儿|宝宝|老人|"
    + letter_led("adults?|grown-ups?|child|children|kids?|infants?|bab(?:y|ies)|toddlers?")
)


def _added_up(counts: list[int], first_by_age: bool, first_whole: bool) -> int:
    """Counts of one kind add up (两张成人票一张儿童票: 3), unless the first is the whole the rest are parts of
    (四张，两张给我和我老公，两张给孩子: 4; "6 of us — grandparents, us two, and the two kids": 6). A first count
    by who they are is a part, not that whole: "2 adults 1 child 1 infant" is 4 (一家五口，三个大人两个小孩 is 5)."""
    if first_by_age:
        return sum(counts)
    if (first_whole and sum(counts[1:]) <= counts[0]) or (len(counts) >= 3 and counts[0] == sum(counts[1:])):
        return counts[0]
    return sum(counts)


def first_match(regex: re.Pattern[str], masked: MaskedText) -> re.Match[str] | None:
    """The first match, masked so that later rules do not read it again."""
    m = regex.search(masked.current)
    if m is not None:
        masked.mask(m.start(), m.end(), SLOT_MARK)
    return m
