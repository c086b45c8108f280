"""A lean HTTP/1.1 client for the benchmarks: one kept-alive connection, requests one after another.

httpx spends about 2 ms of CPU on each request, on the same two cores as the server it measures:
a benchmark through it measures httpx as much as bangwo (GET /healthz came out at ~390/s, the
client's ceiling, and a surge's refusals waited in the client's own event loop). This client
writes the request's bytes and reads the status line, the headers and a Content-Length or chunked
body; nothing else (no redirects, no TLS, no pipelining), so its cost stays small beside the server's.
"""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Answer:
    status: int
    headers: dict[str, str]  # names in lower case
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)


class LeanConnection:
    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter, host: str) -> None:
        self._reader = reader
        self._writer = writer
        self._host = host

    @classmethod
    async def open(cls, host: str, port: int) -> LeanConnection:
        reader, writer = await asyncio.open_connection(host, port)
        return cls(reader, writer, host)

    async def request(
        self, method: str, path: str, *, headers: dict[str, str] | None = None, json_body: Any = None
    ) -> Answer:
        body = b"" if json_body is None else json.dumps(json_body).encode()
        lines = [f"{method} {path} HTTP/1.1", f"Host: {self._host}", f"Content-Length: {len(body)}"]
        if json_body is not None:
            lines.append("Content-Type: application/json")
        lines += [f"{name}: {value}" for name, value in (headers or {}).items()]
        self._writer.write(("\r\n".join(lines) + "\r\n\r\n").encode() + body)
        head = await self._reader.readuntil(b"\r\n\r\n")
        status_line, *header_lines = head[:-4].decode("latin-1").split("\r\n")
        answer_headers = {}
        for line in header_lines:
            name, _, value = line.partition(":")
            answer_headers[name.strip().lower()] = value.strip()
        if answer_headers.get("transfer-encoding") == "chunked":
            answer_body = await self._chunked_body()
        else:
            answer_body = await self._reader.readexactly(int(answer_headers.get("content-length", "0")))
        return Answer(int(status_line.split()[1]), answer_headers, answer_body)

    async def _chunked_body(self) -> bytes:
        parts = []
        while size := int((await self._reader.readuntil(b"\r\n")).split(b";")[0], 16):
            parts.append(await self._reader.readexactly(size))
            await self._reader.readexactly(2)
        await self._reader.readuntil(b"\r\n")  # the empty trailer
        return b"".join(parts)

    async def close(self) -> None:
        self._writer.close()
        await self._writer.wait_closed()
