"""Campaigns: what a free-order campaign gives (cards on sign-up and for invitations, their value,
the cap a person, where they apply) and the budget it may spend, exactly.

Every change of configuration is a new version, kept. The budget is spent by one conditional
UPDATE in the payment's transaction: it raises `redeemed_fen` only while it stays within
`budget_fen`, so no concurrency can overspend it; a refund gives the amount back.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bangwo.domain.errors import Conflict, InvalidInput, NotFound
from bangwo.domain.money import MIN_PAY_FEN, Fen
from bangwo.domain.text import without_control_chars
from bangwo.store.tables import CampaignRow, CampaignVersion
from bangwo.store.writes import Refusal, Write

DEFAULT_CAMPAIGN_ID = "launch"
CAMPAIGN_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,31}$")
DOMAINS = ("food", "grocery", "movie", "flight", "hotel", "trip")
# The counts and per-card amounts live in 32-bit integer columns, the budget in a 64-bit one: a larger number
# would fail in the database, so it is refused here with the rule it broke.
MAX_COUNT = 2**31 - 1
MAX_BUDGET_FEN = 2**63 - 1
MAX_CARD_VALID_DAYS = 3_650  # ten years; an expiry far beyond that cannot even be computed


@dataclass(frozen=True)
class CampaignConfig:
    """What an operator configures. Money in fen; the defaults are Qianwen's Spring Festival campaign."""

    id: str
    name: str
    starts_at: datetime
    ends_at: datetime
    card_value_fen: Fen = 2_500
    min_pay_fen: Fen = MIN_PAY_FEN
    cap_per_person: int = 21
    cards_on_sign_up: int = 1
    invite_reward: int = 1
    budget_fen: Fen = 3_000_000_000 * 100  # ¥3 billion
    card_valid_days: int = 30
    categories: tuple[str, ...] = field(default=())  # the domains the cards apply to; empty: all
    review_threshold: int = 10  # a person's invitation rewards beyond this many wait for an operator

    def __post_init__(self) -> None:
        problems = []
        if not CAMPAIGN_ID.match(self.id):
            problems.append("id: 1-32 lower-case letters, digits or -")
        if not self.name.strip():
            problems.append("name: required")
        elif without_control_chars(self.name) != self.name:
            problems.append("name: no control characters")
        if self.starts_at.tzinfo is None or self.ends_at.tzinfo is None:
            problems.append("starts_at and ends_at need a timezone")
        elif self.ends_at <= self.starts_at:
            problems.append("ends_at must be after starts_at")
        if self.card_value_fen < 1 or self.min_pay_fen < MIN_PAY_FEN or self.budget_fen < 0:
            problems.append(f"card_value_fen ≥ 1, min_pay_fen ≥ {MIN_PAY_FEN}, budget_fen ≥ 0")
        if min(self.cap_per_person, self.cards_on_sign_up, self.invite_reward, self.review_threshold) < 0:
            problems.append("cap_per_person, cards_on_sign_up, invite_reward and review_threshold cannot be negative")
        if self.card_valid_days < 1:
            problems.append("card_valid_days ≥ 1")
        elif self.card_valid_days > MAX_CARD_VALID_DAYS:
            problems.append(f"card_valid_days ≤ {MAX_CARD_VALID_DAYS}")
        counts = (self.card_value_fen, self.min_pay_fen, self.cap_per_person, self.cards_on_sign_up,
                  self.invite_reward, self.review_threshold)
        if max(counts) > MAX_COUNT or self.budget_fen > MAX_BUDGET_FEN:
            problems.append(f"budget_fen ≤ {MAX_BUDGET_FEN}; every other amount and count ≤ {MAX_COUNT}")
        unknown = sorted(set(self.categories) - set(DOMAINS))
        if unknown:
            problems.append(f"categories: unknown {unknown}; choose from {list(DOMAINS)}")
        if problems:
            raise InvalidInput("invalid campaign: " + "; ".join(problems), code="invalid_campaign")

    def as_json(self) -> dict[str, Any]:
        values = asdict(self)
        values.update(starts_at=self.starts_at.isoformat(), ends_at=self.ends_at.isoformat(),
                      categories=list(self.categories))
        return values

    def applies_to(self, domain: str) -> bool:
        return not self.categories or domain in self.categories


def config_of(row: CampaignRow) -> CampaignConfig:
    return CampaignConfig(
        id=row.id, name=row.name, starts_at=row.starts_at, ends_at=row.ends_at, card_value_fen=row.card_value_fen,
        min_pay_fen=row.min_pay_fen, cap_per_person=row.cap_per_person, cards_on_sign_up=row.cards_on_sign_up,
        invite_reward=row.invite_reward, budget_fen=row.budget_fen, card_valid_days=row.card_valid_days,
        categories=tuple(row.categories), review_threshold=row.review_threshold,
    )


# The default campaign runs this long: the seed's ran six days, but a demo left running should keep
# giving cards to the people who try it.
DEFAULT_CAMPAIGN_DAYS = 365


