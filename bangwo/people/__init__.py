"""People: sign-up by phone, bearer tokens (stored hashed), delivery addresses, the profile."""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from bangwo.commerce.ledger import FUNDING_DEMO, Leg, balance_fen, post_transfer, wallet_account
from bangwo.domain.errors import Conflict, InvalidInput, NotFound, Unauthorized
from bangwo.domain.geo import Point
from bangwo.domain.ids import new_id
from bangwo.domain.money import Fen
from bangwo.domain.text import without_control_chars
from bangwo.promo import fraud
from bangwo.promo.campaigns import running_campaign
from bangwo.promo.cards import CardView, cards_of, issue_card
from bangwo.promo.invites import lock_person, settle_invitation
from bangwo.store.engine import Store
from bangwo.store.tables import Address, AuthToken, User

# Mainland mobile numbers: 1, then 3-9, then nine digits; an optional +86 / 86 / 0086 in front.
_PHONE = re.compile(r"^(?:\+?86|0086)?(1[3-9]\d{9})$")
_INVITE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # no 0/O, 1/I: read aloud and typed by hand
MIN_BIRTH_YEAR = 1900


def normalise_phone(raw: str) -> str:
    match = _PHONE.match(re.sub(r"[\s\-()]", "", raw or ""))
    if not match:
        raise InvalidInput(
            "the phone number must be a mainland mobile number of 11 digits, like 13800138000",
            code="invalid_phone",
        )
    return match.group(1)


