#!/usr/bin/env bash
# System packages Cairn's build and tests need on Debian/Ubuntu: a compiler and cmake for
# llama.cpp, the libraries Qt's offscreen and xcb platforms load, fonts with Chinese glyphs,
# strace and util-linux for the offline checks. Installs only what is missing; elsewhere
# (macOS, Windows, no root) it says what to install and carries on.
set -euo pipefail

PACKAGES=(
  build-essential cmake git
  libegl1 libgl1 libglib2.0-0 libdbus-1-3 libfontconfig1 libxkbcommon0 libxkbcommon-x11-0
  libx11-xcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
  libxcb-render-util0 libxcb-shape0 libxcb-sync1 libxcb-xfixes0 libxcb-xkb1
  fonts-dejavu-core fonts-noto-cjk xvfb xauth strace util-linux binutils dpkg-dev
)

if ! command -v apt-get >/dev/null 2>&1 || ! command -v dpkg-query >/dev/null 2>&1; then
  echo "system_deps: not a Debian-like system; install a C/C++ compiler and cmake yourself" >&2
  exit 0
fi

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "system_deps: please install: ${missing[*]}" >&2
    exit 0
  fi
fi
echo "system_deps: installing ${missing[*]}" >&2
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
