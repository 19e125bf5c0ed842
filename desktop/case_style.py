"""Extra style for the case-entry windows, layered over the hall style (``hall.qss``).

Set on the case form, the preview's owner and the appointment desk's dialogs; Qt cascades it to
their children. Images come from the hall style's folder. It only adds what those windows need: the outcome toggles, segmented choices,
the red frame of a field the core named (``invalid`` property), the green verdict of a checked
number, section headings and the success banner.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

_CASE_FORM_QSS = """
QPushButton[role="outcome"] {
    padding: 9px 6px;
    font-size: 13pt;
    border-radius: 8px;
    background: white;
}
QPushButton[role="outcome"]:checked {
    background: #1257b0;
    border: 1px solid #1257b0;
    color: white;
    font-weight: bold;
}
QPushButton[role="segment"] {
    padding: 6px 18px;
    border-radius: 0px;
    min-width: 56px;
}
QPushButton[role="segment"][position="left"] {
    border-top-left-radius: 8px;
    border-bottom-left-radius: 8px;
}
QPushButton[role="segment"][position="right"] {
    border-top-right-radius: 8px;
    border-bottom-right-radius: 8px;
}
QPushButton[role="segment"]:checked {
    background: #e3edf9;
    border-color: #1257b0;
    color: #0f3d7a;
    font-weight: bold;
}
QLineEdit[invalid="true"], QPlainTextEdit[invalid="true"], QComboBox[invalid="true"],
QDateEdit[invalid="true"], QTimeEdit[invalid="true"], QListWidget[invalid="true"],
QTableWidget[invalid="true"], QWidget[invalid="true"] {
    border: 2px solid #b3261e;
    background: #fff6f5;
}
QListWidget#caseItems::item {
    padding: 3px 2px;
}
QTableWidget::item {
    padding: 4px 6px;
}
QTableWidget QComboBox {
    padding: 2px 28px 2px 6px;
    border-radius: 4px;
    font-size: 11pt;
}
QListWidget#waitingCases::item {
    padding: 6px 4px;
    border-bottom: 1px solid #e3e9f1;
}
QLabel[role="ok"] {
    color: #1f7a43;
}
QLabel[role="section"] {
    font-size: 13pt;
    font-weight: bold;
    color: #0f3d7a;
}
QLabel[role="promise"] {
    font-size: 14pt;
    font-weight: bold;
    color: #1f7a43;
}
QLabel[role="prints"] {
    color: #0f3d7a;
    background: #eaf1fa;
    border-radius: 6px;
    padding: 6px 10px;
}
QFrame[role="banner-ok"] {
    background: #e7f4ec;
    border: 1px solid #9fd0b1;
    border-radius: 8px;
}
QFrame[role="banner-ok"] QLabel {
    color: #14532d;
    font-size: 13pt;
}
QLabel[role="big-number"] {
    font-size: 40pt;
    font-weight: bold;
    color: #0f3d7a;
}
QScrollArea#caseScroll, QWidget#caseScrollBody {
    background: transparent;
}
QScrollBar:vertical {
    width: 12px;
    background: transparent;
    margin: 0;
}
QScrollBar::handle:vertical {
    background: #b9c6d6;
    border-radius: 5px;
    min-height: 40px;
    margin: 1px;
}
QScrollBar::add-line:vertical, QScrollBar::sub-line:vertical {
    height: 0;
}
QScrollBar::add-page:vertical, QScrollBar::sub-page:vertical {
    background: transparent;
}
/* a date's calendar drop-down looks like the hall style's combo boxes */
QDateEdit {
    padding-right: 28px;
}
QDateEdit::drop-down {
    subcontrol-origin: padding;
    subcontrol-position: center right;
    width: 26px;
    border: none;
}
QDateEdit::down-arrow {
    image: url(@STYLES@/arrow-down.svg);
    width: 12px;
    height: 8px;
}
/* times are typed (or stepped with the arrow keys) */
QTimeEdit::up-button, QTimeEdit::down-button {
    width: 0px;
    border: none;
}
"""


def _styles_folder() -> str:
    return Path(str(resources.files("resources").joinpath("styles"))).as_posix()


CASE_FORM_QSS = _CASE_FORM_QSS.replace("@STYLES@", _styles_folder())
