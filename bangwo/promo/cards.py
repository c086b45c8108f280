"""Free-order cards: issued, applied to the next order automatically, redeemed once, restored on cancel.

Redemption is one conditional UPDATE: a card moves from available to redeemed only if it
is still available and unexpired, so two orders can never spend the same card. What it takes
off the order is spent from its campaign's budget in the same transaction.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bangwo.domain.ids import new_id
from bangwo.domain.money import MIN_PAY_FEN, Fen
from bangwo.promo.campaigns import budget_left_fen, config_of
from bangwo.store.tables import CampaignRow, Card
from bangwo.store.writes import Refusal, Write


@dataclass(frozen=True, slots=True)
class CardView:
    id: str
    campaign: str
    value_fen: Fen
    status: str  # available | redeemed | expired | revoked (taken back from an invite farm)
    reason: str
    expires_at: datetime
    order_id: str | None
    min_pay_fen: Fen = MIN_PAY_FEN  # the least its campaign lets an order it discounts cost


def _view(card: Card, now: datetime) -> CardView:
    status = "expired" if card.status == "available" and card.expires_at <= now else card.status
    return CardView(card.id, card.campaign, card.value_fen, status, card.reason, card.expires_at, card.order_id)


async def cards_issued(session: AsyncSession, user_id: str, campaign_id: str) -> int:
    return await session.scalar(
        select(func.count()).select_from(Card).where(Card.user_id == user_id, Card.campaign == campaign_id)
    ) or 0


async def issue_card(session: AsyncSession, user_id: str, campaign: CampaignRow, *, reason: str, now: datetime
                     ) -> CardView | None:
    """One card of the campaign, unless the person already has the campaign's cap of them (None)."""
    if await cards_issued(session, user_id, campaign.id) >= campaign.cap_per_person:
        return None
    card = Card(
        id=new_id("card"),
        user_id=user_id,
        campaign=campaign.id,
        value_fen=campaign.card_value_fen,
        status="available",
        reason=reason,
        issued_at=now,
        expires_at=now + timedelta(days=campaign.card_valid_days),
        order_id=None,
    )
    session.add(card)
    await session.flush()
    return _view(card, now)


async def cards_of(session: AsyncSession, user_id: str, now: datetime) -> list[CardView]:
    rows = await session.scalars(select(Card).where(Card.user_id == user_id).order_by(Card.expires_at, Card.id))
    return [_view(card, now) for card in rows]


async def best_card(session: AsyncSession, user_id: str, now: datetime, domain: str | None = None) -> CardView | None:
    """The card the next order uses: the available one that expires first, of a campaign that applies to
    the order's domain and still has the card's value in its budget."""
    for card in await cards_of(session, user_id, now):
        if card.status != "available":
            continue
        row = await session.get(CampaignRow, card.campaign, populate_existing=True)
        if row is None or (domain and not config_of(row).applies_to(domain)):
            continue
        if row.budget_fen - row.redeemed_fen >= card.value_fen:  # read afresh just above: the budget as it is now
            return replace(card, min_pay_fen=row.min_pay_fen)
    return None


_REDEEM = (
    "UPDATE cards SET status = 'redeemed', order_id = :order_id "
    "WHERE id = :card_id AND user_id = :user_id AND status = 'available' AND expires_at > :now"
)


def card_redemption(card_id: str, user_id: str, order_id: str, now: datetime, refusal: Refusal) -> Write:
    """The write that spends the card on the order, run with the payment; refused if the card can no
    longer be spent (spent, expired, not the person's)."""
    return Write(_REDEEM, {"card_id": card_id, "user_id": user_id, "order_id": order_id, "now": now}, refusal)


async def campaign_of_card(session: AsyncSession, card_id: str) -> CampaignRow | None:
    """The campaign whose budget pays for the card."""
    return await session.scalar(
        select(CampaignRow).join(Card, Card.campaign == CampaignRow.id).where(Card.id == card_id)
    )


async def restore_card(session: AsyncSession, order_id: str) -> str | None:
    """Give back the card an order used (it keeps its original expiry); its campaign's id, or None."""
    campaign_id = await session.scalar(
        select(Card.campaign).where(Card.order_id == order_id, Card.status == "redeemed")
    )
    await session.execute(
        update(Card)
        .where(Card.order_id == order_id, Card.status == "redeemed")
        .values(status="available", order_id=None)
    )
    return campaign_id


async def card_held_back_by_budget(session: AsyncSession, user_id: str, now: datetime) -> bool:
    """Whether the person has an available card that its campaign's budget can no longer pay."""
    for card in await cards_of(session, user_id, now):
        if card.status == "available" and await budget_left_fen(session, card.campaign) < card.value_fen:
            return True
    return False
