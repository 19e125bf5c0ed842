"""The layers the architecture promises: the core imports no Qt (so it runs on a server or in a
test without a screen), and the core's modules can all be imported that way."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import yichuang

ROOT = Path(__file__).resolve().parents[1]


def test_core_imports_no_qt():
    modules = [f"yichuang.{m.name}" for m in pkgutil.iter_modules(yichuang.__path__)]
    assert "yichuang.queue" in modules and "yichuang.cli" in modules
    script = (
        "import sys\n"
        f"for name in {modules!r}:\n"
        "    __import__(name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'desktop'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "", f"Qt reached the core: {result.stdout}"


def test_no_qt_import_statement_in_core_sources():
    """Only the composition root (cli.py) may reach the front ends, and only lazily."""
    offenders = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "yichuang").rglob("*.py")
        if path.name != "cli.py"
        and any(
            line.lstrip().startswith(
                ("import PySide6", "from PySide6", "from desktop", "import desktop")
            )
            for line in path.read_text("utf-8").splitlines()
        )
    ]
    assert offenders == []
