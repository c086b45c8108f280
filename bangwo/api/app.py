"""The FastAPI app: thin routes over the assistant, commerce and people."""

from __future__ import annotations

import asyncio
import hmac
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib.resources import files
from typing import Annotated

from fastapi import Depends, FastAPI, Header, Path, Request, Response
from fastapi.responses import HTMLResponse
from fastapi.security import HTTPAuthorizationCredentials

from bangwo import __version__
from bangwo.api import admin_campaigns, admin_fraud, admin_stats, invites
from bangwo.api.admission import Admission
from bangwo.api.auth import AppServices, RecentTokens, UserId, bearer, services_of
from bangwo.api.errors import install_error_handlers
from bangwo.api.limits import BodySizeLimit
from bangwo.api.qr import qr_image
from bangwo.api.schemas import (
    ID_PATTERN,
    TICKET_CODE_PATTERN,
    AddressOut,
    CardOut,
    ChatRequest,
    ChatResponse,
    ChooseSeatsRequest,
    ErrorResponse,
    MeResponse,
    OrderResponse,
    OrdersResponse,
    SeatMapResponse,
    SeatOut,
    ShowingOut,
    SignUpRequest,
    SignUpResponse,
    VerifyTicketRequest,
    VerifyTicketResponse,
)
from bangwo.commerce.checkout import cancel_order
from bangwo.commerce.orders import list_orders, read_order
from bangwo.commerce.tickets import ticket_of, verify_ticket
from bangwo.config import Settings
from bangwo.domain.cinema import seat_price_fen
from bangwo.domain.clock import Clock
from bangwo.domain.errors import Forbidden, Unauthorized
from bangwo.domain.proposal import Proposal
from bangwo.ops.admission import (
    AdmissionGate,
    AdmissionLimits,
    BucketRate,
    MemoryBuckets,
    RateLimits,
    RedisBuckets,
    TokenBuckets,
)
from bangwo.people import profile, sign_up_recorded
from bangwo.promo.cards import CardView
from bangwo.providers.registry import ProviderRegistry
from bangwo.services import Services, start_services_when_store_answers

log = logging.getLogger("bangwo.api")
TRIP_RECOVERY_SECONDS = 10.0  # how often each worker looks for trips a crash left paid but not booked
# Any route may be refused at the door under a surge (429, 503: see bangwo.api.admission).
ERRORS = {status: {"model": ErrorResponse} for status in (401, 402, 403, 404, 409, 410, 413, 422, 429, 503)}
# Ids of proposals and orders, and ticket codes, in the path: anything else is a 422, never a database error.
ResourceId = Annotated[str, Path(max_length=64, pattern=ID_PATTERN)]
TicketCode = Annotated[str, Path(max_length=32, pattern=TICKET_CODE_PATTERN)]


def _card(card: CardView) -> CardOut:
    return CardOut(
        id=card.id,
        value=card.value_fen,
        status=card.status,
        reason=card.reason,
        expires_at=card.expires_at,
        order_id=card.order_id,
    )


async def cinema_staff(
    request: Request, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]
) -> None:
    expected = (await services_of(request)).settings.staff_token
    if expected is None:
        raise Forbidden("ticket checking is off: set BANGWO_STAFF_TOKEN and send it as the bearer token")
    if credentials is None or not hmac.compare_digest(credentials.credentials.encode(), expected.encode()):
        raise Unauthorized("send Authorization: Bearer <the cinema staff token>")


async def _refresh_catalogue_forever(services: Services, every_seconds: int) -> None:
    """Providers may change what they offer while bangwo runs; new names become parseable without a restart."""
    while True:
        await asyncio.sleep(every_seconds)
        try:
            if await services.refresh_catalogue():
                log.info("catalogue changed: lexicon and skills rebuilt")
        except Exception:  # a provider's bad moment must not stop the next check
            log.exception("catalogue refresh failed")


async def _finish_interrupted_trips_forever(services: Services, every_seconds: float) -> None:
    """A worker killed between a trip's payment and its bookings leaves it half done; any worker finishes it."""
    paid_after = None  # the first round looks as far back as a trip could still be waiting; then on from there
    while True:
        await asyncio.sleep(every_seconds)
        try:
            paid_after = (await services.assistant.finish_interrupted_trips(paid_after)).paid_before
        except Exception:  # the store's bad moment must not stop the next round
            log.exception("finishing interrupted trips failed")


