"""The painted pieces of the hall's displays: the flashing call banner, the scrolling notice,
a counter's tile, and the palette and scaling they share.

Sizes are given in pixels for a 1080-line screen and multiplied by the screen's scale, so the
same layout fills a 1366x768 television or a 4K panel.
"""

from __future__ import annotations

import math
import re
from typing import Any

from PySide6.QtCore import QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget

from desktop.announcer import display_sentence
from desktop.app import restyle
from yichuang.queue import CounterStatus

# The hall display palette: deep blue ground, white words, yellow numbers, red for "now".
GROUND = "#062a5e"
GROUND_DEEP = "#041c42"
PANEL = "#0b3a7e"
PANEL_EDGE = "#2a66c2"
WHITE = "#ffffff"
SOFT = "#b9cdee"
DIM = "#6f8dbf"
YELLOW = "#ffd400"
FLASH = "#c8102e"
AMBER = "#ffb74d"


def scaled_style(template: str, scale: float) -> str:
    """Replace every ``{NN}`` in a style sheet by NN pixels times ``scale``."""
    return re.sub(r"\{(\d+)\}", lambda m: str(max(1, round(int(m.group(1)) * scale))), template)


def split_counter_name(name: str) -> tuple[str, str]:
    """ "14号窗口（办不成事反映窗口）" -> ("14号窗口", "办不成事反映窗口")."""
    match = re.fullmatch(r"\s*(.*?)\s*[（(]\s*(.*?)\s*[)）]\s*", name)
    return (match.group(1), match.group(2)) if match else (name, "")


# ---- painted parts ---------------------------------------------------------------------------


class CallBanner(QWidget):
    """The newest call, large: 请 A015 号 / 到 3号窗口 办理; it flashes when a call arrives.

    Signals:
    - flashing_changed(bool): flashing started or stopped.
    """

    flashing_changed = Signal(bool)

    FLASHES = 10  # on/off halves
    FLASH_MS = 450

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ticket = ""
        self.counter_name = ""
        self.scale = 1.0
        self._lit = False
        self._left = 0
        self._timer = QTimer(self)
        self._timer.setInterval(self.FLASH_MS)
        self._timer.timeout.connect(self._blink)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    @property
    def sentence(self) -> str:
        if not self.ticket:
            return ""
        return display_sentence(self.ticket, self.counter_name)

    @property
    def flashing(self) -> bool:
        return self._timer.isActive()

    def set_call(self, ticket: str, counter_name: str, *, flash: bool) -> None:
        self.ticket, self.counter_name = ticket, counter_name
        if flash:
            self._left = self.FLASHES
            self._lit = True
            if not self._timer.isActive():
                self._timer.start()
                self.flashing_changed.emit(True)
        self.update()

    def _blink(self) -> None:
        self._left -= 1
        self._lit = not self._lit
        if self._left <= 0:
            self._lit = False
            self._timer.stop()
            self.flashing_changed.emit(False)
        self.update()

    def paintEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        s = self.scale
        rect = QRectF(self.rect()).adjusted(2, 2, -2, -2)
        path = QPainterPath()
        path.addRoundedRect(rect, 18 * s, 18 * s)
        painter.fillPath(path, QColor(FLASH if self._lit else PANEL))
        painter.setPen(QColor(YELLOW if self._lit else PANEL_EDGE))
        painter.drawPath(path)

        family = self.font().family()
        caption = QFont(family)
        caption.setPixelSize(max(10, int(34 * s)))
        caption.setBold(True)
        painter.setFont(caption)
        painter.setPen(QColor(YELLOW if self._lit else SOFT))
        top = rect.top() + 26 * s
        painter.drawText(
            QRectF(rect.left() + 32 * s, top, rect.width(), 44 * s),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            self.tr("正在叫号"),
        )
        inner = rect.adjusted(36 * s, 80 * s, -36 * s, -24 * s)
        if not self.ticket:
            self._draw_line(
                painter,
                family,
                inner,
                inner.center().y() + 20 * s,
                [(self.tr("请留意叫号"), SOFT, 80 * s, True)],
            )
            return
        main, extra = split_counter_name(self.counter_name)
        number_colour = WHITE if self._lit else YELLOW
        self._draw_line(
            painter,
            family,
            inner,
            inner.top() + inner.height() * 0.56,
            [
                (self.tr("请") + " ", WHITE, 92 * s, False),
                (self.ticket, number_colour, 230 * s, True),
                (" " + self.tr("号"), WHITE, 92 * s, False),
            ],
        )
        to_line = [
            (self.tr("到") + " ", WHITE, 76 * s, False),
            (main, number_colour, 96 * s, True),
        ]
        if extra:
            to_line.append(("（" + extra + "）", number_colour, 56 * s, True))
        to_line.append((" " + self.tr("办理"), WHITE, 76 * s, False))
        self._draw_line(painter, family, inner, inner.bottom() - 30 * s, to_line)

    @staticmethod
    def _draw_line(
        painter: QPainter,
        family: str,
        box: QRectF,
        baseline: float,
        parts: list[tuple[str, str, float, bool]],
    ) -> None:
        """Draw coloured pieces of text on one baseline, centred, shrunk to fit the box."""

        def fonts(factor: float) -> list[QFont]:
            out = []
            for _, _, size, bold in parts:
                font = QFont(family)
                font.setPixelSize(max(8, int(size * factor)))
                font.setBold(bold)
                out.append(font)
            return out

        factor = 1.0
        for _ in range(12):
            width = sum(
                QFontMetricsF(f).horizontalAdvance(p[0])
                for f, p in zip(fonts(factor), parts, strict=True)
            )
            if width <= box.width():
                break
            factor *= max(0.5, box.width() / width * 0.98)
        x = box.left() + (box.width() - width) / 2
        for font, (text, colour, _, _) in zip(fonts(factor), parts, strict=True):
            painter.setFont(font)
            painter.setPen(QColor(colour))
            painter.drawText(int(x), int(baseline), text)
            x += QFontMetricsF(font).horizontalAdvance(text)


