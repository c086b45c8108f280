"""Flights: the cabin and which flight is preferred; the route comes from places.py."""

from __future__ import annotations

import re

from bangwo.understand.domains.common import first_match
from bangwo.understand.text import MaskedText

# 头等舱 and "first class" are sold as the contract's "business": the top cabin there is.
_CABIN = re.compile(
    r"(?P<business>商务舱|头等舱|公务舱|\bbusiness(?: class)?\b|\bfirst class\b)"
    r"|(?P<economy>经济舱|超级经济舱|\b(?:premium )?economy(?: class)?\b|\bcoach\b)"
)


def cabin_class(masked: MaskedText) -> str | None:
    m = first_match(_CABIN, masked)
    if m is None:
        return None
    return "business" if m.group("business") else "economy"


_PREFER = re.compile(
    r"(?P<cheapest>最便宜|最实惠|最低价|价格最低|便宜点|\bcheapest\b|\blowest (?:fare|price)\b|\bas cheap as\b)"
    r"|(?P<earliest>最早|早一点的|头班|第一班|\bearliest\b|\bfirst flight\b|\bas early as\b)"
)


def preference(masked: MaskedText) -> str | None:
    """ "最便宜的" -> cheapest, "the earliest flight" -> earliest."""
    m = first_match(_PREFER, masked)
    if m is None:
        return None
    return "cheapest" if m.group("cheapest") else "earliest"
