"""The composition root: settings, clock, store, providers, parser, skills and the assistant, wired once."""

from __future__ import annotations

from dataclasses import dataclass

from bangwo.assistant.conversation import Assistant
from bangwo.assistant.skills.food import FoodSkill
from bangwo.config import Settings
from bangwo.domain.catalogue import Catalogue
from bangwo.domain.clock import Clock
from bangwo.people import SignUpPolicy
from bangwo.providers.registry import ProviderRegistry, load_registry
from bangwo.store.catalogue import load_merchants, seed_catalogue
from bangwo.store.engine import Store
from bangwo.understand import Lexicon, Parser


@dataclass
class Services:
    settings: Settings
    clock: Clock
    store: Store
    registry: ProviderRegistry
    parser: Parser
    food: FoodSkill
    assistant: Assistant

    @property
    def sign_up_policy(self) -> SignUpPolicy:
        return SignUpPolicy(self.settings.demo_balance_fen, self.settings.card_value_fen, self.settings.card_valid_days)

    async def close(self) -> None:
        await self.store.close()


async def start_services(settings: Settings, clock: Clock | None = None) -> Services:
    """Migrate the store, publish every provider's catalogue, and build the lexicon from what is published."""
    clock = clock or settings.clock()
    store = Store(settings.resolved_database_url())
    await store.migrate()
    registry = load_registry()
    async with store.transaction() as session:
        for catalogue in registry.catalogues():
            await seed_catalogue(session, catalogue, clock.now())
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
    )
    parser = Parser(Lexicon.from_catalogues([published]))
    food = FoodSkill(merchants, dict(registry.food), {c.id: c.name_zh for c in cities})
    delivery_cities = [c for c in cities if any(m.city_id == c.id and m.category == "food" for m in merchants)]
    assert registry.geocoder is not None  # load_registry refuses to return without one
    assistant = Assistant(
        store=store,
        clock=clock,
        parser=parser,
        food=food,
        geocoder=registry.geocoder,
        cities=delivery_cities,
        plan_fulfilment=food.plan_fulfilment,
        proposal_seconds=settings.proposal_seconds,
    )
    return Services(settings, clock, store, registry, parser, food, assistant)
