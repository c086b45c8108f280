"""Fraud rules of the campaign: who may sign up, and which invitations earn their inviter cards.

The rules are pure functions over counts read from the store (`SignUpCounts`, `InviteFacts`), with every
threshold in `THRESHOLDS`. Each decision (allow, deny, hold) is stored in fraud_decisions with its reason
and the counts it was made on, for the operator to see.

What is refused and what only loses a reward follows how hard the evidence is. A device is one phone in
one hand: past a few sign-ups a day it is a farm, and its sign-ups are refused outright. A network address
is shared by a dormitory, an office or a carrier's NAT: a busy address loses invitation rewards but never
keeps a person out. An inviter whose invitees crowd one device loses those rewards, even the one already
given; one address block or a burst within minutes is only suspicious, so those rewards wait for review.
"""

from __future__ import annotations

import ipaddress
import math
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Literal

from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bangwo.domain.errors import TooManyRequests
from bangwo.promo.cards import cards_issued
from bangwo.store.engine import lock_for_transaction
from bangwo.store.tables import CampaignRow, FraudDecision, Invitation, User

DecisionKind = Literal["sign_up", "invite_reward", "review"]
Decision = Literal["allow", "deny", "hold"]
PAID_STATUSES = ("rewarded", "approved")  # an invitation in one of these with a card_id earned its inviter cards


@dataclass(frozen=True)
class FraudThresholds:
    device_sign_ups_per_day: int = 3  # one more from the same device within a day is refused
    address_sign_ups_per_hour: int = 20  # beyond this, sign-ups from one address earn their inviter nothing
    invitees_per_device: int = 2  # one more invitee of one inviter from the same device makes it a farm
    invitees_per_address_block_per_day: int = 4  # beyond this, one inviter's invitees from one block are held
    burst_invitees: int = 5  # beyond this many invitees of one inviter within burst_minutes, rewards are held
    burst_minutes: int = 10


THRESHOLDS = FraudThresholds()


@dataclass(frozen=True, slots=True)
class Verdict:
    decision: Decision
    reason: str


@dataclass(frozen=True, slots=True)
class SignUpCounts:
    """Earlier sign-ups from the same device in the past day and from the same address in the past hour."""

    device_sign_ups_last_day: int
    device_window_opened_at: datetime | None  # the earliest of those device sign-ups
    address_sign_ups_last_hour: int


@dataclass(frozen=True, slots=True)
class InviteFacts:
    """What the invite rules look at, counted before this invitation was recorded."""

    invitee_device: str | None
    inviter_device: str | None
    device_seen: bool  # someone else signed up from the invitee's device before
    address_sign_ups_last_hour: int
    inviter_invitees_from_device: int  # the inviter's earlier invitees from the invitee's device
    inviter_invitees_from_block_last_day: int  # ... from the invitee's address block, in the past day
    inviter_invitees_last_minutes: int  # ... in the past burst_minutes
    inviter_paid_invitations: int  # invitations that already earned the inviter cards in this campaign
    inviter_cards: int  # the inviter's cards of this campaign, sign-up cards included
    cap_per_person: int
    review_threshold: int
    invite_reward: int


def judge_sign_up(counts: SignUpCounts, thresholds: FraudThresholds) -> Verdict:
    if counts.device_sign_ups_last_day >= thresholds.device_sign_ups_per_day:
        return Verdict("deny", "device_velocity")
    return Verdict("allow", "ok")


