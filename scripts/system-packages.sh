#!/usr/bin/env bash
# Installs what Yichuang needs from the operating system on Debian/Ubuntu: a Chinese font that
# both Qt and the PDF documents can use, the libraries Qt loads, PDF tools for the tests and an
# offline Mandarin voice for the call display. Safe to run again; skips what is present.
set -euo pipefail

need=()
have_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }

packages=(
  fonts-wqy-microhei            # CJK TrueType collection reportlab can embed; Qt draws it too
  python3-venv                  # python -m venv on Debian's own Python
  libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0
  libxcb-image0 libxcb-render-util0 libxcb-randr0 libxcb-xfixes0
  libpulse0                     # QtMultimedia / QtTextToSpeech load it
  speech-dispatcher speech-dispatcher-espeak-ng espeak-ng libspeechd2  # offline Mandarin voice
  poppler-utils                 # pdftoppm: tests render PDFs to look at them and decode QR codes
  xvfb                          # optional: run the windows on a virtual screen for screenshots
)
if [ "${1:-}" = "--with-postgres" ]; then
  packages+=(postgresql)
fi

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "Not a Debian/Ubuntu system: install a CJK TrueType font (e.g. WenQuanYi Micro Hei) and"
  echo "the Qt runtime libraries yourself, or set YICHUANG_CJK_FONT to a .ttf/.ttc file."
  exit 0
fi
for p in "${packages[@]}"; do
  have_pkg "$p" || need+=("$p")
done
if [ ${#need[@]} -eq 0 ]; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "需要安装系统软件包 / missing system packages: ${need[*]}"
    echo "Run as root: apt-get install ${need[*]}"
    exit 1
  fi
fi
echo "Installing system packages: ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
