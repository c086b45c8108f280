"""A provider that changes what it offers is picked up without a restart: new names parse, new dishes sell."""

from __future__ import annotations

import dataclasses
from datetime import datetime
from pathlib import Path

from bangwo.assistant.skills.food import CardOffer, Customer, FoodProposal
from bangwo.config import Settings
from bangwo.domain.catalogue import Catalogue, MenuItem
from bangwo.domain.clock import ManualClock
from bangwo.domain.frame import FrameItem, IntentFrame
from bangwo.providers.demo import DemoFood, DemoGeocoder
from bangwo.providers.registry import ProviderRegistry
from bangwo.services import start_services


class ChangingFood(DemoFood):
    """The demo shops, plus whatever the test puts on the Hangzhou tea shop's menu."""

    def __init__(self) -> None:
        self.extra: tuple[MenuItem, ...] = ()

    def catalogue(self) -> Catalogue:
        base = super().catalogue()
        merchants = tuple(
            dataclasses.replace(m, menu=m.menu + self.extra) if m.id == "demo-hangzhou-tea" else m
            for m in base.merchants
        )
        return dataclasses.replace(base, merchants=merchants)


async def test_a_new_dish_becomes_parseable_and_orderable_after_a_refresh(database_url: str, tmp_path: Path):
    provider = ChangingFood()
    registry = ProviderRegistry()
    registry.add_food(provider)
    registry.set_geocoder(DemoGeocoder())
    now = datetime.fromisoformat("2026-02-10T10:00:00+08:00")
    services = await start_services(Settings(database_url=database_url, data_dir=tmp_path), ManualClock(now), registry)
    try:
        assert await services.refresh_catalogue() is False  # nothing changed yet
        assert "osmanthus drink" not in services.parser.lexicon.entries

        osmanthus = MenuItem(
            "demo-hangzhou-tea-osmanthus", "demo-hangzhou-tea", "桂花酒酿", "Osmanthus Rice Wine", 1600,
            aliases=("osmanthus drink",),
        )
        provider.extra = (osmanthus,)
        assert await services.refresh_catalogue() is True

        after = services.parser.parse("来一杯桂花酒酿", now).frames[0]
        english = services.parser.parse("get me an osmanthus drink", now).frames[0]
        assert [i.name for i in after.items] == ["桂花酒酿"] and english.items[0].name == "osmanthus drink"
        assert services.parser.lexicon.entries["osmanthus drink"].is_item
        centre = services.food.merchant("demo-hangzhou-tea").location
        offer = services.food.propose(
            IntentFrame(domain="food", items=[FrameItem(name="桂花酒酿")]), lang="zh",
            customer=Customer("hangzhou", "addr", "here", centre), card=CardOffer("c", 2500), now=now,
            proposal_seconds=600,
        )
        assert isinstance(offer, FoodProposal) and offer.proposal.lines[0].title == "桂花酒酿"
        assert services.assistant.food is services.food
    finally:
        await services.close()