def judge_invite_reward(facts: InviteFacts, thresholds: FraudThresholds) -> Verdict:
    """Deny on hard evidence or when nothing can be paid; hold on soft evidence; otherwise reward."""
    if facts.invite_reward == 0:
        return Verdict("deny", "no_invite_reward")
    if facts.invitee_device is None:
        return Verdict("deny", "no_device")  # a device never seen is half of "genuinely new"
    if facts.invitee_device == facts.inviter_device:
        return Verdict("deny", "self_invite")
    if facts.inviter_invitees_from_device >= thresholds.invitees_per_device:
        return Verdict("deny", "farm_device")
    if facts.device_seen:
        return Verdict("deny", "device_seen")
    if facts.address_sign_ups_last_hour >= thresholds.address_sign_ups_per_hour:
        return Verdict("deny", "address_velocity")
    if facts.inviter_cards >= facts.cap_per_person:
        return Verdict("deny", "cap_reached")  # holding a reward that could never be paid helps no one
    if facts.inviter_invitees_from_block_last_day >= thresholds.invitees_per_address_block_per_day:
        return Verdict("hold", "farm_address_block")
    if facts.inviter_invitees_last_minutes >= thresholds.burst_invitees:
        return Verdict("hold", "invite_burst")
    if facts.inviter_paid_invitations >= facts.review_threshold:
        return Verdict("hold", "review_threshold")
    return Verdict("allow", "new_person")


def address_block(ip: str) -> str:
    """The network an address belongs to: its /24 (IPv4) or /56 (IPv6), about one home, office or dormitory."""
    try:
        address = ipaddress.ip_address(ip)
    except ValueError:  # not an address (a test client's name): it is its own block
        return ip
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    prefix = 24 if address.version == 4 else 56
    return str(ipaddress.ip_network(f"{address}/{prefix}", strict=False))


class SignUpRefused(TooManyRequests):
    """A sign-up the velocity rules refused. Its decision is not yet stored: the sign-up's transaction is rolled
    back, so whoever catches this stores `decision` in a transaction of its own."""

    code = "too_many_sign_ups"

    def __init__(self, message: str, *, decision: FraudDecision, retry_after_seconds: int) -> None:
        super().__init__(message, retry_after_seconds=retry_after_seconds)
        self.decision = decision


def decision_row(
    *,
    kind: DecisionKind,
    verdict: Verdict,
    user_id: str | None,
    device_id: str | None,
    ip: str | None,
    data: dict[str, Any],
    now: datetime,
) -> FraudDecision:
    return FraudDecision(
        kind=kind,
        decision=verdict.decision,
        reason=verdict.reason,
        user_id=user_id,
        device_id=device_id,
        ip=ip,
        data=data,
        created_at=now,
    )


async def screen_sign_up(session: AsyncSession, *, device_id: str | None, ip: str | None, now: datetime
                         ) -> SignUpCounts:
    """The sign-up's velocity counts; raises SignUpRefused when its device has signed up too often."""
    if device_id:
        # Sign-ups from one device queue here, so each one counts the ones before it (PostgreSQL; SQLite
        # writers already run one at a time).
        await lock_for_transaction(session, f"sign-up-device:{device_id}")
    counts = await _sign_up_counts(session, device_id=device_id, ip=ip, now=now)
    verdict = judge_sign_up(counts, THRESHOLDS)
    if verdict.decision == "deny":
        opened = counts.device_window_opened_at or now
        retry_after = max(1, math.ceil((opened + timedelta(days=1) - now).total_seconds()))
        raise SignUpRefused(
            "too many sign-ups from this device today; try again tomorrow",
            decision=decision_row(
                kind="sign_up", verdict=verdict, user_id=None, device_id=device_id, ip=ip,
                data=_counts_data(counts), now=now,
            ),
            retry_after_seconds=retry_after,
        )
    return counts


def record_sign_up(session: AsyncSession, counts: SignUpCounts, user: User, now: datetime) -> None:
    """The allowed sign-up's decision, with the counts it was made on."""
    session.add(
        decision_row(
            kind="sign_up", verdict=judge_sign_up(counts, THRESHOLDS), user_id=user.id, device_id=user.device_id,
            ip=user.sign_up_ip, data=_counts_data(counts), now=now,
        )
    )


def _counts_data(counts: SignUpCounts) -> dict[str, Any]:
    return {
        "device_sign_ups_last_day": counts.device_sign_ups_last_day,
        "address_sign_ups_last_hour": counts.address_sign_ups_last_hour,
    }


