#!/bin/sh
# The Nu Html Checker (vnu.jar) for the HTML validation test, run with Debian's Java.
# Fetched once from the npm registry (package vnu-jar, checked against its SHA-256) into a
# cache shared by every checkout of this user; prints the jar's path. Never skipped silently.
set -e
VERSION=26.9.27
SHA256=5970d3ffca91a627cf0965e5d91bb2e4242307c29292998de0b419d6a901b2b7
CACHE="${VNU_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/digitalstrategie-nrw}"
JAR="$CACHE/vnu-$VERSION.jar"

if ! command -v java >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Java fehlt: installiere es aus den Debian-Paketen ..." >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends default-jre-headless >/dev/null
  fi
  if ! command -v java >/dev/null 2>&1; then
    echo "Java fehlt (für den Nu Html Checker). Bitte installieren Sie es, z. B. mit:" >&2
    echo "  sudo apt-get install -y --no-install-recommends default-jre-headless" >&2
    exit 1
  fi
fi

if [ ! -f "$JAR" ]; then
  mkdir -p "$CACHE"
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
  tarball="$work/vnu-jar-$VERSION.tgz"
  if command -v npm >/dev/null 2>&1; then
    (cd "$work" && npm pack --silent "vnu-jar@$VERSION" >/dev/null)
  else
    curl -fsSL -o "$tarball" "https://registry.npmjs.org/vnu-jar/-/vnu-jar-$VERSION.tgz"
  fi
  echo "$SHA256  $tarball" | sha256sum -c --quiet - >&2
  tar -xzf "$tarball" -C "$work" package/build/dist/vnu.jar
  # Atomic: a parallel run never sees half a jar.
  mv "$work/package/build/dist/vnu.jar" "$JAR.part.$$"
  mv "$JAR.part.$$" "$JAR"
fi
echo "$JAR"
