"""The application shell every role shares: a font that draws Chinese, the hall style, errors."""

from __future__ import annotations

from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QLabel

from desktop.app import find_cjk_family, stylesheet, tr_error
from yichuang.errors import UnknownCounter

SAMPLE = "请A015号到3号窗口办理明白纸指路牌答复卡绿色通道"


def test_the_interface_font_draws_chinese(qapp):
    assert find_cjk_family() is not None, "install fonts-wqy-microhei (scripts/system-packages.sh)"
    metrics = QFontMetrics(qapp.font())
    missing = [ch for ch in SAMPLE if not metrics.inFontUcs4(ord(ch))]
    assert missing == [], f"these would show as boxes: {''.join(missing)}"


def test_a_label_renders_chinese_with_real_glyphs(qapp, qtbot):
    label = QLabel(SAMPLE)
    qtbot.addWidget(label)
    label.show()
    image = label.grab().toImage()
    assert image.width() > 200
    # glyphs leave ink: some pixels differ from the background
    background = image.pixelColor(0, 0)
    inked = sum(
        1
        for x in range(0, image.width(), 2)
        for y in range(0, image.height(), 2)
        if image.pixelColor(x, y) != background
    )
    assert inked > 100


def test_style_sheet_points_at_its_images(qapp):
    text = stylesheet()
    assert "@STYLES@" not in text
    assert "arrow-down.svg" in text


def test_errors_show_in_the_interface_language(qapp):
    assert tr_error(UnknownCounter(number=42)) == "未知的窗口：42"