def _token_sha256(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class SignedUp:
    user_id: str
    token: str
    invite_code: str
    cards: list[CardView]


@dataclass(frozen=True, slots=True)
class SignUpPolicy:
    demo_balance_fen: Fen


async def sign_up(
    session: AsyncSession,
    *,
    phone: str,
    policy: SignUpPolicy,
    now: datetime,
    name: str | None = None,
    birth_year: int | None = None,
    invite_code: str | None = None,
    device_id: str | None = None,
    ip: str | None = None,
) -> SignedUp:
    """Create a person with a token, the demo wallet credit and the running campaign's sign-up cards; with an
    invite code, the invitation is recorded and the inviter's reward decided by the fraud rules.

    `ip` is the network address the sign-up came from. Raises fraud.SignUpRefused when the device signed
    up too often: its decision is for the caller to store, since this transaction is rolled back."""
    phone = normalise_phone(phone)
    name, invite_code, device_id = (
        without_control_chars(value).strip() or None if value else None for value in (name, invite_code, device_id)
    )
    if birth_year is not None and not MIN_BIRTH_YEAR <= birth_year <= now.year:
        raise InvalidInput(f"birth_year must be between {MIN_BIRTH_YEAR} and {now.year}", code="invalid_birth_year")
    inviter_id = None
    if invite_code:
        inviter_id = await session.scalar(select(User.id).where(User.invite_code == invite_code.strip().upper()))
        if inviter_id is None:
            raise InvalidInput(f"no one has the invite code {invite_code!r}", code="unknown_invite_code")
    if await session.scalar(select(User.id).where(User.phone == phone)):
        raise Conflict("this phone number has already signed up", code="phone_taken")
    sign_up_counts = await fraud.screen_sign_up(session, device_id=device_id, ip=ip, now=now)
    # Locked before this person's row points at the inviter: every invitee of one inviter then queues here,
    # so the reward rules count exactly and the cap cannot be raced.
    inviter = await lock_person(session, inviter_id) if inviter_id else None
    user = User(
        id=new_id("u"),
        phone=phone,
        name=name,
        birth_year=birth_year,
        invite_code="".join(secrets.choice(_INVITE_ALPHABET) for _ in range(8)),
        device_id=device_id,
        sign_up_ip=ip,
        invited_by=inviter_id,
        created_at=now,
    )
    session.add(user)
    try:
        await session.flush()
    except IntegrityError as exc:  # the same phone signing up twice at once
        raise Conflict("this phone number has already signed up", code="phone_taken") from exc
    token = await issue_token(session, user.id, now)
    if policy.demo_balance_fen:
        await post_transfer(
            session,
            [Leg(FUNDING_DEMO, -policy.demo_balance_fen), Leg(wallet_account(user.id), policy.demo_balance_fen)],
            reason="demo_credit",
            now=now,
        )
    cards = []
    campaign = await running_campaign(session, now)
    for _ in range(campaign.cards_on_sign_up if campaign else 0):
        card = await issue_card(session, user.id, campaign, reason="sign_up", now=now)
        if card is not None:
            cards.append(card)
    fraud.record_sign_up(session, sign_up_counts, user, now)
    if inviter is not None and campaign is not None:
        await settle_invitation(
            session, inviter=inviter, invitee=user, campaign=campaign,
            address_sign_ups_last_hour=sign_up_counts.address_sign_ups_last_hour, now=now,
        )
    return SignedUp(user.id, token, user.invite_code, cards)


async def sign_up_recorded(store: Store, **details: Any) -> SignedUp:
    """sign_up in a transaction of its own; a refused sign-up still leaves its decision for the operator
    (the sign-up's own transaction is rolled back, so the decision is written in another)."""
    try:
        async with store.transaction() as session:
            return await sign_up(session, **details)
    except fraud.SignUpRefused as refused:
        async with store.transaction() as session:
            session.add(refused.decision)
        raise


async def issue_token(session: AsyncSession, user_id: str, now: datetime) -> str:
    token = secrets.token_urlsafe(32)
    session.add(AuthToken(token_sha256=_token_sha256(token), user_id=user_id, created_at=now))
    return token


async def authenticate(session: AsyncSession, token: str) -> str:
    """The user a bearer token belongs to."""
    user_id = await session.scalar(select(AuthToken.user_id).where(AuthToken.token_sha256 == _token_sha256(token)))
    if user_id is None:
        raise Unauthorized("the token is not valid; sign up again or use the token you were given")
    return user_id


async def user_by_phone(session: AsyncSession, phone: str) -> str | None:
    return await session.scalar(select(User.id).where(User.phone == normalise_phone(phone)))


@dataclass(frozen=True, slots=True)
class DeliveryAddress:
    id: str
    city_id: str
    text: str
    location: Point


def _address_view(row: Address) -> DeliveryAddress:
    return DeliveryAddress(row.id, row.city_id, row.text, Point(row.lat, row.lng))


async def default_address(session: AsyncSession, user_id: str) -> DeliveryAddress | None:
    row = await session.scalar(
        select(Address).where(Address.user_id == user_id, Address.is_default).order_by(Address.created_at.desc())
    )
    return _address_view(row) if row else None


async def address(session: AsyncSession, address_id: str) -> DeliveryAddress:
    row = await session.get(Address, address_id)
    if row is None:
        raise NotFound("no such address", code="address_not_found")
    return _address_view(row)


async def set_default_address(
    session: AsyncSession, user_id: str, *, city_id: str, text: str, location: Point, now: datetime
) -> DeliveryAddress:
    await session.execute(update(Address).where(Address.user_id == user_id).values(is_default=False))
    row = Address(
        id=new_id("addr"),
        user_id=user_id,
        city_id=city_id,
        text=text.strip(),
        lat=location.lat,
        lng=location.lng,
        is_default=True,
        created_at=now,
    )
    session.add(row)
    return _address_view(row)


@dataclass(frozen=True, slots=True)
class Profile:
    user_id: str
    phone: str
    name: str | None
    birth_year: int | None
    invite_code: str
    balance_fen: Fen
    address: DeliveryAddress | None
    cards: list[CardView]


async def profile(session: AsyncSession, user_id: str, now: datetime) -> Profile:
    user = await session.get(User, user_id)
    if user is None:
        raise NotFound("no such person", code="user_not_found")
    return Profile(
        user_id=user.id,
        phone=user.phone,
        name=user.name,
        birth_year=user.birth_year,
        invite_code=user.invite_code,
        balance_fen=await balance_fen(session, wallet_account(user.id)),
        address=await default_address(session, user.id),
        cards=await cards_of(session, user.id, now),
    )
