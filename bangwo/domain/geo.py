"""Distances on the globe."""

from __future__ import annotations

import math
from dataclasses import dataclass

EARTH_RADIUS_M = 6_371_000


@dataclass(frozen=True, slots=True)
class Point:
    lat: float
    lng: float


def distance_m(a: Point, b: Point) -> int:
    """Great-circle distance in metres (haversine)."""
    phi1, phi2 = math.radians(a.lat), math.radians(b.lat)
    dphi = phi2 - phi1
    dlmb = math.radians(b.lng - a.lng)
    h = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlmb / 2) ** 2
    return int(2 * EARTH_RADIUS_M * math.asin(math.sqrt(h)))


METRES_PER_DEGREE_LAT = 111_320


def offset_point(origin: Point, east_m: float, north_m: float) -> Point:
    """The point this many metres east and north of origin (flat-earth, fine within a city)."""
    lat = origin.lat + north_m / METRES_PER_DEGREE_LAT
    lng = origin.lng + east_m / (METRES_PER_DEGREE_LAT * math.cos(math.radians(origin.lat)))
    return Point(round(lat, 6), round(lng, 6))
