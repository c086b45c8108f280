"""The built-in demo world, registered through the same entry point a third party uses."""

from __future__ import annotations

import hashlib
from datetime import datetime

from bangwo.domain.catalogue import Catalogue, Merchant
from bangwo.domain.delivery import DeliveryPlan
from bangwo.domain.geo import Point, distance_m, offset_point
from bangwo.providers.demo.flights import DemoFlights
from bangwo.providers.demo.hotels import DemoHotels
from bangwo.providers.demo.movies import DemoMovies
from bangwo.providers.demo.places import CITY_BY_ID
from bangwo.providers.demo.stock import DemoGrocery
from bangwo.providers.demo.world import PROVIDER, demo_catalogue
from bangwo.providers.registry import ProviderRegistry

# Street addresses land within this many metres of the city centre.
_ADDRESS_SPREAD_M = 4000


class DemoFood:
    """Food and drink delivery in the demo cities; deliveries follow the clock."""

    name = PROVIDER

    def catalogue(self) -> Catalogue:
        return demo_catalogue()

    def plan_delivery(self, merchant: Merchant, to: Point, start: datetime, arrive_by: datetime | None) -> DeliveryPlan:
        metres = distance_m(merchant.location, to)
        if arrive_by is None:
            return DeliveryPlan.starting(start, merchant.prep_minutes, metres)
        return DeliveryPlan.arriving_by(start, arrive_by, merchant.prep_minutes, metres)


class DemoGeocoder:
    """Places an address deterministically near its city's centre (there is no map service offline)."""

    def locate(self, city_id: str, address: str) -> Point:
        city = CITY_BY_ID[city_id]
        digest = hashlib.sha256(address.strip().encode()).digest()
        east = (int.from_bytes(digest[:4], "big") / 2**32 * 2 - 1) * _ADDRESS_SPREAD_M
        north = (int.from_bytes(digest[4:8], "big") / 2**32 * 2 - 1) * _ADDRESS_SPREAD_M
        return offset_point(city.centre, east, north)


def register(registry: ProviderRegistry) -> None:
    registry.add_food(DemoFood())
    registry.add_movies(DemoMovies())
    registry.add_hotels(DemoHotels())
    registry.add_flights(DemoFlights())
    registry.add_groceries(DemoGrocery())
    registry.set_geocoder(DemoGeocoder())