class Marquee(QWidget):
    """A notice that scrolls from right to left, over and over."""

    SPEED = 110  # pixels a second at 1080 lines
    TICK_MS = 30

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._offset = 0.0
        self.scale = 1.0
        self._timer = QTimer(self)
        self._timer.setInterval(self.TICK_MS)
        self._timer.timeout.connect(self._step)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def text(self) -> str:
        return self._text

    def set_text(self, text: str) -> None:
        if text == self._text:
            return
        self._text = text
        self._offset = 0.0
        if text:
            self._timer.start()
        else:
            self._timer.stop()
        self.update()

    def stop(self) -> None:
        self._timer.stop()

    def _step(self) -> None:
        self._offset += self.SPEED * self.scale * self.TICK_MS / 1000
        self.update()

    def paintEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        if not self._text:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        font = QFont(self.font().family())
        font.setPixelSize(max(10, int(self.height() * 0.52)))
        painter.setFont(font)
        painter.setPen(QColor(YELLOW))
        metrics = QFontMetricsF(font)
        period = metrics.horizontalAdvance(self._text) + self.width() * 0.35
        # Start at the right edge, then repeat the text every `period` pixels.
        x = self.width() - math.fmod(self._offset, period)
        baseline = (self.height() + metrics.ascent() - metrics.descent()) / 2
        while x > -period:
            x -= period
        while x < self.width():
            painter.drawText(int(x), int(baseline), self._text)
            x += period


class CounterTile(QFrame):
    """One counter in the grid: its name and the number it serves (or 暂停 / —)."""

    def __init__(self, number: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.number = number
        self.setObjectName("tile")
        self.name_label = QLabel(self)
        self.name_label.setObjectName("tileName")
        self.name_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.note_label = QLabel(self)
        self.note_label.setObjectName("tileNote")
        self.note_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.value_label = QLabel(self)
        self.value_label.setObjectName("tileValue")
        self.value_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 6)
        layout.setSpacing(0)
        layout.addWidget(self.name_label)
        layout.addWidget(self.note_label)
        layout.addWidget(self.value_label, 1)
        self._highlight = QTimer(self)
        self._highlight.setSingleShot(True)
        self._highlight.timeout.connect(lambda: self._set_state(self.property("state"), False))
        self.current: str | None = None
        self.status = CounterStatus.CLOSED

    def set_name(self, name: str) -> None:
        main, extra = split_counter_name(name)
        self.name_label.setText(main)
        self.note_label.setText(extra)
        self.note_label.setVisible(bool(extra))

    def show_state(self, status: CounterStatus, current: str | None) -> None:
        self.status, self.current = status, current
        if status == CounterStatus.PAUSED:
            self.value_label.setText(self.tr("暂停"))
            state = "paused"
        elif current:
            self.value_label.setText(current)
            state = "serving"
        else:
            self.value_label.setText("—")
            state = "idle" if status == CounterStatus.OPEN else "closed"
        self._set_state(state, self._highlight.isActive())

    def highlight(self, ms: int = 8000) -> None:
        self._highlight.start(ms)
        self._set_state(self.property("state"), True)

    def _set_state(self, state: str, called: bool) -> None:
        for widget in (self, self.value_label):
            widget.setProperty("state", state)
            restyle(widget, "called", called)
