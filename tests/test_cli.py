"""The ``yichuang`` command without a screen: init, config file, clear errors."""

from __future__ import annotations

import pytest

from yichuang import cli, config
from yichuang.db import open_database
from yichuang.hall import HallDirectory
from yichuang.queue import QueueEngine


def test_init_creates_the_demo_hall(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'hall.db'}"
    assert cli.main(["init", "--demo", "--db", url]) == 0
    assert "数据库已就绪" in capsys.readouterr().out
    store = open_database(url)
    try:
        directory = HallDirectory(store)
        assert len(directory.areas()) == 2
        assert len(directory.departments()) == 13
        assert len(directory.items()) >= 60
        assert directory.hall().name
        assert QueueEngine(store).counters()
    finally:
        store.close()
    # init again is harmless (upgrades nothing, keeps data)
    assert cli.main(["init", "--demo", "--db", url]) == 0


def test_init_loads_a_catalog_file(tmp_path):
    from yichuang.catalog import demo_catalog
    from yichuang.catalog_excel import export_catalog

    workbook = tmp_path / "catalog.xlsx"
    export_catalog(demo_catalog(), workbook)
    url = f"sqlite:///{tmp_path / 'hall.db'}"
    assert cli.main(["init", "--db", url, "--catalog", str(workbook)]) == 0
    store = open_database(url)
    try:
        assert len(HallDirectory(store).items()) == len(demo_catalog().items)
    finally:
        store.close()


def test_missing_or_broken_catalog_file_is_a_message(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'hall.db'}"
    assert cli.main(["init", "--db", url, "--catalog", str(tmp_path / "nope.json")]) == 2
    err = capsys.readouterr().err
    assert "nope.json" in err and "Traceback" not in err
    broken = tmp_path / "broken.json"
    broken.write_text('{"hall": ', "utf-8")
    assert cli.main(["init", "--db", url, "--catalog", str(broken)]) == 2
    assert "服务目录有误" in capsys.readouterr().err


def test_unreachable_database_is_a_message_not_a_traceback(capsys):
    code = cli.main(["init", "--db", "postgresql://postgres@127.0.0.1:1/none"])
    assert code == 2
    err = capsys.readouterr().err
    assert "无法连接数据库" in err
    assert "Traceback" not in err


def test_config_file_round_trip_and_cli_override(tmp_path):
    path = tmp_path / "yichuang.toml"
    config.save(config.PCConfig(db="sqlite:///x.db", counter=3, language="en"), path)
    loaded = config.load(path)
    assert (loaded.db, loaded.counter, loaded.language) == ("sqlite:///x.db", 3, "en")
    remembered = config.remember(path, counter=5)
    assert remembered.counter == 5 and config.load(path).db == "sqlite:///x.db"
    args = cli.build_parser().parse_args(["clerk", "--config", str(path), "--db", "sqlite:///y.db"])
    pc = cli.pc_settings(args)
    assert pc.db_url == "sqlite:///y.db" and pc.counter == 5


def test_bad_config_file_is_a_clear_error(tmp_path, capsys):
    path = tmp_path / "yichuang.toml"
    path.write_text('counter = "three"\n', "utf-8")
    assert cli.main(["init", "--config", str(path)]) == 2
    assert "配置有误" in capsys.readouterr().err
    path.write_text("db = [broken\n", "utf-8")
    with pytest.raises(config.ConfigError):
        config.load(path)


def test_default_database_lives_in_the_user_data_folder(monkeypatch, tmp_path):
    monkeypatch.delenv("YICHUANG_DB", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert config.PCConfig().db_url == f"sqlite:///{tmp_path / 'yichuang' / 'hall.db'}"
