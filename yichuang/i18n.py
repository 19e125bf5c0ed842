"""Translation markers for the Qt-free core.

``QT_TRANSLATE_NOOP`` has the name Qt's lupdate looks for, so strings marked here land in the
``.ts`` files under ``resources/i18n``; at run time it returns the source text unchanged and the
front end translates it with ``QCoreApplication.translate(context, text)``. Source strings are
Chinese, the hall's default language; English is the translation.
"""


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - lupdate needs this name
    return text