def default_campaign(start: datetime, *, card_value_fen: Fen, card_valid_days: int) -> CampaignConfig:
    """The campaign a fresh store runs, from the clock's start; an operator replaces it with their own."""
    return CampaignConfig(
        id=DEFAULT_CAMPAIGN_ID, name="春节免单卡 Spring Festival free-order cards", starts_at=start,
        ends_at=start + timedelta(days=DEFAULT_CAMPAIGN_DAYS), card_value_fen=card_value_fen,
        card_valid_days=card_valid_days,
    )


async def save_campaign(session: AsyncSession, config: CampaignConfig, *, changed_by: str, now: datetime) -> int:
    """Create the campaign or change it; returns its new version. What was redeemed is kept."""
    row = await session.get(CampaignRow, config.id, with_for_update=True)
    values = {k: v for k, v in asdict(config).items() if k != "id"} | {"categories": list(config.categories)}
    if row is None:
        row = CampaignRow(id=config.id, version=1, redeemed_fen=0, created_at=now, updated_at=now, **values)
        session.add(row)
    else:
        for name, value in values.items():
            setattr(row, name, value)
        row.version, row.updated_at = row.version + 1, now
    session.add(
        CampaignVersion(campaign_id=config.id, version=row.version, config=config.as_json(), changed_by=changed_by,
                        created_at=now)
    )
    await session.flush()
    return row.version


async def campaign(session: AsyncSession, campaign_id: str) -> CampaignRow:
    row = await session.get(CampaignRow, campaign_id)
    if row is None:
        raise NotFound(f"no campaign {campaign_id!r}", code="campaign_not_found")
    return row


async def campaigns(session: AsyncSession) -> list[CampaignRow]:
    return list(await session.scalars(select(CampaignRow).order_by(CampaignRow.starts_at, CampaignRow.id)))


async def running_campaign(session: AsyncSession, now: datetime) -> CampaignRow | None:
    """The campaign running now; when several overlap, the one that started last."""
    return await session.scalar(
        select(CampaignRow)
        .where(CampaignRow.starts_at <= now, CampaignRow.ends_at > now)
        .order_by(CampaignRow.starts_at.desc(), CampaignRow.id)
        .limit(1)
    )


async def budget_left_fen(session: AsyncSession, campaign_id: str) -> Fen:
    row = await session.get(CampaignRow, campaign_id, populate_existing=True)
    return 0 if row is None else max(0, row.budget_fen - row.redeemed_fen)


_SPEND_BUDGET = (
    "UPDATE campaigns SET redeemed_fen = redeemed_fen + :amount "
    "WHERE id = :campaign_id AND redeemed_fen + :amount <= budget_fen"
)


def budget_spending(campaign_id: str, amount_fen: Fen, refusal: Refusal) -> Write:
    """The write that takes `amount_fen` from the campaign's budget, run with the payment; refused
    unless all of it is still there."""
    return Write(_SPEND_BUDGET, {"campaign_id": campaign_id, "amount": amount_fen}, refusal)


async def return_budget(session: AsyncSession, campaign_id: str, amount_fen: Fen) -> None:
    """A refunded order's card was not spent after all."""
    if amount_fen > 0:
        await session.execute(
            update(CampaignRow)
            .where(CampaignRow.id == campaign_id)
            .values(redeemed_fen=CampaignRow.redeemed_fen - amount_fen)
        )


async def create_campaign(session: AsyncSession, config: CampaignConfig, *, changed_by: str, now: datetime
                          ) -> CampaignRow:
    """A new campaign (version 1); an id already taken is refused, never overwritten."""
    if await session.get(CampaignRow, config.id) is not None:
        raise Conflict(f"campaign {config.id!r} already exists; change it instead", code="campaign_exists")
    await save_campaign(session, config, changed_by=changed_by, now=now)
    return await campaign(session, config.id)


async def change_campaign(session: AsyncSession, campaign_id: str, changes: dict[str, Any], *, changed_by: str,
                          now: datetime) -> CampaignRow:
    """Change some of a campaign's settings (the rest stay as they are): a new version."""
    row = await session.get(CampaignRow, campaign_id, with_for_update=True)
    if row is None:
        raise NotFound(f"no campaign {campaign_id!r}", code="campaign_not_found")
    if "id" in changes:
        raise InvalidInput("a campaign's id cannot change", code="invalid_campaign")
    config = replace(config_of(row), **changes)
    # Lowering the budget under what was already given away would make the record claim an overspend.
    if config.budget_fen < row.redeemed_fen:
        raise InvalidInput(
            f"invalid campaign: budget_fen cannot go below the {row.redeemed_fen} fen already redeemed",
            code="invalid_campaign",
        )
    await save_campaign(session, config, changed_by=changed_by, now=now)
    return row


async def campaign_versions(session: AsyncSession, campaign_id: str) -> list[CampaignVersion]:
    """Every configuration the campaign has had, oldest first."""
    await campaign(session, campaign_id)
    return list(await session.scalars(
        select(CampaignVersion).where(CampaignVersion.campaign_id == campaign_id).order_by(CampaignVersion.version)
    ))
