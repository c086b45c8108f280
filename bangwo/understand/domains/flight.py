"""Flights: the cabin and which flight is preferred; the route comes from places.py."""

from __future__ import annotations

from bangwo.understand.domains.common import first_match
from bangwo.understand.rules import TURNED_DOWN_BEFORE
from bangwo.understand.text import SLOT_MARK, MaskedText, compiled, letter_led

# 头等舱 and "first class" are sold as the contract's "business": the top cabin there is.
# The business words, then the economy ones; no group around each kind (a group in front of the words
# would make re try every position): the kind is told by the words matched.
_BUSINESS_CABIN = ("商务舱", "头等舱", "公务舱", "商务", "business", "business class", "first class", "biz")
_CABIN = compiled(
    r"商务舱|头等舱|公务舱|商务(?=$|[\s,，。])|"
    + letter_led("business(?: class)?|first class|biz", then=r"\b")
    + r"|经济舱|超级经济舱|"
    + letter_led("premium economy(?: class)?|economy(?: class)?|economic class|econ|eco class|coach", then=r"\b")
)


# A round trip: with a span of days said (7月11号到7月18号，北京往返大理; "round trip, Dec 1 to Dec 4"), the way back
# flies on the last day.
# (or the way back said with its day: 周五去周日回, 10月5号回来, 回程8月22号, "back Fri", "flying back the following
# Tuesday"; only with a last day read from the times, see times._span)
ROUND_TRIP = compiled(
    r"往返|来回|回来|返回|回程|返程|回是|(?<=[号日天一二三四五六末])回|"
    + letter_led(r"round[ -]?trip|return (?:ticket|flight)s?|both ways|back|returning", then=r"\b")
)


# A cabin turned down after it: 商务舱太贵了 (before it: rules.TURNED_DOWN_BEFORE).
_REFUSED_AFTER = compiled(r"\s*(?:太贵|不要|就算了|算了|too expensive)")


def cabin_class(masked: MaskedText) -> str | None:
    """The cabin said last that is not turned down (商务舱太贵了，经济舱 / 商务舱，呃，不，经济舱就行: economy)."""
    text = masked.current
    said = list(_CABIN.finditer(text))
    if not said:
        return None
    wanted = [
        m for m in said if not TURNED_DOWN_BEFORE.search(text, 0, m.start()) and not _REFUSED_AFTER.match(text, m.end())
    ]
    for m in said:
        masked.mask(m.start(), m.end(), SLOT_MARK)  # later rules do not read a cabin again
    chosen = (wanted or said)[-1]
    return "business" if chosen.group(0) in _BUSINESS_CABIN else "economy"


# The cheapest words, then the earliest ones (no groups, as for _CABIN).
_CHEAPEST = ("最便宜", "最实惠", "最低价", "价格最低", "便宜点",
             "cheapest", "lowest fare", "lowest price", "as cheap as")
_PREFER = compiled(
    r"最便宜|最实惠|最低价|价格最低|便宜点|"
    + letter_led("cheapest|lowest (?:fare|price)|as cheap as", then=r"\b")
    + r"|最早|早一点的|头班|第一班|"
    + letter_led("earliest|first flight|as early as", then=r"\b")
)


def preference(masked: MaskedText) -> str | None:
    """ "最便宜的" -> cheapest, "the earliest flight" -> earliest."""
    m = first_match(_PREFER, masked)
    if m is None:
        return None
    return "cheapest" if m.group(0) in _CHEAPEST else "earliest"
