"""Invitations: a new person who signed up with someone's invite code, both ends recorded, and what the
inviter earned for it.

The fraud rules (promo/fraud.py) decide each reward: `campaign.invite_reward` cards now, none, or held
until an operator approves or rejects it. Everything that changes an inviter's invitations or cards here
first locks the inviter's row, so the counts the rules read are exact and the cap per person holds
however many friends sign up at once.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bangwo.domain.errors import Conflict, NotFound
from bangwo.promo import fraud
from bangwo.promo.cards import issue_card
from bangwo.store.tables import CampaignRow, Card, Invitation, User

REVOKED = "revoked"  # a card taken back from an invite farm before it was spent


async def lock_person(session: AsyncSession, user_id: str) -> User:
    """The person's row, locked until the transaction ends. FOR NO KEY UPDATE: rows that merely point at
    the person (their orders, their invitees) can still be written meanwhile."""
    user = await session.get(User, user_id, with_for_update={"key_share": True}, populate_existing=True)
    if user is None:
        raise NotFound("no such person", code="user_not_found")
    return user


async def settle_invitation(
    session: AsyncSession,
    *,
    inviter: User,
    invitee: User,
    campaign: CampaignRow,
    address_sign_ups_last_hour: int,
    now: datetime,
) -> Invitation:
    """Record the invitation and decide the inviter's reward. The caller holds the inviter's row lock."""
    facts = await fraud.invite_facts(
        session, inviter=inviter, invitee=invitee, campaign=campaign,
        address_sign_ups_last_hour=address_sign_ups_last_hour, now=now,
    )
    verdict = fraud.judge_invite_reward(facts, fraud.THRESHOLDS)
    invitation = Invitation(
        campaign_id=campaign.id, inviter_id=inviter.id, invitee_id=invitee.id, status="held",
        reason=verdict.reason, card_id=None, created_at=now, decided_at=None,
    )
    session.add(invitation)
    await session.flush()
    data: dict[str, Any] = {"invitation_id": invitation.id, "invitee_id": invitee.id, **asdict(facts)}
    if verdict.decision == "allow":
        data["cards"] = await _pay(session, invitation, campaign, status="rewarded", now=now)
    elif verdict.decision == "deny":
        invitation.status, invitation.decided_at = "refused", now
        if verdict.reason == "farm_device" and invitee.device_id:
            data |= await _unwind_device_farm(session, inviter.id, invitee.device_id, now)
    session.add(
        fraud.decision_row(
            kind="invite_reward", verdict=verdict, user_id=inviter.id, device_id=invitee.device_id,
            ip=invitee.sign_up_ip, data=data, now=now,
        )
    )
    return invitation


async def _pay(session: AsyncSession, invitation: Invitation, campaign: CampaignRow, *, status: str,
               now: datetime) -> list[str]:
    """Issue the reward's cards up to the cap; the invitation keeps the first card's id (none: the cap was reached)."""
    card_ids = []
    for _ in range(campaign.invite_reward):
        card = await issue_card(session, invitation.inviter_id, campaign, reason="invite", now=now)
        if card is None:
            break
        card_ids.append(card.id)
    invitation.status, invitation.card_id, invitation.decided_at = status, card_ids[0] if card_ids else None, now
    if not card_ids:
        invitation.reason = "cap_reached"
    return card_ids


async def _unwind_device_farm(session: AsyncSession, inviter_id: str, device_id: str, now: datetime
                              ) -> dict[str, Any]:
    """The inviter's earlier invitees from this device were the farm too: their rewards are refused, and the
    cards they earned taken back while still unspent. Cards are alike, so any unspent invite card of the same
    campaign goes. Taken-back cards still count towards the cap."""
    earlier = list(
        await session.scalars(
            select(Invitation)
            .join(User, User.id == Invitation.invitee_id)
            .where(
                Invitation.inviter_id == inviter_id,
                User.device_id == device_id,
                Invitation.status.in_(("rewarded", "held", "approved")),
            )
        )
    )
    paid_by_campaign = Counter(i.campaign_id for i in earlier if i.card_id is not None)
    taken_back = 0
    for campaign_id, paid in paid_by_campaign.items():
        reward = await session.scalar(select(CampaignRow.invite_reward).where(CampaignRow.id == campaign_id)) or 0
        unspent = list(
            await session.scalars(
                select(Card.id)
                .where(Card.user_id == inviter_id, Card.campaign == campaign_id, Card.reason == "invite",
                       Card.status == "available")
                .order_by(Card.issued_at.desc(), Card.id)
                .limit(paid * reward)
            )
        )
        if unspent:
            # Only while still available: a card being spent at this moment is spent.
            result = await session.execute(
                update(Card).where(Card.id.in_(unspent), Card.status == "available").values(status=REVOKED)
            )
            taken_back += result.rowcount
    for invitation in earlier:
        invitation.status, invitation.reason, invitation.decided_at = "refused", "farm_device", now
    return {"unwound_invitations": [i.id for i in earlier], "cards_taken_back": taken_back}


async def approve_invitation(session: AsyncSession, invitation_id: int, now: datetime) -> Invitation:
    """An operator approves a held reward: its cards are issued if the cap allows. Approving again changes nothing."""
    invitation = await _locked_invitation(session, invitation_id)
    if invitation.status in ("approved", "rewarded"):
        return invitation
    if invitation.status != "held":
        raise Conflict(
            f"invitation {invitation_id} was refused ({invitation.reason}); it cannot be approved",
            code="invitation_decided", status=invitation.status, reason=invitation.reason,
        )
    campaign = await session.get(CampaignRow, invitation.campaign_id)
    if campaign is None:
        raise NotFound(f"no campaign {invitation.campaign_id!r}", code="campaign_not_found")
    invitation.reason = "approved_by_operator"
    card_ids = await _pay(session, invitation, campaign, status="approved", now=now)
    _record_review(session, invitation, fraud.Verdict("allow", "approved_by_operator"), {"cards": card_ids}, now)
    return invitation


async def reject_invitation(session: AsyncSession, invitation_id: int, now: datetime) -> Invitation:
    """An operator rejects a held reward: no card. Rejecting again changes nothing."""
    invitation = await _locked_invitation(session, invitation_id)
    if invitation.status == "refused":
        return invitation
    if invitation.status != "held":
        raise Conflict(
            f"invitation {invitation_id} already earned its card ({invitation.status}); it cannot be rejected",
            code="invitation_decided", status=invitation.status, reason=invitation.reason,
        )
    invitation.status, invitation.reason, invitation.decided_at = "refused", "rejected_by_operator", now
    _record_review(session, invitation, fraud.Verdict("deny", invitation.reason), {}, now)
    return invitation


async def _locked_invitation(session: AsyncSession, invitation_id: int) -> Invitation:
    """The invitation, read again under its inviter's lock (the lock every change to it takes first)."""
    invitation = await session.get(Invitation, invitation_id)
    if invitation is None:
        raise NotFound(f"no invitation {invitation_id}", code="invitation_not_found")
    await lock_person(session, invitation.inviter_id)
    await session.refresh(invitation)
    return invitation


