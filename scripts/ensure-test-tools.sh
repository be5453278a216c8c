#!/usr/bin/env bash
# What the tests need from Debian besides Node.js: Chromium for the e2e tests (never a browser
# downloaded by Playwright), Noto fonts for Arabic in it, and poppler's pdftoppm, which renders a
# brief's PDF to check its Arabic lines, and Caddy, which checks deploy/'s Caddyfiles and serves
# the HTTPS e2e test. Installs what is missing with apt-get when we are allowed
# to; otherwise says what to do. PostgreSQL and Redis are started by the tests' global set-up.
set -euo pipefail
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
missing=()
[ -x "$CHROMIUM" ] || missing+=(chromium fonts-noto-core)
command -v pdftoppm >/dev/null || missing+=(poppler-utils)
command -v caddy >/dev/null || missing+=(caddy)
[ ${#missing[@]} -eq 0 ] && exit 0
echo "Installing Debian's ${missing[*]} for the tests…" >&2
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
elif command -v sudo >/dev/null && command -v apt-get >/dev/null; then
  sudo apt-get update -qq
  sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
else
  echo "Cannot install ${missing[*]} here. Install them yourself (Debian/Ubuntu: apt-get install ${missing[*]})" >&2
  echo "or point CHROMIUM_PATH at a Chromium binary, then run the tests again." >&2
  exit 1
fi
[ -x "$CHROMIUM" ] || { echo "Chromium still not found at $CHROMIUM after installing." >&2; exit 1; }
command -v pdftoppm >/dev/null || { echo "pdftoppm still not found after installing poppler-utils." >&2; exit 1; }
command -v caddy >/dev/null || { echo "caddy still not found after installing." >&2; exit 1; }
