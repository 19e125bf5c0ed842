"""QR codes are drawn as vectors and decode back, from a rendered page, to the exact payload."""

from __future__ import annotations

import io
from dataclasses import replace

import pytest
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from printing import render, samples
from printing.qr import QUIET_ZONE, QRCodeFlowable, draw_qr, qr_matrix

from .pdfcheck import decode_qr_codes, image_count, needs_pdftoppm


def test_matrix_has_a_quiet_zone():
    matrix = qr_matrix("https://example.gov.cn/guide")
    ring = matrix[:QUIET_ZONE] + matrix[-QUIET_ZONE:]
    assert not any(any(row) for row in ring)
    assert not any(any(row[:QUIET_ZONE] + row[-QUIET_ZONE:]) for row in matrix)
    assert any(any(row) for row in matrix)


def test_empty_payload_is_refused():
    with pytest.raises(ValueError):
        QRCodeFlowable("", 30 * mm)


@needs_pdftoppm
def test_canvas_helper_draws_a_scannable_code(tmp_path):
    payload = "YC1:TEST:中文也可以:0123456789"
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    draw_qr(canvas, payload, 50 * mm, 150 * mm, 35 * mm)
    canvas.save()
    assert image_count(buffer.getvalue()) == 0
    assert decode_qr_codes(buffer.getvalue(), tmp_path) == [payload]


@needs_pdftoppm
@pytest.mark.parametrize(
    ("name", "payload"),
    [
        ("appointment_slip", samples.APPOINTMENT_QR),
        ("one_time_notice", samples.GUIDE_URL),
        ("referral_slip", "https://zwfw.sc.gov.cn/guide/item/510107-ybcb01"),
    ],
)
def test_printed_qr_decodes_to_its_payload(tmp_path, name, payload):
    pdf = render(samples.all_samples()[name])
    assert decode_qr_codes(pdf, tmp_path) == [payload]


@needs_pdftoppm
def test_a_long_signed_payload_still_scans(tmp_path):
    payload = "YC1:APPT:WH20240525-0007:2024-05-25T09:00:sig=" + "Ab3-_xYz09" * 20
    slip = replace(samples.appointment_slip(), qr_payload=payload)
    assert decode_qr_codes(render(slip), tmp_path) == [payload]
