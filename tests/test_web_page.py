"""The browser page served at /: one self-contained file that talks to the real API routes."""

from __future__ import annotations

import re
from datetime import date
from html.parser import HTMLParser

import httpx
from fastapi.routing import APIRoute

from tests.factories import give_address, sign_up_person
from tests.test_stories import say

START_DAY = date(2026, 2, 10)  # the test clock's day


class _Elements(HTMLParser):
    """Collects every tag's attributes, and the text of inline scripts and of external references."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: dict[str, tuple[str, dict[str, str | None]]] = {}
        self.roles: set[str] = set()
        self.labels_for: set[str] = set()
        self.external: list[str] = []
        self.script = ""
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if a.get("id"):
            self.ids[a["id"]] = (tag, a)
        if a.get("data-role"):
            self.roles.add(a["data-role"])
        if tag == "label" and a.get("for"):
            self.labels_for.add(a["for"])
        for attr in ("src", "href"):
            value = a.get(attr)
            if value and re.match(r"^(https?:)?//", value):
                self.external.append(value)
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.script += data


def _call_pattern(method: str, path: str) -> str:
    """How the page writes a call: api("POST", "/v1/orders/" + encodeURIComponent(id) + "/cancel"...)."""
    pieces = re.split(r"\{[a-z_]+\}", path)
    pattern = rf'api\("{method}",\s*"{re.escape(pieces[0])}"'
    for piece in pieces[1:]:
        pattern += r"\s*\+\s*encodeURIComponent\([^()]*\)"
        if piece:
            pattern += rf'\s*\+\s*"{re.escape(piece)}"'
    return pattern + r"\s*[,)]"


async def _page(client: httpx.AsyncClient) -> tuple[str, _Elements]:
    response = await client.get("/")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    html = response.text
    parsed = _Elements()
    parsed.feed(html)
    return html, parsed


async def test_page_has_the_elements_that_matter(client: httpx.AsyncClient) -> None:
    html, page = await _page(client)
    assert 'name="viewport"' in html and "width=device-width" in html
    assert page.ids["signup-form"][0] == "form"
    assert page.ids["phone"][1].get("type") == "tel"
    assert page.ids["message"][0] == "textarea"
    assert page.ids["send"][0] == "button"
    assert page.ids["messages"][1].get("role") == "log"
    for needed in ("signup-error", "balance", "cards-count", "signout", "typing",
                   "proposal-template", "order-template", "ticket-template"):
        assert needed in page.ids, needed
    # The confirmation card and the order card: the confirm button, the countdown, the cancel button.
    assert {"confirm", "countdown", "lines", "eta", "address", "notes", "stage", "cancel", "error"} <= page.roles
    # Movie cards: the seat map, its legend, what is picked and the button that applies it;
    # movie orders: one ticket card each (film, place, start, seat, code, QR) and the refund deadline.
    assert {"seatmap", "seat-svg", "legend", "picked", "use-seats"} <= page.roles
    assert {"tickets", "refund", "ticket-film", "ticket-place", "ticket-start", "ticket-seat", "ticket-code",
            "ticket-qr", "ticket-status"} <= page.roles
    # Flight, hotel and trip cards and orders: one block per leg under a heading; e-tickets show their number.
    assert "leg-template" in page.ids
    assert {"legs", "legs-title", "leg-list", "leg-icon", "leg-kind", "leg-main", "leg-sub",
            "ticket-code-label"} <= page.roles
    # Every input has a label.
    assert {"phone", "name", "invite", "message"} <= page.labels_for
    # A share link fills the invite code, and the browser's device id goes with the sign-up (what earns the reward).
    assert 'get("invite")' in page.script and "device_id: deviceId()" in page.script
    assert "body.invite_code = invite" in page.script


async def test_page_is_self_contained(client: httpx.AsyncClient) -> None:
    _, page = await _page(client)
    assert page.external == []  # no CDN, no web fonts: the machine may have no internet
    assert page.script.strip(), "the script is inline"


async def test_page_calls_the_routes_the_app_serves(client: httpx.AsyncClient, app) -> None:
    _, page = await _page(client)
    js = page.script
    wanted = {
        ("POST", "/v1/users"), ("GET", "/v1/me"), ("POST", "/v1/chat"),
        ("POST", "/v1/proposals/{proposal_id}/confirm"), ("GET", "/v1/orders"),
        ("GET", "/v1/orders/{order_id}"), ("POST", "/v1/orders/{order_id}/cancel"),
        ("GET", "/v1/showings/{showing_id}/seats"), ("POST", "/v1/proposals/{proposal_id}/seats"),
        ("GET", "/v1/tickets/{code}/qr.svg"),
    }
    served = {(method, route.path) for route in app.routes if isinstance(route, APIRoute) for method in route.methods}
    assert wanted <= served, wanted - served
    for method, path in sorted(wanted):
        assert re.search(_call_pattern(method, path), js), f"the page never calls {method} {path}"
    assert "Idempotency-Key" in js and "Authorization" in js and "Bearer " in js
    assert "localStorage" in js and "session_id" in js


async def test_page_never_puts_server_text_into_html(client: httpx.AsyncClient) -> None:
    _, page = await _page(client)
    assert not re.search(r"\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write", page.script)
    assert "textContent" in page.script


async def test_page_labels_every_stage(client: httpx.AsyncClient) -> None:
    _, page = await _page(client)
    for label in ("商家已接单", "制作中", "配送中", "已送达", "已取消"):
        assert label in page.script, label
    for stage in ("accepted", "preparing", "delivering", "delivered", "cancelled", "confirmed"):
        assert f"{stage}:" in page.script, stage
    for label in ("已出票", "已退票", "已检票"):
        assert label in page.script, label
    for status in ("valid", "used", "refunded"):
        assert f"{status}:" in page.script, status
    # Flights are ticketed, hotels and trips booked; a booking is cancelled with its own button.
    for label in ("已出票 Ticketed", "已预订 Booked", "取消预订 Cancel booking",
                  "行程 Trip", "航班 Flight", "酒店 Hotel"):
        assert label in page.script, label
    for domain in ("flight:", "hotel:", "trip:"):
        assert domain in page.script, domain


async def test_seat_map_is_drawn_in_svg_and_usable_by_keyboard(client: httpx.AsyncClient) -> None:
    html, page = await _page(client)
    js = page.script
    style = "".join(re.findall(r"<style>(.*?)</style>", html, re.S))
    assert "createElementNS" in js and '"http://www.w3.org/2000/svg"' in js and "viewBox" in js
    assert "银幕 SCREEN" in js
    # Each seat: a button with a name (its <title>), pressed or not, reachable with Tab, picked with Enter or Space.
    for needed in ('role: "button"', '"aria-pressed"', '"tabindex"', 'svgEl("title"', '"Enter"', '" "', "ArrowUp"):
        assert needed in js, needed
    for kind in ("vip", "couple", "wheelchair"):
        assert f".seat.{kind}" in style, kind  # told apart by colour, and named in each seat's title
    assert "♿" in js
    # The new seats are sent as {"seats": [...]}, at most ten; a seats_taken conflict names the seats.
    assert re.search(r"\{\s*seats:\s*chosen\s*\}", js) and "MAX_SEATS = 10" in js
    assert '"seats_taken"' in js and "e.data.seats" in js


async def test_ticket_qr_is_fetched_with_the_token(client: httpx.AsyncClient) -> None:
    _, page = await _page(client)
    js = page.script
    # An <img src> cannot send Authorization: the page fetches the SVG and shows it from an object URL.
    assert "res.blob()" in js and "URL.createObjectURL" in js and "URL.revokeObjectURL" in js
    assert "refundable_until" in js and "可在开场前" in js and "refundable until" in js


async def test_page_reads_the_fields_the_movie_routes_return(client: httpx.AsyncClient, services) -> None:
    """The page's script reads these fields by name: the API must still return every one of them."""
    _, page = await _page(client)
    js = page.script
    showing = next(iter(services.registry.movies["demo"].showings(START_DAY, START_DAY, city_id="hangzhou")))
    seat_map = (await client.get(f"/v1/showings/{showing.id}/seats")).json()
    for key in ("rows", "columns", "seats", "showing"):
        assert key in seat_map and f"map.{key}" in js, key
    for key in ("hall_name", "hall_name_en"):
        assert key in seat_map["showing"] and f".{key}" in js, key
    seat = seat_map["seats"][0]
    for key in ("id", "row", "number", "column", "kind", "status", "price"):
        assert key in seat and f"seat.{key}" in js, key
    assert {s["status"] for s in seat_map["seats"]} <= {"free", "taken", "broken"}

    user_id, auth = await sign_up_person(client, "13800138000")
    await give_address(services, user_id, "hangzhou")
    offer = await say(client, auth, "帮我买两张惊蛰无声首映的票，最后一排，晚上八点左右")
    assert offer["state"] == "proposal", offer["reply"]
    proposal = offer["proposal"]
    assert proposal["domain"] == "movie" and proposal["holds"][0]["showing_id"]
    assert "hold.showing_id" in js and "details.seats" in js
    # Other seats: a new card with a new id, whose seats are the ones picked.
    seats = (await client.get(f"/v1/showings/{proposal['holds'][0]['showing_id']}/seats")).json()["seats"]
    pick = [s["id"] for s in seats if s["status"] == "free"][:2]
    moved = await client.post(f"/v1/proposals/{proposal['id']}/seats", json={"seats": pick}, headers=auth)
    assert moved.status_code == 200, moved.text
    new = moved.json()
    assert new["id"] != proposal["id"]
    assert sorted(s for line in new["lines"] for s in line["details"]["seats"]) == sorted(pick)

    confirmed = await client.post(f"/v1/proposals/{new['id']}/confirm", headers={**auth, "Idempotency-Key": "web-1"})
    assert confirmed.status_code == 201, confirmed.text
    order = confirmed.json()["order"]
    assert order["domain"] == "movie" and order["stage"] == "confirmed" and order["timeline"] == {}
    assert order["refundable_until"] and "o.refundable_until" in js and "o.cancellable" in js
    for ticket in order["tickets"]:
        for key in ("code", "status", "details", "seat_id"):
            assert key in ticket and f"t.{key}" in js, key
        for key in ("title", "cinema", "hall", "format", "start", "row", "seat", "price"):
            assert key in ticket["details"] and f"d.{key}" in js, key
        qr = await client.get(f"/v1/tickets/{ticket['code']}/qr.svg", headers=auth)
        # The page's api() hands back a blob for any answer that is not JSON.
        assert qr.status_code == 200 and "json" not in qr.headers["content-type"]


