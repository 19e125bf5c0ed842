"""Helpers that read a generated PDF back: page texts, fonts, images, QR codes."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import pypdf
import pytest

SUBSET_PREFIX = re.compile(r"^/[A-Z]{6}\+")

needs_pdftoppm = pytest.mark.skipif(
    shutil.which("pdftoppm") is None,
    reason="pdftoppm (poppler-utils) is not installed; cannot rasterise pages to decode QR codes",
)


def flat(text: str) -> str:
    """Text without any whitespace: PDF extraction breaks lines where the layout wrapped."""
    return "".join(text.split())


def page_texts(pdf: bytes) -> list[str]:
    """The whitespace-free text of every page."""
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return [flat(page.extract_text()) for page in reader.pages]


def all_text(pdf: bytes) -> str:
    return "".join(page_texts(pdf))


def fonts_of(pdf: bytes) -> list[pypdf.generic.DictionaryObject]:
    """Every font dictionary used by any page."""
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    found = []
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            found.append(font.get_object())
    return found


def image_count(pdf: bytes) -> int:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    count = 0
    for page in reader.pages:
        xobjects = page["/Resources"].get("/XObject", {})
        for xobject in xobjects.values():
            if xobject.get_object().get("/Subtype") == "/Image":
                count += 1
    return count


def decode_qr_codes(pdf: bytes, tmp_path: Path, page: int = 1, dpi: int = 200) -> list[str]:
    """Rasterise one page with pdftoppm and decode every QR code on it with zxing-cpp."""
    import zxingcpp
    from PIL import Image

    source = tmp_path / "doc.pdf"
    source.write_bytes(pdf)
    prefix = tmp_path / f"page{page}"
    subprocess.run(
        ["pdftoppm", "-r", str(dpi), "-png", "-f", str(page), "-l", str(page), str(source), prefix],
        check=True,
        capture_output=True,
    )
    (png,) = tmp_path.glob(f"page{page}*.png")
    with Image.open(png) as image:
        results = zxingcpp.read_barcodes(image)
    return [r.text for r in results if r.format == zxingcpp.BarcodeFormat.QRCode]
