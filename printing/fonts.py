"""Find and register one CJK TrueType font that reportlab can embed as a subset.

Search order: the ``YICHUANG_CJK_FONT`` environment variable (a .ttf/.ttc path), then known
install paths on Debian and Windows, then ``fc-match :lang=zh``. Each candidate is loaded and
must actually cover common Chinese characters (``fc-match`` happily answers DejaVu Sans on a
machine without CJK fonts). CFF-outline fonts such as Noto Sans CJK cannot be embedded by
reportlab and are skipped. The font is registered with reportlab once; reportlab's own font
registry is the cache, so there is no module state for tests to reset.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import threading
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

log = logging.getLogger(__name__)

FONT_NAME = "YichuangCJK"
ENV_VAR = "YICHUANG_CJK_FONT"

# A font must map all of these to count as a Chinese font.
_PROBE = "中文政务服务窗口受理通知书（）：、《》"

# reportlab only embeds TrueType (glyf) outlines; these families ship CFF outlines.
_CFF_MARKERS = ("notosanscjk", "notoserifcjk", "sourcehansans", "sourcehanserif")

_lock = threading.Lock()


class FontNotFound(RuntimeError):
    """No embeddable CJK font was found; the message says how to fix it (Chinese and English)."""

    def __init__(self, tried: Sequence[str] = ()) -> None:
        message = (
            "未找到可嵌入的中文字体：请安装 fonts-wqy-microhei"
            "（sudo apt-get install fonts-wqy-microhei），"
            f"或设置环境变量 {ENV_VAR} 指向 .ttf/.ttc 文件"
            "（Windows 上可指向 C:\\Windows\\Fonts\\simhei.ttf）。"
            "Noto Sans CJK 等 OpenType/CFF 字体无法嵌入。\n"
            "No embeddable Chinese font found: install fonts-wqy-microhei "
            "(sudo apt-get install fonts-wqy-microhei) or set the environment variable "
            f"{ENV_VAR} to a TrueType .ttf/.ttc file (on Windows e.g. "
            "C:\\Windows\\Fonts\\simhei.ttf). CFF/OpenType fonts such as Noto Sans CJK "
            "cannot be embedded."
        )
        if tried:
            message += "\n已尝试 / tried:\n  " + "\n  ".join(tried)
        super().__init__(message)
        self.tried = tuple(tried)


@dataclass(frozen=True)
class FontSource:
    """A font file (and the face inside a .ttc collection) worth trying."""

    path: str
    subfont_index: int = 0
    origin: str = "known path"


def known_font_paths(env: Mapping[str, str] | None = None) -> tuple[FontSource, ...]:
    """Install locations of embeddable CJK TrueType fonts on Debian/Ubuntu and Windows."""
    env = os.environ if env is None else env
    windows_fonts = Path(env.get("WINDIR", "C:/Windows")) / "Fonts"
    paths = [
        "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
        "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
        "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
        "/usr/share/fonts/truetype/arphic/uming.ttc",
        str(windows_fonts / "simhei.ttf"),
        str(windows_fonts / "msyh.ttc"),
        str(windows_fonts / "simsun.ttc"),
    ]
    return tuple(FontSource(p) for p in paths)


def _fc_match() -> FontSource | None:
    exe = shutil.which("fc-match")
    if exe is None:
        return None
    try:
        out = subprocess.run(
            [exe, "-f", "%{file}", ":lang=zh"],
            capture_output=True,
            text=True,
            timeout=5,
            check=False,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    if out.lower().endswith((".ttf", ".ttc")):
        return FontSource(out, 0, "fc-match")
    return None


def candidates(
    env: Mapping[str, str] | None = None,
    known: Sequence[FontSource] | None = None,
    use_fc_match: bool = True,
) -> Iterator[FontSource]:
    """Font files to try, best first."""
    env = os.environ if env is None else env
    if env.get(ENV_VAR):
        yield FontSource(env[ENV_VAR], 0, ENV_VAR)
    yield from known_font_paths(env) if known is None else known
    if use_fc_match:
        found = _fc_match()
        if found is not None:
            yield found


def _try_load(source: FontSource) -> tuple[TTFont | None, str]:
    """Load one candidate; return the font or the reason it was rejected."""
    path = Path(source.path)
    if not path.is_file():
        return None, "not found"
    if path.suffix.lower() not in (".ttf", ".ttc"):
        return None, "not a .ttf/.ttc file"
    if any(marker in path.name.lower().replace("-", "") for marker in _CFF_MARKERS):
        return None, "CFF outlines, reportlab cannot embed them"
    try:
        font = TTFont(FONT_NAME, str(path), subfontIndex=source.subfont_index)
    except Exception as exc:  # reportlab raises TTFError and assorted parse errors
        return None, f"cannot load: {exc}"
    covered = font.face.charToGlyph
    if not all(ord(ch) in covered for ch in _PROBE):
        return None, "no Chinese glyphs"
    return font, "ok"


def load_cjk_font(
    env: Mapping[str, str] | None = None,
    known: Sequence[FontSource] | None = None,
    use_fc_match: bool = True,
) -> TTFont:
    """Return the first usable CJK font (not registered); raise FontNotFound if there is none."""
    tried: list[str] = []
    seen: set[tuple[str, int]] = set()
    for source in candidates(env, known, use_fc_match):
        key = (source.path, source.subfont_index)
        if key in seen:
            continue
        seen.add(key)
        font, reason = _try_load(source)
        if font is not None:
            return font
        tried.append(f"{source.path} ({source.origin}): {reason}")
        if source.origin == ENV_VAR:
            log.warning("%s=%s is unusable (%s); searching elsewhere", ENV_VAR, source.path, reason)
    raise FontNotFound(tried)


def cjk_font_name() -> str:
    """Register the CJK font with reportlab on first use and return its font name."""
    with _lock:
        if FONT_NAME not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(load_cjk_font())
    return FONT_NAME


def cjk_font_path() -> str:
    """The file the registered CJK font was loaded from (for diagnostics)."""
    font = pdfmetrics.getFont(cjk_font_name())
    return str(font.face.filename)