def _function(js: str, name: str) -> str:
    """The text of one function of the page's script, up to the next function at the same indent."""
    match = re.search(rf"\n  function {name}\(.*?(?=\n  (?:function |// |var |\}}\)\(\)))", js, re.S)
    assert match, f"no function {name}"
    return match.group(0)


async def test_money_lines_by_kind_with_assistant_prices_before_the_card(client: httpx.AsyncClient) -> None:
    _, page = await _page(client)
    js = page.script
    money = _function(js, "fillMoney")
    # Fees and the partners' assistant prices (negative lines) are not items: each is a line of its own.
    assert '"fee"' in money and '"assistant_price"' in money and "details.kind" in js
    assert "disc assist" in money and "助手专享价 Assistant price" in js
    # The order on the card: subtotal, assistant prices, total, the free-order card, what is paid.
    order = [money.index(s) for s in ("小计 Subtotal", "assistLabel(l, x)", "合计 Total", "免单卡 Free-order card",
                                      "实付 You pay")]
    assert order == sorted(order)
    # Groceries: units with the quantities and a half-hour slot instead of one ETA.
    assert "details.unit" in js and "d.slot_start" in js and "d.slot_end" in js and "送达 · arrives" in js


async def test_a_failed_trip_is_said_plainly_and_the_wallet_and_orders_are_refreshed(client: httpx.AsyncClient) -> None:
    _, page = await _page(client)
    confirm = _function(page.script, "confirmProposal")
    failed = confirm[confirm.index('e.code === "booking_failed"'):]
    failed = failed[:failed.index("return;")]
    assert "e.message" in failed and "e.data.leg" in failed and "settle(entry, msg)" in failed
    assert "refreshMe()" in failed and "refreshOrders(e.data.order_id)" in failed
    assert re.search(_call_pattern("GET", "/v1/orders/{order_id}"), _function(page.script, "refreshOrders"))


