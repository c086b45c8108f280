"""The composition root: settings, clock, store, providers, parser, skills and the assistant, wired once."""

from __future__ import annotations

from dataclasses import dataclass

from bangwo.assistant.conversation import Assistant
from bangwo.assistant.skills import Skills
from bangwo.assistant.skills.flight import FlightSkill
from bangwo.assistant.skills.food import FoodSkill
from bangwo.assistant.skills.grocery import GrocerySkill
from bangwo.assistant.skills.hotel import HotelSkill
from bangwo.assistant.skills.movie import MovieSkill
from bangwo.commerce.dispatches import OrderDispatcher
from bangwo.commerce.outbox import OutboxConsumer
from bangwo.config import Settings
from bangwo.domain.catalogue import Catalogue, City
from bangwo.domain.clock import Clock
from bangwo.people import SignUpPolicy
from bangwo.promo.budget_counter import BudgetCounter
from bangwo.promo.campaigns import campaigns, default_campaign, save_campaign
from bangwo.promo.order_counters import OrderCounters
from bangwo.providers.registry import ProviderRegistry, load_registry
from bangwo.store.catalogue import load_merchants, seed_catalogue
from bangwo.store.engine import STORE_PATIENCE_SECONDS, Store, when_store_answers
from bangwo.understand import Lexicon, Parser


@dataclass(frozen=True)
class CatalogueView:
    """Everything built from the published catalogue; rebuilt whole when a provider's catalogue changes."""

    parser: Parser
    skills: Skills
    delivery_cities: list[City]
    cinema_cities: list[City]


def outbox_consumers() -> list[OutboxConsumer]:
    """Who the outbox relay (`bangwo worker`) hands order events to: fulfilment's dispatches, the figures' counters."""
    return [OrderDispatcher(), OrderCounters()]


async def publish_catalogues(store: Store, registry: ProviderRegistry, clock: Clock) -> bool:
    """Store every provider's catalogue; True when any of them changed since it was last stored."""
    async with store.transaction() as session:
        changed = [await seed_catalogue(session, catalogue, clock.now()) for catalogue in registry.catalogues()]
    return any(changed)


async def build_catalogue_view(store: Store, registry: ProviderRegistry) -> CatalogueView:
    """The lexicon and the skills, from what is published: names in the parser come from here, not from code."""
    async with store.read() as session:
        merchants = await load_merchants(session)
    cities = registry.cities()
    catalogues = registry.catalogues()
    published = Catalogue(
        "published",
        tuple(cities),
        tuple(merchants),
        landmarks=tuple(landmark for c in catalogues for landmark in c.landmarks),
        films=tuple(film for c in catalogues for film in c.films),
        mapped_cities=tuple(city for c in catalogues for city in c.mapped_cities),
        known_brands=tuple(brand for c in catalogues for brand in c.known_brands),
        hotel_brands=tuple(brand for c in catalogues for brand in c.hotel_brands),
    )
    skills = Skills(
        food=FoodSkill(merchants, dict(registry.food), {c.id: c.name_zh for c in cities}),
        grocery=GrocerySkill(merchants, dict(registry.food)),
        movie=MovieSkill(published.films, dict(registry.movies)),
        flight=FlightSkill(tuple(cities), dict(registry.flights)),
        hotel=HotelSkill(cities, published.landmarks, dict(registry.hotels)),
    )
    delivery_cities = [c for c in cities if any(m.city_id == c.id for m in merchants)]
    cinema_cities = [c for c in cities if any(p.cinemas(c.id) for p in registry.movies.values())]
    return CatalogueView(Parser(Lexicon.from_catalogues([published])), skills, delivery_cities, cinema_cities)


@dataclass
class Services:
    settings: Settings
    clock: Clock
    store: Store
    registry: ProviderRegistry
    view: CatalogueView
    assistant: Assistant
    budget_counter: BudgetCounter | None = None  # in Redis, with BANGWO_REDIS_URL

    @property
    def parser(self) -> Parser:
        return self.view.parser

    @property
    def food(self) -> FoodSkill:
        return self.view.skills.food

    @property
    def sign_up_policy(self) -> SignUpPolicy:
        return SignUpPolicy(self.settings.demo_balance_fen)

    async def refresh_catalogue(self) -> bool:
        """Publish catalogues that changed and rebuild the lexicon and skills from them. True when it did."""
        if not await publish_catalogues(self.store, self.registry, self.clock):
            return False
        self.view = await build_catalogue_view(self.store, self.registry)
        view = self.view
        self.assistant.use_catalogue(view.parser, view.skills, view.delivery_cities, view.cinema_cities)
        return True

    async def close(self) -> None:
        await self.store.close()
        if self.budget_counter is not None:
            await self.budget_counter.close()


async def start_services(
    settings: Settings, clock: Clock | None = None, registry: ProviderRegistry | None = None
) -> Services:
    """Migrate the store, publish every provider's catalogue, and build the lexicon from what is published."""
    clock = clock or settings.clock()
    budget_counter = None
    if settings.redis_url:
        budget_counter = BudgetCounter.from_url(settings.redis_url, prefix=settings.redis_prefix)
        await budget_counter.ping()  # a wrong URL is reported at start, not at the first order
    store = Store(settings.resolved_database_url())
    await store.migrate()
    registry = registry or load_registry()
    await publish_catalogues(store, registry, clock)
    async with store.transaction() as session:
        if not await campaigns(session):  # a fresh store runs the default campaign from the clock's start
            config = default_campaign(
                clock.started_at, card_value_fen=settings.card_value_fen, card_valid_days=settings.card_valid_days
            )
            await save_campaign(session, config, changed_by="bangwo", now=clock.now())
    view = await build_catalogue_view(store, registry)
    assistant = Assistant(
        store=store,
        clock=clock,
        parser=view.parser,
        skills=view.skills,
        providers=registry,
        cities=view.delivery_cities,
        cinema_cities=view.cinema_cities,
        proposal_seconds=settings.proposal_seconds,
        ticket_refund_minutes=settings.ticket_refund_minutes,
        budget=budget_counter,
    )
    return Services(settings, clock, store, registry, view, assistant, budget_counter)


async def start_services_when_store_answers(
    settings: Settings, clock: Clock | None = None, registry: ProviderRegistry | None = None,
    *, patience_seconds: float = STORE_PATIENCE_SECONDS,
) -> Services:
    """start_services, tried again while the store is restarting: a worker replaced during a database
    restart must come up when the database does, not fail its start (which stops every worker)."""
    return await when_store_answers(lambda: start_services(settings, clock, registry),
                                    patience_seconds=patience_seconds)


async def prepare_store(settings: Settings) -> None:
    """Make the store ready for workers that start at once: migrated, catalogues published, a campaign running."""
    services = await start_services(settings)
    await services.close()
