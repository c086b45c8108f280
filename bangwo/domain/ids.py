"""Opaque identifiers: a short prefix that says what it names, then randomness."""

from __future__ import annotations

import secrets


def new_id(prefix: str) -> str:
    return f"{prefix}_{secrets.token_hex(10)}"
