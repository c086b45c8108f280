"""QR codes as images: tickets at the cinema door, invite links shown to a friend."""

from __future__ import annotations

import io

import segno

QR_SCALE = 8  # pixels per module: a phone screen held up to a door scanner


def qr_image(payload: str, kind: str) -> bytes:
    out = io.BytesIO()
    segno.make(payload, error="m").save(out, kind=kind, scale=QR_SCALE, border=4)
    return out.getvalue()
