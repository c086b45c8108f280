"""Finds providers through the `bangwo.providers` entry point group.

Each entry point names a `register(registry)` function. The demo world is registered this
way too (see pyproject.toml), so it has no door a third party lacks.
"""

from __future__ import annotations

from importlib.metadata import entry_points

from bangwo.domain.catalogue import Catalogue, City
from bangwo.providers.base import (
    FlightProvider,
    FoodProvider,
    Geocoder,
    GroceryProvider,
    HotelProvider,
    MovieProvider,
)

ENTRY_POINT_GROUP = "bangwo.providers"


class ProviderRegistry:
    def __init__(self) -> None:
        self.food: dict[str, FoodProvider] = {}
        self.movies: dict[str, MovieProvider] = {}
        self.groceries: dict[str, GroceryProvider] = {}
        self.hotels: dict[str, HotelProvider] = {}
        self.flights: dict[str, FlightProvider] = {}
        self.geocoder: Geocoder | None = None

    def add_food(self, provider: FoodProvider) -> None:
        if provider.name in self.food:
            raise ValueError(f"a food provider named {provider.name!r} is already registered")
        self.food[provider.name] = provider

    def add_movies(self, provider: MovieProvider) -> None:
        if provider.name in self.movies:
            raise ValueError(f"a movie provider named {provider.name!r} is already registered")
        self.movies[provider.name] = provider

    def add_hotels(self, provider: HotelProvider) -> None:
        if provider.name in self.hotels:
            raise ValueError(f"a hotel provider named {provider.name!r} is already registered")
        self.hotels[provider.name] = provider

    def add_groceries(self, provider: GroceryProvider) -> None:
        if provider.name in self.groceries:
            raise ValueError(f"a grocery provider named {provider.name!r} is already registered")
        self.groceries[provider.name] = provider

    def add_flights(self, provider: FlightProvider) -> None:
        if provider.name in self.flights:
            raise ValueError(f"a flight provider named {provider.name!r} is already registered")
        self.flights[provider.name] = provider

    def set_geocoder(self, geocoder: Geocoder) -> None:
        self.geocoder = geocoder

    def catalogues(self) -> list[Catalogue]:
        return [p.catalogue() for p in self.food.values()]

    def cities(self) -> list[City]:
        seen: dict[str, City] = {}
        for catalogue in self.catalogues():
            for city in catalogue.cities:
                seen.setdefault(city.id, city)
        return list(seen.values())


def load_registry() -> ProviderRegistry:
    """A registry with every installed provider registered."""
    registry = ProviderRegistry()
    for entry in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
        entry.load()(registry)
    return registry
