"""Creating the Qt application: language, CJK font, hall style; and showing errors to people.

Every role calls ``create_application`` once. Chinese is the source language of the interface;
English comes from ``resources/i18n/yichuang_en.qm``.
"""

from __future__ import annotations

import logging
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from yichuang.errors import YichuangError

log = logging.getLogger(__name__)

# Families we know draw Chinese well, best first (Debian, Windows, macOS).
CJK_FAMILIES = [
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "Microsoft YaHei",
    "SimHei",
    "PingFang SC",
    "WenQuanYi Zen Hei",
]


def tr_error(err: YichuangError) -> str:
    """The error's message in the interface language."""
    return err.user_message(QCoreApplication.translate)


def find_cjk_family() -> str | None:
    available = set(QFontDatabase.families())
    for family in CJK_FAMILIES:
        if family in available:
            return family
    for family in QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese):
        return family
    return None


def install_translators(app: QApplication, language: str) -> list[QTranslator]:
    """Load our English catalogue (and Qt's own) when the language is not Chinese."""
    translators: list[QTranslator] = []
    if language.startswith("zh"):
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
        qt = QTranslator(app)
        if qt.load("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt)
            translators.append(qt)
        return translators
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    ours = QTranslator(app)
    qm = resources.files("resources").joinpath(f"i18n/yichuang_{language}.qm")
    # Load from the file: QTranslator.load(bytes) keeps a pointer to the bytes, not a copy.
    if qm.is_file() and ours.load(str(qm)):
        app.installTranslator(ours)
        translators.append(ours)
    else:
        log.warning("no translation for %s; the interface stays in Chinese", language)
    return translators


def stylesheet() -> str:
    """The hall style, with ``@STYLES@`` pointing at its folder (for images such as arrows)."""
    folder = resources.files("resources").joinpath("styles")
    text = folder.joinpath("hall.qss").read_text("utf-8")
    return text.replace("@STYLES@", Path(str(folder)).as_posix())


def create_application(argv: list[str], language: str = "zh_CN") -> QApplication:
    app = QApplication.instance() or QApplication(argv)
    assert isinstance(app, QApplication)
    app.setOrganizationName("Yichuang")
    app.setApplicationName("一窗")
    family = find_cjk_family()
    if family is None:
        log.error(
            "no Chinese font found: Chinese will show as boxes. Install one "
            "(Debian: apt-get install fonts-wqy-microhei; Windows ships Microsoft YaHei)."
        )
    else:
        font = QFont(family)
        font.setPointSize(11)
        app.setFont(font)
    app._yichuang_translators = install_translators(app, language)  # type: ignore[attr-defined]
    app.setStyleSheet(stylesheet())
    return app


def restyle(widget: QWidget, name: str, value: object) -> None:
    """Set a style property (``role``, ``state``…) and re-apply the style sheet to the widget,
    which Qt does not do by itself when a property changes."""
    widget.setProperty(name, value)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def show_error(parent: QWidget | None, err: YichuangError | str, title: str | None = None) -> None:
    """A modal message a clerk can read; the English text goes to the log."""
    text = tr_error(err) if isinstance(err, YichuangError) else err
    log.warning("%s", err)
    QMessageBox.warning(parent, title or QCoreApplication.translate("app", "提示"), text)
