"""The English translation (resources/i18n/yichuang_en.ts and its .qm): complete, current,
faithful to every placeholder, and what Qt actually answers once the catalogue is loaded.

The sources are Chinese; ``scripts/i18n.py`` collects them with Qt's lupdate. Its ``problems()``
re-runs lupdate into a copy of the .ts, so a string added to the code later without an English
translation fails here, as does a .qm that was not compiled again.
"""

from __future__ import annotations

import importlib.util
import inspect
import re
import string
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from yichuang import errors
from yichuang.errors import AuthError, UnknownCounter, YichuangError

ROOT = Path(__file__).resolve().parents[1]
I18N = ROOT / "resources" / "i18n"
TS = I18N / "yichuang_en.ts"
QM = I18N / "yichuang_en.qm"

QT_ARG = re.compile(r"%(?:L?\d{1,2}|n)")
HTML_TAG = re.compile(r"</?[A-Za-z][^<>]*>")


def i18n_script():
    spec = importlib.util.spec_from_file_location("yichuang_i18n_script", ROOT / "scripts/i18n.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def format_fields(text: str) -> Counter[str]:
    """Python format fields as written ({ticket}, {n:>3}); doubled braces are literal text."""
    try:
        parsed = list(string.Formatter().parse(text))
    except ValueError:  # not a format template (a lone brace): compare the raw braces instead
        return Counter(re.findall(r"[{}]", text))
    return Counter(
        "{" + name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}"
        for _, name, spec, conversion in parsed
        if name is not None
    )


def placeholders(text: str) -> Counter[str]:
    return format_fields(text) + Counter(QT_ARG.findall(text)) + Counter(HTML_TAG.findall(text))


def translations() -> list[tuple[str, str, list[str]]]:
    """(context, source, [translation text per form]) for every message of the .ts."""
    found = []
    for context in ET.parse(TS).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            source = message.findtext("source", "")
            translation = message.find("translation")
            assert translation is not None, f"[{name}] {source}: no <translation>"
            forms = translation.findall("numerusform")
            texts = [f.text or "" for f in forms] if forms else [translation.text or ""]
            found.append((name, source, texts))
    return found


@pytest.fixture(scope="module")
def english() -> QTranslator:
    """The compiled catalogue loaded from its bytes, as desktop/app.py loads it.

    QTranslator.load(bytes) does not copy the data: the bytes must outlive the translator,
    so the test keeps them on the translator object."""
    translator = QTranslator()
    data = QM.read_bytes()
    assert translator.load(data), f"{QM} does not load"
    translator.data = data  # type: ignore[attr-defined]  # keep the catalogue's memory alive
    return translator


# ---- complete and current ---------------------------------------------------------------------


def test_every_string_in_the_code_is_translated_and_the_qm_is_current():
    assert i18n_script().problems() == []


def test_the_ts_has_no_unfinished_or_empty_translation():
    unfinished = []
    for context in ET.parse(TS).getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            texts = [translation.text] + [f.text for f in translation.findall("numerusform")]
            if translation.get("type") is not None or not any(t for t in texts):
                unfinished.append(f"[{context.findtext('name')}] {message.findtext('source')}")
    assert unfinished == []


def test_numerus_messages_have_both_english_forms():
    for context, source, texts in translations():
        if len(texts) > 1 or "%n" in source:
            assert len(texts) == 2 and all(texts), f"[{context}] {source}: {texts}"


# ---- faithful ---------------------------------------------------------------------------------


def test_every_translation_keeps_the_placeholders_of_its_source():
    wrong = []
    for context, source, texts in translations():
        for text in texts:
            if placeholders(text) != placeholders(source):
                wrong.append(f"[{context}] {source!r} -> {text!r}")
    assert wrong == []


def test_every_translation_keeps_the_line_breaks_of_its_source():
    """Multi-line labels (a case list entry, a check-in receipt) are laid out line by line."""
    wrong = [
        f"[{context}] {source!r} -> {text!r}"
        for context, source, texts in translations()
        for text in texts
        if text.count("\n") != source.count("\n")
    ]
    assert wrong == []


def test_translations_are_english():
    """No Chinese left in a translation, except a pinyin example that quotes Chinese names."""
    allowed = {("KioskWindow", "例如：社保卡 可输入 sbk，不动产 可输入 bdc")}
    han = re.compile(r"[\u4e00-\u9fff]")
    left = [
        f"[{context}] {text}"
        for context, source, texts in translations()
        for text in texts
        if han.search(text) and (context, source) not in allowed
    ]
    assert left == []


def test_the_placeholder_check_sees_what_it_must():
    assert placeholders("请 {ticket} 号到 {counter}办理") == Counter(["{ticket}", "{counter}"])
    assert placeholders("{{no}}、{{date}}：{missing}") == Counter(["{missing}"])
    assert placeholders("数据库：%1，共 %n 个") == Counter(["%1", "%n"])
    assert placeholders("Ticket {ticket}") != placeholders("请 {ticket} 号到 {counter}办理")


# ---- what Qt answers --------------------------------------------------------------------------


def test_the_catalogue_translates_an_error_message(english):
    assert english.translate("errors", "工号或密码不正确") == "Wrong staff ID or password"


def test_every_error_template_has_an_english_translation(english):
    """Each error class's message is marked for lupdate and translated (a template that is not
    wrapped in QT_TRANSLATE_NOOP would silently stay Chinese in the English interface)."""
    missing = []
    for _, cls in inspect.getmembers(errors, inspect.isclass):
        if issubclass(cls, YichuangError) and "zh" in vars(cls):
            translated = english.translate("errors", cls.zh)
            if not translated or translated == cls.zh:
                missing.append(f"{cls.__name__}: {cls.zh}")
    assert missing == []


@pytest.fixture
def english_app(qapp, english):
    """The English catalogue installed on the running application, removed afterwards."""
    assert QCoreApplication.installTranslator(english)
    yield qapp
    QCoreApplication.removeTranslator(english)


def test_qt_translates_with_the_installed_catalogue(english_app):
    assert QCoreApplication.translate("errors", "工号或密码不正确") == "Wrong staff ID or password"
    assert QCoreApplication.translate("ClerkConsole", "叫下一位") == "Call next"


def test_a_core_error_reads_in_english_with_its_parameter(english_app):
    assert UnknownCounter(number=42).user_message(QCoreApplication.translate) == (
        "Unknown counter: 42"
    )
    assert AuthError().user_message(QCoreApplication.translate) == ("Wrong staff ID or password")


def test_without_the_catalogue_the_interface_stays_chinese(qapp):
    assert UnknownCounter(number=42).user_message(QCoreApplication.translate) == "未知的窗口：42"