async def _sign_up_counts(session: AsyncSession, *, device_id: str | None, ip: str | None, now: datetime
                          ) -> SignUpCounts:
    device_count, device_opened = 0, None
    if device_id:
        device_count, device_opened = (
            await session.execute(
                select(func.count(), func.min(User.created_at)).where(
                    User.device_id == device_id, User.created_at > now - timedelta(days=1)
                )
            )
        ).one()
    address_count = 0
    if ip:
        address_count = await session.scalar(
            select(func.count()).select_from(User).where(
                User.sign_up_ip == ip, User.created_at > now - timedelta(hours=1)
            )
        ) or 0
    return SignUpCounts(device_count, device_opened, address_count)


async def invite_facts(
    session: AsyncSession,
    *,
    inviter: User,
    invitee: User,
    campaign: CampaignRow,
    address_sign_ups_last_hour: int,
    now: datetime,
) -> InviteFacts:
    """Counted under the inviter's row lock, before the invitation is recorded: exact under concurrency."""
    device_seen = from_device = 0
    if invitee.device_id:
        device_seen = await session.scalar(
            select(func.count()).select_from(User).where(User.device_id == invitee.device_id, User.id != invitee.id)
        ) or 0
        from_device = await session.scalar(_invitees_of(inviter.id, User.device_id == invitee.device_id)) or 0
    from_block = 0
    if invitee.sign_up_ip:
        # Blocks are compared here rather than in SQL: one inviter's invitees of one day are few.
        recent_ips = await session.scalars(
            select(User.sign_up_ip)
            .join(Invitation, Invitation.invitee_id == User.id)
            .where(Invitation.inviter_id == inviter.id, Invitation.created_at > now - timedelta(days=1))
        )
        block = address_block(invitee.sign_up_ip)
        from_block = sum(1 for ip in recent_ips if ip and address_block(ip) == block)
    burst_start = now - timedelta(minutes=THRESHOLDS.burst_minutes)
    last_minutes = await session.scalar(_invitees_of(inviter.id, Invitation.created_at > burst_start)) or 0
    return InviteFacts(
        invitee_device=invitee.device_id,
        inviter_device=inviter.device_id,
        device_seen=device_seen > 0,
        address_sign_ups_last_hour=address_sign_ups_last_hour,
        inviter_invitees_from_device=from_device,
        inviter_invitees_from_block_last_day=from_block,
        inviter_invitees_last_minutes=last_minutes,
        inviter_paid_invitations=await paid_invitations(session, inviter.id, campaign.id),
        inviter_cards=await cards_issued(session, inviter.id, campaign.id),
        cap_per_person=campaign.cap_per_person,
        review_threshold=campaign.review_threshold,
        invite_reward=campaign.invite_reward,
    )


def _invitees_of(inviter_id: str, *conditions: ColumnElement[bool]) -> Select[tuple[int]]:
    """How many of the inviter's invitees (recorded invitations) meet the conditions."""
    return (
        select(func.count())
        .select_from(Invitation)
        .join(User, User.id == Invitation.invitee_id)
        .where(Invitation.inviter_id == inviter_id, *conditions)
    )


async def paid_invitations(session: AsyncSession, inviter_id: str, campaign_id: str | None = None) -> int:
    """How many of the person's invitations earned them cards (in one campaign, or in all)."""
    query = select(func.count()).select_from(Invitation).where(
        Invitation.inviter_id == inviter_id, Invitation.status.in_(PAID_STATUSES), Invitation.card_id.is_not(None)
    )
    if campaign_id is not None:
        query = query.where(Invitation.campaign_id == campaign_id)
    return await session.scalar(query) or 0


async def decisions(
    session: AsyncSession,
    *,
    kind: str | None = None,
    decision: str | None = None,
    user_id: str | None = None,
    limit: int = 100,
) -> list[FraudDecision]:
    """The newest decisions first, filtered by kind, decision or the person they were about."""
    query = select(FraudDecision).order_by(FraudDecision.created_at.desc(), FraudDecision.id.desc()).limit(limit)
    if kind:
        query = query.where(FraudDecision.kind == kind)
    if decision:
        query = query.where(FraudDecision.decision == decision)
    if user_id:
        query = query.where(FraudDecision.user_id == user_id)
    return list(await session.scalars(query))
