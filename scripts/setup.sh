#!/usr/bin/env bash
# Installs what building and testing gol needs on Debian 12 (run as root). Idempotent.
set -euo pipefail
packages=(cmake ninja-build g++ pkg-config python3 libboost-context-dev libre2-dev doctest-dev
          golang-go lua5.4 luajit tzdata)
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "setup: installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
