"""Translation sources and their compiled form, with Qt's own tools.

    python scripts/i18n.py update    # collect strings from the code into resources/i18n/*.ts
    python scripts/i18n.py release   # compile every .ts into the .qm the program loads
    python scripts/i18n.py check     # fail if a .ts misses strings or a .qm is out of date

Source strings are Chinese (the hall's language); ``yichuang_en.ts`` holds the English.
Strings in the Qt-free core are marked with ``QT_TRANSLATE_NOOP`` (see ``yichuang/i18n.py``).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import sysconfig
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
I18N = ROOT / "resources" / "i18n"
LANGUAGES = ["en"]
SOURCES = ["yichuang", "desktop"]


def tool(name: str) -> str:
    found = shutil.which(name) or shutil.which(name, path=sysconfig.get_path("scripts"))
    if found is None:
        sys.exit(f"{name} not found: install PySide6 into this environment")
    return found


def source_files() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for d in SOURCES for p in (ROOT / d).rglob("*.py"))


def ts_path(lang: str) -> Path:
    return I18N / f"yichuang_{lang}.ts"


def qm_path(lang: str) -> Path:
    return I18N / f"yichuang_{lang}.qm"


def lupdate(target: Path) -> None:
    subprocess.run(
        [
            tool("pyside6-lupdate"),
            "-locations",
            "none",
            "-no-obsolete",
            *source_files(),
            "-ts",
            str(target),
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )


def lrelease(source: Path, target: Path) -> None:
    subprocess.run(
        [tool("pyside6-lrelease"), "-silent", str(source), "-qm", str(target)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )


def messages(ts: Path) -> dict[tuple[str, str], tuple[str, str | None]]:
    """(context, source) -> (translation, type) of a .ts file."""
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            text = translation.text if translation is not None and translation.text else ""
            kind = translation.get("type") if translation is not None else None
            found[(name, message.findtext("source", ""))] = (text, kind)
    return found


def problems() -> list[str]:
    issues = []
    for lang in LANGUAGES:
        ts = ts_path(lang)
        if not ts.exists():
            issues.append(f"{ts.name} is missing: run scripts/i18n.py update")
            continue
        with tempfile.TemporaryDirectory() as tmp:
            fresh = Path(tmp) / ts.name
            shutil.copy(ts, fresh)
            lupdate(fresh)
            current = messages(fresh)
            compiled = Path(tmp) / "fresh.qm"
            lrelease(ts, compiled)
            if not qm_path(lang).exists() or qm_path(lang).read_bytes() != compiled.read_bytes():
                issues.append(
                    f"{qm_path(lang).name} does not match {ts.name}: run scripts/i18n.py release"
                )
        committed = messages(ts)
        for key, (text, kind) in current.items():
            if key not in committed:
                issues.append(f"{ts.name}: new string not collected: [{key[0]}] {key[1]}")
            elif not text or kind in ("unfinished", "vanished", "obsolete"):
                issues.append(f"{ts.name}: untranslated: [{key[0]}] {key[1]}")
    return issues


def main() -> int:
    command = sys.argv[1] if len(sys.argv) > 1 else "check"
    I18N.mkdir(parents=True, exist_ok=True)
    if command == "update":
        for lang in LANGUAGES:
            lupdate(ts_path(lang))
            print(f"updated {ts_path(lang).relative_to(ROOT)}")
    elif command == "release":
        for lang in LANGUAGES:
            lrelease(ts_path(lang), qm_path(lang))
            print(f"compiled {qm_path(lang).relative_to(ROOT)}")
    elif command == "check":
        issues = problems()
        for line in issues:
            print(line)
        return 1 if issues else 0
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
