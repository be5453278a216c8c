#!/usr/bin/env bash
# The e2e tests drive Debian's Chromium (never a browser downloaded by Playwright).
# Installs it with apt-get when it is missing and we are allowed to; otherwise says what to do.
set -euo pipefail
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then exit 0; fi
echo "Chromium is missing at $CHROMIUM: installing Debian's package…" >&2
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium fonts-noto-core >/dev/null
elif command -v sudo >/dev/null && command -v apt-get >/dev/null; then
  sudo apt-get update -qq
  sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-core >/dev/null
else
  echo "Cannot install Chromium here. Install it yourself (Debian/Ubuntu: apt-get install chromium)" >&2
  echo "or point CHROMIUM_PATH at a Chromium binary, then run the tests again." >&2
  exit 1
fi
[ -x "$CHROMIUM" ] || { echo "Chromium still not found at $CHROMIUM after installing." >&2; exit 1; }
