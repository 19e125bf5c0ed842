"""The ``yichuang`` command: parses arguments, opens the hall database, starts one role.

This is the composition root: it builds the services once and hands them to the windows.
Qt is imported only by the subcommands that open a window.
"""

from __future__ import annotations

import argparse
import logging
import sys
from dataclasses import replace
from pathlib import Path

from yichuang import config
from yichuang.catalog import Catalog, demo_catalog, load_json
from yichuang.db import describe, open_database
from yichuang.errors import CatalogError, YichuangError
from yichuang.hall import install_catalog
from yichuang.models import QueueRow

log = logging.getLogger("yichuang")

ROLES = ("kiosk", "display", "clerk")


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", help="database URL: sqlite:///path.db or postgresql://user@host/db")
    common.add_argument("--config", type=Path, help="this PC's settings file (yichuang.toml)")
    common.add_argument("--lang", choices=["zh_CN", "en"], help="interface language")
    common.add_argument("-v", "--verbose", action="store_true", help="debug logging")

    parser = argparse.ArgumentParser(
        prog="yichuang", description="一窗 政务服务大厅排队叫号与窗口管理"
    )
    sub = parser.add_subparsers(dest="command", required=True)
    init = sub.add_parser("init", parents=[common], help="create or upgrade a hall database")
    init.add_argument("--demo", action="store_true", help="also load the demo hall catalog")
    init.add_argument("--catalog", type=Path, help="load a catalog (JSON or .xlsx)")
    sub.add_parser("demo", parents=[common], help="every role of a small hall on this PC")
    kiosk = sub.add_parser("kiosk", parents=[common], help="lobby ticket machine (取号机)")
    kiosk.add_argument("--fullscreen", action="store_true")
    kiosk.add_argument("--elder", action="store_true", help="larger type (适老化)")
    display = sub.add_parser("display", parents=[common], help="call display (叫号大屏)")
    display.add_argument("--counter", type=int, help="the screen above one counter")
    display.add_argument("--screen", type=int, help="monitor number")
    display.add_argument("--windowed", action="store_true", help="not full screen")
    clerk = sub.add_parser("clerk", parents=[common], help="counter clerk console (窗口端)")
    clerk.add_argument("--counter", type=int)
    return parser


def pc_settings(args: argparse.Namespace) -> config.PCConfig:
    pc = config.load(args.config)
    if args.db:
        pc = replace(pc, db=args.db)
    if args.lang:
        pc = replace(pc, language=args.lang)
    return pc


def _load_catalog_file(path: Path) -> Catalog:
    if path.suffix.lower() == ".xlsx":
        from yichuang.catalog_excel import import_catalog

        return import_catalog(path)
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CatalogError(
            detail=f"{path}: {exc.strerror if isinstance(exc, OSError) else exc}"
        ) from exc
    return load_json(text)


def cmd_init(args: argparse.Namespace, pc: config.PCConfig) -> int:
    store = open_database(pc.db_url, migrate=True)
    try:
        if args.catalog:
            install_catalog(store, _load_catalog_file(args.catalog))
        elif args.demo:
            install_catalog(store, demo_catalog())
        print(f"数据库已就绪 / database ready: {describe(pc.db_url)}")
    finally:
        store.close()
    return 0


def ensure_demo_database(url: str) -> None:
    """The demo needs a hall: create the schema and load the demo catalog if it is empty."""
    store = open_database(url, migrate=True)
    try:
        if QueueRow.select().count() == 0:
            install_catalog(store, demo_catalog())
    finally:
        store.close()


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    try:
        pc = pc_settings(args)
        if args.command == "init":
            return cmd_init(args, pc)
        if args.command == "demo":
            ensure_demo_database(pc.db_url)
        from desktop.launch import launch  # Qt only from here on

        return launch(args, pc)
    except YichuangError as err:
        log.error("%s", err)
        print(err.user_message(), file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
