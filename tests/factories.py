"""Ways to get a test to the interesting part: a person, a proposal on the table."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import replace

import httpx
from fastapi import FastAPI
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bangwo.config import Settings
from bangwo.promo.campaigns import config_of, running_campaign, save_campaign
from bangwo.promo.cards import cards_of
from bangwo.services import Services
from bangwo.store.tables import Invitation
from bangwo.store.writes import Write, run_writes

HANGZHOU_ADDRESS = "杭州市西湖区文三路100号"
DEMO_BALANCE_FEN = Settings.model_fields["demo_balance_fen"].default  # what each new person starts with
ADDRESSES = {
    "hangzhou": HANGZHOU_ADDRESS,
    "shanghai": "上海市黄浦区南京东路200号",
    "beijing": "北京市东城区王府井大街1号",
}


async def sign_up_person(client: httpx.AsyncClient, phone: str) -> tuple[str, dict[str, str]]:
    """Sign up through the API; returns the user id and the Authorization header."""
    response = await client.post("/v1/users", json={"phone": phone})
    assert response.status_code == 201, response.text
    body = response.json()
    return body["user_id"], {"Authorization": f"Bearer {body['token']}"}


async def propose_food(services: Services, user_id: str, items: list[tuple[str, int]], *, lang: str = "zh") -> str:
    """Put a food proposal on the table without going through the parser (commerce tests need only this)."""
    from bangwo.assistant.skills.food import Customer, FoodProposal, card_offer
    from bangwo.commerce.proposals import save_proposal
    from bangwo.domain.frame import FrameItem, IntentFrame
    from bangwo.people import default_address, set_default_address
    from bangwo.promo.cards import best_card

    now = services.clock.now()
    async with services.store.transaction() as session:
        address = await default_address(session, user_id)
        if address is None:
            location = services.registry.geocoder.locate("hangzhou", HANGZHOU_ADDRESS)
            address = await set_default_address(
                session, user_id, city_id="hangzhou", text=HANGZHOU_ADDRESS, location=location, now=now
            )
        card = await best_card(session, user_id, now)
        frame = IntentFrame(domain="food", items=[FrameItem(name=n, quantity=q) for n, q in items])
        outcome = services.food.propose(
            frame,
            lang=lang,
            customer=Customer(address.city_id, address.id, address.text, address.location),
            card=card_offer(card),
            now=now,
            proposal_seconds=600,
        )
        assert isinstance(outcome, FoodProposal), outcome
        await save_proposal(
            session,
            outcome.proposal,
            user_id=user_id,
            chat_session_id=None,
            merchant_id=outcome.merchant_id,
            address_id=address.id,
            now=now,
        )
    return outcome.proposal.id


async def give_address(services: Services, user_id: str, city_id: str) -> None:
    """The person's default address, in one of the demo cities, without the chat asking for it."""
    from bangwo.people import set_default_address

    text = ADDRESSES[city_id]
    async with services.store.transaction() as session:
        await set_default_address(
            session,
            user_id,
            city_id=city_id,
            text=text,
            location=services.registry.geocoder.locate(city_id, text),
            now=services.clock.now(),
        )


@asynccontextmanager
async def client_at(app: FastAPI, ip: str) -> AsyncIterator[httpx.AsyncClient]:
    """A client whose requests come from the network address `ip` (what the fraud rules see)."""
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False, client=(ip, 40_000))
    async with httpx.AsyncClient(transport=transport, base_url="http://bangwo.test") as client:
        yield client


async def join(
    app: FastAPI, phone: str, *, device: str | None, ip: str = "203.0.113.1", invite_code: str | None = None
) -> httpx.Response:
    """POST /v1/users from a device and an address, with or without someone's invite code."""
    body = {"phone": phone, "device_id": device, "invite_code": invite_code}
    async with client_at(app, ip) as client:
        return await client.post("/v1/users", json={k: v for k, v in body.items() if v is not None})


OPERATOR_TOKEN = "operator-token-for-tests"  # for tests of the /v1/admin routes
OPERATOR = {"Authorization": f"Bearer {OPERATOR_TOKEN}"}


async def set_campaign(services: Services, **changes: int) -> None:
    """Change the running campaign (the app's default one) for this test."""
    now = services.clock.now()
    async with services.store.transaction() as session:
        row = await running_campaign(session, now)
        assert row is not None
        await save_campaign(session, replace(config_of(row), **changes), changed_by="test", now=now)


async def card_statuses(services: Services, user_id: str) -> list[tuple[str, str]]:
    """(reason, status) of each of the person's cards."""
    async with services.store.read() as session:
        return sorted((card.reason, card.status) for card in await cards_of(session, user_id, services.clock.now()))


async def invitation_of(services: Services, invitee_id: str) -> Invitation:
    async with services.store.read() as session:
        invitation = await session.scalar(select(Invitation).where(Invitation.invitee_id == invitee_id))
    assert invitation is not None
    return invitation


async def an_inviter(app: FastAPI) -> dict:
    """Someone with an invite code, signed up from their own phone and home network."""
    response = await join(app, "13800138000", device="phone-of-ann", ip="198.51.100.7")
    assert response.status_code == 201, response.text
    return response.json()


async def rows_sold(session: AsyncSession, sale: Write) -> int:
    """Run a provider's sale of a hold on its own; how many rows it sold (0: the hold had lapsed)."""
    return (await run_writes(session, [sale]))[0]
