"""QR codes drawn as vector rectangles (no bitmap), error correction M, with a quiet zone.

The ``qrcode`` library only computes the module matrix; each row's dark runs become one
rectangle in a single filled path, so the code stays sharp at any printer resolution.
"""

from __future__ import annotations

from functools import lru_cache

import qrcode
from qrcode.constants import ERROR_CORRECT_M
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

QUIET_ZONE = 4  # modules; the ISO 18004 minimum


@lru_cache(maxsize=64)
def qr_matrix(payload: str, border: int = QUIET_ZONE) -> tuple[tuple[bool, ...], ...]:
    """The module matrix of ``payload`` including the quiet zone; True is dark."""
    if not payload:
        raise ValueError("QR payload is empty")
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=border)
    code.add_data(payload)
    code.make(fit=True)
    return tuple(tuple(bool(cell) for cell in row) for row in code.get_matrix())


def draw_qr(canvas: Canvas, payload: str, x: float, y: float, size: float) -> None:
    """Draw the QR code of ``payload`` with its lower-left corner at (x, y), quiet zone included."""
    matrix = qr_matrix(payload)
    module = size / len(matrix)
    path = canvas.beginPath()
    for r, row in enumerate(matrix):
        top = y + size - (r + 1) * module
        c = 0
        while c < len(row):
            if not row[c]:
                c += 1
                continue
            start = c
            while c < len(row) and row[c]:
                c += 1
            path.rect(x + start * module, top, (c - start) * module, module)
    canvas.saveState()
    canvas.setFillColorRGB(0, 0, 0)
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.restoreState()


class QRCodeFlowable(Flowable):
    """A square QR code of side ``size`` points (quiet zone included), centred if narrower."""

    def __init__(self, payload: str, size: float, h_align: str = "CENTER") -> None:
        super().__init__()
        qr_matrix(payload)  # fail early on an empty or oversize payload
        self.payload = payload
        self.size = size
        self.hAlign = h_align

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        draw_qr(self.canv, self.payload, 0, 0, self.size)
