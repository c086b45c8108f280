"""Text that people send, made safe to keep."""

from __future__ import annotations

import re

# C0 and C1 control characters except tab and newline: NUL cannot be stored in PostgreSQL text,
# and terminal escapes have no business in an address or a name.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def without_control_chars(text: str) -> str:
    return _CONTROL.sub("", text)
