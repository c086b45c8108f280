"""Fraud decisions and invitation review for operators: every decision with its reason, the rewards held
for review, and the operator's approve or reject (each idempotent)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query
from pydantic import BaseModel

from bangwo.api.auth import AppServices
from bangwo.api.operator import operator_only
from bangwo.api.schemas import ID_PATTERN
from bangwo.promo.fraud import decisions
from bangwo.promo.invites import (
    InvitationView,
    approve_invitation,
    invitation_view,
    invitations,
    reject_invitation,
)
from bangwo.store.tables import FraudDecision

router = APIRouter(prefix="/v1/admin", tags=["operator"], dependencies=[Depends(operator_only)])
Limit = Annotated[int, Query(ge=1, le=1000)]
InvitationId = Annotated[int, Path(ge=1, le=2**31 - 1)]  # the column is a 32-bit integer


class FraudDecisionOut(BaseModel):
    id: int
    kind: str  # sign_up | invite_reward | review
    decision: str  # allow | deny | hold
    reason: str
    user_id: str | None  # the person signing up, or the inviter whose reward it was
    device_id: str | None
    ip: str | None
    data: dict[str, Any]  # the counts the rules looked at, the invitation, the cards
    created_at: datetime


class FraudDecisionsOut(BaseModel):
    decisions: list[FraudDecisionOut]


class InvitationOut(BaseModel):
    id: int
    campaign_id: str
    inviter_id: str
    invitee_id: str
    invitee_device_id: str | None
    invitee_ip: str | None
    status: str  # rewarded | held | refused | approved
    reason: str
    card_id: str | None
    created_at: datetime
    decided_at: datetime | None


class InvitationsOut(BaseModel):
    invitations: list[InvitationOut]


def _decision(row: FraudDecision) -> FraudDecisionOut:
    return FraudDecisionOut(
        id=row.id, kind=row.kind, decision=row.decision, reason=row.reason, user_id=row.user_id,
        device_id=row.device_id, ip=row.ip, data=row.data, created_at=row.created_at,
    )


def _invitation(view: InvitationView) -> InvitationOut:
    row = view.invitation
    return InvitationOut(
        id=row.id, campaign_id=row.campaign_id, inviter_id=row.inviter_id, invitee_id=row.invitee_id,
        invitee_device_id=view.invitee_device_id, invitee_ip=view.invitee_ip, status=row.status, reason=row.reason,
        card_id=row.card_id, created_at=row.created_at, decided_at=row.decided_at,
    )


@router.get("/fraud/decisions")
async def fraud_decisions(
    services: AppServices,
    kind: Literal["sign_up", "invite_reward", "review"] | None = None,
    decision: Literal["allow", "deny", "hold"] | None = None,
    user_id: Annotated[str | None, Query(max_length=32, pattern=ID_PATTERN)] = None,
    limit: Limit = 100,
) -> FraudDecisionsOut:
    """The newest decisions first: what was allowed, denied or held, why, and on what counts."""
    async with services.store.read() as session:
        rows = await decisions(session, kind=kind, decision=decision, user_id=user_id, limit=limit)
    return FraudDecisionsOut(decisions=[_decision(row) for row in rows])


@router.get("/invitations")
async def list_invitations(
    services: AppServices,
    status: Literal["rewarded", "held", "refused", "approved"] | None = None,
    inviter_id: Annotated[str | None, Query(max_length=32, pattern=ID_PATTERN)] = None,
    limit: Limit = 100,
) -> InvitationsOut:
    """The newest invitations first; `status=held` is the review queue."""
    async with services.store.read() as session:
        views = await invitations(session, status=status, inviter_id=inviter_id, limit=limit)
    return InvitationsOut(invitations=[_invitation(view) for view in views])


@router.post("/invitations/{invitation_id}/approve")
async def approve(invitation_id: InvitationId, services: AppServices) -> InvitationOut:
    """Pay a held reward: its cards are issued if the inviter's cap allows (else it is approved with reason
    cap_reached and no card). Approving again changes nothing; a refused invitation cannot be approved (409)."""
    async with services.store.transaction() as session:
        await approve_invitation(session, invitation_id, services.clock.now())
        return _invitation(await invitation_view(session, invitation_id))


@router.post("/invitations/{invitation_id}/reject")
async def reject(invitation_id: InvitationId, services: AppServices) -> InvitationOut:
    """Refuse a held reward. Rejecting again changes nothing; a paid invitation cannot be rejected (409)."""
    async with services.store.transaction() as session:
        await reject_invitation(session, invitation_id, services.clock.now())
        return _invitation(await invitation_view(session, invitation_id))

