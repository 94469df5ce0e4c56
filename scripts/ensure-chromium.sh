#!/bin/sh
# The browser tests need Debian's Chromium. Install it when we can; never skip silently.
set -e
if command -v chromium >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Chromium fehlt: installiere es aus den Debian-Paketen ..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null
  command -v chromium >/dev/null 2>&1 && exit 0
fi
echo "Chromium fehlt. Bitte installieren Sie es, z. B. mit:" >&2
echo "  sudo apt-get update && sudo apt-get install -y --no-install-recommends chromium" >&2
echo "Die Browser-Tests werden nicht übersprungen; ohne Chromium schlägt 'make test' fehl." >&2
exit 1
