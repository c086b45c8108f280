"""Flights: the cabin; the route comes from places.py."""

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
