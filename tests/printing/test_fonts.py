"""The CJK font search: what it accepts, what it skips, and the advice when it finds nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from printing import fonts
from printing.fonts import ENV_VAR, FONT_NAME, FontNotFound, FontSource, load_cjk_font

WQY = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def test_nothing_found_raises_with_advice_in_chinese_and_english():
    with pytest.raises(FontNotFound) as caught:
        load_cjk_font(env={}, known=(), use_fc_match=False)
    message = str(caught.value)
    assert "未找到可嵌入的中文字体" in message
    assert "sudo apt-get install fonts-wqy-microhei" in message
    assert ENV_VAR in message
    assert "No embeddable Chinese font found" in message


def test_monkeypatched_search_that_finds_nothing(monkeypatch, tmp_path):
    bogus = tmp_path / "missing.ttf"
    monkeypatch.setenv(ENV_VAR, str(bogus))
    monkeypatch.setattr(fonts, "known_font_paths", lambda env=None: ())
    monkeypatch.setattr(fonts.shutil, "which", lambda name: None)
    with pytest.raises(FontNotFound) as caught:
        load_cjk_font()
    assert str(bogus) in str(caught.value)
    assert caught.value.tried == (f"{bogus} ({ENV_VAR}): not found",)


def test_cff_fonts_are_skipped_without_trying(tmp_path):
    noto = tmp_path / "NotoSansCJK-Regular.ttc"
    noto.write_bytes(b"not really a font")
    with pytest.raises(FontNotFound, match="CFF outlines"):
        load_cjk_font(env={}, known=(FontSource(str(noto)),), use_fc_match=False)


def test_broken_font_file_is_skipped(tmp_path):
    broken = tmp_path / "broken.ttf"
    broken.write_bytes(b"\x00" * 100)
    with pytest.raises(FontNotFound, match="cannot load"):
        load_cjk_font(env={}, known=(FontSource(str(broken)),), use_fc_match=False)


@pytest.mark.skipif(not DEJAVU.is_file(), reason="DejaVu Sans not installed")
def test_a_latin_only_font_is_not_taken_for_chinese():
    with pytest.raises(FontNotFound, match="no Chinese glyphs"):
        load_cjk_font(env={}, known=(FontSource(str(DEJAVU)),), use_fc_match=False)


@pytest.mark.skipif(not WQY.is_file(), reason="fonts-wqy-microhei not installed")
def test_environment_variable_comes_first():
    font = load_cjk_font(env={ENV_VAR: str(WQY)}, known=(), use_fc_match=False)
    assert Path(font.face.filename) == WQY


@pytest.mark.skipif(not WQY.is_file(), reason="fonts-wqy-microhei not installed")
def test_unusable_environment_variable_falls_back_to_known_paths(tmp_path):
    font = load_cjk_font(
        env={ENV_VAR: str(tmp_path / "nope.ttf")}, known=(FontSource(str(WQY)),), use_fc_match=False
    )
    assert Path(font.face.filename) == WQY


def test_registration_happens_once():
    assert fonts.cjk_font_name() == FONT_NAME
    assert fonts.cjk_font_name() == FONT_NAME
    assert Path(fonts.cjk_font_path()).is_file()
