"""Campaign configuration for operators: /v1/admin/campaigns. Every change is a new version, kept.

The rules of a valid campaign live in promo.campaigns.CampaignConfig; a body that breaks them is
refused with 422 and the rule it broke.
"""

from __future__ import annotations

from dataclasses import fields
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path
from pydantic import BaseModel, Field
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from bangwo.api.auth import AppServices
from bangwo.api.operator import operator_only
from bangwo.api.schemas import ID_PATTERN, Strict
from bangwo.domain.errors import Conflict
from bangwo.promo.campaigns import (
    CampaignConfig,
    campaign,
    campaign_versions,
    campaigns,
    change_campaign,
    create_campaign,
    running_campaign,
)
from bangwo.store.tables import CampaignRow

router = APIRouter(prefix="/v1/admin/campaigns", tags=["operator"], dependencies=[Depends(operator_only)])
CHANGED_BY = "admin-api"
_DEFAULT = {f.name: f.default for f in fields(CampaignConfig)}
# Money and counts are whole numbers: "2500" or 25.5 is refused, not guessed at.
WholeNumber = Annotated[int, Field(strict=True)]
CampaignId = Annotated[str, Path(max_length=32, pattern=ID_PATTERN)]


class CampaignSettings(Strict):
    """What a campaign gives and may spend; money in fen."""

    name: str = Field(max_length=64, examples=["春节免单卡"])
    starts_at: datetime = Field(examples=["2026-02-10T00:00:00+08:00"])
    ends_at: datetime = Field(examples=["2026-02-16T00:00:00+08:00"])
    card_value_fen: WholeNumber = _DEFAULT["card_value_fen"]
    min_pay_fen: WholeNumber = _DEFAULT["min_pay_fen"]
    cap_per_person: WholeNumber = _DEFAULT["cap_per_person"]
    cards_on_sign_up: WholeNumber = _DEFAULT["cards_on_sign_up"]
    invite_reward: WholeNumber = _DEFAULT["invite_reward"]
    budget_fen: WholeNumber = Field(default=_DEFAULT["budget_fen"], description="the total value cards may redeem")
    card_valid_days: WholeNumber = _DEFAULT["card_valid_days"]
    categories: list[str] = Field(default=[], description="the domains the cards apply to; empty: all")
    review_threshold: WholeNumber = _DEFAULT["review_threshold"]


class NewCampaign(CampaignSettings):
    id: str = Field(max_length=32, examples=["spring-2026"], description="1-32 lower-case letters, digits or -")


class CampaignChange(Strict):
    """The settings to change; those left out keep their current values."""

    name: str | None = Field(default=None, max_length=64)
    starts_at: datetime | None = None
    ends_at: datetime | None = None
    card_value_fen: WholeNumber | None = None
    min_pay_fen: WholeNumber | None = None
    cap_per_person: WholeNumber | None = None
    cards_on_sign_up: WholeNumber | None = None
    invite_reward: WholeNumber | None = None
    budget_fen: WholeNumber | None = None
    card_valid_days: WholeNumber | None = None
    categories: list[str] | None = None
    review_threshold: WholeNumber | None = None


class CampaignOut(NewCampaign):
    version: int
    redeemed_fen: int = Field(description="the record of what the campaign's cards took off orders")
    left_fen: int = Field(description="budget_fen − redeemed_fen")
    running: bool = Field(description="whether sign-ups get this campaign's cards now")
    created_at: datetime
    updated_at: datetime


class CampaignsOut(BaseModel):
    campaigns: list[CampaignOut]


class CampaignVersionOut(BaseModel):
    version: int
    config: dict[str, Any]
    changed_by: str
    created_at: datetime


class CampaignVersionsOut(BaseModel):
    campaign_id: str
    versions: list[CampaignVersionOut]




async def _out(session: AsyncSession, row: CampaignRow, now: datetime) -> CampaignOut:
    running = await running_campaign(session, now)
    return CampaignOut(
        id=row.id, name=row.name, starts_at=row.starts_at, ends_at=row.ends_at, card_value_fen=row.card_value_fen,
        min_pay_fen=row.min_pay_fen, cap_per_person=row.cap_per_person, cards_on_sign_up=row.cards_on_sign_up,
        invite_reward=row.invite_reward, budget_fen=row.budget_fen, card_valid_days=row.card_valid_days,
        categories=list(row.categories), review_threshold=row.review_threshold, version=row.version,
        redeemed_fen=row.redeemed_fen, left_fen=max(0, row.budget_fen - row.redeemed_fen),
        running=running is not None and running.id == row.id, created_at=row.created_at, updated_at=row.updated_at,
    )


@router.get("")
async def list_campaigns(services: AppServices) -> CampaignsOut:
    """Every campaign in start order, with what its cards redeemed and what is left of its budget."""
    async with services.store.read() as session:
        now = services.clock.now()
        return CampaignsOut(campaigns=[await _out(session, row, now) for row in await campaigns(session)])


@router.post("", status_code=201)
async def new_campaign(body: NewCampaign, services: AppServices) -> CampaignOut:
    """Create a campaign (version 1). Campaigns may run in sequence; sign-ups get the cards of the one
    that started last among those running."""
    values = body.model_dump()
    config = CampaignConfig(**values | {"categories": tuple(body.categories)})
    now = services.clock.now()
    try:
        async with services.store.transaction() as session:
            row = await create_campaign(session, config, changed_by=CHANGED_BY, now=now)
            return await _out(session, row, now)
    except IntegrityError:  # the same id created twice at once
        raise Conflict(f"campaign {config.id!r} already exists; change it instead", code="campaign_exists") from None


@router.get("/{campaign_id}")
async def show_campaign(campaign_id: CampaignId, services: AppServices) -> CampaignOut:
    async with services.store.read() as session:
        return await _out(session, await campaign(session, campaign_id), services.clock.now())


@router.put("/{campaign_id}")
async def change(campaign_id: CampaignId, body: CampaignChange, services: AppServices) -> CampaignOut:
    """Change some settings: a new version. What was redeemed is kept; cards already issued keep their value
    and expiry."""
    changes = body.model_dump(exclude_none=True)
    if "categories" in changes:
        changes["categories"] = tuple(changes["categories"])
    now = services.clock.now()
    async with services.store.transaction() as session:
        row = await change_campaign(session, campaign_id, changes, changed_by=CHANGED_BY, now=now)
        return await _out(session, row, now)


@router.get("/{campaign_id}/versions")
async def versions(campaign_id: CampaignId, services: AppServices) -> CampaignVersionsOut:
    """Every configuration the campaign has had, oldest first, with who changed it."""
    async with services.store.read() as session:
        rows = await campaign_versions(session, campaign_id)
    return CampaignVersionsOut(
        campaign_id=campaign_id,
        versions=[CampaignVersionOut(version=v.version, config=v.config, changed_by=v.changed_by,
                                     created_at=v.created_at) for v in rows],
    )
