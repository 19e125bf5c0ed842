"""Touch widgets for the lobby kiosk: big tiles, a scrolling tile grid, an on-screen keyboard,
the scanner's key collector, and the kiosk's style sheet at normal or elder-friendly (适老化)
size.

None of these take keyboard focus: on a kiosk the keyboard is the appointment scanner (a
keyboard wedge), and its characters must reach the window rather than a button.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

ELDER_SCALE = 1.35  # elder mode: every font and touch target this much larger


def set_role(widget: QWidget, role: str) -> None:
    """Change a widget's style role and re-apply the style sheet to it."""
    if widget.property("role") == role:
        return
    widget.setProperty("role", role)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


class Tile(QPushButton):
    """A large touch button with a wrapped title and a smaller subtitle.

    Signals: clicked() (from QPushButton).
    """

    def __init__(
        self,
        title: str,
        subtitle: str = "",
        *,
        title_role: str = "tile-title",
        accent: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setProperty("role", "tile")
        if accent:  # "green" (priority groups), "area" (service areas)
            self.setProperty("accent", accent)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.title_label = QLabel(title)
        self.subtitle_label = QLabel(subtitle)
        self.title_label.setProperty("role", title_role)
        self.subtitle_label.setProperty("role", "tile-sub")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 18, 22, 18)
        layout.setSpacing(6)
        for label in (self.title_label, self.subtitle_label):
            label.setWordWrap(True)
            label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            layout.addWidget(label)
        self.subtitle_label.setVisible(bool(subtitle))
        self.setAccessibleName(title)

    def title(self) -> str:
        return self.title_label.text()

    def set_subtitle(self, text: str) -> None:
        self.subtitle_label.setText(text)
        self.subtitle_label.setVisible(bool(text))

    # QPushButton sizes itself from its own text; a tile's size comes from its labels.
    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        layout = self.layout()
        return layout.totalSizeHint() if layout is not None else super().sizeHint()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        layout = self.layout()
        return layout.totalMinimumSize() if layout is not None else super().minimumSizeHint()

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt override
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        layout = self.layout()
        return layout.totalHeightForWidth(width) if layout is not None else -1


