"""The browser page served at /: one self-contained file that talks to the real API routes."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import httpx
from fastapi.routing import APIRoute


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
                   "proposal-template", "order-template"):
        assert needed in page.ids, needed
    # The confirmation card and the order card: the confirm button, the countdown, the cancel button.
    assert {"confirm", "countdown", "lines", "eta", "address", "notes", "stage", "cancel", "error"} <= page.roles
    # Every input has a label.
    assert {"phone", "name", "message"} <= page.labels_for


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
    for stage in ("accepted", "preparing", "delivering", "delivered", "cancelled"):
        assert f"{stage}:" in page.script, stage
