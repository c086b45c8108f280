"""The whole demo world as one catalogue: cities, landmarks, films, food shops and supermarkets, the hotel chains
it sells, and the cities its map and the chains its directory know by name only.

Deterministic: the same data on every start. Opening hours are daily, so the demo works
on any day and at any hour.
"""

from __future__ import annotations

from functools import cache

from bangwo.domain.catalogue import Catalogue
from bangwo.providers.demo.brands import KNOWN_BRANDS
from bangwo.providers.demo.films import FILMS
from bangwo.providers.demo.food import food_shops
from bangwo.providers.demo.gazetteer import MAPPED_CITIES
from bangwo.providers.demo.grocery import supermarkets
from bangwo.providers.demo.places import CITIES, LANDMARKS

PROVIDER = "demo"


@cache
def demo_catalogue() -> Catalogue:
    from bangwo.providers.demo.hotels import BRANDS as HOTEL_BRANDS  # (hotels.py imports PROVIDER from here)

    return Catalogue(
        provider=PROVIDER,
        cities=CITIES,
        merchants=food_shops(PROVIDER) + supermarkets(CITIES, PROVIDER),
        landmarks=LANDMARKS,
        films=FILMS,
        mapped_cities=MAPPED_CITIES,
        known_brands=KNOWN_BRANDS,
        hotel_brands=HOTEL_BRANDS,
    )