class TileGrid(QScrollArea):
    """Tiles in sections (an optional heading, then a grid), vertically scrollable.

    The number of columns follows the width (at least ``min_tile_width`` pixels per tile).

    Signals: scrolled() — the citizen is browsing (keeps the kiosk from going idle).
    """

    scrolled = Signal()

    def __init__(self, min_tile_width: int = 440, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.min_tile_width = min_tile_width
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._body = QWidget()
        self._body.setObjectName("tileGridBody")
        self._grid = QGridLayout(self._body)
        self._grid.setContentsMargins(0, 0, 8, 0)
        self._grid.setHorizontalSpacing(18)
        self._grid.setVerticalSpacing(18)
        self.setWidget(self._body)
        self.viewport().setAutoFillBackground(False)
        self._body.setAutoFillBackground(False)
        self._sections: list[tuple[QLabel | None, list[Tile]]] = []
        self._columns = 0
        self.verticalScrollBar().valueChanged.connect(self.scrolled)

    def tiles(self) -> list[Tile]:
        return [tile for _, tiles in self._sections for tile in tiles]

    def set_sections(self, sections: list[tuple[str, list[Tile]]]) -> None:
        """Replace the content; ``sections`` is a list of (heading or "", tiles)."""
        self.clear()
        for heading, tiles in sections:
            label = None
            if heading:
                label = QLabel(heading)
                label.setProperty("role", "kiosk-section")
                label.setWordWrap(True)
            self._sections.append((label, tiles))
        self._columns = 0
        self._relayout()
        self.verticalScrollBar().setValue(0)

    def clear(self) -> None:
        for label, tiles in self._sections:
            for widget in ([label] if label else []) + tiles:
                self._grid.removeWidget(widget)
                widget.deleteLater()
        self._sections = []

    def columns_for(self, width: int) -> int:
        return max(1, width // self.min_tile_width)

    def _relayout(self) -> None:
        columns = self.columns_for(self.viewport().width() or self.width())
        if columns == self._columns:
            return
        self._columns = columns
        while self._grid.count():
            self._grid.takeAt(0)
        for column in range(self._grid.columnCount()):
            self._grid.setColumnStretch(column, 0)
        for old_row in range(self._grid.rowCount()):
            self._grid.setRowStretch(old_row, 0)
        row = 0
        for label, tiles in self._sections:
            if label is not None:
                self._grid.addWidget(label, row, 0, 1, columns)
                label.show()  # at once, not on the next event loop pass
                row += 1
            for i, tile in enumerate(tiles):
                self._grid.addWidget(tile, row + i // columns, i % columns)
                tile.show()
            row += (len(tiles) + columns - 1) // columns
        for column in range(columns):
            self._grid.setColumnStretch(column, 1)
        self._grid.setRowStretch(row, 1)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._relayout()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self._relayout()  # filled while hidden, perhaps at another width


class ScanCollector(QObject):
    """Collects what a keyboard-wedge scanner types: characters, Enter after each line.

    A slip's QR may hold several lines, so Enter does not end the scan at once: the burst ends
    when ``settle_ms`` pass without a key after an Enter. Characters a US-layout scanner cannot
    type (Chinese) never arrive; the signed machine line is ASCII and does.

    Signals: scanned(str) — the burst's text, lines joined by "\n".
    """

    scanned = Signal(str)

    def __init__(self, settle_ms: int = 150, limit: int = 4096, parent: QObject | None = None):
        super().__init__(parent)
        self.limit = limit
        self.buffer = ""
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(settle_ms)
        self.timer.timeout.connect(self._finish)

    def key(self, event: QKeyEvent) -> bool:
        """Take a key press; True if it was part of a scan."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.buffer:
                self.buffer += "\n"
                self.timer.start()
            return True
        if event.key() == Qt.Key.Key_Escape:
            self.clear()
            return True
        text = event.text()
        if text and text.isprintable():
            self.buffer = (self.buffer + text)[-self.limit :]
            if self.timer.isActive():
                self.timer.start()  # more lines of the same code
            return True
        return False

    def clear(self) -> None:
        self.timer.stop()
        self.buffer = ""

    def _finish(self) -> None:
        text, self.buffer = self.buffer.strip(), ""
        if text:
            self.scanned.emit(text)


LETTER_ROWS = ("QWERTYUIOP", "ASDFGHJKL", "ZXCVBNM")
DIGIT_ROW = "1234567890"


class TouchKeyboard(QWidget):
    """An on-screen keyboard: letters (for pinyin initials), optionally digits and "-".

    Signals: typed(str) — a key's character (lower-case letters); erased(); cleared().
    """

    typed = Signal(str)
    erased = Signal()
    cleared = Signal()

    def __init__(self, *, digits: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        rows = ([DIGIT_ROW + "-"] if digits else []) + list(LETTER_ROWS)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        self.keys: dict[str, QPushButton] = {}
        for i, row in enumerate(rows):
            line = QHBoxLayout()
            line.setSpacing(8)
            line.addStretch(1)
            for char in row:
                key = self._key(char, "key")
                value = char.lower()
                key.clicked.connect(lambda _=False, v=value: self.typed.emit(v))
                self.keys[value] = key
                line.addWidget(key)
            if i == len(rows) - 1:
                erase = self._key(self.tr("退格"), "key-wide")
                erase.setAutoRepeat(True)
                erase.clicked.connect(self.erased)
                clear = self._key(self.tr("清空"), "key-wide")
                clear.clicked.connect(self.cleared)
                self.keys["erase"], self.keys["clear"] = erase, clear
                line.addWidget(erase)
                line.addWidget(clear)
            line.addStretch(1)
            layout.addLayout(line)

    def _key(self, text: str, role: str) -> QPushButton:
        key = QPushButton(text)
        key.setProperty("role", role)
        key.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        return key


def kiosk_stylesheet(scale: float = 1.0) -> str:
    """The kiosk's own sizes on top of the hall style (``resources/styles/hall.qss``)."""

    def pt(size: float) -> str:
        return f"{round(size * scale)}pt"

    def px(size: float) -> str:
        return f"{round(size * scale)}px"

    key = min(round(74 * scale), 78)  # eleven keys and their gaps fit 1080 pixels at any size
    return f"""
QPushButton {{ font-size: {pt(19)}; min-height: {px(76)}; padding: 8px 28px; border-radius: 14px; }}
QPushButton[role="tile"] {{ min-height: {px(118)}; padding: 0; border-width: 2px; }}
QPushButton[role="tile"][accent="green"] {{ min-height: {px(150)}; }}
QPushButton[role="tile"][accent="area"] {{ min-height: {px(300)}; }}
QPushButton[accent="area"] QLabel[role="tile-sub"] {{ font-size: {pt(16)}; }}
QPushButton[role="tile"][accent="green"] {{ border-color: #1f8a4c; }}
QPushButton[role="tile"]:disabled {{ background: #eef1f5; border-color: #d5dde8; }}
QPushButton[role="key"] {{ font-size: {pt(22)}; min-width: {key}px; max-width: {key}px;
    min-height: {px(74)}; padding: 0; border-radius: 10px; }}
QPushButton[role="key-wide"] {{ font-size: {pt(18)}; min-width: {key + 40}px; min-height: {px(74)};
    padding: 0 10px; border-radius: 10px; }}
QPushButton[role="search-entry"] {{ text-align: left; padding-left: {px(28)}; color: #4a5a6e;
    border: 2px solid #1257b0; min-height: {px(84)}; }}
QScrollBar:vertical {{ width: {px(16)}; background: #e3e9f1; border-radius: {px(8)}; }}
QScrollBar::handle:vertical {{ background: #9bb5d6; border-radius: {px(8)}; min-height: 60px; }}
QScrollBar::add-line:vertical, QScrollBar::sub-line:vertical {{ height: 0; }}
QPushButton[role="link"] {{ font-size: {pt(15)}; min-height: {px(56)}; padding: 4px 18px; }}
QPushButton[role="header-toggle"] {{ font-size: {pt(15)}; min-height: {px(52)}; padding: 2px 18px;
    background: transparent; color: white; border: 2px solid #9bb5d6; }}
QPushButton[role="header-toggle"]:checked {{ background: white; color: #0f3d7a; }}
QFrame[role="header"] QLabel[role="kiosk-hall"] {{ font-size: {pt(24)}; font-weight: bold; }}
QFrame[role="header"] QLabel[role="kiosk-clock"] {{ font-size: {pt(26)}; font-weight: bold; }}
QFrame[role="header"] QLabel[role="kiosk-date"] {{ font-size: {pt(13)}; color: #cfe0f5; }}
QFrame[role="banner-error"] QLabel {{ font-size: {pt(21)}; }}
QFrame[role="banner-error"] QLabel[role="banner-detail"] {{ font-size: {pt(15)}; font-weight: normal; }}
QFrame[role="kiosk-priority"] {{ background: #1f8a4c; }}
QFrame[role="kiosk-priority"] QLabel {{ color: white; font-size: {pt(19)}; font-weight: bold; }}
QLabel[role="kiosk-heading"] {{ font-size: {pt(28)}; font-weight: bold; color: #0f3d7a; }}
QLabel[role="kiosk-hint"] {{ font-size: {pt(15)}; color: #4a5a6e; }}
QLabel[role="kiosk-section"] {{ font-size: {pt(17)}; font-weight: bold; color: #0f3d7a;
    padding-top: {px(10)}; border-bottom: 2px solid #c9d6e6; }}
QLabel[role="kiosk-message"] {{ font-size: {pt(24)}; color: #1d2733; }}
QLabel[role="tile-title"] {{ font-size: {pt(21)}; font-weight: bold; color: #1d2733; }}
QLabel[role="tile-title"]:disabled {{ color: #9aa7b5; }}
QLabel[role="area-title"] {{ font-size: {pt(34)}; font-weight: bold; color: #0f3d7a; }}
QLabel[role="area-title"]:disabled {{ color: #9aa7b5; }}
QLabel[role="tile-sub"] {{ font-size: {pt(14)}; color: #4a5a6e; }}
QLineEdit[role="kiosk-search"] {{ font-size: {pt(26)}; min-height: {px(84)}; padding: 4px 18px;
    border: 2px solid #1257b0; border-radius: 14px; }}
QLabel[role="ticket-caption"] {{ font-size: {pt(22)}; color: #4a5a6e; }}
QLabel[role="ticket-number"] {{ font-size: {pt(150)}; font-weight: bold; color: #0f3d7a; }}
QLabel[role="ticket-service"] {{ font-size: {pt(26)}; font-weight: bold; }}
QLabel[role="ticket-line"] {{ font-size: {pt(22)}; }}
QLabel[role="ticket-priority"] {{ font-size: {pt(19)}; font-weight: bold; color: white;
    background: #1f8a4c; border-radius: 10px; padding: 8px 24px; }}
QLabel[role="print-busy"] {{ font-size: {pt(19)}; color: #4a5a6e; }}
QLabel[role="print-ok"] {{ font-size: {pt(19)}; color: #1f7a43; font-weight: bold; }}
QLabel[role="print-failed"] {{ font-size: {pt(21)}; color: #b3261e; font-weight: bold; }}
"""