def _kinds(x: dict, kind: str) -> list[dict]:
    return [line for line in x["lines"] if line["details"].get("kind") == kind]


async def test_page_reads_the_fields_the_grocery_routes_return(client: httpx.AsyncClient, services) -> None:
    _, page = await _page(client)
    js = page.script
    user_id, auth = await sign_up_person(client, "13800138000")
    await give_address(services, user_id, "hangzhou")
    offer = await say(client, auth, "帮我买一盒鸡蛋、两瓶牛奶和一箱可乐")
    assert offer["state"] == "proposal", offer["reply"]
    proposal = offer["proposal"]
    assert proposal["domain"] == "grocery"
    for key in ("address", "slot_start", "slot_end"):
        assert proposal["delivery"][key] and f"d.{key}" in js, key
    assert all(line["details"]["unit"] for line in proposal["lines"] if "kind" not in line["details"])

    confirmed = await client.post(f"/v1/proposals/{proposal['id']}/confirm", headers={**auth, "Idempotency-Key": "g-1"})
    assert confirmed.status_code == 201, confirmed.text
    order = confirmed.json()["order"]
    # Delivered like food: stages and a timeline, and the slot still on the order.
    assert order["stage"] == "accepted" and order["timeline"]["delivered"] and "t.delivered" in js
    assert order["delivery"]["slot_start"] == proposal["delivery"]["slot_start"] and order["cancellable"]


FLIGHT_KEYS = ("number", "airline", "origin", "destination", "depart", "arrive", "cabin")
HOTEL_KEYS = ("hotel", "room", "check_in", "check_out", "nights", "distance_m", "near")