def _record_review(session: AsyncSession, invitation: Invitation, verdict: fraud.Verdict, data: dict[str, Any],
                   now: datetime) -> None:
    session.add(
        fraud.decision_row(
            kind="review", verdict=verdict, user_id=invitation.inviter_id, device_id=None, ip=None,
            data={"invitation_id": invitation.id, "invitee_id": invitation.invitee_id, **data}, now=now,
        )
    )


@dataclass(frozen=True, slots=True)
class InvitationView:
    invitation: Invitation
    invitee_device_id: str | None
    invitee_ip: str | None


_WITH_INVITEE = select(Invitation, User.device_id, User.sign_up_ip).join(User, User.id == Invitation.invitee_id)


async def invitations(session: AsyncSession, *, status: str | None = None, inviter_id: str | None = None,
                      limit: int = 100) -> list[InvitationView]:
    """The newest invitations first, with the invitee's device and address (what a reviewer weighs)."""
    query = _WITH_INVITEE.order_by(Invitation.created_at.desc(), Invitation.id.desc()).limit(limit)
    if status:
        query = query.where(Invitation.status == status)
    if inviter_id:
        query = query.where(Invitation.inviter_id == inviter_id)
    return [InvitationView(row, device, ip) for row, device, ip in (await session.execute(query)).all()]


async def invitation_view(session: AsyncSession, invitation_id: int) -> InvitationView:
    found = (await session.execute(_WITH_INVITEE.where(Invitation.id == invitation_id))).first()
    if found is None:
        raise NotFound(f"no invitation {invitation_id}", code="invitation_not_found")
    return InvitationView(*found)


@dataclass(frozen=True, slots=True)
class Invitee:
    name: str | None
    phone: str  # masked: the inviter sees who joined, not their number
    joined_at: datetime
    status: str


@dataclass(frozen=True, slots=True)
class InviteSummary:
    invite_code: str
    invited: list[Invitee]  # the newest first
    invited_count: int
    rewarded: int
    held: int


def masked_phone(phone: str) -> str:
    return f"{phone[:3]}****{phone[-4:]}"


async def invite_code_of(session: AsyncSession, user_id: str) -> str:
    code = await session.scalar(select(User.invite_code).where(User.id == user_id))
    if code is None:
        raise NotFound("no such person", code="user_not_found")
    return code


async def invite_summary(session: AsyncSession, user_id: str, *, limit: int = 100) -> InviteSummary:
    """What the person's invite code has brought in, across campaigns."""
    invite_code = await invite_code_of(session, user_id)
    rows = await session.execute(
        select(User.name, User.phone, User.created_at, Invitation.status)
        .join(Invitation, Invitation.invitee_id == User.id)
        .where(Invitation.inviter_id == user_id)
        .order_by(Invitation.created_at.desc(), Invitation.id.desc())
        .limit(limit)
    )
    counts = dict(
        (
            await session.execute(
                select(Invitation.status, func.count()).where(Invitation.inviter_id == user_id)
                .group_by(Invitation.status)
            )
        ).all()
    )
    return InviteSummary(
        invite_code=invite_code,
        invited=[Invitee(name, masked_phone(phone), joined, status) for name, phone, joined, status in rows],
        invited_count=sum(counts.values()),
        rewarded=await fraud.paid_invitations(session, user_id),
        held=counts.get("held", 0),
    )
