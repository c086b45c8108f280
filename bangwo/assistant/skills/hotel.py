"""The hotel skill: from a hotel frame to the rooms to hold and one confirmation card, or why not.

Pure over loaded objects: the cities, the landmarks, the providers' hotels and nightly prices.
Holding the rooms and saving the proposal are the assistant's job: it tries the offers in order
and holds the first one with a room free every night. "Near the Bund" ranks by distance from the
landmark; with no landmark, the best-reviewed hotels of the city come first. A budget is per
night (what people say: "800以内一晚"), compared with the stay's average nightly price.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol, TypeVar

from bangwo.assistant.matching import match_score
from bangwo.assistant.skills.food import CardOffer, Refusal, card_terms, say
from bangwo.domain.catalogue import City, Landmark
from bangwo.domain.clock import local
from bangwo.domain.frame import IntentFrame, Lang
from bangwo.domain.geo import distance_m
from bangwo.domain.hotel import Hotel, HotelBrand, RoomType, assistant_discount_fen, check_out_of, nights_of
from bangwo.domain.ids import new_id
from bangwo.domain.money import Fen, yuan_to_fen
from bangwo.domain.pricing import quote
from bangwo.domain.proposal import Proposal, ProposalLine
from bangwo.providers.base import HotelProvider

MAX_ROOMS = 5
MAX_NIGHTS = 30
# Further than this from the landmark a hotel is not "near" it, whatever else is full.
NEAR_M = 5_000


class _Named(Protocol):
    def names(self) -> tuple[str, ...]: ...


_Place = TypeVar("_Place", bound=_Named)


@dataclass(frozen=True, slots=True)
class HotelOffer:
    """One room type of one hotel for the nights asked for: what the assistant tries to hold."""

    hotel: Hotel
    room_type: RoomType
    provider: str
    nights: tuple[date, ...]
    nightly_prices_fen: tuple[Fen, ...]  # one room, each night in order
    distance_m: int | None  # from the landmark asked for; None when none was named
    near: Landmark | None
    brand: HotelBrand | None

    @property
    def stay_fen(self) -> Fen:
        """One room for the whole stay."""
        return sum(self.nightly_prices_fen)


def _best_named(said: str, places: Iterable[_Place]) -> tuple[_Place | None, float]:
    """The place a person named, by any of its names, forgiving case and a typo, and how well it matched
    (0: nothing did); on a tie the first listed."""
    scored = [(match_score(said, place.names()), place) for place in places]
    score, place = max(scored, key=lambda pair: pair[0], default=(0.0, None))
    return (place, score) if score > 0 else (None, 0.0)


def _names_of(offer: HotelOffer) -> tuple[str, ...]:
    """The hotel's names and its chain's."""
    brand = (offer.brand.name_zh, offer.brand.name_en) if offer.brand else ()
    return (offer.hotel.name_zh, offer.hotel.name_en, *brand)


def _yuan(amount_fen: Fen) -> str:
    """800 or 800.50: how a price is said in a sentence."""
    whole, cents = divmod(amount_fen, 100)
    return f"{whole}.{cents:02d}" if cents else str(whole)


class HotelSkill:
    def __init__(
        self, cities: Iterable[City], landmarks: Iterable[Landmark], providers: dict[str, HotelProvider]
    ) -> None:
        self.cities = tuple(cities)
        self.landmarks = tuple(landmarks)
        self.providers = providers
        self._city_by_id = {city.id: city for city in self.cities}

    def place(self, frame: IntentFrame) -> tuple[City | None, Landmark | None]:
        """The city and the landmark the frame names. A landmark is looked for in the city said, else
        anywhere (its city then comes with it); a city said where a landmark goes ("near Sanya") counts
        as the city. A city said where nothing is sold names no place: 沈阳故宫 is not Beijing's."""
        city = _best_named(frame.city, self.cities)[0] if frame.city else None
        if not frame.near or (frame.city and city is None):
            return city, None
        landmark, landmark_score = _best_named(
            frame.near, [lm for lm in self.landmarks if city is None or lm.city_id == city.id]
        )
        # "三亚" names the city even though it stands inside 三亚湾: the better match wins, the city on a tie.
        near_city, city_score = _best_named(frame.near, self.cities if city is None else (city,))
        if landmark is None or city_score >= landmark_score:
            return city or near_city, None
        return city or self._city_by_id.get(landmark.city_id), landmark

    def offers(self, frame: IntentFrame, clock_start_day: date, nights: list[date]) -> list[HotelOffer]:
        """Every room type on sale for all the nights within the budget, best first: near a landmark, the
        nearest hotel first; else the best reviewed, then the most stars. A hotel's rooms stay together,
        cheapest first, so when one is full the next tried is the same hotel's next room."""
        city, landmark = self.place(frame)
        if city is None:
            return []
        budget_fen = yuan_to_fen(frame.budget_max) if frame.budget_max is not None else None
        found: list[HotelOffer] = []
        for name, provider in self.providers.items():
            brands = {brand.id: brand for brand in provider.brands()}
            for hotel in provider.hotels(city.id):
                metres = distance_m(hotel.location, landmark.location) if landmark else None
                if metres is not None and metres > NEAR_M:
                    continue
                for room_type in hotel.room_types:
                    prices = provider.nightly_prices(hotel.id, room_type.id, nights, clock_start_day)
                    if not prices:
                        continue
                    # The average nightly price within the budget, without dividing: no rounding at the edge.
                    if budget_fen is not None and sum(prices) > budget_fen * len(prices):
                        continue
                    brand = brands.get(hotel.brand_id) if hotel.brand_id else None
                    found.append(
                        HotelOffer(hotel, room_type, name, tuple(nights), tuple(prices), metres, landmark, brand)
                    )
        if landmark is not None:
            return sorted(found, key=lambda o: (o.distance_m, o.hotel.id, o.stay_fen, o.room_type.id))
        return sorted(found, key=lambda o: (-o.hotel.rating, -o.hotel.stars, o.hotel.id, o.stay_fen, o.room_type.id))

    def of_the_hotel_named(
        self, frame: IntentFrame, offers: list[HotelOffer], lang: Lang
    ) -> tuple[list[HotelOffer], str | None]:
        """The offers of the hotel or chain the frame names (订个全季, "a Hilton in Shenzhen"), where bangwo has it;
        else every offer, with a note that says the one named is not on bangwo yet."""
        if not frame.merchant:
            return offers, None
        named = [offer for offer in offers if match_score(frame.merchant, _names_of(offer)) > 0]
        if named:
            return named, None
        return offers, say(
            lang,
            f"「{frame.merchant}」还没有上帮我，这是同一带可订的酒店。",
            f"'{frame.merchant}' isn't on bangwo yet; this hotel is in the same area.",
        )

    def proposal(
        self,
        offer: HotelOffer,
        *,
        rooms: int,
        lang: Lang,
        card: CardOffer | None,
        hold_id: str,
        hold_until: datetime,
    ) -> Proposal:
        """One confirmation card: a line for the stay (its unit price is one room for every night), the
        brand's assistant price as a line of its own, the card's share, the rooms held until hold_until."""
        if rooms < 1:
            raise ValueError("book at least one room")
        hotel, room_type = offer.hotel, offer.room_type
        zh = lang == "zh"
        hotel_name = hotel.name_zh if zh else hotel.name_en
        room_name = room_type.name_zh if zh else room_type.name_en
        nights = list(offer.nights)
        check_in = nights[0]
        stay_line = ProposalLine(
            title=say(lang, f"{hotel_name} {room_name}", f"{hotel_name}, {room_name}"),
            quantity=rooms,
            unit_price=offer.stay_fen,
            details={
                "kind": "hotel", "hotel_id": hotel.id, "room_type_id": room_type.id, "hotel": hotel_name,
                "room": room_name, "check_in": check_in.isoformat(), "check_out": check_out_of(nights).isoformat(),
                "nights": len(nights), "nightly_prices": list(offer.nightly_prices_fen),
                "distance_m": offer.distance_m,
                "near": (offer.near.name_zh if zh else offer.near.name_en) if offer.near else None,
            },
        )
        items_fen = stay_line.amount_fen
        assistant_fen = assistant_discount_fen(offer.brand, items_fen)
        lines = [stay_line]
        if assistant_fen:
            lines.append(
                ProposalLine(title=say(lang, "助手专享价", "Assistant price"), quantity=1, unit_price=-assistant_fen,
                             details={"kind": "assistant_price"})
            )
        priced = quote(items_fen, 0, assistant_fen, **card_terms(card))
        return Proposal(
            id=new_id("p"), domain="hotel", expires_at=hold_until, lines=lines, subtotal=priced.subtotal_fen,
            discount=priced.discount_fen, card_id=card.card_id if card and priced.discount_fen else None,
            total=priced.total_fen, pay=priced.pay_fen,
            holds=[{"kind": "hotel", "provider": offer.provider, "hold_id": hold_id, "hotel_id": hotel.id,
                    "room_type_id": room_type.id, "nights": [night.isoformat() for night in nights], "rooms": rooms,
                    "until": hold_until.isoformat(), "start": check_in.isoformat()}],
            merchant={"id": hotel.id, "name": hotel_name}, lang=lang,
        )


