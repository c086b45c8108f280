"""The Provider protocol. Built-in demo providers implement it exactly as a third party would."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from bangwo.domain.catalogue import Catalogue, Merchant
from bangwo.domain.delivery import DeliveryPlan
from bangwo.domain.geo import Point


class FoodProvider(Protocol):
    name: str

    def catalogue(self) -> Catalogue:
        """Everything this provider offers; deterministic for a given provider version."""
        ...

    def plan_delivery(self, merchant: Merchant, to: Point, start: datetime, arrive_by: datetime | None) -> DeliveryPlan:
        """When the order will be accepted, prepared, picked up and delivered."""
        ...


class Geocoder(Protocol):
    def locate(self, city_id: str, address: str) -> Point:
        """A point for a street address in a known city."""
        ...
