"""The FastAPI app: thin routes over the assistant, commerce and people."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib.resources import files
from typing import Annotated

from fastapi import Depends, FastAPI, Header, Request, Response
from fastapi.responses import HTMLResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from bangwo import __version__
from bangwo.api.errors import install_error_handlers
from bangwo.api.limits import BodySizeLimit
from bangwo.api.schemas import (
    AddressOut,
    CardOut,
    ChatRequest,
    ChatResponse,
    ErrorResponse,
    MeResponse,
    OrderResponse,
    OrdersResponse,
    SignUpRequest,
    SignUpResponse,
)
from bangwo.commerce.checkout import cancel_order, confirm_proposal
from bangwo.commerce.orders import list_orders, load_order, order_view
from bangwo.config import Settings
from bangwo.domain.clock import Clock
from bangwo.domain.errors import Unauthorized
from bangwo.domain.proposal import Proposal
from bangwo.people import authenticate, profile, sign_up
from bangwo.promo.cards import CardView
from bangwo.services import Services, start_services

log = logging.getLogger("bangwo.api")
ERRORS = {status: {"model": ErrorResponse} for status in (401, 402, 404, 409, 410, 413, 422)}
_bearer = HTTPBearer(auto_error=False, description="the token from POST /v1/users")


def _card(card: CardView) -> CardOut:
    return CardOut(
        id=card.id,
        value=card.value_fen,
        status=card.status,
        reason=card.reason,
        expires_at=card.expires_at,
        order_id=card.order_id,
    )


def services_of(request: Request) -> Services:
    return request.app.state.services


async def current_user(
    request: Request, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]
) -> str:
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise Unauthorized("send Authorization: Bearer <token> (the token from POST /v1/users)")
    async with services_of(request).store.read() as session:
        return await authenticate(session, credentials.credentials)


UserId = Annotated[str, Depends(current_user)]
AppServices = Annotated[Services, Depends(services_of)]


async def _refresh_catalogue_forever(services: Services, every_seconds: int) -> None:
    """Providers may change what they offer while bangwo runs; new names become parseable without a restart."""
    while True:
        await asyncio.sleep(every_seconds)
        try:
            if await services.refresh_catalogue():
                log.info("catalogue changed: lexicon and skills rebuilt")
        except Exception:  # a provider's bad moment must not stop the next check
            log.exception("catalogue refresh failed")


def create_app(settings: Settings | None = None, clock: Clock | None = None) -> FastAPI:
    settings = settings or Settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        services = app.state.services = await start_services(settings, clock)
        refresher = None
        if settings.catalogue_refresh_seconds:
            refresher = asyncio.create_task(_refresh_catalogue_forever(services, settings.catalogue_refresh_seconds))
        try:
            yield
        finally:
            if refresher is not None:
                refresher.cancel()
            await services.close()

    app = FastAPI(
        title="bangwo",
        version=__version__,
        lifespan=lifespan,
        responses=ERRORS,
        description="帮我 (help me): say what you want, confirm one card, get the order. Money is integer fen.",
    )
    app.add_middleware(BodySizeLimit, max_bytes=settings.max_body_bytes)
    install_error_handlers(app)

    @app.get("/healthz", tags=["ops"])
    async def healthz(services: AppServices) -> dict[str, str]:
        return {"status": "ok", "version": __version__, "now": services.clock.now().isoformat()}

    @app.post("/v1/users", status_code=201, tags=["people"])
    async def create_user(body: SignUpRequest, services: AppServices) -> SignUpResponse:
        async with services.store.transaction() as session:
            signed = await sign_up(
                session,
                phone=body.phone,
                name=body.name,
                birth_year=body.birth_year,
                invite_code=body.invite_code,
                device_id=body.device_id,
                policy=services.sign_up_policy,
                now=services.clock.now(),
            )
        return SignUpResponse(
            user_id=signed.user_id,
            token=signed.token,
            invite_code=signed.invite_code,
            cards=[_card(c) for c in signed.cards],
        )

    @app.get("/v1/me", tags=["people"])
    async def me(user_id: UserId, services: AppServices) -> MeResponse:
        async with services.store.read() as session:
            person = await profile(session, user_id, services.clock.now())
        addresses = (
            [AddressOut(id=person.address.id, city=person.address.city_id, text=person.address.text)]
            if person.address
            else []
        )
        return MeResponse(
            user_id=person.user_id,
            phone=person.phone,
            name=person.name,
            birth_year=person.birth_year,
            invite_code=person.invite_code,
            balance=person.balance_fen,
            addresses=addresses,
            cards=[_card(c) for c in person.cards],
        )

    @app.post("/v1/chat", tags=["assistant"])
    async def chat(body: ChatRequest, user_id: UserId, services: AppServices) -> ChatResponse:
        reply = await services.assistant.chat(user_id, body.text, body.session_id)
        return ChatResponse(
            session_id=reply.session_id,
            state=reply.state,
            reply=reply.reply,
            proposal=reply.proposal,
            order=reply.order,
        )

    @app.get("/v1/proposals/{proposal_id}", tags=["assistant"])
    async def get_proposal(proposal_id: str, user_id: UserId, services: AppServices) -> Proposal:
        return await services.assistant.proposal(user_id, proposal_id)

    @app.post("/v1/proposals/{proposal_id}/confirm", status_code=201, tags=["commerce"])
    async def confirm(
        proposal_id: str,
        user_id: UserId,
        services: AppServices,
        response: Response,
        idempotency_key: Annotated[
            str | None, Header(description="made by the client before the first try; reuse it on every retry")
        ] = None,
    ) -> OrderResponse:
        order, created = await confirm_proposal(
            services.store,
            user_id=user_id,
            proposal_id=proposal_id,
            idempotency_key=idempotency_key,
            now=services.clock.now(),
            plan_fulfilment=services.food.plan_fulfilment,
        )
        if not created:
            response.headers["Idempotent-Replayed"] = "true"
        return OrderResponse(order=order)

    @app.get("/v1/orders", tags=["commerce"])
    async def orders(user_id: UserId, services: AppServices) -> OrdersResponse:
        async with services.store.read() as session:
            return OrdersResponse(orders=await list_orders(session, user_id, services.clock.now()))

    @app.get("/v1/orders/{order_id}", tags=["commerce"])
    async def order(order_id: str, user_id: UserId, services: AppServices) -> OrderResponse:
        async with services.store.read() as session:
            row = await load_order(session, order_id, user_id)
            return OrderResponse(order=order_view(row, services.clock.now()))

    @app.post("/v1/orders/{order_id}/cancel", tags=["commerce"])
    async def cancel(order_id: str, user_id: UserId, services: AppServices) -> OrderResponse:
        return OrderResponse(
            order=await cancel_order(services.store, user_id=user_id, order_id=order_id, now=services.clock.now())
        )

    page = files("bangwo.web").joinpath("index.html")

    @app.get("/", include_in_schema=False)
    async def index() -> HTMLResponse:
        return HTMLResponse(page.read_text(encoding="utf-8"))

    return app