def rate_buckets(settings: Settings) -> TokenBuckets:
    """Shared by every worker in Redis when there is one; else each worker counts its own."""
    if settings.redis_url:
        return RedisBuckets.from_url(settings.redis_url, prefix=settings.redis_prefix)
    return MemoryBuckets()


def create_app(
    settings: Settings | None = None, clock: Clock | None = None, registry: ProviderRegistry | None = None
) -> FastAPI:
    """The app; `registry` replaces the installed providers (an embedding, or a test injecting a failure)."""
    settings = settings or Settings()

    buckets = rate_buckets(settings)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        services = app.state.services = await start_services_when_store_answers(settings, clock, registry)
        refresher = None
        if settings.catalogue_refresh_seconds:
            refresher = asyncio.create_task(_refresh_catalogue_forever(services, settings.catalogue_refresh_seconds))
        finisher = asyncio.create_task(_finish_interrupted_trips_forever(services, TRIP_RECOVERY_SECONDS))
        try:
            yield
        finally:
            finisher.cancel()
            if refresher is not None:
                refresher.cancel()
            await services.close()
            await buckets.close()

    app = FastAPI(
        title="bangwo",
        version=__version__,
        lifespan=lifespan,
        responses=ERRORS,
        description="帮我 (help me): say what you want, confirm one card, get the order. Money is integer fen.",
    )
    app.state.recent_tokens = RecentTokens()
    app.add_middleware(BodySizeLimit, max_bytes=settings.max_body_bytes)
    # Added last, so it runs first: a refusal costs nothing behind it.
    app.add_middleware(
        Admission,
        gate=AdmissionGate(AdmissionLimits(settings.max_in_flight, settings.max_queue, settings.queue_wait_ms / 1000)),
        buckets=buckets,
        rates=RateLimits(
            person=BucketRate(settings.rate_person_per_s, settings.rate_person_burst),
            address=BucketRate(settings.rate_address_per_s, settings.rate_address_burst),
        ),
    )
    install_error_handlers(app)
    app.include_router(admin_stats.router)
    app.include_router(admin_campaigns.router)
    app.include_router(admin_fraud.router)
    app.include_router(invites.router)

    @app.get("/healthz", tags=["ops"])
    async def healthz(services: AppServices) -> dict[str, str]:
        return {"status": "ok", "version": __version__, "now": services.clock.now().isoformat()}

    @app.post("/v1/users", status_code=201, tags=["people"], responses={429: {"model": ErrorResponse}})
    async def create_user(body: SignUpRequest, request: Request, services: AppServices) -> SignUpResponse:
        """Sign up. A fourth sign-up from one device within a day is refused (429 too_many_sign_ups, Retry-After);
        with an invite code, the inviter's reward is decided by the fraud rules (see /v1/admin/fraud/decisions)."""
        signed = await sign_up_recorded(
            services.store,
            phone=body.phone,
            name=body.name,
            birth_year=body.birth_year,
            invite_code=body.invite_code,
            device_id=body.device_id,
            ip=request.client.host if request.client else None,
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
    async def get_proposal(proposal_id: ResourceId, user_id: UserId, services: AppServices) -> Proposal:
        return await services.assistant.proposal(user_id, proposal_id)

    @app.post("/v1/proposals/{proposal_id}/confirm", status_code=201, tags=["commerce"])
    async def confirm(
        proposal_id: ResourceId,
        user_id: UserId,
        services: AppServices,
        response: Response,
        idempotency_key: Annotated[
            str | None, Header(description="made by the client before the first try; reuse it on every retry")
        ] = None,
    ) -> OrderResponse:
        order, created = await services.assistant.confirm(user_id, proposal_id, idempotency_key, services.clock.now())
        if not created:
            response.headers["Idempotent-Replayed"] = "true"
        return OrderResponse(order=order)

    @app.get("/v1/orders", tags=["commerce"])
    async def orders(user_id: UserId, services: AppServices) -> OrdersResponse:
        async with services.store.read() as session:
            return OrdersResponse(orders=await list_orders(session, user_id, services.clock.now()))

    @app.get("/v1/orders/{order_id}", tags=["commerce"])
    async def order(order_id: ResourceId, user_id: UserId, services: AppServices) -> OrderResponse:
        async with services.store.read() as session:
            return OrderResponse(order=await read_order(session, order_id, user_id, services.clock.now()))

    @app.post("/v1/orders/{order_id}/cancel", tags=["commerce"])
    async def cancel(order_id: ResourceId, user_id: UserId, services: AppServices) -> OrderResponse:
        """Cancel a delivery before the rider has it, or refund tickets up to BANGWO_TICKET_REFUND_MINUTES
        before the showing (the seats go back on sale, the card comes back)."""
        order = await cancel_order(
            services.store,
            user_id=user_id,
            order_id=order_id,
            now=services.clock.now(),
            fulfillers=services.assistant.fulfillers,
            budget=services.assistant.budget,
        )
        return OrderResponse(order=order)

    @app.get("/v1/showings/{showing_id}/seats", tags=["movies"])
    async def seat_map(showing_id: Annotated[str, Path(max_length=80)], services: AppServices) -> SeatMapResponse:
        """Every seat of a showing and whether it can still be bought: free, taken (sold or held) or broken."""
        showing, hall, taken = await services.assistant.movies.seat_map(showing_id, services.clock.now())
        seats = hall.seat_map.seats
        return SeatMapResponse(
            showing=ShowingOut(
                id=showing.id,
                film_id=showing.film_id,
                cinema_id=showing.cinema_id,
                hall_id=hall.id,
                hall_name=hall.name_zh,
                hall_name_en=hall.name_en,
                start=showing.start,
                format=showing.format,
                premiere=showing.premiere,
            ),
            rows=max(seat.row for seat in seats),
            columns=max(seat.column for seat in seats),
            seats=[
                SeatOut(
                    id=seat.id,
                    row=seat.row,
                    number=seat.number,
                    column=seat.column,
                    kind=seat.kind,
                    status="broken" if seat.id in hall.broken_seat_ids else "taken" if seat.id in taken else "free",
                    price=seat_price_fen(showing, seat),
                )
                for seat in seats
            ],
        )

    @app.post("/v1/proposals/{proposal_id}/seats", tags=["movies"])
    async def choose_seats(
        proposal_id: ResourceId, body: ChooseSeatsRequest, user_id: UserId, services: AppServices
    ) -> Proposal:
        """Pick other seats for a movie card: they are held and a new card replaces this one (confirm the new id)."""
        return await services.assistant.movies.choose_seats(user_id, proposal_id, body.seats, services.clock.now())

    @app.get(
        "/v1/tickets/{code}/qr.svg",
        tags=["movies"],
        response_class=Response,
        responses={200: {"content": {"image/svg+xml": {}}}},
    )
    async def ticket_qr_svg(code: TicketCode, user_id: UserId, services: AppServices):
        async with services.store.read() as session:
            ticket = await ticket_of(session, code, user_id)
        return Response(qr_image(ticket.code, "svg"), media_type="image/svg+xml")

    @app.get(
        "/v1/tickets/{code}/qr.png",
        tags=["movies"],
        response_class=Response,
        responses={200: {"content": {"image/png": {}}}},
    )
    async def ticket_qr_png(code: TicketCode, user_id: UserId, services: AppServices):
        async with services.store.read() as session:
            ticket = await ticket_of(session, code, user_id)
        return Response(qr_image(ticket.code, "png"), media_type="image/png")

    @app.post("/v1/staff/tickets/verify", tags=["cinema staff"], dependencies=[Depends(cinema_staff)])
    async def verify(body: VerifyTicketRequest, services: AppServices) -> VerifyTicketResponse:
        """At the door: a valid ticket is marked used; any later scan answers already_used."""
        async with services.store.transaction() as session:
            result, ticket = await verify_ticket(session, body.code, services.clock.now())
        return VerifyTicketResponse(result=result, ticket=ticket)

    page = files("bangwo.web").joinpath("index.html")

    @app.get("/", include_in_schema=False)
    async def index() -> HTMLResponse:
        return HTMLResponse(page.read_text(encoding="utf-8"))

    return app
