"""printing/ stays free of Qt, the database and the application core (checked in a clean process)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import importlib, pkgutil, sys
import printing
for module in pkgutil.walk_packages(printing.__path__, "printing."):
    if module.name != "printing.__main__":
        importlib.import_module(module.name)
forbidden = ("PySide6", "shiboken6", "peewee", "psycopg2", "yichuang", "desktop")
print(" ".join(sorted(m for m in sys.modules if m.split(".")[0] in forbidden)))
"""


def test_printing_imports_no_qt_no_database_no_core():
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