def stay_nights(frame: IntentFrame, now: datetime, lang: Lang) -> list[date] | Refusal:
    """The nights asked for: from the check-in date (today unless said), frame.nights of them (one unless said)."""
    today = local(now).date()
    check_in = date.fromisoformat(frame.date) if frame.date else today
    nights = frame.nights or 1
    if check_in < today:
        return Refusal(say(lang, "入住日期已经过了，换一天吧？", "That check-in day has passed; another day?"))
    if nights > MAX_NIGHTS:
        return Refusal(say(lang, f"一次最多订{MAX_NIGHTS}晚。", f"At most {MAX_NIGHTS} nights at a time."))
    return nights_of(check_in, nights)


def room_count(frame: IntentFrame, lang: Lang) -> int | Refusal:
    """How many rooms: frame.count, one unless said."""
    count = frame.count or 1
    if count > MAX_ROOMS:
        return Refusal(say(lang, f"一次最多订{MAX_ROOMS}间房。", f"At most {MAX_ROOMS} rooms at a time."))
    return count


def no_rooms_sentence(city: City | None, landmark: Landmark | None, budget_max: float | None, lang: Lang) -> str:
    """What to say when nothing is free: "外滩附近没有800元一晚以内的空房了"."""
    if landmark is not None:
        zh_where, en_where = f"{landmark.name_zh}附近", f" near {landmark.name_en}"
    elif city is not None:
        zh_where, en_where = city.name_zh, f" in {city.name_en}"
    else:
        zh_where, en_where = "", ""
    if budget_max is None:
        return say(lang, f"{zh_where}没有空房了。", f"No rooms left{en_where}.")
    budget = _yuan(yuan_to_fen(budget_max))
    return say(
        lang,
        f"{zh_where}没有{budget}元一晚以内的空房了。",
        f"No rooms left{en_where} within ¥{budget} a night.",
    )