async def test_page_reads_the_fields_the_trip_routes_return(client: httpx.AsyncClient, services) -> None:
    """A trip through the API: every field the script reads is on the card and on the order."""
    _, page = await _page(client)
    js = page.script
    signed = await client.post("/v1/users", json={"phone": "13800138000", "name": "Lin Wei"})
    assert signed.status_code == 201, signed.text
    auth = {"Authorization": f"Bearer {signed.json()['token']}"}
    await give_address(services, signed.json()["user_id"], "hangzhou")

    offer = await say(client, auth, "帮我订明天上午去上海的机票，再订一间外滩附近的酒店，两晚")

    assert offer["state"] == "proposal", offer["reply"]
    proposal = offer["proposal"]
    assert proposal["domain"] == "trip" and proposal["lang"] == "zh" and "x.lang" in js
    assert proposal["merchant"]["name"] and not proposal["delivery"] and proposal["notes"] == []
    [flight], [stay] = _kinds(proposal, "flight"), _kinds(proposal, "hotel")
    for key in FLIGHT_KEYS:
        assert flight["details"][key] and f"d.{key}" in js, key
    assert flight["details"]["passengers"] == ["Lin Wei"] and "d.passengers" in js
    assert flight["details"]["cabin"] in ("economy", "business") and "CABIN[d.cabin]" in js
    for key in HOTEL_KEYS:
        assert stay["details"][key] is not None and f"d.{key}" in js, key
    assert len(stay["details"]["nightly_prices"]) == stay["details"]["nights"] and "details.nightly_prices" in js
    # The legs, in order: the flight first.
    assert (flight["details"]["leg"], stay["details"]["leg"]) == (0, 1) and "details.leg" in js
    assert (flight["details"]["leg_domain"], stay["details"]["leg_domain"]) == ("flight", "hotel")
    assert "d.leg_domain" in js
    # Money: the assistant price is negative and the total is the subtotal less it.
    assists = _kinds(proposal, "assistant_price")
    assert all(line["unit_price"] < 0 and line["details"]["leg"] in (0, 1) for line in assists)
    cut = -sum(line["unit_price"] * line["quantity"] for line in assists)
    assert proposal["total"] == proposal["subtotal"] - cut
    assert proposal["pay"] == proposal["total"] - proposal["discount"]
    for key in ("subtotal", "total", "discount", "pay", "expires_at"):
        assert f"x.{key}" in js or f"p.{key}" in js, key

    confirmed = await client.post(f"/v1/proposals/{proposal['id']}/confirm", headers={**auth, "Idempotency-Key": "t-1"})
    assert confirmed.status_code == 201, confirmed.text
    order = confirmed.json()["order"]
    assert order["domain"] == "trip" and order["stage"] == "confirmed" and order["timeline"] == {}
    assert order["lines"] == proposal["lines"] and not order["delivery"]
    assert order["cancellable"] and order["refundable_until"] and "o.refundable_until" in js and "o.cancellable" in js
    [ticket] = order["tickets"]
    for key in ("code", "status", "seat_id"):
        assert ticket[key] and f"t.{key}" in js, key
    assert ticket["status"] == "valid" and ticket["details"]["passenger"] == "Lin Wei" and "d.passenger" in js
    for key in FLIGHT_KEYS:
        assert ticket["details"][key] == flight["details"][key], key
    assert (await client.get(f"/v1/orders/{order['id']}", headers=auth)).json()["order"] == order

    cancelled = await client.post(f"/v1/orders/{order['id']}/cancel", headers=auth)
    assert cancelled.status_code == 200, cancelled.text
    gone = cancelled.json()["order"]
    assert gone["stage"] == "cancelled" and not gone["cancellable"] and gone["tickets"][0]["status"] == "refunded"


async def test_a_failed_trip_answers_what_the_page_reads(failing_hotel_client) -> None:
    client, services = failing_hotel_client
    signed = await client.post("/v1/users", json={"phone": "13800138000", "name": "王小明"})
    auth = {"Authorization": f"Bearer {signed.json()['token']}"}
    await give_address(services, signed.json()["user_id"], "hangzhou")
    offer = await say(client, auth, "帮我订明天上午去上海的机票，再订一间外滩附近的酒店，两晚")
    assert offer["proposal"]["domain"] == "trip"

    failed = await client.post(f"/v1/proposals/{offer['proposal']['id']}/confirm",
                               headers={**auth, "Idempotency-Key": "t-1"})

    assert failed.status_code == 409
    error = failed.json()["error"]
    assert error["code"] == "booking_failed" and error["message"] and error["leg"] == "hotel"
    order = (await client.get(f"/v1/orders/{error['order_id']}", headers=auth)).json()["order"]
    assert order["stage"] == "cancelled" and not order["cancellable"]
    assert all(t["status"] == "refunded" for t in order["tickets"])
