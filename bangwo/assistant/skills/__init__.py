"""One skill per domain: pure over loaded objects, it ranks offers against a frame and builds the card."""

from __future__ import annotations

from dataclasses import dataclass

from bangwo.assistant.skills.flight import FlightSkill
from bangwo.assistant.skills.food import FoodSkill
from bangwo.assistant.skills.grocery import GrocerySkill
from bangwo.assistant.skills.hotel import HotelSkill
from bangwo.assistant.skills.movie import MovieSkill


@dataclass(frozen=True)
class Skills:
    """The skills built from one published catalogue; rebuilt together when it changes."""

    food: FoodSkill
    grocery: GrocerySkill
    movie: MovieSkill
    flight: FlightSkill
    hotel: HotelSkill
