"""Free-order cards: issued, applied to the next order automatically, redeemed once, restored on cancel.

Redemption is one conditional UPDATE: a card moves from available to redeemed only if it
is still available and unexpired, so two orders can never spend the same card.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bangwo.domain.ids import new_id
from bangwo.domain.money import Fen
from bangwo.store.tables import Card

LAUNCH_CAMPAIGN = "launch"


@dataclass(frozen=True, slots=True)
class CardView:
    id: str
    value_fen: Fen
    status: str  # available | redeemed | expired
    reason: str
    expires_at: datetime
    order_id: str | None


def _view(card: Card, now: datetime) -> CardView:
    status = "expired" if card.status == "available" and card.expires_at <= now else card.status
    return CardView(card.id, card.value_fen, status, card.reason, card.expires_at, card.order_id)


async def issue_card(
    session: AsyncSession, user_id: str, *, value_fen: Fen, valid_days: int, reason: str, now: datetime
) -> CardView:
    card = Card(
        id=new_id("card"),
        user_id=user_id,
        campaign=LAUNCH_CAMPAIGN,
        value_fen=value_fen,
        status="available",
        reason=reason,
        issued_at=now,
        expires_at=now + timedelta(days=valid_days),
        order_id=None,
    )
    session.add(card)
    await session.flush()
    return _view(card, now)


async def cards_of(session: AsyncSession, user_id: str, now: datetime) -> list[CardView]:
    rows = await session.scalars(select(Card).where(Card.user_id == user_id).order_by(Card.expires_at, Card.id))
    return [_view(card, now) for card in rows]


async def best_card(session: AsyncSession, user_id: str, now: datetime) -> CardView | None:
    """The card the next order uses: the available one that expires first."""
    return next((c for c in await cards_of(session, user_id, now) if c.status == "available"), None)


async def redeem_card(session: AsyncSession, card_id: str, user_id: str, order_id: str, now: datetime) -> bool:
    result = await session.execute(
        update(Card)
        .where(Card.id == card_id, Card.user_id == user_id, Card.status == "available", Card.expires_at > now)
        .values(status="redeemed", order_id=order_id)
    )
    return result.rowcount == 1


async def restore_card(session: AsyncSession, order_id: str) -> bool:
    """Give back the card an order used (it keeps its original expiry)."""
    result = await session.execute(
        update(Card)
        .where(Card.order_id == order_id, Card.status == "redeemed")
        .values(status="available", order_id=None)
    )
    return result.rowcount == 1
