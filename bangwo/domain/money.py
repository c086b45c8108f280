"""Money is integer fen everywhere: 2500 is ¥25.00."""

from __future__ import annotations

Fen = int

MIN_PAY_FEN: Fen = 1  # the one-cent milk tea: a person always pays at least ¥0.01


def yuan_to_fen(yuan: float | int) -> Fen:
    """Convert a yuan amount said by a person (20, 15.5) to fen, rounding to the nearest fen."""
    return round(float(yuan) * 100)


def format_fen(amount_fen: Fen) -> str:
    """¥12.50 style; negative amounts keep their sign before the symbol."""
    sign = "-" if amount_fen < 0 else ""
    whole, cents = divmod(abs(amount_fen), 100)
    return f"{sign}¥{whole}.{cents:02d}"
