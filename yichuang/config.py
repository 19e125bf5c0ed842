"""Per-PC settings: which hall database to use, language, this PC's counter and printers.

Kept in a small TOML file in the user's config folder (platformdirs), so each PC of a hall is
set up once; command-line options override it. Hall-wide settings live in the database instead
(``yichuang.settings``).
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any

import platformdirs

from yichuang.errors import ConfigError

APP = "yichuang"


def default_db_url() -> str:
    data = Path(platformdirs.user_data_dir(APP, appauthor=False))
    return f"sqlite:///{data / 'hall.db'}"


def default_config_path() -> Path:
    env = os.environ.get("YICHUANG_CONFIG")
    if env:
        return Path(env)
    return Path(platformdirs.user_config_dir(APP, appauthor=False)) / "yichuang.toml"


@dataclass(frozen=True)
class PCConfig:
    db: str = ""  # empty: the SQLite default in the user's data folder
    language: str = "zh_CN"  # zh_CN or en
    counter: int = 0  # the counter this PC serves (clerk, per-counter display); 0 = ask
    printer: str = ""  # system printer name for tickets/documents; empty = default printer
    escpos: str = ""  # ESC/POS ticket printer, e.g. "network:192.168.1.50" or "usb:0x0416:0x5011"
    screen: int = 0  # which monitor the call display uses
    kiosk_id: str = "kiosk-1"  # names this kiosk in idempotent ticket requests

    @property
    def db_url(self) -> str:
        return self.db or os.environ.get("YICHUANG_DB", "") or default_db_url()


def load(path: Path | None = None) -> PCConfig:
    path = path or default_config_path()
    if not path.exists():
        return PCConfig()
    try:
        raw = tomllib.loads(path.read_text("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(detail=f"{path}: {exc}") from exc
    known = {f.name: f.type for f in fields(PCConfig)}
    values: dict[str, Any] = {}
    for key, value in raw.items():
        if key not in known:
            continue  # a newer version's key: keep working
        expected = int if known[key] == "int" else str
        if not isinstance(value, expected) or isinstance(value, bool):
            raise ConfigError(detail=f"{path}: {key} = {value!r}")
        values[key] = value
    return PCConfig(**values)


def save(config: PCConfig, path: Path | None = None) -> Path:
    """Write the file (only values that differ from the defaults)."""
    path = path or default_config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    defaults = asdict(PCConfig())
    lines = ["# Yichuang settings for this PC (yichuang.toml)"]
    for key, value in asdict(config).items():
        if value == defaults[key]:
            continue
        if isinstance(value, int):
            lines.append(f"{key} = {value}")
        else:
            escaped = str(value).replace("\\", "\\\\").replace('"', '\\"')
            lines.append(f'{key} = "{escaped}"')
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


def remember(path: Path | None = None, **changes: Any) -> PCConfig:
    """Update some values of the file (e.g. the counter a clerk chose)."""
    config = replace(load(path), **changes)
    save(config, path)
    return config
